"""The engine's result as the officer reads it: labels in the officer's language, and for
each referral the agency of the state that would receive it."""

from __future__ import annotations

from typing import Any

from crossroads.accounts.routing import agencies_for_pathway

from .vocab import NEED_LABELS, PATHWAY_LABELS, PRIORITY_LABELS, SAFEGUARD_LABELS


def describe_result(
    result: dict[str, Any], country: str, guidance: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    """The engine's result with labels in the officer's language and, for each referral,
    the agency that would receive it. No rule is applied here."""
    referrals = []
    for item in result["referrals"]:
        agencies = agencies_for_pathway(country, item["pathway"])
        referrals.append(
            {
                **item,
                "label": PATHWAY_LABELS.get(item["pathway"], item["pathway"]),
                "priority_label": PRIORITY_LABELS.get(item["priority"], item["priority"]),
                "agency": agencies[0] if agencies else None,
                "need_labels": [NEED_LABELS.get(n, n) for n in item["needs"]],
            }
        )
    return {
        "pack": result["pack"],
        "is_child": result["is_child"],
        "needs": [{**n, "label": NEED_LABELS.get(n["code"], n["code"])} for n in result["needs"]],
        "referrals": referrals,
        "safeguards": [
            {**s, "label": SAFEGUARD_LABELS.get(s["code"], s["code"])} for s in result["safeguards"]
        ],
        "warnings": result["warnings"],
        "guidance": guidance or [],
    }
