"""The dictionary coder: its rules on small hand-made dictionaries and sentences
(tests/data/coder), and its scores on the TABARI and PETRARCH suites (read from
../shared; skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cable.coder import DictionaryCoder
from cable.coder.matching import Binding, as_sequence, compile_pattern, match_steps
from cable.coder.model import Mark, Phrase
from cable.coder.tabari_text import tabari_words
from cable.coder.treebank import read_tree
from cable.coder.verbs import VerbFinder
from cable.dictionaries import load_dictionaries
from cable.suites import evaluate, read_suite
from cable.suites.base import SuiteRecord

from conftest import SHARED

DATA = Path(__file__).resolve().parent / "data" / "coder"
PETRARCH_SUITE = SHARED / "anchors/petrarch2/petrarch2/data/text/PETR.UnitTest.records.xml"
TABARI_SUITE = SHARED / "anchors/TABARI-Code/Validate.text"
PETRARCH2_CASES = SHARED / "anchors/petrarch2/derived/petrarch2_pytest_cases.json"


def coder_for(folder: str, **options) -> DictionaryCoder:
    paths = sorted((DATA / folder).iterdir())
    if folder == "petrarch2":
        paths += [p for p in sorted((DATA / "petrarch").iterdir()) if "verbs" not in p.name]
    return DictionaryCoder(load_dictionaries(paths, cache=False), **options)


@pytest.fixture(scope="module")
def petrarch():
    return coder_for("petrarch")


@pytest.fixture(scope="module")
def tabari():
    return coder_for("tabari")


def record(text: str, day: str = "2012-03-01", parse: str | None = None, **extra) -> SuiteRecord:
    return SuiteRecord("t", day, text, "", parse=parse, extra=dict(extra))


def triples(events) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.cameo) for e in events}


# -- PETRARCH rules over Treebank parses ----------------------------------------

RECORDS = json.loads((DATA / "records.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", RECORDS, ids=[c["id"] for c in RECORDS])
def test_treebank_records(petrarch, case):
    events = petrarch.code(record(case["text"], case["date"], case["parse"]))
    assert triples(events) == {tuple(e) for e in case["events"]}


@pytest.mark.parametrize("day, code", [("2008-05-01", "VALMIL"), ("2012-05-01", "VALGOV"),
                                       ("2020-05-01", "VALELI")])
def test_date_restricted_actor(petrarch, day, code):
    parse = "(ROOT (S (NP (NNP Toven) (NNP Ardis)) (VP (VBD visited) (NP (NNP Norhaven))) (. .)))"
    events = petrarch.code(record("Toven Ardis visited Norhaven.", day, parse))
    assert triples(events) == {(code, "NOR", "042"), ("NOR", code, "043")}


def test_config_lets_null_targets_through(petrarch):
    coder = coder_for("petrarch")
    parse = "(ROOT (S (NP (NNP Valoria)) (VP (VBD condemned) (NP (DT the) (NN decision))) (. .)))"
    assert coder.code(record("Valoria condemned the decision.", parse=parse)) == []
    lenient = record("Valoria condemned the decision.", parse=parse, config=[("require_dyad", "false")])
    assert triples(coder.code(lenient)) == {("VAL", "---", "122")}


def test_plover_type_comes_with_the_code(petrarch):
    parse = RECORDS[0]["parse"]
    (event,) = petrarch.code(record("Valoria condemned Norhaven.", parse=parse))
    assert event.cameo == "122" and event.plover == "REJECT"   # CAMEO 122 is a rejection


def test_actor_codes_of_a_bare_phrase(petrarch):
    phrase = record("The Valorian foreign minister", parse="(NP (DT The) (JJ Valorian) (JJ foreign) (NN minister))")
    assert petrarch.actor_codes(phrase) == ["VALGOV"]


def test_issues_of_a_text(petrarch):
    assert dict(petrarch.issues("Fishing rights and two harbours were discussed.")) == {"FISH": 1, "PORTS": 1}


# -- the pieces ------------------------------------------------------------------

def test_unbalanced_parse_is_rejected_unless_lenient():
    text = "(S (NP (NNP Valoria)) (VP (VBD left)"
    assert read_tree(text) is None
    tree = read_tree(text, strict=False)
    assert [leaf.word for leaf in tree.leaves()] == ["Valoria", "left"]


def test_verb_patterns_are_kept_compiled_on_disk(petrarch, tmp_path, monkeypatch):
    monkeypatch.setenv("CABLE_CACHE", str(tmp_path))
    fresh = VerbFinder(petrarch.dictionaries)
    stored = list((tmp_path / "patterns").glob("*.pickle"))
    assert len(stored) == 1
    again = VerbFinder(petrarch.dictionaries)
    entry = next(e for e in petrarch.dictionaries.verbs if e.patterns)
    key = (entry.file, entry.line)
    assert again._by_entry[key] == fresh._by_entry[key] and len(fresh._by_entry[key]) > 0
    assert [c.text for c in fresh._by_entry[key]] == [p.text for p in entry.patterns]


def test_pattern_binds_target_before_and_source_after(petrarch):
    entry = next(e for e in petrarch.dictionaries.verbs if e.name == "CONDEMN")
    pattern = entry.patterns[0]._replace(tokens=compile_tokens("+ WAS * BY $"))
    compiled = compile_pattern(pattern, petrarch.engine.verbs.members, tabari=False)
    nor, val = phrase("NOR"), phrase("VAL")
    upper = [Mark(nor, True), "NORHAVEN", Mark(nor, False), "WAS"]
    lower = ["BY", Mark(val, True), "VALORIA", Mark(val, False)]
    binding = Binding()
    assert match_steps(compiled.upper, as_sequence(upper, True), binding)
    assert match_steps(compiled.lower, as_sequence(lower, False), binding)
    assert (binding.target, binding.source) == (nor, val)


def compile_tokens(text: str):
    from cable.dictionaries.patterns import parse_pattern

    return parse_pattern(f"- {text} [000]", 1, "petrarch1").tokens


def phrase(code: str) -> Phrase:
    return Phrase((code,), ((code,),), (code,))


def test_tabari_filtering_keeps_abbreviations():
    words = [w.text for w in tabari_words("The U.N. met in Val-d'Or on Saturday; 1,500 came.")]
    assert words == ["THE", "U.N.", "MET", "IN", "VAL", "D'OR", "ON", "SATURDAY", ",", "1500", "CAME"]


# -- TABARI's sparse parse --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Valoria condemned Norhaven on Monday after a long meeting.", {("VAL", "NOR", "122")}),
    # a verb after THE is a noun; with no verb there is no event
    ("The shell hit Norhaven as Valoria watched from the hills.", set()),
    ("Valoria will shell Norhaven from the hills tonight.", {("VAL", "NOR", "195")}),
    ("Valoria will shell Norhaven with rockets from the hills.", {("VAL", "NOR", "1951")}),
    # a comma clause is dropped; the second clause keeps the source
    ("Valoria, angry at the new tariffs, condemned Norhaven and urged the Kestrel Islands to act.",
     {("VAL", "NOR", "122"), ("VAL", "KES", "102")}),
    # a subordinate code is kept when nothing else is coded
    ("Valoria said on Monday that it was ready to talk to Norhaven.", {("VAL", "NOR", "010")}),
    ("Norhaven was bombed by Valoria early on Sunday morning.", {("VAL", "NOR", "195")}),
    ("Valoria and the Kestrel Islands visited Norhaven last week to discuss trade.",
     {("VAL", "NOR", "042"), ("KES", "NOR", "042"), ("NOR", "VAL", "043"), ("NOR", "KES", "043")}),
    # discard code, complexity (no actor before the verb), and too short a text
    ("Valoria condemned Norhaven after a tense cricket match on Saturday night.", set()),
    ("After a long meeting on Monday, officials condemned Norhaven.", set()),
    ("Valoria condemned Norhaven.", set()),
])
def test_tabari_sentences(tabari, text, expected):
    assert triples(tabari.code(record(text))) == expected


@pytest.mark.parametrize("day, code", [("2008-05-01", "VALMIL"), ("2012-05-01", "VALGOV")])
def test_tabari_date_restriction(tabari, day, code):
    events = tabari.code(record("Toven Ardis condemned Norhaven on Monday after a long meeting.", day))
    assert triples(events) == {(code, "NOR", "122")}


def test_tabari_options_change_mid_suite():
    coder = coder_for("tabari")
    short = "Valoria condemned Norhaven."
    assert coder.code(record(short)) == []
    coder.code(record("Options.", options=["SET: MINIMUM WORDS = 3"]))
    assert triples(coder.code(record(short))) == {("VAL", "NOR", "122")}


# -- spaCy's parse ------------------------------------------------------------------

@pytest.fixture(scope="module")
def spacy_coder(nlp):
    return coder_for("petrarch2", nlp=nlp)


@pytest.mark.parametrize("text, expected", [
    ("Valoria condemned Norhaven on Monday.", {("VAL", "NOR", "122")}),
    ("Norhaven was attacked by Valorian soldiers.", {("VALMIL", "NOR", "190")}),
    ("Valoria and Norhaven condemned the Kestrel Islands.", {("VAL", "KES", "122"), ("NOR", "KES", "122")}),
    # "X said Y attacked Z": the embedded clause is coded, not the statement
    ("Valoria said Norhaven attacked the Kestrel Islands.", {("NOR", "KES", "190")}),
    ("Valoria said it was ready to meet Norhaven.", {("VAL", "NOR", "036"), ("NOR", "VAL", "036")}),
])
def test_spacy_sentences(spacy_coder, text, expected):
    assert triples(spacy_coder.code_text(text, "2012-03-01")) == expected


def test_code_doc_matches_code_text(spacy_coder, nlp):
    text = "Valoria condemned Norhaven on Monday. Norhaven shelled Valoria with rockets."
    expected = {("VAL", "NOR", "122"), ("NOR", "VAL", "195")}
    assert triples(spacy_coder.code_doc(nlp(text), "2012-03-01")) == expected
    assert triples(spacy_coder.code_text(text, "2012-03-01")) == expected


# -- the suites (floors) ----------------------------------------------------------------

def suite_report(path: Path, **options):
    if not path.exists():
        pytest.skip(f"suite not found at {path} (set CABLE_SHARED to the shared folder)")
    suite = read_suite(path)
    return evaluate(suite.records, DictionaryCoder(suite.dictionaries, **options), suite=suite.name)


def shares(report) -> tuple[float, float]:
    results = [r for r in report.results if r.kind == "events"]
    exact = sum(r.exact for r in results) / len(results)
    gold = sum(r.gold for r in results)
    extra = sum(r.n_coded - r.correct for r in results) / gold
    return exact, extra


def test_petrarch_unit_records():
    exact, extra = shares(suite_report(PETRARCH_SUITE))
    assert exact >= 0.98 and extra < 0.01


def test_petrarch_unit_records_through_spacy():
    exact, extra = shares(suite_report(PETRARCH_SUITE, reading="spacy"))
    assert exact >= 0.87 and extra < 0.08


def test_tabari_validation_suite():
    exact, extra = shares(suite_report(TABARI_SUITE))
    assert exact >= 0.97 and extra < 0.03


def test_petrarch2_unit_cases():
    report = suite_report(PETRARCH2_CASES)
    checked = [r for r in report.results if r.kind in ("events", "actors")]
    assert len(checked) == 16 and all(r.exact for r in checked)

