"""The batch output's tables: their columns, and one article's rows in them.

Every table has a ``published_date`` column (``YYYY-MM-DD``, or null when the
article gives no date) that the output is partitioned by. Each extracted record
also keeps its full ``cable/1`` JSON in ``record``, and each article its whole
``Result.to_json()``, so nothing the pipeline found is lost to the flat columns.
An actor's ``titles`` and an event's ``sentence`` (its span) are JSON too; a
stance's ``issue_key`` is ``cable.issues.issue_key`` of its issue and holder.
The articles table also carries each article's MinHash signature (``minhash``,
the JSON list of its values, and ``bands``, the JSON list of its band keys;
``cable.dedup``), so that ``cable load`` checks for near-duplicates without
computing them again. JSON is written compact, as the stores keep it.
Nothing here needs Spark: rows are plain tuples in column order.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .. import dedup
from ..issues import issue_key
from ..records import Rejection, Result
from ..store.base import compact_json as _dumps

PARTITION = "published_date"

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "STRING"), ("input", "STRING"), ("title", "STRING"), ("author", "STRING"),
        ("outlet", "STRING"), ("column", "STRING"), ("published", "STRING"), ("url", "STRING"),
        ("language", "STRING"), ("text", "STRING"), ("actors", "INT"), ("events", "INT"), ("quotes", "INT"),
        ("stances", "INT"), ("forecasts", "INT"), ("minhash", "STRING"), ("bands", "STRING"), ("record", "STRING"),
    ),
    "actors": (
        ("article_id", "STRING"), ("id", "STRING"), ("name", "STRING"), ("kind", "STRING"),
        ("country", "STRING"), ("sector", "STRING"), ("code", "STRING"), ("mentions", "INT"),
        ("titles", "STRING"), ("record", "STRING"),
    ),
    "events": (
        ("article_id", "STRING"), ("id", "STRING"), ("plover", "STRING"), ("mode", "STRING"),
        ("cameo", "STRING"), ("quad_class", "INT"), ("goldstein", "DOUBLE"), ("status", "STRING"),
        ("actors", "ARRAY<STRING>"), ("recipients", "ARRAY<STRING>"), ("location", "STRING"),
        ("location_country", "STRING"), ("date_text", "STRING"), ("date_start", "STRING"), ("date_end", "STRING"),
        ("trigger", "STRING"), ("sentence", "STRING"), ("confidence", "DOUBLE"), ("record", "STRING"),
    ),
    "quotes": (
        ("article_id", "STRING"), ("id", "STRING"), ("text", "STRING"), ("kind", "STRING"),
        ("speaker", "STRING"), ("speaker_name", "STRING"), ("speaker_title", "STRING"),
        ("confidence", "DOUBLE"), ("record", "STRING"),
    ),
    "stances": (
        ("article_id", "STRING"), ("id", "STRING"), ("holder", "STRING"), ("issue", "STRING"),
        ("polarity", "STRING"), ("confidence", "DOUBLE"), ("issue_key", "STRING"), ("record", "STRING"),
    ),
    "forecasts": (
        ("article_id", "STRING"), ("id", "STRING"), ("holder", "STRING"), ("holder_name", "STRING"),
        ("probability", "DOUBLE"), ("confidence", "DOUBLE"), ("record", "STRING"),
    ),
    "rejections": (
        ("input", "STRING"), ("stage", "STRING"), ("code", "STRING"), ("message", "STRING"),
    ),
}
TABLES = tuple(COLUMNS)


def ddl(table: str) -> str:
    """The table's columns, but the partition column, as a Spark DDL string."""
    return ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS[table])


def row_json(table: str, row: tuple) -> str:
    """A row (partition column last) as a JSON object of its other columns."""
    return json.dumps(dict(zip((name for name, _ in COLUMNS[table]), row[:-1])), ensure_ascii=False)


def partition_date(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day of an ISO date or date-time; None when there is none."""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat() if value else None
    except ValueError:
        return None


def result_rows(result: Result) -> list[tuple[str, tuple]]:
    """One article's ``(table, row)`` pairs: its article row, then its actors,
    events, quotes, stances and forecasts."""
    return record_rows(result.to_json())


def record_rows(record: dict[str, Any], signature: dedup.Signature | None = None) -> list[tuple[str, tuple]]:
    """``result_rows`` of the result whose ``to_json()`` is ``record``; ``signature``
    is its text's, when already known."""
    a = record["article"]
    day = partition_date(a["published"])
    signature = signature or dedup.signature(a["text"])
    out = [("articles", (
        a["id"], record.get("input"), a["title"], a["author"], a["outlet"], a["column"], a["published"], a["url"],
        a["language"], a["text"], len(record["actors"]), len(record["events"]), len(record["quotes"]),
        len(record["stances"]), len(record["forecasts"]), _dumps(list(signature.values)), _dumps(signature.bands()),
        _dumps(record), day))]
    aid = a["id"]
    out += [("actors", (aid, x["id"], x["name"], x["kind"], x["country"], x["sector"], x["code"],
                        len(x["mentions"]), _dumps(x["titles"]), _dumps(x), day)) for x in record["actors"]]
    out += [("events", _event_row(aid, e, day)) for e in record["events"]]
    out += [("quotes", (aid, q["id"], q["text"], q["kind"], q["speaker"], q["speaker_name"], q["speaker_title"],
                        _float(q["confidence"]), _dumps(q), day)) for q in record["quotes"]]
    countries = {x["id"]: x["country"] for x in record["actors"]}
    out += [("stances", (aid, s["id"], s["holder"], s["issue"], s["polarity"], _float(s["confidence"]),
                         issue_key(s["issue"], countries.get(s["holder"])), _dumps(s), day)) for s in record["stances"]]
    out += [("forecasts", (aid, f["id"], f["holder"], f["holder_name"], _float(f["probability"]),
                           _float(f["confidence"]), _dumps(f), day)) for f in record["forecasts"]]
    return out


def _event_row(article_id: str, e: dict[str, Any], day: str | None) -> tuple:
    location, date = e["location"] or {}, e["date"] or {}
    return (article_id, e["id"], e["plover"], e["mode"], e["cameo"], e["quad_class"],
            _float(e["goldstein"]), e["status"], e["actors"], e["recipients"],
            location.get("name"), location.get("country"), date.get("text"), date.get("start"), date.get("end"),
            e["trigger"]["text"], _dumps(e["sentence"]), _float(e["confidence"]), _dumps(e), day)


def rejection_row(rejection: Rejection, date: str | None) -> tuple[str, tuple]:
    """A rejected document's row; ``date`` is what its container said of it, if anything."""
    return ("rejections", (rejection.input, rejection.stage, rejection.code, rejection.message,
                           partition_date(date)))


def _float(value: float | int | None) -> float | None:
    return None if value is None else float(value)

