"""Event triggers for stances, demands, cooperation, protest, investigation and
violence (sentences written for these tests; actors hand-built as in test_events)."""

from __future__ import annotations

import re

import pytest

from cable.pipeline.actortable import ActorTable
from cable.pipeline.events import find_events
from cable.records import Actor, Span

pytestmark = pytest.mark.model

ACTORS = {
    "Kenya": ("country", "KEN", ["Kenya", "Kenyan"]), "Uganda": ("country", "UGA", ["Uganda"]),
    "France": ("country", "FRA", ["French"]), "students": ("group", None, ["students"]),
    "court": ("organization", "KEN", ["court"]), "hackers": ("group", None, ["Hackers"]),
}


def table_for(text: str) -> ActorTable:
    table = ActorTable()
    for n, (name, (kind, country, words)) in enumerate(ACTORS.items(), 1):
        spans = [Span(m.start(), m.end(), m.group()) for w in words for m in re.finditer(rf"\b{w}\b", text)]
        if spans:
            table.add(Actor(f"a{n}", name, kind, country, None, None, mentions=spans))
    return table


def events(nlp, text: str) -> list[tuple]:
    table = table_for(text)
    return [(e.plover, e.cameo, [table.get(a).name for a in e.actors], [table.get(a).name for a in e.recipients])
            for e in find_events(nlp(text), table, [], [])]


def test_events_opposed_to_is_the_subjects_refusal(nlp):
    assert events(nlp, "Kenya is opposed to the Ugandan proposal.")[0][0::2] == ("REJECT", ["Kenya"])


def test_events_pushing_for_is_a_demand(nlp):
    found = events(nlp, "Kenya pushed for a new vote by Uganda.")
    assert found[0][0] == "REQUEST" and found[0][2] == ["Kenya"]
    assert events(nlp, "Kenya pushed the cart.") == []


def test_events_sharing_intelligence_is_cooperation_sharing_a_prize_is_not(nlp):
    assert events(nlp, "Kenyan officials shared intelligence with Uganda on Friday.") == [
        ("COOPERATE", "064", ["Kenya"], ["Uganda"])]
    assert events(nlp, "Kenya shared the prize with Uganda.") == []


def test_events_gathering_for_a_protest_is_a_protest(nlp):
    assert events(nlp, "Thousands of students gathered for a protest in Nairobi.")[0][:2] == ("PROTEST", "141")
    assert events(nlp, "The students gathered in Nairobi.")[0][0] == "CONSULT"


def test_events_a_court_hearing_is_an_investigation(nlp):
    assert events(nlp, "The court in Nairobi began a hearing into the bribery case.")[0][:2] == ("ACCUSE", "090")


def test_events_hacking_is_coercion(nlp):
    assert events(nlp, "Hackers hacked into the ministry's computers.")[0][:3] == ("COERCE", "170", ["hackers"])


def test_events_ethnic_cleansing_and_fighting_are_assaults(nlp):
    assert ("ASSAULT", "203") in [e[:2] for e in events(nlp, "Kenya carried out ethnic cleansing in the north.")]
    assert events(nlp, "Heavy fighting with Uganda went on for days.")[0][:2] == ("ASSAULT", "190")


def test_events_as_opposed_to_is_no_stance(nlp):
    assert events(nlp, "Kenya chose the northern route, as opposed to the French one.") == []


def test_events_committed_to_is_an_intent_of_an_actor_only(nlp):
    assert events(nlp, "Kenya is committed to the peace process.")[0][0::2] == ("AGREE", ["Kenya"])
    assert events(nlp, "The crimes were committed to scare voters.") == []


def test_events_completing_a_withdrawal_is_a_withdrawal(nlp):
    assert events(nlp, "Kenya completed the withdrawal of its troops from the region.")[0][:3] == (
        "RETREAT", "0874", ["Kenya"])
