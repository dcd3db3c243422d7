"""Stored events in the layouts of the field: GDELT 2.0, ICEWS, POLECAT-style
JSON, PLOVER JSONL, CSV and Parquet.

GDELT and ICEWS rows are dyadic, so a multilateral event is expanded into its
(source, target) pairs (``cable.dyads``); POLECAT-style and PLOVER records keep
actor lists, as those formats do. Country columns hold ISO 3166 alpha-3 codes
(CAMEO's country codes are the same for nearly every state); ICEWS-style
columns hold country names. Fields Cable does not produce (GDELT's tone,
ethnic and religion codes, FIPS geo codes and ADM codes) are left empty,
never guessed. Event dates are the event's own when the text gives one, else
the article's publication date.

The dyadic layouts follow CAMEO as those data sets do: a planned event is a
stated intent ("X will visit Y" is 036, a planned hostile act a 13x threat,
``cable.suites.conventions``), and events that did not happen (negated,
hypothetical) are left out; the JSON layouts keep every event with its status.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from . import ontology
from .dyads import dyads
from .store.common import chunked

FORMATS = ("gdelt", "icews", "polecat", "plover-jsonl", "csv", "parquet")

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in ACTOR_FIELDS] + [f"Actor2{f}" for f in ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{f}" for f in GEO_FIELDS] + [f"Actor2Geo_{f}" for f in GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in GEO_FIELDS] + ["DATEADDED", "SOURCEURL"]
)
ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]
CSV_COLUMNS = ["article_id", "event_id", "date", "plover", "mode", "context", "cameo", "quad_class", "goldstein",
               "status", "actors", "actor_countries", "recipients", "recipient_countries", "location",
               "location_country", "trigger", "sentence", "confidence", "url", "published"]


class Exporter:
    """Turns ``Store.events`` rows into export rows. The articles of each ``READ`` rows are
    read together, from the store's columns (text, metadata, actors): no record is parsed,
    and memory holds one batch."""

    READ = 2000

    def __init__(self, store):
        self.store = store
        self._articles: dict[str, tuple[str, dict[str, dict], dict]] = {}

    def read(self, rows: Iterable[dict]) -> Iterator[dict]:
        """``rows``, each batch's articles read before its rows are handed on."""
        for batch in chunked(rows, self.READ):
            ids = {row["article_id"] for row in batch}
            fields = self.store.article_fields(ids)
            actors: dict[str, dict[str, dict]] = defaultdict(dict)
            for actor in self.store.article_actors(ids):
                actors[actor["article_id"]][actor["id"]] = actor
            self._articles = {aid: ((fields.get(aid) or {}).get("text") or "", actors[aid], fields.get(aid) or {})
                              for aid in ids}
            yield from batch

    def context(self, row: dict) -> tuple[str, dict[str, dict], dict]:
        """The event's article text, its actors by id, and its publication date, URL and outlet."""
        return self._articles[row["article_id"]]


DYADIC_STATUSES = frozenset({"occurred", "planned"})


def cameo_coding(row: dict) -> tuple[str, int | str, float | str] | None:
    """(CAMEO code, quad class, Goldstein) of a stored event as CAMEO data sets code it,
    or None for an event that did not happen."""
    from .suites.conventions import convention_code

    if row.get("status") not in DYADIC_STATUSES:
        return None
    cameo = row.get("cameo") or ""
    if row["status"] == "planned" and (intent := convention_code("intent", cameo)):
        cameo = intent
    quad = ontology.quad_class(cameo) if cameo else None
    score = ontology.goldstein(cameo) if cameo else None
    return cameo, quad or "", score if score is not None else ""


def event_day(row: dict, article: dict) -> str | None:
    """The event's own date (start of its range) or the article's."""
    date = row.get("date") or {}
    return date.get("start") or article.get("published") or row.get("published")


def stable_id(*parts: str) -> int:
    """A positive 60-bit integer id that is the same on every run."""
    return int(hashlib.blake2b("|".join(parts).encode(), digest_size=8).hexdigest(), 16) >> 4


def sentence_number(text: str, start: int) -> int:
    """1-based number of the sentence starting at ``start`` (counted by sentence ends before it)."""
    head = text[:start]
    return 1 + sum(head.count(mark) for mark in (". ", "? ", "! ", ".\n", "?\n", "!\n"))


