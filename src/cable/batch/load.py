"""Load a batch output folder into a store.

Each article goes to the store's ``write_many`` with the MinHash signature
``cable batch`` computed for it and, made straight from the tables' flat
columns, the rows it becomes in the store: nothing is parsed from JSON. The
tables are read a date partition at a time, in a thread of their own, while
the store writes what was read before. ``write_many`` gives the same rows,
duplicate links and outcomes as ``write`` one article after the other, in a
transaction per chunk of articles; loading the same folder twice stores each
article once. An output written before the signature and flat columns it needs
existed has its articles made from their full records instead (with their
signatures computed here). Reading needs pyarrow only, not Spark.
"""

from __future__ import annotations

import itertools
import json
import queue
import threading
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from .. import dedup
from ..errors import CableError
from ..records import Rejection
from ..store.base import Loadable
from ..store.common import _now, empty_rows, link_rows
from .tables import PARTITION

ARTICLE_COLUMNS = ["article_id", "input", "url", "text", "record"]
SIGNED = ["minhash", "bands"]
# the columns each table's rows in the store are made from, in the store's column order
FLAT = {
    "articles": ["article_id", "input", "title", "author", "outlet", "column", "published", "url", "language", "text",
                 "record", "minhash", "bands", "actors", "events", "quotes", "stances", "forecasts"],
    "actors": ["article_id", "id", "name", "kind", "country", "sector", "code", "titles", "mentions"],
    "events": ["article_id", "id", "plover", "mode", "cameo", "quad_class", "goldstein", "status", "location",
               "location_country", "date_text", "date_start", "date_end", "trigger", "sentence", "confidence", "record",
               "actors", "recipients"],
    "quotes": ["article_id", "id", "text", "kind", "speaker", "speaker_name", "speaker_title", "confidence", "record"],
    "stances": ["article_id", "id", "holder", "issue", "polarity", "record", "issue_key"],
    "forecasts": ["article_id", "id", "holder", "holder_name", "probability", "record"],
}
AHEAD = 2  # batches of articles read ahead of the store
BATCH_ARTICLES = 500  # articles a batch
BATCH = 65536  # rows a Parquet batch


def load_output(folder: str, store, *, replace: bool = False) -> Counter[str]:
    """Write the rejections, then the articles, of a ``cable batch`` output into
    ``store``; returns how many articles were stored, unchanged, replaced or
    linked as duplicates, and how many rejections were recorded."""
    root = Path(folder)
    if not (root / "articles").is_dir():
        raise CableError(f"{folder}: has no articles table; give the --out folder of `cable batch`")
    done: Counter[str] = Counter()
    for batch in table_batches(root / "rejections", ["input", "stage", "code", "message"]):
        for row in batch.to_pylist():
            store.reject(Rejection(row["input"], row["stage"], row["code"], row["message"]))
            done["rejected"] += 1
    # an article stored already is "unchanged" (unless replaced): its rows in the other tables need not be read
    stored = set() if replace else store.stored_ids(_column(root / "articles", "article_id"))
    for outcome in store.write_many(loadables(root, stored), replace=replace):
        done[outcome.status] += 1
    return done


def loadables(root: Path, stored: Collection[str] = ()) -> Iterator[Loadable]:
    """The articles of the output folder ``root`` as the store takes them, in the articles
    table's order; those in ``stored`` (ids stored already) come without their rows: the
    store makes them from the record, should it need them after all."""
    datasets = {table: _dataset(root / table) for table in FLAT}  # each folder looked through once
    if all(dataset is None or _holds(dataset, FLAT[table]) for table, dataset in datasets.items()):
        for batch in ahead(_batches(_partitions(datasets, stored)), AHEAD):
            yield from batch
        return
    articles = datasets["articles"]
    if articles is None:
        return
    signed = SIGNED if _holds(articles, SIGNED) else []
    for batch in articles.to_batches(columns=ARTICLE_COLUMNS + signed, batch_size=2048):
        columns = {name: batch.column(name).to_pylist() for name in batch.schema.names}
        if signed:
            yield from _unrowed(columns)
        else:
            records = [json.loads(record) for record in columns["record"]]
            signatures = dedup.signatures([record["article"]["text"] for record in records])
            yield from (Loadable.of_record(r, signature) for r, signature in zip(records, signatures))


