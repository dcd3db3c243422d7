"""Stances: cue verbs, nonstarter predicates, polarity and conditions; and the seed's positions."""

from __future__ import annotations

import pytest

from cable.pipeline.actortable import ActorTable
from cable.pipeline.stances import find_stances, is_conditional, noun_phrase
from conftest import SHARED, actor_named, word_table


def table(doc, actors: dict[str, list[str]]) -> ActorTable:
    return word_table(doc.text, actors, "country")


def stances_of(nlp, text, actors):
    doc = nlp(text)
    return doc, find_stances(doc, table(doc, actors), [])


@pytest.mark.parametrize("text,hedged", [
    ("talks can resume only after the rebels lay down their arms", True),
    ("there will be no deal unless the tariffs go", True),
    ("aid will flow as long as the ceasefire holds", True),
    ("the only question is when talks will resume", False),
    ("the talks resumed after a long pause", False),
])
def test_stances_conditional_markers(nlp, text, hedged):
    assert is_conditional(nlp(text)[:]) is hedged


def test_stances_maintains_that_only_after_is_conditional(nlp):
    doc, stances = stances_of(
        nlp, "The government maintains that negotiations with the rebels can resume only after "
             "they lay down their arms.", {"Colombia": ["The government"]})
    (stance,) = stances
    assert (stance.holder, stance.polarity) == ("a1", "conditional")
    assert stance.issue == "negotiations with the rebels"
    assert stance.position.startswith("negotiations with the rebels can resume")
    assert doc.text[stance.start:stance.end].startswith("The government maintains")


def test_stances_seeks_two_objects_gives_two_supports(nlp):
    _, stances = stances_of(nlp, "Iran seeks the lifting of sanctions and a return to the nuclear deal.",
                            {"Iran": ["Iran"]})
    assert [(s.issue, s.polarity) for s in stances] == [
        ("lifting of sanctions", "support"), ("return to the nuclear deal", "support")]
    assert [s.id for s in stances] == ["s1", "s2"]


def test_stances_rejects_and_negated_support_oppose(nlp):
    _, stances = stances_of(nlp, "The opposition rejects the new constitution. "
                                 "Germany does not support the proposal for a joint army.",
                            {"opposition": ["opposition"], "Germany": ["Germany"]})
    assert [(s.holder, s.issue, s.polarity) for s in stances] == [
        ("a1", "new constitution", "oppose"), ("a2", "proposal for a joint army", "oppose")]


def test_stances_nonstarter_for_an_actor_opposes_the_antecedent(nlp):
    _, stances = stances_of(nlp, 'Tokyo wants a joint naval patrol, which for Seoul is a nonstarter.',
                            {"Japan": ["Tokyo"], "South Korea": ["Seoul"]})
    assert {(s.holder, s.issue, s.polarity) for s in stances} == {
        ("a1", "joint naval patrol", "support"), ("a2", "joint naval patrol", "oppose")}


def test_stances_calls_for_takes_the_object_of_for(nlp):
    _, stances = stances_of(nlp, "On Monday France called for an immediate ceasefire in the region.",
                            {"France": ["France"]})
    (stance,) = stances
    assert stance.issue == "immediate ceasefire in the region" and stance.polarity == "support"


def test_stances_urged_not_to_opposes_the_action(nlp):
    _, stances = stances_of(nlp, "The council urged both sides not to resume the fighting.",
                            {"UN Security Council": ["council"]})
    assert [(s.issue, s.polarity) for s in stances] == [("resume the fighting", "oppose")]


def test_stances_demand_that_a_named_party_acts_keeps_the_clause(nlp):
    _, stances = stances_of(nlp, "Washington demanded that Moscow withdraw its troops from the border.",
                            {"United States": ["Washington"], "Russia": ["Moscow"]})
    assert [(s.holder, s.issue, s.polarity) for s in stances] == [
        ("a1", "Moscow withdraw its troops from the border", "support")]


