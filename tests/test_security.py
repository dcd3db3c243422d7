"""Hostile input against the store's filters and the readers' limits."""

import inspect

import pytest

from cable.errors import BadDate, StoreError
from cable.store import open_store

pytestmark = pytest.mark.model

PAYLOADS = ["' OR '1'='1", "x'; DROP TABLE articles; --", '" OR ""="', "%", "_", "\\", "\x00", "') UNION SELECT * --",
            "1; ATTACH DATABASE '/tmp/pwn.db' AS pwn; --", "ž" * 1000]


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    from pathlib import Path

    from cable.pipeline import process

    db = str(tmp_path_factory.mktemp("db") / "s.db")
    examples = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))[:2]
    with open_store(db) as s:
        for p in examples:
            s.write(process(p.read_text(encoding="utf-8"), input=p.name, nlp=nlp))
    s = open_store(db)
    yield s
    s.close()


@pytest.mark.parametrize("method", ["events", "actors", "quotes"])
def test_every_filter_takes_injection_attempts_as_plain_values(store, method):
    query = getattr(store, method)
    filters = [n for n, p in inspect.signature(query).parameters.items()
               if p.kind is p.KEYWORD_ONLY and n != "limit" and not isinstance(p.default, bool)]
    before = store.counts()
    for name in filters:
        for payload in PAYLOADS:
            if name in ("since", "until"):
                with pytest.raises(BadDate):
                    query(**{name: payload})
                continue
            # two country codes, a count, a sort order: anything else is refused by name
            if name in ("dyad", "latest", "order"):
                with pytest.raises(StoreError, match=name):
                    query(**{name: payload})
                continue
            rows = query(**{name: payload})
            assert isinstance(rows, list)
            if payload.startswith(("'", "x'", '"', "1;")):
                assert rows == [], (name, payload)
    assert store.counts() == before  # nothing dropped, attached or written
