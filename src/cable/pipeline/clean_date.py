"""The publication date of an HTML page, from its URL and markup, not its running text.

htmldate finds the date (``original_date``: publication, not update), with
the URL first, then the page's metadata, then date-classed elements. Cable
adds four preferences, each a general reading of what a page declares:

- A URL date in a plain form (``/2023/12/21/``, ``2023-12-21``) comes first,
  as in htmldate. One in a form htmldate does not read (``/2023/dec/21/``),
  or whose day runs into the slug (``/2023/12/16-new-officers``: the 16 may
  be a number in the headline), only stands in where the metadata gives no
  date, ahead of any element on the page.
- A declared publication stamp (``datePublished``, ``article:published_time``)
  outranks a creation stamp or an unlabelled date (``dcterms.created``,
  ``dc.date``): a story is often created the day before it is published.
- A stamp written in UTC gives way to the same instant written with the
  publisher's offset: its calendar day is the one the page shows its readers
  (22:22 on the 22nd in New York, not 03:22 on the 23rd).
- No date is read from the page's running text: htmldate's last resort, a
  bare ``YYYY-MM-DD`` anywhere in the text, is left out. No date is better
  than a wrong one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from htmldate import core
from htmldate.extractors import COMPLETE_URL, extract_url_date

from .clean_data import table
from .clean_prune import with_names

_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})")
_NAMED_URL = re.compile(r"/(\d{4})/([a-z]{3,9})/(\d{1,2})(?:/|$)", re.I)
_SLUG_URL = re.compile(r"\D\d{4}/\d{1,2}/\d{1,2}[-_]")
_NEVER = re.compile(r"(?!)")
PUBLISHED = frozenset({"article:published_time", "og:article:published_time", "article:publicationdate",
                       "datepublished", "date_published", "pubdate"})
CREATED = frozenset({"dc.date", "dc:date", "dcterms.date", "date", "dcterms.created", "dc.created", "dc:created",
                     "dc.date.created", "created", "date_created", "datecreated", "article.created",
                     "content_create_date"})
ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
                           "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting"})


@dataclass(frozen=True)
class Stamp:
    """A date-time the page declares: where (``key``), the written day, the instant and the UTC offset."""

    key: str
    day: str
    instant: dt.datetime
    offset: int  # minutes east of UTC


def publication_date(tree, url: str | None) -> str | None:
    """The page's publication day as ``YYYY-MM-DD`` (see the module docstring), or None."""
    if url is None:
        canonical = tree.find('.//link[@rel="canonical"]')
        url = canonical.get("href") if canonical is not None else None
    deferred = url_date_is_uncertain(url)
    found = _find_date(tree, url=url, original_date=True, extensive_search=False,
                       max_date=dt.date.today().isoformat(), deferred_url_extractor=deferred)
    if found is None or (not deferred and has_plain_url_date(url)):
        return found
    stamps = page_stamps(tree)
    return local_day(published_over_created(found, tree, stamps), stamps)


def url_date_is_uncertain(url: str | None) -> bool:
    """True for a URL date with a month name, or whose day runs into the slug."""
    if not url:
        return False
    return bool(_SLUG_URL.search(url)) or (not has_plain_url_date(url) and named_url_date(url) is not None)


def has_plain_url_date(url: str | None) -> bool:
    """True for a URL with a numeric date, the form htmldate reads."""
    return bool(url) and COMPLETE_URL.search(url) is not None


def named_url_date(url: str) -> str | None:
    """The date in a URL like ``/2023/dec/21/``, as ``YYYY-MM-DD``."""
    match = _NAMED_URL.search(url)
    month = table("months.tsv").get(match[2].lower()) if match else None
    if month is None:
        return None
    try:
        return dt.date(int(match[1]), int(month), int(match[3])).isoformat()
    except ValueError:
        return None


def url_date(url: str | None, options) -> str | None:
    """htmldate's URL date, else one with a month name (within htmldate's date bounds)."""
    found = extract_url_date(url, options)
    if found or not url:
        return found
    named = named_url_date(url)
    if named and options.min.date() <= dt.date.fromisoformat(named) <= options.max.date():
        return named
    return None


def page_stamps(tree) -> list[Stamp]:
    """Full date-times (with a UTC offset) in meta tags, <time datetime> and JSON-LD, in page order."""
    found: list[Stamp] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        _add_stamp(found, key, meta.get("content") or meta.get("datetime"))
    for time in tree.iter("time"):
        _add_stamp(found, (time.get("itemprop") or "time").lower(), time.get("datetime"))
    for kind, key, value in json_ld_dates(tree):
        _add_stamp(found, f"{kind}:{key}", value)
    return found


def _add_stamp(found: list[Stamp], key: str, text: str | None) -> None:
    match = _STAMP.fullmatch(text.strip()) if text else None
    if not match:
        return
    year, month, day, hour, minute, second, zone = match.groups()
    offset = 0 if zone == "Z" else int(zone[0] + "1") * (int(zone[1:3]) * 60 + int(zone[-2:]))
    try:
        local = dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return
    found.append(Stamp(key, local.date().isoformat(), local - dt.timedelta(minutes=offset), offset))


def json_ld_dates(tree) -> list[tuple[str, str, str]]:
    """(type, key, value) of every datePublished/dateCreated/dateModified in the page's JSON-LD."""
    found: list[tuple[str, str, str]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            _walk_json(json.loads(script.text), found)
        except (ValueError, RecursionError):
            continue
    return found


def _walk_json(node, found: list[tuple[str, str, str]]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_json(item, found)
    elif isinstance(node, dict):
        kinds = node.get("@type")
        kind = (kinds[0] if isinstance(kinds, list) and kinds else kinds) or ""
        for key in ("datePublished", "dateCreated", "dateModified"):
            if isinstance(node.get(key), str):
                found.append((str(kind).lower(), key.lower(), node[key]))
        for value in node.values():
            if isinstance(value, (list, dict)):
                _walk_json(value, found)


def published_over_created(day: str, tree, stamps: list[Stamp]) -> str:
    """A day read from a creation stamp or an unlabelled date gives way to the declared publication day."""
    published = [s for s in stamps if is_publication_stamp(s.key)]
    if not published or any(s.day == day for s in published) or not _created_on(day, tree):
        return day
    days = {s.day for s in published}
    return days.pop() if len(days) == 1 else day


def is_publication_stamp(key: str) -> bool:
    """A meta, <time> or article JSON-LD key that names the publication date."""
    kind, _, name = key.rpartition(":")
    if name == "datepublished" and kind:
        return kind in ARTICLE_TYPES
    return key in PUBLISHED


def _created_on(day: str, tree) -> bool:
    """True when a creation or unlabelled date meta tag gives ``day``."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in CREATED and (meta.get("content") or "").strip()[:10] == day:
            return True
    return False


def local_day(day: str, stamps: list[Stamp]) -> str:
    """The publisher's local day, when ``day`` comes from a UTC stamp that the page also writes with an offset."""
    for utc in (s for s in stamps if s.offset == 0 and s.day == day):
        twin = next((s for s in stamps if s.offset != 0 and s.instant == utc.instant), None)
        if twin is not None:
            return twin.day
    return day


_find_date = with_names(core.find_date, core, extract_url_date=url_date, TIMESTAMP_LOOSE_PATTERN=_NEVER)
