"""Smuggled migrants are not punished for having been smuggled (Smuggling Protocol art. 5)."""

from __future__ import annotations

from .helpers import result, safeguards


def test_a_smuggled_person_gets_non_punishment() -> None:
    res = result(travel={"facilitated_by": "smuggler"})
    assert "non_punishment" in safeguards(res)
    guard = next(s for s in res["safeguards"] if s["code"] == "non_punishment")
    assert "travel.facilitated_by is smuggler (Smuggling Protocol art. 5)" in guard["because"]


def test_other_facilitators_alone_give_no_non_punishment() -> None:
    assert "non_punishment" not in safeguards(result(travel={"facilitated_by": "relative"}))
