"""Quotes: pairing quotation marks, cues, speakers, titles; and the seed's quotes."""

from __future__ import annotations

import json
import pytest

from cable.pipeline.actortable import ActorTable
from cable.pipeline.quotes import find_quotes, quoted_spans
from cable.records import Title
from conftest import SHARED, actor_named, word_table

WIKINEWS = SHARED / "corpora" / "wikinews-2019-2020" / "articles.jsonl"


def table(doc, actors: dict[str, list[str]], titles: dict[str, Title] | None = None) -> ActorTable:
    return word_table(doc.text, actors, "person", titles)


def quotes_of(nlp, text, actors=None, titles=None):
    doc = nlp(text)
    return doc, find_quotes(doc, table(doc, actors or {}, titles))


def test_quotes_pairs_straight_and_curly_marks():
    text = 'He said "one two three" and then \u201cfour five six\u201d.'
    assert [text[s:e] for s, e in quoted_spans(text)] == ["one two three", "four five six"]


def test_quotes_skips_only_the_unbalanced_mark():
    text = 'A teaser ends with "track ...\n"We are ready to talk now," she said.'
    assert [text[s:e] for s, e in quoted_spans(text)] == ["We are ready to talk now,"]
    assert quoted_spans('no marks at all') == []
    assert quoted_spans('"') == []


def test_quotes_stray_mark_leaves_the_other_quotes_attributed(nlp):
    _, quotes = quotes_of(nlp, 'The lead paragraph ends with "track ...\n"We are ready to talk now," she said.',
                          {"Mia Sato": ["she"]})
    assert [(q.text, q.speaker) for q in quotes] == [("We are ready to talk now", "a1")]


def test_quotes_quote_spanning_sentences_is_one_quote(nlp):
    _, quotes = quotes_of(nlp, '"We came here to talk. We leave with nothing at all," said Ivan Petrov.',
                          {"Ivan Petrov": ["Ivan Petrov"]})
    assert [(q.text, q.speaker) for q in quotes] == [("We came here to talk. We leave with nothing at all", "a1")]


def test_quotes_quote_over_two_paragraphs_runs_to_the_first_paragraph_end():
    text = '"We have waited long enough.\n"Now we will act," he said.'
    spans = [text[s:e] for s, e in quoted_spans(text)]
    assert spans == ["We have waited long enough.", "Now we will act,"]


def test_quotes_trailing_cue_gives_named_speaker_and_apposition_title(nlp):
    doc, quotes = quotes_of(
        nlp, '"We will not sign this agreement," said Maria Lopez, the foreign minister of Peru, '
             'which hosts the summit.',
        {"Maria Lopez": ["Maria Lopez"], "Peru": ["Peru"]})
    (quote,) = quotes
    assert quote.kind == "direct"
    assert quote.text == "We will not sign this agreement"
    assert doc.text[quote.start:quote.end] == quote.text
    assert (quote.speaker, quote.speaker_name, quote.source.text) == ("a1", "Maria Lopez", "Maria Lopez")
    assert quote.speaker_title == "foreign minister of Peru"
    assert quote.cue.text == "said"


def test_quotes_word_inside_the_quote_is_never_the_speaker(nlp):
    _, quotes = quotes_of(nlp, '"Nobody here wants a war with our neighbours," she said.',
                          {"Lena Ortiz": ["she"], "Nobody": ["Nobody"]})
    (quote,) = quotes
    assert quote.source.text == "she"
    assert quote.speaker == "a1" and quote.speaker_name == "Lena Ortiz"
    named = quotes_of(nlp, '"Nobody here wants a war with our neighbours," said Lena Ortiz.',
                      {"Lena Ortiz": ["Lena Ortiz"]})[1][0]
    assert quote.confidence < named.confidence


def test_quotes_organisation_in_the_title_is_not_the_speaker(nlp):
    _, quotes = quotes_of(
        nlp, '"Sanctions alone will not change their minds," said Tomas Berg, senior fellow at the '
             'Baltic Policy Institute, a research group in Riga.',
        {"Tomas Berg": ["Tomas Berg"], "Baltic Policy Institute": ["Baltic Policy Institute"]})
    (quote,) = quotes
    assert quote.speaker == "a1"
    assert quote.speaker_title == "senior fellow at the Baltic Policy Institute"


