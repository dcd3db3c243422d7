"""SQLite store: one file, WAL journal, every article written in one transaction.

The writing, the duplicate checks and the queries are ``common.SQLStore``'s;
this module holds the schema, its upgrades, the FTS5 full-text index and what
``write_many`` does its own way: many rows to an INSERT statement, and a load
into an empty store builds its indexes once, at the end of its single transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from ..errors import StoreError
from .base import Loadable, WriteOutcome
from .common import DYAD_BACKFILL, QUOTE_DATES, SQLStore, schema_5, search_words
from .connection import Connection

SCHEMA_VERSION = 7

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, input TEXT, title TEXT, author TEXT, outlet TEXT, column_name TEXT,
    published TEXT, url TEXT, language TEXT, text TEXT NOT NULL, record TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    name TEXT NOT NULL, kind TEXT, country TEXT, sector TEXT, code TEXT, titles TEXT, mentions INTEGER
);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    plover TEXT, mode TEXT, cameo TEXT, quad_class INTEGER, goldstein REAL, status TEXT,
    location TEXT, location_country TEXT, date_text TEXT, date_start TEXT, date_end TEXT,
    trigger TEXT, sentence TEXT, confidence REAL, record TEXT NOT NULL, sort_date TEXT
);
CREATE TABLE IF NOT EXISTS event_actors (
    article_id TEXT NOT NULL, event_id TEXT NOT NULL, actor_id TEXT NOT NULL, role TEXT NOT NULL,
    FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    text TEXT, kind TEXT, speaker TEXT, speaker_name TEXT, speaker_title TEXT, confidence REAL,
    record TEXT NOT NULL, sort_date TEXT
);
CREATE TABLE IF NOT EXISTS stances (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    holder TEXT, issue TEXT, polarity TEXT, record TEXT NOT NULL, issue_key TEXT
);
CREATE TABLE IF NOT EXISTS forecasts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    holder TEXT, holder_name TEXT, probability REAL, record TEXT NOT NULL
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
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS duplicates (
    input TEXT NOT NULL, url TEXT, duplicate_of TEXT NOT NULL, kind TEXT NOT NULL, similarity REAL, at TEXT NOT NULL,
    PRIMARY KEY (input, duplicate_of)
);
CREATE INDEX IF NOT EXISTS articles_url ON articles (url);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (article_id, actor_id);
CREATE INDEX IF NOT EXISTS events_plover ON events (plover);
"""
# (schema 7: every table with a foreign key to articles has an index that column leads, so that a replace,
# and the cascade of a deleted article, find its rows without reading the table whole)
LATER_INDEXES = """
CREATE TABLE IF NOT EXISTS actor_events (
    name TEXT NOT NULL, sort_date TEXT, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS actor_events_newest ON actor_events (name, sort_date DESC);
CREATE INDEX IF NOT EXISTS actor_events_article ON actor_events (article_id);
CREATE INDEX IF NOT EXISTS signature_bands_article ON signature_bands (article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (title, text, content='articles', content_rowid='rowid');
CREATE INDEX IF NOT EXISTS events_sort ON events (sort_date DESC);
CREATE INDEX IF NOT EXISTS event_actors_event_role ON event_actors (article_id, event_id, role);
DROP INDEX IF EXISTS event_actors_event;
""" + schema_5(text="TEXT", real="REAL", keyed=False)
# the unique keys of the tables with many rows an article: indexes of their own rather than primary keys,
# which cannot be dropped, so that a load into an empty store builds them once, at its end (a store made
# before schema 6 keeps the primary keys its tables were made with, and gets no second index)
KEYS = {"actors": "article_id, id", "events": "article_id, id", "quotes": "article_id, id",
        "stances": "article_id, id", "forecasts": "article_id, id", "actor_events": "name, article_id, event_id",
        "event_dyads": "one, two, article_id, event_id"}

# how many rows one INSERT of write_many takes: a statement per row costs more than its rows
ROWS_A_STATEMENT = 64
FTS_ROW = "INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles WHERE id = ?"
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
            for table, columns in KEYS.items():
                if not any(r["origin"] == "pk" for r in self.db.execute(f"PRAGMA index_list({table})")):
                    self.db.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS {table}_key ON {table} ({columns})")
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
        self.db.execute(FTS_ROW, (article_id,))

    def _on_delete(self, article_id: str) -> None:
        self.db.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text) SELECT 'delete', rowid, title, "
                        "text FROM articles WHERE id = ?", (article_id,))

    def write_many(self, items: Iterable[Loadable], *, replace: bool = False) -> Iterator[WriteOutcome]:
        """``SQLStore.write_many``, with a larger page cache while it runs. Into a store
        without articles it is one transaction: the secondary indexes and the full-text
        index are dropped, and built again once all rows are in, before it commits (a
        crash leaves the store as it was, empty)."""
        cache = self.db.execute("PRAGMA cache_size").fetchone()[0]
        self.db.execute("PRAGMA cache_size = -262144")  # 256 MiB: a chunk's index pages stay in memory
        try:
            yield from self._write_many(items, replace)
        finally:
            self.db.execute(f"PRAGMA cache_size = {int(cache)}")

    def _write_many(self, items: Iterable[Loadable], replace: bool) -> Iterator[WriteOutcome]:
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

    def _variables(self) -> int:
        """How many parameters a statement may have (999 in SQLite before 3.32)."""
        if hasattr(self.db, "getlimit"):  # Python 3.11
            return self.db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        return 999 if sqlite3.sqlite_version_info < (3, 32) else 32766

    def _on_insert_many(self, article_ids: list[str]) -> None:
        if self._deferred is None:  # else the full-text index is built at the end
            self.db.executemany(FTS_ROW, [(x,) for x in article_ids])

    def _insert_values(self, table: str, rows: list[tuple], suffix: str = "") -> None:
        """Many rows a statement: ``INSERT ... VALUES (...), (...), ...``."""
        if len(rows) < 2:
            return super()._insert_values(table, rows, suffix)
        one = f"({','.join('?' * len(rows[0]))})"
        size = max(1, min(ROWS_A_STATEMENT, self._variables() // len(rows[0])))
        whole = len(rows) - len(rows) % size
        if whole:
            self.db.executemany(f"INSERT INTO {table} VALUES {','.join([one] * size)}{suffix}",
                                [[v for row in rows[n:n + size] for v in row] for n in range(0, whole, size)])
        if whole < len(rows):
            self.db.execute(f"INSERT INTO {table} VALUES {','.join([one] * (len(rows) - whole))}{suffix}",
                            [v for row in rows[whole:] for v in row])

    def search(self, q: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Articles whose title or text holds every word of ``q`` (full-text index), best first."""
        words = search_words(q)
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        return self.sql.rows(
            "SELECT a.id, a.title, a.published, a.url, substr(a.text, 1, 300) AS lead FROM articles_fts f "
            "JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))
