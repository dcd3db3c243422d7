"""Issue keys: one name for an issue however an article words it, so that a holder's
positions can be followed from article to article.

"the lifting of its oil embargo", "Iran's oil embargo lifting" and "lifting of the oil
embargoes", said by Iran, share the key "embargo lifting oil": words are folded to lower case and their singular,
countries (names, demonyms, capitals, metonyms) become their ISO codes, the holder's
own country and words that carry no issue (articles, pronouns, prepositions,
"issue", "question") are dropped, and what is left is sorted. Keys are made from the
stored issue text, so records stored before keys existed get them too.
"""

from __future__ import annotations

import functools
import re

from .kb import load_kb

WORD = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*")
POSSESSIVE = re.compile(r"['’]s\b")


@functools.cache
def empty_words() -> frozenset[str]:
    """Words that name no part of an issue (data/voices/issue_stopwords.txt)."""
    from importlib import resources

    text = resources.files("cable").joinpath("data", "voices", "issue_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def issue_key(issue: str, holder_country: str | None = None) -> str:
    """The key of an issue as one holder states it (see the module docstring)."""
    text, countries = _countries_out(POSSESSIVE.sub("", issue))
    words = {_singular(w.lower()) for w in WORD.findall(text)} - empty_words()
    words |= {code for code in countries if code != holder_country}
    return " ".join(sorted(words))


def _countries_out(text: str) -> tuple[str, set[str]]:
    """``text`` with every country term blanked, and the countries they denote."""
    kb = load_kb()
    found, parts, at = set(), [], 0
    for start, end, surface in kb.find_terms(text):
        hit = kb.term(surface)
        if hit is None or not hit.iso3 or start < at:
            continue
        parts.append(text[at:start])
        found.add(hit.iso3)
        at = end
    parts.append(text[at:])
    return " ".join(parts), found


def _singular(word: str) -> str:
    """A plural's regular singular; words that only look plural stay as they are."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics", "ous")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "tuses", "suses", "buses", "goes", "toes", "roes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word
