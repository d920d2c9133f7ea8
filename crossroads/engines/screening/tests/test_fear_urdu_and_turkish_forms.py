"""Urdu and Turkish as they are written: Urdu words run together after ے, verbs of return
and their causatives, the first person of the verb after a word of harm; Turkish verbs
that name the speaker in their ending, conditional and abilitive forms of the verbs of
return, the legal words of Law No. 6458 inflected (issue 11)."""

from __future__ import annotations

import pytest

from crossroads.engines.screening.fear import FearCategory, hear_fear
from crossroads.engines.screening.phrases import normalise


def categories(text: str, language: str) -> set[FearCategory]:
    return {h.category for h in hear_fear(text) if h.language == language}


def test_urdu_words_run_together_after_yeh_barree_are_read_apart() -> None:
    assert normalise("مجھےڈر") == normalise("مجھے ڈر")
    assert FearCategory.PLEA in categories("مجھےواپس نہ بھیجیں", "ur")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("میں قتل ہو جاؤں گا", FearCategory.PERSECUTION),  # the verb names the speaker
        ("پولیس نے مجھے حراست میں لے لیا تھا", FearCategory.PERSECUTION),
        ("وطن لوٹا تو گرفتار ہو جاؤں گا", FearCategory.PERSECUTION),  # لوٹنا, to go back
        ("بچوں کو واپس نہ بھجوائیں", FearCategory.PLEA),  # causative of بھیجنا
        ("میرے نام پر وارنٹ نکلے ہیں", FearCategory.SOUGHT),
    ],
)
def test_urdu_forms_are_heard(text: str, category: FearCategory) -> None:
    assert category in categories(text, "ur")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Geri gidersem yargılanırım.", FearCategory.PERSECUTION),
        ("Memleketimde öldürülürüm.", FearCategory.PERSECUTION),
        ("Beni cezaevine koyarlar.", FearCategory.PERSECUTION),
        ("Koruma talebimi kabul edin.", FearCategory.ASYLUM),  # talep, talebi: p becomes b
        ("Geçici korumadayım.", FearCategory.ASYLUM),
        ("Dönemeyiz, çocuklarımız orada yaşayamaz.", FearCategory.FEAR_OF_RETURN),
        ("Beni sınırdışı etmeyin.", FearCategory.PLEA),
        (
            "Beni dövdüler, bir dahaki sefere öldürürüz dediler.",
            FearCategory.PERSECUTION,
        ),  # sefer is no şef
    ],
)
def test_turkish_forms_are_heard(text: str, category: FearCategory) -> None:
    assert category in categories(text, "tr")


@pytest.mark.parametrize(
    "text",
    [
        "Şefim sefer sırasında bağırdı.",
        "Yaz gelirse memlekete dönerim.",
        "Annemin ölümünden sonra buraya geldim.",
        "Dönersem işimi geri alırım.",
        "Beni kimse aramıyor, sorun yok.",
    ],
)
def test_turkish_ordinary_statements_are_not_heard(text: str) -> None:
    assert hear_fear(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "woh mujhe doond rahe hain",  # ڈھونڈ typed without the aspiration ھ
        "mujhe wapas na bejo",  # بھیجو, likewise
        "police ne mujhe pakad liya",  # پکڑ: the flap ڑ typed d
        "mujhe police ke hawale na karo",  # حوالے: و before alef is w
        "mere bhai ko shia hone ki wajah se qatal kar diya",  # بھائی, two letters of key
    ],
)
def test_roman_urdu_spellings_of_the_urdu_letters_are_heard(text: str) -> None:
    assert categories(text, "ur-Latn")


@pytest.mark.parametrize(
    "text",
    [
        "شیعہ ہونے کی وجہ سے مجھے دھمکیاں ملیں۔",  # threats to the person
        "انہوں نے ہمارا گھر جلا دیا کیونکہ ہم احمدی ہیں۔",  # for their faith
        "Dinimiz yüzünden evimizi yaktılar.",
    ],
)
def test_threats_to_the_person_or_for_their_faith_are_persecution(text: str) -> None:
    assert FearCategory.PERSECUTION in {h.category for h in hear_fear(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Sığınma istemiyorum, sadece çalışmak istiyorum.",  # negated verb after its object
        "میں پناہ نہیں مانگ رہا",  # نہیں between the object and its verb
        "main asylum nahi mang raha",  # and the English word in Roman Urdu with it
        "main refugee nahi hoon",
        "Annem beni arıyor, telefonum kapalıydı.",  # a relative calling, not hunting
    ],
)
def test_negated_requests_and_relatives_calling_are_not_heard(text: str) -> None:
    assert hear_fear(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "beni ariyolar",  # -yor said -yo before an ending
        "Taliban beni bulmak için geldi.",
        "Beni geri yollarlarsa canımı alırlar.",
        "İstihbarat beni arıyor.",  # not a relative: still being sought
    ],
)
def test_turkish_spoken_forms_and_idioms_are_heard(text: str) -> None:
    assert categories(text, "tr")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Eve dönüşüm imkansız.", "tr"),  # a word of return, then "not possible"
        ("وطن لوٹنا ناممکن ہے", "ur"),
    ],
)
def test_a_return_said_to_be_impossible_is_never_going_back(text: str, language: str) -> None:
    assert FearCategory.FEAR_OF_RETURN in categories(text, language)


