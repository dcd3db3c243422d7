"""API latency on a large store, with concurrent clients on 127.0.0.1.

Builds (once) a store of at least 100,000 events by copying the bundled examples'
results under new article ids and dates (no parsing), serves it with ``cable serve
--workers W`` (one process per core by default) on a loopback port, and has N client
threads in this process request, for a bounded time, the events list, an actor page
and a search. Prints the median and p99 per request kind and the requests per
second, with zero errors expected.

    python bench/api_latency.py [--events 100000] [--clients 8] [--seconds 20] [--workers W] [--db PATH]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import signal
import socket
import statistics
import subprocess
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


def serve(db: str, workers: int) -> tuple[subprocess.Popen, str]:
    """``cable serve`` in its own process group on a free loopback port, once it answers."""
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "cable", "serve", "--db", db, "--host", "127.0.0.1",
                               "--port", str(port), "--workers", str(workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/events?limit=1", timeout=2).status_code == 200:
                return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    stop(server)
    sys.exit("the server did not answer within 60 s")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


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
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes (default: one per core)")
    parser.add_argument("--db", default=str(ROOT / "bench" / ".api-latency.db"))
    args = parser.parse_args()
    stored = build(args.db, args.events)
    server, base = serve(args.db, args.workers)
    try:
        load(base, 1, 2.0)  # warm up each worker's caches and the page cache
        times, errors = load(base, args.clients, args.seconds)
    finally:
        stop(server)
    total = sum(len(v) for v in times.values())
    print(f"{stored:,} events stored; `cable serve --workers {args.workers}` in its own processes; "
          f"{args.clients} clients for {args.seconds:g} s: {total / args.seconds:.1f} requests/s, {errors} errors")
    print(f"{'request':<20} {'n':>6} {'median ms':>10} {'p99 ms':>8}")
    for name, values in times.items():
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))] if values else float("nan")
        median = statistics.median(values) if values else float("nan")
        print(f"{name:<20} {len(values):>6} {median * 1000:>10.1f} {p99 * 1000:>8.1f}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
