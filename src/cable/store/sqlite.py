"""SQLite store: one file, WAL journal, every article written in one transaction.

The writing, the duplicate checks and the queries are ``common.SQLStore``'s;
this module holds the schema, its upgrades, the FTS5 full-text index and the
bulk insert of ``write_many``: the records go into a temporary staging table,
parsed once by SQLite's JSON functions into their sections, and every table's
rows come from them by INSERT ... SELECT, in the order ``write`` would store
them, without a Python object per row. A load into an empty store builds its
indexes once, at the end of its single transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from ..errors import StoreError
from ..issues import issue_key
from .base import Loadable, WriteOutcome
from .common import DYAD_BACKFILL, QUOTE_DATES, SQLStore, _dumps, _now, schema_5, search_words
from .connection import Connection

SCHEMA_VERSION = 5

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
    record TEXT NOT NULL, sort_date TEXT, PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS stances (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    holder TEXT, issue TEXT, polarity TEXT, record TEXT NOT NULL, issue_key TEXT, PRIMARY KEY (article_id, id)
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
CREATE INDEX IF NOT EXISTS event_actors_event_role ON event_actors (article_id, event_id, role);
""" + schema_5(text="TEXT", real="REAL")

# write_many's staging tables: the records as they come (load_raw); each parsed once into the sections the
# tables need (load_stage); a section's elements one a row (load_items), whose fields SQLite then reads from
# one parse of each (its JSON parse cache holds for a column's value, not for json_each's)
STAGE = """
CREATE TEMP TABLE IF NOT EXISTS load_raw (seq INTEGER PRIMARY KEY, record TEXT, minhash TEXT, bands TEXT);
CREATE TEMP TABLE IF NOT EXISTS load_stage (
    seq INTEGER PRIMARY KEY, id TEXT, input TEXT, title TEXT, author TEXT, outlet TEXT, column_name TEXT,
    published TEXT, url TEXT, language TEXT, text TEXT, record TEXT, actors TEXT, events TEXT, quotes TEXT,
    stances TEXT, forecasts TEXT, minhash TEXT, bands TEXT
);
CREATE TEMP TABLE IF NOT EXISTS load_items (n INTEGER PRIMARY KEY, id TEXT, published TEXT, v TEXT);
CREATE TEMP TABLE IF NOT EXISTS load_roles (
    n INTEGER PRIMARY KEY, article_id TEXT, event_id TEXT, role TEXT, name TEXT, country TEXT
);
CREATE INDEX IF NOT EXISTS temp.load_roles_event ON load_roles (article_id, event_id, role)
"""
RAW_ROW = "INSERT INTO load_raw VALUES (?, ?, ?, ?)"
STAGE_ROWS = (
    "INSERT INTO load_stage SELECT seq, record->>'$.article.id', record->>'input', record->>'$.article.title', "
    "record->>'$.article.author', record->>'$.article.outlet', record->>'$.article.column', "
    "record->>'$.article.published', record->>'$.article.url', record->>'$.article.language', "
    "record->>'$.article.text', record, record->'actors', record->'events', record->'quotes', record->'stances', "
    "record->'forecasts', minhash, bands FROM load_raw ORDER BY seq",
    "DELETE FROM load_raw",
)


def _items(section: str) -> tuple[str, str]:
    """The statements that put the staged articles' ``section`` elements into load_items, in order."""
    return ("DELETE FROM load_items",
            f"INSERT INTO load_items (id, published, v) SELECT s.id, s.published, x.value FROM load_stage s, "
            f"json_each(s.{section}) x ORDER BY s.seq, x.key")


# each statement takes the new rows only: the staged articles, or rows after a rowid (the parameter)
ARTICLE_ROWS = (
    "INSERT INTO articles SELECT id, input, title, author, outlet, column_name, published, url, language, text, "
    "record, :now FROM load_stage ORDER BY seq")
FTS_ROWS = ("INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles "
            "WHERE rowid > :articles ORDER BY rowid")
