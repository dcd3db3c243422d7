"""Is the article English? Count common function words, English and other.

On news pages English function words make 25-55% of the words (lists of names
or prices go down to about 15%), and those of French, Spanish, Italian,
Portuguese, German or Dutch under a sixth of that; pages in those languages
run the other way round, and pages in other scripts have no English words.
A page that is not English is named by py3langid (97 languages, offline), so
the rejection says which language it is in.
"""

from __future__ import annotations

import re

from ..errors import NotEnglish
from .clean_data import table, word_set

MIN_ENGLISH_SHARE = 0.10
MAX_OTHER_RATIO = 0.5  # other languages' function words per English one
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def function_word_shares(text: str) -> tuple[float, float]:
    """Shares of the words in ``text`` that are English / other-language function words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0.0
    english, other = word_set("english_function_words.txt"), word_set("other_function_words.txt")
    return sum(w in english for w in words) / len(words), sum(w in other for w in words) / len(words)


def check_english(text: str, name: str) -> str:
    """Return "en" for English text; raise NotEnglish otherwise."""
    english, other = function_word_shares(text)
    if english < MIN_ENGLISH_SHARE or other >= MAX_OTHER_RATIO * english:
        code = identify(text)
        seems = f"it looks like {language_name(code)} ({code}): " if code != "en" else ""
        raise NotEnglish(
            f"{name} does not look like English: {seems}only {english:.0%} of its words are common English "
            f"function words (English text has over {MIN_ENGLISH_SHARE:.0%}) and {other:.0%} are those of "
            "other languages; Cable reads English articles only: give an English page or translate it first"
        )
    return "en"


def identify(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is most likely in."""
    import py3langid

    return py3langid.classify(text[:10_000])[0]


def language_name(code: str) -> str:
    """ "pt" -> "Portuguese"; the code itself for a language the table lacks."""
    return table("languages.tsv").get(code, code)
