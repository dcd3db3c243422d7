"""dates: date expressions -> DateRefs resolved against the publication date.

Each rule is a regular expression over the article text and a function that
turns its match into an ISO date range. Rules run from the most specific
("Tuesday, March 3, 2020") to the least (a bare "Friday"), and a stretch of
text taken by one rule is not matched again.

An explicit date ("September 2005", "March 11, 2023", "in 2019") resolves on
its own. Everything else ("this week", "on Friday", "in April", "March 11")
is relative: it resolves against the publication date when there is one and
otherwise stays unresolved (start and end None). Which way a weekday or a
bare month points (the last one or the next one) follows the tense of its
clause; see ``dates_calendar.weekday_date`` and ``month_range``: "Tuesday's
session" in a past-tense clause is the latest Tuesday, "will meet on Friday"
the next Friday, and a weekday with no tense to go by the nearest one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..records import DateRef
from . import dates_calendar as cal
from .dates_tense import Tense, tense_at

MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
              r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
ON_WEEKDAY = rf"(?:{WEEKDAY},?\s+)?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}
LEAD_IN = r"(?:in|since|until|till|by|during|from|through|before|after|of|early|late|mid-?|around|between)"
LEAD_WORDS = {"on", "last", "next", "this", "since", "by", "until", "from", "before", "after", "early", "late",
              "and", "or", "but", "every", "each", "of", "in", "at", "for", "to", "through", "till"}
NOT_DATE_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PERSON"}
Resolved = tuple[dt.date, dt.date] | None


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and how to turn its match into a date range."""

    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], dt.date, Tense], Resolved]
    relative: bool  # needs the publication date
    group: str | int = 0  # the part of the match that is the date expression
    tensed: bool = False  # which way it points depends on the clause's tense


def _explicit_day(m, published, tense) -> Resolved:
    return cal.day(dt.date(int(m["year"]), cal.MONTHS[m["month"].lower()], int(m["day"])))


def _iso_day(m, published, tense) -> Resolved:
    return cal.day(dt.date(int(m["year"]), int(m["m"]), int(m["d"])))


def _month_year(m, published, tense) -> Resolved:
    return cal.month_of(int(m["year"]), cal.MONTHS[m["month"].lower()])


def _year(m, published, tense) -> Resolved:
    return cal.year_of(int(m["year"]))


def _decade(m, published, tense) -> Resolved:
    return dt.date(int(m["decade"]), 1, 1), dt.date(int(m["decade"]) + 9, 12, 31)


def _day_no_year(m, published, tense) -> Resolved:
    found = cal.day_without_year(published, cal.MONTHS[m["month"].lower()], int(m["day"]), tense)
    return cal.day(found) if found else None


def _named_day(m, published, tense) -> Resolved:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(m["word"].lower().split()[0])
    if offset is None:  # "this morning", "last night"
        offset = -1 if m["word"].lower().startswith("last") else 0
    return cal.day(published + dt.timedelta(days=offset))


def _unit(m, published, tense) -> Resolved:
    offset = {"this": 0, "last": -1, "next": 1}[m["which"].lower()]
    return cal.unit_range(published, m["unit"].lower(), offset)


def _part_of_unit(m, published, tense) -> Resolved:
    """'earlier this month' runs up to publication, 'later this month' from it."""
    first, last = cal.unit_range(published, m["unit"].lower(), 0)
    return (first, published) if m["when"].lower() == "earlier" else (published, last)


def _ago(m, published, tense) -> Resolved:
    count = COUNTS.get(m["count"].lower()) or int(m["count"])
    return cal.ago(published, count, m["unit"].lower())


def _the_weekend(m, published, tense) -> Resolved:
    offset = 0 if tense == "future" or (tense is None and published.weekday() >= 5) else -1
    return cal.unit_range(published, "weekend", offset)


def _which(m: re.Match[str]) -> str | None:
    """'last', 'next' or 'this' before a weekday or month, lower-cased."""
    which = m.groupdict().get("which")
    return which.lower() if which else None


def _weekday(m, published, tense) -> Resolved:
    which = _which(m)
    return cal.day(cal.weekday_date(published, cal.WEEKDAYS[m["weekday"].lower()], which, tense))


def _month(m, published, tense) -> Resolved:
    which = _which(m)
    return cal.month_range(published, cal.MONTHS[m["month"].lower()], which, tense)


def _rule(pattern: str, resolve, relative: bool, group: str | int = 0, *, tensed: bool = False,
          flags: int = 0) -> Rule:
    return Rule(re.compile(pattern, flags), resolve, relative, group, tensed)


