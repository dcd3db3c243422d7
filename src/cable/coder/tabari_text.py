"""TABARI's input filtering (manual §7.3): upper case, no diacritics, ``?``, ``!``
and ``-`` as blanks, sentence-final periods dropped (``U.N.`` kept), commas in
numbers removed, ``;`` as a comma, commas and quotes as words of their own."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "`": '"',
                         "?": " ", "!": " ", "-": " ", "_": " ", ";": ","})
_PIECES = re.compile(r'[,"()\[\]:]|[^\s,"()\[\]:]+')
_NUMBER_COMMA = re.compile(r"(?<=\d),(?=\d)")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the filtered text; ``capital`` when it was written with a capital."""

    text: str
    capital: bool
    start: int


def tabari_words(text: str, *, skip_brackets: bool = False) -> list[Word]:
    """The words TABARI codes from a text. With ``skip_brackets`` (FBIS), text in
    ``[...]`` and leading non-alphabetic material are dropped."""
    plain = _NUMBER_COMMA.sub("", _strip_accents(text or "").translate(_QUOTES))
    if skip_brackets:
        plain = re.sub(r"\[[^\]]*\]", " ", plain)
    words = []
    for match in _PIECES.finditer(plain):
        piece = _trim_period(match.group())
        if piece:
            words.append(Word(piece.upper(), piece[:1].isupper(), match.start()))
    if skip_brackets:
        while words and not words[0].text[:1].isalpha():
            words.pop(0)
    return words


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _trim_period(piece: str) -> str:
    """``Saturday.`` -> ``Saturday``; ``U.N.`` and ``11.8`` stay; a lone ``.`` goes."""
    if piece.endswith(".") and "." not in piece[:-1]:
        piece = piece[:-1]
    return piece
