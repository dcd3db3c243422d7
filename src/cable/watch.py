"""Watch feeds: poll them, ingest each new item once, remember across restarts.

State lives in the database beside the articles (tables ``watch_feeds`` and
``watch_items``): each feed's validators (ETag, Last-Modified) for conditional
requests, its failures and the time of its next try, and the items already
handled. An item is marked handled only after its article is stored (or its
rejection recorded), so a crash mid-round repeats at most the items in flight,
and the store keeps each article once: processing is at least once, storage
exactly once. A feed that fails is tried again after ``every`` x 2^failures,
up to six hours.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .records import Rejection
from .settings import Settings
from .sources.documents import Limits, feed_item
from .sources.fetch import fetch
from .sources.read import URL_RE
from .store.connection import Connection

log = logging.getLogger("cable.watch")
MAX_BACKOFF = 6 * 3600
TRANSIENT = frozenset({"fetch_failed"})
STATE = """
CREATE TABLE IF NOT EXISTS watch_feeds (
    feed TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, failures INTEGER NOT NULL DEFAULT 0,
    next_try DOUBLE PRECISION NOT NULL DEFAULT 0, last_error TEXT, last_ok TEXT
);
CREATE TABLE IF NOT EXISTS watch_items (
    feed TEXT NOT NULL, item TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (feed, item)
);
"""
DURATION = re.compile(r"(\d+)\s*([smhd])")
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds in "90s", "15m", "1h30m", "1d"; raise ValueError otherwise."""
    compact = text.replace(" ", "").lower()
    parts = DURATION.findall(compact)
    if not parts or "".join(n + u for n, u in parts) != compact:
        raise ValueError(f"{text!r} is not a duration; write e.g. 90s, 15m, 1h or 1h30m")
    seconds = sum(int(n) * UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"{text!r} is no time at all; give a positive duration such as 15m")
    return float(seconds)


def feed_list(names: Iterable[str]) -> list[str]:
    """Feeds named directly (URLs, feed files) or in list files (one per line, # comments)."""
    feeds: list[str] = []
    for name in names:
        path = Path(name)
        if not URL_RE.match(name) and path.is_file() and path.suffix.lower() in (".txt", ".list"):
            lines = path.read_text(encoding="utf-8").splitlines()
            feeds += [s for line in lines if (s := line.split("#", 1)[0].strip())]
        else:
            feeds.append(name)
    return list(dict.fromkeys(feeds))


@dataclass
class Round:
    """What one poll of one feed did."""

    feed: str
    new: int = 0
    stored: int = 0
    rejected: int = 0
    not_modified: bool = False
    error: str | None = None
    outcomes: dict[str, int] = field(default_factory=dict)


class WatchState:
    """The watcher's memory, in the store's database ``target`` (a SQLite file or a PostgreSQL URL)."""

    def __init__(self, target: str):
        self.conn = Connection.open(target)
        if self.conn.kind == "sqlite":
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.script(STATE)

    def feed(self, feed: str) -> dict:
        row = self.conn.one("SELECT etag, last_modified, failures, next_try FROM watch_feeds WHERE feed = ?", (feed,))
        return {"etag": row["etag"], "last_modified": row["last_modified"], "failures": row["failures"],
                "next_try": row["next_try"]} if row else {"etag": None, "last_modified": None, "failures": 0,
                                                           "next_try": 0.0}

    def seen(self, feed: str, item: str) -> bool:
        return self.conn.one("SELECT 1 AS seen FROM watch_items WHERE feed = ? AND item = ?", (feed, item)) is not None

    def mark(self, feed: str, item: str, status: str) -> None:
        self.conn.execute("INSERT INTO watch_items VALUES (?, ?, ?, ?) ON CONFLICT (feed, item) DO UPDATE SET "
                          "status = excluded.status, at = excluded.at", (feed, item, status, _now()))

    def succeeded(self, feed: str, etag: str | None, last_modified: str | None) -> None:
        self.conn.execute(
            "INSERT INTO watch_feeds (feed, etag, last_modified, failures, next_try, last_ok) "
            "VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT(feed) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, failures = 0, next_try = 0, last_error = NULL, "
            "last_ok = excluded.last_ok", (feed, etag, last_modified, _now()))

    def failed(self, feed: str, error: str, every: float, now: float) -> float:
        """Record a failure; the delay before the next try."""
        failures = self.feed(feed)["failures"] + 1
        delay = min(every * 2 ** failures, MAX_BACKOFF)
        self.conn.execute(
            "INSERT INTO watch_feeds (feed, failures, next_try, last_error) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(feed) DO UPDATE SET failures = excluded.failures, next_try = excluded.next_try, "
            "last_error = excluded.last_error", (feed, failures, now + delay, error))
        return delay

    def close(self) -> None:
        self.conn.close()


