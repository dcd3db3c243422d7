"""Plain records for TABARI and PETRARCH dictionaries.

Words are upper case. A phrase is a tuple of ``Token`` of kind ``word``; a pattern is a
tuple of tokens of any kind. Each record remembers the file and line it came from.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

# Token kinds
WORD = "word"
VERB = "verb"            # "*": where the verb sits in a pattern
SOURCE = "source"        # "$"
TARGET = "target"        # "+"
SKIP = "skip"            # "^": pass over one actor
COMPOUND = "compound"    # "%": a compound actor that is both source and target
SYNSET = "synset"        # "&NAME": any form of a synonym set
ALTERNATIVES = "alternatives"  # TABARI "{ A | B C }": parts are the alternatives
NOUN_PHRASE = "noun_phrase"    # PETRARCH-2 "{A B}": one part, its last word is the head
PREP_PHRASE = "prep_phrase"    # PETRARCH-2 "(IN A {B C})": text is the preposition

# How a dictionary word matches a word of text
EXACT = "exact"   # the same word
WORD_ENDINGS = "endings"  # TABARI "WORD_": the same word, or it plus S, 'S, ED, ES, EN or ING
STEM = "stem"     # TABARI "WORD": any word that starts with it

# Codes with a special meaning in both coders
NULL_CODE = "---"      # matches, but codes nothing
DISCARD_CODE = "###"   # TABARI: drop the sentence
COMPLEX_CODE = "+++"   # TABARI: the sentence is too complex to code

# Dictionary formats: of a whole set, and of a verbs file
PETRARCH = "petrarch"
TABARI = "tabari"
PETRARCH1 = "petrarch1"
PETRARCH2 = "petrarch2"


class Token(NamedTuple):
    """One element of a phrase or pattern.

    ``joined`` is True when the token must directly follow the previous one (an ``_``
    connector in the file); a gap of other words is allowed otherwise (TABARI and
    PETRARCH-1 actors and patterns; PETRARCH-2 ignores connectors).
    """

    kind: str
    text: str = ""
    joined: bool = False
    match: str = EXACT
    parts: tuple[tuple["Token", ...], ...] = ()


Phrase = tuple[Token, ...]


def phrase_words(phrase: Phrase) -> tuple[str, ...]:
    """The words of a phrase, without connectors."""
    return tuple(token.text for token in phrase)


class LoadWarning(NamedTuple):
    """A dictionary line that was skipped or read with a caveat."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class VerbCode(NamedTuple):
    """An event code as written in ``[...]``.

    ``[042:043]`` gives ``code="042", pair="043"``: TABARI and PETRARCH-1 also code the
    second event from target to source; PETRARCH-2 uses it as the passive meaning.
    ``[:173]`` has an empty ``code``. TABARI marks dominant codes with ``!`` and
    subordinate ones (used only when nothing else is coded) with ``?``.
    """

    code: str
    pair: str | None = None
    dominant: bool = False
    subordinate: bool = False
    raw: str = ""


class Pattern(NamedTuple):
    """A verb pattern: ``- PHRASE * PHRASE [code]``."""

    tokens: tuple[Token, ...]   # in text order, with exactly one token of kind VERB
    code: VerbCode
    text: str                   # the pattern as written, without comment and code
    line: int

    @property
    def verb_index(self) -> int:
        return next(i for i, token in enumerate(self.tokens) if token.kind == VERB)

    @property
    def before(self) -> tuple[Token, ...]:
        return self.tokens[: self.verb_index]

    @property
    def after(self) -> tuple[Token, ...]:
        return self.tokens[self.verb_index + 1:]

    @property
    def length(self) -> int:
        """TABARI's ordering length: letters in words, longest alternative; markers count 0."""
        return _length(self.tokens)


def _length(tokens: tuple[Token, ...]) -> int:
    total = 0
    for token in tokens:
        if token.kind == ALTERNATIVES:
            total += max((_length(part) for part in token.parts), default=0)
        elif token.parts:
            total += len(token.text) + sum(_length(part) for part in token.parts)
        elif token.kind in (WORD, SYNSET):
            total += sum(ch.isalnum() for ch in token.text)
    return total


