"""Names of Afghanistan and Pakistan as registers write them (issue 15), in each script pair.

Tazkira order (name, father's name, grandfather's name), no family name, the father's name
in the family-name field, "son of" markers, titles and respect words, Pashto and Urdu
letters, the everyday English spellings of one name.
"""

from __future__ import annotations

import pytest

from crossroads.engines.identity import PersonRecord, prepare, score_pair
from crossroads.engines.identity.records import strip_honorifics

AGREE = {"exact", "transliteration", "skeleton_arabic"}


def _same(a: PersonRecord, b: PersonRecord) -> float:
    return score_pair(a, b).probability


# --- the father's name in the family-name field ---------------------------------------------


@pytest.mark.parametrize(
    ("given_a", "family_a", "given_b", "father_b"),
    [
        ("Mohammad Nabi", "Karim", "محمد نبی", "کریم"),  # Latn - Arab
        ("Мохаммад Наби", "Карим", "Mohammad Nabi", "Karim"),  # Cyrl - Latn
        ("محمد نبی", "کریم", "Мухаммад Наби", "Карим"),  # Arab - Cyrl
        ("Zarghona", "Habibullah", "زرغونه", "حبیب الله"),
    ],
)
def test_father_written_in_the_family_field_meets_the_father_field(
    given_a: str, family_a: str, given_b: str, father_b: str
) -> None:
    a = PersonRecord("a", given_a, family_a, "", "1994-03-02", "", "AF")
    b = PersonRecord("b", given_b, "", father_b, "1994-03-02", "", "AF")
    match = score_pair(a, b)
    assert match.levels["patronymic"] in AGREE
    assert match.levels["family_name"] == "missing"
    assert "guard" not in match.explanation
    assert match.probability >= 0.5
    assert "father_in_family" in match.explanation


def test_father_in_the_family_field_beside_a_tribal_name_on_the_other_record() -> None:
    a = PersonRecord("a", "Maryam", "Popalzai", "d/o Ali", "1983-03-16", "F", "AF")
    b = PersonRecord("b", "مریم", "علی", "", "1983-03-16", "F", "AF")
    assert score_pair(a, b).probability >= 0.5


def test_brothers_with_the_father_in_the_family_field_stay_apart() -> None:
    a = PersonRecord("a", "Nabi", "Karim", "", "1994-03-02", "M", "AF")
    b = PersonRecord("b", "Wali", "", "Karim", "1996-05-01", "M", "AF")
    assert _same(a, b) < 0.1


def test_namesakes_whose_fathers_differ_stay_apart_when_one_date_is_missing() -> None:
    a = PersonRecord("a", "Mohammad Nabi", "Karim", "", "1994-03-02", "M", "AF")
    b = PersonRecord("b", "محمد نبی", "", "رحیم", "", "M", "AF")
    assert _same(a, b) < 0.5


# --- "son of", "daughter of", "wife of" -------------------------------------------------------


@pytest.mark.parametrize(
    ("patronymic", "father", "sex"),
    [
        ("s/o Ahmad", ("ahmad",), "M"),
        ("S/O Gul Ahmad", ("gul", "ahmad"), "M"),
        ("d/o Karim", ("karim",), "F"),
        ("son of Rahim", ("rahim",), "M"),
        ("walad Rahim", ("rahim",), "M"),
        ("bin Rahim", ("rahim",), "M"),
        ("ولد رحیم", ("rhim",), "M"),
        ("دختر رحیم", ("rhim",), "F"),
        ("сын Рахима", ("rakhima",), "M"),
    ],
)
def test_relation_markers_give_the_fathers_name(
    patronymic: str, father: tuple[str, ...], sex: str
) -> None:
    record = prepare(PersonRecord("a", "Ali", "", patronymic))
    assert record.patronymic.tokens == father
    assert record.implied_sex == sex


@pytest.mark.parametrize("wife_of", ["w/o Nabi", "W/O Abdul Ghani", "زوجه نبی", "жена Наби"])
def test_wife_of_names_the_husband_not_the_father(wife_of: str) -> None:
    record = prepare(PersonRecord("a", "Bushra", "", wife_of))
    assert record.patronymic.tokens == ()
    assert record.implied_sex == "F"


def test_son_of_inside_the_given_field() -> None:
    record = prepare(PersonRecord("a", "Imran s/o Tariq", "", ""))
    assert record.given.tokens == ("imran",)
    assert record.patronymic.tokens == ("tariq",)


# --- titles, respect words, theophoric parts --------------------------------------------------


