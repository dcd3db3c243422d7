"""The feed watcher: new items once, conditional requests, restarts, back-off."""

import http.server
import threading
from pathlib import Path

import pytest
from pg import pg_server, pg_url  # noqa: F401  (fixtures)

from cable.settings import Settings
from cable.store import open_store
from cable.watch import WatchState, Watcher, feed_list, item_key, parse_every

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def item(n: int, body: str) -> str:
    return (f"<item><guid>item-{n}</guid><link>https://news.example.org/{n}</link>"
            f"<pubDate>Tue, 0{n} Mar 2021 08:00:00 GMT</pubDate>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")


def feed(items: list[str]) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            "<channel><title>World</title>" + "".join(items) + "</channel></rss>").encode()


class FeedServer:
    """A feed on 127.0.0.1 that honours If-None-Match, counts requests, and can fail."""

    def __init__(self):
        self.body, self.etag, self.fail, self.requests, self.not_modified = b"", '"0"', False, 0, 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests += 1
                if outer.fail:
                    self.send_response(503)
                    self.end_headers()
                    return
                if self.headers.get("If-None-Match") == outer.etag:
                    outer.not_modified += 1
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", outer.etag)
                self.send_header("Content-Length", str(len(outer.body)))
                self.end_headers()
                self.wfile.write(outer.body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/feed.rss"

    def publish(self, body: bytes, etag: str) -> None:
        self.body, self.etag = body, etag

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture(params=["sqlite", "postgres"])
def target(request, tmp_path):
    """The database the watcher keeps its state in: a SQLite file, or a PostgreSQL schema."""
    return request.getfixturevalue("pg_url") if request.param == "postgres" else str(tmp_path / "news.db")


@pytest.fixture
def server():
    s = FeedServer()
    yield s
    s.stop()


def articles():
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))[:3]]
    return ["".join(f"<p>{line}</p>" for line in t.splitlines() if line.strip()) for t in texts]


def test_parse_every_reads_durations_and_refuses_nonsense():
    assert parse_every("90s") == 90 and parse_every("15m") == 900 and parse_every("1h30m") == 5400
    for bad in ("", "15", "soon", "0m", "15m!"):
        with pytest.raises(ValueError):
            parse_every(bad)


def test_feed_list_reads_list_files_with_comments(tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("# world news\nhttps://a.example.org/rss\n\nhttps://b.example.org/atom  # b\n")
    assert feed_list([str(listing), "https://a.example.org/rss", "c.rss"]) == [
        "https://a.example.org/rss", "https://b.example.org/atom", "c.rss"]


def test_item_key_prefers_the_guid_then_the_link():
    assert item_key({"id": "g1", "link": "https://x/1"}, 1) == "g1"
    assert item_key({"link": "https://x/1"}, 1) == "https://x/1"
    assert item_key({"title": "T"}, 3) == "T||3"


def test_backoff_doubles_and_resets_on_success(target):
    state = WatchState(target)
    assert state.failed("f", "down", 60, now=1000) == 120
    assert state.failed("f", "down", 60, now=1000) == 240
    assert state.feed("f")["next_try"] == 1240
    state.succeeded("f", '"e"', None)
    assert state.feed("f") == {"etag": '"e"', "last_modified": None, "failures": 0, "next_try": 0}
    for _ in range(20):
        delay = state.failed("f", "down", 60, now=0)
    assert delay == 6 * 3600
    state.close()


@pytest.mark.model
def test_watch_ingests_new_items_once_across_rounds_and_restarts(server, target):
    db = target
    settings = Settings.load({"allow_private_urls": True})
    bodies = articles()
    server.publish(feed([item(1, bodies[0]), item(2, bodies[1])]), '"v1"')
    first = Watcher([server.url], db, every=60, settings=settings).poll_once()
    assert (first[0].new, first[0].stored) == (2, 2)

    again = Watcher([server.url], db, every=60, settings=settings).poll_once()  # a restart
    assert again[0].not_modified and server.not_modified == 1

    server.publish(feed([item(1, bodies[0]), item(2, bodies[1]), item(3, bodies[2])]), '"v2"')
    third = Watcher([server.url], db, every=60, settings=settings).poll_once()
    assert (third[0].new, third[0].stored) == (1, 1)
    with open_store(db) as store:
        assert store.counts()["articles"] == 3


@pytest.mark.model
def test_a_failing_feed_backs_off_and_recovers(server, tmp_path):
    db = str(tmp_path / "news.db")
    settings = Settings.load({"allow_private_urls": True})
    now = [10_000.0]
    watcher = Watcher([server.url], db, every=60, settings=settings, clock=lambda: now[0])
    server.fail = True
    (failed,) = watcher.poll_once()
    assert "503" in failed.error
    requests = server.requests
    now[0] += 60  # still inside the 120 s back-off
    (waiting,) = watcher.poll_once()
    assert waiting.error == "backing off" and server.requests == requests
    server.fail = False
    server.publish(feed([item(1, articles()[0])]), '"v1"')
    now[0] += 61
    (ok,) = watcher.poll_once()
    assert ok.error is None and ok.stored == 1


def test_watch_refuses_a_private_feed_unless_allowed(server, tmp_path):
    server.publish(feed([]), '"v0"')
    (refused,) = Watcher([server.url], str(tmp_path / "w.db"), settings=Settings.load()).poll_once()
    assert "CABLE_ALLOW_PRIVATE_URLS" in refused.error and server.requests == 0


@pytest.mark.model
def test_cli_watch_once_on_a_feed_file(tmp_path):
    from click.testing import CliRunner

    from cable.cli import cli

    path = tmp_path / "world.rss"
    path.write_bytes(feed([item(1, articles()[0])]))
    db = str(tmp_path / "news.db")
    first = CliRunner().invoke(cli, ["watch", str(path), "--once", "--db", db])
    assert first.exit_code == 0 and "1 polls: 1 stored, 0 rejected, 0 failed" in first.stdout
    second = CliRunner().invoke(cli, ["watch", str(path), "--once", "--db", db])
    assert "1 polls: 0 stored" in second.stdout
    bad = CliRunner().invoke(cli, ["watch", str(path), "--every", "soon", "--db", db])
    assert bad.exit_code == 2 and "not a duration" in bad.output