RECORD_ROWS = (
    *_items("actors"),
    "INSERT INTO actors SELECT id, v->>'id', v->>'name', v->>'kind', v->>'country', v->>'sector', v->>'code', "
    "v->'titles', json_array_length(v, '$.mentions') FROM load_items ORDER BY n",
    *_items("events"),
    "INSERT INTO events SELECT id, v->>'id', v->>'plover', v->>'mode', v->>'cameo', v->>'quad_class', "
    "v->>'goldstein', v->>'status', v->>'$.location.name', v->>'$.location.country', v->>'$.date.text', "
    "v->>'$.date.start', v->>'$.date.end', v->>'$.trigger.text', v->'sentence', v->>'confidence', v, "
    "COALESCE(NULLIF(v->>'$.date.start', ''), published) FROM load_items ORDER BY n",
    "INSERT INTO event_actors SELECT e.article_id, e.id, r.value, CASE k.key WHEN 'actors' THEN 'actor' "
    "ELSE 'recipient' END FROM events e, json_each(e.record) k, json_each(k.value) r WHERE e.rowid > :events "
    "AND k.key IN ('actors', 'recipients') ORDER BY e.rowid, k.key = 'recipients', r.key",
    # the new events' participants with their countries, indexed for the pairs below
    "DELETE FROM load_roles",
    "INSERT INTO load_roles SELECT ea.rowid, ea.article_id, ea.event_id, ea.role, x.name, x.country "
    "FROM event_actors ea LEFT JOIN actors x ON x.article_id = ea.article_id AND x.id = ea.actor_id "
    "WHERE ea.rowid > :event_actors ORDER BY ea.rowid",
    "INSERT INTO actor_events SELECT r.name, e.sort_date, r.article_id, r.event_id FROM load_roles r "
    "JOIN events e ON e.article_id = r.article_id AND e.id = r.event_id WHERE r.name IS NOT NULL "
    "ORDER BY r.n ON CONFLICT DO NOTHING",
    "INSERT INTO event_dyads SELECT one, two, sort_date, article_id, event_id, goldstein, quad_class FROM ("
    "SELECT DISTINCT min(r1.country, r2.country) AS one, max(r1.country, r2.country) AS two, e.sort_date, "
    "e.article_id, e.id AS event_id, e.goldstein, e.quad_class, e.rowid AS n FROM events e "
    "JOIN load_roles r1 ON r1.article_id = e.article_id AND r1.event_id = e.id AND r1.role = 'actor' "
    "JOIN load_roles r2 ON r2.article_id = e.article_id AND r2.event_id = e.id "
    "WHERE e.rowid > :events AND r1.country IS NOT NULL AND r2.country IS NOT NULL AND r1.country <> r2.country "
    "AND (r2.role = 'recipient' OR NOT EXISTS (SELECT 1 FROM load_roles r3 WHERE r3.article_id = e.article_id "
    "AND r3.event_id = e.id AND r3.role = 'recipient'))) ORDER BY n, one, two",
    *_items("quotes"),
    "INSERT INTO quotes SELECT id, v->>'id', v->>'text', v->>'kind', v->>'speaker', v->>'speaker_name', "
    "v->>'speaker_title', v->>'confidence', v, published FROM load_items ORDER BY n",
    "INSERT INTO stances SELECT s.id, t.value->>'id', t.value->>'holder', t.value->>'issue', t.value->>'polarity', "
    "t.value, cable_issue_key(t.value->>'issue', x.country) FROM load_stage s CROSS JOIN json_each(s.stances) t "
    "LEFT JOIN actors x ON x.article_id = s.id AND x.id = t.value->>'holder' ORDER BY s.seq, t.key",
    "INSERT INTO forecasts SELECT s.id, f.value->>'id', f.value->>'holder', f.value->>'holder_name', "
    "f.value->>'probability', f.value FROM load_stage s, json_each(s.forecasts) f ORDER BY s.seq, f.key",
    "INSERT INTO signatures SELECT id, minhash FROM load_stage WHERE true ORDER BY seq "
    "ON CONFLICT (article_id) DO UPDATE SET minhash = excluded.minhash",
    "INSERT INTO signature_bands SELECT b.value, s.id FROM load_stage s, json_each(s.bands) b WHERE true "
    "ORDER BY s.seq, b.key ON CONFLICT DO NOTHING",
    "DELETE FROM load_stage",
)
# the staging reads JSON with ->> and ->, which SQLite has from 3.38; an older library takes the rows
# from Python (SQLStore._insert_many), with the same result
JSON_OPERATORS = sqlite3.sqlite_version_info >= (3, 38, 0)
# what a load into an empty store builds once at the end rather than row by row: every index but the
# ones its own checks read (the primary keys and articles_url)
KEPT_INDEXES = ("articles_url",)


