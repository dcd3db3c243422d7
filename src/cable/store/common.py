"""What the SQLite and PostgreSQL stores share: the write with its duplicate
checks, the rows an article becomes, and every query.

An article is kept once: the same text (its id is the text's hash) is
"unchanged"; the same canonical URL, or a near-duplicate (wire copy with small
edits: MinHash over 5-word shingles, ``cable.dedup``), is linked to the stored
article as a "duplicate" in the ``duplicates`` table and not stored again.
A write holds locks on the article's id, its URL and its signature's bands, so
concurrent writers on a server end as if they had written one after the other.
Events carry a ``sort_date`` (their own date, else the article's) with an
index, so the newest-first lists stop early on a large store.

``write_many`` stores many articles with the same outcomes as ``write`` one
after the other, checking and inserting them a part at a time (``cable load``).

A backend sets the few phrases where the SQL dialects differ (``LIKE``, where
NULLs sort, how titles are concatenated) and its own full-text ``search``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Any

from .. import dedup
from ..errors import BadDate, StoreError
from ..issues import issue_key
from ..records import Rejection, Result
from ..records_json import result_from_json
from .base import Loadable, WriteOutcome, compact_json
from .connection import Connection

COUNTED = ("articles", "actors", "events", "quotes", "stances", "forecasts", "rejections")
EVENTS_READ = 2000  # events each_event reads at a time
# the orders of events besides the store's own (newest first, which breaks their ties): by a value,
# "-" the highest first; an event without the value counts lowest
EVENT_ORDERS = {
    "-date": "",
    "date": "COALESCE(e.sort_date, '') ASC, ",
    "confidence": "e.confidence IS NOT NULL ASC, e.confidence ASC, ",
    "-confidence": "e.confidence IS NOT NULL DESC, e.confidence DESC, ",
    "goldstein": "e.goldstein IS NOT NULL ASC, e.goldstein ASC, ",
    "-goldstein": "e.goldstein IS NOT NULL DESC, e.goldstein DESC, ",
}


class SQLStore:
    """A store over a ``Connection``; subclasses open it and create the schema."""

    sql: Connection
    LIKE = "LIKE ?"  # a substring match, case-insensitive (the pattern is a parameter)
    NULLS_LAST = ""  # after DESC: SQLite sorts NULLs last there already
    NULLS_FIRST = ""  # after an ascending column
    STORED_ORDER = "rowid"  # the order rows were stored in

    # -- writing -------------------------------------------------------------

    def write(self, result: Result, *, replace: bool = False, dedupe: bool = True) -> WriteOutcome:
        """Store one article and everything found in it, all or nothing. With ``dedupe``
        (the default) a near-duplicate or an article under a stored canonical URL is
        linked, not stored."""
        article = result.article
        record = result.to_json()
        with self.sql.transaction():
            self.sql.lock([f"article:{article.id}"])
            exists = self.sql.one("SELECT 1 AS found FROM articles WHERE id = ?", (article.id,)) is not None
            if exists and not replace:
                return WriteOutcome(article.id, "unchanged")
            signature = dedup.signature(article.text)
            bands = signature.bands()
            self.sql.lock(duplicate_keys(article.url, bands))
            original = None if exists or replace or not dedupe else self._duplicate_of(article.url, article.text,
                                                                                        signature)
            if original is not None:
                self._link(result.input or article.id, article.url, original)
                self.sql.execute("DELETE FROM rejections WHERE input = ?", (result.input,))
                return WriteOutcome(original[1], "duplicate")
            if exists:
                self._delete(article.id)
            self._insert(result, record)
            self._sign(article.id, _dumps(list(signature.values)), bands)
            self.sql.execute("DELETE FROM rejections WHERE input = ?", (result.input,))
        return WriteOutcome(article.id, "replaced" if exists else "stored")

    LOAD_CHUNK = 2000  # articles per transaction in write_many

    def write_many(self, items: Iterable[Loadable], *, replace: bool = False) -> Iterator[WriteOutcome]:
        """What ``write(result, replace=replace)`` gives for each item in turn, with the
        same rows, links and outcomes, in one transaction per ``LOAD_CHUNK`` items: a
        crash leaves whole chunks stored, never part of an article. Within a chunk the
        items go in parts that cannot affect one another's checks (no shared id, URL or
        signature band), each part checked with a few queries and stored in bulk."""
        for chunk in chunked(items, self.LOAD_CHUNK):
            outcomes: list[WriteOutcome] = []
            with self._load_transaction():
                self.sql.lock([f"article:{x.id}" for x in chunk])
                self.sql.lock([key for x in chunk for key in duplicate_keys(x.url, x.bands)])
                for part in independent_parts(chunk, check_duplicates=not replace):
                    outcomes += self._write_part(part, replace)
            yield from outcomes

    def _load_transaction(self) -> AbstractContextManager:
        """The transaction a chunk of ``write_many`` runs in."""
        return self.sql.transaction()

    def _write_part(self, part: list[Loadable], replace: bool) -> list[WriteOutcome]:
        """``write`` of each item of a part, whose items share no id, URL or band."""
        stored_ids = self.stored_ids([x.id for x in part])
        suspects = set() if replace else self._suspects([x for x in part if x.id not in stored_ids])
        outcomes, keep, linked = [], [], []
        for x in part:
            exists = x.id in stored_ids
            if exists and not replace:
                outcomes.append(WriteOutcome(x.id, "unchanged"))
                continue
            original = self._duplicate_of(x.url, x.text, x.signature()) if x.id in suspects else None
            if original is not None:
                self._link(x.input or x.id, x.url, original)
                linked.append(x)
                outcomes.append(WriteOutcome(original[1], "duplicate"))
                continue
            if exists:
                self._delete(x.id)
            keep.append(x)
            outcomes.append(WriteOutcome(x.id, "replaced" if exists else "stored"))
        self._insert_many(keep)
        self.sql.many("DELETE FROM rejections WHERE input = ?", [(x.input,) for x in linked + keep])
        return outcomes

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored."""
        return self._present("articles", "id", ids)

    def _suspects(self, part: list[Loadable]) -> set[str]:
        """The ids of the part's articles that share a URL or a signature band with a
        stored article: those ``_duplicate_of`` must look at; the others are new."""
        urls = self._present("articles", "url", {x.url for x in part if x.url})
        bands = self._present("signature_bands", "band", {b for x in part for b in x.bands})
        return {x.id for x in part if x.url in urls or not bands.isdisjoint(x.bands)}

    def _present(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        """Which of these values ``table`` holds in ``column``."""
        return {r[column] for r in self._rows_in(f"SELECT DISTINCT {column} FROM {table}", column, values)}

    def _rows_in(self, select: str, column: str, values: Iterable[str]) -> list[dict[str, Any]]:
        """The rows of ``select`` whose ``column`` is one of these values, asked 500 values at a time."""
        return [r for chunk in chunked(values, 500)
                for r in self.sql.rows(f"{select} WHERE {column} IN ({_marks(chunk)})", chunk)]

    def _insert_many(self, items: list[Loadable]) -> None:
        """Insert the rows of these new articles, each table's in one statement."""
        rows = empty_rows()
        for x in items:
            found = x.rows if x.rows is not None else record_rows(x.record)
            for table in ROW_TABLES:
                rows[table] += found[table]
        self._insert_rows(rows)
        self._on_insert_many([x.id for x in items])
        self.sql.many("INSERT INTO signatures VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET "
                      "minhash = excluded.minhash", [(x.id, x.minhash) for x in items])
        self.sql.many("INSERT INTO signature_bands VALUES (?, ?) ON CONFLICT DO NOTHING",
                      [(band, x.id) for x in items for band in x.bands])

    def _link(self, input: str, url: str | None, original: tuple[str, str, float]) -> None:
        """Record ``input`` as a duplicate of the stored article ``original`` names."""
        kind, other, similarity = original
        self.sql.execute("INSERT INTO duplicates VALUES (?,?,?,?,?,?) ON CONFLICT (input, duplicate_of) "
                         "DO UPDATE SET url = excluded.url, kind = excluded.kind, "
                         "similarity = excluded.similarity, at = excluded.at",
                         (input, url, other, kind, similarity, _now()))

    def _duplicate_of(self, url: str | None, text: str, signature: dedup.Signature) -> tuple[str, str, float] | None:
        """(kind, stored article id, similarity) when the article is stored already under
        its canonical URL or as a near-duplicate; None when it is new."""
        if url:
            row = self.sql.one("SELECT id FROM articles WHERE url = ? LIMIT 1", (url,))
            if row:
                return "url", row["id"], 1.0
        bands = signature.bands()
        marks = ",".join("?" * len(bands))
        candidates = self.sql.rows(
            f"SELECT DISTINCT s.article_id, s.minhash FROM signature_bands b JOIN signatures s "
            f"ON s.article_id = b.article_id WHERE b.band IN ({marks}) ORDER BY s.article_id", bands)
        likely = [r["article_id"] for r in candidates
                  if signature.similarity(dedup.Signature(tuple(json.loads(r["minhash"])))) >= dedup.CANDIDATE]
        for other in likely:  # the estimate picks candidates; the exact overlap decides
            stored = self.sql.one("SELECT text FROM articles WHERE id = ?", (other,))["text"]
            similarity = dedup.jaccard(text, stored)
            if similarity >= dedup.THRESHOLD:
                return "near", other, round(similarity, 3)
        return None

    def _sign(self, article_id: str, minhash: str, bands: Sequence[str]) -> None:
        self.sql.execute("INSERT INTO signatures VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET "
                         "minhash = excluded.minhash", (article_id, minhash))
        self.sql.many("INSERT INTO signature_bands VALUES (?, ?) ON CONFLICT DO NOTHING",
                      [(band, article_id) for band in bands])

    def duplicates(self) -> list[dict[str, Any]]:
        """Inputs not stored because their article already was: kind "url" or "near"."""
        return self.sql.rows("SELECT * FROM duplicates ORDER BY at, input")

    def _key_issues(self) -> None:
        """Give the stances stored before issue keys existed their keys."""
        rows = self.sql.rows("SELECT s.article_id, s.id, s.issue, x.country FROM stances s LEFT JOIN actors x"
                             " ON x.article_id = s.article_id AND x.id = s.holder WHERE s.issue_key IS NULL")
        self.sql.many("UPDATE stances SET issue_key = ? WHERE article_id = ? AND id = ?",
                      [(issue_key(r["issue"] or "", r["country"]), r["article_id"], r["id"]) for r in rows])

    def _on_insert(self, article_id: str) -> None:
        """After an article's row is inserted (a backend's full-text index may need it)."""

    def _on_insert_many(self, article_ids: list[str]) -> None:
        """After these articles' rows are inserted."""
        for article_id in article_ids:
            self._on_insert(article_id)

    def _on_delete(self, article_id: str) -> None:
        """Before an article's row is deleted."""

    def _delete(self, article_id: str) -> None:
        self._on_delete(article_id)
        for table in ("signature_bands", "signatures", "actor_events", "event_dyads"):
            self.sql.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        for table in ("event_actors", "events", "actors", "quotes", "stances", "forecasts", "articles"):
            column = "id" if table == "articles" else "article_id"
            self.sql.execute(f"DELETE FROM {table} WHERE {column} = ?", (article_id,))

    def _insert(self, result: Result, record: dict[str, Any]) -> None:
        self._insert_rows(article_rows(result, record))
        self._on_insert(result.article.id)

    def _insert_rows(self, rows: dict[str, list[tuple]]) -> None:
        """Insert the rows of one article or more (``article_rows``, lists joined)."""
        for table in ROW_TABLES:
            self._insert_values(table, rows[table], " ON CONFLICT DO NOTHING" if table == "actor_events" else "")

    def _insert_values(self, table: str, rows: list[tuple], suffix: str = "") -> None:
        """INSERT these rows, in order, into ``table`` (``suffix`` ends each statement)."""
        if rows:
            self.sql.many(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))}){suffix}", rows)

    def reject(self, rejection: Rejection) -> None:
        self.sql.execute(
            "INSERT INTO rejections VALUES (?,?,?,?,?) ON CONFLICT (input) DO UPDATE SET stage = excluded.stage, "
            "code = excluded.code, message = excluded.message, at = excluded.at",
            (rejection.input, rejection.stage, rejection.code, rejection.message, _now()),
        )

    # -- reading -------------------------------------------------------------

    def articles(self, *, since: str | None = None, until: str | None = None,
                 limit: int = 100) -> list[dict[str, Any]]:
        """Stored articles published in [since, until], newest first (undated ones last):
        {id, title, published, url, input}."""
        since, until = _day(since, "since"), _day(until, "until")
        clause, args = _where((since, "published >= ?", (since,)), (until, "published <= ?", (until,)))
        return self.sql.rows(f"SELECT id, title, published, url, input FROM articles{clause}"
                             f" ORDER BY published DESC{self.NULLS_LAST}, id LIMIT ?", (*args, limit))

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.sql.one("SELECT record FROM articles WHERE id = ?", (article_id,))
        return json.loads(row["record"]) if row else None

    def counts(self) -> dict[str, int]:
        return {t: self.sql.one(f"SELECT count(*) AS n FROM {t}")["n"] for t in COUNTED}

    def rejections(self) -> list[dict[str, Any]]:
        return self.sql.rows("SELECT * FROM rejections ORDER BY input")

    def events(self, *, actor: str | None = None, country: str | None = None, type: str | None = None,
               status: str | None = None, since: str | None = None, until: str | None = None,
               actor_name: str | None = None, dyad: str | None = None, limit: int = 100,
               order: str = "-date") -> list[dict[str, Any]]:
        """Events, newest first. ``actor`` matches a participant's name (substring) or code;
        ``actor_name`` a participant's exact name; ``country`` a participant's ISO3; ``type``
        a PLOVER type or a CAMEO code prefix; ``dyad`` "AAA-BBB" keeps events with one side
        in each country (an event without recipients: both among its actors). ``order``
        (``EVENT_ORDERS``) sorts them by date, confidence or Goldstein score instead, "-"
        for the highest first, events without a value lowest, ties newest first."""
        sql, args = self._events_query(actor, country, type, status, since, until, actor_name, dyad, limit, order)
        return self._event_dicts(self.sql.rows(sql + " LIMIT ?", (*args, limit)))

    def each_event(self, *, actor: str | None = None, country: str | None = None, type: str | None = None,
                   status: str | None = None, since: str | None = None,
                   until: str | None = None) -> Iterator[dict[str, Any]]:
        """Every event ``events`` would give with these filters and no limit, in its order,
        read ``EVENTS_READ`` at a time as the iterator is consumed: an export of the whole
        store holds a batch in memory, not the store."""
        # built now, so that bad filters fail at the call rather than at the first event
        sql, args = self._events_query(actor, country, type, status, since, until, None, None, None)
        return (event for rows in self.sql.stream(sql, args, EVENTS_READ) for event in self._event_dicts(rows))

    def _events_query(self, actor, country, type, status, since, until, actor_name, dyad,
                      limit: int | None, order: str = "-date") -> tuple[str, tuple]:
        """The SQL of ``events`` and its arguments, without the final LIMIT."""
        if order not in EVENT_ORDERS:
            raise StoreError(f"bad order {order!r}; give one of {', '.join(EVENT_ORDERS)}")
        since, until = _day(since, "since"), _day(until, "until")
        # an actor's or a dyad's newest events alone: the page comes straight from its index
        alone = (limit is not None and order == "-date" and not any((actor, country, type, status, since, until))
                 and not (actor_name and dyad))
        newest = f"sort_date DESC{self.NULLS_LAST}"
        page, paged = (f" ORDER BY {newest} LIMIT ?)", (limit,)) if alone else (")", ())
        clause, args = _where(
            (actor_name, "(e.article_id, e.id) IN (SELECT article_id, event_id FROM actor_events WHERE name = ?" + page,
             (actor_name, *paged)),
            (dyad, "(e.article_id, e.id) IN (SELECT article_id, event_id FROM event_dyads WHERE one = ? AND two = ?"
                   + page, (*_dyad_args(dyad), *paged)),
            (actor, _PARTICIPANT.format(f"(x.name {self.LIKE} OR x.code = ?)"), (f"%{actor}%", str(actor).upper())),
            (country, _PARTICIPANT.format("x.country = ?"), (str(country).upper(),)),
            (type, f"(e.plover = ? OR e.cameo {self.LIKE})", (str(type).upper(), f"{type}%")),
            (status, "e.status = ?", (status,)),
            (since, "COALESCE(e.date_end, e.date_start, a.published) >= ?", (since,)),
            (until, "COALESCE(e.date_start, e.date_end, a.published) <= ?", (until,)),
        )
        sql = ("SELECT e.article_id, e.record, a.title, a.published FROM events e JOIN articles a ON a.id = e.article_id"
               + clause
               + f" ORDER BY {EVENT_ORDERS[order]}e.{newest}, e.article_id, CAST(substr(e.id, 2) AS INTEGER)")
        return sql, tuple(args)

    def _event_dicts(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``events`` rows: each event's record with its article's id, title and publication date and
        its participants' names."""
        names = self._actor_names({r["article_id"] for r in rows})
        out = []
        for r in rows:
            ev = json.loads(r["record"])
            ev["article_id"], ev["article_title"], ev["published"] = r["article_id"], r["title"], r["published"]
            ev["actor_names"] = [names.get((r["article_id"], x), x) for x in ev["actors"]]
            ev["recipient_names"] = [names.get((r["article_id"], x), x) for x in ev["recipients"]]
            out.append(ev)
        return out

    def dyad_months(self, dyad: str) -> list[dict[str, Any]]:
        """Events between two countries (either way) by month, from the ``event_dyads`` index:
        {month, events, goldstein (mean), cooperation, conflict}, oldest month first."""
        rows = self.sql.rows(
            "SELECT substr(sort_date, 1, 7) AS month, count(*) AS events, avg(goldstein) AS goldstein,"
            " sum(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,"
            " sum(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict"
            " FROM event_dyads WHERE one = ? AND two = ? AND sort_date IS NOT NULL GROUP BY substr(sort_date, 1, 7)"
            " ORDER BY month",
            _dyad_args(dyad))
        for row in rows:
            row["goldstein"] = round(row["goldstein"], 2) if row["goldstein"] is not None else None
        return rows

    def actors(self, *, name: str | None = None, country: str | None = None, kind: str | None = None,
               sector: str | None = None, exact: bool = False, latest: int | None = None,
               limit: int = 100) -> list[dict[str, Any]]:
        """Actors merged across articles by (name, kind, country), most-mentioned first;
        ``name`` matches part of the name, or all of it with ``exact``; ``latest`` counts
        only the newest that many articles (by publication date)."""
        if latest is not None and (not isinstance(latest, int) or isinstance(latest, bool) or latest < 1):
            raise StoreError(f"bad latest {latest!r}; give a number of articles, 1 or more")
        clause, args = _where(
            (name, "name = ?" if exact else f"name {self.LIKE}", (name if exact else f"%{name}%",)),
            (country, "country = ?", (str(country).upper(),)),
            (kind, "kind = ?", (kind,)),
            (sector, "sector = ?", (str(sector).upper(),)),
            (latest, f"article_id IN (SELECT id FROM articles ORDER BY published DESC{self.NULLS_LAST} LIMIT ?)",
             (latest,)),
        )
        # the totals come from the covering index actors_totals; the titles, which few rows have, after
        sql = ("SELECT name, kind, country, max(sector) AS sector, max(code) AS code, count(DISTINCT article_id) AS articles,"
               " sum(mentions) AS mentions FROM actors"
               + clause
               + f" GROUP BY name, kind, country ORDER BY mentions DESC{self.NULLS_LAST}, name, kind{self.NULLS_FIRST},"
               f" country{self.NULLS_FIRST} LIMIT ?")
        out = self.sql.rows(sql, (*args, limit))
        titles = self._titles({row["name"] for row in out})
        for row in out:
            seen: dict[str, dict] = {}
            for chunk in titles.get((row["name"], row["kind"], row["country"]), []):
                for t in json.loads(chunk):
                    seen.setdefault(t["title"], t)
            row["titles"] = list(seen.values())
        return out

    def _titles(self, names: set[str]) -> dict[tuple, list[str]]:
        """(name, kind, country) -> the titles lists stored for it, in the order stored."""
        if not names:
            return {}
        marks = ", ".join("?" * len(names))
        rows = self.sql.rows(f"SELECT name, kind, country, titles FROM actors WHERE titles <> '[]' AND name IN ({marks})"
                             f" ORDER BY {self.STORED_ORDER}", tuple(sorted(names)))
        found: dict[tuple, list[str]] = {}
        for r in rows:
            found.setdefault((r["name"], r["kind"], r["country"]), []).append(r["titles"])
        return found

    def quotes(self, *, speaker: str | None = None, country: str | None = None, contains: str | None = None,
               since: str | None = None, until: str | None = None, exact: bool = False,
               limit: int = 100) -> list[dict[str, Any]]:
        """Quotes, newest first; ``speaker`` matches part of the speaker's name, or all of it with ``exact``."""
        since, until = _day(since, "since"), _day(until, "until")
        clause, args = _where(
            (speaker, "q.speaker_name = ?" if exact else f"q.speaker_name {self.LIKE}",
             (speaker if exact else f"%{speaker}%",)),
            (country, "x.country = ?", (str(country).upper(),)),
            (contains, f"q.text {self.LIKE}", (f"%{contains}%",)),
            (since, "a.published >= ?", (since,)),
            (until, "a.published <= ?", (until,)),
        )
        order = f" ORDER BY q.sort_date DESC{self.NULLS_LAST}, q.article_id, CAST(substr(q.id, 2) AS INTEGER)"
        joins = (" JOIN articles a ON a.id = q.article_id"
                 " LEFT JOIN actors x ON x.article_id = q.article_id AND x.id = q.speaker")
        # the page's keys first (a speaker's from the index speaker_name, sort_date), then their records
        sql = (f"SELECT q.record, q.article_id, a.title, a.published, x.country FROM quotes q{joins}"
               f" WHERE (q.article_id, q.id) IN (SELECT q.article_id, q.id FROM quotes q{joins}{clause}{order} LIMIT ?)"
               + order)
        out = []
        for r in self.sql.rows(sql, (*args, limit)):
            q = json.loads(r["record"])
            q.update(article_id=r["article_id"], article_title=r["title"], published=r["published"],
                     speaker_country=r["country"])
            out.append(q)
        return out

    def posts(self, name: str) -> list[dict[str, Any]]:
        """The titles an actor (exact name) is given, article by article, oldest first:
        {published, article_id, title, organization, source}; source "kb" marks a title
        the pipeline took from the knowledge base, not from the text."""
        rows = self.sql.rows(
            "SELECT a.published, x.article_id, x.titles FROM actors x JOIN articles a ON a.id = x.article_id "
            f"WHERE x.name = ? ORDER BY a.published{self.NULLS_FIRST}, x.article_id", (name,))
        out = []
        for r in rows:
            for t in json.loads(r["titles"] or "[]"):
                out.append({"published": r["published"], "article_id": r["article_id"], "title": t["title"],
                            "organization": t.get("organization"), "source": t.get("source", "text")})
        return out

    def stances(self, *, holder: str | None = None, issue: str | None = None, polarity: str | None = None,
                since: str | None = None, until: str | None = None, issue_key: str | None = None,
                limit: int = 100) -> list[dict[str, Any]]:
        """Stances, newest article first, with the holder's name, kind, country
        and titles, the issue's key (``cable.issues``: the same issue however it is
        worded) and the words of the article the stance rests on."""
        since, until = _day(since, "since"), _day(until, "until")
        clause, args = _where(
            (holder, f"x.name {self.LIKE}", (f"%{holder}%",)),
            (issue, f"s.issue {self.LIKE}", (f"%{issue}%",)),
            (issue_key, "s.issue_key = ?", (issue_key,)),
            (polarity, "s.polarity = ?", (polarity,)),
            (since, "a.published >= ?", (since,)),
            (until, "a.published <= ?", (until,)),
        )
        sql = ("SELECT s.record, s.article_id, s.issue_key, a.title, a.published, a.text, x.name, x.kind, x.country,"
               " x.titles"
               " FROM stances s JOIN articles a ON a.id = s.article_id"
               " LEFT JOIN actors x ON x.article_id = s.article_id AND x.id = s.holder"
               + clause
               + f" ORDER BY a.published DESC{self.NULLS_LAST}, s.article_id, CAST(substr(s.id, 2) AS INTEGER) LIMIT ?")
        out = []
        for r in self.sql.rows(sql, (*args, limit)):
            st = json.loads(r["record"])
            st.update(article_id=r["article_id"], article_title=r["title"], published=r["published"],
                      holder_name=r["name"], holder_kind=r["kind"], holder_country=r["country"],
                      holder_titles=json.loads(r["titles"]) if r["titles"] else [],
                      issue_key=r["issue_key"], text=r["text"][st["start"]:st["end"]])
            out.append(st)
        return out

    def forecasts(self, *, holder: str | None = None, resolved: bool | None = None,
                  limit: int = 100) -> list[dict[str, Any]]:
        """Forecasts, newest article first, each with its key ("ARTICLE:f1") and
        outcome (1 happened, 0 did not, None not yet recorded)."""
        clause, args = _where(
            (holder, f"f.holder_name {self.LIKE}", (f"%{holder}%",)),
            (resolved is not None, "o.outcome IS NOT NULL" if resolved else "o.outcome IS NULL", ()),
        )
        sql = ("SELECT f.record, f.article_id, a.title, a.published, o.outcome, o.resolved_on, o.note"
               " FROM forecasts f JOIN articles a ON a.id = f.article_id"
               " LEFT JOIN outcomes o ON o.article_id = f.article_id AND o.forecast_id = f.id"
               + clause
               + f" ORDER BY a.published DESC{self.NULLS_LAST}, f.article_id, CAST(substr(f.id, 2) AS INTEGER) LIMIT ?")
        out = []
        for r in self.sql.rows(sql, (*args, limit)):
            f = json.loads(r["record"])
            f.update(key=f"{r['article_id']}:{f['id']}", article_id=r["article_id"], article_title=r["title"],
                     published=r["published"], outcome=r["outcome"], resolved_on=r["resolved_on"], note=r["note"])
            out.append(f)
        return out

    def record_outcome(self, key: str, outcome: int, *, resolved_on: str | None = None,
                       note: str | None = None) -> dict[str, Any]:
        """Record what happened to the forecast ``key`` ("ARTICLE:f1"): 1 it
        happened, 0 it did not. A second record for the same key replaces the first."""
        article_id, _, forecast_id = key.rpartition(":")
        if outcome not in (0, 1):
            raise StoreError(f"outcome must be 0 (did not happen) or 1 (happened), not {outcome!r}")
        found = self.sql.one("SELECT 1 AS found FROM forecasts WHERE article_id = ? AND id = ?",
                             (article_id, forecast_id))
        if not found:
            raise StoreError(f"no stored forecast {key!r}; keys look like ARTICLE_ID:f1 (see `cable forecasts`)")
        self.sql.execute("INSERT INTO outcomes VALUES (?,?,?,?,?,?) ON CONFLICT (article_id, forecast_id) DO UPDATE "
                         "SET outcome = excluded.outcome, resolved_on = excluded.resolved_on, note = excluded.note, "
                         "recorded_at = excluded.recorded_at",
                         (article_id, forecast_id, outcome, resolved_on, note, _now()))
        return {"key": key, "outcome": outcome, "resolved_on": resolved_on, "note": note}

    def _actor_names(self, article_ids: set[str]) -> dict[tuple[str, str], str]:
        return {(r["article_id"], r["id"]): r["name"] for r in self.article_actors(article_ids)}

    def article_fields(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The text, publication date, URL and outlet of these stored articles, by id."""
        return {r["id"]: r for r in self._rows_in("SELECT id, text, published, url, outlet FROM articles", "id",
                                                   article_ids)}

    def article_actors(self, article_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The actor rows of these articles (article_id, id, name, kind, country, sector, code)."""
        return self._rows_in("SELECT article_id, id, name, kind, country, sector, code FROM actors", "article_id",
                             article_ids)

    def close(self) -> None:
        self.sql.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def duplicate_keys(url: str | None, bands: Iterable[str]) -> list[str]:
    """What a write must hold, after the article's id, so that no other writer stores
    a duplicate meanwhile: its URL and its signature's bands (an article it could be
    found a near-duplicate of shares one). Taken after the id, so no writer waits
    for an id while it holds one of these: no deadlock."""
    keys = [f"band:{band}" for band in bands]
    return keys + [f"url:{url}"] if url else keys


def record_rows(record: str) -> dict[str, list[tuple]]:
    """``article_rows`` of a stored record (compact JSON)."""
    parsed = json.loads(record)
    return article_rows(result_from_json(parsed), parsed)


def loadable(result: Result) -> Loadable:
    """What ``write_many`` takes for a result (a batch output holds the same)."""
    return Loadable.of_record(result.to_json())


def independent_parts(items: list[Loadable], *, check_duplicates: bool = True) -> Iterator[list[Loadable]]:
    """The items in order, cut into runs in which no item shares its id (nor, when
    duplicates are checked, its URL or a signature band) with an earlier one: an
    item's outcome then depends on what was stored before its run alone."""
    part: list[Loadable] = []
    seen: set[str] = set()
    for x in items:
        keys = {f"id:{x.id}"}
        if check_duplicates:
            keys |= set(duplicate_keys(x.url, x.bands))
        if not seen.isdisjoint(keys):
            yield part
            part, seen = [], set()
        part.append(x)
        seen |= keys
    if part:
        yield part


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last may be shorter)."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _marks(values: Sequence) -> str:
    return ",".join("?" * len(values))


def article_rows(result: Result, record: dict[str, Any]) -> dict[str, list[tuple]]:
    """The rows of each table one article becomes, in the tables' column order."""
    a = result.article
    aid = a.id
    rows = empty_rows()
    rows["articles"].append((aid, result.input, a.title, a.author, a.outlet, a.column, a.published, a.url, a.language,
                             a.text, _dumps(record), _now()))
    rows["actors"] += [(aid, x.id, x.name, x.kind, x.country, x.sector, x.code,
                        _dumps([dataclasses.asdict(t) for t in x.titles]), len(x.mentions)) for x in result.actors]
    for e, ej in zip(result.events, record["events"]):
        loc, date = e.location, e.date
        sort_date = (date.start if date else None) or a.published
        rows["events"].append(
            (aid, e.id, e.plover, e.mode, e.cameo, e.quad_class, e.goldstein, e.status,
             loc.name if loc else None, loc.country if loc else None,
             date.text if date else None, date.start if date else None, date.end if date else None,
             e.trigger.text, _dumps(ej["sentence"]), e.confidence, _dumps(ej), sort_date))
    rows["quotes"] += [(aid, q.id, q.text, q.kind, q.speaker, q.speaker_name, q.speaker_title, q.confidence,
                        _dumps(qj), a.published) for q, qj in zip(result.quotes, record["quotes"])]
    rows["stances"] += [(aid, s.id, s.holder, s.issue, s.polarity, _dumps(sj), None)
                        for s, sj in zip(result.stances, record["stances"])]
    rows["forecasts"] += [(aid, f.id, f.holder, f.holder_name, f.probability, _dumps(fj))
                          for f, fj in zip(result.forecasts, record["forecasts"])]
    link_rows(rows, [(e.actors, e.recipients) for e in result.events])
    return rows


def empty_rows() -> dict[str, list[tuple]]:
    """A dict of row lists, one a table an article has rows in."""
    return {table: [] for table in ROW_TABLES}


ROW_TABLES = ("articles", "actors", "events", "event_actors", "actor_events", "event_dyads", "quotes", "stances",
              "forecasts")


def link_rows(rows: dict[str, list[tuple]], participants: Sequence[tuple[Sequence[str], Sequence[str]]]) -> None:
    """Complete one article's ``rows`` from its actor and event rows: the events'
    participants (``participants``: each event's actor and recipient ids, in event
    order), their names by event, the country pairs events are between, and the
    stances' issue keys where not known yet. The rows of ``article_rows``, however
    they were made."""
    names = {x[1]: x[2] for x in rows["actors"]}
    countries = {x[1]: x[4] for x in rows["actors"]}
    roles, named, dyads = rows["event_actors"], rows["actor_events"], rows["event_dyads"]
    for e, (actors, recipients) in zip(rows["events"], participants):
        aid, eid, sort_date = e[0], e[1], e[17]
        roles += [(aid, eid, x, "actor") for x in actors]
        roles += [(aid, eid, x, "recipient") for x in recipients]
        named += [(name, sort_date, aid, eid)
                  for name in dict.fromkeys(names[x] for x in (*actors, *recipients) if x in names)]
        dyads += [(one, two, sort_date, aid, eid, e[6], e[5]) for one, two in country_pairs(actors, recipients, countries)]
    rows["stances"][:] = [s if s[6] is not None else (*s[:6], issue_key(s[3], countries.get(s[2])))
                          for s in rows["stances"]]


def country_pairs(actors: Sequence[str], recipients: Sequence[str],
                  countries: dict[str, str | None]) -> list[tuple[str, str]]:
    """The pairs of countries an event is between, each (earlier, later) in code order: an
    actor's and a recipient's; with no recipients, two of its actors'. One country with
    itself is no pair."""
    one = {countries.get(x) for x in actors}
    one.discard(None)
    if not one:
        return []
    if recipients:
        two = {countries.get(x) for x in recipients}
        two.discard(None)
    else:
        two = one
    return sorted({(a, b) if a < b else (b, a) for a in one for b in two if a != b})


# event_dyads for the events already stored (a store from before the table existed), as country_pairs gives them
DYAD_BACKFILL = (
    "INSERT INTO event_dyads SELECT DISTINCT CASE WHEN x1.country < x2.country THEN x1.country ELSE x2.country END,"
    " CASE WHEN x1.country < x2.country THEN x2.country ELSE x1.country END, e.sort_date,"
    " e.article_id, e.id, e.goldstein, e.quad_class FROM events e"
    " JOIN event_actors r1 ON r1.article_id = e.article_id AND r1.event_id = e.id AND r1.role = 'actor'"
    " JOIN actors x1 ON x1.article_id = r1.article_id AND x1.id = r1.actor_id"
    " JOIN event_actors r2 ON r2.article_id = e.article_id AND r2.event_id = e.id"
    " JOIN actors x2 ON x2.article_id = r2.article_id AND x2.id = r2.actor_id"
    " WHERE x1.country IS NOT NULL AND x2.country IS NOT NULL AND x1.country <> x2.country"
    " AND (r2.role = 'recipient' OR NOT EXISTS (SELECT 1 FROM event_actors r3 WHERE r3.article_id = e.article_id"
    " AND r3.event_id = e.id AND r3.role = 'recipient')) ON CONFLICT DO NOTHING")

# what schema 5 added, the same on both backends but for the names of the text and real types
SCHEMA_5 = """
CREATE TABLE IF NOT EXISTS event_dyads (
    one {T} NOT NULL, two {T} NOT NULL, sort_date {T}, article_id {T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id {T} NOT NULL, goldstein {F}, quad_class INTEGER{KEY}
);
CREATE INDEX IF NOT EXISTS event_dyads_newest ON event_dyads (one, two, sort_date, goldstein, quad_class);
CREATE INDEX IF NOT EXISTS event_dyads_article ON event_dyads (article_id);
DROP INDEX IF EXISTS quotes_speaker;
DROP INDEX IF EXISTS actors_name;
CREATE INDEX IF NOT EXISTS actors_totals ON actors (name, kind, country, article_id, mentions, sector, code);
CREATE INDEX IF NOT EXISTS actors_titled ON actors (name) WHERE titles <> '[]';
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE INDEX IF NOT EXISTS stances_issue_key ON stances (issue_key);
CREATE INDEX IF NOT EXISTS quotes_speaker_newest ON quotes (speaker_name, sort_date, article_id, id);
"""


def schema_5(*, text: str, real: str, keyed: bool = True) -> str:
    """The statements of ``SCHEMA_5`` with the backend's type names; ``keyed``: with
    event_dyads' primary key (else the backend gives it a unique index of its own)."""
    key = ", PRIMARY KEY (one, two, article_id, event_id)" if keyed else ""
    return SCHEMA_5.replace("{T}", text).replace("{F}", real).replace("{KEY}", key)


# quotes' sort dates (their article's publication date) in a store from before they were kept
QUOTE_DATES = "UPDATE quotes SET sort_date = (SELECT published FROM articles a WHERE a.id = quotes.article_id)"

_PARTICIPANT = ("EXISTS (SELECT 1 FROM event_actors ea JOIN actors x ON x.article_id = ea.article_id"
                " AND x.id = ea.actor_id WHERE ea.article_id = e.article_id AND ea.event_id = e.id AND {})")


def _day(value: str | None, name: str) -> str | None:
    """A date filter checked: YYYY-MM-DD, or a BadDate error saying so."""
    if value is None:
        return None
    text = str(value)
    if len(text) == 10:
        try:
            return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
        except ValueError:
            pass
    raise BadDate(f"{name}={value!r} is not a date; use YYYY-MM-DD, e.g. 2020-01-31")


def _dyad_args(dyad: str | None) -> tuple:
    """The two codes of "AAA-BBB", in the order ``event_dyads`` keeps them."""
    if not dyad:
        return ()
    a, sep, b = str(dyad).upper().partition("-")
    if not sep or len(a) != 3 or len(b) != 3:
        raise StoreError(f"bad dyad {dyad!r}; give two ISO3 codes joined by a hyphen, e.g. EGY-TUR")
    return min(a, b), max(a, b)


def _where(*conditions: tuple[Any, str, tuple]) -> tuple[str, list[Any]]:
    """A WHERE clause from (value, sql, parameters) triples, keeping those whose value was given."""
    parts, args = [], []
    for value, sql, params in conditions:
        if value:
            parts.append(sql)
            args.extend(params)
    return (" WHERE " + " AND ".join(parts) if parts else ""), args


_dumps = compact_json


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def search_words(q: str) -> list[str]:
    """The words of a search (at most 12); double quotes in it are plain separators."""
    return [w for w in q.replace('"', " ").split() if w][:12]
