"""SQLite store: one file, WAL journal, every article written in one transaction.

An article is kept once: the same text (its id is the text's hash) is
"unchanged"; the same canonical URL, or a near-duplicate (wire copy with small
edits: MinHash over 5-word shingles, ``cable.dedup``), is linked to the stored
article as a "duplicate" in the ``duplicates`` table and not stored again.
Events carry a ``sort_date`` (their own date, else the article's) with an
index, so the newest-first lists stop early on a large store.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import datetime, timezone
from typing import Any

from .. import dedup
from ..errors import BadDate, StoreError
from ..records import Rejection, Result
from .base import WriteOutcome

SCHEMA_VERSION = 4

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, input TEXT, title TEXT, author TEXT, outlet TEXT, column_name TEXT,
    published TEXT, url TEXT, language TEXT, text TEXT NOT NULL, record TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    name TEXT NOT NULL, kind TEXT, country TEXT, sector TEXT, code TEXT, titles TEXT, mentions INTEGER,
    PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    plover TEXT, mode TEXT, cameo TEXT, quad_class INTEGER, goldstein REAL, status TEXT,
    location TEXT, location_country TEXT, date_text TEXT, date_start TEXT, date_end TEXT,
    trigger TEXT, sentence TEXT, confidence REAL, record TEXT NOT NULL, sort_date TEXT,
    PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS event_actors (
    article_id TEXT NOT NULL, event_id TEXT NOT NULL, actor_id TEXT NOT NULL, role TEXT NOT NULL,
    FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    text TEXT, kind TEXT, speaker TEXT, speaker_name TEXT, speaker_title TEXT, confidence REAL,
    record TEXT NOT NULL, PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS stances (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    holder TEXT, issue TEXT, polarity TEXT, record TEXT NOT NULL, PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS forecasts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    holder TEXT, holder_name TEXT, probability REAL, record TEXT NOT NULL, PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS outcomes (
    article_id TEXT NOT NULL, forecast_id TEXT NOT NULL, outcome INTEGER NOT NULL CHECK (outcome IN (0, 1)),
    resolved_on TEXT, note TEXT, recorded_at TEXT NOT NULL, PRIMARY KEY (article_id, forecast_id)
);
CREATE TABLE IF NOT EXISTS rejections (
    input TEXT PRIMARY KEY, stage TEXT, code TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, minhash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS signature_bands (
    band TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
);
CREATE TABLE IF NOT EXISTS duplicates (
    input TEXT NOT NULL, url TEXT, duplicate_of TEXT NOT NULL, kind TEXT NOT NULL, similarity REAL, at TEXT NOT NULL,
    PRIMARY KEY (input, duplicate_of)
);
CREATE INDEX IF NOT EXISTS articles_url ON articles (url);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (article_id, actor_id);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (article_id, event_id);
CREATE INDEX IF NOT EXISTS actors_name ON actors (name);
CREATE INDEX IF NOT EXISTS events_plover ON events (plover);
"""
LATER_INDEXES = """
CREATE TABLE IF NOT EXISTS actor_events (
    name TEXT NOT NULL, sort_date TEXT, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL, PRIMARY KEY (name, article_id, event_id)
);
CREATE INDEX IF NOT EXISTS actor_events_newest ON actor_events (name, sort_date DESC);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (title, text, content='articles', content_rowid='rowid');
CREATE INDEX IF NOT EXISTS events_sort ON events (sort_date DESC);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name);
CREATE INDEX IF NOT EXISTS event_actors_event_role ON event_actors (article_id, event_id, role);
"""


