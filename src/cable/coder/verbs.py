"""Finding the verb dictionary entry for a word of a sentence, and its patterns.

A verb form may span several words (``CARRIED_OUT``, ``RE_+ARREST``): the longest
form whose words surround the verb word wins. Patterns are tried longest first
(TABARI's order, by letters in words, §5.7.1). TABARI does not count the letters of
synset names; PETRARCH-1 has no complex or discard patterns: those are passed over.
"""

from __future__ import annotations

from dataclasses import dataclass

from cable.dictionaries import Dictionaries, VerbCode, VerbEntry, VerbHit, candidate_keys
from cable.dictionaries.entries import NULL_CODE as NULL, TABARI, Token
from cable.dictionaries.compiled import LazyRecords
from cable.coder.matching import Compiled
from cable.coder.model import Item, Mark
from cable.coder.prepared import entry_patterns
from cable.coder.words import verb_word


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """A verb form found in the items: ``first``..``last`` are the item positions
    of its first and last words; ``hits`` every entry with a form that long (a
    word listed under several verbs)."""

    hits: tuple[VerbHit, ...]
    first: int
    last: int

    @property
    def entries(self) -> list[VerbEntry]:
        """The entries found, once each."""
        return list({id(hit.entry): hit.entry for hit in self.hits}.values())

    def code(self) -> VerbCode | None:
        """The first non-null code of the forms found, else None."""
        for hit in self.hits:
            if hit.code.code != NULL or hit.code.pair:
                return hit.code
        return None


class VerbFinder:
    """Looks verbs up in one dictionary set, with every entry's patterns compiled
    (read from disk when they were compiled before, see ``prepared``)."""

    def __init__(self, dictionaries: Dictionaries):
        self.dictionaries = dictionaries
        self.stems = dictionaries.format == TABARI
        self._patterns: dict[tuple[tuple[str, int], ...], list[Compiled]] = {}
        self._hits: dict[str, list[VerbHit]] = {}
        self.members = SynsetMembers(dictionaries)
        self._by_entry = entry_patterns(dictionaries, self.members, self.stems)
        if isinstance(dictionaries.verbs, LazyRecords):
            dictionaries.verbs.make_all()   # a few hundred entries; text meets most of them

    def find(self, items: list[Item], at: int, low: int, high: int) -> VerbMatch | None:
        """The longest verb form whose verb word is ``items[at]``, its other words
        within ``items[low:high]``."""
        word = items[at]
        if not isinstance(word, str):
            return None
        spans = []
        for hit in self.hits(word):
            span = form_span(hit.form.words, hit.form.verb, items, at, low, high)
            if span is not None:
                spans.append((span, hit))
        if not spans:
            return None
        longest = max(last - first for (first, last), _ in spans)
        kept = [(span, hit) for span, hit in spans if span[1] - span[0] == longest]
        return VerbMatch(tuple(hit for _, hit in kept), *kept[0][0])

    def hits(self, word: str) -> list[VerbHit]:
        """Verb forms whose verb word is ``word`` (TABARI: a stem of it); TABARI's
        time-shift phrases are not verbs. Remembered per word."""
        found = self._hits.get(word)
        if found is None:
            found = self._hits[word] = self._find_hits(word)
        return found

    def _find_hits(self, word: str) -> list[VerbHit]:
        if not self.stems:
            return self.dictionaries.verb_hits(word)
        found = []
        for key in candidate_keys(word, self.dictionaries.verb_keys):
            for hit in self.dictionaries.verb_hits(key):
                if hit.entry.section == "verbs" and verb_word(hit.form.words[hit.form.verb], word):
                    found.append(hit)
        return found

    def patterns(self, found: VerbMatch) -> list[Compiled]:
        """The patterns of every entry found, compiled, longest first."""
        key = tuple((entry.file, entry.line) for entry in found.entries)
        compiled = self._patterns.get(key)
        if compiled is None:
            compiled = [c for entry in key for c in self._by_entry.get(entry, ())]
            order = (lambda c: -c.length + c.synset_letters) if self.stems else (lambda c: -c.length)
            compiled = self._patterns[key] = sorted(compiled, key=order)
        return compiled


class SynsetMembers:
    """The phrases of each synset (with PETRARCH's plurals), and a cache of their
    compiled forms for the matcher."""

    def __init__(self, dictionaries: Dictionaries):
        self.dictionaries = dictionaries
        self.compiled: dict = {}
        self._found: dict[str, tuple[tuple[Token, ...], ...]] = {}

    def __call__(self, name: str) -> tuple[tuple[Token, ...], ...]:
        found = self._found.get(name)
        if found is None:
            synset = self.dictionaries.synsets.get(name.rstrip("_"))
            found = self._found[name] = synset.forms if synset else ()
        return found


def form_span(words: tuple[Token, ...], verb: int, items: list[Item], at: int,
              low: int, high: int) -> tuple[int, int] | None:
    """(first, last) item positions of a verb form around ``items[at]``, or None."""
    if not verb_word(words[verb], items[at]):
        return None
    first = last = at
    for k in range(verb - 1, -1, -1):
        first = _step(items, first, -1, low, high, words[k], words[k + 1].joined)
        if first is None:
            return None
    for k in range(verb + 1, len(words)):
        last = _step(items, last, 1, low, high, words[k], words[k].joined)
        if last is None:
            return None
    return first, last


def _step(items: list[Item], pos: int, direction: int, low: int, high: int,
          token: Token, joined: bool) -> int | None:
    """The position of the next word matching ``token`` going ``direction``."""
    i = pos + direction
    while low <= i < high:
        item = items[i]
        if not isinstance(item, Mark):
            if verb_word(token, item):
                return i
            if joined:
                return None
        i += direction
    return None
