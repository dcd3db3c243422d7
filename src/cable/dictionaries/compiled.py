"""The compiled form of a dictionary set: records kept as plain tuples, made into
objects only when a coder looks them up, so a cached set loads in a fraction of a
second (unpickling plain tuples is cheap; rebuilding 500,000 objects is not)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from cable.dictionaries.entries import (
    EXACT, STEM, WORD, WORD_ENDINGS, ActorCode, ActorEntry, AgentEntry, Discard, Issue, Pattern,
    Phrase, Token, VerbCode, VerbEntry, VerbForm, phrase_words,
)

T = TypeVar("T")


class LazyRecords(Sequence[T], Generic[T]):
    """A read-only sequence of records stored plain and made on first access."""

    __slots__ = ("_plain", "_made", "_make")

    def __init__(self, plain: list, make: Callable[[Any], T], made: list | None = None):
        self._plain, self._make = plain, make
        self._made = made if made is not None else [None] * len(plain)

    @classmethod
    def of(cls, records: Iterable[T], flatten: Callable[[T], Any],
           make: Callable[[Any], T]) -> "LazyRecords[T]":
        made = list(records)
        return cls([flatten(record) for record in made], make, made)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        record = self._made[index]
        if record is None:
            record = self._made[index] = self._make(self._plain[index])
        return record

    def __len__(self) -> int:
        return len(self._plain)

    def make_all(self) -> None:
        """Make every record now, for sets that text meets most of anyway."""
        for index, record in enumerate(self._made):
            if record is None:
                self._made[index] = self._make(self._plain[index])

    def __getstate__(self) -> tuple:
        return self._plain, self._make

    def __setstate__(self, state: tuple) -> None:
        self._plain, self._make = state
        self._made = [None] * len(self._plain)


class PhraseIndex(Generic[T]):
    """Records by phrase, a tuple of upper-case words.

    ``get`` gives the records of exactly a phrase, ``matches`` every phrase starting at a
    position of a sentence (consecutive words), and ``starting`` every record with a
    phrase that begins with a word, for coders that allow gaps between words or TABARI
    stems (``first_words`` lists those words; see ``matching.candidate_keys``).
    ``gapped`` gives only the records of a word whose phrase allows a gap, listed at
    build time (``gaps``: (first word, record number) pairs), so a coder need not
    make every record that shares a first word.
    """

    __slots__ = ("records", "_phrases", "_first", "_longest", "_gapped")

    def __init__(self, records: Sequence[T], phrases: Iterable[tuple[tuple[str, ...], int]],
                 gaps: Iterable[tuple[str, int]] = ()):
        self.records = records
        gapped: dict[str, list[int]] = {}
        for word, index in gaps:
            gapped.setdefault(word, []).append(index)
        self._gapped = {word: tuple(dict.fromkeys(found)) for word, found in gapped.items()}
        by_phrase: dict[tuple[str, ...], list[int]] = {}
        for words, index in phrases:
            if words:
                by_phrase.setdefault(shared(tuple(words)), []).append(index)
        self._phrases = {words: tuple(found) for words, found in by_phrase.items()}
        first: dict[str, list[int]] = {}
        self._longest: dict[str, int] = {}
        for words, found in self._phrases.items():
            first.setdefault(words[0], []).extend(found)
            self._longest[words[0]] = max(self._longest.get(words[0], 0), len(words))
        self._first = {word: tuple(dict.fromkeys(found)) for word, found in first.items()}

    def get(self, words: Iterable[str]) -> list[T]:
        return [self.records[i] for i in self._phrases.get(tuple(words), ())]

    def starting(self, word: str) -> list[T]:
        return [self.records[i] for i in self._first.get(word, ())]

    def gapped(self, word: str) -> list[T]:
        return [self.records[i] for i in self._gapped.get(word, ())]

    def matches(self, words: Sequence[str], start: int = 0) -> list[tuple[int, list[T]]]:
        """(end, records) for each phrase equal to ``words[start:end]``, shortest first."""
        longest = self._longest.get(words[start], 0) if start < len(words) else 0
        found = []
        for end in range(start + 1, min(len(words), start + longest) + 1):
            hits = self._phrases.get(tuple(words[start:end]))
            if hits:
                found.append((end, [self.records[i] for i in hits]))
        return found

    def longest(self, words: Sequence[str], start: int = 0) -> tuple[int, list[T]] | None:
        """(end, records) of the longest phrase equal to ``words[start:end]``, or None;
        only its records are made."""
        longest = self._longest.get(words[start], 0) if start < len(words) else 0
        for end in range(min(len(words), start + longest), start, -1):
            hits = self._phrases.get(tuple(words[start:end]))
            if hits:
                return end, [self.records[i] for i in hits]
        return None

    @property
    def first_words(self) -> dict[str, tuple[int, ...]]:
        return self._first

    def __len__(self) -> int:
        return len(self._phrases)

    def __contains__(self, words: object) -> bool:
        return isinstance(words, (tuple, list)) and tuple(words) in self._phrases

    def __getstate__(self) -> tuple:
        return self.records, self._phrases, self._first, self._longest, self._gapped

    def __setstate__(self, state: tuple) -> None:
        self.records, self._phrases, self._first, self._longest, self._gapped = state


# Plain forms: tokens as tuples, word phrases as word tuples, codes as one string.

def flat_tokens(tokens: tuple[Token, ...]) -> tuple:
    return tuple((t.kind, t.text, t.joined, t.match, tuple(flat_tokens(p) for p in t.parts))
                 for t in tokens)


def make_tokens(plain: tuple) -> tuple[Token, ...]:
    return tuple(_token((kind, text, joined, match, tuple(make_tokens(p) for p in parts) if parts else ()))
                 for kind, text, joined, match, parts in plain)


_token = Token._make   # a record's tokens are made by the thousand: skip keyword handling
_MATCH_LETTERS = {EXACT: "e", WORD_ENDINGS: "n", STEM: "s"}
_LETTER_MATCHES = {letter: match for match, letter in _MATCH_LETTERS.items()}
_WORD_TUPLES: dict[tuple[str, ...], tuple[str, ...]] = {}


def shared(words: tuple[str, ...]) -> tuple[str, ...]:
    """One object per distinct word tuple, so the index and the records share it."""
    return _WORD_TUPLES.setdefault(words, words)


def forget_shared() -> None:
    """Drop the sharing table once a set is built."""
    _WORD_TUPLES.clear()


def flat_words(phrase: Phrase) -> tuple:
    """A phrase of plain words as (words, joined bits, match letters)."""
    joined = sum(1 << i for i, token in enumerate(phrase) if token.joined)
    return shared(phrase_words(phrase)), joined, "".join(_MATCH_LETTERS[t.match] for t in phrase)


def make_words(plain: tuple) -> Phrase:
    words, joined, matches = plain
    return tuple(_token((WORD, word, bool(joined >> i & 1), _LETTER_MATCHES[letter], ()))
                 for i, (word, letter) in enumerate(zip(words, matches)))


def _flat_codes(codes: tuple[ActorCode, ...]) -> str:
    return "\t".join(f"{c.code} {c.start.toordinal() if c.start else ''} "
                     f"{c.end.toordinal() if c.end else ''}" for c in codes)


def _make_codes(plain: str) -> tuple[ActorCode, ...]:
    codes = []
    for item in plain.split("\t") if plain else ():
        code, start, end = item.rsplit(" ", 2)
        codes.append(ActorCode(code, _day(start), _day(end)))
    return tuple(codes)


def _day(ordinal: str) -> date | None:
    return date.fromordinal(int(ordinal)) if ordinal else None


def flat_actor(entry: ActorEntry) -> tuple:
    return tuple(flat_words(p) for p in entry.phrases), _flat_codes(entry.codes), entry.file, entry.line


def make_actor(plain: tuple) -> ActorEntry:
    phrases, codes, file, line = plain
    return ActorEntry(tuple(make_words(p) for p in phrases), _make_codes(codes), file, line)


def flat_agent(entry: AgentEntry) -> tuple:
    return (flat_words(entry.phrase),) + tuple(entry)[1:]


def make_agent(plain: tuple) -> AgentEntry:
    return AgentEntry(make_words(plain[0]), *plain[1:])


def flat_discard(entry: Discard) -> tuple:
    return (flat_words(entry.phrase),) + tuple(entry)[1:]


def make_discard(plain: tuple) -> Discard:
    return Discard(make_words(plain[0]), *plain[1:])


def flat_issue(entry: Issue) -> tuple:
    return (shared(entry.words),) + tuple(entry)[1:]


def make_issue(plain: tuple) -> Issue:
    return Issue(*plain)


def _flat_code(code: VerbCode | None) -> tuple | None:
    return tuple(code) if code is not None else None


def _make_code(plain: tuple | None) -> VerbCode | None:
    return VerbCode(*plain) if plain is not None else None


def flat_verb(entry: VerbEntry) -> tuple:
    forms = tuple((flat_tokens(f.words), f.verb, _flat_code(f.code), f.generated, f.line)
                  for f in entry.forms)
    patterns = tuple((flat_tokens(p.tokens), tuple(p.code), p.text, p.line) for p in entry.patterns)
    return entry.name, _flat_code(entry.code), forms, patterns, entry.section, entry.file, entry.line


def make_verb(plain: tuple) -> VerbEntry:
    name, code, forms, patterns, section, file, line = plain
    return VerbEntry(
        name, _make_code(code),
        tuple(VerbForm(make_tokens(w), verb, _make_code(c), g, n) for w, verb, c, g, n in forms),
        tuple(Pattern(make_tokens(t), VerbCode(*c), text, n) for t, c, text, n in patterns),
        section, file, line)