class VerbForm(NamedTuple):
    """A surface form of a verb: ``words[verb]`` is the word a parser tags as the verb."""

    words: Phrase
    verb: int
    code: VerbCode | None   # the form's own code; None means the entry's code
    generated: bool         # a regular form derived by the reader
    line: int

    @property
    def key(self) -> str:
        return self.words[self.verb].text


class VerbEntry(NamedTuple):
    """A PETRARCH verb block (``--- NAME [code] ---``) or a TABARI verb root.

    Every form shares the patterns. ``section`` is ``verbs``, or for TABARI the section a
    root came from (``time`` for ``<TIME>`` shifts).
    """

    name: str
    code: VerbCode | None
    forms: tuple[VerbForm, ...]
    patterns: tuple[Pattern, ...]
    section: str
    file: str
    line: int


class VerbHit(NamedTuple):
    """What the verb index gives for a word: the entry and the form that has it."""

    entry: VerbEntry
    form: VerbForm

    @property
    def code(self) -> VerbCode:
        """The form's code, else the entry's, else the null code."""
        return self.form.code or self.entry.code or VerbCode(NULL_CODE, raw=NULL_CODE)


class Synset(NamedTuple):
    """``&NAME`` (kept without a final ``_``) and its ``+member`` lines; ``forms`` adds
    the plurals PETRARCH derives (for TABARI, ``forms == members``)."""

    name: str
    members: tuple[Phrase, ...]
    forms: tuple[Phrase, ...]
    file: str
    line: int


class Transformation(NamedTuple):
    """PETRARCH-2 ``~ a (a b ATTACK) SAY = a b 015``: nested lower-case actor variables,
    verb names and ``.``/``_`` placeholders, rewritten to ``result``."""

    pattern: tuple
    result: tuple[str, ...]
    file: str
    line: int


class ActorCode(NamedTuple):
    """One ``[CODE restriction]``: ``start``/``end`` bound the days it applies to,
    inclusive; both None is the unrestricted (default) code."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def applies(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def parts(self) -> tuple[str, ...]:
        """A coded compound ``ELR/GAL`` gives one code per member."""
        return tuple(self.code.split("/"))


class ActorEntry(NamedTuple):
    """An actor: its root phrase and ``+`` synonyms, and its codes in file order."""

    phrases: tuple[Phrase, ...]
    codes: tuple[ActorCode, ...]
    file: str
    line: int

    @property
    def root(self) -> Phrase:
        return self.phrases[0]

    def code_on(self, day: date | None) -> str | None:
        return code_on(self.codes, day)


def code_on(codes: tuple[ActorCode, ...] | list[ActorCode], day: date | None) -> str | None:
    """TABARI's rule: the first restricted code whose dates hold, else the first
    unrestricted one, else None. Without a day only unrestricted codes apply."""
    if day is not None:
        for code in codes:
            if code.restricted and code.applies(day):
                return code.code
    return next((code.code for code in codes if not code.restricted), None)


class AgentEntry(NamedTuple):
    """An agent phrase (one surface form). ``prefix`` is True for ``[NGO~]`` (the code
    goes before the actor's), False for ``[~GOV]`` (after it)."""

    phrase: Phrase
    code: str
    prefix: bool
    plural: bool
    file: str
    line: int


class Discard(NamedTuple):
    """A phrase that stops coding of the sentence, or of the whole story when ``story``."""

    phrase: Phrase
    story: bool
    file: str
    line: int


class Issue(NamedTuple):
    """An issue phrase (one expanded form) with its code and ``<ISSUE CATEGORY>``.

    ``ignore`` is ``sentence`` for ``~phrase`` and ``story`` for ``~~phrase``: finding
    it cancels issue coding; ``code`` is then None.
    """

    words: tuple[str, ...]
    code: str | None
    category: str | None
    ignore: str | None
    file: str
    line: int
