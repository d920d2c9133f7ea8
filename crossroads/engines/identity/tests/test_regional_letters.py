"""Kazakh, Kyrgyz, Tajik, Uzbek, Turkmen, Turkish and Azerbaijani letters meet their Latin forms."""

from __future__ import annotations

import pytest

from crossroads.engines.identity import PersonRecord, detect_script, score_pair
from crossroads.engines.identity.normalise import latin_tokens, phonetic_key, skeleton_key
from crossroads.engines.identity.scoring import _vowels_compatible


def _same_name(a: str, b: str) -> bool:
    pa = "".join(phonetic_key(t) for t in latin_tokens(a))
    pb = "".join(phonetic_key(t) for t in latin_tokens(b))
    return pa == pb or _vowels_compatible(pa, pb)


@pytest.mark.parametrize(
    ("native", "latin"),
    [
        ("Ғафуров", "Gafurov"),  # Tajik/Kazakh ғ
        ("Қосимов", "Kosimov"),  # қ
        ("Нұрлан", "Nurlan"),  # Kazakh ұ
        ("Өмірбек", "Omirbek"),  # Kazakh ө і
        ("Әлия", "Aliya"),  # Kazakh ә
        ("Ҳасанов", "Khasanov"),  # Tajik/Uzbek ҳ
        ("Ҷамшед", "Jamshed"),  # Tajik ҷ
        ("Ўрозов", "Orozov"),  # Uzbek ў
        ("Жаңыл", "Zhangyl"),  # Kyrgyz ң, BGN/PCGN ng
        ("Şükrü", "Shukru"),  # Turkish ş ü
        ("Çelik", "Chelik"),  # Turkish ç
        ("Məmmədov", "Mammadov"),  # Azerbaijani ə
        ("Ýusup", "Yusup"),  # Turkmen ý
        ("Gʻulom", "Ghulom"),  # Uzbek g‘ with a turned comma
        ("O'tkir", "Utkir"),  # Uzbek o‘ with an ASCII apostrophe
        ("Xurshid", "Khurshid"),  # Uzbek Latin x
        ("İsmail", "Ismail"),  # Turkish dotted capital I
        ("Hüseyin", "Huseyin"),
    ],
)
def test_regional_letter_meets_its_latin_spelling(native: str, latin: str) -> None:
    assert _same_name(native, latin)


@pytest.mark.parametrize(
    ("variant_a", "variant_b"),
    [
        ("Khasan", "Hasan"),  # kh / h
        ("Djamshed", "Dzhamshed"),  # dj / dzh
        ("Yusuf", "Iusuf"),  # y / i (ICAO)
        ("Youssef", "Yusef"),  # ou / u
        ("Schirin", "Shirin"),  # German sch
        ("Wali", "Vali"),  # w / v
        ("Mohammed", "Muhammad"),  # o/u and e/a
        ("Hossein", "Hussain"),
        ("Qasim", "Ghasem"),
    ],
)
def test_transliteration_variants_are_one_name(variant_a: str, variant_b: str) -> None:
    a = PersonRecord("a", variant_a, "Karimov", "", "1990", "M", "")
    b = PersonRecord("b", variant_b, "Karimov", "", "1990", "M", "")
    assert score_pair(a, b).levels["given_name"] in ("transliteration", "close")


def test_consonant_skeleton_survives_unwritten_vowels() -> None:
    assert skeleton_key("muhammad") == skeleton_key(latin_tokens("محمد")[0]) == "MHMD"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Мухаммад", "Cyrl"),
        ("MOHAMMAD", "Latn"),
        ("محمد", "Arab"),
        ("Şükrü", "Latn"),
        ("Нұрлан", "Cyrl"),
        ("", "Zyyy"),
        ("123", "Zyyy"),
        ("Αλέξανδρος", "Grek"),
    ],
)
def test_detect_script_returns_iso_15924(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_russian_typed_freely_reads_back_to_the_table_letters() -> None:
    from crossroads.engines.identity.normalise import russian_translit_reading

    # я as ya, ia (ICAO 9303) or ja; ц as ts or c (ISO 9)
    for typed in ("menya", "menia", "menja"):
        assert russian_translit_reading(typed) == "menya" == latin_tokens("меня")[0]
    assert russian_translit_reading("konec") == "konets" == latin_tokens("конец")[0]
    assert russian_translit_reading("ubiut") == russian_translit_reading("ubyut")
    assert russian_translit_reading("chto") == "chto"  # ch stays ч
