"""API tokens: created once, shown once, stored only as a SHA-256 hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import sqlite3

DDL = """CREATE TABLE IF NOT EXISTS api_tokens (
    hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL
)"""


def _connect(db: str) -> sqlite3.Connection:
    conn = sqlite3.connect(db.removeprefix("sqlite:///"), timeout=30)
    conn.execute(DDL)
    return conn


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(db: str, name: str) -> str:
    """A new token for ``name``; only its hash is kept, so it is shown this once."""
    token = "cbl_" + secrets.token_urlsafe(32)
    with _connect(db) as conn:
        conn.execute("INSERT INTO api_tokens VALUES (?, ?, ?)",
                     (digest(token), name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
    conn.close()
    return token


def check_token(db: str, token: str | None) -> str | None:
    """The name the token was created for, or None when it is not a valid token."""
    if not token:
        return None
    wanted = digest(token)
    conn = _connect(db)
    try:
        rows = conn.execute("SELECT hash, name FROM api_tokens").fetchall()
    finally:
        conn.close()
    for stored, name in rows:
        if hmac.compare_digest(stored, wanted):
            return name
    return None
