"""The API's `result` is exactly what `crossroads screen` prints for the same record."""

from __future__ import annotations

import json

import pytest

from crossroads.engines.screening.cli import main
from crossroads.screening.tests.conftest import fear_record

pytestmark = pytest.mark.django_db


def _cli(record, tmp_path, capsys):
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    try:
        code = main([str(path)])
    except SystemExit as exit_:
        code = exit_.code
    assert code in (0, None)
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "record",
    [
        fear_record(),
        {
            "country": "KG",
            "date": "2026-11-20",
            "location": {"kind": "inland"},
            "person": {
                "birth_date": "2011-03",
                "nationalities": ["UZ"],
                "documents": [{"type": "passport", "held_by": "employer"}],
            },
            "travel": {"accompanied_by": "none", "moved_or_recruited_by_another": True},
            "indicators": {"forced_labour": ["withholding_of_wages"], "pregnant": True},
        },
    ],
    ids=["fear", "child-worker"],
)
def test_the_api_result_equals_the_cli_output(
    record, kg_border_officer, register, api, tmp_path, capsys
):
    person = register(kg_border_officer)
    response = api(kg_border_officer).post(
        "/api/v1/screenings/", {"person": str(person.pk), "record": record}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["result"] == _cli(record, tmp_path, capsys)
