"""The seed article end to end: what DESIGN.md says Cable must get from it.

The article is read from ../shared (it is not redistributed); these tests skip
when it is absent.
"""

import pytest

from conftest import actor_named

pytestmark = pytest.mark.model


def countries(result, ids):
    by_id = {a.id: a for a in result.actors}
    return {by_id[i].country for i in ids}


def test_seed_article_body_and_metadata(seed_result):
    a = seed_result.article
    assert a.author == "Josh Rogin"
    assert a.title == "Low expectations for quick resumption of Six Party Talks"
    assert a.text.startswith("Don\u2019t expect huge progress")
    assert a.text.count("Don\u2019t expect huge progress") == 1
    assert a.text.rstrip().endswith("run by Donald Zagoria.")
    for gone in ("covers national security", "More from Foreign Policy", "Saudi-Iranian", "Twitter: @"):
        assert gone not in a.text
    kinds = {r.kind for r in seed_result.removed}
    assert {"teaser", "bio", "related"} <= kinds


@pytest.mark.parametrize("name,country,title_word", [
    ("Ri Gun", "PRK", "negotiator"),
    ("Sung Kim", "USA", None),
    ("Susan Shirk", None, "director"),
    ("Gordon Flake", None, "executive director"),
    ("Stephen Bosworth", None, None),
    ("Wen Jiabao", "CHN", "Premier"),
])
def test_seed_people_with_countries_and_titles(seed_result, name, country, title_word):
    actor = actor_named(seed_result, name)
    assert actor.kind == "person"
    if country:
        assert actor.country == country
    if title_word:
        assert any(title_word in t.title for t in actor.titles), actor.titles


def test_seed_san_diego_meeting_is_an_occurred_consult(seed_result):
    found = [
        e for e in seed_result.events
        if e.plover == "CONSULT" and e.status == "occurred" and e.location and e.location.name == "San Diego"
        and {"USA", "PRK"} <= countries(seed_result, e.actors + e.recipients)
    ]
    assert found, [(e.plover, e.trigger.text, e.status, e.location) for e in seed_result.events]


def test_seed_wen_jiabao_visit_to_pyongyang(seed_result):
    wen = actor_named(seed_result, "Wen Jiabao")
    found = [e for e in seed_result.events if e.plover == "CONSULT" and wen.id in e.actors
             and "PRK" in countries(seed_result, e.recipients)]
    assert found, [(e.plover, e.trigger.text, e.actors, e.recipients) for e in seed_result.events]


def test_seed_new_york_meeting_is_planned(seed_result):
    found = [e for e in seed_result.events if e.plover == "CONSULT" and e.status == "planned"
             and e.location and e.location.name == "New York"]
    assert found, [(e.plover, e.trigger.text, e.status, e.location) for e in seed_result.events]
    assert found[0].date and found[0].date.start == "2009-10-30"


def test_seed_little_chance_is_not_an_occurred_negotiation(seed_result):
    text = seed_result.article.text
    sentence_start = text.index("While it\u2019s significant")
    sentence_end = text.index("experts say.", sentence_start)
    for e in seed_result.events:
        if sentence_start <= e.trigger.start < sentence_end and "negotiation" in e.trigger.text:
            assert e.status != "occurred"


def test_seed_quotes_are_attributed_to_shirk_and_flake(seed_result):
    by_speaker = {}
    for q in seed_result.quotes:
        by_speaker.setdefault(q.speaker_name, []).append(q.text)
    shirk = " ".join(by_speaker.get("Susan Shirk", []))
    flake = " ".join(by_speaker.get("Gordon Flake", []))
    assert "prep meeting" in shirk and "Nobody\u2019s here" in shirk
    assert "nothing to do with format" in flake and "Ri Gun is authorized" in flake
    assert "Nobody" not in by_speaker


def test_seed_little_chance_forecast(seed_result):
    found = [f for f in seed_result.forecasts if "little chance" in f.expression.lower()]
    assert found and 0.05 <= found[0].probability <= 0.2


def test_seed_headline_forecast_indexes_the_title(seed_result):
    (headline,) = [f for f in seed_result.forecasts if f.field == "title"]
    title = seed_result.article.title
    assert title[headline.start:headline.end].startswith(headline.expression)
    assert headline.expression.lower() == "low expectations" and headline.probability <= 0.25


def test_seed_json_matches_the_schema_and_offsets(seed_result):
    import json
    from pathlib import Path

    import jsonschema

    schema = json.loads((Path(__file__).resolve().parent.parent / "src/cable/schema/cable-1.schema.json").read_text())
    record = json.loads(json.dumps(seed_result.to_json()))
    jsonschema.validate(record, schema)
    text = record["article"]["text"]
    for quote in record["quotes"]:
        assert quote["text"] in text[quote["start"]:quote["end"]]
        if quote["source"]:
            assert text[quote["source"]["start"]:quote["source"]["end"]] == quote["source"]["text"]
    for stance in record["stances"]:
        assert 0 <= stance["start"] < stance["end"] <= len(text)
