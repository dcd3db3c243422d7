"""What the PETRARCH and TABARI verb readers share: synsets, warnings, the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cable.dictionaries.entries import (
    PETRARCH, PETRARCH2, SYNSET, TABARI, WORD, LoadWarning, Pattern, Phrase, Synset, Token,
    Transformation, VerbCode, VerbEntry, VerbForm,
)
from cable.dictionaries.lines import Line, take_lines
from cable.dictionaries.phrases import intern, parse_flat_pattern, plural


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """What a verbs file holds."""

    format: str
    entries: tuple[VerbEntry, ...]
    synsets: tuple[Synset, ...]
    transformations: tuple[Transformation, ...] = ()
    nouns: tuple[Phrase, ...] = ()
    adjectives: tuple[Phrase, ...] = ()


@dataclass
class Block:
    """A verb entry while it is being read."""

    name: str
    code: VerbCode | None
    line: int
    section: str = "verbs"
    forms: list[VerbForm] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class OpenSynset:
    """A synset while its ``+member`` lines are being read."""

    name: str
    line: int
    members: list[Phrase] = field(default_factory=list)
    forms: list[Phrase] = field(default_factory=list)


class VerbReader:
    """Reads numbered lines into blocks and synsets; subclasses say what a line means."""

    def __init__(self, path: Path, style: str, warnings: list[LoadWarning]):
        self.path, self.file, self.style, self.warnings = path, str(path), style, warnings
        self.blocks: list[Block] = []
        self.synsets: list[Synset] = []
        self.synset: OpenSynset | None = None
        self.transformations: list[Transformation] = []

    def read(self) -> VerbDictionary:
        take_lines(self.path, TABARI if self.style == TABARI else PETRARCH, self.warnings, self.take)
        self.end_synset()
        return self.result()

    def take(self, line: Line) -> None:
        raise NotImplementedError

    def warn(self, number: int, message: str) -> None:
        self.warnings.append(LoadWarning(self.file, number, message))

    def start_synset(self, line: Line) -> None:
        self.end_synset()
        self.synset = OpenSynset(line.text.split()[0].upper(), line.number)

    def add_member(self, line: Line) -> None:
        raw = line.text.strip()[1:].strip()
        member = self.member(raw)
        self.synset.members.append(member)
        self.synset.forms.append(member)
        if self.takes_plural(raw, member):
            last = intern(member[-1]._replace(text=plural(member[-1].text)))
            self.synset.forms.append(member[:-1] + (last,))

    def member(self, raw: str) -> Phrase:
        """TABARI members follow its connector rules; PETRARCH ones are consecutive words."""
        tokens = parse_flat_pattern(raw, self.style)
        if self.style == TABARI:
            return tokens
        return tuple(intern(token._replace(joined=i > 0)) for i, token in enumerate(tokens))

    def takes_plural(self, raw: str, member: Phrase) -> bool:
        """PETRARCH pluralises members, except under a label or after a member ending
        in ``_`` (and PETRARCH-2 not multi-word ``A_B`` members)."""
        if self.style == TABARI or self.synset.name.endswith("_") or raw.endswith("_"):
            return False
        if self.style == PETRARCH2 and "_" in raw:
            return False
        return bool(member) and member[-1].kind == WORD

    def end_synset(self) -> None:
        if self.synset is not None:
            open_ = self.synset
            self.synsets.append(Synset(open_.name.rstrip("_"), tuple(open_.members),
                                       tuple(open_.forms), self.file, open_.line))
            self.synset = None

    def result(self) -> VerbDictionary:
        defined = {synset.name for synset in self.synsets}
        entries = tuple(self.entry(block, defined) for block in self.blocks)
        synsets = tuple(self.checked_synset(synset, defined) for synset in self.synsets)
        return VerbDictionary(self.style, entries, synsets, tuple(self.transformations),
                              *self.word_lists())

    def word_lists(self) -> tuple[tuple[Phrase, ...], tuple[Phrase, ...]]:
        """TABARI's <NOUN> and <ADJECTIVE> lists; PETRARCH files have none."""
        return (), ()

    def entry(self, block: Block, defined: set[str]) -> VerbEntry:
        patterns = tuple(p for p in block.patterns if self.defined(p.tokens, p.line, defined))
        return VerbEntry(block.name, block.code, tuple(block.forms), patterns, block.section,
                         self.file, block.line)

    def checked_synset(self, synset: Synset, defined: set[str]) -> Synset:
        forms = tuple(form for form in synset.forms if self.defined(form, synset.line, defined))
        members = tuple(member for member in synset.members if member in forms)
        return Synset(synset.name, members, forms, synset.file, synset.line)

    def defined(self, tokens: tuple[Token, ...], line: int, names: set[str]) -> bool:
        """False, with a warning, when a token names a synset the file does not define:
        both coders skip such patterns."""
        for name in synset_names(tokens):
            if name not in names:
                self.warn(line, f"undefined synset {name}; skipped")
                return False
        return True


def synset_names(tokens: tuple[Token, ...]) -> list[str]:
    """The synsets a pattern or phrase uses, at any depth."""
    names = []
    for token in tokens:
        if token.kind == SYNSET:
            names.append(token.text.rstrip("_"))
        for part in token.parts:
            names.extend(synset_names(part))
    return names
