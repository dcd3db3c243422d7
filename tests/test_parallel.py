"""The process-pool runner: same records as one process, in order, one writer, reruns skip."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cable.parallel import StoredArticles, chunks, ingest_parallel, process_parallel
from cable.records import Skipped
from cable.settings import Settings
from pg import pg_server, pg_url  # noqa: F401 - fixtures

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The examples, a JSONL dump with a bad line among them, in a fixed order."""
    folder = tmp_path_factory.mktemp("inputs")
    texts = sorted(EXAMPLES.glob("*.txt"))
    dump = folder / "dump.jsonl"
    dump.write_text(json.dumps({"id": "one", "text": texts[0].read_text("utf-8")}) + "\n{broken\n"
                    + json.dumps({"id": "two", "text": texts[1].read_text("utf-8")}) + "\n", encoding="utf-8")
    return [str(p) for p in texts[2:]] + [str(dump), str(EXAMPLES / "wikinews-2019-10-10-uk-urges-us-immunity.html")]


def stored(db: Path) -> tuple[list, list]:
    """The stored articles in the order they were written, and the rejections."""
    with sqlite3.connect(db) as conn:
        articles = list(conn.execute("SELECT id, input, record FROM articles ORDER BY rowid"))
        rejections = sorted(conn.execute("SELECT input, stage, code FROM rejections"))
    return articles, rejections


def test_chunks_keep_order_and_size():
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 3)) == []


def test_two_workers_store_what_one_process_stores_in_the_same_order(inputs, tmp_path):
    settings = Settings.load({"batch_size": 1})  # chunks of two documents: several per worker
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert ingest_parallel(inputs, str(one), workers=1, settings=settings) == {"stored": 5, "rejected": 1}
    assert ingest_parallel(inputs, str(two), workers=2, settings=settings) == {"stored": 5, "rejected": 1}
    assert stored(one) == stored(two)
    assert [row[1] for row in stored(two)[0]][-1] == inputs[-1]
    again = list(process_parallel(inputs, workers=2, settings=settings, skip_db=str(two)))
    assert [type(o).__name__ for o in again].count("Skipped") == 5  # the workers skip what the store holds
    assert {o.article_id for o in again if isinstance(o, Skipped)} == {row[0] for row in stored(one)[0]}


def test_stored_articles_reads_without_writing(tmp_path):
    db = tmp_path / "s.db"
    check = StoredArticles(str(db))
    assert check("abc") is False and not db.exists()  # no file: nothing stored, none created
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY)")
        conn.execute("INSERT INTO articles VALUES ('abc')")
    assert StoredArticles(str(db))("abc") is True
    assert StoredArticles(str(db))("xyz") is False


def test_stored_articles_asks_a_postgresql_store(pg_url):
    from cable.store.connection import Connection

    check = StoredArticles(pg_url)
    assert check("abc") is False  # no articles table yet
    db = Connection.open(pg_url)
    db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY)")
    db.execute("INSERT INTO articles VALUES (?)", ("abc",))
    db.close()
    assert check("abc") is True and check("xyz") is False
