"""Ingest on one machine with several processes.

The parent reads the inputs and hands their documents, in the chunks the
local runner takes at once, to a pool of worker processes; each worker loads
the spaCy model once and runs ``process_many`` on its chunks, the code the
single-process runner runs, and sends the records back. Only the parent writes
to the store, so SQLite sees one writer. Outcomes come back in input order,
and a chunk is parsed exactly as the single-process runner parses it, so the
records are the same whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path

from .errors import CableError
from .records import Rejection, Result, Skipped
from .settings import DEFAULTS, Settings
from .sources import Limits, iter_documents
from .store.connection import Connection, is_postgres, sqlite_path

_worker: dict = {}  # in each worker process: the model, the settings and the stored-article check


def document_items(names: list[str], settings: Settings = DEFAULTS) -> Iterator[tuple | Rejection]:
    """Each document of each input as a ``(text, input, url, date)`` item, or the
    reason it could not be read."""
    limits = Limits(settings.max_bytes, settings.fetch_timeout, settings.allow_private_urls)
    for name in names:
        for doc in iter_documents(name, limits):
            yield doc if isinstance(doc, Rejection) else (doc.text, doc.input, doc.url, doc.date)


def process_parallel(names: list[str], *, workers: int, date: str | None = None, settings: Settings = DEFAULTS,
                     skip_db: str | None = None) -> Iterator[Result | Rejection | Skipped]:
    """``process_many`` over the inputs' documents with ``workers`` processes: one
    outcome per document, in input order. ``skip_db``, a store (as ``--db``
    names it), gives a ``Skipped`` for each article already in it, as
    ``process_many``'s ``skip`` does."""
    from .pipeline import process_many

    items = document_items(names, settings)
    if workers <= 1:
        skip = StoredArticles(skip_db) if skip_db else None
        yield from process_many(items, date=date, settings=settings, skip=skip)
        return
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(settings, skip_db))
    pending: deque[Future] = deque()
    try:
        for chunk in chunks(items, settings.batch_size * 2):
            pending.append(pool.submit(_process_chunk, chunk, date))
            while len(pending) > 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool as e:
        raise CableError(f"a worker process died ({e}); if memory ran out, run with fewer --workers") from None
    finally:
        pool.shutdown(cancel_futures=True)


def ingest_parallel(names: list[str], db: str, *, workers: int, date: str | None = None,
                    settings: Settings = DEFAULTS, replace: bool = False) -> Counter[str]:
    """Process the inputs with ``workers`` processes and write the results to the
    store ``db`` from this process. Returns how many articles were stored,
    unchanged or replaced, and how many documents were rejected."""
    from .store import open_store

    done: Counter[str] = Counter()
    with open_store(db) as store:
        skip_db = None if replace else db
        for out in process_parallel(names, workers=workers, date=date, settings=settings, skip_db=skip_db):
            if isinstance(out, Rejection):
                store.reject(out)
                done["rejected"] += 1
            elif isinstance(out, Skipped):
                done["unchanged"] += 1
            else:
                done[store.write(out, replace=replace).status] += 1
    return done


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class StoredArticles:
    """Whether an article is in a store (as ``--db`` names it): a SQLite file asked over
    a read-only connection, a PostgreSQL server over its own connection (a worker
    only reads; the parent writes)."""

    def __init__(self, target: str):
        self.target = target
        self._db = None

    def __call__(self, article_id: str) -> bool:
        if self._db is None:
            self._db = self._connect()
            if self._db is None:
                return False
        return self._db.one("SELECT 1 AS x FROM articles WHERE id = ?", (article_id,)) is not None

    def _connect(self) -> Connection | None:
        """A connection once the store has its articles table; None before."""
        if is_postgres(self.target):
            db, ask = Connection.open(self.target), "SELECT to_regclass('articles') IS NOT NULL AS x"
        else:
            path = Path(sqlite_path(self.target))
            if str(path) == ":memory:" or not path.exists():
                return None
            db = Connection(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True), "sqlite")
            ask = "SELECT count(*) AS x FROM sqlite_master WHERE type = 'table' AND name = 'articles'"
        if db.one(ask)["x"]:
            return db
        db.close()
        return None


def _start_worker(settings: Settings, skip_db: str | None) -> None:
    from .pipeline.nlp import load_nlp

    _worker.update(nlp=load_nlp(settings.spacy_model), settings=settings,
                   skip=StoredArticles(skip_db) if skip_db else None)


def _process_chunk(chunk: list, date: str | None) -> list[Result | Rejection | Skipped]:
    from .pipeline import process_many

    return list(process_many(chunk, date=date, nlp=_worker["nlp"], settings=_worker["settings"],
                             skip=_worker["skip"]))
