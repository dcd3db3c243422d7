"""Forecasts: the probability table, phrase rules, negation, holders; and the seed's forecasts."""

from __future__ import annotations

import importlib.util
import pytest

from cable.pipeline.actortable import ActorTable
from cable.pipeline.forecasts import estimate, estimates, find_forecasts, phrases
from cable.pipeline.quotes import find_quotes
from conftest import ROOT, SHARED, word_table


def table(doc, actors: dict[str, list[str]]) -> ActorTable:
    return word_table(doc.text, actors, "person")


def forecasts_of(nlp, text, actors=None):
    doc = nlp(text)
    people = table(doc, actors or {})
    return find_forecasts(doc, people, find_quotes(doc, people))


def test_forecasts_table_holds_the_survey_medians():
    assert estimate("little chance").probability == pytest.approx(0.10)
    assert (estimate("little chance").low, estimate("little chance").high) == pytest.approx((0.05, 0.15))
    assert estimate("likely").probability == pytest.approx(0.75)
    assert estimate("likely", negated=True).probability == pytest.approx(0.20)
    assert estimate("almost no chance").probability == pytest.approx(0.02)
    assert estimate("unlikely", negated=True) is None


def test_forecasts_every_phrase_maps_to_a_survey_term():
    terms = set(estimates())
    for phrase in phrases():
        assert {phrase.term, phrase.negated} - {"-"} <= terms, phrase
        assert phrase.use in ("always", "future", "modal")


