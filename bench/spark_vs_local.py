"""Spark local[N] against the single-process runner on the same corpus, in one run.

    python bench/spark_vs_local.py [--articles 2000] [--master local[2]] [--shared ../shared]

Builds a JSONL corpus of N articles from the Wikinews corpus in ../shared
(CC BY 2.5; the bundled examples when it is absent), repeating articles with a
distinct closing line so that each copy is a new article. Then it times, with
start-up excluded on both sides (the model loaded; the JVM started and warmed
by a small job, and every Spark Python worker holding the model):

- single process: ``process_many`` over the documents;
- Spark: ``run_batch`` over the same file, Parquet tables written;

and prints both wall times and CPU times (the Python workers' and the JVM's,
sampled from /proc), their ratios (target: Spark local[2] within 1.5x of one
process), whether every article's record is identical, and peak memory. On a
shared machine the wall ratio follows the other tenants' load; the CPU ratio
is Spark's own overhead.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_rows(shared: Path) -> list[dict]:
    """Articles as ``{id, url, date, text}``: the Wikinews corpus, else the examples."""
    path = shared / "corpora/wikinews-2019-2020/articles.jsonl"
    if path.exists():
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        return [{"id": r["id"], "url": r["url"], "date": r["date"], "text": f"{r['title']}\n\n{r['text']}"}
                for r in rows if 500 < len(r["text"]) < 20_000]
    return [{"id": p.stem, "url": None, "date": None, "text": p.read_text(encoding="utf-8")}
            for p in sorted((ROOT / "examples").glob("*.txt"))]


def write_corpus(rows: list[dict], n: int, path: Path) -> None:
    """N articles: the rows in turn, each later copy with its own closing line."""
    with path.open("w", encoding="utf-8") as f:
        for k in range(n):
            row = dict(rows[k % len(rows)])
            copy = k // len(rows)
            if copy:
                row["id"] = f"{row['id']}#{copy}"
                row["text"] += f"\n\nThis report was filed again as copy number {copy}."
            f.write(json.dumps(row) + "\n")


def run_local(path: Path) -> tuple[float, float, dict[str, dict]]:
    """Wall and CPU seconds of ``process_many`` over the corpus, and its records."""
    from cable.parallel import document_items
    from cable.pipeline import process_many
    from cable.pipeline.nlp import load_nlp
    from cable.records import Result

    nlp = load_nlp()
    cpu, start = _cpu_self(), time.perf_counter()
    outcomes = list(process_many(document_items([str(path)]), nlp=nlp))
    seconds, cpu = time.perf_counter() - start, _cpu_self() - cpu
    return seconds, cpu, {r.article.id: r.to_json() for r in outcomes if isinstance(r, Result)}


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Workers(threading.Thread):
    """Samples, from /proc, the RSS and CPU time of every process whose command
    line holds ``mark`` (Spark's Python workers, or its JVM) while a job runs."""

    def __init__(self, mark: bytes):
        super().__init__(daemon=True)
        self.mark, self.rss, self.cpu = mark, {}, {}
        self.done = threading.Event()

    def run(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        while not self.done.wait(0.5):
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    if self.mark not in Path(f"/proc/{pid}/cmdline").read_bytes():
                        continue
                    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    rss = int(stat[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
                except (OSError, IndexError, ValueError):
                    continue
                self.rss[pid] = max(self.rss.get(pid, 0), rss)
                self.cpu[pid] = (int(stat[11]) + int(stat[12])) / tick

    def stop(self) -> None:
        self.done.set()
        self.join()


def warm_workers(spark, slots: int) -> None:
    """Load the model in every Spark Python worker."""

    def load(_):
        from cable.pipeline.nlp import load_nlp

        load_nlp()
        time.sleep(2)  # hold the slot, so each task lands on its own worker
        return [os.getpid()]

    spark.sparkContext.parallelize(range(slots), slots).mapPartitions(load).collect()


def run_spark(spark, path: Path, out: Path) -> tuple[float, float, float, dict[str, dict], list[int]]:
    """Wall seconds of ``run_batch``, the CPU seconds its Python workers and its
    JVM spent, its records, and the workers' peak RSS (KiB)."""
    from cable.batch.load import table_rows
    from cable.batch.spark import run_batch

    slots = spark.sparkContext.defaultParallelism
    warm_workers(spark, slots)
    sample = path.with_name("warm.jsonl")  # a first small job warms the JVM (its compiler, the writers)
    sample.write_text("".join(path.open(encoding="utf-8").readlines()[:slots]), encoding="utf-8")
    run_batch([str(sample)], str(out.with_name("warm")), spark=spark)
    python, jvm = Workers(b"pyspark.daemon"), Workers(b"org.apache.spark")
    python.start(), jvm.start()
    time.sleep(1)  # a first sample, so only the job's CPU counts
    python_before, jvm_before = dict(python.cpu), sum(jvm.cpu.values())
    start = time.perf_counter()
    run_batch([str(path)], str(out), spark=spark)
    seconds = time.perf_counter() - start
    time.sleep(1)
    python.stop(), jvm.stop()
    python_cpu = sum(cpu - python_before.get(pid, 0) for pid, cpu in python.cpu.items())
    records = {r["article_id"]: json.loads(r["record"]) for r in table_rows(out / "articles", ["article_id", "record"])}
    peaks = sorted((kib for kib in python.rss.values() if kib > 100 * 1024), reverse=True)  # not the idle daemon
    return seconds, python_cpu, sum(jvm.cpu.values()) - jvm_before, records, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    from cable.batch.spark import spark_session

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus_rows(args.shared), args.articles, path)
        words = sum(len(json.loads(line)["text"].split()) for line in path.open(encoding="utf-8"))
        print(f"corpus: {args.articles} articles, {words:,} words")
        load = os.getloadavg()[0]
        local_s, local_cpu, local = run_local(path)
        local_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"single process: {local_s:7.1f} s wall, {local_cpu:7.1f} s CPU ({len(local) / local_s:.2f} "
              f"articles/s), peak RSS {local_rss / 1024:.0f} MiB; load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
        spark = spark_session(args.master)
        try:
            load = os.getloadavg()[0]
            spark_s, python_cpu, jvm_cpu, records, peaks = run_spark(spark, path, Path(tmp) / "out")
        finally:
            spark.stop()
    same = records == local
    print(f"spark {args.master}: {spark_s:7.1f} s wall, {python_cpu:7.1f} s CPU in Python workers + {jvm_cpu:.1f} s "
          f"in the JVM ({len(records) / spark_s:.2f} articles/s), workers' peak RSS "
          f"{', '.join(f'{p / 1024:.0f}' for p in peaks)} MiB; load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
    print(f"spark / single: wall {spark_s / local_s:.2f} (target <= 1.5), "
          f"CPU {(python_cpu + jvm_cpu) / local_cpu:.2f}")
    print(f"outputs identical: {same} ({len(records)} vs {len(local)} articles"
          + ("" if same else f"; {sum(records.get(k) != v for k, v in local.items())} differ") + ")")


if __name__ == "__main__":
    main()