def test_quotes_title_before_a_name_gives_the_name(nlp):
    _, quotes = quotes_of(nlp, 'The Foreign Minister, Li Wei, said "We will answer this provocation firmly."',
                          {"Li Wei": ["Li Wei"]})
    (quote,) = quotes
    assert (quote.source.text, quote.speaker) == ("Li Wei", "a1")
    assert quote.speaker_title == "Foreign Minister"


def test_quotes_organisation_premodifying_a_title_is_not_the_speaker(nlp):
    _, quotes = quotes_of(nlp, '"The embassy will stay open for now," a State Department spokeswoman said.',
                          {"State Department": ["State Department"]})
    (quote,) = quotes
    assert quote.speaker is None and quote.speaker_name is None
    assert quote.source.text.endswith("spokeswoman")


def test_quotes_first_and_second_person_sources_are_left_out(nlp):
    _, quotes = quotes_of(nlp, 'I said that the software should be free. You told me that it was too late.')
    assert quotes == []


def test_quotes_split_by_cue_gives_two_attributed_quotes(nlp):
    _, quotes = quotes_of(nlp, 'The envoy left early. "The talks are over," he said. '
                               '"We are going home tomorrow and nobody will stop us."',
                          {"Omar Haddad": ["he"]})
    assert [q.text for q in quotes] == ["The talks are over",
                                        "We are going home tomorrow and nobody will stop us."]
    assert all(q.speaker == "a1" and q.kind == "direct" for q in quotes)
    assert quotes[1].confidence < quotes[0].confidence


def test_quotes_cue_before_the_quote(nlp):
    _, quotes = quotes_of(nlp, 'The minister told reporters: "We expect an answer within a week."',
                          {"the minister": ["minister"]})
    (quote,) = quotes
    assert quote.cue.text == "told" and quote.speaker == "a1"
    assert quote.text == "We expect an answer within a week."


def test_quotes_scare_quotes_and_titles_are_not_quotes(nlp):
    _, quotes = quotes_of(nlp, 'Analysts described the meeting as "track two" diplomacy. '
                               'Her book "The Long Road Home" sold well.')
    assert [q for q in quotes if q.kind != "indirect"] == []


def test_quotes_quote_without_cue_is_left_out(nlp):
    _, quotes = quotes_of(nlp, 'The banner hung over "We will never forget our heroes" in large letters.')
    assert quotes == []


def test_quotes_written_text_that_reads_is_quoted_from_its_document(nlp):
    _, quotes = quotes_of(nlp, 'The letter read: "We regret the decision and we will appeal it."')
    assert [(q.text, q.kind, q.source.text, q.cue.text) for q in quotes] == [
        ("We regret the decision and we will appeal it.", "direct", "The letter", "read")]


def test_quotes_indirect_speech(nlp):
    doc, quotes = quotes_of(nlp, 'The ambassador said that the embassy would reopen in March.',
                            {"the ambassador": ["ambassador"]})
    (quote,) = quotes
    assert quote.kind == "indirect"
    assert quote.text == "the embassy would reopen in March"
    assert doc.text[quote.start:quote.end] == quote.text
    assert quote.speaker == "a1" and quote.cue.text == "said"


def test_quotes_according_to(nlp):
    _, quotes = quotes_of(nlp, 'According to the coast guard, three ships left the port on Sunday.')
    (quote,) = quotes
    assert quote.kind == "indirect" and quote.cue.text == "According to"
    assert quote.source.text == "coast guard" and quote.text == "three ships left the port on Sunday"
    assert quote.speaker is None and quote.speaker_name is None


def test_quotes_mixed_quote_keeps_the_reported_clause(nlp):
    _, quotes = quotes_of(nlp, 'Karin Holm said the agreement was "a historic step for both nations."',
                          {"Karin Holm": ["Karin Holm"]})
    (quote,) = quotes
    assert quote.kind == "mixed" and quote.speaker == "a1"
    assert quote.text.startswith("the agreement was") and "historic step" in quote.text


