"""`cable load` of a million events into a fresh SQLite store, beside the floor.

Builds once, under ``bench/.load-1m/``, a `cable batch` output folder of at least
``--events`` events: the pipeline's results for the bundled examples (or, with
``--base corpus``, for the Wikinews corpus in ../shared), each copied under new
article ids, inputs, URLs and publication dates a week apart over ten years
(event dates moved with them), with half the words of each copy's text outside
the actor mentions and triggers replaced by other words of the same length (so
offsets hold and no copy is an exact or near duplicate of another), written
with the rows ``cable.batch.tables`` gives, to Parquet partitioned by date.

Then, in one run: times ``cable load DIR --db FILE`` (a process of its own) into a
fresh file, with its peak memory, and again into the loaded file (every article
unchanged); the floor, every row the load stored inserted again with plain
``executemany`` into bare tables (the store's tables as created: no index but the
primary keys of articles, signatures and band keys; no full-text index, no checks),
one transaction per table; the copy floor, the same rows copied by SQLite itself
(``INSERT INTO t SELECT * FROM loaded.t``: no Python a row) into a fresh store,
whose indexes and full-text index are then built, in one transaction, as the load
does: what no loader going through SQLite can beat on this machine and schema;
``store.write`` article by article on a sample; and the sample's articles
replaced, one by one, in the loaded store.

With ``--more N``, a second folder of N events (copies with other ids and other
words, over the same ten years) is loaded last into the loaded store: a day's
output into a store that holds years.

With ``--postgres``, the same folder is also loaded into a throwaway PostgreSQL
server on 127.0.0.1, started and stopped as the tests do (``tests/pg.py``).

    python bench/load_speed.py [--events 1000000] [--base examples|corpus] [--sample 300] [--more 100000]
                               [--postgres]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".load-1m"
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews-2019-2020" / "articles.jsonl"
WORD = re.compile(r"\w+")
START = dt.date(2011, 1, 3)
WEEKS = 520
ROUND = 4000  # articles written per round of Parquet files


def base_records(base: str) -> list[dict]:
    """The pipeline's results (``cable/1`` objects) for the base articles, cached."""
    path = CACHE / f"base-{base}.jsonl"
    if not path.exists():
        from cable.batch.slices import Slice, slice_items
        from cable.pipeline import process, process_many
        from cable.records import Result

        if base == "corpus":
            results = [r for r in process_many(slice_items(Slice(str(CORPUS)))) if isinstance(r, Result)]
        else:
            results = [process(p.read_text(encoding="utf-8"), input=p.name)
                       for p in sorted((ROOT / "examples").glob("wikinews-*"))]
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in results), "utf-8")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


class Copier:
    """Copies of one base record: new id, input, URL, dates and words, spans kept true to the text."""

    def __init__(self, record: dict, vocabulary: dict[int, list[str]]):
        self.record, self.vocabulary = record, vocabulary
        self.text = record["article"]["text"]
        self.spans = [d for d in _dicts(record) if isinstance(d.get("text"), str)
                      and _offsets(d) and self.text[slice(*_offsets(d))] == d["text"]]
        kept = [_offsets(d) for d in _dicts(record["actors"]) if _offsets(d)]
        kept += [(e["trigger"]["start"], e["trigger"]["end"]) for e in record["events"]]
        self.words = [(m.start(), m.end()) for m in WORD.finditer(self.text)
                      if not any(s < m.end() and m.start() < e for s, e in kept)]
        self.dates = [(e["date"], e["date"].get(k), k) for e in record["events"] if e["date"]
                      for k in ("start", "end")]
        self.published = record["article"]["published"]

    def copy(self, n: int, day: dt.date, rng: random.Random) -> dict:
        """The record in place, as copy ``n`` published on ``day`` (valid until the next call)."""
        pieces, at = [], 0
        for start, end in self.words:
            if rng.random() < 0.5:
                choices = self.vocabulary.get(end - start)
                pieces += [self.text[at:start], rng.choice(choices) if choices else self.text[start:end]]
                at = end
        text = "".join(pieces) + self.text[at:]
        r, a = self.record, self.record["article"]
        for d in self.spans:
            d["text"] = text[slice(*_offsets(d))]
        shift = (day - dt.date.fromisoformat(self.published[:10])) if self.published else dt.timedelta(0)
        for holder, value, key in self.dates:
            holder[key] = _shifted(value, shift)
        a["text"], a["published"] = text, day.isoformat()
        a["id"] = f"{n:016x}"
        a["url"] = f"https://copies.example.org/{n}/{a['id']}"
        r["input"] = f"copy-{n}.txt"
        return r


