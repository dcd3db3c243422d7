"""Date expressions: calendar rules, resolution against the publication date,
and the seed article's dates."""

from __future__ import annotations

import datetime as dt

import pytest

from cable.pipeline import dates_calendar as cal
from cable.pipeline.dates import date_for_span, find_dates
from cable.records import DateRef
from conftest import SEED, SEED_DATE

WEDNESDAY = dt.date(2012, 6, 13)  # a Wednesday; its week runs Mon 11 .. Sun 17 June
PUBLISHED = WEDNESDAY.isoformat()


def dates_in(nlp, text: str, published: str | None = PUBLISHED) -> dict[str, tuple[str | None, str | None]]:
    return {d.text: (d.start, d.end) for d in find_dates(nlp(text), published)}


def only_date(nlp, text: str, published: str | None = PUBLISHED) -> DateRef:
    found = find_dates(nlp(text), published)
    assert len(found) == 1, found
    return found[0]


# Calendar rules, no parsing.

def test_dates_week_runs_monday_to_sunday():
    assert cal.week_of(WEDNESDAY) == (dt.date(2012, 6, 11), dt.date(2012, 6, 17))


def test_dates_last_weekend_is_the_weekend_before_the_week():
    assert cal.unit_range(WEDNESDAY, "weekend", -1) == (dt.date(2012, 6, 9), dt.date(2012, 6, 10))
    sunday = dt.date(2012, 6, 17)
    assert cal.unit_range(sunday, "weekend", -1) == (dt.date(2012, 6, 9), dt.date(2012, 6, 10))
    assert cal.unit_range(sunday, "weekend", 0) == (dt.date(2012, 6, 16), dt.date(2012, 6, 17))


def test_dates_weekday_follows_tense_and_qualifier():
    monday, friday = 0, 4
    assert cal.weekday_date(WEDNESDAY, friday, None, "past") == dt.date(2012, 6, 8)
    assert cal.weekday_date(WEDNESDAY, monday, None, "future") == dt.date(2012, 6, 18)
    assert cal.weekday_date(WEDNESDAY, monday, None, None) == dt.date(2012, 6, 11)
    assert cal.weekday_date(WEDNESDAY, friday, None, None) == dt.date(2012, 6, 15)
    assert cal.weekday_date(WEDNESDAY, 6, None, None) == dt.date(2012, 6, 10)  # the nearest Sunday
    assert cal.weekday_date(WEDNESDAY, 6, "this", None) == dt.date(2012, 6, 17)
    assert cal.weekday_date(WEDNESDAY, 2, "last", None) == dt.date(2012, 6, 6)
    assert cal.weekday_date(WEDNESDAY, 2, "next", None) == dt.date(2012, 6, 20)
    assert cal.weekday_date(WEDNESDAY, 2, None, "past") == WEDNESDAY


def test_dates_bare_month_is_the_latest_not_after_publication():
    assert cal.month_range(WEDNESDAY, 4, None, None) == (dt.date(2012, 4, 1), dt.date(2012, 4, 30))
    assert cal.month_range(WEDNESDAY, 9, None, "past") == (dt.date(2011, 9, 1), dt.date(2011, 9, 30))
    assert cal.month_range(WEDNESDAY, 6, None, None)[0] == dt.date(2012, 6, 1)
    assert cal.month_range(WEDNESDAY, 4, None, "future")[0] == dt.date(2013, 4, 1)
    assert cal.month_range(WEDNESDAY, 6, "last", None)[0] == dt.date(2011, 6, 1)
    assert cal.month_range(WEDNESDAY, 6, "next", None)[0] == dt.date(2013, 6, 1)


def test_dates_day_without_year_and_ago():
    assert cal.day_without_year(WEDNESDAY, 12, 30, None) == dt.date(2011, 12, 30)
    assert cal.day_without_year(WEDNESDAY, 7, 2, "past") == dt.date(2011, 7, 2)
    assert cal.day_without_year(WEDNESDAY, 2, 30, None) is None
    assert cal.ago(WEDNESDAY, 3, "day") == (dt.date(2012, 6, 10),) * 2
    assert cal.ago(WEDNESDAY, 2, "month") == (dt.date(2012, 4, 1), dt.date(2012, 4, 30))


# Expressions in text, resolved against a Wednesday publication date.

@pytest.mark.model
def test_dates_weeks_and_days(nlp):
    found = dates_in(nlp, "The envoys talked this week, after a summit last week, and meet again next week.")
    assert found["this week"] == ("2012-06-11", "2012-06-17")
    assert found["last week"] == ("2012-06-04", "2012-06-10")
    assert found["next week"] == ("2012-06-18", "2012-06-24")
    found = dates_in(nlp, "Rebels struck yesterday, the army answers today and the minister flies in tomorrow.")
    assert found["yesterday"] == ("2012-06-12",) * 2
    assert found["today"] == ("2012-06-13",) * 2
    assert found["tomorrow"] == ("2012-06-14",) * 2
    assert dates_in(nlp, "Crowds marched last weekend.")["last weekend"] == ("2012-06-09", "2012-06-10")


@pytest.mark.model
def test_dates_weekday_in_past_and_future_clauses(nlp):
    assert only_date(nlp, "The foreign minister arrived in Oslo on Friday.").start == "2012-06-08"
    assert only_date(nlp, "The foreign minister will arrive in Oslo on Friday.").start == "2012-06-15"
    assert only_date(nlp, "A second round of talks is planned for Monday.").start == "2012-06-18"
    assert only_date(nlp, "Thursday's vote matters to the coalition.").start == "2012-06-14"
    ref = only_date(nlp, "The president spoke on Tuesday.")
    assert (ref.text, ref.relative) == ("Tuesday", True)


