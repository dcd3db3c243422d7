"""API tokens: created once, shown once, stored only as a SHA-256 hash, in the
store's database (a SQLite file or a PostgreSQL server)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from ..store.connection import Connection

DDL = """CREATE TABLE IF NOT EXISTS api_tokens (
    hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL
)"""


def _connect(db: str) -> Connection:
    conn = Connection.open(db)
    try:
        if conn.kind != "postgres" or conn.one("SELECT to_regclass('api_tokens') AS t")["t"] is None:
            conn.execute(DDL)
    except BaseException:
        conn.close()
        raise
    return conn


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(db: str, name: str) -> str:
    """A new token for ``name``; only its hash is kept, so it is shown this once."""
    token = "cbl_" + secrets.token_urlsafe(32)
    conn = _connect(db)
    try:
        conn.execute("INSERT INTO api_tokens VALUES (?, ?, ?)",
                     (digest(token), name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
    finally:
        conn.close()
    return token


def check_token(db: str, token: str | None) -> str | None:
    """The name the token was created for, or None when it is not a valid token."""
    if not token:
        return None
    wanted = digest(token)
    conn = _connect(db)
    try:
        rows = conn.rows("SELECT hash, name FROM api_tokens")
    finally:
        conn.close()
    for row in rows:
        if hmac.compare_digest(row["hash"], wanted):
            return row["name"]
    return None
