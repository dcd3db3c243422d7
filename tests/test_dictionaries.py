"""TABARI and PETRARCH dictionary readers: hand-made fixtures for each construct, then
the real dictionaries from ../shared (skipped when absent)."""

from __future__ import annotations

import os
import pickle
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from cable.dictionaries import (
    ALTERNATIVES, COMPOUND, EXACT, NOUN_PHRASE, PETRARCH1, PETRARCH2, PREP_PHRASE, SKIP,
    SOURCE, STEM, SYNSET, TABARI, TARGET, VERB, WORD, WORD_ENDINGS, ActorCode, DictionaryError,
    LazyRecords, LoadWarning, apply_option, candidate_keys, classify_paths, code_on,
    load_dictionaries, phrase_words, read_actors, read_agents, read_discards, read_environment,
    read_issues, read_options, read_petrarch_config, read_tabari_project, read_verbs,
    verb_format, word_matches,
)
from cable.dictionaries import bundle, load
from cable.dictionaries.codes import parse_actor_code, parse_day, parse_verb_code
from cable.dictionaries.compiled import PhraseIndex
from cable.errors import InputNotFound
from conftest import SHARED

FIXTURES = Path(__file__).parent / "data" / "dictionaries"
PETR2_DATA = SHARED / "anchors" / "petrarch2" / "petrarch2" / "data"
PETR2_DICTS = PETR2_DATA / "dictionaries"
TABARI_DIR = SHARED / "anchors" / "TABARI-Code"
PHOENIX_DIR = SHARED / "corpora" / "event-actor-dictionaries"


def words(phrase) -> list[str]:
    return list(phrase_words(phrase))


def lines_warned(warnings: list[LoadWarning]) -> set[int]:
    return {w.line for w in warnings}


