"""JSON Lines input to code: one object a line with ``id``, ``date`` and ``text``.

NGEC/POLECAT's ``event_text`` is taken for ``text`` when ``text`` is absent.
Records carry nothing to check (kind ``none``), so ``cable code`` is their use.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from .base import SuiteRecord, iso_date, squash


def read_jsonl(path: Path) -> list[SuiteRecord]:
    """One record per non-empty line; a line without text is an error that names it."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            text = raw.get("text") or raw.get("event_text")
        except (ValueError, AttributeError):
            raw, text = None, None
        if not isinstance(text, str):
            raise InputError(f"{path}:{number}: not a JSON object with a 'text' field; "
                             "each line must look like {\"id\": ..., \"date\": ..., \"text\": ...}",
                             code="bad_record")
        date = raw.get("date")
        records.append(SuiteRecord(id=str(raw.get("id", number)), date=iso_date(date), text=squash(text),
                                   category=str(raw.get("category", "")), kind="none",
                                   extra={"date_raw": date, "skip": "input to code"}))
    return records