@pytest.mark.model
def test_dates_months_and_explicit_dates(nlp):
    found = dates_in(nlp, "The ceasefire collapsed in April, two years after the accord of March 2010.")
    assert found["April"] == ("2012-04-01", "2012-04-30")
    assert found["March 2010"] == ("2010-03-01", "2010-03-31")
    found = dates_in(nlp, "The treaty, signed on March 11, 2003, lapsed in 2009.")
    assert found["March 11, 2003"] == ("2003-03-11",) * 2
    assert found["2009"] == ("2009-01-01", "2009-12-31")
    assert dates_in(nlp, "It took effect on 4 July 1976.")["4 July 1976"] == ("1976-07-04",) * 2


@pytest.mark.model
def test_dates_month_relatives(nlp):
    found = dates_in(nlp, "Prices rose earlier this month, fell last month and may recover next month.")
    assert found["earlier this month"] == ("2012-06-01", "2012-06-13")
    assert found["last month"] == ("2012-05-01", "2012-05-31")
    assert found["next month"] == ("2012-07-01", "2012-07-31")
    assert dates_in(nlp, "Exports shrank last year.")["last year"] == ("2011-01-01", "2011-12-31")


@pytest.mark.model
def test_dates_relative_stay_unresolved_without_publication_date(nlp):
    found = find_dates(nlp("The envoy came this week, left on Friday and returns in April."), None)
    assert [d.text for d in found] == ["this week", "Friday", "April"]
    assert all(d.start is None and d.end is None and d.relative for d in found)
    explicit = only_date(nlp, "The accord of September 2005 still stands.", None)
    assert (explicit.start, explicit.end, explicit.relative) == ("2005-09-01", "2005-09-30", False)


@pytest.mark.model
def test_dates_ignore_names_counts_and_impossible_days(nlp):
    assert find_dates(nlp("Theresa May said the plan may work."), PUBLISHED) == []
    assert find_dates(nlp("Doctors treated patients in 2000 clinics."), PUBLISHED) == []
    assert find_dates(nlp("The letter was dated February 30, 2011."), PUBLISHED) == []


@pytest.mark.model
def test_dates_weekday_inside_a_name_is_not_a_date(nlp):
    doc = nlp("The Sunday Times praised the Good Friday Agreement on Monday.")
    assert [d.text for d in find_dates(doc, PUBLISHED)] == ["Monday"]
    assert only_date(nlp, "On Friday Ford recalled its cars.").start == "2012-06-08"


@pytest.mark.model
def test_dates_weekend_ago_and_decades(nlp):
    found = dates_in(nlp, "Protests spread over the weekend, two weeks ago, and in the 1990s.")
    assert found["the weekend"] == ("2012-06-09", "2012-06-10")
    assert found["two weeks ago"] == ("2012-05-28", "2012-06-03")
    assert found["the 1990s"] == ("1990-01-01", "1999-12-31")


@pytest.mark.model
def test_dates_offsets_point_at_the_text(nlp):
    doc = nlp("On Friday, January 4, 2019 the talks ended.")
    ref = only_date(nlp, doc.text)
    assert doc.text[ref.char_start:ref.char_end] == ref.text == "Friday, January 4, 2019"


def test_dates_for_span_takes_the_nearest_in_the_sentence():
    refs = [DateRef("Monday", "2012-06-11", "2012-06-11", 10, 16, True),
            DateRef("in May", "2012-05-01", "2012-05-31", 40, 46, True),
            DateRef("today", "2012-06-13", "2012-06-13", 120, 125, True)]
    assert date_for_span(refs, 30, 35, 0, 100).text == "in May"
    assert date_for_span(refs, 18, 22, 0, 100).text == "Monday"
    assert date_for_span(refs, 28, 33, 0, 100).text == "in May"  # a tie goes to the later one
    assert date_for_span(refs, 110, 115, 100, 200).text == "today"
    assert date_for_span(refs, 30, 35, 20, 39) is None


# The seed article (published on a Wednesday).

@pytest.fixture(scope="module")
def seed_dates(nlp):
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    doc = nlp(SEED.read_text(encoding="utf-8"))
    return doc, find_dates(doc, SEED_DATE)


def seed_date(seed_dates, text: str, after: str = "") -> DateRef:
    doc, found = seed_dates
    floor = doc.text.index(after) if after else 0
    return next(d for d in found if d.text == text and d.char_start >= floor)


@pytest.mark.model
def test_dates_seed_relative_expressions(seed_dates):
    assert (seed_date(seed_dates, "this week").start, seed_date(seed_dates, "this week").end) == \
        ("2009-10-26", "2009-11-01")
    assert seed_date(seed_dates, "Tuesday").start == "2009-10-27"
    assert (seed_date(seed_dates, "April").start, seed_date(seed_dates, "April").end) == \
        ("2009-04-01", "2009-04-30")
    assert seed_date(seed_dates, "yesterday").start == "2009-10-27"
    weekend = seed_date(seed_dates, "last weekend")
    assert (weekend.start, weekend.end) == ("2009-10-24", "2009-10-25")
    friday = seed_date(seed_dates, "Friday", after="one more opportunity")
    assert (friday.start, friday.end, friday.relative) == ("2009-10-30", "2009-10-30", True)


@pytest.mark.model
def test_dates_seed_explicit_month(seed_dates):
    september = seed_date(seed_dates, "September 2005")
    assert (september.start, september.end, september.relative) == ("2005-09-01", "2005-09-30", False)
