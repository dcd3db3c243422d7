"""`cable load` into SQLite and PostgreSQL: idempotent, nothing lost, no Spark needed,
and every table as `write`, article after article, leaves it."""

import dataclasses
import json
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from pg import pg_server, pg_url  # noqa: F401  (fixtures)
from test_store import TEXT, WIRE, make_result, result_with_forecasts, wire_result

from cable.batch import COLUMNS, PARTITION, load_output
from cable.batch.load import table_rows
from cable.batch.tables import rejection_row, result_rows
from cable.cli_batch import load
from cable.errors import CableError
from cable.records import DateRef, Location, Quote, Rejection, Stance, Title
from cable.store import open_store
from cable.store.common import loadable

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def write_tables(folder: Path, results, rejections, *, unsigned: bool = False, unflat: bool = False) -> None:
    """Parquet tables partitioned by date, as `cable batch` writes them (``unsigned``:
    as it did before the articles had signature columns and compact records; ``unflat``:
    before actors had their titles and events their date texts and sentences in columns)."""
    rows: dict[str, list[tuple]] = defaultdict(list)
    for result in results:
        for table, row in result_rows(result):
            rows[table].append(row)
    if unsigned:
        rows["articles"] = [row[:-4] + (json.dumps(json.loads(row[-2]), ensure_ascii=False), row[-1])
                            for row in rows["articles"]]
    for rejection in rejections:
        table, row = rejection_row(rejection, None)
        rows[table].append(row)
    for table, items in rows.items():
        names = [name for name, _ in COLUMNS[table]]
        if unsigned and table == "articles":
            names = [name for name in names if name not in ("minhash", "bands")]
        if unflat and table in ("actors", "events"):
            kept = [i for i, name in enumerate(names) if name not in ("titles", "date_text", "sentence")]
            names, items = [names[i] for i in kept], [tuple(row[i] for i in kept) + row[-1:] for row in items]
        for day in sorted({row[-1] for row in items}, key=str):
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


# -- the bulk load leaves every table as write does ---------------------------------

STAMPS = {"ingested_at", "at", "recorded_at", "seq"}  # when a row was written, and PostgreSQL's insertion counter


