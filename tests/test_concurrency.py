"""The store under concurrent use, on SQLite and on PostgreSQL: two ingest processes
and several readers at once, nothing lost, nothing stored twice, no "database is locked"."""

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cable.store import open_store
from pg import pg_server, pg_url  # noqa: F401 - fixtures

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def dump(path: Path, ids: range) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    lines = [json.dumps({"id": f"doc-{n}", "text": texts[n % len(texts)] + f"\n\nFiled as report {n} of the series."})
             for n in ids]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_two_writers_and_four_readers_lose_and_duplicate_nothing(backend, tmp_path, request):
    db = request.getfixturevalue("pg_url") if backend == "postgres" else str(tmp_path / "news.db")
    with open_store(db):
        pass  # create the schema before the writers race
    first = dump(tmp_path / "a.jsonl", range(0, 6))
    second = dump(tmp_path / "b.jsonl", range(3, 9))  # half the same articles as the first
    command = [sys.executable, "-m", "cable", "ingest", "--db", db, "--keep-duplicates"]
    writers = [subprocess.Popen(command + [str(f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for f in (first, second)]
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            with open_store(db) as store:
                while not done.is_set():
                    store.events(limit=50)
                    store.actors(limit=50)
                    store.quotes(limit=50)
                    store.counts()
        except BaseException as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for r in readers:
        r.start()
    outputs = [w.communicate(timeout=600) for w in writers]
    done.set()
    for r in readers:
        r.join(timeout=60)
    assert not errors, errors
    for writer, (out, err) in zip(writers, outputs):
        assert writer.returncode == 0, err
        assert "locked" not in err
    with open_store(db) as store:
        assert store.counts()["articles"] == 9
        inputs = [r["input"] for r in store.sql.rows("SELECT input FROM articles")]
    assert sorted(inputs) == sorted(f"doc-{n}" for n in range(9))
