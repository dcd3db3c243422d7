"""ConfliBERT's ``cameo_class`` TSV: ``sentence<TAB>label``, label the quad class 0-4.

The labels follow the Phoenix quad convention (0 neutral statements, CAMEO
01-02; 1 verbal cooperation; 2 material cooperation; 3 verbal conflict,
09-13 and 16; 4 material conflict, incl. protest). The file has no header and
no ids: records are numbered ``<file stem>-<line>``.
"""

from __future__ import annotations

from pathlib import Path

from ..ontology import QUAD_NAMES
from .base import SuiteRecord, squash


def read_conflibert(path: Path) -> list[SuiteRecord]:
    """One record per non-empty line, in file order."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        quad = int(label)
        records.append(SuiteRecord(id=f"{path.stem}-{number}", date=None, text=squash(text),
                                   category=f"{quad} {QUAD_NAMES[quad]}", kind="quad",
                                   extra={"quad": quad}))
    return records