def table_contents(store) -> dict[str, list]:
    """Every table's rows but their time stamps: in stored order on SQLite (signature_bands
    has no rowid: in the order of its key), sorted on PostgreSQL."""
    if store.sql.kind == "sqlite":
        names = [r["name"] for r in store.sql.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                                   "name NOT LIKE 'articles_fts%' AND name NOT LIKE 'sqlite_%'")]
    else:
        names = [r["table_name"] for r in store.sql.rows(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")]
    out = {}
    for name in sorted(names):
        order = " ORDER BY rowid" if store.sql.kind == "sqlite" and name != "signature_bands" else ""
        rows = [tuple((k, v) for k, v in row.items() if k not in STAMPS and k != "search")
                for row in store.sql.rows(f"SELECT * FROM {name}{order}")]
        out[name] = rows if store.sql.kind == "sqlite" else sorted(rows, key=repr)
    return out


def varied_results():
    """Articles that exercise every table and every check: titles, stances, forecasts, undated and
    dated events, escapes and characters beyond the BMP, a near-duplicate, a canonical URL seen
    twice, the same article twice, and a rejected input that a later article of the same name clears."""
    plain = make_result("p1", input="rejected-then-fine.txt")
    plain.actors[2].titles = [Title("foreign minister", "Freedonia")]
    plain.stances = [Stance("s1", "a1", "the sanctions on Freedonia", "backs sanctions", "support", 0, 22, 0.7),
                     Stance("s2", None, "Ruritania's tariffs", "opposes", "oppose", 23, 40, 0.6)]
    odd = make_result("p2", text='Tabs\tand "quotes" \\ and \u2028 and \U0001F600 and é in Lisbon, naïvely.\x01\n'
                      + TEXT, input="odd.txt")
    odd.article.published, odd.article.title, odd.article.url = None, "Ça \"va\"\n", "https://example.org/a"
    odd.events[0].date, odd.events[0].location, odd.events[0].goldstein = None, None, -7
    odd.events[0].confidence = 1e-07
    odd.quotes.append(Quote("q2", "é \U0001F600", 40, 45, "indirect", None, None, None, None, None, 0.5))
    dated = result_with_forecasts("p3")
    dated.article.text = "The finance ministers of Chile and Peru signed a trade pact in Lima on Friday."
    dated.events[0].date = DateRef("Friday", "", None)  # an empty start falls back to the article's date
    dated.events[0].location = Location("Lima", "PER", None, None)
    dated.events[0].recipients = ["a2", "a9"]  # a recipient the actors table does not hold
    alone = make_result("p4", text=TEXT.replace("Geneva", "Oslo"))
    alone.events[0].actors, alone.events[0].recipients = ["a1", "a2", "a3"], []
    alone.article.published = "2020-03-05"
    first = wire_result("w1", input="wire.txt")
    near = wire_result("w2", text=WIRE.replace("on Wednesday", "on Wednesday, officials said,"), input="copy.txt")
    same_url = make_result("u2", text=TEXT.replace("Geneva", "Quito"), input="again.html")
    same_url.article.url = "https://example.org/a"
    return [plain, odd, dated, alone, first, near, same_url, make_result("p1", input="twice.txt")]


def one_by_one(target: str, results, rejections, *, replace: bool = False) -> list:
    with open_store(target) as store:
        for rejection in rejections:
            store.reject(rejection)
        statuses = [store.write(r, replace=replace) for r in results]
        return statuses


@pytest.mark.parametrize(("chunk", "per_statement"), [(2000, 64), (3, 64), (2000, 2)])
def test_a_bulk_load_leaves_every_table_as_writing_one_by_one(tmp_path, chunk, per_statement, monkeypatch):
    results, rejections = varied_results(), [Rejection("rejected-then-fine.txt", "clean", "empty", "was empty")]
    expected = one_by_one(str(tmp_path / "one.db"), results, rejections)
    write_tables(tmp_path / "out", results, rejections)
    monkeypatch.setattr("cable.store.sqlite.SQLiteStore.LOAD_CHUNK", chunk)
    monkeypatch.setattr("cable.store.sqlite.ROWS_A_STATEMENT", per_statement)  # 2: whole statements and a rest
    with open_store(str(tmp_path / "bulk.db")) as bulk:
        for rejection in rejections:
            bulk.reject(rejection)
        cache = bulk.sql.one("PRAGMA cache_size")["cache_size"]
        outcomes = list(bulk.write_many([loadable(r) for r in results]))
        assert outcomes == expected
        assert [o.status for o in outcomes] == ["stored"] * 5 + ["duplicate", "duplicate", "unchanged"]
        assert bulk.sql.one("PRAGMA journal_mode")["journal_mode"] == "wal"  # back to the log after the load
        assert bulk.sql.one("PRAGMA cache_size")["cache_size"] == cache  # and to the page cache it had
        with open_store(str(tmp_path / "one.db")) as one:
            assert table_contents(bulk) == table_contents(one)
            for word in ("Lisbon", "Chile", "naïvely", "Ruritania"):
                assert bulk.search(word) == one.search(word)
            assert bulk.dyad_months("PER-FRE") == one.dyad_months("PER-FRE")
            assert bulk.actors()[0]["titles"] == one.actors()[0]["titles"]


@pytest.mark.parametrize("age", ["new", "unflat", "unsigned"])
def test_cable_load_matches_write_on_an_old_or_a_new_output(db, tmp_path, age, monkeypatch):
    results, rejections = varied_results(), [Rejection("rejected-then-fine.txt", "clean", "empty", "was empty")]
    write_tables(tmp_path / "out", results, rejections, unsigned=age == "unsigned", unflat=age in ("unflat", "unsigned"))
    monkeypatch.setattr("cable.batch.load.AHEAD", 1)  # the reading thread or process waits on the store
    monkeypatch.setattr("cable.batch.load.BATCH_ARTICLES", 2)
    by_key = {(r.article.id, r.input): r for r in results}  # in the order the folder gives them
    in_order = [by_key[row["article_id"], row["input"]] for row in table_rows(tmp_path / "out" / "articles",
                                                                              ["article_id", "input"])]
    expected = one_by_one(str(tmp_path / "one.db"), in_order, rejections)
    with open_store(db) as store:
        done = load_output(str(tmp_path / "out"), store)
    assert done == {"stored": 5, "duplicate": 2, "unchanged": 1, "rejected": 1}
    with open_store(db) as store, open_store(str(tmp_path / "one.db")) as one:
        got, want = table_contents(store), table_contents(one)
        if store.sql.kind != "sqlite":  # PostgreSQL's rows against SQLite's, both sorted
            want = {name: sorted(rows, key=repr) for name, rows in want.items()}
        assert got == want
    assert sorted(o.status for o in expected) == sorted(["stored"] * 5 + ["duplicate", "duplicate", "unchanged"])


def indexes(store) -> list[tuple]:
    return [tuple(r.values()) for r in store.sql.rows("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                                       "ORDER BY name")]


@pytest.mark.parametrize("replace", [False, True])
def test_a_bulk_load_into_a_store_holding_articles_matches_write(tmp_path, replace, monkeypatch):
    monkeypatch.setattr("cable.store.sqlite.SQLiteStore.LOAD_CHUNK", 3)
    results = varied_results()
    before = [results[4], make_result("p2", text="Another article altogether about the harvest in Tuvalu.")]
    one_by_one(str(tmp_path / "one.db"), before, [])
    expected = one_by_one(str(tmp_path / "one.db"), results, [], replace=replace)
    with open_store(str(tmp_path / "bulk.db")) as bulk:
        for result in before:
            bulk.write(result)
        assert list(bulk.write_many([loadable(r) for r in results], replace=replace)) == expected
        with open_store(str(tmp_path / "one.db")) as one:
            assert table_contents(bulk) == table_contents(one)
            assert indexes(bulk) == indexes(one)
            assert bulk.search("Lisbon") == one.search("Lisbon")
    statuses = [o.status for o in expected]
    assert statuses.count("replaced" if replace else "unchanged") == (3 if replace else 3)


def test_a_failed_load_into_an_empty_store_leaves_it_empty_with_its_indexes(tmp_path):
    good = [loadable(make_result(f"g{n}", text=TEXT.replace("Geneva", f"Town{n}"))) for n in range(3)]
    other = loadable(make_result("bad", text="A record that breaks off halfway, about a storm over Fiji."))
    broken = dataclasses.replace(other, record='{"article": ')
    with open_store(str(tmp_path / "t.db")) as store:
        want = indexes(store)
        with pytest.raises(ValueError):  # the broken record
            list(store.write_many(good + [broken]))
        assert store.counts()["articles"] == 0 and store.counts()["events"] == 0
        assert indexes(store) == want
        assert [o.status for o in store.write_many(good)] == ["stored"] * 3
        assert indexes(store) == want and store.search("Town1")[0]["id"] == "g1"


def test_signatures_in_bulk_are_the_signatures_one_by_one():
    from cable import dedup

    texts = [WIRE, WIRE.replace("Cairo", "Athens"), "", "one two", "İstanbul ve Ankara " * 40, TEXT * 30]
    assert dedup.signatures(texts) == [dedup.signature(t) for t in texts]
    assert dedup.signatures(texts, chunk=7) == [dedup.signature(t) for t in texts]  # cut into many chunks


def test_the_article_rows_carry_the_signature_load_checks_with():
    from cable import dedup

    result = wire_result("w1", input="wire.txt")
    (row,) = [row for table, row in result_rows(result) if table == "articles"]
    names = [name for name, _ in COLUMNS["articles"]]
    signature = dedup.signature(WIRE)
    assert json.loads(row[names.index("minhash")]) == list(signature.values)
    assert json.loads(row[names.index("bands")]) == signature.bands()
    assert row[names.index("record")] == loadable(result).record  # compact, as the store keeps it


def test_a_load_into_an_empty_store_another_process_has_open_keeps_the_log(tmp_path):
    path = str(tmp_path / "t.db")
    results = varied_results()
    with open_store(path) as reader, open_store(path) as store:
        assert reader.counts()["articles"] == 0
        outcomes = list(store.write_many([loadable(r) for r in results]))
        assert [o.status for o in outcomes].count("stored") == 5
        assert store.sql.one("PRAGMA journal_mode")["journal_mode"] == "wal"
        assert reader.counts()["articles"] == 5
    with open_store(path) as store:
        assert store.sql.one("PRAGMA journal_mode")["journal_mode"] == "wal"


def test_an_output_missing_rows_is_refused_by_name(tmp_path):
    import pyarrow.compute as pc

    write_tables(tmp_path / "out", [make_result("p1"), result_with_forecasts("p3")], [])
    for part in (tmp_path / "out" / "events").iterdir():
        for file in part.glob("*.parquet"):
            table = pq.read_table(file)
            pq.write_table(table.filter(pc.not_equal(table.column("article_id"), "p3")), file)
    with open_store(str(tmp_path / "t.db")) as store:
        with pytest.raises(CableError, match="article p3 has 1 events in the articles table but 0 in the events"):
            load_output(str(tmp_path / "out"), store)
        assert store.counts()["articles"] == 0  # nothing of the load is kept


def test_a_column_with_no_value_in_the_first_file_loads(tmp_path):
    """Parquet written without a schema (pandas, pyarrow from lists) types a column that holds
    nothing but nulls in a file as null; the first file's types must not stop the others'."""
    early, late = make_result("n1"), make_result("n2", input="b.txt")
    late.article.published = "2020-05-01"
    late.article.text = "The finance ministers of Chile and Peru signed a trade pact in Lima on Friday."
    late.quotes[0].speaker_title = "Foreign Minister"
    late.events[0].location = None  # a null column in the later file, typed in the first
    write_tables(tmp_path / "out", [early, late], [])
    first = sorted((tmp_path / "out" / "quotes").iterdir())[0]
    assert pa.types.is_null(pq.read_schema(next(first.glob("*.parquet"))).field("speaker_title").type)
    with open_store(str(tmp_path / "t.db")) as store:
        assert dict(load_output(str(tmp_path / "out"), store)) == {"stored": 2}
        for result in (early, late):
            assert store.article(result.article.id) == result.to_json()


def test_ahead_hands_on_every_item_in_order_and_stops_its_thread():
    import threading

    from cable.batch.load import ahead

    assert list(ahead(iter(range(50)), 3)) == list(range(50))

    def failing():
        yield 1
        raise ValueError("broken table")

    found = ahead(failing(), 2)
    assert next(found) == 1
    with pytest.raises(ValueError, match="broken table"):
        next(found)
    early = ahead(iter(range(1000)), 2)
    assert next(early) == 0
    early.close()  # the reader stops: the thread ends rather than wait on a full queue
    assert not any(t.name == "cable-load-read" for t in threading.enumerate())


def test_articles_said_to_be_stored_come_without_rows_and_are_stored_from_their_records(tmp_path):
    from cable.batch.load import loadables

    results, rejections = varied_results(), []
    write_tables(tmp_path / "out", results, rejections)
    ids = {r.article.id for r in results}
    assert all(x.rows is None for x in loadables(tmp_path / "out", ids))
    with open_store(str(tmp_path / "a.db")) as said, open_store(str(tmp_path / "b.db")) as plain:
        # the store holds none of them after all: it makes their rows from the records
        assert list(said.write_many(loadables(tmp_path / "out", ids))) == list(plain.write_many(loadables(tmp_path / "out")))
        assert table_contents(said) == table_contents(plain)


def test_loading_into_a_store_holding_some_of_the_articles_matches_write(tmp_path):
    results, rejections = varied_results(), [Rejection("rejected-then-fine.txt", "clean", "empty", "was empty")]
    write_tables(tmp_path / "out", results, rejections)
    by_key = {(r.article.id, r.input): r for r in results}
    in_order = [by_key[row["article_id"], row["input"]] for row in table_rows(tmp_path / "out" / "articles",
                                                                              ["article_id", "input"])]
    before = [results[2], results[3]]  # two partitions' articles, stored first
    one_by_one(str(tmp_path / "one.db"), before, [])
    one_by_one(str(tmp_path / "one.db"), in_order, rejections)
    with open_store(str(tmp_path / "bulk.db")) as store:
        for result in before:
            store.write(result)
        done = load_output(str(tmp_path / "out"), store)
        assert done["unchanged"] == 3 and done["stored"] == 3
    with open_store(str(tmp_path / "bulk.db")) as bulk, open_store(str(tmp_path / "one.db")) as one:
        assert table_contents(bulk) == table_contents(one)
