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


class DiscardFinder:
    """Finds discard phrases in a sentence's words for one dictionary set,
    remembering which discards may start at each word it has seen."""

    MAX_WORDS = 200_000  # words remembered before the memory starts again

    def __init__(self, dictionaries: Dictionaries):
        self.index = dictionaries.discard_index
        self.stems: dict[str, list] = {}   # one-word discards that match as stems, by their text
        for discard in dictionaries.discards:
            if len(discard.phrase) == 1 and discard.phrase[0].match == STEM:
                self.stems.setdefault(discard.phrase[0].text, []).append(discard)
        # a word is looked up by its prefixes of these lengths only
        self.lengths = tuple(sorted({len(s) for s in self.stems if len(s) >= MIN_STEM}))
        self._starting: dict[str, list] = {}

    def find(self, words: list[str]) -> str | None:
        """``story`` or ``sentence`` when a discard phrase occurs in ``words``
        (story discards first), else None."""
        if not len(self.index):
            return None
        found = None
        for start, word in enumerate(words):
            for discard in self.starting(word):
                if _consecutive(discard.phrase, words, start):
                    if discard.story:
                        return "story"
                    found = "sentence"
        return found

    def starting(self, word: str) -> list:
        """The discards that may start at ``word``: phrases whose first word it is,
        and one-word stems it starts with."""
        found = self._starting.get(word)
        if found is None:
            if len(self._starting) >= self.MAX_WORDS:
                self._starting.clear()
            found = list(self.index.starting(word)) if word in self.index.first_words else []
            found += [d for k in self.lengths if k < len(word) for d in self.stems.get(word[:k], ())]
            self._starting[word] = found
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
