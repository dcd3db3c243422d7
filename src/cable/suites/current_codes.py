"""Actor codes in today's ISO 3166 countries.

The actor dictionaries date their codes: Serbia is SCGSRB (Serbia within
Serbia and Montenegro) between 1992 and 2006, and some use codes ISO has
withdrawn (ZAR, TMP) or never had (ANG). Cable's pipeline codes in current
ISO 3166 alpha-3, and so do the PLOVER gold records, so the dictionary
coder's codes are brought to the same footing when the two are combined
(table: ``data/suites/current_codes.tsv``): a former state's code followed by
one of its parts' codes becomes the part's (SCGSRBLEG -> SRBLEG), a withdrawn
code its successor's (ZARGOV -> CODGOV).
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "data" / "suites" / "current_codes.tsv"
PARTS = "*"  # a former state whose parts follow in the code


@functools.cache
def successors() -> dict[str, str]:
    """Former or non-ISO country code -> its current code (PARTS: the part's, next in the code)."""
    with TABLE.open(encoding="utf-8", newline="") as f:
        return {r["old"]: r["new"] for r in csv.DictReader(f, delimiter="\t")}


def current_code(code: str | None) -> str | None:
    """``code`` with its country in today's ISO 3166 (unchanged when it already is, or when
    a former state's code names none of its parts)."""
    if not code:
        return code
    new = successors().get(code[:3])
    if new is None:
        return code
    if new != PARTS:
        return new + code[3:]
    from ..kb import load_kb

    return code[3:] if code[3:6] in load_kb().country_names else code