def test_an_entry_that_carries_its_own_negation_is_not_cancelled_by_it() -> None:
    assert categories("Memleketimde güvende değilim.", "tr")


def test_urdu_na_typed_for_the_negation_is_read_as_it() -> None:
    assert normalise("واپس نا بھیجیں") == normalise("واپس نہ بھیجیں")
    assert normalise("ناامید") != normalise("نہ امید")  # the prefix stays


@pytest.mark.parametrize(
    "text",
    [
        "ہمیں واپس نہ کیجیے",  # کیجیے, the polite imperative of کرنا
        "hum ko mulk badar na karein",
        "qatal ho jaunga agar deport kiya",  # Roman Urdu known by its verbs alone
    ],
)
def test_urdu_polite_and_formal_pleas_and_verb_only_roman_urdu_are_heard(text: str) -> None:
    assert hear_fear(text)


def test_a_negated_verb_negates_the_nearest_word_before_it() -> None:
    assert categories("Korkuyorum, dönmek istemiyorum.", "tr")
    assert not hear_fear("Sığınma başvurusu yapmayacağım.")


@pytest.mark.parametrize(
    "text",
    ["Evimizi Ezidi olduğumuz için yaktılar.", "ہمارا گھر ہندو ہونے کی وجہ سے جلا دیا گیا"],
)
def test_because_we_are_names_a_ground(text: str) -> None:
    assert FearCategory.PERSECUTION in {h.category for h in hear_fear(text)}


@pytest.mark.parametrize(
    "text",
    [
        "اس کا کہنا ہے کہ پولیس اسے ڈھونڈ رہی ہے۔",  # an officer's note: him, her
        "Polisin onu aradığını söylüyor.",
        "Gözaltında dövüldüm.",  # the verb of violence names the speaker
    ],
)
def test_officers_notes_in_the_third_person_and_first_person_verbs_are_heard(text: str) -> None:
    assert hear_fear(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kimse beni takip etmedi.",  # Turkish negates what Uzbek Latin would hear alone
        "Ev sahibi bizi evden çıkarmakla tehdit ediyor.",  # a landlord, like an employer
    ],
)
def test_negated_following_and_a_landlords_threats_are_not_heard(text: str) -> None:
    assert hear_fear(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Dönmekte bir tehlike görmüyorum.",  # negated by its infix (-müyor), not a list
        "Kimlik kartımı kaybettim.",  # I lost my card: no violence
        "mujhe wapas jane mein koi khatra nazar nahi aata",  # jane ... koi is not جان کو
        "safar mein dar laga tha magar ab theek hoon",  # safar is not سوارہ, theek not اسکو
    ],
)
def test_what_round_five_showed_is_not_heard(text: str) -> None:
    assert hear_fear(text) == ()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Going back is not an option for me.", "en"),
        ("Вернуться для меня невозможно.", "ru"),
        ("They beat him in detention.", "en"),
    ],
)
def test_the_new_classes_serve_english_and_russian_too(text: str, language: str) -> None:
    assert categories(text, language)


@pytest.mark.parametrize(
    "text",
    ["Oraya vardığım an kelepçelenirim.", "Geri dönersem askere alınıp cepheye sürülürüm."],
)
def test_a_turkish_passive_in_the_first_person_after_a_return_asks_the_officer(
    text: str,
) -> None:
    heard = [h for h in hear_fear(text) if h.language == "tr"]
    assert heard and all(h.ambiguous for h in heard)


def test_the_same_form_far_from_any_return_or_on_the_return_itself_is_not_heard() -> None:
    assert hear_fear("Burada yeni bir işe alınırım diye umuyorum.") == ()
    assert hear_fear("Yaz sonunda ülkeme döneceğim.") == ()