def test_quotes_unresolved_speakers_stay_unnamed_unless_proper_names(nlp):
    _, quotes = quotes_of(nlp, '"The border will stay closed this winter," he said. '
                               '"Trade will suffer for many months," said Novak.')
    he, novak = quotes
    assert (he.speaker, he.speaker_name) == (None, None)
    assert (novak.speaker, novak.speaker_name) == (None, "Novak")


def test_quotes_title_falls_back_to_the_actors_first_title(nlp):
    _, quotes = quotes_of(nlp, '"Our patience has limits and it is running out," Ida Park said.',
                          {"Ida Park": ["Ida Park"]}, {"Ida Park": Title("ambassador", "Japan")})
    assert quotes[0].speaker_title == "ambassador of Japan"


def test_quotes_ids_are_in_text_order(nlp):
    _, quotes = quotes_of(nlp, 'The mayor said the bridge would reopen soon. '
                               '"We have fixed the worst of the damage," said the engineer.')
    assert [q.id for q in quotes] == ["q1", "q2"]
    assert quotes[0].start < quotes[1].start


@pytest.mark.skipif(not WIKINEWS.exists(), reason="Wikinews sample not found in ../shared")
def test_quotes_offsets_hold_on_real_news(nlp):
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:4]
    for article in map(json.loads, lines):
        doc = nlp(article["text"])
        for quote in find_quotes(doc, ActorTable()):
            assert doc.text[quote.start:quote.end] == quote.text
            assert doc.text[quote.source.start:quote.source.end] == quote.source.text
            assert not (quote.start <= quote.source.start < quote.end) or quote.kind == "mixed"


@pytest.mark.model
def test_quotes_seed_shirk_quotes_are_hers(seed_result):
    shirk = actor_named(seed_result, "Susan Shirk")
    direct = [q for q in seed_result.quotes if q.kind == "direct" and q.speaker == shirk.id]
    assert len(direct) == 2, [(q.text[:30], q.speaker) for q in seed_result.quotes]
    nobody = next(q for q in direct if q.text.startswith("Nobody"))
    assert nobody.source.text == "she"
    assert all("director" in q.speaker_title for q in direct)


@pytest.mark.model
def test_quotes_seed_flake_quotes_are_his_not_his_foundations(seed_result):
    flake = actor_named(seed_result, "Gordon Flake")
    direct = [q for q in seed_result.quotes if q.kind == "direct" and q.speaker == flake.id]
    assert len(direct) >= 3, [(q.text[:30], q.speaker) for q in seed_result.quotes]
    assert all("executive director" in q.speaker_title for q in direct)
    names = {q.speaker_name for q in seed_result.quotes}
    assert not {"Nobody", "Mansfield Foundation", "the Mansfield Foundation"} & names


def test_quotes_transcript_label_and_signed_quote(nlp):
    text = ('HOST: Tell us what the talks in Geneva achieved this week.\n'
            'Correction: An earlier version gave the wrong date for the talks.\n'
            '\u201cThe harbour will stay open for every ship that asks.\u201d \u2014 Lena Varga\n')
    doc, quotes = quotes_of(nlp, text)
    assert [(q.source.text, q.text, q.kind) for q in quotes] == [
        ("HOST", "Tell us what the talks in Geneva achieved this week.", "direct"),
        ("Lena Varga", "The harbour will stay open for every ship that asks.", "direct")]
    assert all(doc.text[q.start:q.end] == q.text for q in quotes)


def test_quotes_relative_pronoun_is_the_source_and_the_antecedent_the_speaker(nlp):
    _, quotes = quotes_of(nlp, 'The plan was praised by Omar Haddad, who said that the ferry line '
                               'would double its trips.',
                          {"Omar Haddad": ["Omar Haddad"]})
    (quote,) = quotes
    assert quote.source.text == "who" and quote.speaker == "a1"
    assert quote.text == "the ferry line would double its trips"


