"""places: toponyms in the text -> Locations with country and coordinates.

A capitalised run of words is a place when the gazetteer knows the name and
the text treats it as one: the parser labels it GPE, LOC or FAC, or it follows
a place preposition ("in Lyon", "to Pyongyang"), or it is one of the
well-known government landmarks ("Foggy Bottom"), or it opens a wire dateline,
or the sentence says what it is ("Oxford is home to ...", "... is the capital of").
Names inside a longer person or organisation name ("The New York Times") are
not places, nor are words that also name a person elsewhere in the document.

A name with several candidates is resolved in this order: a country, a
landmark, a region, a city, a US state ("New York" is the city, "New York
state" the state). A US state wins over a city abroad ("Florida", "Virginia")
unless the document is about that city's country, and over a country
("Georgia") when the document names American places and nothing in it. Among cities the larger
one wins, with a bonus for a national capital, for the place's own name over
an alternate one, and for a country the document names unambiguously;
"Portland, Maine" and "Yokohama, Japan" restrict the choice to that state or
country, where a smaller town of the name may be found ("Geneva, Illinois"); a
name the gazetteer does not hold in a US state is kept as a place in that state,
without coordinates ("Prague, Oklahoma": the town is not listed).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..records import Location
from .places_gazetteer import KIND_ORDER, Entry, Gazetteer, load_gazetteer, normalise
from .places_match import DIRECTIONAL, LOCATIVE, PLACE_LABELS, Candidate, find_candidates

BIG_CITY = 100_000
PLACE_PREDICATE = re.compile(r"\s+(?:is|was)\s+(?:also\s+)?(?:home to|the capital of|an? (?:city|town|village|port)\b)")


@dataclass(slots=True)
class Place(Location):
    """A Location as found in the text: the word that introduces it and a confidence."""

    preposition: str | None = None  # "in", "to", "visit", ... right before the name
    confidence: float = 0.0
    geonameid: str | None = None  # GeoNames id of the place, where the gazetteer has one
    feature: str | None = None  # GeoNames feature code: PCLI, PPLC, PPLA, PPL, ADM1, ...
    admin1: str | None = None  # first-order division code (US: the state's postal code)


def find_places(doc) -> list[Place]:
    """Every mention of a known place that the document uses as a place, in text order."""
    gazetteer, text = load_gazetteer(), doc.text
    people = _person_words(doc)
    candidates = [c for c in find_candidates(doc, text, gazetteer) if _is_place(text, c, gazetteer, people)]
    context = _document_countries(candidates)
    return [_resolve(text, c, context, gazetteer) for c in candidates]


def place_for_span(places: list[Location], start: int, end: int,
                   sentence_start: int, sentence_end: int) -> Location | None:
    """The place where something at [start, end) happens: a place in the same
    sentence introduced by "in"/"at" (nearest first), else by "to"/"visit".
    A place named without such a word is a party, not a setting, and is skipped."""
    def rank(place: Location) -> tuple[int, int, int]:
        after = place.start >= end
        gap = place.start - end if after else start - place.end
        return (0 if getattr(place, "preposition", None) in LOCATIVE else 1, gap, 0 if after else 1)

    usable = [p for p in places
              if p.start is not None and p.end is not None
              and sentence_start <= p.start and p.end <= sentence_end
              and (p.end <= start or p.start >= end)
              and getattr(p, "preposition", None) in LOCATIVE | DIRECTIONAL]
    return min(usable, key=rank, default=None)


def _person_words(doc) -> set[str]:
    """Words of the document's multi-word person names ('Lloyd Austin' -> 'austin')."""
    return {normalise(t.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def _is_place(text: str, c: Candidate, gazetteer: Gazetteer, people: set[str]) -> bool:
    """Whether the text uses a known name as a place here (see the module docstring)."""
    name = normalise(text[c.start:c.end])
    introduced = c.preposition in LOCATIVE | DIRECTIONAL
    country = any(e.kind == "country" for e in c.entries)
    unknown = all(e.kind == "unknown" for e in c.entries)
    if set(name.split()) & people and (unknown or not (introduced or country)):
        return False  # "Clinton" after "Hillary Clinton", whatever the label
    if c.label in PLACE_LABELS or c.dateline or c.paired:
        return True
    if c.inside:
        return False
    if any(e.kind == "landmark" for e in c.entries) or PLACE_PREDICATE.match(text, c.end):
        return True
    if c.preposition is None or name in gazetteer.not_places or name in people:
        return False
    if c.label is None:
        return True
    # The parser gave the bare name another label ("flew to Lyon" as a person):
    # trust the preposition for countries and big cities only.
    return introduced and (country or any(e.population >= BIG_CITY for e in c.entries))


def _document_countries(candidates: list[Candidate]) -> set[str]:
    """Countries the document names through unambiguous places ('Atlanta' -> USA)."""
    countries = set()
    for c in candidates:
        found = {e.country for e in c.entries if e.country}
        if len(found) == 1:
            countries |= found
    return countries


def _resolve(text: str, c: Candidate, context: set[str], gazetteer: Gazetteer) -> Place:
    entries = _restrict(text, c, gazetteer)
    kind = _kind(text, c, entries, context)
    pool = sorted((e for e in entries if e.kind == kind), key=lambda e: _score(e, context), reverse=True)
    best = pool[0]
    close = len(pool) > 1 and _score(best, context) - _score(pool[1], context) < 0.5
    confidence = (0.9 if c.label in PLACE_LABELS or c.dateline else 0.75) - (0.25 if close else 0.0)
    confidence -= 0.4 if kind == "unknown" else 0.0
    written = text[c.start:c.end]
    return Place(name=written if not best.main and not written.isupper() else best.name, country=best.country,
                 lat=best.lat, lon=best.lon, start=c.start, end=c.end,
                 preposition=c.preposition, confidence=round(confidence, 2),
                 geonameid=best.geonameid or None, feature=best.feature or None, admin1=best.admin1 or None)


def _kind(text: str, c: Candidate, entries: list[Entry], context: set[str]) -> str:
    """Which kind of place the name denotes here (see the module docstring)."""
    kinds = {e.kind for e in entries}
    if "state" in kinds and _means_state(text, c, entries, context):
        return "state"
    return min(kinds - {"state"} or kinds, key=KIND_ORDER.__getitem__)


def _means_state(text: str, c: Candidate, entries: list[Entry], context: set[str]) -> bool:
    if re.match(r"\s+state\b", text[c.end:], re.IGNORECASE):
        return True
    if any(e.kind == "city" and e.country == "USA" for e in entries):
        return False  # "New York", "Washington": the city
    abroad = {e.country for e in entries if e.kind in ("country", "city")}
    about_abroad = bool(abroad & context)
    if any(e.kind == "country" for e in entries):  # "Georgia"
        return "USA" in context and not about_abroad
    return "USA" in context or not about_abroad  # "Florida", "Virginia"


def _score(entry: Entry, context: set[str]) -> float:
    """Bigger, capital, own name, and in a country the document names."""
    return (math.log10(entry.population + 1) + (1.0 if entry.capital == 2 else 0.0)
            + (1.0 if entry.main else 0.0) + (1.0 if entry.country in context else 0.0))


def _restrict(text: str, c: Candidate, gazetteer: Gazetteer) -> list[Entry]:
    """'Portland, Maine' / 'Yokohama, Japan': keep the places (or smaller towns) of that name
    in that state or country; a name known in a state by none is a place of unknown kind in it."""
    match = re.match(r",\s+([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})", text[c.end:c.end + 40])
    area_words = match.group(1).split() if match else []
    for n in range(len(area_words), 0, -1):
        name = " ".join(area_words[:n])
        area = [e for e in gazetteer.lookup(name) or gazetteer.lookup(name.rstrip("."))
                if e.kind in ("country", "state")]
        if not area:
            continue
        written = text[c.start:c.end]
        for entries in (c.entries, gazetteer.lookup_towns(written)):
            kept = [e for e in entries if any(_within(e, a) for a in area)]
            if kept:
                return kept
        if len({(a.country, a.admin1) for a in area}) == 1 and area[0].kind == "state":
            return [Entry(written, "unknown", area[0].country, None, None, admin1=area[0].admin1)]
    return c.entries


def _within(entry: Entry, area: Entry) -> bool:
    return entry.country == area.country and (area.kind == "country" or entry.admin1 == area.admin1)
