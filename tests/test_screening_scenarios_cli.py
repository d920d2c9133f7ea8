"""Every hand-written screening scenario, run through the screening command line.

The scenarios live in tests/scenarios/screening/*.yaml; their expectations were derived by
hand from the contract (shared/spec/screening.md v1.1, section 4) and the guidance it
cites. Each is run in-process through `crossroads.engines.screening.cli.main`, one
through the real `python -m crossroads.engines.screening` command, and the whole set at
once through `--jsonl`, which must give the same results in the same order.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _import_loader() -> ModuleType:
    """Import tests/scenarios/screening/loader.py under a name that cannot collide."""
    name = "crossroads_screening_scenarios_loader"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent / "scenarios" / "screening" / "loader.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_loader = _import_loader()
Scenario = _loader.Scenario
check_error_line = _loader.check_error_line
check_result = _loader.check_result
load_scenarios = _loader.load_scenarios

REPO_ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = load_scenarios()


def _write_record(tmp_path: Path, scenario: Scenario) -> Path:
    path = tmp_path / (Path(scenario.name).stem + ".json")
    path.write_text(json.dumps(scenario.record, ensure_ascii=False), encoding="utf-8")
    return path


def _run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Call the CLI's `main` in-process; it may return its exit code or raise SystemExit."""
    from crossroads.engines.screening.cli import main

    try:
        code = main(args)
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    captured = capsys.readouterr()
    return (0 if code is None else int(code)), captured.out, captured.err


def test_there_are_at_least_45_scenarios() -> None:
    assert len(SCENARIOS) >= 45


