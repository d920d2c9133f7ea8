"""``crossroads screen``: exit codes, one stderr line, JSON Lines (spec section 8)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crossroads.engines.screening.cli import main

from .helpers import record

ROOT = Path(__file__).resolve().parents[4]


def write(tmp_path: Path, data: Any, name: str = "r.json") -> str:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_a_valid_file_prints_the_result_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([write(tmp_path, record(statements={"free_text": "боюсь вернуться"}))])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    res = json.loads(out)
    assert res["schema"] == "crossroads.screening-result/1"
    assert "боюсь вернуться" in out  # UTF-8, not \u escapes


def test_an_invalid_record_prints_one_line_naming_the_field_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([write(tmp_path, record(person={"birth_date": "2031-01-01"}))])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err == "person.birth_date: 2031-01-01 is after the screening date 2026-11-20\n"


def test_an_unassigned_nationality_code_exits_2_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Section 1: an unknown code is invalid input; "ZZ" is no ISO 3166-1 alpha-2 code.
    code = main([write(tmp_path, record(person={"nationalities": ["ZZ"]}))])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.startswith("person.nationalities[0]: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe{}",
        b"",
        b"[]",
        b'{"country": "KG", "date": NaN}',
        b'{"country": "KG", "country": "KZ", "date": "2026-11-20"}',
    ],
)
def test_bad_input_never_gives_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    code = main([write(tmp_path, content)])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_an_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing.json")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["a.json", "b.json"]) == 2
    assert main(["--json", "a.json"]) == 2


def test_dash_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(record()).encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["pack"]["country"] == "KG"


def test_jsonl_prints_one_result_per_line_in_order_and_errors_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps(record(country="KZ")),
        json.dumps(record(person={"age_claimed": 15.0})),
        "{broken",
        json.dumps(record(country="TJ")),
    ]
    path = write(tmp_path, ("\n".join(lines) + "\n").encode(), "in.jsonl")
    code = main(["--jsonl", path])
    out = capsys.readouterr().out.splitlines()
    assert code == 2
    assert len(out) == 4
    assert json.loads(out[0])["pack"]["country"] == "KZ"
    assert json.loads(out[1]) == {
        "error": {"field": "person.age_claimed", "message": json.loads(out[1])["error"]["message"]}
    }
    assert json.loads(out[2])["error"]["field"] == "record"
    assert json.loads(out[3])["pack"]["country"] == "TJ"
    assert all(line.startswith("{") and ", " not in line[:40] for line in out)  # compact


def test_jsonl_with_only_valid_lines_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, (json.dumps(record()) + "\n").encode() * 3, "in.jsonl")
    assert main(["--jsonl", path]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_jsonl_results_match_single_record_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = record(statements={"fear_of_return": True}, person={"age_claimed": 9})
    main([write(tmp_path, data)])
    single = json.loads(capsys.readouterr().out)
    main(["--jsonl", write(tmp_path, (json.dumps(data) + "\n").encode(), "x.jsonl")])
    assert json.loads(capsys.readouterr().out) == single


def test_python_m_runs_the_cli(tmp_path: Path) -> None:
    path = write(tmp_path, record(person={"birth_date": "2031-01-01"}))
    done = subprocess.run(
        [sys.executable, "-m", "crossroads.engines.screening", path],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "person.birth_date: 2031-01-01 is after the screening date 2026-11-20"
    )


def test_jsonl_answers_a_blank_line_with_an_error_in_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Section 8: one result a line, in order, an invalid line's error in its place; so
    # output line n answers input line n, and a blank line must not shift the rest.
    line = json.dumps(record()).encode()
    path = write(tmp_path, line + b"\n\n" + line + b"\r\n", "in.jsonl")
    assert main(["--jsonl", path]) == 2
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [("error" in x) for x in out] == [False, True, False]
    assert out[1]["error"]["field"] == "record"


def test_jsonl_final_newline_ends_the_last_line_and_adds_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.dumps(record()).encode()
    assert main(["--jsonl", write(tmp_path, line + b"\r\n" + line + b"\n", "in.jsonl")]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["--jsonl", write(tmp_path, line, "last.jsonl")]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_jsonl_flag_may_follow_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = json.dumps(record()).encode()
    assert main([write(tmp_path, line + b"\n", "in.jsonl"), "--jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_a_lone_surrogate_in_free_text_gives_valid_json_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # JSON allows the escape \ud800, which is no character: the quoted words must still
    # be written (section 8: never a traceback).
    raw = b'{"country": "KG", "date": "2026-11-20", "statements": {"free_text": "%s"}}' % (
        b"go\\ud800 back afraid"
    )
    assert main([write(tmp_path, raw)]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["needs"][0]["code"] == "international_protection"
    assert main(["--jsonl", write(tmp_path, raw + b"\n", "in.jsonl")]) == 0
    assert json.loads(capsys.readouterr().out) == res


def test_a_lone_surrogate_in_an_unknown_key_gives_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = b'{"country": "KG", "date": "2026-11-20", "\\ud800": 1}'
    assert main([write(tmp_path, raw)]) == 2
    assert capsys.readouterr().err == "\\ud800: is not a known field\n"
    assert main(["--jsonl", write(tmp_path, raw + b"\n", "in.jsonl")]) == 2
    out = capsys.readouterr().out
    assert json.loads(out) == {"error": {"field": "\\ud800", "message": "is not a known field"}}


def test_an_integer_too_long_to_convert_names_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for field in ("age_claimed", "years_in_country"):
        raw = b'{"country": "KG", "date": "2026-11-20", "person": {"%s": 1%s}}' % (
            field.encode(),
            b"0" * 5000,
        )
        assert main([write(tmp_path, raw)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"person.{field}: ")
        assert err.count("\n") == 1


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"country": "KG", "date": "2026-11-20", "person": '
        + b"[" * 50_000
        + b"]" * 50_000
        + b"}",
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b'{"country": "KG", "date": "2026-11-20", "person": {"years_in_country": Infinity}}',
        b'{"country": "KG", "date": "2026-11-20", "person": {"years_in_country": 1e400}}',
        bytes(range(256)),
        b'[{"country": "KG", "date": "2026-11-20"}]',
        b'{"country": "KG", "date": "2026-11-20"} {"country": "KG", "date": "2026-11-20"}',
    ],
)
def test_hostile_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    code = main([write(tmp_path, content)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_jsonl_bad_utf8_on_one_line_spoils_only_that_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.dumps(record()).encode()
    path = write(tmp_path, line + b"\n\xff\xfe\n" + line + b"\n", "in.jsonl")
    assert main(["--jsonl", path]) == 2
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [("error" in x) for x in out] == [False, True, False]
    assert "UTF-8" in out[1]["error"]["message"]


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "usage" in capsys.readouterr().out


def test_closed_standard_input_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    for args in (["-"], ["--jsonl", "-"]):
        assert main(args) == 2
        assert capsys.readouterr().err == "-: cannot be read: standard input is closed\n"


class _Full(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(28, "No space left on device")


def test_output_that_cannot_be_written_exits_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    single = write(tmp_path, record())
    many = write(tmp_path, (json.dumps(record()) + "\n").encode() * 3, "in.jsonl")
    for args in ([single], ["--jsonl", many]):
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(_Full())))
        assert main(args) == 2
        assert capsys.readouterr().err == "output: cannot be written: No space left on device\n"
    monkeypatch.setattr(sys, "stdout", None)
    assert main([single]) == 2
    assert capsys.readouterr().err.count("\n") == 1