def needs(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not found (set CABLE_SHARED to the shared folder)")


# ---- codes and dates ------------------------------------------------------------

def test_dictionaries_dates_read_two_and_four_digit_years():
    assert parse_day("950601") == date(1995, 6, 1)
    assert parse_day("300101") == date(2030, 1, 1)      # 00-30 are 20xx
    assert parse_day("310101") == date(1931, 1, 1)
    assert parse_day("19270101") == date(1927, 1, 1)
    for bad in ("9008223", "19991340", "95061", "ab0601"):
        with pytest.raises(ValueError):
            parse_day(bad)


def test_dictionaries_actor_codes_take_every_restriction_form():
    assert parse_actor_code("AFG") == ActorCode("AFG")
    assert parse_actor_code("HOB < 950601") == ActorCode("HOB", end=date(1995, 6, 1))
    assert parse_actor_code("EGYGOV > 140608") == ActorCode("EGYGOV", start=date(2014, 6, 8))
    assert parse_actor_code("HOBGOV 19950601 - 19990815") == ActorCode(
        "HOBGOV", date(1995, 6, 1), date(1999, 8, 15))
    assert parse_actor_code("ELR/GAL").parts == ("ELR", "GAL")
    for bad in ("991201-010114", "X 20121207-20120802", "X 950601"):
        with pytest.raises(ValueError):
            parse_actor_code(bad)


def test_dictionaries_code_on_prefers_the_first_restriction_that_holds():
    codes = [ActorCode("HOB"), ActorCode("ORC", date(2010, 1, 9), date(2010, 1, 12)),
             ActorCode("MIL", date(2008, 1, 20), date(2012, 11, 9))]
    assert code_on(codes, date(2010, 1, 10)) == "ORC"
    assert code_on(codes, date(2009, 1, 1)) == "MIL"
    assert code_on(codes, date(2012, 11, 9)) == "MIL"     # bounds are inclusive
    assert code_on(codes, date(2000, 1, 1)) == "HOB"      # the default
    assert code_on(codes, None) == "HOB"
    assert code_on(codes[1:], date(2000, 1, 1)) is None


def test_dictionaries_verb_codes_keep_pairs_and_flags():
    assert parse_verb_code("042:043")[:2] == ("042", "043")
    assert parse_verb_code(":173")[:2] == ("", "173")
    assert parse_verb_code("031!").dominant and parse_verb_code("023?").subordinate
    assert parse_verb_code("- - -").code == "---"


# ---- actors, agents, discards, issues, options -----------------------------------

def test_dictionaries_petrarch_actors_keep_synonyms_and_dated_codes():
    warnings: list[LoadWarning] = []
    actors = read_actors(FIXTURES / "mini.actors.txt", "petrarch", warnings).entries
    by_root = {"_".join(words(e.root)): e for e in reversed(actors)}   # the first of a name
    valdoria = by_root["VALDORIA"]
    assert [words(p) for p in valdoria.phrases] == [["VALDORIA"], ["VALDORIAN"], ["PORT", "SERRA"]]
    assert valdoria.phrases[2][1].joined and valdoria.code_on(None) == "VLD"
    king = by_root["KING_ANSELM"]
    assert king.code_on(date(1960, 5, 1)) == "VLDELI"
    assert king.code_on(date(1980, 1, 1)) == "VLDGOV"
    assert king.code_on(date(1980, 6, 1)) == "VLDGOV"
    assert king.code_on(None) == "VLDELI"
    assert [c.code for c in by_root["ORSINE_PACT"].codes] == ["IGOORS", "IGO"]
    assert by_root["ORSINE_PACT"].code_on(date(2010, 1, 1)) == "IGO"
    assert [c.code for c in by_root["LADY_MOREL"].codes] == ["VLDOPP"]   # the bad date is dropped
    assert by_root["NO_CODE_HERE"].codes == ()
    assert lines_warned(warnings) == {17, 19}


def test_dictionaries_tabari_actors_read_stems_sections_and_finish():
    warnings: list[LoadWarning] = []
    parsed = read_actors(FIXTURES / "mini.actors", TABARI, warnings)
    assert [words(p) for p in parsed.nouns] == [["HARBOR"]]
    assert [words(p) for p in parsed.adjectives] == [["GRIM"]]
    by_root = {" ".join(words(e.root)): e for e in parsed.entries}
    assert set(by_root) == {"ARGENT", "QUILL RIVER", "MOSS", "FEN LORD", "GREYWATER"}
    assert by_root["ARGENT"].root[0].match == STEM
    assert [(t.match, t.joined) for t in by_root["QUILL RIVER"].root] == [
        (WORD_ENDINGS, False), (WORD_ENDINGS, True)]
    assert by_root["MOSS"].root[0].match == EXACT
    assert not by_root["FEN LORD"].root[1].joined        # a space allows words between
    assert words(by_root["GREYWATER"].phrases[1]) == ["GREY", "WATER"]   # hyphen is "_"
    greywater = by_root["GREYWATER"]
    assert [greywater.code_on(date(y, 6, 1)) for y in (1985, 1995, 2005)] == ["GRW", "GRWGOV", "GRWREB"]
    assert by_root["FEN LORD"].code_on(date(1990, 1, 1)) == "FNL"
    assert by_root["FEN LORD"].code_on(date(1996, 1, 1)) == "FNX"
    assert warnings == []


def test_dictionaries_agents_expand_markers_and_plurals():
    warnings: list[LoadWarning] = []
    agents = read_agents(FIXTURES / "mini.agents.txt", "petrarch", warnings)
    forms = {" ".join(words(a.phrase)): a for a in agents}
    assert {"HARBOR OFFICER", "HARBOR OFFICERS", "HARBOR OFFICIAL"} <= set(forms)
    assert "HARBOR OFFICIALS" not in forms                  # no plurals of substitutions
    assert forms["MAGISTRATES"].plural and forms["MAGISTRATES"].code == "JUD"
    assert forms["CITIES"].plural and "CITYS" not in forms
    assert "GUARDS" not in forms and "GUARD" in forms
    assert forms["RELIEF AGENCIES"].prefix and forms["RELIEF AGENCY"].code == "NGO"
    assert not forms["CLASS"].prefix and "CLASSES" in forms
    assert lines_warned(warnings) == {8, 9}                 # no "~"; unknown marker


def test_dictionaries_tabari_agents_need_no_plurals():
    agents = read_agents(FIXTURES / "mini.agents", TABARI)
    assert [(words(a.phrase), a.code, a.prefix) for a in agents] == [
        (["HARBOR", "MASTER"], "PRT", False), (["RELIEF", "AGENCY"], "NGO", True)]
    assert agents[0].phrase[1].match == WORD_ENDINGS


def test_dictionaries_discards_mark_story_level_and_stems():
    discards = read_discards(FIXTURES / "mini.discards.txt")
    assert [(words(d.phrase), d.story) for d in discards] == [
        (["CHESS", "MATCH"], False), (["FILM", "FESTIVAL"], True), (["REGATTA"], False)]
    assert discards[0].phrase[-1].match == STEM and discards[1].phrase[-1].match == EXACT
    assert discards[0].phrase[1].joined


def test_dictionaries_issues_expand_nouns_verbs_and_hyphens():
    warnings: list[LoadWarning] = []
    issues = read_issues(FIXTURES / "mini.issues.txt", warnings)
    by_words = {" ".join(i.words): i for i in issues}
    assert by_words["WELLS"].code == "WATER_SUPPLY" and by_words["WELLS"].category == "WATER"
    assert {"IRRIGATE", "IRRIGATES", "IRRIGATED", "IRRIGATING"} <= set(by_words)
    assert {"RAIN FED FIELD", "RAIN FED FIELDS", "RAIN-FED FIELD", "RAIN-FED FIELDS"} <= set(by_words)
    assert by_words["WISHING WELL"].ignore == "sentence" and by_words["WISHING WELL"].code is None
    assert by_words["DEEP WELL"].ignore == "story"
    assert by_words["HARBOR DUES"].category is None and by_words["HARBOR DUES"].code == "PORTS"
    assert lines_warned(warnings) == {7}


def test_dictionaries_options_read_commands_and_apply_changes():
    warnings: list[LoadWarning] = []
    options = read_options(FIXTURES / "mini.options", warnings)
    assert options.complex == {"VERBS": 3, "NOACTPRIOR": 1}
    assert options.settings == {"LABEL": "FALSE", "CODE": "BY SENTENCE"}
    assert options.labels == {"060": "TRADE"} and options.comma == {"MIN": 1, "MAX": 6}
    assert options.defaults == {"SOURCE": ("SRCX", "PRIOR")} and options.output == ("ID", "TEXT")
    assert lines_warned(warnings) == {9}
    changed = apply_option(options, "COMMA: OFF")
    assert changed.comma == {} and options.comma == {"MIN": 1, "MAX": 6}
    assert apply_option(changed, "DEFAULT: OFF").defaults == {}


# ---- verbs ------------------------------------------------------------------------

def test_dictionaries_petrarch1_verbs_read_forms_patterns_and_synsets():
    warnings: list[LoadWarning] = []
    verbs = read_verbs(FIXTURES / "mini.verbs.txt", warnings=warnings)
    assert verbs.format == PETRARCH1
    pledge = verbs.entries[0]
    forms = {" ".join(words(f.words)): f for f in pledge.forms}
    assert {"PLEDGES", "PLEDGED", "PLEDGING"} <= set(forms) and forms["PLEDGED"].generated
    assert forms["VOWED"].code.code == "052" and "VOWES" not in forms
    assert forms["SIGNED UP"].verb == 0 and forms["SIGNED UP"].words[1].joined
    assert forms["WIRE TRANSFERRED"].verb == 1 and forms["WIRE TRANSFERRED"].key == "TRANSFERRED"
    kinds = [[(t.kind, t.joined) for t in p.tokens] for p in pledge.patterns]
    assert kinds[1] == [(SOURCE, False), (VERB, False), (WORD, False), (TARGET, True)]
    assert kinds[2] == [(COMPOUND, False), (VERB, False)]
    assert pledge.patterns[2].code[:2] == ("053", "053")
    assert [t.kind for t in pledge.patterns[3].tokens] == [VERB, WORD, SKIP, WORD, TARGET]
    relay = verbs.entries[1]
    assert relay.code.code == "---" and relay.patterns[0].tokens[1].joined
    synsets = {s.name: s for s in verbs.synsets}
    assert [words(f) for f in synsets["&VESSEL"].forms] == [
        ["BARGE"], ["BARGES"], ["FERRY"], ["RIVER", "BOAT"], ["RIVER", "BOATS"]]
    assert [words(f) for f in synsets["&TIMES"].forms] == [["ONCE"], ["TWICE"]]
    assert lines_warned(warnings) == {2, 22, 23}


def test_dictionaries_petrarch2_verbs_group_noun_and_prep_phrases():
    warnings: list[LoadWarning] = []
    verbs = read_verbs(FIXTURES / "mini2.verbs.txt", warnings=warnings)
    assert verbs.format == PETRARCH2
    ship = verbs.entries[0]
    forms = [" ".join(words(f.words)) for f in ship.forms]
    assert forms[:4] == ["SHIP", "SHIPS", "SHIPPED", "SHIPPING"]
    assert "CARRIES" in forms and "HAUL AWAY" in forms and "HAUL AWAYS" not in forms
    to_target = ship.patterns[0].tokens[2]
    assert to_target.kind == PREP_PHRASE and to_target.text == "TO"
    assert [t.kind for t in to_target.parts[0]] == [TARGET]
    arms = ship.patterns[1].tokens[1]
    assert arms.kind == NOUN_PHRASE and words(arms.parts[0]) == ["ARMS", "SHIPMENT"]
    nested = ship.patterns[2].tokens[3].parts[0][0]
    assert nested.kind == NOUN_PHRASE and nested.parts[0][1].kind == TARGET
    assert ship.patterns[2].code[:2] == ("0713", "0714")
    assert ship.patterns[3].code[:2] == ("", "042")
    assert [t.text for t in ship.patterns[4].tokens] == ["*", "SURPLUS"]
    assert verbs.transformations[0].pattern == ("a", ("a", "b", "SHIP"), "SAY")
    assert verbs.transformations[0].result == ("a", "b", "010")
    crop = {s.name: s for s in verbs.synsets}["&CROP"]
    crop_forms = [words(f) for f in crop.forms]
    assert ["SOY", "BEAN"] in crop_forms and ["BARLEIES"] in crop_forms
    assert lines_warned(warnings) == {18}


def test_dictionaries_tabari_verbs_read_sections_alternatives_and_stems():
    warnings: list[LoadWarning] = []
    verbs = read_verbs(FIXTURES / "mini.verbs", warnings=warnings)
    assert verbs.format == TABARI and [words(p) for p in verbs.nouns] == [["HARBOR"]]
    time_shift, trade, sell = verbs.entries
    assert time_shift.section == "time" and time_shift.code.code == "-28"
    assert trade.name == "TRAD" and trade.forms[0].words[0].match == STEM
    assert [words(f.words) for f in trade.forms] == [["TRAD"], ["TRADED"], ["TRADING"]]
    alternatives = trade.patterns[0].tokens[1]
    assert alternatives.kind == ALTERNATIVES
    assert [words(a) for a in alternatives.parts] == [["WAS"], ["WERE"]]
    assert trade.patterns[0].tokens[3].match == WORD_ENDINGS      # BY_
    fruit = trade.patterns[1].tokens
    assert fruit[1].kind == SYNSET and fruit[2].joined and fruit[2].match == STEM
    assert trade.patterns[1].code.dominant and trade.patterns[2].code.subordinate
    assert sell.name == "SELL" and sell.forms[0].words[0].match == EXACT
    assert [words(m) for m in verbs.synsets[0].members] == [["APPLE"], ["PEAR", "TREE"]]
    assert lines_warned(warnings) == {18, 19, 20}                 # AFTER ~~FINISH is not read


def test_dictionaries_verb_format_is_detected_from_the_file():
    assert verb_format(FIXTURES / "mini.verbs") == TABARI
    assert verb_format(FIXTURES / "mini.verbs.txt") == PETRARCH1
    assert verb_format(FIXTURES / "mini2.verbs.txt") == PETRARCH2


def test_dictionaries_tabari_words_match_stems_and_endings():
    entries = read_actors(FIXTURES / "mini.actors", TABARI).entries
    stem, whole, exact = (entries[i].root[0] for i in (0, 1, 2))
    assert word_matches(stem, "Argentina") and not word_matches(stem, "Argon")
    assert word_matches(whole, "QUILLS") and not word_matches(whole, "QUILLING_X")
    assert word_matches(exact, "moss") and not word_matches(exact, "MOSSES")
    assert candidate_keys("ARGENTINIAN", {"ARGENT", "ARGON", "ARG"}) == ["ARGENT", "ARG"]


# ---- sources -----------------------------------------------------------------------

def test_dictionaries_tabari_project_names_the_files():
    files = read_tabari_project(FIXTURES / "mini.project")
    assert files.format == TABARI
    assert [p.name for p in files.paths()] == [
        "mini.verbs", "mini.actors", "mini.agents", "mini.options"]
    assert files.texts == (FIXTURES / "mini.text",) and files.settings["coder"] == "TEST"


def test_dictionaries_petrarch_config_names_the_files_relative_to_a_folder(tmp_path):
    files = read_petrarch_config(FIXTURES / "mini.config.ini")
    assert [p.name for p in files.actors] == ["mini.actors.txt", "extra.actors.txt"]
    assert files.verbs == (FIXTURES / "mini2.verbs.txt",) and files.issues[0].name == "mini.issues.txt"
    assert files.settings["Options.new_actor_length"] == "0"
    elsewhere = read_petrarch_config(FIXTURES / "mini.config.ini", tmp_path)
    assert elsewhere.verbs == (tmp_path / "mini2.verbs.txt",)


def test_dictionaries_environment_of_a_records_file():
    files = read_environment(FIXTURES / "mini.records.xml")
    assert [p.name for p in files.paths()] == [
        "mini.verbs.txt", "mini.actors.txt", "extra.actors.txt", "mini.agents.txt", "mini.discards.txt"]
    assert files.settings == {"Include": "valid DEMO DATE", "require_dyad": "True"}
    with pytest.raises(ValueError):
        read_environment(FIXTURES / "mini.actors.txt")


def test_dictionaries_paths_are_classified_by_name():
    files = classify_paths([FIXTURES / "mini.verbs", FIXTURES / "mini.actors"])
    assert files.format == TABARI and files.verbs and files.actors
    files = classify_paths([FIXTURES / "mini2.verbs.txt", FIXTURES / "mini.issues.txt"])
    assert files.format == "petrarch" and files.issues
    with pytest.raises(ValueError):
        classify_paths([FIXTURES / "mini.project"])


# ---- loading, indexes and the cache ---------------------------------------------

def test_dictionaries_load_indexes_a_petrarch_set(tmp_path):
    d = load_dictionaries(FIXTURES / "mini.config.ini", cache_dir=tmp_path)
    assert d.format == "petrarch" and d.verb_format == PETRARCH2
    assert d.actor_code(["VALDORIA"], None) == "VLD"
    assert [c.code for e in d.actor_index.get(["VALDORIA"]) for c in e.codes] == ["VLD", "VLDXXX"]
    assert d.actor_index.matches(["THE", "LEAGUE", "MET"], 0)[0][0] == 2
    assert [words(e.root) for e in d.actor_index.starting("PORT")] == [["VALDORIA"]]
    assert {a.code for a in d.agent_index.get(["HARBOR", "OFFICIAL"])} == {"PRT"}
    assert d.discard_index.get(["REGATTA"])[0].story is False
    assert d.issue_index.get(["IRRIGATED"])[0].code == "FARMING"
    hits = d.verb_hits("shipped")
    assert [(h.entry.name, h.code.code) for h in hits] == [("SHIP", "---")]
    assert d.synsets["&CROP"].members and len(d.transformations) == 1
    assert any(w.line == 18 for w in d.warnings)


def test_dictionaries_load_a_tabari_project(tmp_path):
    d = load_dictionaries(FIXTURES / "mini.project", cache_dir=tmp_path)
    assert d.format == TABARI and d.options.complex["VERBS"] == 3
    assert candidate_keys("ARGENTINE", d.actor_index.first_words) == ["ARGENT"]
    assert [h.entry.name for h in d.verb_hits("TRAD")] == ["TRAD"]
    assert d.agent_index.get(["RELIEF", "AGENCY"])[0].prefix
    assert [words(p) for p in d.nouns] == [["HARBOR"], ["HARBOR"]]


def test_dictionaries_cache_is_used_until_a_file_changes(tmp_path, monkeypatch):
    files = read_petrarch_config(FIXTURES / "mini.config.ini")
    copied = tmp_path / "set"
    copied.mkdir()
    for path in files.paths():
        (copied / path.name).write_bytes(path.read_bytes())
    source = [copied / path.name for path in files.paths()]
    first = load_dictionaries(source, cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache" / "dictionaries").glob("*.pickle"))

    def no_build(files):
        raise AssertionError("should have come from the cache")

    monkeypatch.setattr(load, "build_dictionaries", no_build)
    again = load_dictionaries(source, cache_dir=tmp_path / "cache")
    assert again.actor_code(["KING", "ANSELM"], date(1981, 1, 1)) == "VLDGOV"
    assert len(again.actors) == len(first.actors) and again.warnings == first.warnings
    actors = copied / "mini.actors.txt"
    actors.write_text(actors.read_text() + "NEW_PLACE [NWP]\n")
    os.utime(actors, ns=(1, 1))
    monkeypatch.setattr(load, "build_dictionaries", bundle.build_dictionaries)
    rebuilt = load_dictionaries(source, cache_dir=tmp_path / "cache")
    assert rebuilt.actor_code(["NEW", "PLACE"], None) == "NWP"


def test_dictionaries_load_without_a_writable_cache(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    d = load_dictionaries(FIXTURES / "mini.project", cache_dir=blocker / "cache")
    assert d.actor_code(["MOSS"], None) == "MSS"
    broken = tmp_path / "broken"
    load_dictionaries(FIXTURES / "mini.project", cache_dir=broken)
    for pickled in (broken / "dictionaries").glob("*.pickle"):
        pickled.write_bytes(b"not a pickle")
    rebuilt = load_dictionaries(FIXTURES / "mini.project", cache_dir=broken)
    assert rebuilt.actor_code(["MOSS"], None) == "MSS"


def test_dictionaries_load_reports_missing_and_unknown_sources(tmp_path):
    with pytest.raises(InputNotFound):
        load_dictionaries(tmp_path / "nothing.project", cache=False)
    (tmp_path / "broken.project").write_text("<verbfile> absent.verbs\n")
    with pytest.raises(InputNotFound, match="absent.verbs"):
        load_dictionaries(tmp_path / "broken.project", cache=False)
    (tmp_path / "empty").mkdir()
    with pytest.raises(DictionaryError):
        load_dictionaries(tmp_path / "empty", cache=False)
    with pytest.raises(DictionaryError):
        load_dictionaries([FIXTURES / "mini.project"], cache=False)


def test_dictionaries_lazy_records_survive_pickling():
    records = LazyRecords.of([("a", 1), ("b", 2)], lambda r: list(r), tuple)
    index = PhraseIndex(records, [(("A", "B"), 0), (("A",), 1)], gaps=[("A", 0)])
    copy = pickle.loads(pickle.dumps(index))
    assert copy.get(["A", "B"]) == [("a", 1)] and copy.records[-1] == ("b", 2)
    assert copy.gapped("A") == [("a", 1)] and copy.gapped("B") == []
    assert [end for end, _ in copy.matches(["A", "B", "C"])] == [1, 2]
    assert ("A",) in copy and len(copy) == 2


# ---- the real dictionaries ------------------------------------------------------

@pytest.fixture(scope="module")
def phoenix(tmp_path_factory):
    """The PETRARCH-2 default set: CAMEO.2.0 verbs, Phoenix discards and issues, and the
    Phoenix actors and agents from the corpus copy when there is one."""
    config = PETR2_DATA / "config" / "PETR_config.ini"
    needs(config)
    files = read_petrarch_config(config, PETR2_DICTS)
    if (PHOENIX_DIR / "Phoenix.agents.txt").exists():
        files = replace(files, actors=tuple(PHOENIX_DIR / p.name for p in files.actors),
                        agents=(PHOENIX_DIR / "Phoenix.agents.txt",))
    return load_dictionaries(files, cache_dir=tmp_path_factory.mktemp("cache"))


def test_dictionaries_phoenix_set_counts(phoenix):
    assert phoenix.verb_format == PETRARCH2
    assert len(phoenix.verbs) == 397 and sum(len(e.patterns) for e in phoenix.verbs) > 4600
    countries = [e for e in phoenix.actors if e.file.endswith("Countries.actors.txt")]
    assert len(countries) == 18390 and sum(len(e.phrases) for e in countries) == 18390 + 7527
    assert len(phoenix.actors) > 27000 and len(phoenix.agents) > 5000
    assert len(phoenix.discards) > 500 and len({i.category for i in phoenix.issues}) == 50
    assert len(phoenix.warnings) < 100


def test_dictionaries_phoenix_actor_dates_match_petrarch2(phoenix):
    # PETRARCH-2's own tests: test_date_check and test_actorDict_read.
    gustaf = ["CARL", "XVI", "GUSTAF"]
    assert phoenix.actor_code(gustaf, date(2015, 8, 13)) == "SWEGOV"
    assert phoenix.actor_code(gustaf, date(1972, 8, 13)) == "SWEELI"
    assert phoenix.actor_code(gustaf, date(1901, 8, 13)) == "SWEELI"
    croatia = [c for e in phoenix.actor_index.get(["CROATIA"]) for c in e.codes]
    assert croatia == [ActorCode("YUGHRV", end=date(1991, 6, 25)),
                       ActorCode("HRVUNR", date(1991, 10, 8), date(1992, 1, 15)),
                       ActorCode("HRV", start=date(1992, 1, 15)), ActorCode("HRV")]
    sisi = [c for e in phoenix.actor_index.get(["EL", "SISI"]) for c in e.codes]
    assert [c.code for c in sisi] == ["EGYMIL", "EGYGOVMIL", "EGYGOV", "EGYELI"]
    assert sisi[2].start == date(2014, 6, 8)
    uffe = phoenix.actor_index.get(["UFFE", "ELLEMANN", "JENSEN"])[0].codes
    assert [(c.code, c.start.year) for c in uffe] == [("IGOEUREEC", 1982), ("IGOEUREEC", 1987)]
    assert phoenix.actor_code(["BOKO", "HARAM"], None) == "NGAREB"
    assert phoenix.actor_code(["SOLARWINDS", "INC"], None) == "MNCUSA"
    assert phoenix.actor_code(["KIRIBATI"], None) == "KIR"
    assert phoenix.actor_code(["RUSSIA"], None) == "RUS"


def test_dictionaries_phoenix_verbs_and_agents(phoenix):
    assert [h.code.code for h in phoenix.verb_hits("INVADED")] == ["192"]
    arrested = [h for h in phoenix.verb_hits("ARRESTED") if len(h.form.words) == 1]
    assert [h.code.code for h in arrested] == ["173"]
    mock = next(p for e in phoenix.verbs for p in e.patterns if p.text.startswith("% &AIRCRAFT"))
    assert [t.kind for t in mock.tokens] == [COMPOUND, SYNSET, VERB] and mock.code[:2] == ("062", "062")
    assert "&AIRCRAFT" in phoenix.synsets
    assert {a.code for a in phoenix.agent_index.get(["REBELS"])} == {"REB"}


def test_dictionaries_petrarch_unit_test_environment_loads(tmp_path):
    records = PETR2_DATA / "text" / "PETR.UnitTest.records.xml"
    needs(records)
    d = load_dictionaries(records, directory=PETR2_DICTS, cache_dir=tmp_path)
    assert d.verb_format == PETRARCH1 and len(d.actors) == 128
    gamgee = ["SAM", "GAMGEE"]
    assert d.actor_code(gamgee, date(2010, 1, 10)) == "ORCHOB"   # listed first, so it wins
    assert d.actor_code(gamgee, date(2011, 1, 10)) == "HOBMIL"
    assert d.actor_code(gamgee, date(2014, 1, 1)) == "HOBELI"
    assert [h.code.code for h in d.verb_hits("RST")] == ["002"]


def test_dictionaries_tabari_validation_project_loads(tmp_path):
    needs(TABARI_DIR / "Validate.project")
    d = load_dictionaries(TABARI_DIR / "Validate.project", cache_dir=tmp_path)
    assert d.verb_format == TABARI and len(d.verbs) == 293 and len(d.actors) == 120
    assert len(d.agents) == 86 and d.options.complex["NOACTPRIOR"] == 1
    assert d.actor_code(["ARNOR"], None) == "ARN" and d.actor_code(["LORIEN"], None) == "ELR/GAL"
    smeagol = [d.actor_code(["SMEAGOL"], date(y, 1, 1)) for y in (1994, 1997, 2001)]
    assert smeagol == ["HOB", "HOBGOV", "HOBREB"]
    assert [e.section for e in d.verbs].count("time") == 10


def test_dictionaries_tabari_cameo_verbs_read_all_patterns():
    needs(TABARI_DIR / "CAMEO.091003.master.verbs")
    warnings: list[LoadWarning] = []
    verbs = read_verbs(TABARI_DIR / "CAMEO.091003.master.verbs", warnings=warnings)
    assert len(verbs.entries) == 1216
    assert sum(len(e.patterns) for e in verbs.entries) + len(warnings) - 1 == 15582


def test_dictionaries_misfiled_tabari_discards_do_not_crash():
    needs(TABARI_DIR / "discards.txt")
    warnings: list[LoadWarning] = []
    read_discards(TABARI_DIR / "discards.txt", warnings)
    assert len(warnings) > 100
