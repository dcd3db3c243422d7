"""Actors: peoples placed where they live, groups of a national institution, money
that names no country, dated leaders and administrations (sentences written for these tests)."""

from __future__ import annotations

import pytest

from cable.pipeline.actors import find_actors
from cable.records import Article

pytestmark = pytest.mark.model


def run(nlp, text: str, published: str | None = "2000-06-01"):
    article = Article("t", None, None, None, None, published, None, "en", text)
    return find_actors(nlp(text), article)


def facts(table) -> dict[str, tuple]:
    return {a.name: (a.kind, a.country, a.code) for a in table}


def test_actors_country_adjective_before_a_people_places_them(nlp):
    assert facts(run(nlp, "Bosnian Serbs boycotted the vote on Sunday.")) == {
        "Bosnian Serbs": ("group", "BIH", "BIH")}


def test_actors_people_in_or_of_a_country_live_there(nlp):
    found = facts(run(nlp, "Ethnic Hungarians in northern Serbia held a rally."))
    assert found["Ethnic Hungarians"] == ("group", "SRB", "SRB")
    assert facts(run(nlp, "The Albanians of northern Greece voted."))["Albanians"][:2] == ("group", "GRC")


def test_actors_an_ethnic_group_alone_has_no_country_the_text_gives(nlp):
    assert facts(run(nlp, "Ethnic Albanians held a rally.")) == {"Ethnic Albanians": ("group", None, None)}


def test_actors_a_plain_demonym_stays_its_country(nlp):
    assert facts(run(nlp, "Albanians voted on Sunday.")) == {"Albania": ("country", "ALB", "ALB")}


def test_actors_group_of_a_national_institution_takes_its_country(nlp):
    found = facts(run(nlp, "Leaders of Chile's ruling party met the envoy."))
    assert found["leaders"] == ("group", "CHL", "CHLGOV")


def test_actors_a_currency_is_no_country(nlp):
    found = facts(run(nlp, "The fund paid US $5 million to farmers in Kenya."))
    assert "United States" not in found and found["Kenya"][1] == "KEN"


def test_actors_administration_of_a_leader_out_of_office_that_year(nlp):
    # no head of that name in office in 2000, but every head of that name led one country
    assert facts(run(nlp, "The Bush administration said it would act."))["Bush administration"] == (
        "organization", "USA", "USAGOV")


def test_actors_titled_leader_whose_given_names_the_kb_spells_otherwise(nlp):
    found = facts(run(nlp, "President Omar Hassan al-Bashir spoke on Monday."))
    assert found["Omar Hassan al-Bashir"] == ("person", "SDN", "SDNGOV")
    assert facts(run(nlp, "Minister Omar Hassan al-Bashir spoke on Monday."))["Omar Hassan al-Bashir"][1] is None
