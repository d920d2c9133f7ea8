"""The prompts the officer reads aloud, one YAML file per language in `prompts/`. Each
file says in its header whether it was machine-drafted and whether a native speaker has
reviewed it; the page shows that too."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PROMPT_DIR = Path(__file__).resolve().parent / "prompts"
# The order the language chooser offers them in.
LANGUAGES = ("rus", "eng", "prs", "pus", "tgk", "uzb", "kir", "kaz")
DEFAULT_LANGUAGE = "rus"
KEYS = (
    "intro",
    "who",
    "journey",
    "alone",
    "documents",
    "why",
    "fear",
    "work",
    "health",
    "closing",
)


@dataclass(frozen=True)
class PromptSet:
    language: str
    name: str
    lang: str
    dir: str
    machine_drafted: bool
    reviewed: bool
    prompts: dict[str, str]


@functools.cache
def load(language: str) -> PromptSet:
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    with (PROMPT_DIR / f"{language}.yaml").open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    english = load("eng").prompts if language != "eng" else {}
    prompts = {key: str(data["prompts"].get(key) or english.get(key, "")) for key in KEYS}
    return PromptSet(
        language=data["language"],
        name=data["name"],
        lang=data["lang"],
        dir=data["dir"],
        machine_drafted=bool(data.get("machine_drafted")),
        reviewed=bool(data.get("reviewed_by_native_speaker")),
        prompts=prompts,
    )


def choices() -> list[tuple[str, str]]:
    return [(code, load(code).name) for code in LANGUAGES]


def language_for(person_languages: list[str], requested: str | None) -> str:
    """The language asked for on the page, else the person's first language we have."""
    if requested in LANGUAGES:
        return str(requested)
    for code in person_languages:
        if code in LANGUAGES:
            return code
        if code == "fas":  # Farsi speakers follow the Dari prompts best
            return "prs"
    return DEFAULT_LANGUAGE