class SQLiteStore:
    def __init__(self, path: str):
        self.path = path
        try:
            # one connection per store object; a web request may open it in one thread and close it in another
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                self.db.execute("PRAGMA busy_timeout = 10000")
                self.db.execute("PRAGMA journal_mode = WAL")
            if self._version() != SCHEMA_VERSION:
                self._create()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open the SQLite store {path!r} ({e}); check the path, or give a new file") from None

    def _version(self) -> int | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError:  # a new file: no tables yet
            return None
        return int(row[0]) if row else None

    def _create(self) -> None:
        """Create the tables, or bring a store of an older schema up to date."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            old = self._version()
            for statement in DDL.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            columns = {r["name"] for r in self.db.execute("PRAGMA table_info(events)")}
            if "sort_date" not in columns:  # a schema 1 store
                self.db.execute("ALTER TABLE events ADD COLUMN sort_date TEXT")
            for statement in LATER_INDEXES.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            if old is not None and old < 2:  # schema 1 had no sort_date and no full-text index
                self.db.execute("UPDATE events SET sort_date = COALESCE(date_start, (SELECT published FROM articles a "
                                "WHERE a.id = events.article_id))")
                self.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
            if old is not None and old < 4:  # the per-actor event index came with schema 4
                self.db.execute("INSERT OR IGNORE INTO actor_events SELECT DISTINCT x.name, e.sort_date, e.article_id, "
                                "e.id FROM events e JOIN event_actors ea ON ea.article_id = e.article_id AND "
                                "ea.event_id = e.id JOIN actors x ON x.article_id = ea.article_id AND x.id = ea.actor_id")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    # -- writing -------------------------------------------------------------

    def write(self, result: Result, *, replace: bool = False, dedupe: bool = True) -> WriteOutcome:
        """Store one article and everything found in it, all or nothing. With ``dedupe``
        (the default) a near-duplicate or an article under a stored canonical URL is
        linked, not stored."""
        article = result.article
        record = result.to_json()
        try:
            self.db.execute("BEGIN IMMEDIATE")
            exists = self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
            if exists and not replace:
                self.db.execute("ROLLBACK")
                return WriteOutcome(article.id, "unchanged")
            signature = dedup.signature(article.text)
            original = None if exists or replace or not dedupe else self._duplicate_of(article, signature)
            if original is not None:
                kind, other, similarity = original
                self.db.execute("INSERT OR REPLACE INTO duplicates VALUES (?,?,?,?,?,?)",
                                (result.input or article.id, article.url, other, kind, similarity, _now()))
                self.db.execute("DELETE FROM rejections WHERE input = ?", (result.input,))
                self.db.execute("COMMIT")
                return WriteOutcome(other, "duplicate")
            if exists:
                self._delete(article.id)
            self._insert(result, record)
            self._sign(article.id, signature)
            self.db.execute("DELETE FROM rejections WHERE input = ?", (result.input,))
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        return WriteOutcome(article.id, "replaced" if exists else "stored")

    def _duplicate_of(self, article, signature: dedup.Signature) -> tuple[str, str, float] | None:
        """(kind, stored article id, similarity) when the article is stored already under
        its canonical URL or as a near-duplicate; None when it is new."""
        if article.url:
            row = self.db.execute("SELECT id FROM articles WHERE url = ? LIMIT 1", (article.url,)).fetchone()
            if row:
                return "url", row["id"], 1.0
        bands = signature.bands()
        marks = ",".join("?" * len(bands))
        candidates = self.db.execute(
            f"SELECT DISTINCT s.article_id, s.minhash FROM signature_bands b JOIN signatures s "
            f"ON s.article_id = b.article_id WHERE b.band IN ({marks})", bands).fetchall()
        likely = [r["article_id"] for r in candidates
                  if signature.similarity(dedup.Signature(tuple(json.loads(r["minhash"])))) >= dedup.CANDIDATE]
        for other in likely:  # the estimate picks candidates; the exact overlap decides
            text = self.db.execute("SELECT text FROM articles WHERE id = ?", (other,)).fetchone()["text"]
            similarity = dedup.jaccard(article.text, text)
            if similarity >= dedup.THRESHOLD:
                return "near", other, round(similarity, 3)
        return None

    def _sign(self, article_id: str, signature: dedup.Signature) -> None:
        self.db.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?)", (article_id, _dumps(list(signature.values))))
        self.db.executemany("INSERT OR IGNORE INTO signature_bands VALUES (?, ?)",
                            [(band, article_id) for band in signature.bands()])

    def duplicates(self) -> list[dict[str, Any]]:
        """Inputs not stored because their article already was: kind "url" or "near"."""
        return [dict(r) for r in self.db.execute("SELECT * FROM duplicates ORDER BY at, input")]

    def _delete(self, article_id: str) -> None:
        self.db.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text) SELECT 'delete', rowid, title, "
                        "text FROM articles WHERE id = ?", (article_id,))
        for table in ("signature_bands", "signatures", "actor_events"):
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        for table in ("event_actors", "events", "actors", "quotes", "stances", "forecasts", "articles"):
            column = "id" if table == "articles" else "article_id"
            self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (article_id,))

    def _insert(self, result: Result, record: dict[str, Any]) -> None:
        a = result.article
        aid = a.id
        self.db.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, result.input, a.title, a.author, a.outlet, a.column, a.published, a.url, a.language, a.text,
             _dumps(record), _now()),
        )
        self.db.execute("INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles "
                        "WHERE id = ?", (aid,))
        self.db.executemany(
            "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?)",
            [(aid, x.id, x.name, x.kind, x.country, x.sector, x.code,
              _dumps([dataclasses.asdict(t) for t in x.titles]), len(x.mentions)) for x in result.actors],
        )
        names = {x.id: x.name for x in result.actors}
        for e, ej in zip(result.events, record["events"]):
            loc, date = e.location, e.date
            self.db.execute(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (aid, e.id, e.plover, e.mode, e.cameo, e.quad_class, e.goldstein, e.status,
                 loc.name if loc else None, loc.country if loc else None,
                 date.text if date else None, date.start if date else None, date.end if date else None,
                 e.trigger.text, _dumps(ej["sentence"]), e.confidence, _dumps(ej),
                 (date.start if date else None) or a.published),
            )
            self.db.executemany(
                "INSERT INTO event_actors VALUES (?,?,?,?)",
                [(aid, e.id, x, "actor") for x in e.actors] + [(aid, e.id, x, "recipient") for x in e.recipients],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO actor_events VALUES (?,?,?,?)",
                [(names[x], (date.start if date else None) or a.published, aid, e.id)
                 for x in e.actors + e.recipients if x in names])
        self.db.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?)",
            [(aid, q.id, q.text, q.kind, q.speaker, q.speaker_name, q.speaker_title, q.confidence, _dumps(qj))
             for q, qj in zip(result.quotes, record["quotes"])],
        )
        self.db.executemany(
            "INSERT INTO stances VALUES (?,?,?,?,?,?)",
            [(aid, s.id, s.holder, s.issue, s.polarity, _dumps(sj)) for s, sj in zip(result.stances, record["stances"])],
        )
        self.db.executemany(
            "INSERT INTO forecasts VALUES (?,?,?,?,?,?)",
            [(aid, f.id, f.holder, f.holder_name, f.probability, _dumps(fj))
             for f, fj in zip(result.forecasts, record["forecasts"])],
        )

    def reject(self, rejection: Rejection) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO rejections VALUES (?,?,?,?,?)",
            (rejection.input, rejection.stage, rejection.code, rejection.message, _now()),
        )

    # -- reading -------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return json.loads(row["record"]) if row else None

    def counts(self) -> dict[str, int]:
        tables = ("articles", "actors", "events", "quotes", "stances", "forecasts", "rejections")
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def rejections(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM rejections ORDER BY input")]

    def search(self, q: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Articles whose title or text holds every word of ``q`` (full-text index), best first."""
        words = [w for w in q.replace('"', " ").split() if w][:12]
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        rows = self.db.execute(
            "SELECT a.id, a.title, a.published, a.url, substr(a.text, 1, 300) AS lead FROM articles_fts f "
            "JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit)).fetchall()
        return [dict(r) for r in rows]

    def events(self, *, actor: str | None = None, country: str | None = None, type: str | None = None,
               status: str | None = None, since: str | None = None, until: str | None = None,
               actor_name: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Events, newest first. ``actor`` matches a participant's name (substring) or code;
        ``actor_name`` a participant's exact name; ``country`` a participant's ISO3; ``type``
        a PLOVER type or a CAMEO code prefix."""
        since, until = _day(since, "since"), _day(until, "until")
        alone = not any((actor, country, type, status, since, until))  # the actor's newest events: from the index
        clause, args = _where(
            (actor_name, "(e.article_id, e.id) IN (SELECT article_id, event_id FROM actor_events WHERE name = ?"
                         + (" ORDER BY sort_date DESC LIMIT ?)" if alone else ")"),
             (actor_name, limit) if alone else (actor_name,)),
            (actor, _PARTICIPANT.format("(x.name LIKE ? OR x.code = ?)"), (f"%{actor}%", str(actor).upper())),
            (country, _PARTICIPANT.format("x.country = ?"), (str(country).upper(),)),
            (type, "(e.plover = ? OR e.cameo LIKE ?)", (str(type).upper(), f"{type}%")),
            (status, "e.status = ?", (status,)),
            (since, "COALESCE(e.date_end, e.date_start, a.published) >= ?", (since,)),
            (until, "COALESCE(e.date_start, e.date_end, a.published) <= ?", (until,)),
        )
        sql = ("SELECT e.article_id, e.record, a.title, a.published FROM events e JOIN articles a ON a.id = e.article_id"
               + clause
               + " ORDER BY e.sort_date DESC, e.article_id, CAST(substr(e.id, 2) AS INTEGER)"
               + " LIMIT ?")
        rows = self.db.execute(sql, (*args, limit)).fetchall()
        names = self._actor_names({r["article_id"] for r in rows})
        out = []
        for r in rows:
            ev = json.loads(r["record"])
            ev["article_id"], ev["article_title"], ev["published"] = r["article_id"], r["title"], r["published"]
            ev["actor_names"] = [names.get((r["article_id"], x), x) for x in ev["actors"]]
            ev["recipient_names"] = [names.get((r["article_id"], x), x) for x in ev["recipients"]]
            out.append(ev)
        return out

    def actors(self, *, name: str | None = None, country: str | None = None, kind: str | None = None,
               sector: str | None = None, exact: bool = False, limit: int = 100) -> list[dict[str, Any]]:
        """Actors merged across articles by (name, kind, country), most-mentioned first;
        ``name`` matches part of the name, or all of it with ``exact``."""
        where, args = [], []
        for column, value, op in (("name", name, "=" if exact else "LIKE"), ("country", country, "="),
                                  ("kind", kind, "="),
                                  ("sector", sector, "=")):
            if value:
                where.append(f"{column} {op} ?")
                args.append(f"%{value}%" if op == "LIKE" else (value.upper() if column in ("country", "sector") else value))
        sql = ("SELECT name, kind, country, max(sector) AS sector, max(code) AS code, count(DISTINCT article_id) AS articles,"
               " sum(mentions) AS mentions, group_concat(titles, '\x1f') AS titles FROM actors"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " GROUP BY name, kind, country ORDER BY mentions DESC, name LIMIT ?")
        out = []
        for r in self.db.execute(sql, (*args, limit)):
            row = dict(r)
            seen: dict[str, dict] = {}
            for chunk in (row.pop("titles") or "").split("\x1f"):
                for t in json.loads(chunk) if chunk else []:
                    seen.setdefault(t["title"], t)
            row["titles"] = list(seen.values())
            out.append(row)
        return out

    def quotes(self, *, speaker: str | None = None, country: str | None = None, contains: str | None = None,
               since: str | None = None, until: str | None = None, exact: bool = False,
               limit: int = 100) -> list[dict[str, Any]]:
        """Quotes, newest first; ``speaker`` matches part of the speaker's name, or all of it with ``exact``."""
        since, until = _day(since, "since"), _day(until, "until")
        clause, args = _where(
            (speaker, "q.speaker_name = ?" if exact else "q.speaker_name LIKE ?",
             (speaker if exact else f"%{speaker}%",)),
            (country, "x.country = ?", (str(country).upper(),)),
            (contains, "q.text LIKE ?", (f"%{contains}%",)),
            (since, "a.published >= ?", (since,)),
            (until, "a.published <= ?", (until,)),
        )
        sql = ("SELECT q.record, q.article_id, a.title, a.published, x.country FROM quotes q"
               " JOIN articles a ON a.id = q.article_id"
               " LEFT JOIN actors x ON x.article_id = q.article_id AND x.id = q.speaker"
               + clause
               + " ORDER BY a.published DESC, q.article_id, CAST(substr(q.id, 2) AS INTEGER) LIMIT ?")
        out = []
        for r in self.db.execute(sql, (*args, limit)):
            q = json.loads(r["record"])
            q.update(article_id=r["article_id"], article_title=r["title"], published=r["published"],
                     speaker_country=r["country"])
            out.append(q)
        return out

    def posts(self, name: str) -> list[dict[str, Any]]:
        """The titles an actor (exact name) is given, article by article, oldest first:
        {published, article_id, title, organization}."""
        rows = self.db.execute(
            "SELECT a.published, x.article_id, x.titles FROM actors x JOIN articles a ON a.id = x.article_id "
            "WHERE x.name = ? ORDER BY a.published, x.article_id", (name,)).fetchall()
        out = []
        for r in rows:
            for t in json.loads(r["titles"] or "[]"):
                out.append({"published": r["published"], "article_id": r["article_id"], "title": t["title"],
                            "organization": t.get("organization")})
        return out

    def stances(self, *, holder: str | None = None, issue: str | None = None, polarity: str | None = None,
                since: str | None = None, until: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Stances, newest article first, with the holder's name, kind, country
        and titles and the words of the article the stance rests on."""
        since, until = _day(since, "since"), _day(until, "until")
        clause, args = _where(
            (holder, "x.name LIKE ?", (f"%{holder}%",)),
            (issue, "s.issue LIKE ?", (f"%{issue}%",)),
            (polarity, "s.polarity = ?", (polarity,)),
            (since, "a.published >= ?", (since,)),
            (until, "a.published <= ?", (until,)),
        )
        sql = ("SELECT s.record, s.article_id, a.title, a.published, a.text, x.name, x.kind, x.country, x.titles"
               " FROM stances s JOIN articles a ON a.id = s.article_id"
               " LEFT JOIN actors x ON x.article_id = s.article_id AND x.id = s.holder"
               + clause
               + " ORDER BY a.published DESC, s.article_id, CAST(substr(s.id, 2) AS INTEGER) LIMIT ?")
        out = []
        for r in self.db.execute(sql, (*args, limit)):
            st = json.loads(r["record"])
            st.update(article_id=r["article_id"], article_title=r["title"], published=r["published"],
                      holder_name=r["name"], holder_kind=r["kind"], holder_country=r["country"],
                      holder_titles=json.loads(r["titles"]) if r["titles"] else [],
                      text=r["text"][st["start"]:st["end"]])
            out.append(st)
        return out

    def forecasts(self, *, holder: str | None = None, resolved: bool | None = None,
                  limit: int = 100) -> list[dict[str, Any]]:
        """Forecasts, newest article first, each with its key ("ARTICLE:f1") and
        outcome (1 happened, 0 did not, None not yet recorded)."""
        clause, args = _where(
            (holder, "f.holder_name LIKE ?", (f"%{holder}%",)),
            (resolved is not None, "o.outcome IS NOT NULL" if resolved else "o.outcome IS NULL", ()),
        )
        sql = ("SELECT f.record, f.article_id, a.title, a.published, o.outcome, o.resolved_on, o.note"
               " FROM forecasts f JOIN articles a ON a.id = f.article_id"
               " LEFT JOIN outcomes o ON o.article_id = f.article_id AND o.forecast_id = f.id"
               + clause
               + " ORDER BY a.published DESC, f.article_id, CAST(substr(f.id, 2) AS INTEGER) LIMIT ?")
        out = []
        for r in self.db.execute(sql, (*args, limit)):
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
        found = self.db.execute("SELECT 1 FROM forecasts WHERE article_id = ? AND id = ?",
                                (article_id, forecast_id)).fetchone()
        if not found:
            raise StoreError(f"no stored forecast {key!r}; keys look like ARTICLE_ID:f1 (see `cable forecasts`)")
        self.db.execute("INSERT OR REPLACE INTO outcomes VALUES (?,?,?,?,?,?)",
                        (article_id, forecast_id, outcome, resolved_on, note, _now()))
        return {"key": key, "outcome": outcome, "resolved_on": resolved_on, "note": note}

    def _actor_names(self, article_ids: set[str]) -> dict[tuple[str, str], str]:
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = self.db.execute(f"SELECT article_id, id, name FROM actors WHERE article_id IN ({marks})",
                               tuple(article_ids))
        return {(r["article_id"], r["id"]): r["name"] for r in rows}

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


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


def _where(*conditions: tuple[Any, str, tuple]) -> tuple[str, list[Any]]:
    """A WHERE clause from (value, sql, parameters) triples, keeping those whose value was given."""
    parts, args = [], []
    for value, sql, params in conditions:
        if value:
            parts.append(sql)
            args.extend(params)
    return (" WHERE " + " AND ".join(parts) if parts else ""), args


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
