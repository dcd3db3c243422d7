"""Phrases and flat patterns as tokens, and the word forms the coders derive.

Connectors: ``A_B`` means B must follow A directly; ``A B`` allows words between.
TABARI (manual §5.2, §5.5.3): a word is a stem (``ACCUS`` matches ACCUSED) unless it
ends with ``_`` (the whole word, regular endings allowed) or ``=`` (exactly this word);
``A~_B`` keeps A a stem but joins B; ``-`` inside a word is an ``_``.
PETRARCH: whole words only, hyphens stay inside words.
"""

from __future__ import annotations

import re
import sys

from cable.dictionaries.entries import (
    ALTERNATIVES, COMPOUND, EXACT, PETRARCH1, SKIP, SOURCE, STEM, SYNSET, TABARI, TARGET, VERB,
    WORD, WORD_ENDINGS, Phrase, Token,
)

_TABARI_PIECES = re.compile(r"\s+|~_|_|=|[{|}]|~|[^\s_={|}~]+")
_PETRARCH_PIECES = re.compile(r"\s+|_|[{|}]|[^\s_{|}]+")
_MARKERS = {"*": VERB, "$": SOURCE, "+": TARGET, "^": SKIP, "%": COMPOUND}
_TOKENS: dict[Token, Token] = {}


def intern(token: Token) -> Token:
    """One shared object per distinct token, so caches stay small."""
    return _TOKENS.setdefault(token, token)


def forget_interned() -> None:
    """Drop the token table once a set is built."""
    _TOKENS.clear()


def parse_phrase(text: str, style: str) -> Phrase:
    """The words of an actor, agent, verb-form or synset phrase."""
    if style == TABARI:
        return tuple(_Builder(style, markers=False).run(text))
    return tuple(intern(Token(WORD, sys.intern(word.upper()), joined))
                 for chunk in text.split()
                 for joined, word in _joined_words(chunk))


def _joined_words(chunk: str) -> list[tuple[bool, str]]:
    """PETRARCH ``A_B_``: (joined to the previous word, word) pairs."""
    return [(i > 0, word) for i, word in enumerate(w for w in chunk.split("_") if w)]


def parse_flat_pattern(text: str, style: str) -> tuple[Token, ...]:
    """A TABARI or PETRARCH-1 pattern: words, markers, synsets and ``{ A | B }``.
    Raises ValueError on unbalanced braces."""
    return tuple(_Builder(style, markers=True).run(text))


class _Builder:
    """Turns the pieces of a phrase into tokens, tracking connectors and groups."""

    def __init__(self, style: str, markers: bool):
        self.style, self.markers = style, markers
        self.stack: list[tuple[bool, list[Token], list[list[Token]]]] = []
        self.seq: list[Token] = []
        self.pending = False      # the next token is joined to the previous one
        self.after_word = False   # the previous piece was a word with nothing between

    def run(self, text: str) -> list[Token]:
        pieces = _TABARI_PIECES if self.style == TABARI else _PETRARCH_PIECES
        if self.style == TABARI:
            text = text.replace("-", "_")
        for piece in pieces.findall(text):
            self.feed(piece)
        if self.stack:
            raise ValueError("'{' without '}'")
        return self.seq

    def feed(self, piece: str) -> None:
        was_word, self.after_word = self.after_word, False
        if piece.isspace():
            self.pending = False
        elif piece in ("_", "~_"):
            if was_word and piece == "_" and self.style == TABARI:
                self.mark(WORD_ENDINGS)
            self.pending = True
        elif piece == "=":
            self.mark(EXACT)
        elif piece == "~":
            pass
        elif self.markers and piece in "{|}":
            self.group(piece)
        else:
            self.seq.append(intern(self.token(piece)))
            self.pending, self.after_word = False, True

    def token(self, atom: str) -> Token:
        if self.markers and atom in _MARKERS:
            return Token(_MARKERS[atom], atom, self.pending)
        if self.markers and atom.startswith("&") and len(atom) > 1:
            return Token(SYNSET, sys.intern(atom.upper()), self.pending)
        match = STEM if self.style == TABARI else EXACT
        return Token(WORD, sys.intern(atom.upper()), self.pending, match)

    def mark(self, match: str) -> None:
        if self.seq and self.seq[-1].kind == WORD:
            self.seq[-1] = intern(self.seq[-1]._replace(match=match))

    def group(self, piece: str) -> None:
        if piece == "{":
            if self.stack:
                raise ValueError("'{' inside '{ ... }'")
            self.stack.append((self.pending, self.seq, []))
        elif not self.stack:
            raise ValueError(f"'{piece}' outside '{{ ... }}'")
        else:
            self.stack[-1][2].append(self.seq)
        self.seq = []
        if piece == "}":
            self.close()
        self.pending = False

    def close(self) -> None:
        joined, outer, alternatives = self.stack.pop()
        parts = tuple(tuple(alternative) for alternative in alternatives)
        outer.append(intern(Token(ALTERNATIVES, "", joined, EXACT, parts)))
        self.seq = outer


def regular_forms(stem: str, style: str, multiword: bool = False) -> list[str]:
    """The -S, -ED and -ING forms PETRARCH adds to a verb given without ``{...}``
    (PETRARCH-1 and -2 differ in details); TABARI matches endings instead."""
    if style == TABARI:
        return []
    p1 = style == PETRARCH1
    if stem.endswith(("S", "X", "Z")) and not (p1 and multiword):
        third = stem + "ES"
    elif stem.endswith("Y") and not p1:
        third = stem[:-1] + "IES"
    else:
        third = stem + "S"
    past = stem + "D" if stem.endswith("E") else stem + "ED"
    drop_e = stem.endswith("E") and (p1 or stem[-2:-1] not in "AEIOU")
    return [third, past, (stem[:-1] if drop_e else stem) + "ING"]


def plural(word: str) -> str:
    """PETRARCH's regular plural of an agent or synset noun."""
    if word.endswith("Y"):
        return word[:-1] + "IES"
    return word + ("ES" if word.endswith("S") else "S")