def test_stances_questions_state_no_position(nlp):
    _, stances = stances_of(nlp, "Does France support the plan?", {"France": ["France"]})
    assert stances == []


def test_stances_need_an_actor_as_holder(nlp):
    _, stances = stances_of(nlp, "Some observers insist that the vote was fair.", {})
    assert stances == []


def test_stances_issue_phrase_stops_at_relative_clause(nlp):
    doc = nlp("They proposed legislation that would fund the agency until May.")
    legislation = next(t for t in doc if t.text == "legislation")
    assert noun_phrase(legislation) == "legislation"


@pytest.mark.model
def test_stances_seed_us_and_north_korea_positions(seed_result):
    us = actor_named(seed_result, "United States")
    dprk = actor_named(seed_result, "North Korea")
    got = {(s.holder, s.polarity, s.issue) for s in seed_result.stances}
    assert any(h == us.id and p == "conditional" and "bilateral" in i for h, p, i in got), got
    assert any(h == dprk.id and p == "support" and "recognition" in i for h, p, i in got), got
    assert any(h == dprk.id and p == "support" and "mutual disarmament" in i for h, p, i in got), got
    assert (us.id, "oppose", "mutual disarmament") in got


# -- stored stances and the DNA statement export -------------------------------

def stored_stances(tmp_path):
    from cable.records import Actor, Article, Result, Stance, Title
    from cable.store import open_store

    text = "Ruritania backs the canal treaty. Mia Sato of the Port Authority opposes the new toll."
    article = Article("st1", "Canal talks", None, None, None, "2020-03-04", None, "en", text)
    ru = Actor("a1", "Ruritania", "country", "RUR", None, "RUR")
    mia = Actor("a2", "Mia Sato", "person", None, None, None,
                titles=[Title("director", "Port Authority")])
    found = [Stance("s1", "a1", "canal treaty", "backs the canal treaty", "support", 0, 32, 0.7),
             Stance("s2", "a2", "new toll", "opposes the new toll", "oppose", 34, 85, 0.7)]
    store = open_store(str(tmp_path / "s.db"))
    store.write(Result(article, [], [ru, mia], [], [], found, []))
    return store


def test_store_stances_filter_by_holder_issue_and_polarity(tmp_path):
    with stored_stances(tmp_path) as store:
        assert [s["id"] for s in store.stances()] == ["s1", "s2"]
        (mia,) = store.stances(holder="Sato")
        assert (mia["holder_name"], mia["holder_kind"], mia["text"]) == (
            "Mia Sato", "person", "Mia Sato of the Port Authority opposes the new toll")
        assert [s["id"] for s in store.stances(issue="canal")] == ["s1"]
        assert [s["id"] for s in store.stances(polarity="oppose")] == ["s2"]


def test_dna_export_maps_holders_issues_and_agreement(tmp_path):
    import csv
    import io

    from cable.dna_export import DNA_COLUMNS, dna_csv

    with stored_stances(tmp_path) as store:
        rows = list(csv.DictReader(io.StringIO(dna_csv(store.stances()))))
    assert tuple(rows[0]) == DNA_COLUMNS
    country, person = rows
    assert (country["person"], country["organization"], country["concept"], country["agreement"]) == (
        "", "Ruritania", "canal treaty", "1")
    assert (person["person"], person["organization"], person["agreement"]) == ("Mia Sato", "Port Authority", "0")
    assert country["date_unix"] == "1583280000"  # 2020-03-04T00:00:00Z
    assert (person["start"], person["stop"], person["document_id"]) == ("34", "85", "1")


@pytest.mark.skipif(not (SHARED / "anchors" / "dna" / "sample_statements.csv").exists(), reason="DNA sample absent")
def test_dna_export_columns_are_those_of_the_dna_sample():
    from cable.dna_export import DNA_COLUMNS

    header = (SHARED / "anchors" / "dna" / "sample_statements.csv").read_text(encoding="utf-8").splitlines()[0]
    assert tuple(header.split(",")) == DNA_COLUMNS