def test_quotes_question_then_cue_in_the_next_sentence(nlp):
    _, quotes = quotes_of(nlp, '"Why should the farmers pay for this mistake?" Ines Moreau asked.',
                          {"Ines Moreau": ["Ines Moreau"]})
    assert [(q.text, q.speaker) for q in quotes] == [("Why should the farmers pay for this mistake?", "a1")]


def test_quotes_negation_inside_the_quote_does_not_negate_the_cue(nlp):
    _, quotes = quotes_of(nlp, '"Will the vote pass this month? Probably not," Karl Dahl said.',
                          {"Karl Dahl": ["Karl Dahl"]})
    assert [q.speaker for q in quotes] == ["a1"]


def test_quotes_one_word_answer_right_before_its_cue(nlp):
    _, quotes = quotes_of(nlp, '"Never," the minister said.')
    assert [q.text for q in quotes] == ["Never"]


def test_quotes_mixed_quote_before_its_cue_keeps_the_whole_clause(nlp):
    _, quotes = quotes_of(nlp, 'Whatever the cost, raising the fee again "would be a serious error," Ana Reyes said.',
                          {"Ana Reyes": ["Ana Reyes"]})
    (quote,) = quotes
    assert quote.kind == "mixed" and quote.speaker == "a1"
    assert quote.text.startswith("Whatever the cost") and "serious error" in quote.text


def test_quotes_name_and_colon_right_before_the_quote(nlp):
    _, quotes = quotes_of(nlp, 'Pollsters agree - Mara Quill: \u201cThe biggest lesson was simple: keep calling voters late.\u201d')
    (quote,) = quotes
    assert quote.source.text == "Mara Quill" and quote.cue.text == ":"
    assert quote.text == "The biggest lesson was simple: keep calling voters late."


def test_quotes_views_without_speech_verbs_are_indirect_quotes(nlp):
    text = ("The senator called for a new inquiry into the contracts. "
            "She urged the council to cut the fares by half. Marta Diaz criticized the budget cuts on Monday.")
    _, quotes = quotes_of(nlp, text, {"Ana Ruiz": ["senator", "She"], "Marta Diaz": ["Marta Diaz"]})
    assert [(q.cue.text, q.text, q.speaker, q.kind) for q in quotes] == [
        ("called", "a new inquiry into the contracts", "a1", "indirect"),
        ("urged", "the council to cut the fares by half", "a1", "indirect"),
        ("criticized", "the budget cuts on Monday", "a2", "indirect")]


def test_quotes_view_verbs_need_a_holder_and_their_complement(nlp):
    text = ("The mayor called an emergency meeting. He told a guard at the door. "
            "The new rules support small farms. The plan is expected to pass.")
    assert quotes_of(nlp, text)[1] == []


def test_quotes_calling_something_names_it(nlp):
    _, quotes = quotes_of(nlp, 'The minister called the ruling "a grave mistake" for the country.',
                          {"Ana Ruiz": ["minister"]})
    (quote,) = quotes
    assert quote.cue.text == "called" and quote.speaker == "a1"
    assert quote.text.startswith("the ruling")


def test_quotes_according_to_at_the_end_of_a_sentence(nlp):
    _, quotes = quotes_of(nlp, 'The harbour handled twice as many ships in May, according to port officials.')
    (quote,) = quotes
    assert quote.cue.text == "according to" and "twice as many ships" in quote.text


def test_quotes_a_possessed_claim_quotes_its_clause(nlp):
    _, quotes = quotes_of(nlp, "The audit undermined Lena Park's claim that the tunnel would open next year.")
    (quote,) = quotes
    assert quote.cue.text == "claim" and quote.source.text == "Lena Park"
    assert quote.text == "the tunnel would open next year" and quote.kind == "indirect"


def test_quotes_short_continuation_shares_the_cue_of_its_first_part(nlp):
    _, quotes = quotes_of(nlp, '"Patience," said Ana Ruiz, a farmer from the valley. "Patience for everyone."')
    assert [q.text for q in quotes] == ["Patience", "Patience for everyone."]
    assert len({q.cue.start for q in quotes}) == 1
    assert all(q.source.text == "Ana Ruiz" for q in quotes)


