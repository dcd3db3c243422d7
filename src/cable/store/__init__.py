"""Stores keep results and answer queries. SQLite is the embedded default.

    open_store("cable.db")            a SQLite file (created when missing)
    open_store("sqlite:///cable.db")  the same, as a URL
    open_store("memory:")             an in-memory SQLite database, for tests
"""

from __future__ import annotations

from .base import Store, WriteOutcome
from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "WriteOutcome", "open_store"]


def open_store(target: str) -> Store:
    if target in ("memory:", ":memory:"):
        return SQLiteStore(":memory:")
    if target.startswith("sqlite:///"):
        return SQLiteStore(target[len("sqlite:///"):])
    if "://" in target:
        from ..errors import StoreError

        scheme = target.split("://", 1)[0]
        raise StoreError(f"unknown store {scheme!r} in {target!r}; give a SQLite file path or sqlite:///PATH")
    return SQLiteStore(target)