def test_scenario_names_are_unique_and_numbered() -> None:
    numbers = [s.name[:3] for s in SCENARIOS]
    assert len(set(numbers)) == len(numbers), numbers


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario_through_cli(
    scenario: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run_main([str(_write_record(tmp_path, scenario))], capsys)
    assert "Traceback" not in err, err
    if scenario.is_invalid:
        assert code == 2, f"{scenario.name}: exit code {code}, stdout {out!r}"
        check_error_line(scenario, err)
        return
    assert code == 0, f"{scenario.name}: exit code {code}, stderr {err!r}"
    check_result(scenario, json.loads(out))


def test_real_command_screens_a_file(tmp_path: Path) -> None:
    """One smoke run of the real `python -m crossroads.engines.screening FILE`."""
    scenario = next(s for s in SCENARIOS if not s.is_invalid)
    path = _write_record(tmp_path, scenario)
    done = subprocess.run(
        [sys.executable, "-m", "crossroads.engines.screening", str(path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    check_result(scenario, json.loads(done.stdout))


def test_real_command_rejects_an_invalid_file_with_one_line(tmp_path: Path) -> None:
    scenario = next(s for s in SCENARIOS if s.is_invalid)
    path = _write_record(tmp_path, scenario)
    done = subprocess.run(
        [sys.executable, "-m", "crossroads.engines.screening", str(path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    check_error_line(scenario, done.stderr)


def test_jsonl_gives_the_same_results_in_order_as_one_by_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one_by_one: list[dict[str, Any]] = []
    for scenario in SCENARIOS:
        code, out, err = _run_main([str(_write_record(tmp_path, scenario))], capsys)
        one_by_one.append({"invalid": code == 2, "result": None if code == 2 else json.loads(out)})

    batch = tmp_path / "all.jsonl"
    batch.write_text(
        "".join(json.dumps(s.record, ensure_ascii=False) + "\n" for s in SCENARIOS),
        encoding="utf-8",
    )
    code, out, err = _run_main(["--jsonl", str(batch)], capsys)
    lines = out.splitlines()
    assert len(lines) == len(SCENARIOS), (len(lines), len(SCENARIOS))
    any_invalid = any(s.is_invalid for s in SCENARIOS)
    assert code == (2 if any_invalid else 0), (code, err)
    for scenario, single, line in zip(SCENARIOS, one_by_one, lines, strict=True):
        got = json.loads(line)
        if single["invalid"]:
            assert set(got) == {"error"}, f"{scenario.name}: {line}"
            assert set(got["error"]) >= {"field", "message"}, f"{scenario.name}: {line}"
            if scenario.is_invalid:
                check_result(scenario, got)
        else:
            assert got == single["result"], f"{scenario.name}: --jsonl differs from one by one"


def test_jsonl_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    valid = [s for s in SCENARIOS if not s.is_invalid][:3]
    text = "".join(json.dumps(s.record, ensure_ascii=False) + "\n" for s in valid)
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    )
    code, out, err = _run_main(["--jsonl", "-"], capsys)
    assert code == 0, err
    results = [json.loads(line) for line in out.splitlines()]
    assert len(results) == len(valid)
    for scenario, result in zip(valid, results, strict=True):
        check_result(scenario, result)


def test_bad_json_exits_2_with_one_line_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"schema": "crossroads.screening/1", "country": "KG",', encoding="utf-8")
    code, out, err = _run_main([str(path)], capsys)
    assert code == 2, (code, out, err)
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err
    assert out == ""


def test_a_record_that_is_not_an_object_is_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"country": "KG", "date": "2026-11-20"}]', encoding="utf-8")
    code, out, err = _run_main([str(path)], capsys)
    assert code == 2, (code, out, err)
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err


def test_a_bad_json_line_in_jsonl_gives_an_error_line_in_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    valid = next(s for s in SCENARIOS if not s.is_invalid)
    batch = tmp_path / "mixed.jsonl"
    line = json.dumps(valid.record, ensure_ascii=False)
    batch.write_text(f"{line}\n{{not json\n{line}\n", encoding="utf-8")
    code, out, err = _run_main(["--jsonl", str(batch)], capsys)
    assert code == 2, (code, err)
    assert "Traceback" not in err
    first, broken, last = (json.loads(x) for x in out.splitlines())
    assert set(broken) == {"error"} and set(broken["error"]) >= {"field", "message"}
    check_result(valid, first)
    assert first == last


def test_single_record_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    valid = next(s for s in SCENARIOS if not s.is_invalid)
    data = json.dumps(valid.record, ensure_ascii=False).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, err = _run_main(["-"], capsys)
    assert code == 0, err
    check_result(valid, json.loads(out))


def _reverse_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reverse_keys(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reverse_keys(v) for v in value]
    return value


def test_the_same_record_always_gives_the_same_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Section 2: "The same record and pack always give the same bytes" (key order in the
    input is not part of a JSON object, so reordering keys gives the same record)."""
    valid = [s for s in SCENARIOS if not s.is_invalid]
    first = tmp_path / "a.jsonl"
    first.write_text("".join(json.dumps(s.record) + "\n" for s in valid), encoding="utf-8")
    reordered = tmp_path / "b.jsonl"
    reordered.write_text(
        "".join(json.dumps(_reverse_keys(s.record)) + "\n" for s in valid), encoding="utf-8"
    )
    _, out_1, _ = _run_main(["--jsonl", str(first)], capsys)
    _, out_2, _ = _run_main(["--jsonl", str(first)], capsys)
    _, out_3, _ = _run_main(["--jsonl", str(reordered)], capsys)
    assert out_1 == out_2
    assert out_1 == out_3


NEED_CODES = {
    "international_protection", "unaccompanied_child", "separated_child", "child_at_risk",
    "family_tracing", "trafficking_presumed", "trafficking_possible", "labour_exploitation",
    "statelessness_risk", "documentation", "gbv_survivor", "torture_survivor", "medical_urgent",
    "medical_needs", "psychosocial", "older_person_at_risk", "single_parent", "regularisation",
    "voluntary_return", "irregular_stay", "labour_migrant_information",
}  # fmt: skip
PATHWAYS = {
    "asylum_procedure", "unhcr_mandate", "child_protection", "trafficking_identification",
    "victim_assistance", "statelessness_determination", "family_tracing", "medical_care",
    "psychosocial_support", "gbv_services", "legal_aid", "labour_inspection", "regularisation",
    "assisted_voluntary_return", "return_procedure", "migrant_information",
}  # fmt: skip
SAFEGUARDS = {
    "non_refoulement", "reflection_period", "non_punishment", "no_detention_child",
    "presumption_of_minority", "best_interests_first", "guardian_required", "confidentiality",
    "family_unity",
}  # fmt: skip
STATES = {"AF", "AZ", "CN", "IR", "KZ", "KG", "PK", "TJ", "TR", "TM"}


def test_the_scenarios_cover_every_code_pathway_safeguard_priority_and_state() -> None:
    needs: set[str] = set()
    pathways: set[str] = set()
    priorities: set[str] = set()
    safeguards: set[str] = set()
    states: set[str] = set()
    for s in SCENARIOS:
        if s.is_invalid:
            continue
        states.add(s.record["country"])
        needs.update(s.expect.get("needs", []), s.expect.get("needs_include", []))
        for key in ("referrals", "referrals_include"):
            for pathway, priority in (s.expect.get(key) or {}).items():
                pathways.add(pathway)
                if priority:
                    priorities.add(priority)
        safeguards.update(s.expect.get("safeguards", []), s.expect.get("safeguards_include", []))
    assert NEED_CODES - needs == set()
    assert PATHWAYS - pathways == set()
    assert SAFEGUARDS - safeguards == set()
    assert {"emergency", "urgent", "high", "normal"} - priorities == set()
    assert STATES - states == set()


def test_a_blank_line_in_jsonl_keeps_every_later_result_on_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Section 8: one result a line, in order, errors in place; output line n answers input
    line n, so a blank line must not shift the scenarios after it onto the wrong person."""
    valid = [s for s in SCENARIOS if not s.is_invalid][:4]
    lines = [json.dumps(s.record, ensure_ascii=False) for s in valid]
    batch = tmp_path / "gap.jsonl"
    batch.write_text("\n".join([lines[0], lines[1], "", lines[2], lines[3]]) + "\n", "utf-8")
    code, out, err = _run_main(["--jsonl", str(batch)], capsys)
    assert code == 2, (code, err)
    got = [json.loads(line) for line in out.splitlines()]
    assert len(got) == 5
    assert set(got[2]) == {"error"}
    for scenario, result in zip(valid, got[:2] + got[3:], strict=True):
        check_result(scenario, result)
