"""Blocking keys: short strings that true matches across scripts share and strangers rarely do.

Every key is built from consonant skeletons (``normalise.skeleton_key``), the one form that
Cyrillic, Latin and Perso-Arabic spellings of a name have in common, combined with another
field so that blocks stay small. The Django product stores these keys in a table (one row
per record and key) and looks candidates up by key, so keys are short and at most
``MAX_KEYS`` per record.

Key kinds (prefix: content):

- ``n:`` the two name skeletons, sorted (survives swapped given/family names)
- ``gy:``/``fy:`` given or family skeleton with the birth year
- ``gd:`` given skeleton with month and day (survives a wrong year)
- ``gp:``/``fp:`` given or family skeleton with the father's name (patronymic)
- ``t:`` one name skeleton alone (large blocks; for the free-text search box)

Beside these, up to ``MAX_READING_KEYS`` keys repeat ``n:`` (or ``gy:``/``fy:`` for a lone
name) under the names' other readings (German, French, Slavic j, Russian г for h), so a
spelling meets the other script whichever of the two was registered first.
"""

from __future__ import annotations

from dataclasses import replace

from .normalise import join_compounds, latin_tokens, loose_skeleton, skeleton_key
from .records import NameField, PreparedRecord, prepare

MAX_KEYS = 12
MAX_READING_KEYS = 4  # beside MAX_KEYS: keys under other readings of the names
SKELETON_CHARS = 6
SINGLE_NAME_PREFIX = "t:"


def _skel(tokens: tuple[str, ...]) -> str:
    return loose_skeleton("".join(tokens))[:SKELETON_CHARS]


def name_skeleton(field: NameField) -> str:
    """The blocking form of a name field: its loose skeleton, first ``SKELETON_CHARS`` letters
    (empty when the field is)."""
    return _skel(field.skeleton)


def name_forms(field: NameField) -> tuple[str, ...]:
    """The blocking forms of a name field under each of its readings (as written first, then
    German, French, Slavic j, Russian г for h, where they differ): Jussuf and Yusuf, Sarina
    and Zarina, Магди and مهدي share one. Empty for an empty field."""
    base = name_skeleton(field)
    if not base:
        return ()
    forms = dict.fromkeys([base])
    for reading in sorted(field.skeleton_readings):
        form = loose_skeleton(reading)[:SKELETON_CHARS]
        if form:
            forms[form] = None
    return tuple(forms)


def outer_names(prepared: PreparedRecord) -> tuple[str, str]:
    """The blocking forms of the first and the last name token of the given and family names
    together (``("", "")`` with fewer than two tokens): a whole name typed into one field
    ("Emine Demir") meets the record that has it in two fields."""
    tokens = prepared.given.skeleton + prepared.family.skeleton
    if len(tokens) < 2:
        return "", ""
    first = loose_skeleton(tokens[0])[:SKELETON_CHARS]
    last = loose_skeleton(tokens[-1])[:SKELETON_CHARS]
    if not first or not last:
        return "", ""
    return first, last


def blocking_keys(prepared: PreparedRecord) -> set[str]:
    """The blocking keys of one prepared record (at most ``MAX_KEYS``, and up to
    ``MAX_READING_KEYS`` more under other readings of the names)."""
    given = _skel(prepared.given.skeleton)
    family = _skel(prepared.family.skeleton)
    father = _skel(prepared.patronymic.skeleton)
    birth = prepared.birth
    year = str(birth.year) if birth else ""
    keys: list[str] = []
    if given and family:
        keys.append("n:" + ".".join(sorted((given, family))))
    all_tokens = prepared.given.skeleton + prepared.family.skeleton
    first, last = outer_names(prepared)
    if first and last:
        keys.append("n:" + ".".join(sorted((first, last))))
    if year:
        if given:
            keys.append(f"gy:{given}{year}")
        if family:
            keys.append(f"fy:{family}{year}")
        if given and birth is not None and birth.is_full:
            keys.append(f"gd:{given}{birth.month:02d}{birth.day:02d}")
    if given and family:
        # the family-name field may hold the father's name (Afghan and Pakistani practice):
        # the key a record with that name in the father's field has
        keys.append(f"gp:{given}.{family}")
    if father:
        if given:
            keys.append(f"gp:{given}.{father}")
        if family:
            keys.append(f"fp:{family}.{father}")
    if not given and not family and father and year:
        keys.append(f"py:{father}{year}")
    singles = [given, family, *(loose_skeleton(t)[:SKELETON_CHARS] for t in all_tokens[:3])]
    for name in dict.fromkeys(singles):
        if name:
            keys.append(SINGLE_NAME_PREFIX + name)
    keys = keys[:MAX_KEYS]
    keys += _reading_keys(prepared, given, family, year)[:MAX_READING_KEYS]
    return set(keys)


def _reading_keys(prepared: PreparedRecord, given: str, family: str, year: str) -> list[str]:
    """``n:`` (or, with one name, ``gy:``/``fy:``) keys under the names' other readings
    (German, French, Slavic j, Russian г for h: ``name_forms``), so that CHALIMA meets
    Халима and Jussufowa meets Yusufova whichever of the two was registered first."""
    given_forms = name_forms(prepared.given) if given else ()
    family_forms = name_forms(prepared.family) if family else ()
    keys: list[str] = []
    if given_forms and family_forms:
        for g in given_forms:
            for f in family_forms:
                if (g, f) != (given, family):
                    keys.append("n:" + ".".join(sorted((g, f))))
    elif year:
        prefix, forms = ("gy:", given_forms[1:]) if given_forms else ("fy:", family_forms[1:])
        keys += [f"{prefix}{form}{year}" for form in forms]
    return list(dict.fromkeys(keys))


def query_keys(query: PreparedRecord) -> set[str]:
    """The keys to look a new record up by: its own blocking keys and those it would have
    with its given and family names exchanged. The person at the door may have been
    registered with the names in the other fields (or a lone name in the other field),
    which the record's own keys, built field by field, do not meet."""
    keys = blocking_keys(query)
    if query.given.present or query.family.present:
        record = query.record
        swapped = replace(record, given_name=record.family_name, family_name=record.given_name)
        keys |= blocking_keys(prepare(swapped))
    return keys


def query_keys_for_text(text: str) -> list[str]:
    """Keys for a free-text name search (``?q=Рахимов``), most specific first.

    Two or more words give the sorted-pair key (``n:``) first, then one ``t:`` key per word,
    so "Рахимов" finds MOHAMMAD RAKHIMOV and محمد رحیموف through ``t:RHMF``.
    """
    tokens = join_compounds(latin_tokens(text))
    skeletons = [loose_skeleton(skeleton_key(t))[:SKELETON_CHARS] for t in tokens]
    skeletons = [s for s in skeletons if s]
    keys: list[str] = []
    if len(skeletons) > 1:
        keys.append("n:" + ".".join(sorted((skeletons[0], skeletons[-1]))))
    for skel in skeletons:
        key = SINGLE_NAME_PREFIX + skel
        if key not in keys:
            keys.append(key)
    return keys
