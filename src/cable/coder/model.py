"""What the coder works on: a sentence as a flat list of items, as TABARI and
PETRARCH-1 see it.

An item is a word (upper case) or a ``Mark`` that opens or closes a ``Phrase``: a
noun phrase that may name an actor (PETRARCH's ``(NE``). A compound phrase
("Gondor and Osgiliath") has one reading per member. Verb patterns are matched
against the items before a verb (the upper sequence, read backwards from the verb)
and after it (the lower sequence); ``VerbSite`` says where those end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

NULL = "---"


@dataclass(slots=True, eq=False)
class Phrase:
    """A noun phrase that may name an actor.

    ``words`` are all its words, in order, for literal pattern matches;
    ``readings`` the words of each member (one for a simple phrase); ``codes`` one
    actor code per reading once coded (``---`` when none is found). ``span`` is
    the character span in the source text, when known.
    """

    words: tuple[str, ...]
    readings: tuple[tuple[str, ...], ...]
    codes: tuple[str, ...] = ()
    span: tuple[int, int] | None = None
    pronoun: bool = False
    members: tuple["Phrase", ...] = ()

    @property
    def compound(self) -> bool:
        """A parsed compound: several members."""
        return len(self.readings) > 1

    @property
    def coded(self) -> bool:
        """True when some member has a non-null code."""
        return any(code != NULL for code in self.codes)

    def all_codes(self) -> list[str]:
        """The member codes, with coded compounds (``FRO/BIL``) split."""
        return [part for code in self.codes for part in code.split("/")]


@dataclass(slots=True, frozen=True)
class Mark:
    """Where a phrase opens (``opening``) or closes in the item list."""

    phrase: Phrase
    opening: bool


Item = str | Mark


@dataclass(slots=True)
class VerbSite:
    """A verb to try: ``items[verb]`` is the word looked up; the upper sequence
    is ``items[start:verb]`` and the lower ``items[verb + 1:end]``. After a verb
    codes, scanning resumes at ``resume`` (nested verbs are skipped)."""

    verb: int
    start: int
    end: int
    resume: int
    passive: bool = False
    char: int | None = None
    clause: int = 0
    scope: tuple[int, int] | None = None   # where actors are looked for (the clause)


@dataclass(slots=True)
class Sentence:
    """A sentence ready to code."""

    items: list[Item]
    sites: list[VerbSite]
    day: date | None = None
    text: str = ""
    phrases: list[Phrase] = field(default_factory=list)
    clauses: list[tuple[int, int]] = field(default_factory=list)
    verdict: str | None = None     # TABARI: "discard", "complex" or "short" (not coded)


@dataclass(slots=True, frozen=True)
class Triple:
    """One coded event: source, target and event code, with what produced it."""

    source: str
    target: str
    code: str
    verb: int = -1
    pattern: str = ""
    dominant: bool = False
