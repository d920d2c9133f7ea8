"""Name search in any script, through the identity engine's comparable keys."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from crossroads.engines.identity import detect_script, query_keys_for_text

from .vocab import Script

_SCRIPTS = {s.value for s in Script}


def script_of(*names: str) -> str:
    script = detect_script(" ".join(n for n in names if n))
    return script if script in _SCRIPTS else Script.OTHER


def keys_for_names(names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        for token in (name or "").split():
            keys.update(k[:64] for k in query_keys_for_text(token))
    return keys


def name_query_q(text: str) -> Q:
    """Every word of the query must match one of the person's names or aliases."""
    q = Q()
    for token in text.split()[:6]:
        keys = query_keys_for_text(token)
        if not keys:
            continue
        q &= Q(pk__in=_persons_with_keys(keys))
    return q


def _persons_with_keys(keys: list[str]):  # type: ignore[no-untyped-def]
    from .models import NameKey

    return NameKey.objects.filter(key__in=[k[:64] for k in keys]).values("person_id")
