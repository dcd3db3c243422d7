"""Batch mode: slices, table rows, records back from JSON, the Spark job in
local[2] against the local runner, reruns, and `cable load`."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from cable.batch import COLUMNS, PARTITION, TABLES, Slice, load_output, plan_slices, result_rows, slice_items
from cable.batch.load import table_rows
from cable.cli_batch import batch, load
from cable.parallel import document_items
from cable.records import Rejection, rejection_json
from cable.records_json import rejection_from_json, result_from_json
from cable.settings import Settings
from cable.store import open_store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HTML = EXAMPLES / "wikinews-2019-10-10-uk-urges-us-immunity.html"
UNDATED = ("The foreign ministers of Norway and Chile met in Oslo to discuss fishing rights in the southern ocean. "
           "Both governments agreed to set up a joint commission that will report to their parliaments. "
           "The Chilean minister said the talks had been useful and that her country wanted closer trade ties. "
           "The Norwegian minister promised to visit Santiago and to sign an agreement on research vessels.")


def make_corpus(folder: Path) -> list[str]:
    """A JSONL dump of the text examples (dated and undated, a bad line, an
    article with no date anywhere) and one HTML page."""
    lines = []
    for n, path in enumerate(sorted(EXAMPLES.glob("*.txt"))):
        record = {"id": path.stem, "url": f"https://example.org/{path.stem}", "text": path.read_text("utf-8")}
        if n % 2 == 0:
            record["date"] = path.stem.split("-", 1)[1][:10]
        lines.append(json.dumps(record))
    lines.insert(2, "{this line is not JSON")
    lines.append(json.dumps({"id": "undated", "text": UNDATED}))
    dump = folder / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = folder / HTML.name
    shutil.copy(HTML, page)
    return [str(dump), str(page)]


# -- slices and rows: no Spark ---------------------------------------------------


def test_a_large_dump_is_split_and_a_page_stays_whole(tmp_path):
    dump = tmp_path / "big.jsonl"
    dump.write_text("".join(json.dumps({"id": f"d{n}", "text": f"line {n}"}) + "\n" for n in range(100)))
    page = tmp_path / "page.html"
    page.write_text("<p>short</p>")
    slices = plan_slices([str(dump), str(page)], tasks=4)
    assert [s for s in slices if s.input == str(page)] == [Slice(str(page), 0, 1)]
    assert sorted(s.index for s in slices if s.input == str(dump)) == list(range(4))


def test_slices_of_a_dump_take_each_document_once_in_blocks(tmp_path):
    dump = tmp_path / "big.jsonl"
    dump.write_text("".join(json.dumps({"id": f"d{n}", "text": f"line {n}"}) + "\n" for n in range(10)))
    settings = Settings.load({"batch_size": 1})  # blocks of two documents
    parts = [[item[1] for item in slice_items(Slice(str(dump), k, 3), settings)] for k in range(3)]
    assert parts == [["d0", "d1", "d6", "d7"], ["d2", "d3", "d8", "d9"], ["d4", "d5"]]


@pytest.mark.model
def test_result_rows_fill_every_table_with_the_article_date(nlp):
    from cable.pipeline import process

    result = process((EXAMPLES / "wikinews-2019-09-23-rouhani-gulf.txt").read_text("utf-8"), input="r", nlp=nlp)
    rows = Counter(table for table, _ in result_rows(result))
    assert rows["articles"] == 1
    assert rows["actors"] == len(result.actors) and rows["events"] == len(result.events) > 0
    assert rows["quotes"] == len(result.quotes)
    for table, row in result_rows(result):
        assert len(row) == len(COLUMNS[table]) + 1
        assert row[-1] == "2019-09-23"
    article = next(row for table, row in result_rows(result) if table == "articles")
    assert json.loads(article[len(COLUMNS["articles"]) - 1]) == result.to_json()


@pytest.mark.model
def test_results_come_back_from_their_json(nlp):
    from cable.pipeline import process

    for path in sorted(EXAMPLES.glob("wikinews-*")):
        result = process(path.read_text("utf-8"), input=str(path), nlp=nlp)
        record = json.loads(json.dumps(result.to_json()))
        back = result_from_json(record)
        assert back.to_json() == record
        assert back == result
    rejection = Rejection("x.html", "clean", "empty", "x.html: is empty")
    assert rejection_from_json(rejection_json(rejection)) == rejection
    with pytest.raises(ValueError):
        result_from_json({"schema": "other/2"})


# -- the Spark job in local[2] --------------------------------------------------


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if not shutil.which("java"):
        pytest.skip("Spark needs Java 17 (java is not on PATH)")
    from cable.batch.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def local_outcomes(corpus, nlp):
    from cable.pipeline import process_many

    return list(process_many(document_items(corpus), nlp=nlp))


@pytest.fixture(scope="module")
def batch_out(spark, corpus, tmp_path_factory):
    from cable.batch.spark import run_batch

    out = tmp_path_factory.mktemp("tables")
    written = run_batch(corpus, str(out), spark=spark)
    return out, written


def read_table(out: Path, table: str) -> list[dict]:
    columns = [name for name, _ in COLUMNS[table]] + [PARTITION]
    return list(table_rows(out / table, columns))


def ordered(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True) for row in rows)


@pytest.mark.model
def test_spark_tables_are_partitioned_by_date(batch_out):
    out, written = batch_out
    for table in TABLES:
        assert (out / table).is_dir(), table
    days = {p.name for p in (out / "articles").iterdir() if p.is_dir()}
    assert "published_date=2019-10-10" in days  # the HTML page's own date
    assert "published_date=2019-01-23" in days  # the date its JSONL line gives
    assert "published_date=__HIVE_DEFAULT_PARTITION__" in days  # the article with no date
    assert written["articles"] == 6 and written["rejections"] == 1
    [rejected] = read_table(out, "rejections")
    assert rejected["input"].endswith("dump.jsonl:3") and rejected[PARTITION] is None


@pytest.mark.model
def test_spark_rows_match_the_local_runner(batch_out, local_outcomes):
    out, _ = batch_out
    local = {r.article.id: r for r in local_outcomes if not isinstance(r, Rejection)}
    articles = read_table(out, "articles")
    assert sorted(a["article_id"] for a in articles) == sorted(local)
    events = Counter(e["article_id"] for e in read_table(out, "events"))
    assert events == Counter({aid: len(r.events) for aid, r in local.items() if r.events})
    for row in articles:
        assert json.loads(row["record"]) == local[row["article_id"]].to_json()
        assert row[PARTITION] == local[row["article_id"]].article.published
    assert [r.code for r in local_outcomes if isinstance(r, Rejection)] == [read_table(out, "rejections")[0]["code"]]


@pytest.mark.model
def test_a_rerun_replaces_and_never_duplicates(batch_out, corpus):
    out, _ = batch_out
    before = {table: ordered(read_table(out, table)) for table in TABLES}
    result = CliRunner().invoke(batch, [*corpus, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "6 articles" in result.output
    after = {table: ordered(read_table(out, table)) for table in TABLES}
    assert after == before
    assert len(set(after["articles"])) == len(after["articles"]) == 6


@pytest.mark.model
def test_load_twice_stores_each_article_once(batch_out, local_outcomes, tmp_path):
    out, _ = batch_out
    db = tmp_path / "batch.db"
    first = CliRunner().invoke(load, [str(out), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "6 stored" in first.output
    second = CliRunner().invoke(load, [str(out), "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert "6 unchanged" in second.output and "stored" not in second.output.splitlines()[0]
    with open_store(str(db)) as store:
        counts = store.counts()
        for outcome in local_outcomes:
            if not isinstance(outcome, Rejection):
                assert store.article(outcome.article.id) == outcome.to_json()
    results = [r for r in local_outcomes if not isinstance(r, Rejection)]
    assert counts["articles"] == 6 and counts["rejections"] == 1
    assert counts["events"] == sum(len(r.events) for r in results)


def test_load_refuses_a_folder_without_tables(tmp_path):
    from cable.errors import CableError

    with open_store("memory:") as store, pytest.raises(CableError, match="no articles table"):
        load_output(str(tmp_path), store)
