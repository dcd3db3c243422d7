"""Verb dictionaries in any of the three formats."""

from __future__ import annotations

import re
from pathlib import Path

from cable.dictionaries.entries import PETRARCH1, PETRARCH2, TABARI, LoadWarning
from cable.dictionaries.lines import read_text
from cable.dictionaries.verbs_common import VerbDictionary
from cable.dictionaries.verbs_petrarch import PetrarchVerbReader
from cable.dictionaries.verbs_tabari import TabariVerbReader

_BLOCK = re.compile(r"^---", re.M)
_PETRARCH2 = re.compile(r"^-[^#;\n]*[({]|^~", re.M)


def verb_format(path: Path, warnings: list[LoadWarning] | None = None) -> str:
    """``tabari`` for a file without ``--- NAME ---`` blocks; ``petrarch2`` when its
    patterns use ``(...)`` or ``{...}`` or it has ``~`` transformations; else ``petrarch1``."""
    text = read_text(path, [] if warnings is None else warnings)
    if not _BLOCK.search(text):
        return TABARI
    return PETRARCH2 if _PETRARCH2.search(text) else PETRARCH1


def read_verbs(path: Path, style: str | None = None,
               warnings: list[LoadWarning] | None = None) -> VerbDictionary:
    """Read a verbs file (format detected unless ``style`` is given)."""
    warnings = [] if warnings is None else warnings
    style = style or verb_format(path)
    reader = TabariVerbReader if style == TABARI else PetrarchVerbReader
    return reader(path, style, warnings).read()