def _unrowed(columns: dict[str, list]) -> list[Loadable]:
    """Articles from their ``ARTICLE_COLUMNS`` and ``SIGNED`` columns (by name), without rows."""
    return [Loadable(*row, minhash, tuple(json.loads(bands)))
            for *row, minhash, bands in zip(*(columns[name] for name in ARTICLE_COLUMNS + SIGNED))]


def _partitions(datasets: dict[str, Any], stored: Collection[str] = ()) -> Iterator[list[Loadable]]:
    """The articles of each date partition in turn, with their rows in the store's tables
    (but those in ``stored``: a partition of stored articles alone is read from the articles table)."""
    # the partitions in the folder's order
    places = {name: n for n, name in enumerate(dict.fromkeys(_folder(f) for f in datasets["articles"].get_fragments()))}
    children = {table: _Partitioned(_scan(datasets[table], FLAT[table]), places) for table in CHILDREN}
    for part, batches in itertools.groupby(_scan(datasets["articles"], FLAT["articles"]), key=lambda b: b[0]):
        columns = {"articles": _joined([_lists(batch) for _, batch in batches], len(FLAT["articles"]))}
        if stored and all(aid in stored for aid in columns["articles"][0]):
            yield _unrowed(dict(zip(FLAT["articles"], columns["articles"])))
            continue
        for table, scan in children.items():
            columns[table] = _joined(scan.take(part), len(FLAT[table]))
        yield list(_part_loadables(columns))


def _batches(parts: Iterator[list[Loadable]]) -> Iterator[list[Loadable]]:
    """The partitions' articles, in order, in lists of ``BATCH_ARTICLES`` or a few more."""
    batch: list[Loadable] = []
    for part in parts:
        batch += part
        if len(batch) >= BATCH_ARTICLES:
            yield batch
            batch = []
    if batch:
        yield batch


class _Partitioned:
    """One table's batches, handed out a partition at a time in the articles table's order
    (every table of an output lists its files in the same order: by path)."""

    def __init__(self, scan: Iterator[tuple[str, list[list]]], places: dict[str, int]):
        self.scan, self.places, self.next = scan, places, next(scan, None)

    def take(self, part: str) -> list[list[list]]:
        """The batches of partition ``part``, their columns as lists; those of earlier
        partitions (with no articles, or with stored articles alone) are passed over."""
        found = []
        while self.next is not None and self.places.get(self.next[0], -1) <= self.places[part]:
            if self.next[0] == part:
                found.append(_lists(self.next[1]))
            self.next = next(self.scan, None)
        return found


def _scan(dataset, names: list[str]) -> Iterator[tuple[str, Any]]:
    """(partition folder, record batch of the named columns) for each batch of a table
    (None: no files), in order."""
    if dataset is None:
        return
    # read on the calling thread: six scanners reading ahead on Arrow's threads held gigabytes of batches
    for tagged in dataset.scanner(columns=names, batch_size=BATCH, use_threads=False).scan_batches():
        if tagged.record_batch.num_rows:
            yield _folder(tagged.fragment), tagged.record_batch


def _folder(fragment) -> str:
    """The partition folder a file of a dataset lies in."""
    return Path(fragment.path).parent.name


def _lists(batch) -> list[list]:
    """A record batch's columns as lists."""
    return [column.to_pylist() for column in batch.columns]


def _column(path: Path, name: str) -> list:
    """One column of a table, as a list."""
    return [value for batch in table_batches(path, [name]) for value in batch.column(0).to_pylist()]


def _joined(batches: list[list[list]], width: int) -> list[list]:
    """Batches' columns, each joined into one list."""
    if len(batches) == 1:
        return batches[0]
    return [[v for batch in batches for v in batch[n]] for n in range(width)]


