"""Where events of a given category happen: the places the events' own words govern
('speaking from Berlin', 'fighting in Homs and Aleppo'); where no such word governs one,
the place nearest each such word that its sentence sets with 'in'/'at'. Categories and
their words are in ``data/places/event_words.tsv``."""

from __future__ import annotations

import functools
from importlib import resources

from .places import Place
from .places_match import DIRECTIONAL, LOCATIVE
from .sentences import sentence_of

SETTING = LOCATIVE | DIRECTIONAL | {"from"}


@functools.cache
def event_words() -> dict[str, frozenset[str]]:
    """Category (lower case) -> the lemmas that report an event of it."""
    text = (resources.files("cable") / "data" / "places" / "event_words.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {category.lower(): frozenset(words.split("|")) for category, words in rows[1:]}


def event_locations(doc, places: list[Place], category: str | None) -> list[str]:
    """The places named for the events of ``category`` in the document, in text order ('Homs
    and Aleppo' for places listed together); none for an unknown or missing category."""
    return [" and ".join(doc.text[p.start:p.end] for p in group) for group in event_places(doc, places, category)]


def event_places(doc, places: list[Place], category: str | None) -> list[list[Place]]:
    """The places of each event of ``category`` (see ``event_locations``), each group once."""
    words = event_words().get((category or "").lower(), frozenset())
    triggers = [t for t in doc if t.lemma_.lower() in words or t.lower_ in words]
    groups = [_governed(t, places) for t in triggers]
    if not any(groups):
        groups = [_nearest(t, places) for t in triggers]
    found: list[list[Place]] = []
    for group in groups:
        if group and group not in found:
            found.append(group)
    return found


def _governed(trigger, places: list[Place]) -> list[Place]:
    """The places in a prepositional phrase on the trigger word itself, with their conjuncts."""
    doc = trigger.doc
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in SETTING:
            held = [p for p in places if prep.idx < p.start and p.end <= _end(prep)]
            if held:
                return _listed(doc, held)
    return []


def _nearest(trigger, places: list[Place]) -> list[Place]:
    """The place set by 'in'/'at' in the trigger's sentence nearest to it."""
    sent = sentence_of(trigger)
    usable = [p for p in places if sent.start_char <= p.start and p.end <= sent.end_char
              and p.preposition in LOCATIVE]
    if not usable:
        return []
    best = min(usable, key=lambda p: abs(p.start - trigger.idx))
    return _listed(trigger.doc, [best])


def _listed(doc, held: list[Place]) -> list[Place]:
    """The first held place and those joined to it by 'and' ('Homs and Aleppo')."""
    group = [held[0]]
    for place in held[1:]:
        if doc.text[group[-1].end:place.start].strip() in ("and", ", and", ","):
            group.append(place)
    return group


def _end(token) -> int:
    last = max(t.i for t in token.subtree)
    return token.doc[last].idx + len(token.doc[last])
