"""Small text normalisations shared by the knowledge base and the actors stage."""

from __future__ import annotations

import functools
import re
import unicodedata

_POSSESSIVE = re.compile(r"(?:'s|')$")
_THE = re.compile(r"^(?:the|The|THE)\s+")


def fold(text: str) -> str:
    """ASCII-fold: 'Élysée' -> 'Elysee'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def strip_name(text: str) -> str:
    """A name as it would be looked up: straight apostrophes, no leading 'the',
    no possessive, single spaces ("the State Department’s" -> "State Department")."""
    text = " ".join(text.replace("’", "'").split())
    return _POSSESSIVE.sub("", _THE.sub("", text)).strip()


@functools.lru_cache(maxsize=65536)  # names recur across a corpus; the key is pure
def norm_key(text: str) -> str:
    """A key for deduplicating names: folded, lower case, no dots, hyphens as spaces
    ("the Six-Party Talks" and "Six Party Talks" -> "six party talks")."""
    text = fold(strip_name(text)).lower().replace(".", "")
    return " ".join(re.sub(r"[-‐–/]", " ", text).split())


@functools.lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """A spelling-tolerant key for a transliterated name word: folded, letters only, doubled letters
    single, 'ou' as 'u' and 'q' as 'k' ('Rouhani' = 'Ruhani', 'Hassan' = 'Hasan', 'Tariq' = 'Tarik')."""
    key = re.sub(r"[^a-z]", "", fold(word).lower()).replace("ou", "u").replace("q", "k")
    return re.sub(r"(.)\1+", r"\1", key)