@pytest.mark.skipif(not (SHARED / "anchors" / "CAPphrase").exists(), reason="survey data not in ../shared")
def test_forecasts_shipped_table_matches_the_build_script():
    spec = importlib.util.spec_from_file_location("build_estimative", ROOT / "scripts" / "build_estimative.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    built = {term: (median / 100, p25 / 100, p75 / 100) for term, _, _, median, p25, p75 in script.rows()}
    shipped = {t: (e.probability, e.low, e.high) for t, e in estimates().items()}
    assert shipped == pytest.approx(built)


def test_forecasts_little_chance_with_experts_say(nlp):
    (forecast,) = forecasts_of(nlp, "There is little chance that the ceasefire will hold, analysts say.")
    assert forecast.probability == pytest.approx(0.10)
    assert forecast.claim == "the ceasefire will hold"
    assert (forecast.holder, forecast.holder_name) == (None, "analysts")
    assert forecast.expression == "little chance"


def test_forecasts_two_coordinated_claims_give_two_forecasts(nlp):
    found = forecasts_of(nlp, "There is little chance that the rebels signed the deal or that "
                              "the war will end this year.")
    assert [f.claim for f in found] == ["the rebels signed the deal", "the war will end this year"]
    assert [f.id for f in found] == ["f1", "f2"]


def test_forecasts_negation_flips(nlp):
    (forecast,) = forecasts_of(nlp, "A trade deal is not likely to be signed before the summit.")
    assert forecast.probability == pytest.approx(0.20)
    assert forecast.expression == "is not likely"
    assert forecast.claim == "A trade deal be signed before the summit"


def test_forecasts_wont_be_possible_keeps_its_condition(nlp):
    (forecast,) = forecasts_of(nlp, "Without new funding, a second mission to the moon won't be possible.")
    assert forecast.probability <= 0.05
    assert forecast.expression == "won't be possible"
    assert forecast.claim == "a second mission to the moon without new funding"


def test_forecasts_inside_a_quote_belong_to_the_speaker(nlp):
    (forecast,) = forecasts_of(nlp, '"The treaty will almost certainly be ratified," said Anna Weiss.',
                               {"Anna Weiss": ["Anna Weiss"]})
    assert forecast.probability == pytest.approx(0.95)
    assert (forecast.holder, forecast.holder_name) == ("a1", "Anna Weiss")
    assert forecast.claim == "The treaty will be ratified"


def test_forecasts_the_articles_own_voice_has_no_holder(nlp):
    (forecast,) = forecasts_of(nlp, "Don't expect a breakthrough at the summit in Vienna.")
    assert forecast.probability == pytest.approx(0.20)
    assert (forecast.holder, forecast.holder_name) == (None, None)
    assert forecast.claim == "a breakthrough at the summit in Vienna"


def test_forecasts_believer_holds_an_expectation(nlp):
    (forecast,) = forecasts_of(nlp, "Diplomats expect the talks to resume in spring.")
    assert forecast.probability == pytest.approx(0.75)
    assert forecast.holder_name == "Diplomats"


@pytest.mark.parametrize("text", [
    "Only a direct meeting with the leadership could bring results.",
    "The army could not hold the town.",
    "May peace return to the region.",
    "Last year the storm could have reached the coast.",
    "We may visit the capital next week.",
    "Smokers are more likely to fall ill.",
    "There is no indication that the talks took place.",
    "That was probably the hardest part of the negotiation.",
    "There is little doubt that the election was rigged.",
])
def test_forecasts_modals_comparisons_and_evidentials_are_not_forecasts(nlp, text):
    assert forecasts_of(nlp, text) == []


def test_forecasts_reported_modal_and_future_evidential(nlp):
    (storm,) = forecasts_of(nlp, "Forecasters said the storm could reach the coast on Friday.")
    assert storm.probability == pytest.approx(0.40)
    assert storm.holder_name == "Forecasters" and storm.claim == "the storm reach the coast on Friday"
    (resign,) = forecasts_of(nlp, "There is no indication that the president will resign.")
    assert resign.probability == pytest.approx(0.20)


def test_forecasts_adverb_on_a_future_verb(nlp):
    (forecast,) = forecasts_of(nlp, "The vote will probably be delayed until spring.")
    assert forecast.probability == pytest.approx(0.75)
    assert forecast.claim == "The vote will be delayed until spring"


def test_forecasts_offsets_cover_expression_and_claim(nlp):
    doc = nlp("Officials said the bridge will likely reopen in May.")
    (forecast,) = find_forecasts(doc, ActorTable(), [])
    assert doc.text[forecast.start:forecast.end] == "the bridge will likely reopen in May"
    assert forecast.holder_name == "Officials"


@pytest.mark.model
def test_forecasts_seed_little_chance_and_wont_be_possible(seed_result):
    text = seed_result.article.text
    little = [f for f in seed_result.forecasts if f.expression == "little chance" and "resumption" in f.claim]
    assert little, [(f.expression, f.claim) for f in seed_result.forecasts]
    assert 0.05 <= little[0].probability <= 0.2
    assert (little[0].holder, little[0].holder_name) == (None, "experts")
    impossible = [f for f in seed_result.forecasts if "possible" in f.expression]
    assert impossible and impossible[0].probability <= 0.05
    for forecast in seed_result.forecasts:
        indexed = seed_result.article.title if forecast.field == "title" else text
        assert 0 <= forecast.start < forecast.end <= len(indexed)
        assert forecast.expression in indexed[forecast.start:forecast.end]


def test_forecasts_headline_gets_title_offsets(nlp):
    from cable.pipeline import analyse
    from cable.records import Article, Cleaned

    text = "The two delegations met in Vienna on Monday and agreed to meet again next month."
    article = Article("x", "Little chance of a deal in Vienna talks", None, None, None, None, None, "en", text)
    result = analyse(Cleaned(article), nlp(text), title_doc=nlp(article.title))
    (f,) = [f for f in result.forecasts if f.field == "title"]
    assert (f.expression, f.id, f.probability) == ("Little chance", "f1", 0.1)
    assert article.title[f.start:f.end].startswith("Little chance")


# -- every listed phrase against the surveys -----------------------------------

CAPPHRASE = SHARED / "anchors" / "CAPphrase" / "data" / "absolute_judgements.csv"
QUANTILES = SHARED / "anchors" / "estimative" / "survey-phrase-quantiles.csv"
SURVEY_TOLERANCE = 5  # percentage points


def survey_medians() -> dict[str, float]:
    """Phrase -> median number respondents gave it: CAPphrase's own respondents
    first, then the other surveys (perceptions, then Mauboussin) for phrases it lacks."""
    import csv
    import statistics

    values: dict[str, list[float]] = {}
    with CAPPHRASE.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            values.setdefault(row["term"].lower(), []).append(float(row["probability"]))
    medians = {term: statistics.median(v) for term, v in values.items()}
    with QUANTILES.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            medians.setdefault(row["phrase"].lower(), float(row["median"]))
    return medians


@pytest.mark.skipif(not (CAPPHRASE.exists() and QUANTILES.exists()), reason="surveys not available")
def test_forecasts_every_phrase_is_within_five_points_of_its_survey_median():
    """A phrase a survey asked about is held to its own median; any other phrase
    to the median of the survey term it borrows."""
    medians = survey_medians()
    checked = []
    for p in phrases():
        phrase = " ".join(p.words).replace("=", "")
        for term, negated in ((p.term, False), (p.negated, True)):
            if term == "-":
                continue
            asked = None if negated else medians.get(phrase)
            reference = asked if asked is not None else medians[term]
            stated = estimate(" ".join(p.words), negated=negated).probability * 100
            assert abs(stated - reference) <= SURVEY_TOLERANCE, (phrase, negated, stated, reference)
            checked.append(phrase)
    assert len(set(checked)) == len(phrases())


# -- scoring resolved forecasts: hand-worked numbers ---------------------------

def resolved_examples():
    from cable.forecast_scores import Scored

    return [Scored("Ann", 0.9, 1), Scored("Ann", 0.75, 0),
            Scored("Bo", 0.1, 0), Scored("Bo", 0.2, 1), Scored("Bo", 0.95, 1)]


def test_brier_scores_by_hand():
    from cable.forecast_scores import brier, brier_by_holder

    # (0.1)^2 + (0.75)^2 + (0.1)^2 + (0.8)^2 + (0.05)^2 = 0.01 + 0.5625 + 0.01 + 0.64 + 0.0025 = 1.225
    assert brier(resolved_examples()) == pytest.approx(1.225 / 5, abs=1e-12)
    ann, bo = brier_by_holder(resolved_examples())
    assert (ann.holder, ann.n, ann.brier) == ("Ann", 2, pytest.approx(0.28625, abs=1e-12))  # 0.5725 / 2
    assert (bo.holder, bo.n, bo.brier) == ("Bo", 3, pytest.approx(0.2175, abs=1e-12))  # 0.6525 / 3
    assert brier([]) is None


def test_calibration_table_by_hand():
    from cable.forecast_scores import Scored, calibration

    bins = calibration(resolved_examples() + [Scored("Cy", 1.0, 1)], bins=5)
    assert [(b.low, b.high, b.n) for b in bins] == [
        (0.0, 0.2, 1), (0.2, 0.4, 1), (0.4, 0.6, 0), (0.6, 0.8, 1), (0.8, 1.0, 3)]
    assert [b.mean_probability for b in bins] == pytest.approx([0.1, 0.2, None, 0.75, 2.85 / 3])
    assert [b.observed for b in bins] == [0.0, 1.0, None, 0.0, 1.0]


def test_scored_keeps_resolved_rows_and_names_unattributed_holders():
    from cable.forecast_scores import UNATTRIBUTED, scored

    rows = [{"holder_name": "Ann", "probability": 0.1, "outcome": 0},
            {"holder_name": None, "probability": 0.75, "outcome": 1},
            {"holder_name": "Bo", "probability": 0.5, "outcome": None}]
    assert [(s.holder, s.outcome) for s in scored(rows)] == [("Ann", 0), (UNATTRIBUTED, 1)]


def test_cli_forecasts_outcome_and_score(tmp_path):
    import json

    from click.testing import CliRunner

    from cable.cli import cli
    from cable.records import Article, Forecast, Result
    from cable.store import open_store

    db = str(tmp_path / "f.db")
    article = Article("art1", "Talks", None, None, None, "2020-01-02", None, "en", "Talks will likely fail.")
    found = [Forecast("f1", None, "Ann Lee", "talks fail", "likely", 0.75, 6, 12, 0.8),
             Forecast("f2", None, None, "talks resume", "little chance", 0.1, 0, 5, 0.8)]
    with open_store(db) as store:
        store.write(Result(article, [], [], [], [], [], found))
    run = CliRunner().invoke
    assert run(cli, ["forecasts", "outcome", "art1:f1", "0", "--date", "2020-03-01", "--db", db]).exit_code == 0
    assert run(cli, ["forecasts", "outcome", "art1:f2", "1", "--db", db]).exit_code == 0
    missing = run(cli, ["forecasts", "outcome", "art1:f9", "1", "--db", db])
    assert missing.exit_code != 0 and "no stored forecast" in missing.output
    listed = json.loads(run(cli, ["forecasts", "--json", "--db", db]).output)
    assert [(r["key"], r["outcome"], r["resolved_on"]) for r in listed] == [
        ("art1:f1", 0, "2020-03-01"), ("art1:f2", 1, None)]
    report = json.loads(run(cli, ["forecasts", "score", "--json", "--bins", "2", "--db", db]).output)
    # Ann: (0.75 - 0)^2 = 0.5625; unattributed: (0.1 - 1)^2 = 0.81; overall (0.5625 + 0.81) / 2 = 0.68625
    assert report["brier"] == 0.6862 or report["brier"] == 0.6863
    assert [(h["holder"], h["brier"]) for h in report["holders"]] == [("(unattributed)", 0.81), ("Ann Lee", 0.5625)]
    assert [(b["n"], b["observed"]) for b in report["calibration"]] == [(1, 1.0), (1, 0.0)]
