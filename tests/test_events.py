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


def table_for(text: str, actors: dict[str, tuple]) -> ActorTable:
    """name -> (kind, country, mention strings[, sector]); every whole-word
    occurrence is a mention."""
    table = ActorTable()
    for n, (name, (kind, country, mentions, *sector)) in enumerate(actors.items(), 1):
        spans = [Span(m.start(), m.end(), m.group())
                 for word in mentions for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
        table.add(Actor(f"a{n}", name, kind, country, sector[0] if sector else None, None,
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
        [("043", ["Kenya"], ["Uganda"]), ("042", ["Peru"], ["Bolivia"])]  # CAMEO 043: the host hosts


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


# Rules from reading real news: who "they" are, whose a thing is, what a speech is.

PEOPLE = dict(COUNTRIES, **{
    "Uganda": ("country", "UGA", ["Uganda", "Ugandan"]),
    "Kenya": ("country", "KEN", ["Kenya", "Kenyan"]),
    "Front": ("group", None, ["Lakeside Front"]),
    "Ruiz": ("person", "PER", ["Ana Ruiz", "Ruiz", "her"]),
    "Sato": ("person", "JPN", ["Ken Sato"]),
    "Embassy": ("organization", "KEN", ["Kenyan Embassy"]),
    "Institute": ("organization", None, ["Lakeside Institute"]),
    "NATO": ("organization", None, ["NATO"]),
    "Nairobi": ("country", "KEN", ["Nairobi"], "GOV"),
})


def coded(nlp, text: str, actors=PEOPLE) -> list[tuple]:
    events, table = events_of(nlp, text, actors)
    return [(e.plover, e.cameo, names(table, e.actors), names(table, e.recipients))
            for e in events]


@pytest.mark.parametrize("text,expected", [
    # a plural "they" is the nearest plural subject before it, a person passed over
    ("Kenya and Uganda met in Nairobi. Ken Sato joined the talks. They called on Peru to "
     "end the dispute.", ("REQUEST", "020", ["Kenya", "Uganda"], ["Peru"])),
    # "the ministers" likewise
    ("The foreign ministers of Chile and Bolivia met in Lima. The ministers agreed to meet "
     "again in Quito.", ("AGREE", "036", ["Chile", "Bolivia"], [])),
    # "it" in a reported clause is the reporter, when it can be
    ("The Lakeside Front announced it had entered into an agreement with Kenya.",
     ("SUPPORT", "057", ["Front"], ["Kenya"])),
    # a subject that names no actor ends the search: no one is invented
    ("Protesters marched through Lima. They called on Peru to hold an election.",
     ("REQUEST", "020", [], ["Peru"])),
    # "I" in a quotation is its one speaker
    ('"I urged Chile to free the sailors," said Ana Ruiz.',
     ("REQUEST", "0253", ["Ruiz"], ["Chile"])),
])
def test_events_references_resolved_for_participants(nlp, text, expected):
    assert expected in coded(nlp, text)


def test_events_they_inside_a_quotation_is_left_alone(nlp):
    text = 'Kenya and Uganda met in Nairobi. Ruiz said: "They called on Peru to resign."'
    assert ("REQUEST", "0241", [], ["Peru"]) in coded(nlp, text)


def test_events_the_embassy_and_a_refused_request_from_the_sentence_before(nlp):
    text = "Peru urged the Kenyan Embassy to reopen. The embassy declined the request."
    assert coded(nlp, text) == [("REQUEST", "020", ["Peru"], ["Embassy"]),
                                ("REJECT", "120", ["Embassy"], ["Peru"])]


@pytest.mark.parametrize("text,expected", [
    ("Peru denounced the pact between Chile and Bolivia.",
     [("ACCUSE", "111", ["Peru"], ["Chile", "Bolivia"])]),
    ("Peru denounced the seizure of the ship by Chile.", [("ACCUSE", "111", ["Peru"], ["Chile"])]),
    ("Kenya declined Uganda's offer to resign.", [("REJECT", "120", ["Kenya"], ["Uganda"])]),
    ("Protesters called for Ana Ruiz's resignation.", [("REQUEST", "0241", [], ["Ruiz"])]),
    ("Peru called for Chile to lift the blockade.", [("REQUEST", "020", ["Peru"], ["Chile"])]),
    ("Peru alleged Chile had armed the rebels.", [("ACCUSE", "112", ["Peru"], ["Chile"])]),
    ("Peru alleged the envoy of Chile was poisoned.", [("ACCUSE", "112", ["Peru"], [])]),
    ("Kenya blamed Uganda for the crash.", [("ACCUSE", "112", ["Kenya"], ["Uganda"])]),
    ("Kenya blamed human error for the crash.", []),
    ("Critics of Ana Ruiz blamed her for the crisis.", [("ACCUSE", "112", [], ["Ruiz"])]),
    ("Uganda is under Kenyan sanctions.", [("SANCTION", "163", ["Kenya"], ["Uganda"])]),
    ("Chilean soldiers placed Ana Ruiz under house arrest.",
     [("COERCE", "173", ["Chile"], ["Ruiz"])]),
    ("Kenya was condemned in a joint statement by Peru and Chile.",
     [("ACCUSE", "111", ["Peru", "Chile"], ["Kenya"])]),
    ("Japan joined the calls by Peru asking Chile to drop the charges.",
     [("REQUEST", "020", ["Peru"], ["Chile"])]),
    ("Peru wrote to Chile asking for the release of the sailors.",
     [("REQUEST", "0253", ["Peru"], ["Chile"])]),
    ("Peru condemned the attacks on Kenya that the Lakeside Front carried out.",
     [("ACCUSE", "111", ["Peru"], []), ("ASSAULT", "190", ["Front"], ["Kenya"])]),
    ("Kenya launched missiles targeting Ugandan troops.",
     [("ASSAULT", "195", ["Kenya"], ["Uganda"])]),
    ("The bombing, ascribed to the Lakeside Front, killed five people.",
     [("ASSAULT", "183", ["Front"], [])]),
    ("A Nairobi car bombing killed five people.", []),
])
def test_events_whose_thing_and_who_did_it(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Ana Ruiz spoke to the Lakeside Institute think tank about trade.", []),  # a speech
    ("Ana Ruiz spoke to the president of Peru about trade.",
     [("CONSULT", "040", ["Ruiz"], ["Peru"])]),
    ("Police spoke with Ana Ruiz as a suspect.", []),  # no actor speaks: questioning
    ("Japan and China spoke on the phone on Monday.",
     [("CONSULT", "041", ["Japan", "China"], [])]),
    ("Japan's call with China lasted an hour.", [("CONSULT", "041", ["Japan"], ["China"])]),
    ("Japan raised the issue with China.", [("CONSULT", "040", ["Japan"], ["China"])]),
    ("Peru urged Chile to reconsider and spoke with Japan about the case.",
     [("REQUEST", "020", ["Peru"], ["Chile"]), ("CONSULT", "040", ["Peru"], ["Japan"])]),
    ("Ana Ruiz meets the requirement.", []),  # one person meeting no one
    ("The trilateral meeting of Chile, Peru and Bolivia ended in Lima.",
     [("CONSULT", "040", ["Chile", "Peru", "Bolivia"], [])]),
    ("Peru's envoy for Chile negotiations fell ill.", []),  # a title, no talks
    ("The Lakeside Front is banned in Kenya.", []),  # a state, not an act
    ("Kenya banned the Lakeside Front.", [("COERCE", "172", ["Kenya"], ["Front"])]),
    ("NATO guidelines call for higher military spending.", []),  # a rule asks nothing
    ("Kenya agreed with Uganda, saying trade matters.", []),  # an opinion shared
    ("Kenya agreed with Uganda to open a border post.", [("AGREE", "030", ["Kenya"], ["Uganda"])]),
    ("Japan committed itself to green energy.", []),
    ("Japan committed to the ceasefire with China.", [("AGREE", "037", ["Japan"], ["China"])]),
    ("The new law allows farmers to sell land.", []),  # no actor allows: no concession
    ("Kenya rejected the accusations by Uganda.", [("ACCUSE", "112", ["Uganda"], [])]),  # a denial, no REJECT
    ("Japan and Chile agreed upon a free-trade pact.", [("AGREE", "030", ["Japan", "Chile"], [])]),
])
def test_events_what_is_and_is_not_an_event(nlp, text, expected):
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Kenya announced a withdrawal of its troops from Uganda.",
     ("RETREAT", "0874", ["Kenya"], ["Uganda"])),
    ("Kenyan troops left Uganda in March.", ("RETREAT", "0874", ["Kenya"], ["Uganda"])),
    ("Peru withdrew from the talks with Chile.", ("SANCTION", "164", ["Peru"], ["Chile"])),
    ("Kenya launched a military offensive into Uganda.", ("ASSAULT", "190", ["Kenya"], ["Uganda"])),
    ("Kenya filed a lawsuit against Uganda.", ("ACCUSE", "115", ["Kenya"], ["Uganda"])),
    ("Japan encouraged Kenya to sign the treaty.", ("REQUEST", "020", ["Japan"], ["Kenya"])),
    ("Peru paid tribute to the president of Chile.", ("SUPPORT", "051", ["Peru"], ["Chile"])),
    ("Japan expressed its support for Kenya.", ("SUPPORT", "051", ["Japan"], ["Kenya"])),
    ("Japan increased cooperation with Kenya.", ("COOPERATE", "060", ["Japan"], ["Kenya"])),
    ("Japan announced restrictions on Chilean imports.", ("COERCE", "172", ["Japan"], ["Chile"])),
    ("Japan is ready to provide aid to Kenya.", ("AGREE", "033", ["Japan"], ["Kenya"])),
    ("Peru attributed the bombing to the Lakeside Front.", ("ACCUSE", "112", ["Peru"], ["Front"])),
    ("Kenya lifted the state of emergency in Nairobi.", ("CONCEDE", "081", ["Kenya"], [])),
    ("Kenya eased emergency measures in the north.", ("CONCEDE", "081", ["Kenya"], [])),
    ("Japan and Chile upgraded their diplomatic ties.", ("SUPPORT", "050", ["Japan", "Chile"], [])),
    ("Peru and Chile renewed negotiations on Monday.", ("CONSULT", "046", ["Peru", "Chile"], [])),
    ("Japan handed over medicine to Kenya.", ("AID", "070", ["Japan"], ["Kenya"])),
    ("Japan halted economic aid to Kenya.", ("SANCTION", "162", ["Japan"], ["Kenya"])),
    ("Peru lodged a protest with Chile.", ("ACCUSE", "114", ["Peru"], ["Chile"])),
    ("Kenya denied the request by Uganda.", ("REJECT", "120", ["Kenya"], ["Uganda"])),
    ("Chile withdrew its peacekeepers from Peru.", ("SANCTION", "166", ["Chile"], ["Peru"])),
    ("Peru's foreign minister resigned on Monday.", ("RETREAT", "083", ["Peru"], [])),
    ("Kenya allowed the inspectors into the site.", ("RETREAT", "086", ["Kenya"], [])),
    ("Kenya declared a ceasefire with Uganda.", ("RETREAT", "0871", ["Kenya"], ["Uganda"])),
    ("Peru returned the stolen artifacts to Chile.", ("RETREAT", "0842", ["Peru"], ["Chile"])),
    ("Japan and Kenya began joint military exercises.", ("COOPERATE", "062", ["Japan", "Kenya"], [])),
    ("Kenya lifted the blockade on Uganda.", ("RETREAT", "085", ["Kenya"], [])),
    ("Japan announced a suspension of aid to Kenya.", ("SANCTION", "162", ["Japan"], ["Kenya"])),
    ("Kenya accepted refugees from Uganda.", ("AID", "075", ["Kenya"], [])),
])
def test_events_new_triggers(nlp, text, expected):
    assert coded(nlp, text) == [expected]