def build(folder: Path, events: int, base: str, first: int = 0, seed: int = 20240101) -> int:
    """Write the copies' tables under ``folder``, copies ``first`` on (their ids, inputs
    and URLs), their words drawn with ``seed``; the number of events written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from cable import dedup
    from cable.batch.tables import COLUMNS, PARTITION, record_rows

    records = base_records(base)
    vocabulary: dict[int, list[str]] = defaultdict(list)
    for word in sorted({w for r in records for w in WORD.findall(r["article"]["text"])}):
        vocabulary[len(word)].append(word)
    copiers = [Copier(r, vocabulary) for r in records]
    per_round = sum(len(r["events"]) for r in records)
    total = -(-events // per_round) * len(records)  # articles
    rng, written, n, part = random.Random(seed), 0, 0, 0
    while n < total:
        rows: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        batch = []
        while n < total and len(batch) < ROUND:
            copier = copiers[n % len(copiers)]
            record = copier.copy(first + n, START + dt.timedelta(weeks=n * WEEKS // total), rng)
            batch.append(json.dumps(record, ensure_ascii=False))
            written += len(record["events"])
            n += 1
        records_now = [json.loads(b) for b in batch]
        for record, signature in zip(records_now, dedup.signatures([r["article"]["text"] for r in records_now])):
            for table, row in record_rows(record, signature):
                rows[table, row[-1]].append(row)
        for (table, day), items in rows.items():
            names = [name for name, _ in COLUMNS[table]]
            target = folder / table / f"{PARTITION}={day}"
            target.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.table({name: [row[i] for row in items] for i, name in enumerate(names)}),
                           target / f"part-{part:05d}.parquet")
        part += 1
        print(f"  {n:,} of {total:,} articles", file=sys.stderr, flush=True)
    return written


def cable_load(folder: Path, db: Path) -> tuple[float, str, float]:
    """Seconds ``cable load`` took in a process of its own, what it printed, and the
    peak resident memory (MiB) of every process this one has waited for so far."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cable", "load", str(folder), "--db", str(db)],
                          capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    return seconds, done.stdout.strip(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def postgres_load(folder: Path) -> float | None:
    """Seconds ``cable load`` took into a throwaway PostgreSQL server; None without one."""
    sys.path.insert(0, str(ROOT / "tests"))
    import pg

    bin_dir = pg._bin_dir()
    if bin_dir is None:
        print("no initdb/pg_ctl found: the PostgreSQL load is left out", file=sys.stderr)
        return None
    place = Path(tempfile.mkdtemp(prefix="cable-pg-"))
    url, stop = pg._start(bin_dir, place)
    try:
        return cable_load(folder, url)[0]
    finally:
        subprocess.run(stop, capture_output=True, timeout=60, **pg._as_user())
        shutil.rmtree(place, ignore_errors=True)


def floor(source: Path, target: Path) -> tuple[float, int]:
    """Seconds to insert every row of ``source``'s tables into bare tables with executemany; rows."""
    from cable.store.sqlite import DDL, LATER_INDEXES

    _remove(target)
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA cache_size = -262144")
    for statement in (DDL + LATER_INDEXES).split(";"):
        if "CREATE TABLE" in statement:
            db.execute(statement)
    src = sqlite3.connect(source)
    tables = [r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                        "'articles_fts%' AND name NOT IN ('meta', 'sqlite_stat1')")]
    seconds, count = 0.0, 0
    for table in tables:
        plain = "WITHOUT ROWID" not in src.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        rows = src.execute(f"SELECT * FROM {table}{' ORDER BY rowid' if plain else ''}").fetchall()
        if not rows:
            continue
        start = time.perf_counter()
        db.execute("BEGIN")
        db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
        db.execute("COMMIT")
        seconds += time.perf_counter() - start
        count += len(rows)
        del rows
    db.close()
    return seconds, count