def test_quotes_continuation_after_an_aside_keeps_the_voice(nlp):
    _, quotes = quotes_of(nlp, '"We lost the harvest twice," said Ana Ruiz. She has farmed here since 1990. '
                               '"Nobody in the capital listens to us."')
    assert [(q.text, q.source.text) for q in quotes] == [
        ("We lost the harvest twice", "Ana Ruiz"), ("Nobody in the capital listens to us.", "Ana Ruiz")]


def test_quotes_continuation_in_the_next_paragraph_keeps_the_voice(nlp):
    _, quotes = quotes_of(nlp, '"We will rebuild the bridge," she said to loud applause.\n\n'
                               '"And the province will pay for it."')
    assert [q.source.text for q in quotes] == ["she", "she"]
    assert quotes[0].cue.start == quotes[1].cue.start


def test_quotes_speaker_after_an_inverted_cue(nlp):
    _, quotes = quotes_of(nlp, '"Where does the money go?" asked the boy, who had come with his father.')
    (quote,) = quotes
    assert quote.source.text == "the boy" and quote.cue.text == "asked"


def test_quotes_short_quote_right_after_its_cue(nlp):
    _, quotes = quotes_of(nlp, 'Asked whether he would stay, the minister said, "Probably."')
    assert [(q.text, q.source.text) for q in quotes if q.kind == "direct"] == [("Probably.", "the minister")]


def test_quotes_colon_after_a_clause_with_a_named_subject(nlp):
    _, quotes = quotes_of(nlp, 'Then Ana Ruiz turned to the crowd: "We are not leaving this valley."')
    (quote,) = quotes
    assert quote.source.text == "Ana Ruiz" and quote.text == "We are not leaving this valley."


def test_quotes_name_and_colon_as_the_object_of_a_cue_is_not_the_speaker(nlp):
    _, quotes = quotes_of(nlp, 'Ana Ruiz later told Radio Norte: "We are not leaving this valley."')
    (quote,) = quotes
    assert quote.source.text == "Ana Ruiz"


def test_quotes_signed_paragraph_is_quoted_from_its_signer(nlp):
    text = '"The river has never been this low in my lifetime."\n\n- Ana Ruiz, speaking in March.\n\nPrices rose.'
    _, quotes = quotes_of(nlp, text)
    (quote,) = quotes
    assert quote.text == "The river has never been this low in my lifetime." and quote.source.text == "Ana Ruiz"


def test_quotes_mark_between_spaces_closes_after_a_nested_quote():
    text = '"He told us, \'Go home,\' " said Ana Ruiz.'
    assert [text[s:e] for s, e in quoted_spans(text)] == ["He told us, 'Go home,' "]


def test_quotes_gerund_cue_takes_the_subject_of_its_verb(nlp):
    _, quotes = quotes_of(nlp, 'Ana Ruiz ended the meeting by saying, "The valley will survive this drought."')
    (quote,) = quotes
    assert quote.source.text == "Ana Ruiz" and quote.cue.text == "saying"


def test_quotes_that_clause_hung_on_a_noun_is_still_reported(nlp):
    _, quotes = quotes_of(nlp, 'Ana Ruiz said at a meeting on Friday that the dam would be finished in May.')
    (quote,) = quotes
    assert quote.kind == "indirect" and quote.source.text == "Ana Ruiz"
    assert quote.text.startswith("the dam would be finished")


def test_quotes_continued_to_do_is_not_a_cue(nlp):
    _, quotes = quotes_of(nlp, 'She said the mayor would continue to call it "a plan that works for everyone".')
    assert {q.source.text for q in quotes} == {"She"}


def test_a_speaker_entity_stops_at_a_paragraph_break(nlp):
    from cable.pipeline.voices_common import mention_of

    from spacy.tokens import Span

    doc = nlp("The report came out in 2019\n\nEstimates vary widely, the agency said.")
    year = next(t.i for t in doc if t.text == "2019")
    doc.ents = [Span(doc, year, year + 3, label="ORG")]  # as the parser sometimes runs one across the break
    assert [t.text for t in doc[year:year + 3]][2] == "Estimates"
    assert mention_of(doc[year + 2]).text == "Estimates"
    assert mention_of(doc[year]).text == "2019"
