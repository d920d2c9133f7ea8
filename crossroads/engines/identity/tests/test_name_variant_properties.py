"""Properties over the region's names (issue 15): a person written with any of the usual
spellings of their names, with or without titles, in any script, meets themself; two siblings
or two namesakes with different fathers do not become one person."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crossroads.engines.identity import PersonRecord, score_pair

# Spellings of one name as registers write them: Latin (everyday English, passports), Dari or
# Pashto, Cyrillic. Each row is one name.
SPELLINGS: dict[str, list[str]] = {
    "mohammad": ["Mohammad", "Muhammad", "Mohammed", "Mohamad", "محمد", "Мухаммад", "Мохаммад"],
    "hussain": ["Hussain", "Husain", "Hossein", "Husayn", "Hussein", "حسین", "Хусейн"],
    "ahmad": ["Ahmad", "Ahmed", "احمد", "Ахмад", "Ахмед"],
    "karim": ["Karim", "Kareem", "کریم", "Карим"],
    "habibullah": ["Habibullah", "Habib Ullah", "Habibulla", "حبیب الله", "Хабибулла"],
    "yousuf": ["Yousuf", "Yusuf", "Yousef", "یوسف", "Юсуф"],
    "nabi": ["Nabi", "نبی", "Наби"],
    "zabihullah": ["Zabihullah", "Zabih Ullah", "ذبیح الله", "Забихулла"],
    "omar": ["Omar", "Umar", "عمر", "Умар"],
    "ismail": ["Ismail", "Esmail", "اسماعیل", "Исмаил"],
}
FAMILY: dict[str, list[str]] = {
    "ahmadzai": ["Ahmadzai", "Ahmadzay", "احمدزی", "Ахмадзай"],
    "wardak": ["Wardak", "وردګ", "وردک", "Вардак"],
    "rahimi": ["Rahimi", "رحیمی", "Рахими"],
    "qureshi": ["Qureshi", "Quraishi", "قریشی", "Куреши"],
}
TITLES = ["", "Haji ", "Sayed ", "Mullah "]
SUFFIXES = ["", " Jan", " Khan"]
DATES = ["1988-04-12", "1990-11-02", "1995-07-19", "2003-02-28"]

names = st.sampled_from(sorted(SPELLINGS))
families = st.sampled_from(sorted(FAMILY))


@settings(max_examples=150, deadline=None)
@given(
    name=names,
    family=families,
    father=names,
    date=st.sampled_from(DATES),
    data=st.data(),
)
def test_a_person_written_with_other_spellings_and_titles_meets_themself(
    name: str, family: str, father: str, date: str, data: st.DataObject
) -> None:
    spelling_a = data.draw(st.sampled_from(SPELLINGS[name]))
    spelling_b = data.draw(st.sampled_from(SPELLINGS[name]))
    title = data.draw(st.sampled_from(TITLES))
    suffix = data.draw(st.sampled_from(SUFFIXES))
    family_a = data.draw(st.sampled_from(FAMILY[family]))
    family_b = data.draw(st.sampled_from(FAMILY[family]))
    father_a = data.draw(st.sampled_from(SPELLINGS[father]))
    father_b = data.draw(st.sampled_from(SPELLINGS[father]))
    if not spelling_a.isascii():
        title, suffix = "", ""  # titles here are written in Latin letters
    a = PersonRecord("a", f"{title}{spelling_a}{suffix}", family_a, father_a, date, "M", "AF")
    b = PersonRecord("b", spelling_b, family_b, father_b, date, "M", "AF")
    assert score_pair(a, b).probability >= 0.5


@settings(max_examples=150, deadline=None)
@given(name=names, father=names, date=st.sampled_from(DATES), data=st.data())
def test_the_father_in_the_family_field_meets_the_father_field(
    name: str, father: str, date: str, data: st.DataObject
) -> None:
    a = PersonRecord(
        "a",
        data.draw(st.sampled_from(SPELLINGS[name])),
        data.draw(st.sampled_from(SPELLINGS[father])),
        "",
        date,
        "M",
        "AF",
    )
    b = PersonRecord(
        "b",
        data.draw(st.sampled_from(SPELLINGS[name])),
        "",
        data.draw(st.sampled_from(SPELLINGS[father])),
        date,
        "M",
        "AF",
    )
    if name != father:
        assert score_pair(a, b).probability >= 0.5


@settings(max_examples=150, deadline=None)
@given(
    first=names,
    second=names,
    family=families,
    father=names,
    data=st.data(),
)
def test_brothers_stay_apart(
    first: str, second: str, family: str, father: str, data: st.DataObject
) -> None:
    if first == second:
        return
    date_a = data.draw(st.sampled_from(DATES))
    date_b = data.draw(st.sampled_from([*DATES, ""]))
    a = PersonRecord(
        "a",
        data.draw(st.sampled_from(SPELLINGS[first])),
        data.draw(st.sampled_from(FAMILY[family])),
        data.draw(st.sampled_from(SPELLINGS[father])),
        date_a,
        "M",
        "AF",
    )
    b = PersonRecord(
        "b",
        data.draw(st.sampled_from(SPELLINGS[second])),
        data.draw(st.sampled_from(FAMILY[family])),
        data.draw(st.sampled_from(SPELLINGS[father])),
        date_b,
        "M",
        "AF",
    )
    assert score_pair(a, b).probability < 0.5


@settings(max_examples=150, deadline=None)
@given(name=names, father_a=names, father_b=names, data=st.data())
def test_namesakes_with_other_fathers_stay_apart_even_without_a_date(
    name: str, father_a: str, father_b: str, data: st.DataObject
) -> None:
    """Same given name, no family name, different fathers; one date missing."""
    if father_a == father_b or name in (father_a, father_b):
        return
    a = PersonRecord(
        "a",
        data.draw(st.sampled_from(SPELLINGS[name])),
        "",
        data.draw(st.sampled_from(SPELLINGS[father_a])),
        data.draw(st.sampled_from(DATES)),
        "M",
        "AF",
    )
    b = PersonRecord(
        "b",
        data.draw(st.sampled_from(SPELLINGS[name])),
        data.draw(st.sampled_from(["", *SPELLINGS[father_b]])),
        data.draw(st.sampled_from(["", *SPELLINGS[father_b]])),
        "",
        "M",
        "AF",
    )
    assert score_pair(a, b).probability < 0.5
