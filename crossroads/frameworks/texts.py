"""The names of the national bodies that the packs give for each procedure, so that the
comparison page shows them in the reader's language (the API keeps the packs' English).
A test fails when a pack (or `data/ilo.yaml`) names a body missing here: regenerate with
`python -m crossroads.frameworks.texts`."""

from __future__ import annotations

from django.utils.translation import gettext_noop

BODY_NAMES = [
    gettext_noop("Cabinet of Ministers (national coordinator: Ministry of Internal Affairs)"),
    gettext_noop(
        "Directorate General of Migration Management (officially recognises victims referred by first responders)"  # noqa: E501
    ),
    gettext_noop(
        "Ministry of Labour, Social Security and Migration; interagency commissions for the social rehabilitation of victims"  # noqa: E501
    ),
    gettext_noop("Police (Ministry of Internal Affairs) with NGO-run, government-funded shelters"),
    gettext_noop("Authorised body for migration, with local executive bodies (akimats)"),
    gettext_noop(
        "Bureau for Aliens and Foreign Immigrants Affairs (BAFIA), Ministry of Interior; the Permanent Committee for Refugees decides"  # noqa: E501
    ),
    gettext_noop("Directorate General of Migration Management (DGMM)"),
    gettext_noop(
        "Migration Service under the Ministry of Internal Affairs, with a permanent RSD commission"
    ),
    gettext_noop(
        "Presidency of Migration Management (formerly Directorate General of Migration Management)"
    ),
    gettext_noop("Presidency of Migration Management"),
    gettext_noop(
        "State Migration Service (the State Border Service refers people who crossed irregularly)"
    ),
    gettext_noop("State Migration Service"),
    gettext_noop("State migration service (the ministry unit responsible for migration)"),
]


def bodies_of_packs() -> list[str]:
    """Every body a shipped pack names for a procedure, and every body the procedures of
    `data/ilo.yaml` name."""
    from crossroads.engines.screening.packs import default_registry

    from .comparison import _raw, ilo_data

    found: list[str] = []
    for pack in default_registry().packs():
        raw = _raw(str(pack.path)) if pack.path else {}
        for value in raw.values():
            if isinstance(value, dict) and isinstance(value.get("body"), str):
                found.append(value["body"])
    for procedures in (ilo_data().get("procedures") or {}).values():
        for value in procedures.values():
            if isinstance(value, dict) and isinstance(value.get("body"), str) and value["body"]:
                found.append(value["body"])
    return list(dict.fromkeys(found))


if __name__ == "__main__":  # pragma: no cover - a helper for whoever edits a pack
    for text in bodies_of_packs():
        print(f"    gettext_noop({text!r}),")