class Watcher:
    """Polls feeds into a store; ``poll_once`` is one round over every feed that is due."""

    def __init__(self, feeds: list[str], db: str, *, every: float = 900.0, settings: Settings | None = None,
                 date: str | None = None, clock: Callable[[], float] = time.time):
        self.feeds, self.db, self.every, self.date, self.clock = feeds, db, every, date, clock
        self.settings = settings or Settings.load()
        self.limits = Limits(self.settings.max_bytes, self.settings.fetch_timeout, self.settings.allow_private_urls)

    def run(self, *, rounds: int | None = None, sleep: Callable[[float], None] = time.sleep) -> list[Round]:
        """Poll every ``every`` seconds, ``rounds`` times (for ever when None)."""
        done: list[Round] = []
        count = 0
        while rounds is None or count < rounds:
            started = self.clock()
            done += self.poll_once()
            count += 1
            if rounds is None or count < rounds:
                sleep(max(0.0, self.every - (self.clock() - started)))
        return done

    def poll_once(self) -> list[Round]:
        from .store import open_store

        state = WatchState(self.db)
        try:
            with open_store(self.db) as store:
                return [self._poll(feed, state, store) for feed in self.feeds]
        finally:
            state.close()

    def _poll(self, feed: str, state: WatchState, store) -> Round:
        """One feed: skip it while it backs off, fetch it (conditionally), ingest its new items."""
        now = self.clock()
        known = state.feed(feed)
        if known["next_try"] > now:
            log.info("%s: backing off after %d failures; next try in %.0f s", feed, known["failures"],
                     known["next_try"] - now)
            return Round(feed, error="backing off")
        try:
            raw, etag, modified = self._fetch(feed, known)
        except InputError as e:
            delay = state.failed(feed, str(e), self.every, now)
            log.warning("%s: %s; next try in %.0f s", feed, e, delay)
            return Round(feed, error=str(e))
        if raw is None:
            state.succeeded(feed, etag, modified)
            log.info("%s: not modified", feed)
            return Round(feed, not_modified=True)
        result = self._ingest(feed, raw, state, store)
        if result.error:
            return result
        state.succeeded(feed, etag, modified)
        log.info("%s: %d new, %d stored, %d rejected", feed, result.new, result.stored, result.rejected)
        return result

    def _fetch(self, feed: str, known: dict) -> tuple[bytes | None, str | None, str | None]:
        """The feed's bytes (None when unchanged since the last poll) and its new validators."""
        if not URL_RE.match(feed):
            try:
                return Path(feed).read_bytes(), None, None
            except OSError as e:
                raise InputError(f"{feed}: cannot be read ({e.strerror}); check the path") from None
        got = fetch(feed, max_bytes=self.limits.max_bytes, timeout=self.limits.timeout,
                    allow_private=self.limits.allow_private, etag=known["etag"], last_modified=known["last_modified"])
        if got.status == 304:
            return None, known["etag"], known["last_modified"]
        return got.content, got.etag, got.last_modified

    def _ingest(self, feed: str, raw: bytes, state: WatchState, store) -> Round:
        import feedparser

        from .pipeline import process_many

        parsed = feedparser.parse(raw)
        if not parsed.entries and parsed.get("bozo"):
            problem = f"{feed}: is not an RSS or Atom feed ({parsed.get('bozo_exception')})"
            delay = state.failed(feed, problem, self.every, self.clock())
            log.warning("%s; next try in %.0f s", problem, delay)
            return Round(feed, error=problem)
        fresh = [(item_key(e, n), e, n) for n, e in enumerate(parsed.entries, 1)]
        fresh = [(key, e, n) for key, e, n in fresh if not state.seen(feed, key)]
        out = Round(feed, new=len(fresh))
        keys = [key for key, _, _ in fresh]
        docs = (feed_item(feed, n, e, self.limits) for _, e, n in fresh)
        items = (d if isinstance(d, Rejection) else (d.text, d.input, d.url, d.date) for d in docs)
        for key, result in zip(keys, process_many(items, date=self.date, settings=self.settings)):
            if isinstance(result, Rejection):
                store.reject(result)
                out.rejected += 1
                if result.code not in TRANSIENT:  # a page that could not be fetched is tried next round
                    state.mark(feed, key, f"rejected:{result.code}")
            else:
                status = store.write(result).status
                out.stored += status == "stored"
                out.outcomes[status] = out.outcomes.get(status, 0) + 1
                state.mark(feed, key, status)
        return out


def item_key(entry, number: int) -> str:
    """What identifies a feed item across polls: its id, else its link, else title and date."""
    for key in ("id", "guid", "link"):
        if entry.get(key):
            return str(entry[key])
    return f"{entry.get('title', '')}|{entry.get('published', '')}|{number}"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


__all__ = ["Round", "WatchState", "Watcher", "feed_list", "item_key", "parse_every"]
