"""How a dictionary word matches a word of text (TABARI stems and endings)."""

from __future__ import annotations

from collections.abc import Container

from cable.dictionaries.entries import STEM, WORD_ENDINGS, Token

ENDINGS = ("S", "'S", "ED", "ES", "EN", "ING")


def word_matches(token: Token, word: str) -> bool:
    """True when the text ``word`` (any case) matches the dictionary word ``token``."""
    word = word.upper()
    if token.match == STEM:
        return word.startswith(token.text)
    if token.match == WORD_ENDINGS:
        return word == token.text or (word.startswith(token.text) and word[len(token.text):] in ENDINGS)
    return word == token.text


def candidate_keys(word: str, keys: Container[str]) -> list[str]:
    """The keys (of a trie node or the verb index) that may match ``word``: the word
    itself, then shorter prefixes, as stems and words with endings are stored."""
    word = word.upper()
    return [word[:end] for end in range(len(word), 0, -1) if word[:end] in keys]