class SQLiteStore(SQLStore):
    def __init__(self, path: str):
        self.path = path
        try:
            # one connection per store object; a web request may open it in one thread and close it in another
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.sql = Connection(self.db, "sqlite")
            self.db.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                self.db.execute("PRAGMA busy_timeout = 10000")
                self.db.execute("PRAGMA journal_mode = WAL")
                # commits survive the process being killed; a power cut may undo the last few, which a
                # rerun stores again (ingest is idempotent), and never corrupts the file
                self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.create_function("cable_issue_key", 2, issue_key, deterministic=True)
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
        with self.sql.transaction():
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            old = self._version()
            self.sql.script(DDL)
            columns = {r["name"] for r in self.db.execute("PRAGMA table_info(events)")}
            if "sort_date" not in columns:  # a schema 1 store
                self.db.execute("ALTER TABLE events ADD COLUMN sort_date TEXT")
            if "issue_key" not in {r["name"] for r in self.db.execute("PRAGMA table_info(stances)")}:
                self.db.execute("ALTER TABLE stances ADD COLUMN issue_key TEXT")  # schema 5
            if "sort_date" not in {r["name"] for r in self.db.execute("PRAGMA table_info(quotes)")}:
                self.db.execute("ALTER TABLE quotes ADD COLUMN sort_date TEXT")  # schema 5
            self.sql.script(LATER_INDEXES)
            if old is not None and old < 2:  # schema 1 had no sort_date and no full-text index
                self.db.execute("UPDATE events SET sort_date = COALESCE(date_start, (SELECT published FROM articles a "
                                "WHERE a.id = events.article_id))")
                self.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
            if old is not None and old < 4:  # the per-actor event index came with schema 4
                self.db.execute("INSERT OR IGNORE INTO actor_events SELECT DISTINCT x.name, e.sort_date, e.article_id, "
                                "e.id FROM events e JOIN event_actors ea ON ea.article_id = e.article_id AND "
                                "ea.event_id = e.id JOIN actors x ON x.article_id = ea.article_id AND x.id = ea.actor_id")
            if old is not None and old < 5:  # the country-pair index and issue keys came with schema 5
                self.db.execute(DYAD_BACKFILL)
                self.db.execute(QUOTE_DATES)
                self._key_issues()
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def _on_insert(self, article_id: str) -> None:
        self.db.execute("INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles "
                        "WHERE id = ?", (article_id,))

    def _on_delete(self, article_id: str) -> None:
        self.db.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text) SELECT 'delete', rowid, title, "
                        "text FROM articles WHERE id = ?", (article_id,))

    def write_many(self, items: Iterable[Loadable], *, replace: bool = False) -> Iterator[WriteOutcome]:
        """``SQLStore.write_many``, with a larger page cache and the staging tables in memory.
        Into a store without articles it is one transaction: the secondary indexes and the
        full-text index are dropped, and built again once all rows are in, before it commits
        (a crash leaves the store as it was, empty)."""
        self.db.execute("PRAGMA cache_size = -262144")  # 256 MiB: a chunk's index pages stay in memory
        self.db.execute("PRAGMA temp_store = MEMORY")
        self.sql.script(STAGE)
        if self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None:
            yield from super().write_many(items, replace=replace)
            return
        journal = self._journal_once()
        try:
            self.db.execute("BEGIN IMMEDIATE")
            if self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None:  # stored meanwhile
                self.db.execute("COMMIT")
                yield from super().write_many(items, replace=replace)
                return
            self._deferred = self._drop_indexes()
            yield from super().write_many(items, replace=replace)
            for statement in self._deferred:
                self.db.execute(statement)
            self.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        finally:
            self._deferred = None
            if journal:
                self.db.execute(f"PRAGMA journal_mode = {journal}")

    def _journal_once(self) -> str | None:
        """Use a rollback journal rather than the write-ahead log, when no other connection has the
        file open: a page new to the file is then written once, not to the log and again to the file,
        and a crash still rolls the transaction back. The mode to go back to, if it changed."""
        if self.path == ":memory:":
            return None
        wait = self.db.execute("PRAGMA busy_timeout").fetchone()[0]
        self.db.execute("PRAGMA busy_timeout = 0")
        try:
            changed = self.db.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
        except sqlite3.OperationalError:  # another connection has the file open: keep the log
            changed = False
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(wait)}")
        return "WAL" if changed else None

    _deferred: list[str] | None = None  # the indexes a load into an empty store builds at its end

    def _drop_indexes(self) -> list[str]:
        """Drop the secondary indexes but ``KEPT_INDEXES``; the statements that create them again."""
        found = self.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                "AND tbl_name <> 'articles_fts' ORDER BY name").fetchall()
        kept = [(name, sql) for name, sql in found if name not in KEPT_INDEXES]
        for name, _ in kept:
            self.db.execute(f"DROP INDEX {name}")
        return [sql for _, sql in kept]

    def _load_transaction(self) -> AbstractContextManager:
        return nullcontext() if self._deferred is not None else super()._load_transaction()

    def _insert_many(self, items: list[Loadable]) -> None:
        if not items:
            return
        if not JSON_OPERATORS:
            return super()._insert_many(items)
        after = {table: self.db.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
                 for table in ("articles", "events", "event_actors")}
        self.db.executemany(RAW_ROW, [(n, x.record, x.minhash, _dumps(list(x.bands))) for n, x in enumerate(items)])
        for statement in STAGE_ROWS:
            self.db.execute(statement)
        self.db.execute(ARTICLE_ROWS, {"now": _now()})
        if self._deferred is None:
            self.db.execute(FTS_ROWS, after)
        for statement in RECORD_ROWS:
            self.db.execute(statement, after)

    def search(self, q: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Articles whose title or text holds every word of ``q`` (full-text index), best first."""
        words = search_words(q)
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        return self.sql.rows(
            "SELECT a.id, a.title, a.published, a.url, substr(a.text, 1, 300) AS lead FROM articles_fts f "
            "JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))
