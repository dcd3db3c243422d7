"""Metadata in the words of a page: date lines, bylines and outlet names."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from .clean_data import table

_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_MONTH_DAY_YEAR = re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}\b)?", re.IGNORECASE)
_DATE_WORDS = re.compile(
    rf"\b(?:{_WEEKDAY}|(?:first |last )?(?:published|updated|posted|modified)|date|on|at)\b", re.IGNORECASE
)
_STAMP = re.compile(r"(?:first |last )?(?:published|updated|posted|modified)\b", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s+(?P<names>[^|·•—–\n]{3,80})", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|al|bin|ibn|le|la))*$")
_EMAIL = re.compile(r"\b[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)\b")


def parse_date(text: str) -> str | None:
    """The first full calendar date written in ``text``, as ISO ``YYYY-MM-DD``."""
    found = [m for rx in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _ISO) for m in rx.finditer(text)]
    for match in sorted(found, key=lambda m: m.start()):
        iso = _iso_date(match["year"], match["month"], match["day"])
        if iso:
            return iso
    return None


def _iso_date(year: str, month: str, day: str) -> str | None:
    number = int(month) if month.isdigit() else table("months.tsv").get(month.lower().rstrip("."))
    if number is None or not 1800 <= int(year) <= 2200:
        return None
    try:
        return dt.date(int(year), int(number), int(day)).isoformat()
    except ValueError:
        return None


def is_date_line(text: str) -> bool:
    """True for a line that is only a date, with weekday, time or "Updated"-like words."""
    if len(text) > 80 or parse_date(text) is None:
        return False
    rest = _TIME.sub(" ", text)
    for rx in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _ISO):
        rest = rx.sub(" ", rest)
    return not re.search(r"\w", _DATE_WORDS.sub(" ", rest))


def is_stamp_line(text: str) -> bool:
    """True for an "Updated 5 minutes ago" or "Published: ..." line."""
    return len(text.split()) <= 10 and bool(_STAMP.match(text))


def byline_author(text: str) -> str | None:
    """The name(s) in a "By Jane Doe" line, or None when it is not a byline."""
    match = _BYLINE.match(text.strip())
    if not match or len(text.split()) > 14:
        return None
    names = re.split(r",|\s+(?:and|&)\s+", match["names"].strip())
    names = [n.strip() for n in names if _NAME.match(n.strip())]
    return " and ".join(names) if names else None


def outlet_for_domain(domain_or_url: str | None) -> str | None:
    """The outlet that publishes at a domain (or URL), from the outlets table."""
    if not domain_or_url:
        return None
    if "/" in domain_or_url:
        host = urlsplit(domain_or_url if "//" in domain_or_url else "//" + domain_or_url).hostname or ""
    else:
        host = domain_or_url
    parts = host.lower().removeprefix("www.").split(".")
    outlets = table("outlets.tsv")
    for i in range(len(parts) - 1):
        name = outlets.get(".".join(parts[i:]))
        if name:
            return name
    return None


def outlet_from_emails(text: str) -> str | None:
    """The outlet whose domain appears in an email address in ``text``."""
    for match in _EMAIL.finditer(text):
        outlet = outlet_for_domain(match["domain"])
        if outlet:
            return outlet
    return None
