"""Which rights paragraphs of the information sheet apply to one person, from their
screening result. Plain Python over the screening engine only (no Django), so that the
offline app runs this very file under Pyodide, beside the engine, to print the sheet of a
person screened with no connection (crossroads/offline/engine_files.py ships it).

Why the rights are chosen and not all printed: see the package's docstring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crossroads.engines.screening import default_registry

#: Rights paragraphs, in the order printed. Those in ALWAYS apply to everyone; the others
#: only when the screening result gives the right (see `rights_for`).
RIGHTS: tuple[str, ...] = (
    "asylum",
    "no_contact_origin",
    "non_punishment",
    "child",
    "child_age",
    "child_guardian",
    "family_unity",
    "trafficking",
    "legal_aid",
    "interpretation",
    "confidentiality",
    "consent",
    "state_referrals",
    "complaint",
)
ALWAYS: frozenset[str] = frozenset(
    {"asylum", "legal_aid", "interpretation", "confidentiality", "consent", "complaint"}
)

# Trafficking needs whose presence gives the reflection period and non-punishment.
TRAFFICKING_NEEDS = frozenset({"trafficking_presumed", "trafficking_possible"})
CHILD_ALONE_NEEDS = frozenset({"unaccompanied_child", "separated_child"})


def rights_for(result: Mapping[str, Any] | None, pathways_to_state_bodies: bool) -> list[str]:
    """The rights paragraphs that apply to this person, in print order."""
    result = result or {}
    needs = {n.get("code") for n in result.get("needs", [])}
    safeguards = {s.get("code") for s in result.get("safeguards", [])}
    is_child = bool(result.get("is_child"))
    trafficking = bool(needs & TRAFFICKING_NEEDS) or "reflection_period" in safeguards
    applies = {
        "no_contact_origin": "non_refoulement" in safeguards,
        # 1951 Convention art. 31, Smuggling Protocol art. 5, OHCHR principle 7.
        "non_punishment": "non_punishment" in safeguards
        or "international_protection" in needs
        or trafficking,
        "child": is_child,
        "child_age": is_child and "presumption_of_minority" in safeguards,
        "child_guardian": is_child
        and ("guardian_required" in safeguards or bool(needs & CHILD_ALONE_NEEDS)),
        "family_unity": is_child and "family_unity" in safeguards,
        "trafficking": trafficking,
        "state_referrals": pathways_to_state_bodies,
    }
    return [key for key in RIGHTS if key in ALWAYS or applies.get(key, False)]


def reflection_days(result: Mapping[str, Any] | None) -> int:
    """The reflection period of the pack that decided the screening."""
    pack = (result or {}).get("pack") or {}
    try:
        return (
            default_registry()
            .pack_for(pack["country"], pack["effective_from"])
            .reflection_period_days
        )
    except (KeyError, LookupError, ValueError):
        # The spec's packs all give one; 30 days is the Council of Europe minimum
        # (Convention on Action against Trafficking, art. 13).
        return 30
