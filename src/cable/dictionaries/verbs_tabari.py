"""TABARI ``.verbs`` files (TABARI manual, chapter 5).

::

    <SYNSETS> &NAME +member ... </SYNSETS>
    <TIME> LAST_WEEK [-7] ... </TIME>        time-shift phrases, read as entries
    ACCUS  [112]                             a root (a stem unless it ends in _ or =)
    { BROKE_ BROKEN_ }                       irregular forms of the root above
    - + { WAS | WERE } * BY_ $  [181]        patterns with alternatives

Roots need a code. ``<NOUN>`` and ``<ADJECTIVE>`` sections list plain phrases.
"""

from __future__ import annotations

from cable.dictionaries.codes import parse_verb_code, split_codes
from cable.dictionaries.entries import TABARI, Phrase, VerbForm
from cable.dictionaries.lines import Line, section_tag
from cable.dictionaries.patterns import parse_pattern
from cable.dictionaries.phrases import parse_phrase
from cable.dictionaries.verbs_common import Block, VerbReader


class TabariVerbReader(VerbReader):
    """TABARI verbs, with sections and word lists."""

    def __init__(self, *args):
        super().__init__(*args)
        self.section = "verbs"
        self.lists: dict[str, list[Phrase]] = {"nouns": [], "adjectives": []}
        self.root: Block | None = None

    def take(self, line: Line) -> None:
        text = line.text.strip()
        if text.startswith("<"):
            return self.switch(text)
        if self.section in self.lists:
            return self.lists[self.section].append(parse_phrase(split_codes(text)[0], TABARI))
        if text.startswith("+") and self.synset is not None:
            return self.add_member(line)
        self.end_synset()
        if text.startswith("&"):
            self.start_synset(line)
        elif text.startswith("{"):
            self.current().forms.extend(self.listed_forms(text, line.number))
        elif text.startswith("-"):
            self.current().patterns.append(parse_pattern(text, line.number, TABARI))
        else:
            self.start_root(text, line.number)

    def switch(self, text: str) -> None:
        """``<SECTION>`` opens a section, ``</SECTION>`` goes back to verbs."""
        tag = section_tag(text)
        if tag is None:
            raise ValueError(f"cannot read the tag {text!r}")
        self.end_synset()
        self.root = None
        self.section = "verbs" if tag[0] else tag[1]

    def start_root(self, text: str, number: int) -> None:
        self.root = None
        head, codes = split_codes(text)
        if not codes:
            raise ValueError(f"verb root {head.strip()} has no [code]")
        words = parse_phrase(head, TABARI)
        if not words:
            raise ValueError("no verb before the [code]")
        block = Block(head.strip().rstrip("=_"), parse_verb_code(codes[0]), number, self.section)
        block.forms.append(VerbForm(words, 0, None, False, number))
        self.blocks.append(block)
        self.root = block

    def listed_forms(self, text: str, number: int) -> list[VerbForm]:
        inside = text.strip().strip("{}")
        return [VerbForm(parse_phrase(word, TABARI), 0, None, False, number)
                for word in inside.split()]

    def current(self) -> Block:
        if self.root is None:
            raise ValueError("forms or pattern without a verb root above")
        return self.root

    def word_lists(self) -> tuple[tuple[Phrase, ...], tuple[Phrase, ...]]:
        return tuple(self.lists["nouns"]), tuple(self.lists["adjectives"])
