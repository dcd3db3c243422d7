"""Commands for batch mode: `cable batch` (Spark, Parquet out) and `cable load` (Parquet into a store)."""

from __future__ import annotations

import sys
import time

import click

from .cli_common import check_date as _check_date
from .cli_common import db_option
from .errors import CableError
from .settings import Settings

@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Folder for the Parquet tables (articles, actors, events, quotes, stances, forecasts, rejections).")
@click.option("--master", default="local[2]", show_default=True,
              help="Spark master: local[N], local[*], spark://HOST:7077, yarn...")
@click.option("--date", callback=_check_date, help="Publication date (YYYY-MM-DD) for articles that give none.")
@click.option("--tasks", type=click.IntRange(min=1), help="Split the inputs into about this many tasks "
              "(default: twice the cluster's cores).")
def batch(inputs, out, master, date, tasks):
    """Process many inputs on Spark and write Parquet tables partitioned by publication date.

    INPUTS are files or directories (walked like `cable ingest`): pages, JSONL
    dumps, feeds and WARC/ARC archives, also .gz; every Spark worker must be
    able to read them. Each task loads the spaCy model once and runs the same
    pipeline as `cable ingest`. Each table is partitioned by published_date
    (articles without a date go to published_date=__HIVE_DEFAULT_PARTITION__),
    and the articles table keeps each article's full cable/1 record.

    A rerun replaces the date partitions it writes and keeps the others, so
    running the same input twice gives the same rows, never duplicates.
    Needs `pip install 'cable[spark]'` and Java 17.

    Example:

    \b
        cable batch crawl/*.warc.gz --out tables/ --master local[4]
        cable load tables/ --db news.db
    """
    from .batch.spark import active_session, run_batch, spark_session
    from .sources import expand_inputs

    names = expand_inputs(list(inputs))
    if "-" in names:
        raise click.UsageError("batch mode reads files, not standard input; save it to a file first")
    owned = active_session() is None  # a session this process already runs is left running
    try:
        spark = spark_session(master)
    except CableError as e:
        raise click.ClickException(str(e)) from None
    try:
        started = time.perf_counter()
        written = run_batch(names, out, spark=spark, date=date, settings=Settings.load(), tasks=tasks)
    finally:
        if owned:
            spark.stop()
    rows = ", ".join(f"{n} {table}" for table, n in written.items())
    click.echo(f"{len(names)} inputs in {time.perf_counter() - started:.1f}s: {rows or 'nothing'} -> {out}")


@click.command("load")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@db_option
@click.option("--replace", is_flag=True, help="Replace articles already stored with the folder's records.")
def load(folder, db, replace):
    """Load the Parquet tables `cable batch` wrote into a store.

    Idempotent: an article already stored is left as it is (use --replace to
    overwrite it), so loading a folder twice stores each article once.
    Near-duplicates and articles under a stored URL are linked, as `cable ingest`
    links them. Rejections are recorded with their reasons. Articles go in
    bulk, a transaction per 2,000 (a crash keeps whole articles only); into an
    empty SQLite store the load is one transaction that builds the indexes at
    its end, and other writers wait for it.

    Example:

    \b
        cable load tables/ --db news.db
    """
    from .batch.load import load_output
    from .store import open_store

    try:
        with open_store(db) as store:
            done = load_output(folder, store, replace=replace)
            totals = store.counts()
    except CableError as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(2)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(done.items())) or "nothing to load"
    click.echo(f"{folder}: {summary}")
    click.echo(f"{db}: {totals['articles']} articles, {totals['events']} events, {totals['quotes']} quotes, "
               f"{totals['rejections']} rejections")


BATCH_COMMANDS = [batch, load]
