"""Load a batch output folder into a store.

Each article comes back from the full ``cable/1`` record its row keeps, with
the MinHash signature ``cable batch`` computed for it, and goes to the store's
``write_many``: the same rows, duplicate links and outcomes as ``write`` one
article after the other, in a transaction per chunk of articles. Loading the
same folder twice stores each article once. An output written before the
signature columns existed has its signatures computed here, and its records
rewritten compact. Reading needs pyarrow only, not Spark.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .. import dedup
from ..errors import CableError
from ..records import Rejection
from ..store.base import Loadable
from .tables import PARTITION

ARTICLE_COLUMNS = ["article_id", "input", "url", "text", "record"]
SIGNED = ["minhash", "bands"]


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
    for outcome in store.write_many(loadables(root / "articles"), replace=replace):
        done[outcome.status] += 1
    return done


def loadables(path: Path) -> Iterator[Loadable]:
    """The articles table's rows as the store takes them, in the table's order."""
    signed = SIGNED if _has_columns(path, SIGNED) else []
    for batch in table_batches(path, ARTICLE_COLUMNS + signed):
        columns = {name: batch.column(name).to_pylist() for name in batch.schema.names}
        rows = zip(*(columns[name] for name in ARTICLE_COLUMNS))
        if signed:
            bands = [tuple(json.loads(b)) for b in columns["bands"]]
            yield from (Loadable(*row, minhash, band) for row, minhash, band in zip(rows, columns["minhash"], bands))
        else:
            records = [json.loads(record) for record in columns["record"]]
            signatures = dedup.signatures([record["article"]["text"] for record in records])
            yield from (Loadable.of_record(r, signature) for r, signature in zip(records, signatures))


def table_batches(path: Path, columns: list[str], batch_size: int = 2048) -> Iterator:
    """The record batches of one Parquet table (a folder of date partitions)."""
    dataset = _dataset(path)
    if dataset is not None:
        yield from dataset.to_batches(columns=columns, batch_size=batch_size)


def table_rows(path: Path, columns: list[str], batch_size: int = 256) -> Iterator[dict]:
    """The rows of one Parquet table (a folder of date partitions), a batch at a time."""
    for batch in table_batches(path, columns, batch_size):
        yield from batch.to_pylist()


def _has_columns(path: Path, names: list[str]) -> bool:
    dataset = _dataset(path)
    return dataset is not None and all(name in dataset.schema.names for name in names)


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
    return ds.dataset(path, format="parquet", partitioning=dates)
