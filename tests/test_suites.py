"""Suite readers, the scorer, the pipeline coder and the code/eval commands.

Readers and scorer run on the tiny suites in tests/data/suites (written for
these tests) and on hand-built events; only the coder and CLI tests load the
model. The real suites are checked for their sizes when ../shared is there.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cable.cli import cli
from cable.errors import InputError
from cable.records import Actor, Article, Event, Result, Span
from cable.suites import (CodedEvent, GoldEvent, NullCoder, PipelineCoder, SuiteRecord, choose_coder,
                          detect_format, evaluate, read_suite, score_record, suite_dictionaries)
from cable.suites.conventions import convention_code
from cable.suites.pipeline_coder import coded_events

DATA = Path(__file__).resolve().parent / "data" / "suites"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "anchors"


def test_suites_detect_each_format():
    formats = {name: detect_format(DATA / name) for name in
               ("mini.petrarch.xml", "mini.tabari.txt", "mini.petrarch2.json", "mini.plover.json",
                "mini.quad.tsv", "mini.jsonl")}
    assert formats == {"mini.petrarch.xml": "petrarch", "mini.tabari.txt": "tabari",
                       "mini.petrarch2.json": "petrarch2", "mini.plover.json": "plover",
                       "mini.quad.tsv": "conflibert", "mini.jsonl": "jsonl"}
    with pytest.raises(InputError):
        detect_format(DATA / "Mini.verbs.txt")
    with pytest.raises(InputError):
        read_suite(DATA)  # several suite files: the folder does not say which


def test_suites_petrarch_reader():
    records = read_suite(DATA / "mini.petrarch.xml").records
    assert [r.id for r in records] == ["DEMO-01", "COMPOUND-01", "DEMO-02", "ERROR-01"]
    demo = records[0]
    assert demo.text == "Chile invaded Peru on Monday."
    assert demo.date == "2001-02-03" and demo.category == "DEMO"
    assert demo.gold == [GoldEvent("CHL", "PER", "192")]
    assert demo.parse.startswith("(ROOT (S (NP (NNP Chile))")
    assert demo.extra["notes"] == ["one event, with a parse"]
    assert records[1].gold == [GoldEvent("KEN", "TZA", "057"), GoldEvent("UGA", "TZA", "057")]
    assert records[1].parse is None
    assert (records[2].gold, records[2].extra["expect"]) == ([], "none")
    assert (records[3].gold, records[3].extra["expect"]) == ([], "sentencediscard")
    assert all(r.kind == "events" for r in records)


def test_suites_tabari_reader():
    records = read_suite(DATA / "mini.tabari.txt").records
    by_id = {r.id: r for r in records}
    assert list(by_id) == ["DEMO-01", "DEMO-02", "NONE-01", "OPT-Set", "SKIP-01", "YEAR-01"]  # stops at FINAL-01
    demo = by_id["DEMO-01"]
    assert demo.text == "Chile invaded Peru on Monday, officials in Santiago said."
    assert (demo.date, demo.category, demo.gold) == ("2001-01-01", "DEMO", [GoldEvent("CHL", "PER", "192")])
    # an expectation line left outside the comment still counts, and is not text
    assert len(by_id["DEMO-02"].gold) == 3 and "{" not in by_id["DEMO-02"].text
    assert by_id["NONE-01"].gold == [] and by_id["NONE-01"].kind == "events"
    assert by_id["OPT-Set"].kind == "none" and by_id["OPT-Set"].extra["options"] == ["SET: CODE BY SENTENCE"]
    assert by_id["SKIP-01"].kind == "none" and by_id["SKIP-01"].date == "1995-01-02"
    assert by_id["YEAR-01"].date is None and by_id["YEAR-01"].extra["date_raw"] == "186010029"
    from cable.suites.tabari import read_tabari

    assert read_tabari(DATA / "mini.tabari.txt", standard_only=False)[-1].id == "LATE-01"


def test_suites_petrarch2_cases_reader():
    records = read_suite(DATA / "mini.petrarch2.json").records
    assert [(r.id, r.kind) for r in records] == [
        ("test_version", "none"), ("test_event", "events"), ("test_meaning", "actors"),
        ("test_dated-20010101", "actors"), ("test_dated-19800101", "actors")]
    assert records[1].gold == [GoldEvent("CHL", "PER", "192")] and records[1].parse.startswith("(ROOT")
    assert records[2].extra["actors"] == ["CHLMIL"]
    assert records[4].date == "1980-01-01" and records[4].extra["actors"] == ["PERMIL"]


def test_suites_plover_reader_maps_old_types_and_codes():
    records = read_suite(DATA / "mini.plover.json").records
    assert [r.id for r in records] == ["MINI-DEMAND-0001", "MINI-AGREE-0001"]  # DOCUMENT skipped
    demand, agree = records
    assert (demand.kind, demand.category, demand.extra["event"]) == ("plover", "REQUEST", "REQUEST")
    assert demand.extra["actor_codes"] == ["JPN"] and demand.extra["recipient_codes"] == ["KOR"]
    assert agree.extra["actor_codes"] == ["KEN", "UGA"] and agree.extra["recipient_codes"] == []


def test_suites_quad_and_jsonl_readers():
    quad = read_suite(DATA / "mini.quad.tsv").records
    assert [(r.id, r.extra["quad"], r.category) for r in quad] == [
        ("mini.quad-1", 4, "4 material conflict"), ("mini.quad-2", 1, "1 verbal cooperation"),
        ("mini.quad-4", 0, "0 neutral")]
    lines = read_suite(DATA / "mini.jsonl").records
    assert [(r.id, r.date, r.text, r.kind) for r in lines] == [
        ("s1", "2001-01-01", "Chile invaded Peru on Monday.", "none"),
        ("s2", "2001-01-02", "The weather was mild.", "none")]


def test_suites_dictionaries_named_by_the_suite(tmp_path):
    names = [p.name for p in suite_dictionaries(DATA / "mini.petrarch.xml")]
    assert names == ["Mini.verbs.txt", "Mini.actors.txt", "Mini.agents.txt", "Mini.discards.txt"]
    assert suite_dictionaries(DATA / "mini.petrarch.xml")[0] == DATA / "Mini.verbs.txt"  # found beside it
    assert [p.name for p in suite_dictionaries(DATA / "mini.tabari.txt")] == ["mini.verbs", "mini.actors",
                                                                             "mini.options"]
    assert suite_dictionaries(DATA / "mini.tabari.txt", tmp_path)[0] == tmp_path / "mini.verbs"
    assert suite_dictionaries(DATA / "mini.jsonl") == []
    coder, note = choose_coder(suite_dictionaries(DATA / "mini.tabari.txt"))
    assert isinstance(coder, PipelineCoder) and "mini.actors" in note
    assert choose_coder([])[1] is None


def _record(gold, category="DEMO", **kw):
    return SuiteRecord(id=kw.pop("id", "r"), date=None, text="", category=category,
                       gold=[GoldEvent(*g) for g in gold], **kw)


def test_suites_score_exact_missed_and_extra():
    record = _record([("ARN", "GON", "064"), ("ARN", "DAG", "064")])
    right = score_record(record, [CodedEvent("ARN", "DAG", "064"), CodedEvent("ARN", "GON", "064")])
    assert (right.exact, right.correct, right.gold, right.n_coded) == (True, 2, 2, 2)
    partial = score_record(record, [CodedEvent("ARN", "GON", "064"), CodedEvent("ARN", "GON", "111")])
    assert (partial.exact, partial.correct) == (False, 1)
    # a repeated event matches one gold event only
    twice = score_record(_record([("ARN", "GON", "064")]), [CodedEvent("ARN", "GON", "064")] * 2)
    assert (twice.exact, twice.correct, twice.n_coded) == (False, 1, 2)
    # "no events" is right only when nothing is coded
    assert score_record(_record([]), []).exact
    assert not score_record(_record([]), [CodedEvent("ARN", None, "010")]).exact


class Scripted:
    """Codes each record with the events given for its id."""

    def __init__(self, events):
        self.events = events

    def code(self, record):
        return self.events.get(record.id, [])


def test_suites_evaluate_counts_and_categories():
    records = [
        _record([("ARN", "GON", "064")], "DEMO", id="a"),
        _record([("ARN", "GON", "064"), ("GON", "ARN", "064")], "COMPOUND", id="b"),
        _record([], "DEMO", id="c"),
        _record([("X", "Y", "010")], "DEMO", id="d", kind="none"),
    ]
    coder = Scripted({"a": [CodedEvent("ARN", "GON", "064")], "b": [CodedEvent("ARN", "GON", "064")],
                      "c": [CodedEvent("ARN", "DAG", "120"), CodedEvent("DAG", "ARN", "120")]})
    report = evaluate(records, coder, suite="mini")
    total = report.tally("events")
    assert (total.records, total.exact, total.gold, total.correct, total.uncoded, total.extra) == (3, 1, 3, 2, 1, 2)
    assert report.unchecked == 1
    demo = report.tally("events", "DEMO")
    assert (demo.records, demo.exact, demo.gold, demo.extra) == (2, 1, 1, 2)
    p, r, f = total.prf()
    assert (round(p, 3), round(r, 3)) == (0.5, 0.667)
    table = report.table()
    assert "COMPOUND" in table and "extra 66.7%" in table and "uncoded 33.3%" in table
    assert evaluate(records, NullCoder()).tally("events").correct == 0
    assert evaluate(records, coder, limit=1).tally("events").records == 1
    assert json.loads(json.dumps(report.to_json()))["kinds"]["events"]["all"]["extra"] == 2


def test_suites_score_plover_and_quad():
    plover = read_suite(DATA / "mini.plover.json").records
    right = score_record(plover[0], [CodedEvent("JPNGOV", "KORGOV", "1041", "REQUEST")])
    assert right.checks == {"type": True, "type_any": True, "actors": True, "recipients": True}
    wrong = score_record(plover[1], [CodedEvent("KEN", None, "111", "ACCUSE"), CodedEvent("KEN", None, "030", "AGREE"),
                                     CodedEvent("UGA", None, "030", "AGREE")])
    assert wrong.checks == {"type": False, "type_any": True, "actors": False}
    agree = score_record(plover[1], [CodedEvent("KEN", None, "030", "AGREE"), CodedEvent("UGA", None, "030", "AGREE")])
    assert agree.checks["actors"] and agree.exact
    quad = read_suite(DATA / "mini.quad.tsv").records
    assert score_record(quad[0], [CodedEvent("CHL", "PER", "192", "COERCE")]).exact  # 19 -> Phoenix 4
    assert not score_record(quad[2], []).exact  # no event, no class
    report = evaluate(quad, Scripted({"mini.quad-1": [CodedEvent("CHL", "PER", "192")],
                                      "mini.quad-2": [CodedEvent("A", "B", "111")]}))
    assert report.tally("quad").passed["quad"] == 1
    assert round(report.macro_f1(), 3) == round((1 + 0 + 0) / 3, 3)


def test_suites_pipeline_events_become_dyads():
    actors = [Actor("a1", "Kenya", "country", "KEN", None, "KEN"),
              Actor("a2", "Uganda", "country", "UGA", None, "UGA"),
              Actor("a3", "Tanzania", "country", "TZA", None, "TZA")]
    span = Span(0, 6, "signed")

    def event(status, recipients):
        return Event("e1", "COOPERATE", None, [], "057", 2, 1.0, ["a1", "a2"], recipients, None, None,
                     status, span, (0, 10), 0.8)

    article = Article("x", None, None, None, None, None, None, "en", "")
    result = Result(article, actors=actors, events=[event("occurred", ["a3"]), event("negated", ["a3"]),
                                                    event("planned", [])])
    assert coded_events(result) == [CodedEvent("KEN", "TZA", "057", "COOPERATE"),
                                    CodedEvent("UGA", "TZA", "057", "COOPERATE"),
                                    CodedEvent("KEN", None, "030", "AGREE"),  # planned: an intent
                                    CodedEvent("UGA", None, "030", "AGREE")]


@pytest.mark.model
def test_suites_pipeline_coder_codes_a_sentence(nlp):
    coder = PipelineCoder(nlp)
    record = SuiteRecord("x", "2001-01-01", "Chile invaded Peru on Monday.", "DEMO")
    events = coder.code(record)
    assert [(e.source, e.target) for e in events] == [("CHL", "PER")]
    assert events[0].cameo.startswith("19")
    assert set(coder.actor_codes(record)) == {"CHL", "PER"}
    assert coder.code(SuiteRecord("y", None, "", "DEMO")) == []


@pytest.mark.model
def test_suites_cli_code_and_eval():
    runner = CliRunner()
    result = runner.invoke(cli, ["code", str(DATA / "mini.jsonl"), "--jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["s1", "s2"]
    assert set(lines[0]["events"][0]) == {"source", "target", "cameo", "plover"}
    assert lines[1]["events"] == []
    result = runner.invoke(cli, ["eval", str(DATA / "mini.petrarch.xml"), "--json"])
    assert result.exit_code == 0, result.output
    assert "no dictionary coder" in result.stderr or "not in" in result.stderr
    scores = json.loads(result.stdout)["kinds"]["events"]
    assert scores["all"]["records"] == 4 and scores["all"]["gold_events"] == 3
    table = runner.invoke(cli, ["eval", str(DATA / "mini.petrarch.xml"), "--limit", "2"]).stdout
    assert "DEMO" in table and "COMPOUND" in table and "ERROR" not in table


@pytest.mark.skipif(not SHARED.exists(), reason=f"anchor suites not found at {SHARED}")
def test_suites_real_suite_sizes():
    petrarch = read_suite(SHARED / "petrarch2/petrarch2/data/text/PETR.UnitTest.records.xml")
    assert len(petrarch.records) == 284 and sum(len(r.gold) for r in petrarch.records) == 359
    assert [p.name for p in petrarch.dictionaries][0] == "PETR.Validate.verbs.txt"
    assert all(p.is_file() for p in petrarch.dictionaries)
    tabari = read_suite(SHARED / "TABARI-Code")
    assert tabari.path.name == "Validate.text" and tabari.records[-1].id == "MINWRD-05"
    assert [p.name for p in tabari.dictionaries] == ["TABARI.Demo.verbs", "TABARI.Demo.actors",
                                                     "Validate.agents", "Validate.options"]
    assert len(read_suite(SHARED / "petrarch2/derived/petrarch2_pytest_cases.json").records) == 19
    assert len(read_suite(SHARED / "PLOVER/gold_standard_records").records) == 322
    assert len(read_suite(SHARED / "ConfliBERT/data/cameo_class/train.tsv").records) == 1349


def test_suites_cameo_conventions_table():
    assert convention_code("intent", "042") == "036"  # will visit: intent to meet
    assert convention_code("intent", "0841") == "0353"  # will release: intent to release
    assert convention_code("intent", "1723") == "1323"  # will impose a curfew: a threat
    assert convention_code("intent", "190") == "138"
    assert convention_code("intent", "162") == "1311"  # will stop aid: threaten to stop aid
    assert convention_code("obligation", "0841") == "1053"  # must release: demand release
    assert convention_code("refusal", "030") == "120"
    assert convention_code("intent", "100") is None  # a planned demand stays a demand
    assert convention_code("intent", None) is None


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("France said that Germany must release the two journalists.", ("FRA", "DEU", "1053", "REQUEST")),
    ("Egypt said Libya must stop the fighting.", ("EGY", "LBY", "100", "REQUEST")),
    ("The Japanese prime minister will visit China next week.", ("JPN", "CHN", "036", "AGREE")),
    ("Kenya said it will not accept the proposal.", ("KEN", None, "120", "REJECT")),
    ("Chile lifted the state of emergency on Monday.", ("CHL", None, "081", "CONCEDE")),
    ("Kenya may halt its aid to Uganda if the fighting continues.", ("KEN", None, "1311", "THREATEN")),
    ("Japan expressed condolences to Kenya.", ("JPN", "KEN", "018", None)),  # statements: no PLOVER type
    ("Peru said it is skeptical about the plan.", ("PER", None, "012", None)),
    ("Peru is considering sending aid to Chile.", ("PER", None, "014", None)),
    ("Kenya rejected the accusations by Uganda.", ("KEN", None, "016", None)),
    ("Kenya said it will not accept refugees from Uganda.", ("KEN", None, "122", "REJECT")),
    ("Peru and Chile failed to reach an agreement.", ("PER", None, "127", "REJECT")),
])
def test_suites_dyads_follow_cameo_conventions(nlp, text, expected):
    events = PipelineCoder(nlp).code(SuiteRecord("x", "2020-01-01", text, "DEMO"))
    source, target, cameo, plover = expected
    first = events[0]
    assert ((first.source or "")[:3], (first.target or "")[:3] or None, first.cameo, first.plover) \
        == (source, target, cameo, plover)


@pytest.mark.model
def test_suites_what_did_not_happen_stays_uncoded(nlp):
    coder = PipelineCoder(nlp)
    assert coder.code(SuiteRecord("x", "2020-01-01", "Kenya did not accept the proposal.", "DEMO")) == []
    said = coder.code(SuiteRecord("y", "2020-01-01", "France said Germany released the journalists.", "DEMO"))
    assert [e.plover for e in said] == ["RETREAT"]  # a report of a fact, no demand
    maybe = coder.code(SuiteRecord("z", "2020-01-01", "Kenya may halt its aid to Uganda.", "DEMO"))
    assert maybe == []  # possible, on no condition: no threat
    general = coder.code(SuiteRecord("w", "2020-01-01", "The report expressed concern about prices.", "DEMO"))
    assert general == []  # a statement needs an actor who makes it
