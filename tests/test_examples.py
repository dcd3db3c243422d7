"""The bundled example articles go through the same code as the seed; these
check what a reader of each would expect Cable to find."""

from pathlib import Path

import pytest

from cable.pipeline import process

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture(scope="module")
def results(nlp):
    return {p.name: process(p.read_text(encoding="utf-8"), input=str(p), nlp=nlp) for p in FILES}


def person(result, surname):
    found = [a for a in result.actors if a.kind == "person" and a.name.split()[-1] == surname]
    assert found, f"no person {surname!r} in {[a.name for a in result.actors]}"
    return found[0]


def country_of(result, ids):
    by_id = {a.id: a for a in result.actors}
    return {by_id[i].country for i in ids}


@pytest.mark.parametrize("name", [p.name for p in FILES])
def test_examples_records_carry_valid_evidence(results, name):
    r = results[name]
    text = r.article.text
    ids = {a.id for a in r.actors}
    assert r.article.published and r.actors and r.events and r.quotes
    for a in r.actors:
        assert all(text[m.start:m.end] == m.text for m in a.mentions)
    for e in r.events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.sentence[0] <= e.trigger.start < e.trigger.end <= e.sentence[1]
        assert set(e.actors + e.recipients) <= ids and (e.actors or e.recipients)
        assert 0 < e.confidence <= 1 and e.cameo and e.plover
    for q in r.quotes:
        assert q.text in text[q.start:q.end] and (q.speaker is None or q.speaker in ids)


def test_examples_cairo_summit(results):
    r = results["wikinews-2020-01-11-cairo-summit.txt"]
    assert r.article.published == "2020-01-11"
    shoukry = person(r, "Shoukry")
    assert shoukry.country == "EGY" and any("foreign minister" in t.title for t in shoukry.titles)
    assert person(r, "Mitsotakis").country == "GRC"
    expel = [e for e in r.events if e.cameo == "166"]
    assert expel and "GRC" in country_of(r, expel[0].actors) and "LBY" in country_of(r, expel[0].recipients)
    assert len([q for q in r.quotes if q.speaker_name == "Kyriakos Mitsotakis"]) >= 2


def test_examples_germany_bans_mahan_air(results):
    r = results["wikinews-2019-01-23-germany-bans-mahan-air.txt"]
    bans = [e for e in r.events if e.trigger.text == "banned"]
    assert bans and "DEU" in country_of(r, bans[0].actors) and bans[0].date.start == "2019-01-21"
    merkel = person(r, "Merkel")
    assert merkel.country == "DEU" and any(t.title == "Chancellor" for t in merkel.titles)
    seibert = [q for q in r.quotes if q.speaker_name == "Steffen Seibert"]
    assert seibert and seibert[0].speaker_title == "spokesperson"


def test_examples_rouhani_quotes(results):
    r = results["wikinews-2019-09-23-rouhani-gulf.txt"]
    rouhani = person(r, "Rouhani")
    assert any(t.title == "President" for t in rouhani.titles)
    assert len([q for q in r.quotes if q.speaker == rouhani.id]) >= 3


def test_examples_html_page(results):
    r = results["wikinews-2019-10-10-uk-urges-us-immunity.html"]
    assert r.article.title.startswith("UK urges US to waive immunity")
    assert r.article.url.startswith("https://en.wikinews.org/wiki/UK_urges_US")
    assert r.article.published == "2019-10-10"
    assert "Privacy policy" not in r.article.text and "Random article" not in r.article.text
    assert person(r, "Johnson").country == "GBR"
    urged = [e for e in r.events if e.plover == "REQUEST" and e.trigger.text == "urged"]
    assert any(person(r, "Raab").id in e.actors for e in urged)


def test_examples_kurds_deal(results):
    r = results["wikinews-2019-10-15-kurds-deal-assad.txt"]
    assert person(r, "Erdoğan").country == "TUR"
    nato = [q for q in r.quotes if q.speaker_name == "Jens Stoltenberg"]
    assert nato and "Secretary-General" in nato[0].speaker_title
    condemned = [e for e in r.events if e.plover == "ACCUSE"]
    eu = next(a for a in r.actors if a.name == "European Union")
    assert any(eu.id in e.actors for e in condemned)
