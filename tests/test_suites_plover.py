"""How Cable's default coder codes actors' countries for sentence-level suites: home
countries, today's ISO codes, two-sided acts, the subject's person over a dictionary's
reading; and the PLOVER gold standard's floors (read from ../shared, skipped without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cable.records import Actor, Article, Result
from cable.suites import CombinedCoder, SuiteRecord, evaluate, read_suite
from cable.suites.base import CodedEvent
from cable.suites.current_codes import current_code
from cable.suites.home import home_code, homeless, settle_codes, unplaced

pytestmark = pytest.mark.model

PLOVER = Path(__file__).resolve().parents[2] / "shared" / "anchors" / "PLOVER" / "gold_standard_records"


@pytest.fixture(scope="module")
def coder(nlp):
    return CombinedCoder(nlp)


def code(coder, text: str, date: str | None = "2001-03-01") -> list[CodedEvent]:
    return coder.code(SuiteRecord("t", date, text, "TEST"))


# --- home countries --------------------------------------------------------------------------

def test_suites_actor_without_country_takes_the_place_the_sentence_names(coder):
    first = code(coder, "The opposition alliance called off its rally in Nairobi on Monday.")[0]
    assert first.source == "KENOPP"


def test_suites_two_countries_and_no_place_leave_the_actor_without_one(coder):
    events = code(coder, "The opposition alliance accused Kenya and Uganda of fraud.")
    assert events and all(e.source == "---OPP" for e in events)


def test_suites_home_code_helpers():
    assert home_code("---GOV", None, "SDN") == "SDNGOV"
    assert home_code(None, "REB", "COL") == "COLREB"
    assert unplaced("---GOV") and not unplaced("---IGO") and not unplaced("USAGOV") and not unplaced(None)
    undone = Actor("a1", "rebels", "group", None, "REB", None)
    international = Actor("a2", "relief agency", "organization", None, "NGO", None)
    assert homeless(undone) and not homeless(undone, uncoded=False) and not homeless(international)
    assert settle_codes(CodedEvent("---GOV", "---IGO", "010"), "PER") == CodedEvent("PERGOV", "---IGO", "010")


def test_suites_dictionary_source_takes_the_subjects_country_when_its_sector_agrees():
    person = Actor("a1", "Ana Diaz", "person", "CHL", "GOV", "CHLGOV")
    event = CodedEvent("---GOV", "PER", "042")
    assert settle_codes(event, None, person).source == "CHLGOV"
    assert settle_codes(CodedEvent("---MIL", "PER", "042"), None, person).source == "---MIL"


def test_suites_subjects_dated_person_over_a_dictionary_reading(coder):
    first = code(coder, "President Omar Hassan al-Bashir visited farms in Sudan on Monday.",
                 "2000-06-01")[0]
    assert first.source == "SDNGOV"


# --- codes in today's ISO 3166 ----------------------------------------------------------------

def test_suites_current_codes():
    assert current_code("SCGSRBLEG") == "SRBLEG"  # Serbia within Serbia and Montenegro
    assert current_code("YUGHRV") == "HRV"
    assert current_code("ZARGOV") == "CODGOV"  # a withdrawn code's successor
    assert current_code("SCGGOV") == "SCGGOV"  # the union itself has no code today
    assert current_code("USAGOV") == "USAGOV" and current_code(None) is None


# --- two-sided acts ---------------------------------------------------------------------------

def test_suites_a_telephone_call_is_coded_both_ways(coder):
    events = code(coder, "Kenya's foreign minister telephoned the Ugandan president on Monday.")
    assert {(e.source[:3], e.target[:3]) for e in events} == {("KEN", "UGA"), ("UGA", "KEN")}


def test_suites_talks_are_two_sided_a_meeting_is_not(coder):
    talks = code(coder, "Kenya held talks with Uganda.")
    assert {(e.source, e.target) for e in talks} == {("KEN", "UGA"), ("UGA", "KEN")}
    met = code(coder, "Kenya met Uganda's president.")
    assert [(e.source[:3], e.target[:3]) for e in met] == [("KEN", "UGA")]


def test_suites_coded_events_accept_codes_for_actors():
    from cable.records import Event, Span
    from cable.suites.pipeline_coder import coded_events

    actors = [Actor("a1", "rebels", "group", None, "REB", None), Actor("a2", "Peru", "country", "PER", None, "PER")]
    event = Event("e1", "ASSAULT", None, [], "190", 4, -10.0, ["a1"], ["a2"], None, None, "occurred",
                  Span(7, 15, "attacked"), (0, 20), 0.8)
    result = Result(Article("x", None, None, None, None, None, None, "en", ""), actors=actors, events=[event])
    assert coded_events(result, codes={"a1": "PERREB", "a2": "PER"}) == [
        CodedEvent("PERREB", "PER", "190", "ASSAULT")]


# --- the PLOVER gold standard -----------------------------------------------------------------

@pytest.mark.skipif(not PLOVER.is_dir(), reason="needs ../shared/anchors/PLOVER")
def test_plover_gold_actor_country_floor(coder):
    report = evaluate(read_suite(PLOVER).records, coder, suite="plover")
    tally = report.tally("plover")
    assert tally.share("actors") >= 0.859  # 276 of 321
    assert tally.share("type") >= 0.798  # 257 of 322
    assert tally.share("recipients") >= 0.701  # 202 of 288
