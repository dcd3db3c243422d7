"""The SQLite store's dashboard queries at a million events.

Takes the store ``bench/api_latency.py`` builds (100,000 events from copies of the
bundled examples), copies it, and multiplies its rows inside SQLite (each article
again under new ids) until it holds at least
``--events`` events, with every table and index as ``write`` leaves them. Then times,
best of five, the queries the web pages make: the dyad-by-month series of the
busiest country pair (from the ``event_dyads`` index), a page of that dyad's
events, the newest events, an actor's totals and a speaker's quotes.

    python bench/store_scale.py [--events 1000000] [--base bench/.api-latency.db]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# every table keyed by article, with the column holding the article id; "articles" is keyed by "id"
TABLES = ("articles", "actors", "events", "event_actors", "quotes", "stances", "forecasts", "actor_events",
          "event_dyads", "signatures", "signature_bands")


def multiply(path: str, events: int) -> int:
    """Copy every article's rows under new ids until the store holds ``events`` events."""
    db = sqlite3.connect(path, isolation_level=None)
    have = db.execute("SELECT count(*) FROM events").fetchone()[0]
    base = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    copy = 1
    while have < events:
        db.execute("BEGIN")
        for table in TABLES:
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
            key = "id" if table == "articles" else "article_id"
            chosen = [_changed(c, key, copy) for c in columns]
            db.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(chosen)} FROM {table} "
                       f"WHERE length({key}) = 16")  # the original articles' rows only
        db.execute("COMMIT")
        have = db.execute("SELECT count(*) FROM events").fetchone()[0]
        copy += 1
    print(f"{base:,} articles multiplied {copy} times: {have:,} events", file=sys.stderr)
    db.execute("ANALYZE")
    db.close()
    return have


def _changed(column: str, key: str, copy: int) -> str:
    """The column's value in copy ``copy``: a new article id, input and URL; the rest as it was."""
    if column == key:
        return f"{key} || '.{copy}'"
    if column == "input":
        return f"input || '#{copy}'"
    if column == "url":
        return f"CASE WHEN url IS NULL THEN NULL ELSE url || '#{copy}' END"
    return column


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--base", default=str(ROOT / "bench" / ".api-latency.db"))
    parser.add_argument("--db", default=str(ROOT / "bench" / ".store-scale.db"))
    args = parser.parse_args()
    if not Path(args.base).exists():
        sys.exit(f"{args.base} not found: run `python bench/api_latency.py` first, which builds it")
    from cable.store import open_store

    if not Path(args.db).exists():
        with open_store(args.base):
            pass  # brought up to the current schema before it is copied
        shutil.copy(args.base, args.db)
        multiply(args.db, args.events)
    with open_store(args.db) as store:
        counts = store.counts()
        pair = store.sql.one("SELECT one, two FROM event_dyads GROUP BY one, two ORDER BY count(*) DESC LIMIT 1")
        dyad = f"{pair['one']}-{pair['two']}"
        busiest = store.sql.one("SELECT name FROM actors GROUP BY name ORDER BY count(*) DESC LIMIT 1")["name"]
        speaker = store.sql.one("SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL "
                                "GROUP BY speaker_name ORDER BY count(*) DESC LIMIT 1")["speaker_name"]
        months = store.dyad_months(dyad)
        print(f"{counts['events']:,} events, {counts['articles']:,} articles; busiest pair {dyad} "
              f"({sum(m['events'] for m in months):,} events in {len(months)} months)")
        print(f"{'query':<44} {'best of 5, ms':>14}")
        for label, fn in (
            (f"dyad by month, {dyad}", lambda: store.dyad_months(dyad)),
            (f"events of {dyad}, newest 50", lambda: store.events(dyad=dyad, limit=50)),
            ("events, newest 50", lambda: store.events(limit=50)),
            (f"actor totals, {busiest}", lambda: store.actors(name=busiest, exact=True)),
            (f"quotes of {speaker}, newest 100", lambda: store.quotes(speaker=speaker, exact=True, limit=100)),
        ):
            print(f"{label:<44} {best(fn) * 1000:>14.1f}")


if __name__ == "__main__":
    main()
