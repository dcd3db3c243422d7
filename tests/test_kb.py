"""The knowledge base: countries, metonyms, organisations, leaders, title words."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from cable.kb import Metonym, NounClass, load_kb, norm_key, strip_name
from cable.kb.text import sound_key


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("text, iso3", [
    ("North Korea", "PRK"), ("DPRK", "PRK"), ("Pyongyang", "PRK"), ("North Korean", "PRK"),
    ("the North Koreans", "PRK"), ("South Korea", "KOR"), ("Seoul", "KOR"), ("South Korean", "KOR"),
    ("U.S.", "USA"), ("US", "USA"), ("United States", "USA"), ("America", "USA"),
    ("Washington", "USA"), ("American", "USA"), ("Americans", "USA"),
    ("Britain", "GBR"), ("UK", "GBR"), ("British", "GBR"), ("London", "GBR"),
    ("Russia", "RUS"), ("Moscow", "RUS"), ("Russian", "RUS"),
    ("China", "CHN"), ("Beijing", "CHN"), ("Chinese", "CHN"), ("the Chinese", "CHN"),
    ("Iran", "IRN"), ("Tehran", "IRN"), ("Iranian", "IRN"), ("Taiwan", "TWN"), ("Taipei", "TWN"),
    ("Japan", "JPN"), ("Japanese", "JPN"), ("France", "FRA"), ("French", "FRA"), ("Dutch", "NLD"),
    ("Burma", "MMR"), ("Myanmar", "MMR"), ("Ivory Coast", "CIV"), ("Bogota", "COL"),
])
def test_kb_country_names_demonyms_and_capitals(kb, text, iso3):
    assert kb.country(text) == iso3


@pytest.mark.parametrize("text", ["Korean", "Congolese", "us", "Obama", "the", ""])
def test_kb_country_is_none_for_ambiguous_or_unknown_words(kb, text):
    assert kb.country(text) is None


def test_kb_country_term_tells_the_form(kb):
    assert kb.country_term("Pyongyang").form == "capital"
    assert kb.country_term("North Korean").form == "adjective"
    assert kb.country_term("North Korea").form == "name"


def test_kb_country_name_is_the_common_short_name(kb):
    assert kb.country_name("PRK") == "North Korea"
    assert kb.country_name("USA") == "United States"
    assert kb.country_name("GBR") == "United Kingdom"
    assert kb.country_name("XXX") is None and kb.country_name(None) is None


@pytest.mark.parametrize("text, expected", [
    ("Foggy Bottom", ("State Department", "organization", "USA", "GOV")),
    ("the State Department", ("State Department", "organization", "USA", "GOV")),
    ("Turtle Bay", ("United Nations", "organization", None, "IGO")),
    ("the Pentagon", ("Pentagon", "organization", "USA", "MIL")),
    ("Defense Department", ("Pentagon", "organization", "USA", "MIL")),
    ("the White House", ("White House", "organization", "USA", "GOV")),
    ("the Kremlin", ("Kremlin", "organization", "RUS", "GOV")),
    ("Zhongnanhai", ("Zhongnanhai", "organization", "CHN", "GOV")),
    ("Downing Street", ("Downing Street", "organization", "GBR", "GOV")),
    ("Whitehall", ("Whitehall", "organization", "GBR", "GOV")),
    ("the Blue House", ("Blue House", "organization", "KOR", "GOV")),
    ("the Élysée", ("Élysée", "organization", "FRA", "GOV")),
    ("Elysee", ("Élysée", "organization", "FRA", "GOV")),
    ("Langley", ("CIA", "organization", "USA", "SPY")),
    ("CIA", ("CIA", "organization", "USA", "SPY")),
    ("Capitol Hill", ("Congress", "organization", "USA", "LEG")),
    ("Congress", ("Congress", "organization", "USA", "LEG")),
    ("Embassy Row", ("Embassy Row", "group", "USA", None)),
])
def test_kb_metonyms(kb, text, expected):
    assert kb.metonym(text) == Metonym(*expected)


@pytest.mark.parametrize("text, name, kind, code", [
    ("UN", "United Nations", "organization", "IGOUNO"), ("U.N.", "United Nations", "organization", "IGOUNO"),
    ("NATO", "NATO", "organization", "IGOWSTNAT"), ("EU", "European Union", "organization", "IGOEUREEC"),
    ("ASEAN", "ASEAN", "organization", "IGOSEAASN"), ("IAEA", "IAEA", "organization", "IGOUNOIAE"),
    ("G20", "G20", "forum", "IGO"), ("G-20", "G20", "forum", "IGO"),
])
def test_kb_igos_and_forums(kb, text, name, kind, code):
    met = kb.metonym(text)
    assert (met.name, met.kind, met.iso3, met.sector) == (name, kind, None, "IGO")
    assert kb.igo_code(met.name) == code


@pytest.mark.parametrize("name, kind, sector", [
    ("Ministry of Foreign Affairs", "organization", "GOV"),
    ("Defense Ministry", "organization", "GOV"),  # a ministry is government (PLOVER: GOV, then MIL)
    ("Ministry of National Defense", "organization", "GOV"),
    ("Defense Forces", "organization", "MIL"),
    ("Korean People's Navy", "organization", "MIL"),
    ("University of Lagos", "organization", "EDU"),
    ("Harlow Institute", "organization", "EDU"),
    ("Harlow Foundation", "organization", "NGO"),
    ("Council on Foreign Relations", "organization", "NGO"),
    ("National Committee on Water Policy", "organization", "NGO"),
    ("Senate Armed Services Committee", "organization", "LEG"),
    ("Labour Party", "organization", "PTY"),
    ("Metropolitan Police", "organization", "COP"),
    ("Supreme Court", "organization", "JUD"),
    ("European Parliament", "organization", "LEG"),
    ("The Daily Herald", "organization", "MED"),
    ("Acme Holdings", "organization", "BUS"),
    ("Zagros Air", "organization", "BUS"),
    ("Acme Limited", "organization", "BUS"),
    ("Harlow Daily Mail", "organization", "MED"),
    ("Harlow General Hospital", "organization", None),
    ("Harlow Council", "organization", None),
    ("Six-Party Talks", "process", None),
    ("Minsk Peace Process", "process", None),
    ("Shangri-La Dialogue", "forum", None),
    ("Munich Security Conference", "forum", None),
])
def test_kb_org_kind_from_head_words(kb, name, kind, sector):
    assert kb.org_kind(name) == (kind, sector)


def test_kb_org_kind_none_without_head_word(kb):
    assert kb.org_kind("Acme") is None


@pytest.mark.parametrize("title, sector", [
    ("Foreign Minister", "GOV"), ("Premier", "GOV"), ("nuclear negotiator", "GOV"),
    ("Secretary of State", "GOV"), ("Ambassador to Germany", "GOV"), ("opposition leader", "OPP"),
    ("rebel commander", "REB"), ("General", "MIL"), ("professor", "EDU"), ("Senator", "LEG"),
    ("executive director", None), ("", None),
])
def test_kb_title_sector(kb, title, sector):
    assert kb.title_sector(title) == sector


def test_kb_title_head(kb):
    assert kb.title_head("Ambassador to Germany") == "ambassador"
    assert kb.title_head("head of delegation") == "head"
    assert kb.title_head("Foreign Minister") == "minister"
    assert kb.title_head("") is None


def test_kb_leaders_by_name_and_year(kb):
    assert kb.leader_country("Obama", 2009, heads_only=True) == "USA"
    assert kb.leader_country("Obama", 1990, heads_only=True) is None
    assert kb.leader_country("Kim Jong Il") == "PRK"
    assert kb.leader_country("Wen Jiabao") == "CHN"
    assert kb.leader_country("Angela Merkel") == "DEU"
    titles = {leader.title for leader in kb.leaders("Wen Jiabao", 2009)}
    assert "Premier" in titles


def test_kb_leader_full_name_needs_all_its_words(kb):
    assert kb.leaders("Michelle Obama") == []


def test_kb_find_terms_whole_words_and_hyphen_compounds(kb):
    text = "The U.S.-North Korea talks; a USB stick; WTOP radio; North Korea's envoy."
    found = [surface for _, _, surface in kb.find_terms(text)]
    assert found == ["U.S.", "North Korea", "North Korea"]


def test_kb_find_terms_prefers_longest(kb):
    found = kb.find_terms("North Korean officials met South Koreans.")
    assert [s for _, _, s in found] == ["North Korean", "South Koreans"]
    assert found[0][:2] == (0, 12)


def test_kb_countries_in_longer_names(kb):
    assert kb.countries_in("University of California's Institute on Global Conflict") == {"USA"}
    assert kb.countries_in("Committee on American Foreign Policy") == {"USA"}
    assert kb.countries_in("Harlow Foundation") == set()


def test_kb_text_normalisation():
    assert strip_name("the State Department’s") == "State Department"
    assert norm_key("the Six-Party Talks") == norm_key("Six Party Talks") == "six party talks"
    assert norm_key("U.S.") == "us"


def test_kb_gender_and_title_words(kb):
    assert kb.gender("Susan") == "f" and kb.gender("Gordon") == "m" and kb.gender("Zorblat") is None
    assert kb.is_title_word("Premier") and kb.is_title_word("negotiator") and not kb.is_title_word("table")
    assert kb.group_noun("officials") == ("group", "GOV")


def test_kb_built_country_table_is_complete():
    table = json.loads(resources.files("cable").joinpath("data", "kb", "countries.json").read_text("utf-8"))
    assert len(table) >= 240
    assert set(table["PRK"]) == {"name", "independent", "names", "demonyms", "adjectives", "capitals"}
    assert "Pyongyang" in table["PRK"]["capitals"] and "North Korean" in table["PRK"]["adjectives"]


def test_kb_is_loaded_once():
    assert load_kb() is load_kb()


def test_kb_sound_key_tolerates_transliteration():
    assert sound_key("Rouhani") == sound_key("Ruhani")
    assert sound_key("Hassan") == sound_key("Hasan") and sound_key("Tariq") == sound_key("Tarik")
    assert sound_key("Zelenskyy") == sound_key("Zelensky") and sound_key("Kim") != sound_key("Kin")


def test_kb_leaders_match_spelling_variants_and_bridge_empty_editions(kb):
    assert kb.leader_country("Hassan Rouhani", 2019) == "IRN"
    assert kb.leader_country("Hassan Rouhani", 2005) is None
    assert kb.leader_country("Angela Merkel", 2019) == "DEU"  # the 2018-2020 editions name no leaders


def test_kb_given_names(kb):
    assert kb.is_given_name("Nikos") and kb.is_given_name("Gáspár") and kb.is_given_name("Jean-Yves")
    assert not any(kb.is_given_name(w) for w in ("Hagia", "General", "The", "Prince", "Maidan"))


def test_kb_built_given_names_file_has_no_title_words():
    text = resources.files("cable").joinpath("data", "kb", "given_names.txt").read_text("utf-8")
    names = {line for line in text.splitlines() if line and not line.startswith("#")}
    assert len(names) > 2000 and {"Nikos", "Volodymyr", "Haitham"} <= names
    assert not names & {"President", "General", "King", "The", "Royal"}


def test_kb_noun_classes_depend_on_where_the_noun_stands(kb):
    assert kb.noun_class("island", "b") == NounClass("place", None, "bp")
    assert kb.noun_class("province", "a").kind == "place" and kb.noun_class("pipeline", "a").kind == "thing"
    assert kb.noun_class("airline", "b") == NounClass("organization", "BUS", "bp")
    assert kb.noun_class("island", "a") is None and kb.noun_class("Island", "b") is None


def test_kb_things_places_outlets_and_platforms(kb):
    assert kb.is_thing_name("the Syrian Civil War") and kb.is_thing_name("EuroAfrica Interconnector")
    assert not kb.is_thing_name("Syrian Democratic Forces")
    assert kb.is_place_name("Crete") and not kb.is_place_name("California") and not kb.is_place_name("Harvard")
    assert kb.metonym("Rudaw") == Metonym("Rudaw", "organization", "IRQ", "MED")
    assert kb.metonym("Twitter").sector == "BUS" and kb.is_platform("Twitter") and not kb.is_platform("Reuters")
    assert "Blue House" in kb.local_metonyms and "Kremlin" not in kb.local_metonyms


def test_kb_title_countries_and_role_nouns(kb):
    assert kb.title_country("Foreign Secretary") == "GBR" and kb.title_country("Secretary of State") == "USA"
    assert kb.title_country("foreign secretary") is None and kb.title_country("Foreign Minister") is None
    assert (kb.role_noun("GOV"), kb.role_noun("MED"), kb.role_noun(None)) == ("official", "journalist", "member")


def test_kb_context_word_lists(kb):
    assert "entered" in kb.words("motion") and "affairs" in kb.words("portfolio")
    assert "counterparts" in kb.words("counterpart") and kb.words("no such list") == frozenset()


def test_kb_first_name_genders_and_context_lists_for_coreference(kb):
    assert (kb.gender("Nick"), kb.gender("Kyriakos"), kb.gender("Grace")) == ("m", "m", "f")
    assert {"northern", "southern"} <= kb.words("region") and "north" not in kb.words("region")
    assert "several" in kb.words("quantity") and "foreign" not in kb.words("quantity")
    assert kb.country_term("North Korea").iso3 == "PRK" and kb.country_term("Northern Cyprus") is None


# --- agent words, the actor dictionaries' names and dated codes -------------------------------------

@pytest.mark.parametrize("phrase, code", [
    ("soldiers", "MIL"), ("riot police", "COP"), ("policemen", "COP"), ("thieves", "CRM"),
    ("farmers", "AGR"), ("secret services", "SPY"), ("defense minister", "GOVMIL"),
])
def test_kb_agent_words(kb, phrase, code):
    assert kb.agent_code(phrase) == code


def test_kb_agent_words_miss(kb):
    assert kb.agent_code("teapots") is None and kb.agent_code("") is None


def test_kb_named_codes_by_date(kb):
    assert kb.named_code("Hezbollah") == "LBNREB"
    assert kb.named_code("the People's Liberation Army") == "CHNMIL"
    assert kb.named_code("Carl XVI Gustaf", "2015-08-13") == "SWEGOV"
    assert kb.named_code("Carl XVI Gustaf", "1972-08-13") == "SWEELI"
    assert kb.named_code("Moody Awori", "2005-01-01") == "KENGOV"
    assert kb.named_code("Moody Awori", "1995-01-01") is None  # no code held then, none undated
    assert kb.named_code("Plainly Unknown Name") is None


def test_kb_split_code(kb):
    assert kb.split_code("LBNREB") == ("LBN", "REB")
    assert kb.split_code("ISRGOVLEG") == ("ISR", "LEG")  # a government's legislature
    assert kb.split_code("IGOUNO") == (None, "IGO")
    assert kb.split_code("NGOUSAHRI") == ("USA", "NGO")
    assert kb.split_code("KSVGOV") == ("XKX", "GOV")
    assert kb.split_code("KKLREB") == (None, None)


def test_kb_leaders_by_short_given_name(kb):
    assert {leader.iso3 for leader in kb.leaders("Tony Blair", 2004)} == {"GBR"}
    assert kb.leaders("Tony Blair", 2012) == []


def test_kb_ungd_ministers_and_ex_officio_heads(kb):
    """Ministers who spoke at the UN are known, as ministers; Andorra's co-princes are left out
    (the French president is France's)."""
    maas = kb.leaders("Heiko Maas")
    assert maas and {(leader.iso3, leader.role) for leader in maas} == {("DEU", "minister")}
    assert {leader.iso3 for leader in kb.leaders("Emmanuel Macron")} == {"FRA"}


def test_kb_countries_in_prefers_named_country(kb):
    assert kb.countries_in("Chile's Defense Department") == {"CHL"}
    assert kb.countries_in("the Defense Department") == {"USA"}


def test_kb_knows_us_envoys_and_state_department_principals():
    kb = load_kb()
    posts = {(leader.iso3, leader.title, leader.role) for leader in kb.leaders("John Kerry", 2014)}
    assert ("USA", "Secretary of State", "minister") in posts
    assert all(leader.role == "envoy" for leader in kb.leaders("Henry Wooster"))


def test_kb_heads_of_a_country_span_the_years():
    heads = load_kb().heads_of("GBR")
    assert {"Blair", "Johnson"} <= {leader.surname for leader in heads}
    assert all(leader.role == "head" and leader.iso3 == "GBR" for leader in heads)


def test_kb_knows_cabinet_members_of_2003_to_2011():
    posts = {(leader.iso3, leader.title, leader.role) for leader in load_kb().leaders("Franco Frattini", 2009)}
    assert ("ITA", "Minister of Foreign Affairs", "minister") in posts
    terms = {(leader.start, leader.end) for leader in load_kb().leaders("Franco Frattini")
             if leader.title == "Minister of Foreign Affairs"}
    assert terms == {(2003, 2004), (2008, 2011)}  # two terms, as the cabinet lists date them