@cache
def _country_names() -> dict[str, str]:
    from importlib import resources

    data = json.loads(resources.files("cable").joinpath("data", "kb", "countries.json").read_text(encoding="utf-8"))
    return {code: entry["name"] for code, entry in data.items()}


def country_name(code: str | None) -> str:
    """ "EGY" -> "Egypt" (the code itself when unknown; "" for none)."""
    return _country_names().get(code, code) if code else ""


def gdelt_rows(rows: Iterable[dict], exporter: Exporter) -> Iterator[list]:
    """GDELT 2.0 event table rows (61 columns), one per dyad; DATEADDED is the export's time."""
    added = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    for row in rows:
        text, actors, article = exporter.context(row)
        day = event_day(row, article)
        if not day:
            continue
        coding = cameo_coding(row)
        if coding is None:
            continue
        cameo, quad, score = coding
        date = dt.date.fromisoformat(day[:10])
        first_paragraph = text.find("\n\n")
        root = int(first_paragraph < 0 or row["sentence"]["start"] < first_paragraph)
        action = geo(row.get("location"))
        for n, (source, target) in enumerate(dyads(row["actors"], row["recipients"])):
            yield ([stable_id(row["article_id"], row["id"], str(n)), date.strftime("%Y%m%d"), date.strftime("%Y%m"),
                    date.year, round(date.year + (date.timetuple().tm_yday - 1) / 365, 4)]
                   + gdelt_actor(actors.get(source)) + gdelt_actor(actors.get(target))
                   + [root, cameo, cameo[:3], cameo[:2], quad, score, 1, 1, 1, ""]
                   + [""] * 8 + [""] * 8 + action
                   + [added, article.get("url") or ""])


def gdelt_actor(actor: dict | None) -> list:
    if not actor:
        return [""] * len(ACTOR_FIELDS)
    return [actor.get("code") or "", actor.get("name", "").upper(), actor.get("country") or "", "", "", "", "",
            actor.get("sector") or "", "", ""]


def geo(location: dict | None) -> list:
    """GDELT geo columns for a place: type 4 (city) with coordinates, 1 (country) without."""
    if not location:
        return [""] * len(GEO_FIELDS)
    kind = 4 if location.get("lat") is not None else 1
    return [kind, location.get("name") or "", "", "", "", location.get("lat") or "", location.get("lon") or "", ""]


def icews_rows(rows: Iterable[dict], exporter: Exporter) -> Iterator[list]:
    """ICEWS event rows, one per dyad."""
    for row in rows:
        coding = cameo_coding(row)
        if coding is None:
            continue
        cameo, _, score = coding
        text, actors, article = exporter.context(row)
        location = row.get("location") or {}
        for n, (source, target) in enumerate(dyads(row["actors"], row["recipients"])):
            s, t = actors.get(source) or {}, actors.get(target) or {}
            yield [stable_id(row["article_id"], row["id"], str(n)), event_day(row, article) or "",
                   s.get("name", ""), s.get("sector") or "", country_name(s.get("country")),
                   ontology.describe(cameo) or "" if cameo else "", cameo, score,
                   t.get("name", ""), t.get("sector") or "", country_name(t.get("country")),
                   row["article_id"], sentence_number(text, row["sentence"]["start"]), article.get("outlet") or "",
                   location.get("name") or "", "", "", country_name(location.get("country")),
                   location.get("lat") or "", location.get("lon") or ""]


def party(actor: dict | None, actor_id: str) -> dict[str, Any]:
    actor = actor or {}
    return {"id": actor_id, "name": actor.get("name"), "kind": actor.get("kind"), "country": actor.get("country"),
            "sector": actor.get("sector"), "code": actor.get("code")}


def polecat_records(rows: Iterable[dict], exporter: Exporter) -> Iterator[dict]:
    """POLECAT-style event records: PLOVER type, mode and context, actor lists, evidence."""
    for row in rows:
        text, actors, article = exporter.context(row)
        yield {
            "event_id": f"{row['article_id']}-{row['id']}",
            "story_id": row["article_id"], "story_date": article.get("published"),
            "event_date": event_day(row, article), "event_type": row["plover"], "event_mode": row.get("mode"),
            "contexts": row.get("context") or [], "status": row.get("status"),
            "actors": [party(actors.get(a), a) for a in row["actors"]],
            "recipients": [party(actors.get(a), a) for a in row["recipients"]],
            "location": row.get("location"), "cameo": row.get("cameo"), "quad_class": row.get("quad_class"),
            "goldstein": row.get("goldstein"), "trigger": row.get("trigger"),
            "sentence": text[row["sentence"]["start"]:row["sentence"]["end"]],
            "confidence": row.get("confidence"), "url": article.get("url"), "publisher": article.get("outlet"),
        }


