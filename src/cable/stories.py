"""Stories: stored articles about the same episode, grouped.

Two articles published within ``WINDOW_DAYS`` of each other belong to the same
story when their ``score`` reaches ``THRESHOLD``. The score weighs what they
share: named actors (people, organisations, countries, forums, processes;
generic groups such as "officials" do not count), each weighted by its share of
the article's actor mentions, so that the protagonists count and a passing
mention of a president barely does, and counted only when the two share more
than countries (one country in the news is not one episode); PLOVER event types; places; and wording
(the exact Jaccard similarity of their 5-word shingles, the measure
``cable.dedup`` uses for duplicates, here counted in full from ``TEXT_FULL``,
far below the duplicate threshold). Stories are the connected groups of such
pairs; a story's id is ``s-`` plus the id of its first article (earliest
published, then smallest id), so it stays put as later articles join.

Only the stores' public queries are used, so any backend serves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import dedup

WINDOW_DAYS = 4
THRESHOLD = 0.5
ACTORS_FULL = 0.5  # actors sharing this much of both articles' mentions count as fully alike
TEXT_FULL = 0.3  # a 5-word shingle overlap this high counts as fully alike wording
WEIGHTS = {"actors": 0.6, "types": 0.15, "places": 0.1, "text": 0.15}
NAMED_KINDS = frozenset({"person", "organization", "country", "forum", "process"})
SCAN = 5000  # records read per query when listing the articles of a window
PROTAGONISTS = 5  # an article's most-mentioned actors, through which its related articles are found
NAMED_HITS = 500  # full-text hits read per protagonist


@dataclass(slots=True)
class Features:
    """What an article is about, for comparing it with others."""

    id: str
    title: str | None
    published: str | None
    actors: dict[str, float]  # normalised name -> share of the article's mentions of named actors
    specific: frozenset[str]  # the named actors that are not countries
    types: frozenset[str]
    places: frozenset[str]
    shingles: frozenset[int]  # the text's 5-word shingles (``cable.dedup.shingles``)


@dataclass(slots=True)
class Story:
    id: str
    title: str | None
    start: str | None  # first and last publication dates
    end: str | None
    articles: list[dict[str, Any]] = field(default_factory=list)  # {id, title, published}
    actors: list[str] = field(default_factory=list)  # shared by two articles or more, most shared first
    places: list[str] = field(default_factory=list)


def stored_articles(store, *, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """The ``cable/1`` records of stored articles published in [since, until] (the newest ``SCAN``
    of them), oldest first."""
    rows = store.articles(since=since, until=until, limit=SCAN)
    records = [r for r in (store.article(row["id"]) for row in rows) if r is not None]
    return sorted(records, key=lambda r: (r["article"]["published"] or "", r["article"]["id"]))


def latest_window(store, days: int = 14) -> tuple[str | None, str | None]:
    """(since, until): the ``days`` up to the newest stored article's date; (None, None) when
    no article is dated."""
    newest = store.articles(limit=1)
    day = newest[0]["published"] if newest else None
    if not day:
        return None, None
    end = dt.date.fromisoformat(day[:10])
    return (end - dt.timedelta(days=days - 1)).isoformat(), end.isoformat()


def within(day: str | None, since: str | None, until: str | None) -> bool:
    """Whether the ISO date ``day`` lies in [since, until] (an open end allows anything; no date only
    when the window is open)."""
    if day is None:
        return since is None and until is None
    return (since is None or day >= since) and (until is None or day <= until)


def features(record: dict[str, Any]) -> Features:
    """An article record's named actors (normalised names, with their share of mentions), event types
    and places."""
    article = record["article"]
    events = [e for e in record.get("events", []) if e["status"] in ("occurred", "planned")]
    mentions: dict[str, int] = {}
    for a in record.get("actors", []):
        if a["kind"] in NAMED_KINDS:
            mentions[normal(a["name"])] = mentions.get(normal(a["name"]), 0) + max(1, len(a.get("mentions", [])))
    total = sum(mentions.values()) or 1
    return Features(
        id=article["id"], title=article.get("title") or lead(article["text"]), published=article.get("published"),
        actors={name: n / total for name, n in mentions.items()},
        specific=frozenset(normal(a["name"]) for a in record.get("actors", [])
                           if a["kind"] in NAMED_KINDS and a["kind"] != "country"),
        types=frozenset(e["plover"] for e in events),
        places=frozenset(normal(e["location"]["name"]) for e in events if e.get("location")),
        shingles=frozenset(dedup.shingles(article["text"])))


def normal(name: str) -> str:
    """A name for matching: lower case, hyphens and curly apostrophes made plain, no leading "the"."""
    words = name.lower().replace("-", " ").replace("\u2019", "'").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def score(a: Features, b: Features) -> float:
    """How likely two articles report the same episode, from 0 to 1 (0 outside the time window)."""
    if not close_in_time(a.published, b.published):
        return 0.0
    shared = sum(min(a.actors[x], b.actors[x]) for x in a.actors.keys() & b.actors.keys()) if (
        a.specific & b.specific) else 0.0
    parts = {"actors": min(1.0, shared / ACTORS_FULL), "types": overlap(a.types, b.types),
             "places": overlap(a.places, b.places),
             "text": min(1.0, jaccard(a.shingles, b.shingles) / TEXT_FULL)}
    return round(sum(WEIGHTS[k] * v for k, v in parts.items()), 3)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared items as a share of the smaller set."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def close_in_time(a: str | None, b: str | None) -> bool:
    """Whether two publication dates lie within ``WINDOW_DAYS``; unknown dates are not close."""
    if not a or not b:
        return False
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days) <= WINDOW_DAYS


def group(records: list[dict[str, Any]]) -> list[Story]:
    """Articles grouped into stories (connected pairs scoring ``THRESHOLD`` or more), newest story first;
    an article alike to no other is a story of its own."""
    items = sorted((features(r) for r in records), key=lambda f: (f.published or "", f.id))
    parent = {f.id: f.id for f in items}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if not close_in_time(a.published, b.published):
                break
            if score(a, b) >= THRESHOLD:
                parent[root(b.id)] = root(a.id)
    members: dict[str, list[Features]] = {}
    for f in items:
        members.setdefault(root(f.id), []).append(f)
    stories = [story_of(fs) for fs in members.values()]
    return sorted(stories, key=lambda s: (s.end or "", s.id), reverse=True)


def story_of(items: list[Features]) -> Story:
    """A story from its articles (oldest first): what two or more of them share."""
    first = items[0]
    dates = [f.published for f in items if f.published]

    def shared(sets: list[set[str] | frozenset[str]]) -> list[str]:
        counts: dict[str, int] = {}
        for s in sets:
            for x in s:
                counts[x] = counts.get(x, 0) + 1
        return sorted((x for x, n in counts.items() if n > 1), key=lambda x: (-counts[x], x))

    return Story(id=f"s-{first.id}", title=first.title,
                 start=min(dates, default=None), end=max(dates, default=None),
                 articles=[{"id": f.id, "title": f.title, "published": f.published} for f in items],
                 actors=shared([set(f.actors) for f in items]), places=shared([f.places for f in items]))


def lead(text: str, size: int = 90) -> str:
    """The opening words of a text, cut at a word boundary, for an article without a title."""
    words = text[:size + 1].split()
    return text.strip() if len(text) <= size else " ".join(words[:-1]) + "…"


def stories(store, *, since: str | None = None, until: str | None = None) -> list[Story]:
    """The stories of the articles published in [since, until], newest first."""
    return group(stored_articles(store, since=since, until=until))


def story(store, story_id: str) -> Story | None:
    """The story holding the article the id names (its first article when it was made), or None."""
    record = store.article(story_id.removeprefix("s-"))
    if record is None or not record["article"].get("published"):
        return None
    start = dt.date.fromisoformat(record["article"]["published"][:10])
    window = stored_articles(store, since=(start - dt.timedelta(days=WINDOW_DAYS)).isoformat(),
                             until=(start + dt.timedelta(days=10 * WINDOW_DAYS)).isoformat())
    first = record["article"]["id"]
    return next((s for s in group(window) if any(a["id"] == first for a in s.articles)), None)


def related(store, article_id: str, *, limit: int = 10) -> list[dict[str, Any]]:
    """Stored articles about the same episode as this one, most alike first: {id, title, published, score}."""
    record = store.article(article_id)
    if record is None or not record["article"].get("published"):
        return []
    day = dt.date.fromisoformat(record["article"]["published"][:10])
    since, until = ((day + dt.timedelta(days=d)).isoformat() for d in (-WINDOW_DAYS, WINDOW_DAYS))
    me = features(record)
    out = []
    for other in neighbours(store, record, since, until):
        them = features(other)
        s = score(me, them)
        if s >= THRESHOLD:
            out.append({"id": them.id, "title": them.title, "published": them.published, "score": s})
    return sorted(out, key=lambda r: -r["score"])[:limit]


def neighbours(store, record: dict[str, Any], since: str, until: str) -> list[dict[str, Any]]:
    """Other articles published in [since, until] that name one of this article's ``PROTAGONISTS``
    most-mentioned named actors (in their events, quotes or words): the only ones that can score high enough."""
    named = [a for a in record["actors"] if a["kind"] in NAMED_KINDS]
    top = sorted(named, key=lambda a: -len(a.get("mentions", [])))[:PROTAGONISTS]
    ids: set[str] = set()
    for actor in top:
        rows = (store.events(actor_name=actor["name"], since=since, until=until, limit=SCAN)
                + store.quotes(speaker=actor["name"], exact=True, since=since, until=until, limit=SCAN))
        ids |= {r["article_id"] for r in rows if within(r.get("published"), since, until)}
        ids |= {hit["id"] for hit in store.search(actor["name"], limit=NAMED_HITS)
                if within(hit.get("published"), since, until)}
    ids.discard(record["article"]["id"])
    return [r for r in (store.article(i) for i in sorted(ids)) if r is not None]
