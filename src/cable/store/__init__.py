"""Stores keep results and answer queries. SQLite is the embedded default;
PostgreSQL serves shared deployments (``pip install 'cable[postgres]'``).

    open_store("cable.db")                              a SQLite file (created when missing)
    open_store("sqlite:///cable.db")                    the same, as a URL
    open_store("memory:")                               an in-memory SQLite database, for tests
    open_store("postgresql://user@host:5432/cable")     a PostgreSQL database (postgres:// too)
"""

from __future__ import annotations

from .base import Store, WriteOutcome
from .connection import is_postgres, sqlite_path
from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "WriteOutcome", "open_store"]


def open_store(target: str) -> Store:
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(target)
    if "://" in target and not target.startswith("sqlite:///"):
        from ..errors import StoreError

        scheme = target.split("://", 1)[0]
        raise StoreError(f"unknown store {scheme!r} in {target!r}; give a SQLite file path, sqlite:///PATH "
                         "or postgresql://USER@HOST:PORT/DBNAME")
    return SQLiteStore(sqlite_path(target))
