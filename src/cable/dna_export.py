"""Stances in the statement layout of Discourse Network Analyzer (DNA).

DNA (Leifeld) codes a statement as a stretch of a document with a person, an
organisation, a concept and an agreement flag. A Cable stance maps onto it:
the holder is the person (or, for a government, party or group, the
organisation; a person's organisation is that of their first title), the
issue is the concept, and agreement is 1 for support and 0 for opposition.
A conditional stance is support on its condition, so it exports with
agreement 1. Dates are Unix seconds at midnight UTC of the publication date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

DNA_COLUMNS = ("statement_id", "document_id", "document_title", "date_unix", "start", "stop",
               "person", "organization", "concept", "agreement", "text")
AGREEMENT = {"support": 1, "conditional": 1, "oppose": 0}


def dna_rows(stances: Iterable[dict]) -> list[dict]:
    """One DNA statement row per stored stance row (``Store.stances``), numbered
    in order, documents numbered by first appearance."""
    documents: dict[str, int] = {}
    rows = []
    for n, s in enumerate(stances, 1):
        document = documents.setdefault(s["article_id"], len(documents) + 1)
        person, organization = _person_and_organization(s)
        rows.append({"statement_id": n, "document_id": document, "document_title": s.get("article_title") or "",
                     "date_unix": _unix(s.get("published")), "start": s["start"], "stop": s["end"],
                     "person": person, "organization": organization, "concept": s["issue"],
                     "agreement": AGREEMENT[s["polarity"]], "text": s.get("text") or s.get("position") or ""})
    return rows


def dna_csv(stances: Iterable[dict]) -> str:
    """The rows of ``dna_rows`` as CSV with DNA's column names."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=DNA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(dna_rows(stances))
    return buf.getvalue()


def _person_and_organization(stance: dict) -> tuple[str, str]:
    name = stance.get("holder_name") or ""
    if stance.get("holder_kind") != "person":
        return "", name
    titles = stance.get("holder_titles") or []
    return name, next((t.get("organization") for t in titles if t.get("organization")), "") or ""


def _unix(published: str | None) -> int | str:
    if not published:
        return ""
    day = dt.date.fromisoformat(published[:10])
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
