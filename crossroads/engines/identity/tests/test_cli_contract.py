"""The command-line contract of issue 5: dedupe and search, outputs, and bad input (exit 2)."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from crossroads.engines.identity.cli import dedupe_main, search_main

HEADER = "id,given_name,family_name,patronymic,birth_date,sex,nationality\n"
PEOPLE = (
    HEADER
    + "kz-1,Мухаммад,Рахимов,,1990-01-01,M,AF\n"
    + "unhcr-1,MOHAMMAD,RAKHIMOV,,1990,M,AF\n"
    + "af-1,محمد,رحیموف,,1990-01-01,,AF\n"
    + "tj-7,Zarina,Nazarova,Olimovna,1985-06-07,F,TJ\n"
    + "tj-8,Farrukh,Nazarov,Olimovich,1987-02-03,M,TJ\n"
)


def _write(tmp_path: Path, name: str, text: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def test_dedupe_writes_every_id_exactly_once(tmp_path: Path) -> None:
    source = _write(tmp_path, "in.csv", PEOPLE)
    out = str(tmp_path / "clusters.csv")
    assert dedupe_main([source, "--clusters", out]) == 0
    with open(out, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["kz-1", "unhcr-1", "af-1", "tj-7", "tj-8"]
    cluster = {r["id"]: r["cluster_id"] for r in rows}
    assert cluster["kz-1"] == cluster["unhcr-1"] == cluster["af-1"]
    assert cluster["tj-7"] != cluster["tj-8"]


def test_search_writes_ranked_probabilities_and_prints_latency(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = _write(tmp_path, "index.csv", PEOPLE)
    queries = _write(
        tmp_path,
        "queries.csv",
        HEADER + "q1,Muhammad,Rakhimov,,1990,M,AF\nq2,Nobody,Unknownov,,2001-02-03,F,KG\n",
    )
    out = str(tmp_path / "out.csv")
    code = search_main(["--index", index, "--queries", queries, "--top", "10", "--output", out])
    assert code == 0
    line = capsys.readouterr().out.strip()
    assert re.fullmatch(
        r"index built in \d+\.\d s; 2 queries: p50 \d+\.\d ms, p95 \d+\.\d ms", line
    )
    with open(out, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["query_id", "rank", "id", "match_probability"]
    q1 = [r for r in rows if r["query_id"] == "q1"]
    assert [int(r["rank"]) for r in q1] == list(range(1, len(q1) + 1))
    assert {r["id"] for r in q1 if float(r["match_probability"]) >= 0.5} >= {"kz-1", "unhcr-1"}
    assert all(0.0 <= float(r["match_probability"]) <= 1.0 for r in rows)
    assert all(float(r["match_probability"]) < 0.5 for r in rows if r["query_id"] == "q2")


def _run_dedupe(tmp_path: Path, text: str | bytes, capsys: pytest.CaptureFixture[str]) -> str:
    source = _write(tmp_path, "bad.csv", text)
    code = dedupe_main([source, "--clusters", str(tmp_path / "out.csv")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id,given_name,family_name\n1,A,B\n", "missing column(s) patronymic, birth_date"),
        (HEADER + "1,A,B,,1990,M,AF\n1,C,D,,1991,F,AF\n", "line 3: duplicate id '1'"),
        (HEADER + "1,A,B,,1990-13-01,M,AF\n", "line 2: birth_date '1990-13-01'"),
        (HEADER + "1,A,B,,01.02.1990,M,AF\n", "line 2: birth_date '01.02.1990'"),
        (HEADER + "1,A,B,,1990,X,AF\n", "line 2: sex 'X' is not M, F or empty"),
        (HEADER + "1,A,B,,1990,M,AFG\n", "line 2: nationality 'AFG'"),
        (HEADER + ",A,B,,1990,M,AF\n", "line 2: empty id"),
        (HEADER + "1,A,B,,1990,M\n", "line 2: expected 7 fields, found 6"),
        ("", "empty file"),
    ],
)
def test_malformed_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    assert expected in _run_dedupe(tmp_path, text, capsys)


def test_bad_encoding_exits_2_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = HEADER.encode() + "1,Мухаммад,B,,1990,M,AF\n".encode("cp1251")
    assert "line 2: not valid UTF-8" in _run_dedupe(tmp_path, data, capsys)


def test_missing_input_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = dedupe_main([str(tmp_path / "nope.csv"), "--clusters", str(tmp_path / "o.csv")])
    assert code == 2
    assert "cannot read" in capsys.readouterr().err


def test_missing_argument_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert search_main(["--index", "x.csv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "required" in err


def test_bad_queries_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = _write(tmp_path, "index.csv", PEOPLE)
    queries = _write(tmp_path, "q.csv", HEADER + "q1,A,B,,1990,M,AF\nq1,A,B,,1990,M,AF\n")
    out = str(tmp_path / "out.csv")
    assert search_main(["--index", index, "--queries", queries, "--output", out]) == 2
    assert "duplicate id 'q1'" in capsys.readouterr().err


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    source = _write(tmp_path, "bom.csv", b"\xef\xbb\xbf" + PEOPLE.encode())
    assert dedupe_main([source, "--clusters", str(tmp_path / "out.csv")]) == 0


def test_module_entry_point_runs_without_configuration(tmp_path: Path) -> None:
    source = _write(tmp_path, "in.csv", PEOPLE)
    out = tmp_path / "clusters.csv"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "crossroads.engines.identity",
            "dedupe",
            source,
            "--clusters",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert out.read_text(encoding="utf-8").startswith("id,cluster_id\n")


def test_module_entry_point_bad_input_exits_2_without_traceback(tmp_path: Path) -> None:
    source = _write(tmp_path, "bad.csv", "id,name\n1,x\n")
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "crossroads.engines.identity",
            "search",
            "--index",
            source,
            "--queries",
            source,
            "--output",
            str(tmp_path / "o.csv"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stderr.count("\n") == 1
    assert "Traceback" not in completed.stderr