def plover_records(rows: Iterable[dict], exporter: Exporter) -> Iterator[dict]:
    """Records in the layout of PLOVER's gold standard (``source``/``target`` lists of
    ``{actorText, code, sector}``, ``event``, ``mode``, ``context``, ``text``)."""
    for event in polecat_records(rows, exporter):
        def side(parties):
            return [{"actorText": p["name"], "code": p["country"] or p["code"], "sector": p["sector"]}
                    for p in parties]
        yield {"id": event["event_id"], "date": event["event_date"], "source": side(event["actors"]),
               "target": side(event["recipients"]), "event": event["event_type"], "mode": event["event_mode"],
               "context": ",".join(event["contexts"]), "eventText": (event["trigger"] or {}).get("text"),
               "text": event["sentence"], "language": "en", "publication": event["publisher"],
               "url": event["url"], "status": event["status"], "cameo": event["cameo"]}


def csv_rows(rows: Iterable[dict], exporter: Exporter) -> Iterator[list]:
    for event in polecat_records(rows, exporter):
        location = event["location"] or {}
        yield [event["story_id"], event["event_id"], event["event_date"], event["event_type"], event["event_mode"],
               ";".join(event["contexts"]), event["cameo"], event["quad_class"], event["goldstein"], event["status"],
               ";".join(p["name"] or "" for p in event["actors"]),
               ";".join(p["country"] or "" for p in event["actors"]),
               ";".join(p["name"] or "" for p in event["recipients"]),
               ";".join(p["country"] or "" for p in event["recipients"]),
               location.get("name"), location.get("country"), (event["trigger"] or {}).get("text"),
               event["sentence"], event["confidence"], event["url"], event["story_date"]]


def write_export(fmt: str, rows: Iterable[dict], store, out) -> int:
    """Write ``rows`` (``Store.events`` rows) to the binary stream ``out``; the number of records written."""
    exporter = Exporter(store)
    rows = exporter.read(rows)
    if fmt == "parquet":
        return write_parquet(polecat_records(rows, exporter), out)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    count = 0
    try:
        if fmt in ("polecat", "plover-jsonl"):
            records = polecat_records(rows, exporter) if fmt == "polecat" else plover_records(rows, exporter)
            for record in records:
                text.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
            return count
        writer = csv.writer(text, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        header, produce = {"gdelt": (None, gdelt_rows), "icews": (ICEWS_COLUMNS, icews_rows),
                           "csv": (CSV_COLUMNS, csv_rows)}[fmt]
        if header:
            writer.writerow(header)
        for values in produce(rows, exporter):
            writer.writerow(["" if v is None else v for v in values])
            count += 1
        return count
    finally:
        text.flush()
        text.detach()


# the Parquet layout: the POLECAT-style record, its lists and objects as JSON text
PARQUET_COLUMNS = (("event_id", "string"), ("story_id", "string"), ("story_date", "string"),
                   ("event_date", "string"), ("event_type", "string"), ("event_mode", "string"),
                   ("contexts", "string"), ("status", "string"), ("actors", "string"), ("recipients", "string"),
                   ("location", "string"), ("cameo", "string"), ("quad_class", "int64"), ("goldstein", "float64"),
                   ("trigger", "string"), ("sentence", "string"), ("confidence", "float64"), ("url", "string"),
                   ("publisher", "string"))
PARQUET_ROWS = 10_000  # records a row group


def write_parquet(records: Iterable[dict], out) -> int:
    """Write the records to ``out`` a row group at a time, in ``PARQUET_COLUMNS``' types."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        from .errors import CableError

        raise CableError("Parquet export needs pyarrow: pip install 'cable[parquet]'") from None
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in PARQUET_COLUMNS])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in chunked(records, PARQUET_ROWS):
            flat = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()}
                    for r in batch]
            writer.write_table(pa.Table.from_pylist(flat, schema=schema))
            count += len(flat)
    return count  # with no records, a file of the schema and no rows