RULES: tuple[Rule, ...] = (
    _rule(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", _iso_day, False),
    _rule(rf"\b{ON_WEEKDAY}{MONTH_ABBR},?\s+{DAY},?\s+{YEAR}\b", _explicit_day, False),
    _rule(rf"\b{ON_WEEKDAY}(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH_ABBR},?\s+{YEAR}\b", _explicit_day, False),
    _rule(rf"\b{MONTH_ABBR},?\s+{YEAR}\b", _month_year, False),
    _rule(rf"\b{ON_WEEKDAY}{MONTH_ABBR}\s+{DAY}\b(?![,:]?\s*\d)", _day_no_year, True, tensed=True),
    _rule(rf"\b{ON_WEEKDAY}(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH_ABBR}(?![,\w]?\s*\d)", _day_no_year, True,
          tensed=True),
    _rule(r"\b(?P<when>earlier|later)\s+this\s+(?P<unit>week|month|year)\b", _part_of_unit, True,
          flags=re.IGNORECASE),
    _rule(r"\b(?P<which>this|last|next)\s+(?P<unit>weekend|week|month|year)\b", _unit, True,
          flags=re.IGNORECASE),
    _rule(r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
          _named_day, True, flags=re.IGNORECASE),
    _rule(r"\b(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
          r"(?P<unit>day|week|month|year)s?\s+ago\b", _ago, True, flags=re.IGNORECASE),
    _rule(r"\b(?:over|during|at|on|this|last)\s+(?P<date>the\s+weekend)\b", _the_weekend, True, "date",
          tensed=True, flags=re.IGNORECASE),
    _rule(rf"\b(?P<date>(?:(?P<which>[Ll]ast|[Nn]ext|[Tt]his)\s+)?{WEEKDAY})"
          r"(?:\s+(?:morning|afternoon|evening|night))?\b", _weekday, True, "date", tensed=True),
    _rule(rf"\b(?:{LEAD_IN}\s+)(?P<date>{MONTH})\b(?!\s+\d)", _month, True, "date", tensed=True),
    _rule(rf"\b(?P<date>(?P<which>[Ll]ast|[Nn]ext|[Tt]his)\s+{MONTH})\b(?!\s+\d)", _month, True, "date",
          tensed=True),
    _rule(rf"\b(?:{LEAD_IN}\s+)(?P<date>{YEAR})\b(?![-/]\d)", _year, False, "date"),
    _rule(r"\b(?P<date>(?:the\s+)?(?P<decade>(?:1[89]|20)\d0)s)\b", _decade, False, "date"),
)


def find_dates(doc, published: str | None) -> list[DateRef]:
    """Every date expression in the document, resolved where it can be, in text order."""
    published_on = _parse_published(published)
    taken: list[tuple[int, int]] = []
    found: list[DateRef] = []
    text = doc.text
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            start, end = match.span(rule.group)
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            ref = _date_ref(doc, rule, match, text[start:end], published_on)
            if ref is not None:
                taken.append(match.span())
                found.append(ref)
    found += _entity_years(doc, taken)
    return sorted(found, key=lambda d: d.char_start)


def date_for_span(dates: list[DateRef], start: int, end: int,
                  sentence_start: int, sentence_end: int) -> DateRef | None:
    """The date expression of the sentence nearest to [start, end), a following
    one winning a tie; None when the sentence has none."""
    def rank(ref: DateRef) -> tuple[int, int]:
        after = ref.char_start >= end
        return (ref.char_start - end if after else start - ref.char_end, 0 if after else 1)

    usable = [d for d in dates if d.char_start is not None and d.char_end is not None
              and sentence_start <= d.char_start and d.char_end <= sentence_end
              and (d.char_end <= start or d.char_start >= end)]
    return min(usable, key=rank, default=None)


def _parse_published(published: str | None) -> dt.date | None:
    """The publication date from an ISO date or timestamp; None when absent or unreadable."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _date_ref(doc, rule: Rule, match: re.Match[str], text: str, published_on: dt.date | None):
    """A DateRef for one match; None for an impossible date ('February 30, 2020')
    or for words that are not a date here ('in 2000 cases', 'The Sunday Times')."""
    start, end = match.span(rule.group)
    if _not_a_date(doc, start) or (rule.resolve is _weekday and _in_a_name(match.string, start, end)):
        return None
    if rule.relative and published_on is None:
        return DateRef(text, None, None, start, end, relative=True)
    tense = tense_at(doc, start) if rule.tensed else None
    try:
        resolved = rule.resolve(match, published_on, tense)
    except ValueError:
        return None
    if resolved is None:
        return None
    return DateRef(text, resolved[0].isoformat(), resolved[1].isoformat(), start, end, relative=rule.relative)


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A weekday inside a capitalised name: 'Good Friday', 'The Sunday Times'.
    A word like 'on' or 'last' before it makes it a date whatever follows."""
    before = re.search(r"(\w+)[^\w.!?;:\n]*$", text[max(0, start - 30):start])
    after = re.match(r"\s+([A-Z]\w*)", text[end:end + 30])
    if before and before.group(1).lower() in LEAD_WORDS:
        return False
    return bool(before and before.group(1)[0].isupper()) or after is not None


def _not_a_date(doc, char: int) -> bool:
    """The parser reads the word here as a count or amount ('in 2000 clinics'),
    or as part of a name."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    counted_year = re.fullmatch(YEAR, token.text) and token.dep_ == "nummod" and token.head.tag_ == "NNS"
    return token.ent_type_ in NOT_DATE_LABELS or bool(counted_year)


def _entity_years(doc, taken: list[tuple[int, int]]) -> list[DateRef]:
    """A year the parser marks as a date with no word before it ('the 2019 election')."""
    found = []
    for ent in doc.ents:
        match = re.fullmatch(r"(?:the\s+)?" + YEAR, ent.text)
        if ent.label_ != "DATE" or not match:
            continue
        start, end = ent.start_char + match.start("year"), ent.start_char + match.end("year")
        if not any(s < end and start < e for s, e in taken) and not _not_a_date(doc, start):
            year = match["year"]
            found.append(DateRef(year, f"{year}-01-01", f"{year}-12-31", start, end, relative=False))
    return found
