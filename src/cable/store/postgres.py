"""PostgreSQL store: the SQLite store's tables and queries on a server, for
shared deployments where several processes ingest into one database.

Each write is one transaction that first takes advisory locks on the
article's id, then on its URL and signature bands (``common.duplicate_keys``):
two processes writing the same article, or two near-duplicates, at once take
turns, and the second finds the first's copy. Text columns use the "C"
collation so that lists sort as on SQLite; the full-text index is a generated
``tsvector`` column (the "simple" configuration: lower-cased words, no
stemming) with a GIN index. ``actors.seq`` keeps the order actors were stored
in, the order SQLite merges an actor's titles in. Needs psycopg 3:
``pip install 'cable[postgres]'``.
"""

from __future__ import annotations

from typing import Any

from ..errors import StoreError
from .common import DYAD_BACKFILL, QUOTE_DATES, SQLStore, schema_5, search_words
from .connection import Connection, connect_postgres, shown

SCHEMA_VERSION = 7
T = 'TEXT COLLATE "C"'
F = "DOUBLE PRECISION"

DDL = f"""
CREATE TABLE IF NOT EXISTS meta (key {T} PRIMARY KEY, value {T});
CREATE TABLE IF NOT EXISTS articles (
    id {T} PRIMARY KEY, input {T}, title {T}, author {T}, outlet {T}, column_name {T},
    published {T}, url {T}, language {T}, text {T} NOT NULL, record {T} NOT NULL, ingested_at {T} NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
);
CREATE TABLE IF NOT EXISTS actors (
    article_id {T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id {T} NOT NULL,
    name {T} NOT NULL, kind {T}, country {T}, sector {T}, code {T}, titles {T}, mentions INTEGER,
    seq BIGINT GENERATED ALWAYS AS IDENTITY, PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS events (
    article_id {T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id {T} NOT NULL,
    plover {T}, mode {T}, cameo {T}, quad_class INTEGER, goldstein {F}, status {T},
    location {T}, location_country {T}, date_text {T}, date_start {T}, date_end {T},
    trigger {T}, sentence {T}, confidence {F}, record {T} NOT NULL, sort_date {T},
    PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS event_actors (
    article_id {T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE, event_id {T} NOT NULL,
    actor_id {T} NOT NULL, role {T} NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id {T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id {T} NOT NULL,
    text {T}, kind {T}, speaker {T}, speaker_name {T}, speaker_title {T}, confidence {F},
    record {T} NOT NULL, sort_date {T}, PRIMARY KEY (article_id, id)
);
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS sort_date {T};
CREATE TABLE IF NOT EXISTS stances (
    article_id {T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id {T} NOT NULL,
    holder {T}, issue {T}, polarity {T}, record {T} NOT NULL, issue_key {T}, PRIMARY KEY (article_id, id)
);
ALTER TABLE stances ADD COLUMN IF NOT EXISTS issue_key {T};
CREATE TABLE IF NOT EXISTS forecasts (
    article_id {T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id {T} NOT NULL,
    holder {T}, holder_name {T}, probability {F}, record {T} NOT NULL, PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS outcomes (
    article_id {T} NOT NULL, forecast_id {T} NOT NULL, outcome INTEGER NOT NULL CHECK (outcome IN (0, 1)),
    resolved_on {T}, note {T}, recorded_at {T} NOT NULL, PRIMARY KEY (article_id, forecast_id)
);
CREATE TABLE IF NOT EXISTS rejections (
    input {T} PRIMARY KEY, stage {T}, code {T} NOT NULL, message {T} NOT NULL, at {T} NOT NULL
);
CREATE TABLE IF NOT EXISTS signatures (
    article_id {T} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, minhash {T} NOT NULL
);
CREATE TABLE IF NOT EXISTS signature_bands (
    band {T} NOT NULL, article_id {T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
);
CREATE TABLE IF NOT EXISTS duplicates (
    input {T} NOT NULL, url {T}, duplicate_of {T} NOT NULL, kind {T} NOT NULL, similarity {F}, at {T} NOT NULL,
    PRIMARY KEY (input, duplicate_of)
);
CREATE TABLE IF NOT EXISTS actor_events (
    name {T} NOT NULL, sort_date {T}, article_id {T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id {T} NOT NULL, PRIMARY KEY (name, article_id, event_id)
);
CREATE INDEX IF NOT EXISTS articles_url ON articles (url);
CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN (search);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (article_id, actor_id);
CREATE INDEX IF NOT EXISTS event_actors_event_role ON event_actors (article_id, event_id, role);
CREATE INDEX IF NOT EXISTS events_plover ON events (plover);
CREATE INDEX IF NOT EXISTS events_sort ON events (sort_date DESC NULLS LAST);
CREATE INDEX IF NOT EXISTS actor_events_newest ON actor_events (name, sort_date DESC NULLS LAST);
CREATE INDEX IF NOT EXISTS actor_events_article ON actor_events (article_id);
CREATE INDEX IF NOT EXISTS signature_bands_article ON signature_bands (article_id);
""" + schema_5(text=T, real=F)


class PostgresStore(SQLStore):
    LIKE = "ILIKE ? ESCAPE ''"  # as SQLite's LIKE: no case, no escape character
    NULLS_LAST = " NULLS LAST"
    NULLS_FIRST = " NULLS FIRST"
    STORED_ORDER = "seq"  # the order rows were stored in, as SQLite's rowid gives it
    LOAD_CHUNK = 50  # write_many's advisory locks (17 an article) stay well inside the server's lock table

    def __init__(self, url: str):
        self.url = url
        self.db = connect_postgres(url)
        self.sql = Connection(self.db, "postgres")
        try:
            if self._version() != SCHEMA_VERSION:
                self._create()
        except Exception as e:
            self.db.close()
            raise StoreError(f"cannot use the PostgreSQL store {shown(url)} ({e}); the user needs the right to "
                             "create tables in that database") from None

    def _version(self) -> int | None:
        if self.sql.one("SELECT to_regclass('meta') AS meta")["meta"] is None:
            return None
        row = self.sql.one("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row["value"]) if row else None

    def _create(self) -> None:
        """Create the tables, once, however many processes open a new database at once."""
        with self.sql.transaction():
            self.sql.lock(["schema"])
            old = self._version()
            if old == SCHEMA_VERSION:
                return
            self.sql.script(DDL)
            if old is not None and old < 5:  # the country-pair index and issue keys came with schema 5
                self.sql.execute(DYAD_BACKFILL)
                self.sql.execute(QUOTE_DATES)
                self._key_issues()
            self.sql.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE "
                             "SET value = excluded.value", (str(SCHEMA_VERSION),))

    def search(self, q: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Articles whose title or text holds every word of ``q`` (full-text index), best first."""
        words = search_words(q)
        if not words:
            return []
        query = " && ".join(["phraseto_tsquery('simple', ?)"] * len(words))
        return self.sql.rows(
            "SELECT a.id, a.title, a.published, a.url, substr(a.text, 1, 300) AS lead FROM articles a, "
            f"(SELECT {query}) AS q (query) WHERE a.search @@ q.query "
            "ORDER BY ts_rank(a.search, q.query) DESC, a.id LIMIT ?",
            (*words, limit))
