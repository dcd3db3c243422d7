"""Which coder codes a suite.

A suite that names dictionaries (PETRARCH's ``<Environment>``, TABARI's
``.project``, PETRARCH-2's config) is coded with them by the dictionary coder
(``cable.coder``); suites that name none (PLOVER gold, ConfliBERT, JSONL) are
coded by Cable's default coder: the article pipeline backed by the dictionary
coder over Cable's own dictionaries (``combined.CombinedCoder``).
"""

from __future__ import annotations

from pathlib import Path

from .base import Coder
from .combined import CombinedCoder


def choose_coder(dictionaries: list[Path], *, nlp=None) -> tuple[Coder, str | None]:
    """The coder for a suite with these named dictionaries, and a note when it is
    not the coder the suite asks for (None when it is)."""
    missing = [p.name for p in dictionaries if not p.is_file()]
    if dictionaries and not missing:
        from ..coder import DictionaryCoder

        return DictionaryCoder(dictionaries, nlp=nlp), None
    if missing:
        folder = dictionaries[0].parent
        return CombinedCoder(nlp), (f"dictionaries the suite names are not in {folder} ({', '.join(missing)}); "
                                    "coding with Cable's default coder instead")
    return CombinedCoder(nlp), None
