"""How a dictionary word matches a word of text, by the role it plays (TABARI
manual §5.2). A word without ``_`` is a stem. With ``_``, a pattern word must be
that very word; a verb also takes the verb endings S, ED, ES, EN and ING (a
final E may drop: DEPLORE, DEPLORED); the last word of an actor, agent or noun
phrase also takes the noun endings S and 'S. PETRARCH words match exactly."""

from __future__ import annotations

from cable.dictionaries import STEM, WORD_ENDINGS, Token

VERB_ENDINGS = ("S", "ED", "ES", "EN", "ING")
NOUN_ENDINGS = ("S", "'S", "ES", "ED", "EN", "ING")


def pattern_word(token: Token, word: str) -> bool:
    """A word of a verb pattern or synset."""
    if token.match == STEM:
        return word.startswith(token.text)
    return word == token.text


def verb_word(token: Token, word: str) -> bool:
    """A word of a verb form."""
    if token.match == WORD_ENDINGS:
        return _with_endings(token.text, word, VERB_ENDINGS)
    return pattern_word(token, word)


def phrase_word(token: Token, word: str, final: bool) -> bool:
    """A word of an actor, agent or noun phrase; endings only on the last word."""
    if token.match == WORD_ENDINGS:
        return _with_endings(token.text, word, NOUN_ENDINGS) if final else word == token.text
    return pattern_word(token, word)


def _with_endings(base: str, word: str, endings: tuple[str, ...]) -> bool:
    if word == base:
        return True
    stems = (base, base[:-1]) if base.endswith("E") else (base,)
    return any(word.startswith(stem) and word[len(stem):] in endings for stem in stems)