@pytest.mark.parametrize(
    ("written", "compared"),
    [
        (["haji", "khalid"], ["khalid"]),
        (["sayed", "ismail"], ["ismail"]),
        (["syed", "ali"], ["ali"]),
        (["mullah", "omar"], ["omar"]),
        (["sid", "asmail"], ["asmail"]),  # سید اسماعیل
        (["ahmad", "jan"], ["ahmad"]),
        (["ahmadjan"], ["ahmad"]),
        (["rustamdzhon"], ["rustam"]),  # Рустамджон
        (["karim", "khan"], ["karim"]),
        (["mohammad", "nabi"], ["nabi"]),
        (["mohd", "ali"], ["ali"]),
        (["mohammadnabi"], ["nabi"]),
        (["mohammad"], ["mohammad"]),  # nothing else: kept
        (["sayed"], ["sayed"]),
        (["mohammadullah"], ["mohammadullah"]),  # a compound, not a title
        (["gul", "ahmad"], ["gul", "ahmad"]),  # Gul Ahmad is a name
    ],
)
def test_titles_and_respect_words_are_left_out(written: list[str], compared: list[str]) -> None:
    assert strip_honorifics(written) == compared


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Haji Khaled", "Khalid"),
        ("Sayed Ismail", "اسماعیل"),
        ("سید اسماعیل", "Исмаил"),
        ("Mohammad Omar", "Omar"),
        ("Мохаммад Омар", "عمر"),
        ("Abdul Karim Jan", "Abdulkarim"),
        ("Mohd Ali", "Ali"),
        ("Mullah Daud Khan", "داود"),
    ],
)
def test_a_name_with_and_without_its_titles_meets(a: str, b: str) -> None:
    ra = prepare(PersonRecord("a", a, "Ahmadzai", "", "1980"))
    rb = prepare(PersonRecord("b", b, "Ahmadzai", "", "1980"))
    assert score_pair(ra, rb).levels["given_name"] in AGREE


def test_brothers_differing_after_a_shared_mohammad_stay_apart() -> None:
    a = PersonRecord("a", "Mohammad Nabi", "Ahmadzai", "Karim", "1990", "M", "AF")
    b = PersonRecord("b", "Mohammad Wali", "Ahmadzai", "Karim", "1990", "M", "AF")
    assert _same(a, b) < 0.1


# --- Pashto, Dari and Urdu letters --------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ګل احمد", "گل احمد"),  # Pashto gaf / Persian gaf
        ("ملالۍ", "ملالی"),  # Pashto ۍ / Persian ی
        ("زلمې", "زلمی"),  # Pashto ې
        ("زلمے", "زلمی"),  # Urdu bari ye
        ("فاطمہ", "فاطمه"),  # Urdu heh goal
        ("طاہر", "طاهر"),
        ("علي", "علی"),  # Arabic yeh / Persian yeh
        ("عبدالكريم", "عبدالکریم"),  # Arabic kaf / keheh
    ],
)
def test_pashto_urdu_and_arabic_letter_forms_are_one_name(a: str, b: str) -> None:
    ra = prepare(PersonRecord("a", a))
    rb = prepare(PersonRecord("b", b))
    assert ra.given.latin == rb.given.latin


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("خټک", "Khattak"),
        ("کاکړ", "Kakar"),
        ("وردګ", "Wardak"),
        ("بھٹی", "Bhatti"),
        ("چودھری", "Chaudhry"),
        ("ملالۍ", "Malalai"),
        ("مصطفیٰ", "Mustafa"),
    ],
)
def test_pashto_and_urdu_spellings_meet_their_latin(arabic: str, latin: str) -> None:
    ra = prepare(PersonRecord("a", "Ali", arabic))
    rb = prepare(PersonRecord("b", "Ali", latin))
    assert score_pair(ra, rb).levels["family_name"] in AGREE | {"close"}


# --- everyday English spellings ---------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["Muhammad", "Mohammed", "Mohamad", "Mohammad", "Muhammed", "محمد", "Мухаммад", "Мохаммад"],
)
def test_spellings_of_mohammad_meet(spelling: str) -> None:
    ra = prepare(PersonRecord("a", spelling, "Rahimi"))
    rb = prepare(PersonRecord("b", "Mohammad", "Rahimi"))
    assert score_pair(ra, rb).levels["given_name"] in AGREE


@pytest.mark.parametrize(
    "spelling", ["Hussain", "Husain", "Hossein", "Husayn", "Hussein", "حسین", "Хусейн"]
)
def test_spellings_of_hussain_meet(spelling: str) -> None:
    ra = prepare(PersonRecord("a", spelling, "Rahimi"))
    rb = prepare(PersonRecord("b", "Hussain", "Rahimi"))
    assert score_pair(ra, rb).levels["given_name"] in AGREE


@pytest.mark.parametrize("spelling", ["Ahmed", "احمد", "Ахмад", "Ахмед"])
def test_spellings_of_ahmad_meet(spelling: str) -> None:
    ra = prepare(PersonRecord("a", spelling, "Rahimi"))
    rb = prepare(PersonRecord("b", "Ahmad", "Rahimi"))
    assert score_pair(ra, rb).levels["given_name"] in AGREE


# --- a given name alone, a whole name in one field ------------------------------------------


def test_a_given_name_alone_meets_the_full_record_only_as_a_candidate() -> None:
    full = PersonRecord("a", "Farzana", "Rahimi", "Karim", "1990-02-03", "F", "AF")
    alone = PersonRecord("b", "فرزانه", "", "", "1990-02-03", "F", "AF")
    match = score_pair(full, alone)
    assert match.levels["given_name"] in AGREE
    assert match.probability > 0.05


def test_a_whole_tazkira_name_in_one_field_meets_the_split_record() -> None:
    whole = PersonRecord("a", "Ali walad Ahmad", "", "", "1990-02-03", "M", "AF")
    split = PersonRecord("b", "علی", "", "احمد", "1990-02-03", "M", "AF")
    match = score_pair(whole, split)
    assert match.levels["patronymic"] in AGREE
    assert match.probability >= 0.5
