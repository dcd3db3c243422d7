"""Discard phrases (sports, accidents: the sentence or story is not coded) and
issue phrases (what a sentence is about), found in a sentence's words."""

from __future__ import annotations

import re
from collections import Counter

from cable.dictionaries import STEM, Dictionaries, word_matches

_WORD = re.compile(r"[A-Z0-9&][A-Z0-9&'.\-]*")
MIN_STEM = 3  # a stem discard matches words it starts, when it is this long or longer


def words_of(text: str) -> list[str]:
    """Upper-case words of a text, trailing periods dropped."""
    return [w.rstrip(".") or w for w in _WORD.findall((text or "").upper())]


def find_discard(dictionaries: Dictionaries, words: list[str]) -> str | None:
    """``story`` or ``sentence`` when a discard phrase occurs in ``words``
    (story discards first), else None."""
    index = dictionaries.discard_index
    if not len(index):
        return None
    stems = _one_word_stems(dictionaries)
    lengths = _stem_lengths(dictionaries)
    first = index.first_words
    found = None
    for start, word in enumerate(words):
        candidates = list(index.starting(word)) if word in first else []
        candidates += [d for k in lengths if k < len(word) for d in stems.get(word[:k], ())]
        for discard in candidates:
            if _consecutive(discard.phrase, words, start):
                if discard.story:
                    return "story"
                found = "sentence"
    return found


_STEMS: dict[int, dict[str, list]] = {}


def _one_word_stems(dictionaries: Dictionaries) -> dict[str, list]:
    """One-word discards that match as stems, by their text (once per set)."""
    found = _STEMS.get(id(dictionaries))
    if found is None:
        found = {}
        for discard in dictionaries.discards:
            if len(discard.phrase) == 1 and discard.phrase[0].match == STEM:
                found.setdefault(discard.phrase[0].text, []).append(discard)
        _STEMS[id(dictionaries)] = found
    return found


_LENGTHS: dict[int, tuple[int, ...]] = {}


def _stem_lengths(dictionaries: Dictionaries) -> tuple[int, ...]:
    """The lengths of the one-word stem discards, shortest first (once per set): a word is
    looked up by its prefixes of these lengths only."""
    found = _LENGTHS.get(id(dictionaries))
    if found is None:
        stems = _one_word_stems(dictionaries)
        found = _LENGTHS[id(dictionaries)] = tuple(sorted({len(s) for s in stems if len(s) >= MIN_STEM}))
    return found


def find_issues(dictionaries: Dictionaries, words: list[str]) -> list[tuple[str, int]]:
    """Issue codes with how often each occurs; none when an ignore phrase occurs."""
    index = dictionaries.issue_index
    if not len(index):
        return []
    counts: Counter[str] = Counter()
    for start in range(len(words)):
        for _, issues in index.matches(words, start):
            for issue in issues:
                if issue.ignore:
                    return []
                if issue.code:
                    counts[issue.code] += 1
    return list(counts.items())


def _consecutive(phrase, words: list[str], start: int) -> bool:
    if start + len(phrase) > len(words):
        return False
    return all(word_matches(token, words[start + i]) for i, token in enumerate(phrase))
