"""The batch job on Spark: slices of the inputs over tasks, Parquet tables out.

Each task reads its slices itself and runs ``process_many`` on them, the same
code the local runner runs, with the spaCy model loaded once per Python worker
(Spark reuses its workers, and ``load_nlp`` keeps the model). The rows are
cached once in the JVM (table, date, row as JSON) and written table by table, each partitioned by ``published_date``.

A rerun replaces: every table is written with dynamic partition overwrite, so
the date partitions a run produces replace the same partitions of the last
run (Spark stages the files and moves them into place when the job commits),
and partitions of other dates are kept. Rerunning the same input therefore
gives the same files' rows again, never duplicates.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections import Counter
from functools import partial

from ..errors import CableError
from ..settings import DEFAULTS, Settings
from .slices import plan_slices, process_slices
from .tables import PARTITION, TABLES, ddl, row_json


class SparkUnavailable(CableError):
    """PySpark or Java is missing."""


def active_session():
    """The Spark session already running in this process (a notebook's, a test's), if any."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        return None
    return SparkSession.getActiveSession()


def spark_session(master: str = "local[2]", app: str = "cable batch"):
    """A Spark session for ``master``; in local mode the workers run this Python.
    A session already running in this process is reused as it is."""
    try:
        from pyspark.errors import PySparkRuntimeError
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable("PySpark is not installed; install it with `pip install 'cable[spark]'`") from None
    if master.startswith("local") and not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise SparkUnavailable("Spark needs Java 17; install it (e.g. `apt-get install openjdk-17-jre-headless`) "
                               "or set JAVA_HOME")
    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
               .config("spark.python.worker.reuse", "true"))
    if master.startswith("local"):
        # the workers must be this interpreter (its packages, Cable among them), whatever PATH says
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        builder = (builder.config("spark.pyspark.python", sys.executable)
                   .config("spark.pyspark.driver.python", sys.executable))
    try:
        spark = builder.getOrCreate()
    except PySparkRuntimeError as e:  # the JVM did not start
        raise SparkUnavailable(f"Spark could not start ({e}); it needs Java 17 on PATH or in JAVA_HOME") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_batch(names: list[str], out: str, *, spark, date: str | None = None, settings: Settings = DEFAULTS,
              tasks: int | None = None) -> Counter[str]:
    """Process the inputs on ``spark`` and write the tables under ``out``
    (``out/articles``, ``out/events``, ...). Returns the rows written per table."""
    from pyspark import StorageLevel
    from pyspark.sql.functions import col, from_json

    sc = spark.sparkContext
    slices = plan_slices(names, tasks or 2 * sc.defaultParallelism)
    if not slices:
        return Counter()
    rows = (sc.parallelize(slices, len(slices))
            .mapPartitions(partial(process_slices, date=date, settings=settings))
            .map(lambda pair: (pair[0], pair[1][-1], row_json(*pair))))
    frame = spark.createDataFrame(rows, f"table STRING, {PARTITION} STRING, row STRING")
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        written = Counter(dict(frame.groupBy("table").count().collect()))
        for table in TABLES:
            (frame.where(col("table") == table)
             .select(from_json("row", ddl(table)).alias("r"), PARTITION).select("r.*", PARTITION)
             .write.mode("overwrite").option("partitionOverwriteMode", "dynamic")
             .partitionBy(PARTITION).parquet(os.path.join(out, table)))
    finally:
        frame.unpersist()
    return Counter({table: written.get(table, 0) for table in TABLES})