def copy_floor(source: Path, target: Path) -> tuple[float, dict[str, float]]:
    """Seconds for SQLite to copy every row of ``source`` into a fresh store and build
    its indexes and full-text index, in one transaction; the seconds of each step."""
    from cable.store.sqlite import SQLiteStore

    _remove(target)
    store = SQLiteStore(str(target))
    db = store.db
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA cache_size = -262144")
    db.execute("ATTACH DATABASE ? AS loaded", (str(source),))
    steps: dict[str, float] = {}
    start = time.perf_counter()
    db.execute("BEGIN")
    indexes = store._drop_indexes()
    tables = [r[0] for r in db.execute("SELECT name FROM loaded.sqlite_master WHERE type = 'table' AND name NOT "
                                       "LIKE 'articles_fts%' AND name NOT IN ('meta', 'sqlite_stat1')")]
    for table in tables:
        db.execute(f"INSERT INTO main.{table} SELECT * FROM loaded.{table}")
    steps["copy"] = time.perf_counter() - start
    for statement in indexes:
        db.execute(statement)
    steps["indexes"] = time.perf_counter() - start - sum(steps.values())
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    steps["full text"] = time.perf_counter() - start - sum(steps.values())
    db.execute("COMMIT")
    steps["commit"] = time.perf_counter() - start - sum(steps.values())
    seconds = time.perf_counter() - start
    db.execute("DETACH DATABASE loaded")
    store.close()
    return seconds, steps


def replaced(db: Path, sample: int) -> tuple[float, int]:
    """Seconds for ``store.write(..., replace=True)`` of ``sample`` stored articles, one by
    one, in the loaded store ``db`` (each is replaced by itself: the store ends as it was)."""
    from cable.records_json import result_from_json
    from cable.store import open_store

    with open_store(str(db)) as store:
        records = [r[0] for r in store.db.execute("SELECT record FROM articles ORDER BY rowid LIMIT ?", (sample,))]
        results = [result_from_json(json.loads(record)) for record in records]
        start = time.perf_counter()
        for result in results:
            assert store.write(result, replace=True).status == "replaced"
        return time.perf_counter() - start, len(results)


