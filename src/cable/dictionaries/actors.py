"""Actor dictionaries (TABARI ``.actors``, PETRARCH ``Phoenix.*.actors.txt``)::

    AFGHANISTAN_  [AFG]              a root phrase and its codes
    +KABUL_                          a synonym with the same codes
    ABDEL_FATTAH_EL_SISI
    \t[EGYMIL 770101-120812]          date-restricted codes, one per line or
    \t[EGYGOV >140608]                several on the root line
    \t[EGYELI]                        the default code

A phrase listed under several roots keeps all their entries. TABARI files may hold
``<NOUN>`` and ``<ADJECTIVE>`` lists of plain phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cable.dictionaries.codes import parse_actor_code, split_codes
from cable.dictionaries.entries import (
    PETRARCH, TABARI, ActorCode, ActorEntry, LoadWarning, Phrase,
)
from cable.dictionaries.lines import Line, section_tag, take_lines
from cable.dictionaries.phrases import parse_phrase


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """What an actors file holds."""

    entries: tuple[ActorEntry, ...]
    nouns: tuple[Phrase, ...] = ()
    adjectives: tuple[Phrase, ...] = ()


@dataclass
class _Open:
    """An actor while its synonyms and code lines are being read."""

    phrases: list[Phrase]
    codes: list[ActorCode]
    line: int


def read_actors(path: Path, style: str = PETRARCH,
                warnings: list[LoadWarning] | None = None) -> ActorDictionary:
    """Read an actors file; ``style`` is ``tabari`` or ``petrarch``."""
    reader = _ActorReader(path, style, [] if warnings is None else warnings)
    return reader.read()


class _ActorReader:
    """Reads roots, ``+`` synonyms, code lines and TABARI word-list sections."""

    def __init__(self, path: Path, style: str, warnings: list[LoadWarning]):
        self.path, self.file, self.style, self.warnings = path, str(path), style, warnings
        self.entries: list[ActorEntry] = []
        self.open: _Open | None = None
        self.section = "actors"
        self.lists: dict[str, list[Phrase]] = {"nouns": [], "adjectives": []}

    def read(self) -> ActorDictionary:
        take_lines(self.path, TABARI if self.style == TABARI else PETRARCH, self.warnings, self.take)
        self.close()
        return ActorDictionary(tuple(self.entries), tuple(self.lists["nouns"]),
                               tuple(self.lists["adjectives"]))

    def warn(self, number: int, message: str) -> None:
        self.warnings.append(LoadWarning(self.file, number, message))

    def take(self, line: Line) -> None:
        text = line.text.strip()
        tag = section_tag(text) if text.startswith("<") else None
        if tag is not None:
            return self.switch(tag)
        if self.section in self.lists:
            return self.lists[self.section].append(self.phrase(text))
        if text.startswith("["):
            self.current().codes.extend(self.codes(text, line.number))
        elif text.startswith("+"):
            self.current().phrases.append(self.phrase(text[1:]))
            self.current().codes.extend(self.codes(text, line.number))
        else:
            self.close()
            self.open = _Open([self.phrase(text)], self.codes(text, line.number), line.number)

    def switch(self, tag: tuple[bool, str]) -> None:
        self.close()
        self.section = "actors" if tag[0] else tag[1]

    def phrase(self, text: str) -> Phrase:
        phrase = parse_phrase(split_codes(text)[0], self.style)
        if not phrase:
            raise ValueError("no phrase before the [code]")
        return phrase

    def codes(self, text: str, number: int) -> list[ActorCode]:
        """Every readable ``[...]`` on the line; an unreadable one is warned about."""
        codes = []
        for inside in split_codes(text)[1]:
            try:
                codes.append(parse_actor_code(inside))
            except ValueError as error:
                self.warn(number, f"{error}; code skipped")
        return codes

    def current(self) -> _Open:
        if self.open is None:
            raise ValueError("synonym or code without an actor above")
        return self.open

    def close(self) -> None:
        entry, self.open = self.open, None
        if entry is None or not entry.phrases:
            return
        if not entry.codes:
            self.warn(entry.line, "actor without a code (the null code)")
        self.entries.append(
            ActorEntry(tuple(entry.phrases), tuple(entry.codes), self.file, entry.line))
