"""The events stage: triggers, participants, status, place and date.

Rule tests parse sentences written for these tests and hand-build the actor
table (actors with mentions at known offsets), so they do not depend on the
actors stage. The seed tests at the end run the whole pipeline.
"""

from __future__ import annotations

import re

import pytest

from cable.pipeline.actortable import ActorTable
from cable.pipeline.events import find_events
from cable.records import Actor, DateRef, Location, Span

pytestmark = pytest.mark.model


def table_for(text: str, actors: dict[str, tuple[str, str | None, list[str]]]) -> ActorTable:
    """name -> (kind, country, mention strings); every whole-word occurrence is a mention."""
    table = ActorTable()
    for n, (name, (kind, country, mentions)) in enumerate(actors.items(), 1):
        spans = [Span(m.start(), m.end(), m.group())
                 for word in mentions for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
        table.add(Actor(f"a{n}", name, kind, country, None, None,
                        mentions=sorted(spans, key=lambda s: s.start)))
    return table


def place(text: str, name: str, country: str) -> Location:
    start = text.index(name)
    return Location(name, country, None, None, start, start + len(name))


def date(text: str, words: str, iso: str) -> DateRef:
    start = text.index(words)
    return DateRef(words, iso, iso, start, start + len(words), relative=True)


def events_of(nlp, text, actors, places=(), dates=()):
    doc = nlp(text)
    table = table_for(text, actors)
    return find_events(doc, table, list(places), list(dates)), table


def names(table: ActorTable, ids: list[str]) -> list[str]:
    return [table.get(i).name for i in ids]


COUNTRIES = {
    "Germany": ("country", "DEU", ["Germany"]), "France": ("country", "FRA", ["France"]),
    "Japan": ("country", "JPN", ["Japan"]), "China": ("country", "CHN", ["China"]),
    "Kenya": ("country", "KEN", ["Kenya"]), "Uganda": ("country", "UGA", ["Uganda"]),
    "Peru": ("country", "PER", ["Peru"]), "Chile": ("country", "CHL", ["Chile", "Chilean"]),
    "Bolivia": ("country", "BOL", ["Bolivia"]), "Ecuador": ("country", "ECU", ["Ecuador"]),
}


def test_events_conjoined_subject_and_with_recipient(nlp):
    text = "Germany and France met with Japan in Geneva on Monday."
    events, table = events_of(nlp, text, COUNTRIES, [place(text, "Geneva", "CHE")],
                              [date(text, "Monday", "2024-03-04")])
    assert len(events) == 1
    e = events[0]
    assert (e.id, e.plover, e.cameo, e.status) == ("e1", "CONSULT", "040", "occurred")
    assert names(table, e.actors) == ["Germany", "France"]
    assert names(table, e.recipients) == ["Japan"]
    assert e.location.name == "Geneva" and e.date.start == "2024-03-04"
    assert e.trigger.text == "met" and text[e.trigger.start:e.trigger.end] == "met"
    assert e.sentence == (0, len(text))
    assert (e.quad_class, e.goldstein) == (1, 1.0)


def test_events_multilateral_meeting_is_one_event_with_lists(nlp):
    text = "Leaders of Chile, Peru, Bolivia and Ecuador met in Quito."
    events, table = events_of(nlp, text, COUNTRIES, [place(text, "Quito", "ECU")])
    assert len(events) == 1
    assert names(table, events[0].actors) == ["Chile", "Peru", "Bolivia", "Ecuador"]
    assert events[0].recipients == [] and events[0].mode == "multilateral"


def test_events_passive_turns_round(nlp):
    text = "The embassy of Kenya was attacked by fighters of the Lakeside Front."
    actors = dict(COUNTRIES, Front=("group", None, ["Lakeside Front"]))
    events, table = events_of(nlp, text, actors)
    assert [(e.plover, names(table, e.actors), names(table, e.recipients)) for e in events] == \
        [("ASSAULT", ["Front"], ["Kenya"])]


def test_events_nominal_visit_to_x_by_y(nlp):
    text = "The visit to Lima by the Chilean foreign minister ended on Friday."
    actors = {"Peru": ("country", "PER", ["Lima"]),
              "Chilean minister": ("person", "CHL", ["Chilean foreign minister"])}
    events, table = events_of(nlp, text, actors, [place(text, "Lima", "PER")])
    e = events[0]
    assert (e.plover, e.mode, e.cameo) == ("CONSULT", "visit", "042")
    assert names(table, e.actors) == ["Chilean minister"]
    assert names(table, e.recipients) == ["Peru"]
    assert e.location.name == "Lima"
    assert e.confidence < 0.8  # a noun trigger counts for less than a verb


def test_events_possessive_visit_and_host(nlp):
    text = "Kenya hosted the president of Uganda. Peru's visit to Bolivia went well."
    events, table = events_of(nlp, text, COUNTRIES)
    assert [(e.cameo, names(table, e.actors), names(table, e.recipients)) for e in events] == \
        [("042", ["Uganda"], ["Kenya"]), ("042", ["Peru"], ["Bolivia"])]


def test_events_appositions_and_their_conjuncts(nlp):
    for text in ("Meanwhile, Chile has been making progress repairing relations with its "
                 "neighbours Peru and Bolivia.",
                 "Chile is repairing relations with its allies Peru and Bolivia."):
        events, table = events_of(nlp, text, COUNTRIES)
        assert [(e.plover, e.cameo, names(table, e.actors), names(table, e.recipients))
                for e in events] == [("SUPPORT", "050", ["Chile"], ["Peru", "Bolivia"])], text


def test_events_held_talks_takes_the_support_verb_subject(nlp):
    text = "Chile held talks with Peru in Lima. Talks between Kenya and Uganda resumed in Kampala."
    events, table = events_of(nlp, text, COUNTRIES, [place(text, "Lima", "PER"),
                                                    place(text, "Kampala", "UGA")])
    assert [(names(table, e.actors), names(table, e.recipients), e.location.name)
            for e in events] == \
        [(["Chile"], ["Peru"], "Lima"), (["Kenya", "Uganda"], [], "Kampala")]


@pytest.mark.parametrize("text,status", [
    ("Japan will meet with China next week.", "planned"),
    ("Officials from Japan plan to meet their counterparts from China.", "planned"),
    ("Japan is to meet China in the spring.", "planned"),
    ("Japan said it would meet China after the election.", "planned"),
    ("Japan did not meet with China.", "negated"),
    ("Japan never met with China.", "negated"),
    ("If Japan meets with China, tensions could ease.", "hypothetical"),
    ("Japan could meet with China soon.", "hypothetical"),
    ("There is little chance that Japan met with China.", "hypothetical"),
    ("Analysts see no indication that Japan negotiated with China.", "hypothetical"),
    ("Nobody expects that Japan will meet with China.", "hypothetical"),
    ("Do not expect progress just because Japan met with China.", "occurred"),
    ("Trade rose during the recent visit to China by Japan.", "occurred"),
    ("Speculation about possible talks between Japan and China grew.", "hypothetical"),
])
def test_events_status(nlp, text, status):
    events, _ = events_of(nlp, text, COUNTRIES)
    assert [e.status for e in events] == [status]


def test_events_refusal_occurred_and_is_coded_by_what_it_refuses(nlp):
    text = "Japan has refused to answer the invitation from China."
    events, table = events_of(nlp, text, COUNTRIES)
    assert [(e.plover, e.cameo, e.mode, e.status) for e in events] == \
        [("REJECT", "125", "meet", "occurred")]
    assert names(table, events[0].actors) == ["Japan"]


def test_events_refusal_answers_the_invitation_made_before_it(nlp):
    text = "Kenya invited the president of Uganda to visit Nairobi, but Uganda refused " \
           "the invitation."
    events, table = events_of(nlp, text, COUNTRIES)
    assert [(e.plover, names(table, e.actors), names(table, e.recipients)) for e in events] == \
        [("AGREE", ["Kenya"], ["Uganda"]), ("REJECT", ["Uganda"], ["Kenya"])]
    text = "Kenya invited the president of Uganda to visit Nairobi, but Uganda rejected the claim."
    events, table = events_of(nlp, text, COUNTRIES)
    assert [(e.plover, e.recipients) for e in events][1] == ("REJECT", [])


def test_events_no_trigger_no_event(nlp):
    for text in ("Germany and France are neighbours in Europe.",
                 "The foreign minister of Peru said the economy was growing in Chile.",
                 "The talks were long and tiring.",  # an event noun, but nobody in it
                 "Chile declined to comment on the report from Peru."):
        events, _ = events_of(nlp, text, COUNTRIES)
        assert events == [], text


@pytest.mark.parametrize("text", [
    "The proposal from Peru was met with anger in Chile.",  # an idiom, no meeting
    "Speaking to Japan, the Kenyan minister said the talks went well.",  # an interview frame
    "Chile visited the wounded in hospital.",  # a visit needs a host or a place
    "A traffic collision killed the ambassador of Peru.",  # no doer, no assault
    "Kenya invited the president of Uganda to appear on television.",  # no meeting offered
    "Japan offered condolences to China.",  # no cooperation offered
    "Peru seized the opportunity to grow its trade with Chile.",  # an idiom, no seizure
    "Chile released a report on Peru.",  # no captive released
])
def test_events_senses_that_are_no_event(nlp, text):
    events, _ = events_of(nlp, text, COUNTRIES)
    assert [(e.plover, e.trigger.text) for e in events
            if e.plover in ("CONSULT", "ASSAULT", "AGREE", "COERCE", "RETREAT")] == []


def test_events_interview_with_a_news_outlet_is_no_meeting(nlp):
    text = "Chile spoke with the Daily Courier about the crisis."
    actors = dict(COUNTRIES, Courier=("organization", None, ["Daily Courier"]))
    events, _ = events_of(nlp, text, actors)
    assert [e.plover for e in events] == ["CONSULT"]
    table = table_for(text, actors)
    table.get("a11").sector = "MED"
    assert find_events(nlp(text), table, [], []) == []


@pytest.mark.parametrize("text,status", [
    ("Japan failed to agree with China on a ceasefire.", "negated"),
    ("Japan usually meets with China in the spring.", "hypothetical"),
    ("Japan could not agree with China on a ceasefire.", "negated"),
    ("If Japan cannot meet with China, tensions will grow.", "hypothetical"),
])
def test_events_negating_and_generic_words(nlp, text, status):
    events, _ = events_of(nlp, text, COUNTRIES)
    assert [e.status for e in events] == [status]


def test_events_speaker_takes_part_in_the_meeting_they_speak_in(nlp):
    text = "Kenya said in a meeting with Uganda that trade would grow."
    events, table = events_of(nlp, text, COUNTRIES)
    assert [(e.plover, names(table, e.actors), names(table, e.recipients)) for e in events] == \
        [("CONSULT", ["Kenya"], ["Uganda"])]


def test_events_inner_trigger_folds_into_request(nlp):
    text = "Peru urged Chile to hold talks with Bolivia."
    events, table = events_of(nlp, text, COUNTRIES)
    assert [(e.plover, e.cameo, e.mode) for e in events] == [("REQUEST", "026", "meet")]
    assert names(table, events[0].actors) == ["Peru"]
    assert names(table, events[0].recipients) == ["Chile"]


def test_events_invitation_is_agree_and_not_a_visit(nlp):
    text = "Kenya invited the president of Uganda to visit Nairobi."
    events, table = events_of(nlp, text, COUNTRIES, [place(text, "Nairobi", "KEN")])
    assert [(e.plover, e.cameo) for e in events] == [("AGREE", "036")]
    assert names(table, events[0].recipients) == ["Uganda"]
    assert events[0].location is None  # the visit's place is not where the invitation was made


def test_events_stated_precondition_is_a_request(nlp):
    text = "Kenya maintains that trade talks can only resume after Uganda returns to " \
           "the negotiations."
    events, table = events_of(nlp, text, COUNTRIES)
    request = [e for e in events if e.plover == "REQUEST"]
    assert [(e.cameo, names(table, e.actors), names(table, e.recipients)) for e in request] == \
        [("108", ["Kenya"], ["Uganda"])]
    assert request[0].trigger.text == "maintains" and request[0].confidence <= 0.5


def test_events_withdrawal_from_talks_and_sanctions(nlp):
    text = "In March, Peru withdrew from the talks with Chile. Japan imposed sanctions on China."
    events, table = events_of(nlp, text, COUNTRIES, dates=[date(text, "March", "2024-03-01")])
    assert [(e.plover, e.mode, e.cameo) for e in events] == \
        [("SANCTION", "withdraw", "164"), ("SANCTION", "discontinue", "163")]
    assert events[0].date.text == "March"
    assert names(table, events[1].actors) == ["Japan"]
    assert names(table, events[1].recipients) == ["China"]


def test_events_place_must_be_the_setting_not_a_party(nlp):
    text = "Chile accused the ambassador of Peru to Bolivia."
    events, _ = events_of(nlp, text, COUNTRIES, [place(text, "Bolivia", "BOL")])
    assert [e.plover for e in events] == ["ACCUSE"]
    assert events[0].location is None


def test_events_meeting_inherits_place_from_the_meeting_it_continues(nlp):
    text = "Chile and Peru met in Lima on Monday. Chile also met with Peru's trade minister.\n\n" \
           "Trade between them grew.\n\nPeru met with Chile again."
    events, _ = events_of(nlp, text, COUNTRIES, [place(text, "Lima", "PER")])
    assert [e.location.name if e.location else None for e in events] == ["Lima", "Lima", None]
    assert events[1].confidence < events[0].confidence


def test_events_meeting_on_another_day_does_not_inherit_place(nlp):
    text = "Chile and Peru met in Lima on Monday. On Friday, Chile met with Peru again."
    events, _ = events_of(nlp, text, COUNTRIES, [place(text, "Lima", "PER")],
                          [date(text, "Monday", "2024-03-04"), date(text, "Friday", "2024-03-08")])
    assert [(e.location.name if e.location else None, e.date.start) for e in events] == \
        [("Lima", "2024-03-04"), (None, "2024-03-08")]


def test_events_ids_follow_text_order(nlp):
    text = "Japan criticized China. Kenya praised Uganda. Peru threatened Chile."
    events, _ = events_of(nlp, text, COUNTRIES)
    assert [(e.id, e.plover) for e in events] == [("e1", "ACCUSE"), ("e2", "SUPPORT"),
                                                  ("e3", "THREATEN")]


# The seed article (../shared/examples), through the whole pipeline.

def seed_countries(result, ids):
    by_id = {a.id: a for a in result.actors}
    return {by_id[i].country for i in ids}


def seed_events(result, plover, trigger_word):
    return [e for e in result.events if e.plover == plover and trigger_word in e.trigger.text]


def test_events_seed_little_chance_is_no_occurred_negotiation(seed_result):
    text = seed_result.article.text
    start = text.index("there is little chance")
    end = text.index("experts say", start)
    assert not [e for e in seed_result.events if start <= e.trigger.start < end
                and e.status == "occurred"]


def test_events_seed_san_diego_meeting(seed_result):
    found = [e for e in seed_events(seed_result, "CONSULT", "") if e.status == "occurred"
             and e.location and e.location.name == "San Diego"
             and {"USA", "PRK"} <= seed_countries(seed_result, e.actors + e.recipients)]
    assert found


def test_events_seed_met_with_ri_gun(seed_result):
    ri = next(a for a in seed_result.actors if a.name == "Ri Gun")
    found = [e for e in seed_events(seed_result, "CONSULT", "met") if ri.id in e.recipients
             and "USA" in seed_countries(seed_result, e.actors)]
    assert found and found[0].status == "occurred"


def test_events_seed_withdrawal_from_the_talks(seed_result):
    found = [e for e in seed_events(seed_result, "SANCTION", "withdrew")
             if "PRK" in seed_countries(seed_result, e.actors)]
    assert found and found[0].cameo == "164" and found[0].status == "occurred"
    assert found[0].date and found[0].date.start.startswith("2009-04")


def test_events_seed_requests(seed_result):
    us_demand = [e for e in seed_events(seed_result, "REQUEST", "maintains")
                 if "USA" in seed_countries(seed_result, e.actors)
                 and "PRK" in seed_countries(seed_result, e.recipients)]
    assert us_demand and us_demand[0].cameo == "108"
    seeks = [e for e in seed_events(seed_result, "REQUEST", "seeks")
             if "PRK" in seed_countries(seed_result, e.actors)]
    assert seeks and seeks[0].status == "occurred"


def test_events_seed_wen_visit(seed_result):
    wen = next(a for a in seed_result.actors if a.name == "Wen Jiabao")
    found = [e for e in seed_events(seed_result, "CONSULT", "visit") if wen.id in e.actors]
    assert found and found[0].mode == "visit" and found[0].status == "occurred"
    assert "PRK" in seed_countries(seed_result, found[0].recipients)


def test_events_seed_invitation_and_refusal(seed_result):
    invited = [e for e in seed_events(seed_result, "AGREE", "invited")
               if "PRK" in seed_countries(seed_result, e.actors)]
    assert invited and invited[0].cameo == "036"
    refused = [e for e in seed_events(seed_result, "REJECT", "refused")
               if "USA" in seed_countries(seed_result, e.actors)]
    assert refused and refused[0].status == "occurred" and refused[0].cameo == "125"


def test_events_seed_new_york_meeting_is_planned(seed_result):
    found = [e for e in seed_events(seed_result, "CONSULT", "chat")]
    assert found and found[0].status == "planned"
    assert found[0].location and found[0].location.name == "New York"
    assert found[0].date and found[0].date.start == "2009-10-30"