def one_by_one(folder: Path, db: Path, sample: int) -> tuple[float, int, int]:
    """Seconds for ``store.write`` of the first ``sample`` articles into a fresh store; articles, events."""
    from cable.batch.load import table_rows
    from cable.records_json import result_from_json
    from cable.store import open_store

    _remove(db)
    rows = []
    for row in table_rows(folder / "articles", ["record"]):
        rows.append(row["record"])
        if len(rows) == sample:
            break
    events = 0
    with open_store(str(db)) as store:
        start = time.perf_counter()
        for record in rows:
            result = result_from_json(json.loads(record))
            store.write(result)
            events += len(result.events)
        seconds = time.perf_counter() - start
    return seconds, len(rows), events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--base", choices=["examples", "corpus"], default="examples")
    parser.add_argument("--sample", type=int, default=300, help="articles for the one-by-one write and replace")
    parser.add_argument("--more", type=int, default=0, help="events loaded last into the loaded store")
    parser.add_argument("--postgres", action="store_true", help="load into a throwaway PostgreSQL server too")
    args = parser.parse_args()
    folder = CACHE / f"out-{args.base}-{args.events}"
    if not (folder / "articles").is_dir():
        started = time.perf_counter()
        written = build(folder, args.events, args.base)
        print(f"built {folder} ({written:,} events) in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    db = CACHE / "load.db"
    _remove(db)
    seconds, said, peak = cable_load(folder, db)
    counts = sqlite3.connect(db).execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM articles)")
    events, articles = counts.fetchone()
    again, said_again, _ = cable_load(folder, db)
    low, rows = floor(db, CACHE / "floor.db")
    copied, steps = copy_floor(db, CACHE / "floor.db")
    replace_s, replace_n = replaced(db, args.sample)
    write_s, write_n, write_events = one_by_one(folder, CACHE / "one.db", args.sample)
    more = CACHE / f"more-{args.base}-{args.more}"
    if args.more and not (more / "articles").is_dir():
        build(more, args.more, args.base, first=1 << 40, seed=20240102)
    more_s, more_said, _ = cable_load(more, db) if args.more else (0.0, "", 0.0)
    more_events = sqlite3.connect(db).execute("SELECT count(*) FROM events").fetchone()[0] - events
    server = postgres_load(folder) if args.postgres else None
    print(said.splitlines()[0])
    print(f"{'':<44} {'seconds':>9} {'events/s':>10} {'articles/s':>11}")
    print(f"{'cable load, fresh SQLite file':<44} {seconds:>9.1f} {events / seconds:>10,.0f} {articles / seconds:>11,.0f}")
    print(f"{'floor: executemany into bare tables':<44} {low:>9.1f} {events / low:>10,.0f} {articles / low:>11,.0f}")
    print(f"{'copy floor: SQLite copies the rows itself':<44} {copied:>9.1f} {events / copied:>10,.0f}"
          f" {articles / copied:>11,.0f}")
    print(f"{'  of which':<44} " + ", ".join(f"{name} {s:.1f}" for name, s in steps.items()))
    print(f"{'cable load again (all unchanged)':<44} {again:>9.1f}")
    if server is not None:
        print(f"{'cable load, PostgreSQL (local server)':<44} {server:>9.1f} {events / server:>10,.0f}"
              f" {articles / server:>11,.0f}")
    print(f"{f'store.write one by one ({write_n} articles)':<44} {write_s:>9.1f} {write_events / write_s:>10,.0f}"
          f" {write_n / write_s:>11,.1f}")
    if args.more:
        added = int(re.search(r"(\d+) stored", more_said).group(1))
        print(f"{f'cable load of {more_events:,} more events into it':<44} {more_s:>9.1f} {more_events / more_s:>10,.0f}"
              f" {added / more_s:>11,.0f}")
    print(f"{f'store.write replacing, one by one ({replace_n})':<44} {replace_s:>9.1f} {'':>10}"
          f" {replace_n / replace_s:>11,.1f}")
    print(f"{events:,} events, {articles:,} articles, {rows:,} rows; load / floor = {seconds / low:.2f}; "
          f"load / copy floor = {seconds / copied:.2f}; "
          f"peak memory of the load {peak:,.0f} MiB; second load: {said_again.splitlines()[0]}")
    for path in (CACHE / "floor.db", CACHE / "one.db"):
        _remove(path)


def _dicts(value):
    """Every dict inside a JSON value."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _dicts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _dicts(v)


def _offsets(d: dict) -> tuple[int, int] | None:
    for start, end in (("start", "end"), ("char_start", "char_end")):
        if isinstance(d.get(start), int) and isinstance(d.get(end), int):
            return d[start], d[end]
    return None


def _shifted(value: str | None, shift: dt.timedelta) -> str | None:
    try:
        return (dt.date.fromisoformat(value[:10]) + shift).isoformat() + value[10:] if value else value
    except ValueError:
        return value


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            os.remove(f"{path}{suffix}")


if __name__ == "__main__":
    main()
