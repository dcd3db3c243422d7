"""One connection to a SQLite file or a PostgreSQL server, with the same calls on both.

SQL is written once with ``?`` placeholders; rows come back as dicts. A store
target names the backend: ``postgresql://`` or ``postgres://`` is a PostgreSQL
server, anything else a SQLite file (``sqlite:///PATH`` or a plain path).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import StoreError

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
INSTALL = "pip install 'cable[postgres]'"
_PASSWORD = re.compile(r"(://[^:/@]+:)[^@/]*@")


def is_postgres(target: str) -> bool:
    return target.startswith(POSTGRES_SCHEMES)


def sqlite_path(target: str) -> str:
    """The file a SQLite target names (":memory:" for an in-memory one)."""
    if target in ("memory:", ":memory:"):
        return ":memory:"
    return target.removeprefix("sqlite:///")


def shown(url: str) -> str:
    """The URL with any password masked, for messages."""
    return _PASSWORD.sub(r"\1***@", url)


def connect_postgres(url: str):
    """A psycopg connection in autocommit mode (transactions are explicit), rows as dicts."""
    try:
        import psycopg
        from psycopg.rows import dict_row
    except ImportError:
        raise StoreError(f"a PostgreSQL store needs psycopg; install it with `{INSTALL}`") from None
    try:
        return psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
    except psycopg.Error as e:
        problem = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise StoreError(f"cannot connect to the PostgreSQL store {shown(url)} ({problem}); check that the server "
                         "is running and the URL is postgresql://USER[:PASSWORD]@HOST:PORT/DBNAME") from None


class Connection:
    """A SQLite or psycopg connection behind one small interface (``kind`` says which)."""

    def __init__(self, raw: Any, kind: str):
        self.raw, self.kind = raw, kind
        if kind == "sqlite":
            raw.row_factory = sqlite3.Row

    @classmethod
    def open(cls, target: str, *, timeout: float = 30) -> "Connection":
        """A connection to the store ``target``; a SQLite file is created when missing."""
        if is_postgres(target):
            return cls(connect_postgres(target), "postgres")
        path = sqlite_path(target)
        try:
            return cls(sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False), "sqlite")
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the SQLite database {path!r} ({e}); check the path") from None

    def _sql(self, sql: str, params: Sequence) -> str:
        if self.kind == "postgres" and params:
            return sql.replace("%", "%%").replace("?", "%s")
        return sql

    def execute(self, sql: str, params: Sequence = ()) -> None:
        if self.kind == "postgres":
            self.raw.execute(self._sql(sql, params), tuple(params) or None)
        else:
            self.raw.execute(sql, tuple(params))

    def many(self, sql: str, rows: Iterable[Sequence]) -> None:
        rows = list(rows)
        if not rows:
            return
        if self.kind == "postgres":
            with self.raw.cursor() as cur:
                cur.executemany(self._sql(sql, rows[0]), rows)
        else:
            self.raw.executemany(sql, rows)

    def rows(self, sql: str, params: Sequence = ()) -> list[dict[str, Any]]:
        if self.kind == "postgres":
            return self.raw.execute(self._sql(sql, params), tuple(params) or None).fetchall()
        return [dict(r) for r in self.raw.execute(sql, tuple(params))]

    def stream(self, sql: str, params: Sequence, size: int) -> Iterator[list[dict[str, Any]]]:
        """The rows of a query in lists of up to ``size``, read from the database as they are
        taken (PostgreSQL: a server-side cursor, in a transaction of its own); other queries may
        run on the connection between lists."""
        if self.kind == "postgres":
            with self.raw.transaction(), self.raw.cursor(name="cable_stream") as cursor:
                cursor.execute(self._sql(sql, params), tuple(params) or None)
                while rows := cursor.fetchmany(size):
                    yield rows
            return
        cursor = self.raw.execute(sql, tuple(params))
        try:
            while rows := cursor.fetchmany(size):
                yield [dict(r) for r in rows]
        finally:
            cursor.close()

    def one(self, sql: str, params: Sequence = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def script(self, ddl: str) -> None:
        """Run each statement of ``ddl`` (separated by semicolons)."""
        for statement in ddl.split(";"):
            if statement.strip():
                self.execute(statement)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; on SQLite the write lock is taken at the start."""
        if self.kind == "postgres":
            with self.raw.transaction():
                yield
            return
        self.raw.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.raw.in_transaction:
                self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("COMMIT")

    def lock(self, keys: Iterable[str]) -> None:
        """Inside a transaction, hold these keys until it ends, so that writers
        touching the same keys take turns (PostgreSQL advisory locks; SQLite has
        one writer at a time already). A call takes its keys in one fixed order."""
        if self.kind != "postgres":
            return
        numbers = sorted({_key_number(k) for k in keys})
        self.raw.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) WITH ORDINALITY AS u (k, n) "
                         "ORDER BY n", (numbers,))

    def close(self) -> None:
        self.raw.close()


def _key_number(key: str) -> int:
    """A signed 64-bit number for a lock key (a collision only makes two writers wait)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