def test_events_reaction_to_the_operation_targets_who_carried_it_out(nlp):
    text = "Kenya launched an offensive into Uganda on Monday. The operation was condemned " \
           "by Peru. Kenyan airstrikes hit a camp."
    events, table = events_of(nlp, text, PEOPLE)
    assert [(e.plover, names(table, e.actors), names(table, e.recipients)) for e in events] == \
        [("ASSAULT", ["Kenya"], ["Uganda"]), ("ACCUSE", ["Peru"], ["Kenya"]),
         ("ASSAULT", ["Kenya"], ["Uganda"])]
    assert events[1].confidence < 0.8 and events[2].confidence < events[0].confidence


def test_events_planned_when_set_to_open(nlp):
    events, _ = events_of(nlp, "The summit of Kenya and Uganda is set to open tomorrow.", PEOPLE)
    assert [(e.plover, e.status) for e in events] == [("CONSULT", "planned")]



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


def test_events_absolute_with_phrase_is_no_recipient(nlp):
    text = "Peru banned Chile on Monday, with officials saying the decision was final."
    actors = dict(COUNTRIES, officials=("group", None, ["officials"], "GOV"))
    events, table = events_of(nlp, text, actors)
    (ban,) = [e for e in events if e.trigger.text == "banned"]
    assert names(table, ban.actors) == ["Peru"] and names(table, ban.recipients) == ["Chile"]


def test_events_subject_hung_on_the_auxiliary(nlp):
    text = "Peru has been urging Chile to reopen the border."
    events, table = events_of(nlp, text, COUNTRIES)
    (urge,) = [e for e in events if e.plover == "REQUEST"]
    assert names(table, urge.actors) == ["Peru"] and names(table, urge.recipients) == ["Chile"]


def test_events_readiness_for_a_hostile_act_is_no_offer(nlp):
    events, _ = events_of(nlp, "Kenya is prepared to impose martial law.", PEOPLE)
    assert [(e.plover, e.cameo, e.status) for e in events] == [("COERCE", "1724", "planned")]
