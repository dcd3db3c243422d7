"""The Office of the Historian check: do the people a President or Secretary of State met
abroad, and the leaders who visited the United States, resolve to their country?

Two public-domain corpora (history.state.gov, under ``../shared/corpora``):

- ``hsg-travels/derived/trips.jsonl``: one trip stop a line, with the country and remarks
  such as "Met with President Noboa and Foreign Minister Moeller." Each person after
  "Met with" is a counterpart of that country, on the stop's first day.
- ``hsg-visits/derived/visits.jsonl``: one visit a line; the visitor ("Prime Minister
  Ehud Barak") is of the country the visit is from.

A counterpart that names another country ("President Hu of China") says where it belongs
itself and is left out, as are countries the KB has no code for (the Soviet Union). Each
counterpart is resolved with ``cable.resolve`` twice: with the date and the country's
name as context (how a user with the trip's record resolves it), and with the date only
(what the KB and the words alone know).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .kb import load_kb
from .resolve import resolve

TRIPS = Path("hsg-travels") / "derived" / "trips.jsonl"
VISITS = Path("hsg-visits") / "derived" / "visits.jsonl"
MET_WITH = re.compile(r"\b[Mm]et (?:\w+ly )?with ([^.;:]+)")
STOP = re.compile(r"\s(?:at|in|on|to|during|regarding|about|en route|for|who|while|before|after)\s.*$"
                  r"|,?\s+[A-Z][a-z]+ \d+.*$")  # where, when or why: 'at the palace', ', July 16'
LIST = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
NAMED = re.compile(r"^(?:the\s+)?[A-Z]")


@dataclass(frozen=True)
class Counterpart:
    """One person met or visiting, with the country they belong to and the day."""

    source: str  # travels | visits
    id: str
    text: str
    country: str  # ISO3
    country_name: str
    date: str


def counterparts(remarks: str) -> list[str]:
    """The people named after 'Met with' in a trip's remarks, one a list member:
    'Met with President Bayer, Prime Minister Menderes, and senior officials.' gives the
    first two (a member in lower case names no one)."""
    found = []
    for match in MET_WITH.finditer(remarks or ""):
        for item in LIST.split(STOP.sub("", match.group(1))):
            item = item.strip()
            if NAMED.match(item) and len(item.split()) > 1:
                found.append(item)
    return found


def read_travel_counterparts(corpora: Path) -> list[Counterpart]:
    """Every scorable counterpart of the two corpora under ``corpora``, trips first."""
    kb, found = load_kb(), []
    for row in _lines(corpora / TRIPS):
        iso3 = kb.country(row.get("country") or "")
        for text in counterparts(row.get("remarks") or "") if iso3 else []:
            if kb.countries_in(text) <= {iso3}:
                found.append(Counterpart("travels", row["id"], text, iso3, row["country"], row["start_date"]))
    for row in _lines(corpora / VISITS):
        iso3, text = kb.country(row.get("from") or ""), (row.get("visitor") or "").strip()
        if iso3 and len(text.split()) > 1 and kb.countries_in(text) <= {iso3}:
            found.append(Counterpart("visits", row["id"], text, iso3, row["from"], row["start_date"]))
    return found


def _lines(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sample(items: list, limit: int | None) -> list:
    """``limit`` items spread evenly over the list (all of it when None)."""
    if limit is None or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


@dataclass
class TravelResult:
    case: Counterpart
    with_context: str | None  # the country resolved with the trip's country as context
    alone: str | None  # the country resolved from the words and the date only

    def to_json(self) -> dict:
        c = self.case
        return {"source": c.source, "id": c.id, "text": c.text, "date": c.date, "expected": c.country,
                "with_context": self.with_context, "alone": self.alone}


def score_counterpart(case: Counterpart, nlp=None) -> TravelResult:
    with_context = resolve(case.text, context=case.country_name, date=case.date, nlp=nlp)
    alone = resolve(case.text, date=case.date, nlp=nlp)
    return TravelResult(case, with_context.country if with_context else None, alone.country if alone else None)


def summarise(results: list[TravelResult]) -> dict:
    """Share right with context and alone, over all and per corpus."""
    out = {}
    for name in ("all", "travels", "visits"):
        part = [r for r in results if name == "all" or r.case.source == name]
        n = len(part)
        right = sum(r.with_context == r.case.country for r in part)
        alone = sum(r.alone == r.case.country for r in part)
        out[name] = {"counterparts": n, "with_context": right, "alone": alone,
                     "with_context_share": round(right / n, 4) if n else None,
                     "alone_share": round(alone / n, 4) if n else None}
    return out


def evaluate_travels(corpora: Path, limit: int | None = None, nlp=None) -> tuple[dict, list[TravelResult]]:
    results = [score_counterpart(c, nlp) for c in sample(read_travel_counterparts(corpora), limit)]
    return summarise(results), results
