"""Cable's default dictionaries and the default coder for raw text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cable.cli import cli
from cable.dictionaries import load_dictionaries
from cable.suites import CodedEvent, SuiteRecord, choose_coder, evaluate, read_suite
from cable.suites.combined import CombinedCoder, combine, fill_codes
from cable.suites.defaults import NAMES, PACKAGED, default_dictionaries

PLOVER = Path(__file__).resolve().parents[2] / "shared" / "anchors" / "PLOVER" / "gold_standard_records"
CONFLIBERT = PLOVER.parents[1] / "ConfliBERT" / "data" / "cameo_class" / "train.tsv"


def test_packaged_files_unpack_and_load():
    paths = default_dictionaries()
    assert [p.name for p in paths] == list(NAMES)
    assert all((PACKAGED / f"{name}.gz").is_file() for name in NAMES)
    assert (PACKAGED / "petrarch2-LICENSE").is_file()
    loaded = load_dictionaries(paths)
    assert len(loaded.actors) > 25000
    assert len(loaded.agents) > 4000
    assert len(loaded.verbs) > 300
    assert len(loaded.discards) > 400 and len(loaded.issues) > 4000


def test_combine_prefers_pipeline_and_fills_codes():
    ours = [CodedEvent("USAGOV", None, "042", "CONSULT")]
    theirs = [CodedEvent("USA", "CHN", "040", "CONSULT")]
    assert combine(ours, theirs) == [CodedEvent("USAGOV", "CHN", "042", "CONSULT")]
    assert combine([], theirs) == theirs
    assert combine(ours, []) == ours
    # a target that repeats the source is not borrowed
    assert fill_codes(CodedEvent("FRA", None, "190", "ASSAULT"), CodedEvent(None, "FRA", "190", None)).target is None


def test_suites_without_dictionaries_get_the_default_coder():
    coder, note = choose_coder([])
    assert isinstance(coder, CombinedCoder) and note is None


def test_cable_code_gives_full_actor_codes(tmp_path):
    lines = [{"id": "one", "date": "2020-03-02", "text": "Germany invaded France on Tuesday."},
             {"id": "two", "date": "2020-03-02", "text": "Japan accused China of spying."}]
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(path), "--jsonl"])
    assert result.exit_code == 0, result.output
    coded = {row["id"]: row["events"] for row in map(json.loads, result.stdout.splitlines())}
    pairs = {key: {(e["source"][:3], (e["target"] or "")[:3]) for e in events} for key, events in coded.items()}
    assert ("DEU", "FRA") in pairs["one"]
    assert ("JPN", "CHN") in pairs["two"]


@pytest.mark.skipif(not PLOVER.is_dir(), reason="needs ../shared/anchors/PLOVER")
def test_plover_gold_floor(nlp):
    records = read_suite(PLOVER).records[:150]
    report = evaluate(records, CombinedCoder(nlp), suite="plover")
    tally = report.tally("plover")
    assert tally.share("type") >= 0.84
    assert tally.share("actors") >= 0.82
    assert tally.share("recipients") >= 0.68


@pytest.mark.skipif(not CONFLIBERT.is_file(), reason="needs ../shared/anchors/ConfliBERT")
def test_conflibert_quad_floor(nlp):
    records = read_suite(CONFLIBERT).records[:300]
    report = evaluate(records, CombinedCoder(nlp), suite="quad")
    assert report.tally("quad").share("quad") >= 0.92


def test_fallback_codes_a_source_without_a_target(nlp):
    from dataclasses import replace

    from cable.coder import SPACY, DictionaryCoder

    coder = DictionaryCoder(default_dictionaries(), nlp=nlp, reading=SPACY)
    record = SuiteRecord("x", "2020-01-01", "Syrian rebels surrendered on Monday.", "DEMO")
    assert coder.code_triples(record) == []  # PETRARCH: no target, no event
    coder.settings = replace(coder.settings, source_only=True)
    assert [(t.source[:3], t.target) for t in coder.code_triples(record)] == [("SYR", "---")]
    assert CombinedCoder(nlp).dictionary_coder.settings.source_only
