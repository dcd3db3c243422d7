"""Dictionary lines without their comments, numbered as in the file.

PETRARCH files drop ``#`` and ``;`` comments, lines starting with ``<!`` and
``<!-- ... -->`` blocks, and stop at ``---STOP---``. TABARI files drop lines starting
with ``#`` or ``/`` and anything after ``;``, and stop at a line starting with ``~~``
(``~~FINISH``). Leading white space is kept: TABARI date lines start with a tab.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from cable.dictionaries.entries import TABARI, LoadWarning

_PETRARCH_COMMENT = re.compile(r"[#;]")
_SECTION = re.compile(r"<\s*(/?)\s*([A-Za-z]+)[^>]*>")
_WORD_LISTS = {"NOUN": "nouns", "NOUNS": "nouns", "ADJECTIVE": "adjectives",
               "ADJECTIVES": "adjectives", "ADJ": "adjectives"}


class Line(NamedTuple):
    number: int
    text: str


def read_text(path: Path, warnings: list[LoadWarning]) -> str:
    """The file as text: UTF-8, else Latin-1 with a warning."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        warnings.append(LoadWarning(str(path), line, "not UTF-8; read as Latin-1"))
        return data.decode("latin-1")


def dictionary_lines(path: Path, style: str, warnings: list[LoadWarning]) -> Iterator[Line]:
    """Numbered, comment-free, non-blank lines of a dictionary file."""
    strip = _tabari_line if style == TABARI else _petrarch_line
    in_block = False
    for number, raw in enumerate(read_text(path, warnings).splitlines(), start=1):
        text, in_block = _without_xml_comment(raw, in_block) if style != TABARI else (raw, False)
        text, stop = strip(text)
        if stop:
            return
        if text.strip():
            yield Line(number, text.rstrip())


def take_lines(path: Path, style: str, warnings: list[LoadWarning], take: Callable[[Line], object]) -> None:
    """Hand each dictionary line to ``take``; a line it refuses with ValueError
    is skipped, with a warning naming the file and line number."""
    for line in dictionary_lines(path, style, warnings):
        try:
            take(line)
        except ValueError as error:
            warnings.append(LoadWarning(str(path), line.number, f"{error}; line skipped"))


def _petrarch_line(text: str) -> tuple[str, bool]:
    if "---STOP---" in text:
        return "", True
    if text.lstrip().startswith("<!"):
        return "", False
    return _PETRARCH_COMMENT.split(text, 1)[0], False


def _tabari_line(text: str) -> tuple[str, bool]:
    if text.startswith("~~"):
        return "", True
    if text.lstrip().startswith(("#", "/")):
        return "", False
    return text.split(";", 1)[0], False


def _without_xml_comment(text: str, in_block: bool) -> tuple[str, bool]:
    """Remove ``<!-- ... -->`` parts; report whether a block comment stays open."""
    if in_block:
        end = text.find("-->")
        if end < 0:
            return "", True
        text, in_block = text[end + 3:], False
    while "<!--" in text:
        head, _, tail = text.partition("<!--")
        end = tail.find("-->")
        if end < 0:
            return head, True
        text = head + tail[end + 3:]
    return text, False


def section_tag(text: str) -> tuple[bool, str] | None:
    """A TABARI section tag: ``<NOUN>`` gives (False, "nouns"), ``</TIME>`` gives
    (True, "time"); None when the text is not a tag."""
    match = _SECTION.match(text.strip())
    if not match:
        return None
    name = match.group(2).upper()
    return bool(match.group(1)), _WORD_LISTS.get(name, name.lower())
