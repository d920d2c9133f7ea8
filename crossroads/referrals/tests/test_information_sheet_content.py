"""The words of the information sheet are data: every required language has a complete
file, with every rights paragraph, every pathway of the spec and every slip label, and a
translation not yet checked by a native speaker says so in its file."""

from __future__ import annotations

import pytest

from crossroads.engines.screening import Pathway
from crossroads.referrals.sheets import (
    LABELS,
    RIGHTS,
    available_languages,
    choose_language,
    content_problems,
    load_content,
    rights_for,
)

# Issue 3: at least these languages. Uzbek is in Latin script (uzn, uz-Latn).
REQUIRED = {
    "rus": ("ru", "ltr"),
    "eng": ("en", "ltr"),
    "prs": ("fa-AF", "rtl"),
    "pus": ("ps", "rtl"),
    "tgk": ("tg", "ltr"),
    "uzn": ("uz-Latn", "ltr"),
    "kir": ("ky", "ltr"),
    "kaz": ("kk", "ltr"),
}


def test_every_required_language_has_a_sheet():
    assert set(REQUIRED) <= set(available_languages())


@pytest.mark.parametrize("lang", sorted(REQUIRED))
def test_the_file_loads_complete(lang):
    content = load_content(lang)
    assert content_problems(content, lang) == []
    assert set(content["next"]) >= {p.value for p in Pathway}
    assert set(content["rights"]) >= set(RIGHTS)
    assert set(content["labels"]) >= set(LABELS)


@pytest.mark.parametrize("lang", sorted(REQUIRED))
def test_html_language_and_direction(lang):
    language = load_content(lang)["language"]
    assert (language["html_lang"], language["dir"]) == REQUIRED[lang]


@pytest.mark.parametrize("lang", sorted(set(REQUIRED) - {"eng"}))
def test_a_translation_says_whether_a_native_speaker_reviewed_it(lang):
    review = load_content(lang)["review"]
    assert review["status"] in ("machine_drafted", "reviewed")
    if review["status"] == "machine_drafted":
        assert review["native_speaker_reviewed"] is False
        assert "NOT YET REVIEWED BY A NATIVE SPEAKER" in review["note"]
    else:
        assert review["reviewed_by"] and review["reviewed_on"]


@pytest.mark.parametrize("lang", sorted(REQUIRED))
def test_the_rights_cite_their_sources(lang):
    sources = " ".join(load_content(lang)["review"]["sources"])
    for source in ("UNHCR", "IOM", "ILO", "1951 Convention", "Rights of the Child", "Trafficking"):
        assert source in sources


def test_a_missing_pathway_is_reported():
    content = dict(load_content("eng"))
    content["next"] = {k: v for k, v in content["next"].items() if k != "return_procedure"}
    assert "eng: next.return_procedure: needs a title and a text" in content_problems(
        content, "eng"
    )


def test_a_missing_rights_paragraph_or_label_is_reported():
    content = dict(load_content("eng"))
    content["rights"] = {k: v for k, v in content["rights"].items() if k != "child"}
    content["labels"] = {k: v for k, v in content["labels"].items() if k != "keep_paper"}
    problems = content_problems(content, "eng")
    assert "eng: rights.child: needs a heading and a text" in problems
    assert "eng: labels.keep_paper: missing" in problems


def test_an_unreviewed_translation_cannot_claim_review():
    content = dict(load_content("prs"))
    content["review"] = {**content["review"], "native_speaker_reviewed": True}
    assert any("native_speaker_reviewed" in p for p in content_problems(content, "prs"))


@pytest.mark.parametrize("lang", sorted(REQUIRED))
def test_placeholders_are_those_of_the_english_text(lang):
    content = load_content(lang)
    assert "{days}" in content["rights"]["trafficking"]["text"]
    for text in content["priorities"].values():
        assert "{deadline}" in text
    for key in ("emergency", "urgent"):
        assert "{hours}" in content["priorities"][key]


def test_the_return_procedure_tells_of_appeal_and_legal_aid():
    text = load_content("eng")["next"]["return_procedure"]["text"]
    assert "appeal" in text and "legal aid" in text


def test_language_falls_back_from_the_person_to_the_officer():
    assert choose_language(None, ["haz", "prs"], "en") == "prs"
    assert choose_language(None, ["uzb"], "en") == "uzn"
    assert choose_language(None, ["ara"], "ru") == "rus"
    assert choose_language("pus", ["prs"], "en") == "pus"
    assert choose_language("xx", [], "") == "eng"


def test_child_and_trafficking_paragraphs_only_when_they_apply():
    adult = {"is_child": False, "needs": [], "safeguards": []}
    child = {
        "is_child": True,
        "needs": [{"code": "unaccompanied_child"}],
        "safeguards": [{"code": "guardian_required"}, {"code": "presumption_of_minority"}],
    }
    trafficked = {"is_child": False, "needs": [{"code": "trafficking_possible"}], "safeguards": []}
    assert not {"child", "child_guardian", "trafficking", "non_punishment"} & set(
        rights_for(adult, False)
    )
    assert {"child", "child_guardian", "child_age"} <= set(rights_for(child, False))
    assert {"trafficking", "non_punishment"} <= set(rights_for(trafficked, False))
    assert "child" not in rights_for(trafficked, False)


def test_a_sheet_for_a_person_without_a_screening_prints_only_the_general_rights():
    from types import SimpleNamespace

    from crossroads.referrals.sheets import ALWAYS, sheet_context

    person = SimpleNamespace(reference="KG-2026-000001-1", full_name="Aibek", country_id="KG")
    context = sheet_context(person, [], "kir")
    assert {r["key"] for r in context["rights"]} == ALWAYS
    assert context["steps"] == []
    assert context["person_reference"] == "KG-2026-000001-1"
    assert (context["html_lang"], context["dir"]) == ("ky", "ltr")
