"""PETRARCH verb dictionaries (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``).

A file holds synsets (``&NAME`` then ``+member`` lines, anywhere in the file) and blocks::

    --- NAME [code] ---
    VERB {IRREGULAR FORMS} [own code]
    RE_+ARREST                  # "+" marks the word a parser tags as the verb
    - PATTERN * PATTERN [code]

PETRARCH-1 patterns are flat, like TABARI's; PETRARCH-2 ones group words into
``{noun phrases}`` and ``(prepositional phrases)`` and the file may end with
``~`` transformations. Regular forms are added to verbs given without ``{...}``.
"""

from __future__ import annotations

import re

from cable.dictionaries.codes import parse_verb_code, split_codes
from cable.dictionaries.entries import EXACT, WORD, Token, Transformation, VerbCode, VerbForm
from cable.dictionaries.lines import Line
from cable.dictionaries.patterns import parse_pattern
from cable.dictionaries.phrases import intern, regular_forms
from cable.dictionaries.verbs_common import Block, VerbReader

_BRACES = re.compile(r"\{([^}]*)\}")


class PetrarchVerbReader(VerbReader):
    """PETRARCH-1 and PETRARCH-2 verb files."""

    def take(self, line: Line) -> None:
        text = line.text.strip()
        if text.startswith("+") and self.synset is not None:
            return self.add_member(line)
        self.end_synset()
        if text.startswith("---"):
            self.start_block(text, line.number)
        elif text.startswith("-"):
            self.current().patterns.append(parse_pattern(text, line.number, self.style))
        elif text.startswith("&"):
            self.start_synset(line)
        elif text.startswith("~"):
            self.transformations.append(parse_transformation(text, self.file, line.number))
        else:
            self.current().forms.extend(verb_line_forms(text, line.number, self.style))

    def start_block(self, text: str, number: int) -> None:
        head, codes = split_codes(text)
        name = head.strip("- \t") or text.strip("- \t")
        code = parse_verb_code(codes[0]) if codes else None
        self.blocks.append(Block(name.upper(), code, number))

    def current(self) -> Block:
        if not self.blocks:
            raise ValueError("verb or pattern before the first '--- NAME [code] ---' block")
        return self.blocks[-1]


def verb_line_forms(text: str, number: int, style: str) -> list[VerbForm]:
    """The forms a verb line stands for: the verb and its ``{...}`` forms, or else the
    verb and its regular forms. Raises ValueError for a multi-word verb without ``+``."""
    head, codes = split_codes(text)
    code = parse_verb_code(codes[-1]) if codes else None
    listed = _BRACES.search(head)
    main = (head[: listed.start()] if listed else head).split()
    if not main:
        raise ValueError("no verb on the line")
    base = _form(main[0], code, number)
    if listed:
        return [base] + [_form(word, code, number) for word in listed.group(1).split()]
    stem = base.words[base.verb].text
    forms = regular_forms(stem, style, multiword=len(base.words) > 1)
    return [base] + [_with_verb(base, form) for form in forms]


def _form(text: str, code: VerbCode | None, number: int) -> VerbForm:
    parts = [part for part in text.upper().split("_") if part]
    marked = [i for i, part in enumerate(parts) if part.startswith("+")]
    if len(parts) > 1 and len(marked) != 1:
        raise ValueError(f"multi-word verb {text} needs one '+' before the verb word")
    words = tuple(intern(Token(WORD, part.lstrip("+"), i > 0, EXACT)) for i, part in enumerate(parts))
    return VerbForm(words, marked[0] if marked else 0, code, False, number)


def _with_verb(base: VerbForm, word: str) -> VerbForm:
    words = list(base.words)
    words[base.verb] = intern(words[base.verb]._replace(text=word))
    return VerbForm(tuple(words), base.verb, base.code, True, base.line)


def parse_transformation(text: str, file: str, number: int) -> Transformation:
    """``~ a (a b ATTACK) SAY = a b 015``: nested tuples on the left, words on the right."""
    left, equals, right = text.strip()[1:].partition("=")
    if not equals or not right.split():
        raise ValueError("transformation without '= result'")
    pieces = re.findall(r"[()]|[^\s()]+", left)
    pattern, end = _nested(pieces, 0)
    if end != len(pieces):
        raise ValueError("unbalanced ')' in transformation")
    return Transformation(pattern, tuple(right.split()), file, number)


def _nested(pieces: list[str], i: int) -> tuple[tuple, int]:
    items: list = []
    while i < len(pieces) and pieces[i] != ")":
        if pieces[i] == "(":
            inner, i = _nested(pieces, i + 1)
            if i >= len(pieces):
                raise ValueError("missing ')' in transformation")
            items.append(inner)
        else:
            items.append(pieces[i])
        i += 1
    return tuple(items), i
