"""The fear-of-return evaluation set and its scoring (see README.md in this folder)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

EVAL_DIR = Path(__file__).resolve().parent
# Statements written after the first set, before the word lists were changed for them,
# held out as a whole (README.md, "The fresh set").
FRESH_DIR = EVAL_DIR / "fresh"
LABELS = ("fear", "none", "ask")


@dataclass(frozen=True, slots=True)
class Statement:
    language: str
    text: str
    kind: str
    label: str
    source: str
    fresh: bool = False  # from fresh/: written later, held out as a whole
    round: int = 0  # the fresh set's round (1, 2, ...); 0 for the first set

    @property
    def held_out(self) -> bool:
        """A quarter of the statements, chosen by hash, never looked at while tuning, and
        every statement of the fresh set."""
        return self.fresh or hashlib.sha1(self.text.encode("utf-8")).digest()[0] < 64


@dataclass(slots=True)
class Score:
    language: str
    fear: int = 0
    heard_fear: int = 0
    none: int = 0
    heard_none: int = 0
    ask: int = 0
    heard_ask: int = 0
    asked: int = 0  # ask statements heard and marked ambiguous
    misses: list[Statement] = field(default_factory=list)
    false_alarms: list[Statement] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.heard_fear / self.fear if self.fear else 1.0

    @property
    def false_positive_rate(self) -> float:
        return self.heard_none / self.none if self.none else 0.0

    def add(self, statement: Statement, heard: bool, ambiguous: bool) -> None:
        if statement.label == "fear":
            self.fear += 1
            self.heard_fear += heard
            if not heard:
                self.misses.append(statement)
        elif statement.label == "none":
            self.none += 1
            self.heard_none += heard
            if heard:
                self.false_alarms.append(statement)
        else:
            self.ask += 1
            self.heard_ask += heard
            self.asked += heard and ambiguous
            if not heard:
                self.misses.append(statement)


def load(languages: Iterable[str] | None = None, *, fresh: bool = False) -> list[Statement]:
    """The first set's statements, or with ``fresh`` the fresh set's."""
    wanted = set(languages) if languages else None
    out: list[Statement] = []
    for path in sorted((FRESH_DIR if fresh else EVAL_DIR).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = str(data["language"])
        fresh_round = int(data.get("round", 1)) if fresh else 0
        if wanted is not None and code not in wanted:
            continue
        for item in data["statements"]:
            if item["label"] not in LABELS:
                raise ValueError(f"{path.name}: unknown label {item['label']!r}")
            out.append(
                Statement(
                    code,
                    item["text"],
                    item["kind"],
                    item["label"],
                    item["source"],
                    fresh,
                    fresh_round,
                )
            )
    return out


Hear = Callable[[str], tuple[bool, bool]]  # text -> (heard, ambiguous)


def score(statements: Iterable[Statement], hear: Hear) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for statement in statements:
        heard, ambiguous = hear(statement.text)
        scores.setdefault(statement.language, Score(statement.language)).add(
            statement, heard, ambiguous
        )
    return scores


def engine_hear(text: str) -> tuple[bool, bool]:
    """What the engine hears: anything at all, and whether all of it is ambiguous."""
    from crossroads.engines.screening.fear import hear_fear

    heard = hear_fear(text)
    return bool(heard), bool(heard) and all(h.ambiguous for h in heard)
