"""PLOVER gold standard records (``PLOVER_GSR_CAMEO.txt``): a JSON array of events.

Each record has ``text``, ``event`` (PLOVER 0.5 vocabulary, 2016), and ``source``
and ``target`` lists of ``{actorText, code, sector}``. Types are mapped to
PLOVER 0.8 (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT ->
ASSAULT) and the few non-ISO country codes are corrected, both from
``data/suites/plover_legacy.tsv``. The ``DOCUMENT`` header record is skipped.
"""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path
from typing import Any

from .base import SuiteRecord, iso_date, squash

LEGACY = Path(__file__).resolve().parent.parent / "data" / "suites" / "plover_legacy.tsv"
NO_CODE = frozenset({"", "NONE", "NULL", "---"})


@functools.cache
def _legacy() -> dict[tuple[str, str], str]:
    with LEGACY.open(encoding="utf-8", newline="") as f:
        return {(r["kind"], r["old"]): r["new"] for r in csv.DictReader(f, delimiter="\t")}


def current_type(event: str) -> str:
    """The PLOVER 0.8 name of a PLOVER event type."""
    return _legacy().get(("event", event.upper()), event.upper())


def actor_codes(actors: Any) -> list[str]:
    """Sorted distinct codes of a gold actor list (a list, "" or None), corrected."""
    codes = {str(a.get("code") or "").strip().upper() for a in actors or [] if isinstance(a, dict)}
    return sorted(_legacy().get(("code", c), c) for c in codes if c not in NO_CODE)


def read_plover(path: Path) -> list[SuiteRecord]:
    """The event records of a PLOVER gold file, in file order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [plover_record(r) for r in data if r.get("event") != "DOCUMENT" and r.get("text")]


def plover_record(raw: dict[str, Any]) -> SuiteRecord:
    event = current_type(raw["event"])
    extra = {
        "event": event,
        "event_original": raw["event"],
        "actor_codes": actor_codes(raw.get("source")),
        "recipient_codes": actor_codes(raw.get("target")),
        "actors": raw.get("source") or [],
        "recipients": raw.get("target") or [],
    }
    extra.update({k: raw[k] for k in ("mode", "context", "eventText") if raw.get(k)})
    return SuiteRecord(id=raw["id"], date=iso_date(raw.get("date")), text=squash(raw["text"]),
                       category=event, kind="plover", extra=extra)
