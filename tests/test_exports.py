"""Exports in the field's layouts, from a store loaded with the bundled examples."""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cable.cli import cli
from cable.dyads import dyads
from cable.exports import GDELT_COLUMNS, ICEWS_COLUMNS, stable_id
from cable.store import open_store

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("x") / "ex.db")
    assert CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", path]).exit_code == 0
    return path


def export(db, *args):
    result = CliRunner().invoke(cli, ["export", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def events(db):
    with open_store(db) as store:
        return store.events(limit=10**6)


def test_gdelt_rows_have_61_columns_one_per_dyad(db):
    rows = [line.split("\t") for line in export(db, "--format", "gdelt").splitlines()]
    assert len(GDELT_COLUMNS) == 61 and all(len(r) == 61 for r in rows)
    expected = sum(len(dyads(e["actors"], e["recipients"])) for e in events(db)
                   if e.get("published") and e["status"] in ("occurred", "planned"))
    assert len(rows) == expected
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    for r in rows:
        assert len(r[col["SQLDATE"]]) == 8 and r[col["EventRootCode"]] == r[col["EventCode"]][:2]
        assert r[col["QuadClass"]] in {"1", "2", "3", "4"}
    assert len({r[0] for r in rows}) == len(rows)  # ids are unique
    assert export(db, "--format", "gdelt") .splitlines()[0].split("\t")[0] == rows[0][0]  # and stable


def test_planned_events_are_intents_and_unhappened_ones_are_left_out(db):
    rows = [line.split("\t") for line in export(db, "--format", "gdelt").splitlines()]
    codes = {r[GDELT_COLUMNS.index("EventCode")] for r in rows}
    planned = [e for e in events(db) if e["status"] == "planned" and e["cameo"] and e["cameo"].startswith("04")]
    assert planned and "036" in codes  # a planned meeting is a stated intent to meet
    negated = [e for e in events(db) if e["status"] == "negated"]
    ids = {r[0] for r in rows}
    assert negated and all(str(stable_id(e["article_id"], e["id"], "0")) not in ids for e in negated)


def test_icews_rows_name_countries_and_expand_multilateral_events(db):
    table = list(csv.reader(io.StringIO(export(db, "--format", "icews")), delimiter="\t"))
    assert table[0] == ICEWS_COLUMNS
    body = [dict(zip(table[0], r)) for r in table[1:]]
    assert any(r["Source Country"] == "Egypt" for r in body)
    multilateral = [e for e in events(db) if len(e["actors"]) + len(e["recipients"]) > 2]
    assert multilateral and len(body) > len(events(db))


def test_json_layouts_keep_actor_lists_and_evidence(db):
    polecat = [json.loads(x) for x in export(db, "--format", "polecat").splitlines()]
    assert len(polecat) == len(events(db))
    first = polecat[0]
    assert first["event_type"] and first["sentence"] and first["trigger"]["text"] in first["sentence"]
    assert any(len(e["actors"]) > 1 for e in polecat)
    plover = [json.loads(x) for x in export(db, "--format", "plover-jsonl", "--country", "GRC").splitlines()]
    assert plover and all({"source", "target", "event", "mode", "context", "text"} <= r.keys() for r in plover)
    assert all(any(p["code"] == "GRC" for p in r["source"] + r["target"]) for r in plover)


def test_csv_and_parquet(db, tmp_path):
    rows = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--type", "CONSULT"))))
    assert rows and all(r["plover"] == "CONSULT" for r in rows)
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "e.parquet"
    export(db, "--format", "parquet", "--out", str(out))
    assert pq.read_table(out).num_rows == len(events(db))


def test_parquet_needs_a_file_and_ids_are_stable():
    result = CliRunner().invoke(cli, ["export", "--format", "parquet", "--db", "memory:"])
    assert result.exit_code == 2 and "--out" in result.output
    assert stable_id("a", "e1", "0") == stable_id("a", "e1", "0") != stable_id("a", "e1", "1")
