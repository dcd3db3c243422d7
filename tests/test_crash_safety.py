"""Kill the ingest with SIGKILL at random moments, many times, and restart it:
no partial article, no duplicate, and the rerun goes on from where it stopped."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KILLS = int(os.environ.get("CABLE_CRASH_KILLS", "6"))


def corpus(tmp_path: Path, copies: int = 4) -> tuple[Path, int]:
    """A JSONL dump of distinct articles (each example with a numbered closing line), plus one bad line."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    lines = []
    for n in range(copies):
        for i, text in enumerate(texts):
            note = f"\n\nThis report was filed as number {n * 100 + i} in the series on foreign affairs."
            lines.append(json.dumps({"id": f"doc-{n}-{i}", "text": text + note, "date": "2020-01-0" + str(1 + i)}))
    lines.insert(3, "{this line is not JSON")
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, len(lines) - 1


def ingest(dump: Path, db: Path) -> subprocess.Popen:
    env = dict(os.environ, CABLE_BATCH_SIZE="2")
    command = [sys.executable, "-m", "cable", "ingest", str(dump), "--db", str(db), "--keep-duplicates"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)


def check_whole(db: Path) -> int:
    """Every stored article has exactly the records its stored JSON lists; returns the count."""
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT id, record FROM articles").fetchall()
        for article_id, record in rows:
            data = json.loads(record)
            for table, key in (("actors", "actors"), ("events", "events"), ("quotes", "quotes")):
                (count,) = con.execute(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (article_id,)).fetchone()
                assert count == len(data[key]), f"article {article_id}: {count} {table} stored, {len(data[key])} found"
        inputs = [r[0] for r in con.execute("SELECT input FROM articles")]
        assert len(inputs) == len(set(inputs)), "an input stored twice"
        return len(rows)
    finally:
        con.close()


def test_sigkill_at_random_moments_loses_and_duplicates_nothing(tmp_path):
    dump, articles = corpus(tmp_path)
    db = tmp_path / "news.db"
    rng = random.Random(1234)
    stored_before = 0
    for _ in range(KILLS):
        process = ingest(dump, db)
        time.sleep(rng.uniform(2.0, 10.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        stored = check_whole(db)
        assert stored >= stored_before  # a kill never takes back what was committed
        stored_before = stored
    final = ingest(dump, db)
    out, err = final.communicate(timeout=600)
    assert final.returncode == 1, err  # the bad line is rejected, everything else stored
    assert check_whole(db) == articles
    done = out.splitlines()[0]
    if stored_before:  # the rerun skipped, unparsed, what the killed runs had stored
        assert f"{stored_before} unchanged" in done, done
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM rejections").fetchone()[0] == 1
    con.close()


def test_sigkill_of_the_feed_watcher_loses_and_duplicates_nothing(tmp_path):
    from xml.sax.saxutils import escape

    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    items = "".join(f"<item><guid>item-{i}</guid><link>https://news.example.org/{i}</link><content:encoded>"
                    f"{escape(''.join(f'<p>{line}</p>' for line in t.splitlines() if line.strip()))}"
                    f"</content:encoded></item>" for i, t in enumerate(texts))
    feed = tmp_path / "world.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
                    f'content/"><channel><title>World</title>{items}</channel></rss>', encoding="utf-8")
    db = tmp_path / "feed.db"
    command = [sys.executable, "-m", "cable", "watch", str(feed), "--once", "--db", str(db)]
    rng = random.Random(99)
    for _ in range(max(2, KILLS // 2)):
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(2.0, 9.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        check_whole(db)
    final = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    assert check_whole(db) == len(texts)
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT COUNT(*) FROM watch_items").fetchone()[0] == len(texts)
        assert con.execute("SELECT COUNT(*) FROM duplicates").fetchone()[0] == 0
    finally:
        con.close()
