"""Calendar arithmetic for date expressions: the range a phrase denotes,
counted from the publication date.

Weeks run Monday to Sunday. ``tense`` is "past", "future" or None, read from
the clause the expression sits in (see ``dates_tense``).
"""

from __future__ import annotations

import calendar
import datetime as dt

Range = tuple[dt.date, dt.date]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


def day(d: dt.date) -> Range:
    return d, d


def week_of(d: dt.date) -> Range:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_of(year: int, month: int) -> Range:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def year_of(year: int) -> Range:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def add_months(d: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` away from d's month."""
    index = d.year * 12 + d.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def unit_range(published: dt.date, unit: str, offset: int) -> Range:
    """'this/last/next week|weekend|month|year': the unit ``offset`` units from publication.

    A weekend is the Saturday and Sunday that close a Monday-to-Sunday week, so
    'last weekend' in a Wednesday article is the two days before that week began.
    """
    if unit in ("week", "weekend"):
        monday, sunday = week_of(published + dt.timedelta(weeks=offset))
        return (sunday - dt.timedelta(days=1), sunday) if unit == "weekend" else (monday, sunday)
    if unit == "month":
        first = add_months(published, offset)
        return month_of(first.year, first.month)
    return year_of(published.year + offset)


def weekday_date(published: dt.date, weekday: int, which: str | None, tense: str | None) -> dt.date:
    """The day a weekday name points to.

    'last Friday' is the latest Friday before publication and 'next Friday' the
    first one after it; 'this Friday' is the Friday of the publication week
    (Monday to Sunday). A bare 'Friday' in a past-tense clause is the latest
    Friday on or before publication, in a future-tense clause the first on or
    after it. Otherwise (present tense, no verb to go by) it is the nearest
    Friday, at most three days away: in a Wednesday article that is the
    Monday to Saturday of the same week, and the Sunday just gone.
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if which == "last":
        return published - dt.timedelta(days=back or 7)
    if which == "next":
        return published + dt.timedelta(days=ahead or 7)
    if which != "this" and tense == "past":
        return published - dt.timedelta(days=back)
    if which != "this" and tense == "future":
        return published + dt.timedelta(days=ahead)
    if which == "this":
        return week_of(published)[0] + dt.timedelta(days=weekday)
    return published - dt.timedelta(days=back) if back <= 3 else published + dt.timedelta(days=ahead)


def month_range(published: dt.date, month: int, which: str | None, tense: str | None) -> Range:
    """The month a bare month name points to.

    'in April' is the latest April not after the publication month; in a
    future-tense clause, or after 'next', the first April from then on ('next'
    skips the current month). 'last April' is the latest one before the
    publication month, 'this April' the one in the publication year.
    """
    year = published.year
    if which == "this":
        return month_of(year, month)
    if which == "next" or (which is None and tense == "future"):
        later = month > published.month or (month == published.month and which != "next")
        return month_of(year if later else year + 1, month)
    earlier = month < published.month or (month == published.month and which != "last")
    return month_of(year if earlier else year - 1, month)


def day_without_year(published: dt.date, month: int, day_of_month: int, tense: str | None) -> dt.date | None:
    """'March 11' with no year: in a past-tense clause the latest March 11 on or
    before publication, in a future-tense clause the first on or after it,
    otherwise the one nearest the publication date."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day_of_month))
        except ValueError:
            continue
    if tense == "past":
        options = [d for d in options if d <= published]
    elif tense == "future":
        options = [d for d in options if d >= published]
    return min(options, key=lambda d: abs((d - published).days), default=None)


def ago(published: dt.date, count: int, unit: str) -> Range:
    """'three days/weeks/months/years ago': that day, or the week, month or year it falls in."""
    if unit == "day":
        return day(published - dt.timedelta(days=count))
    if unit == "week":
        return week_of(published - dt.timedelta(weeks=count))
    if unit == "month":
        first = add_months(published, -count)
        return month_of(first.year, first.month)
    return year_of(published.year - count)
