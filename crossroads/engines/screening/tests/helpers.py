"""Small helpers shared by the screening tests: build records, read results."""

from __future__ import annotations

import copy
from typing import Any

from crossroads.engines.screening import screen

BASE: dict[str, Any] = {"schema": "crossroads.screening/1", "country": "KG", "date": "2026-11-20"}


def record(**sections: Any) -> dict[str, Any]:
    """A valid Kyrgyz record on 2026-11-20 with the given sections (nested dicts merge)."""
    out = copy.deepcopy(BASE)
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key].update(value)
        else:
            out[key] = value
    return out


def result(**sections: Any) -> dict[str, Any]:
    return screen(record(**sections))


def needs(res: dict[str, Any]) -> set[str]:
    return {n["code"] for n in res["needs"]}


def need(res: dict[str, Any], code: str) -> dict[str, Any]:
    return next(n for n in res["needs"] if n["code"] == code)


def safeguards(res: dict[str, Any]) -> set[str]:
    return {s["code"] for s in res["safeguards"]}


def pathways(res: dict[str, Any]) -> set[str]:
    return {r["pathway"] for r in res["referrals"]}


def referral(res: dict[str, Any], pathway: str) -> dict[str, Any]:
    return next(r for r in res["referrals"] if r["pathway"] == pathway)
