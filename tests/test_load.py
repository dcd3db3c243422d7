"""`cable load` into SQLite and PostgreSQL: idempotent, nothing lost, no Spark needed."""

from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from pg import pg_server, pg_url  # noqa: F401  (fixtures)
from test_store import WIRE, make_result, result_with_forecasts, wire_result

from cable.batch import COLUMNS, PARTITION
from cable.batch.tables import rejection_row, result_rows
from cable.cli_batch import load
from cable.records import Rejection
from cable.store import open_store

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def write_tables(folder: Path, results, rejections) -> None:
    """Parquet tables partitioned by date, as `cable batch` writes them."""
    rows: dict[str, list[tuple]] = defaultdict(list)
    for result in results:
        for table, row in result_rows(result):
            rows[table].append(row)
    for rejection in rejections:
        table, row = rejection_row(rejection, None)
        rows[table].append(row)
    for table, items in rows.items():
        names = [name for name, _ in COLUMNS[table]]
        for day in {row[-1] for row in items}:
            part = folder / table / f"{PARTITION}={day or '__HIVE_DEFAULT_PARTITION__'}"
            part.mkdir(parents=True)
            chosen = [row for row in items if row[-1] == day]
            pq.write_table(pa.table({n: [row[i] for row in chosen] for i, n in enumerate(names)}),
                           part / "part-0.parquet")


@pytest.fixture(params=["sqlite", "postgres"])
def db(request, tmp_path):
    return request.getfixturevalue("pg_url") if request.param == "postgres" else str(tmp_path / "load.db")


def test_load_twice_stores_each_article_once(db, tmp_path):
    results = [make_result(), result_with_forecasts(), wire_result("w1", input="wire.txt")]
    results[1].article.text = "The finance ministers of Chile and Peru signed a trade pact in Lima on Friday."
    results[2].article.published = "2020-04-01"
    copy = wire_result("w2", text=WIRE.replace("on Wednesday", "on Wednesday, officials said,"), input="copy.txt")
    copy.article.published = "2020-04-01"  # in w1's partition, after it
    write_tables(tmp_path / "out", results + [copy], [Rejection("bad.html", "clean", "no_article", "no body")])
    first = CliRunner().invoke(load, [str(tmp_path / "out"), "--db", db])
    assert first.exit_code == 0, first.output
    assert "1 duplicate, 1 rejected, 3 stored" in first.output
    second = CliRunner().invoke(load, [str(tmp_path / "out"), "--db", db])
    assert "1 duplicate, 1 rejected, 3 unchanged" in second.output
    with open_store(db) as store:
        assert store.counts() == {"articles": 3, "actors": 9, "events": 3, "quotes": 3, "stances": 0,
                                  "forecasts": 2, "rejections": 1}
        for result in results:
            assert store.article(result.article.id) == result.to_json()
        assert [d["duplicate_of"] for d in store.duplicates()] == ["w1"]


def test_load_replace_rewrites_in_place(db, tmp_path):
    write_tables(tmp_path / "out", [make_result()], [])
    CliRunner().invoke(load, [str(tmp_path / "out"), "--db", db])
    again = CliRunner().invoke(load, [str(tmp_path / "out"), "--db", db, "--replace"])
    assert again.exit_code == 0 and "1 replaced" in again.output
    with open_store(db) as store:
        assert store.counts()["articles"] == 1 and store.counts()["events"] == 1
