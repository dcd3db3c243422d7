"""Which coder codes a suite.

A suite that names dictionaries (PETRARCH's ``<Environment>``, TABARI's
``.project``, PETRARCH-2's config) is meant to be coded with them, by the coder
``DICTIONARY_CODER`` names as ``"module:Class"``; the class is built from the
list of dictionary files and must follow the ``Coder`` protocol. While none is
named, and for suites that name no dictionaries, the pipeline codes everything.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from .base import Coder
from .pipeline_coder import PipelineCoder

DICTIONARY_CODER: str | None = None  # e.g. "cable.dictionaries.coder:DictionaryCoder"


def choose_coder(dictionaries: list[Path], *, nlp=None) -> tuple[Coder, str | None]:
    """The coder for a suite with these named dictionaries, and a note when it is
    not the coder the suite asks for (None when it is)."""
    missing = [p.name for p in dictionaries if not p.is_file()]
    if dictionaries and DICTIONARY_CODER and not missing:
        module, _, name = DICTIONARY_CODER.partition(":")
        return getattr(importlib.import_module(module), name)(dictionaries), None
    if missing:
        folder = dictionaries[0].parent
        return PipelineCoder(nlp), (f"dictionaries the suite names are not in {folder} ({', '.join(missing)}); "
                                    "coding with Cable's article pipeline instead")
    if dictionaries:
        names = ", ".join(p.name for p in dictionaries)
        return PipelineCoder(nlp), (f"the suite names dictionaries ({names}) but no dictionary coder is "
                                    "installed; coding with Cable's article pipeline instead")
    return PipelineCoder(nlp), None
