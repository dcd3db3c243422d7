"""Results built by hand from short made-up texts, with offsets found in the text,
for tests of rules that read stored records (stories, processes, the brief)."""

from __future__ import annotations

import hashlib
import re

from cable.records import (Actor, Article, DateRef, Event, Forecast, Location, Quote, Result, Span, Stance,
                           Title)


def sentence_around(text: str, start: int) -> tuple[int, int]:
    """The sentence (split at '. ' or a paragraph break) holding the character at ``start``."""
    stop = text.rfind(". ", 0, start)
    begin = max(stop + 2 if stop != -1 else 0, text.rfind("\n", 0, start) + 1)
    ends = [i for i in (text.find(". ", start), text.find("\n", start)) if i != -1]
    return begin, (min(ends) + 1 if ends else len(text))


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def build(published: str | None, text: str, actors: dict[str, tuple], *, events=(), quotes=(), stances=(),
          forecasts=(), title: str | None = None, article_id: str | None = None) -> Result:
    """A Result. ``actors``: name -> (kind, country, sector[, title or Title]); each is mentioned wherever its
    name occurs. ``events``: dicts with plover, trigger, actors, recipients (names) and optional
    mode, cameo, place, date (text, start, end), status. ``quotes``: (speaker, words, title).
    ``stances``: (holder, issue, words, polarity). ``forecasts``: (holder name, expression, claim, p)."""
    aid = article_id or hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
    ids: dict[str, str] = {}
    out = Result(Article(aid, title, None, "Test Wire", None, published, None, "en", text))
    for n, (name, (kind, country, sector, *post)) in enumerate(actors.items(), 1):
        ids[name] = f"a{n}"
        mentions = [Span(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text)]
        titles = [post[0] if isinstance(post[0], Title) else Title(post[0], None)] if post else []
        out.actors.append(Actor(f"a{n}", name, kind, country, sector, None, titles, mentions))
    for n, e in enumerate(events, 1):
        trigger = span(text, e["trigger"])
        date = DateRef(*e["date"]) if e.get("date") else None
        place = Location(e["place"], None, None, None) if e.get("place") else None
        out.events.append(Event(f"e{n}", e["plover"], e.get("mode"), [], e.get("cameo"), None, None,
                                [ids[x] for x in e.get("actors", [])], [ids[x] for x in e.get("recipients", [])],
                                place, date, e.get("status", "occurred"), trigger,
                                sentence_around(text, trigger.start), 0.8))
    for n, (speaker, words, post) in enumerate(quotes, 1):
        s = span(text, words)
        out.quotes.append(Quote(f"q{n}", words, s.start, s.end, "direct", None, None, ids[speaker], speaker, post, 0.9))
    for n, (holder, issue, words, polarity) in enumerate(stances, 1):
        s = span(text, words)
        out.stances.append(Stance(f"s{n}", ids[holder], issue, words, polarity, s.start, s.end, 0.7))
    for n, (holder, expression, claim, p) in enumerate(forecasts, 1):
        start, end = text.index(expression), text.index(claim) + len(claim)
        out.forecasts.append(Forecast(f"f{n}", ids.get(holder or ""), holder, claim, expression, p, start, end, 0.8))
    return out
