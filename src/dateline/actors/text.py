"""String keys shared by the dictionary, the gazetteer and the coreference steps.

Names are compared by a *key* that ignores case, accents and the punctuation
that transliterations disagree on, so "Kim Jong Un", "Kim Jong-un" and
"KIM JONG-UN" are one name, and "Erdogan" finds "Erdoğan".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z]+")
_APOSTROPHE_S = re.compile(r"['’]s\b", re.IGNORECASE)
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")


#: Latin letters that Unicode does not decompose into a base letter and an accent
#: ("Støre", "Wałęsa", "Þórðarson"): without these they vanished from keys and ids
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
     "ħ": "h", "ŧ": "t", "ŋ": "ng", "ĸ": "k"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase ASCII letters and digits only: accents stripped, ``ß`` → ``ss``, ``ø`` →
    ``o``, ``ł`` → ``l``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Comparison key of a name: folded words joined by one space, no leading "the".

    >>> name_key("the Kremlin"), name_key("KIM JONG-UN"), name_key("U.S.")
    ('kremlin', 'kim jong un', 'us')
    """
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    words = _NON_WORD.sub(" ", fold(text)).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def slug(text: str) -> str:
    """Readable id from a name: ``"Kwame Mensah"`` → ``"kwame-mensah"``."""
    text = _APOSTROPHE_S.sub("", text)
    return "-".join(_NON_WORD.sub(" ", fold(text)).split())


def is_acronym(text: str) -> bool:
    """True for short all-capital names (US, UN, AP) that must match with their exact case."""
    letters = [ch for ch in text if ch.isalpha()]
    return 0 < len(letters) <= 5 and all(ch.isupper() for ch in letters) and " " not in text


def looks_like_name(text: str) -> bool:
    """A matched surface counts as a name only if it starts with a capital or a digit."""
    stripped = text.lstrip("\"'“‘([")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())