def _part_loadables(columns: dict[str, list[list]]) -> Iterator[Loadable]:
    """The articles of one partition, from each table's columns (``FLAT``). An article's
    rows in the other tables are the next as many as its row in the articles table counts
    (the same article may be there twice)."""
    children = {table: _by_article(zip(*columns[table])) for table in CHILDREN}
    taken: dict[tuple[str, str], int] = defaultdict(int)

    def take(table: str, aid: str, count: int) -> list[tuple]:
        start = taken[table, aid]
        found = children[table].get(aid, [])[start:start + count]
        if len(found) != count:
            raise CableError(f"article {aid} has {count} {table} in the articles table but {len(found)} in the "
                             f"{table} table; the output folder is incomplete: run `cable batch` for it again")
        taken[table, aid] = start + count
        return found

    now = _now()
    for (aid, input, title, author, outlet, column, published, url, language, text, record, minhash, bands,
         *counts) in zip(*columns["articles"]):
        actors, events, quotes, stances, forecasts = (take(t, aid, n) for t, n in zip(CHILDREN, counts))
        rows = empty_rows()
        rows["articles"].append((aid, input, title, author, outlet, column, published, url, language, text, record, now))
        rows["actors"] += actors
        rows["events"] += [(*e[:17], e[11] or published) for e in events]
        rows["quotes"] += [(*q, published) for q in quotes]
        rows["stances"] += stances
        rows["forecasts"] += forecasts
        link_rows(rows, [(e[17], e[18]) for e in events])
        yield Loadable(aid, input, url, text, record, minhash, tuple(json.loads(bands)), rows)


CHILDREN = ("actors", "events", "quotes", "stances", "forecasts")  # in the order of the articles table's counts


def _by_article(rows: Iterable[tuple]) -> dict[str, list[tuple]]:
    """Rows grouped by their first column, the article id, each group in order."""
    groups: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row)
    return groups


T = TypeVar("T")


def ahead(items: Iterator[T], size: int) -> Iterator[T]:
    """``items``, made in a thread of their own up to ``size`` ahead of their use (the
    reading of Parquet and much of SQLite's writing let each other run); an error in
    the making is raised here. Stopping early stops the thread."""
    made: queue.Queue = queue.Queue(size)
    stop = threading.Event()
    end = object()

    def put(item: object, error: BaseException | None = None) -> bool:
        """Hand on an item; False once the reader has stopped."""
        while not stop.is_set():
            try:
                made.put((item, error), timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def make() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(end)
        except BaseException as e:  # handed to the reader
            put(end, e)

    thread = threading.Thread(target=make, name="cable-load-read", daemon=True)
    thread.start()
    try:
        while True:
            item, error = made.get()
            if item is end:
                if error is not None:
                    raise error
                return
            yield item
    finally:
        stop.set()
        thread.join()


def table_batches(path: Path, columns: list[str], batch_size: int = 2048) -> Iterator:
    """The record batches of one Parquet table (a folder of date partitions)."""
    dataset = _dataset(path)
    if dataset is not None:
        yield from dataset.to_batches(columns=columns, batch_size=batch_size)


def table_rows(path: Path, columns: list[str], batch_size: int = 256) -> Iterator[dict]:
    """The rows of one Parquet table (a folder of date partitions), a batch at a time."""
    for batch in table_batches(path, columns, batch_size):
        yield from batch.to_pylist()


def _holds(dataset, names: list[str]) -> bool:
    """Whether a dataset has every one of these columns."""
    return all(name in dataset.schema.names for name in names)


def _dataset(path: Path):
    """The Parquet dataset under ``path``, partitioned by date; None when it holds no files."""
    try:
        import pyarrow as pa
        import pyarrow.dataset as ds
    except ImportError:
        raise CableError("reading Parquet needs pyarrow; install it with `pip install 'cable[parquet]'`") from None
    if not path.is_dir() or not any(path.rglob("*.parquet")):
        return None
    dates = ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
    dataset = ds.dataset(path, format="parquet", partitioning=dates)
    if any(pa.types.is_null(field.type) for field in dataset.schema):
        # the first file holds nothing but nulls in a column (Parquet written without a schema types it
        # null), and its types are the dataset's: take each column's type from the files that have one
        found = [dataset.schema] + [fragment.physical_schema for fragment in dataset.get_fragments()]
        dataset = ds.dataset(path, format="parquet", partitioning=dates,
                             schema=pa.unify_schemas(found, promote_options="permissive"))
    return dataset

