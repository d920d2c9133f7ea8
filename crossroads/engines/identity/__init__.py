"""Placeholder until the identity engine branch lands."""

import unicodedata


def detect_script(text: str) -> str:
    counts = {"Cyrl": 0, "Latn": 0, "Arab": 0}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            for key, word in (("Cyrl", "CYRILLIC"), ("Latn", "LATIN"), ("Arab", "ARABIC")):
                if name.startswith(word):
                    counts[key] += 1
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "Zyyy"


def query_keys_for_text(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    return [folded] if folded else []
