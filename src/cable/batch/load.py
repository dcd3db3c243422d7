"""Load a batch output folder into a store.

Each article comes back from the full ``cable/1`` record its row keeps and is
written with the store's ``write``, which is idempotent by article id: loading
the same folder twice stores each article once. Reading needs pyarrow only,
not Spark.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..errors import CableError
from ..records import Rejection
from ..records_json import result_from_json
from .tables import PARTITION


def load_output(folder: str, store, *, replace: bool = False) -> Counter[str]:
    """Write the rejections, then the articles, of a ``cable batch`` output into
    ``store``; returns how many articles were stored, unchanged or replaced, and
    how many rejections were recorded."""
    root = Path(folder)
    if not (root / "articles").is_dir():
        raise CableError(f"{folder}: has no articles table; give the --out folder of `cable batch`")
    done: Counter[str] = Counter()
    for row in table_rows(root / "rejections", ["input", "stage", "code", "message"]):
        store.reject(Rejection(row["input"], row["stage"], row["code"], row["message"]))
        done["rejected"] += 1
    for row in table_rows(root / "articles", ["record"]):
        done[store.write(result_from_json(json.loads(row["record"])), replace=replace).status] += 1
    return done


def table_rows(path: Path, columns: list[str], batch_size: int = 256) -> Iterator[dict]:
    """The rows of one Parquet table (a folder of date partitions), a batch at a time."""
    try:
        import pyarrow as pa
        import pyarrow.dataset as ds
    except ImportError:
        raise CableError("reading Parquet needs pyarrow; install it with `pip install 'cable[parquet]'`") from None
    if not path.is_dir() or not any(path.rglob("*.parquet")):
        return
    dates = ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
    dataset = ds.dataset(path, format="parquet", partitioning=dates)
    for batch in dataset.to_batches(columns=columns, batch_size=batch_size):
        yield from batch.to_pylist()
