"""The prompts read to the person are data: one file per language, every key in each,
unreviewed translations marked so in the file and on the page."""

from __future__ import annotations

import pytest

from crossroads.screening import prompts

REQUIRED = {"rus", "eng", "prs", "pus", "tgk", "uzb", "kir", "kaz"}


def test_the_eight_languages_of_the_region_are_there():
    assert set(prompts.LANGUAGES) >= REQUIRED


@pytest.mark.parametrize("language", sorted(REQUIRED))
def test_every_language_has_every_prompt(language):
    prompt_set = prompts.load(language)
    assert set(prompt_set.prompts) == set(prompts.KEYS)
    assert all(text.strip() for text in prompt_set.prompts.values())


@pytest.mark.parametrize("language", ["prs", "pus"])
def test_dari_and_pashto_are_right_to_left(language):
    assert prompts.load(language).dir == "rtl"


@pytest.mark.parametrize("language", sorted(REQUIRED - {"eng"}))
def test_an_unreviewed_translation_says_so_in_its_header(language):
    path = prompts.PROMPT_DIR / f"{language}.yaml"
    header = "".join(line for line in path.read_text(encoding="utf-8").splitlines(True)[:4])
    prompt_set = prompts.load(language)
    if not prompt_set.reviewed:
        assert "NOT YET REVIEWED BY A NATIVE SPEAKER" in header
        assert prompt_set.machine_drafted


def test_the_person_language_chooses_the_prompts_unless_the_officer_picks_one():
    assert prompts.language_for(["pus", "rus"], None) == "pus"
    assert prompts.language_for(["fas"], None) == "prs"
    assert prompts.language_for(["pus"], "kaz") == "kaz"
    assert prompts.language_for([], "nonsense") == prompts.DEFAULT_LANGUAGE
