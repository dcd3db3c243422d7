"""API latency on a large store, with concurrent clients on 127.0.0.1.

Builds (once) a store of at least 100,000 events by copying the bundled examples'
results under new article ids and dates (no parsing), serves it with uvicorn on a
loopback port, and has N client threads request, for a bounded time, the events
list, an actor page and a search. Prints the median and p99 per request kind and
the requests per second, with zero errors expected.

    python bench/api_latency.py [--events 100000] [--clients 8] [--seconds 20] [--db PATH]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = {
    "events list": "/api/events?limit=50",
    "events, filtered": "/api/events?country=TUR&type=ACCUSE&limit=50",
    "actor page": "/actor/Turkey",
    "search": "/api/articles?q=maritime+border",
}


def build(db: str, events: int) -> int:
    """Fill ``db`` with copies of the examples' results until it holds ``events`` events."""
    from cable.pipeline import process
    from cable.store import open_store

    base = [process(p.read_text(encoding="utf-8"), input=p.name) for p in sorted((ROOT / "examples").glob("*.txt"))]
    with open_store(db) as store:
        have = store.counts()["events"]
        n = 0
        start = dt.date(2015, 1, 1)
        while have < events:
            for result in base:
                copy_ = copy.deepcopy(result)
                copy_.article.id = f"{result.article.id[:8]}{n:08x}"
                copy_.article.published = (start + dt.timedelta(days=n % 3650)).isoformat()
                copy_.input = f"{result.input}#{n}"
                store.write(copy_, dedupe=False)
                have += len(copy_.events)
                n += 1
        return store.counts()["events"]


def serve(db: str):
    import uvicorn

    from cable.web import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"


def load(base: str, clients: int, seconds: float) -> tuple[dict[str, list[float]], int]:
    import httpx

    times: dict[str, list[float]] = {k: [] for k in REQUESTS}
    errors = [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def client(offset: int) -> None:
        names = list(REQUESTS)
        with httpx.Client(base_url=base, timeout=30) as http:
            i = offset
            while time.monotonic() < stop:
                name = names[i % len(names)]
                t = time.perf_counter()
                response = http.get(REQUESTS[name])
                elapsed = time.perf_counter() - t
                with lock:
                    times[name].append(elapsed)
                    errors[0] += response.status_code != 200
                i += 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--db", default=str(ROOT / "bench" / ".api-latency.db"))
    args = parser.parse_args()
    stored = build(args.db, args.events)
    server, thread, base = serve(args.db)
    try:
        times, errors = load(base, args.clients, args.seconds)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    total = sum(len(v) for v in times.values())
    print(f"{stored:,} events stored; {args.clients} clients for {args.seconds:g} s: {total / args.seconds:.1f} "
          f"requests/s, {errors} errors")
    print(f"{'request':<20} {'n':>6} {'median ms':>10} {'p99 ms':>8}")
    for name, values in times.items():
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))] if values else float("nan")
        median = statistics.median(values) if values else float("nan")
        print(f"{name:<20} {len(values):>6} {median * 1000:>10.1f} {p99 * 1000:>8.1f}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
