"""Identity matching across Cyrillic, Latin and Perso-Arabic script (plain Python, no Django).

Normalise names, key records for blocking, score pairs with a calibrated probability and an
explanation, search an in-memory index in real time, and deduplicate a whole register.
"""

from .dedupe import dedupe
from .index import Candidate, SearchIndex
from .keys import blocking_keys, query_keys, query_keys_for_text
from .normalise import detect_script
from .records import PersonRecord, PreparedRecord, prepare
from .scoring import Match, score_pair

__all__ = [
    "Candidate",
    "Match",
    "PersonRecord",
    "PreparedRecord",
    "SearchIndex",
    "blocking_keys",
    "dedupe",
    "detect_script",
    "prepare",
    "query_keys",
    "query_keys_for_text",
    "score_pair",
]
