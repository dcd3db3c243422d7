"""Verb pattern lines: ``- TOKENS * TOKENS [code]``.

TABARI and PETRARCH-1 patterns are flat (``phrases.parse_flat_pattern``). PETRARCH-2
patterns group words: ``{A B}`` is a noun phrase whose last word is the head, and
``(IN {A B} +)`` a prepositional phrase; a synset name may contain ``_``
(``&FIGHT_OF_WORDS``); other ``A_B`` words are joined.
"""

from __future__ import annotations

import re
import sys

from cable.dictionaries.codes import BRACKETS, parse_verb_code
from cable.dictionaries.entries import (
    COMPOUND, EXACT, NOUN_PHRASE, PETRARCH2, PREP_PHRASE, SKIP, SOURCE, SYNSET, TARGET, VERB,
    WORD, Pattern, Token,
)
from cable.dictionaries.phrases import intern, parse_flat_pattern

_GROUP_PIECES = re.compile(r"[(){}*]|[^\s(){}*]+")
_MARKS = {"*": VERB, "$": SOURCE, "+": TARGET, "^": SKIP, "%": COMPOUND}


def parse_pattern(text: str, line: int, style: str) -> Pattern:
    """A pattern line (its leading ``-`` included). Raises ValueError when it has no
    code, no verb or one verb too many, or unbalanced brackets."""
    body = text.strip()[1:]
    codes = BRACKETS.findall(body)
    if not codes:
        raise ValueError("pattern without a [code]")
    body = body[: body.rfind("[")].strip()
    tokens = parse_grouped(body) if style == PETRARCH2 else parse_flat_pattern(body, style)
    if sum(token.kind == VERB for token in tokens) != 1:
        raise ValueError("a pattern needs exactly one '*' outside brackets")
    return Pattern(tokens, parse_verb_code(codes[-1]), body, line)


def parse_grouped(text: str) -> tuple[Token, ...]:
    """PETRARCH-2 pattern tokens."""
    pieces = _GROUP_PIECES.findall(text)
    tokens, end = _sequence(pieces, 0, None)
    if end != len(pieces):
        raise ValueError(f"unexpected '{pieces[end]}'")
    return tokens


def _sequence(pieces: list[str], i: int, closer: str | None) -> tuple[tuple[Token, ...], int]:
    tokens: list[Token] = []
    while i < len(pieces) and pieces[i] != closer:
        piece = pieces[i]
        if piece == "(":
            token, i = _prep_phrase(pieces, i + 1)
            tokens.append(token)
        elif piece == "{":
            words, i = _sequence(pieces, i + 1, "}")
            tokens.append(intern(Token(NOUN_PHRASE, "", False, EXACT, (words,))))
        elif piece in ")}":
            return tuple(tokens), i
        else:
            tokens.extend(_atom(piece))
            i += 1
    if closer is not None:
        if i >= len(pieces):
            raise ValueError(f"missing '{closer}'")
        i += 1
    return tuple(tokens), i


def _prep_phrase(pieces: list[str], i: int) -> tuple[Token, int]:
    if i >= len(pieces) or pieces[i] in "(){}" or pieces[i] in _MARKS:
        raise ValueError("'(' must be followed by a preposition")
    preposition = sys.intern(pieces[i].upper())
    objects, i = _sequence(pieces, i + 1, ")")
    return intern(Token(PREP_PHRASE, preposition, False, EXACT, (objects,))), i


def _atom(piece: str) -> list[Token]:
    if piece.startswith("&"):   # names may hold "_": &FIGHT_OF_WORDS
        return [intern(Token(SYNSET, sys.intern(piece.upper().rstrip("_"))))]
    parts = [part for part in piece.split("_") if part]
    return [intern(_token(part, i > 0)) for i, part in enumerate(parts)]


def _token(part: str, joined: bool) -> Token:
    if part in _MARKS:
        return Token(_MARKS[part], part, joined)
    if part.startswith("&"):
        return Token(SYNSET, sys.intern(part.upper()), joined)
    return Token(WORD, sys.intern(part.upper()), joined)
