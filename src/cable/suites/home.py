"""Home countries for sentence-level coding.

PLOVER's and CAMEO's coders give an actor the text names no country for
("President X", "the opposition coalition", "rebel commanders") the country
the sentence places it in: the one country the sentence places things in
("crowds marched in Nairobi against Ugandan policy"), or else the one country
it names through its actors, demonyms and places ("... in Lima", "the Chilean
government"). A sentence that names two countries
or none leaves the actor without one, and international actors (IGO and NGO
codes) have no home country. A code from the actor dictionaries that has a
country comes first: the home country only fills what is missing.
"""

from __future__ import annotations

from ..kb import load_kb
from ..pipeline.actors_mentions import CURRENCY
from ..pipeline.places import find_places
from ..pipeline.places_match import LOCATIVE
from ..records import Actor, Result
from .base import CodedEvent

NO_COUNTRY = "---"
STATELESS = frozenset({"IGO", "NGO"})


def sentence_country(result: Result, doc=None) -> str | None:
    """The one country a sentence places things in ("in Nairobi", "at a school in
    Lima"), or else the one country it names (actors and places); None when neither
    is a single country."""
    located = {e.location.country for e in result.events if e.location and e.location.country}
    named = {a.country for a in result.actors if a.country}
    if doc is not None:
        places = [p for p in find_places(doc) if p.country and not CURRENCY.match(doc.text, p.end or 0)]
        located |= {p.country for p in places if p.preposition in LOCATIVE}
        named |= {p.country for p in places} | hinted_countries(doc.text)
    for countries in (located, named):
        if len(countries) == 1:
            return next(iter(countries))
    return None


def hinted_countries(text: str) -> set[str]:
    """Countries of the divisions and regions the KB knows named in ``text`` ("Punjab")."""
    kb = load_kb()
    return {c for m in kb.place_pattern.finditer(text) if (c := kb.place_country(m.group()))}


def homeless(actor: Actor, *, uncoded: bool = True) -> bool:
    """An actor with no country that could have one (not an international body);
    with ``uncoded`` False, only one with a code that lacks the country ('---GOV')."""
    if actor.code is None:
        return uncoded and actor.country is None and actor.sector not in STATELESS
    return actor.code.startswith(NO_COUNTRY) and actor.sector not in STATELESS


def home_code(code: str | None, sector: str | None, country: str) -> str:
    """A code with ``country`` in place of the missing one ('---GOV' -> 'SDNGOV')."""
    rest = code[len(NO_COUNTRY):] if code else (sector or "")
    return country + rest


def home_codes(result: Result, doc=None, *, uncoded: bool = True) -> dict[str, str | None]:
    """Each actor's code, an actor without a country taking the sentence's one country
    (with ``uncoded`` False, not an actor with no code at all, which another coder
    may code)."""
    codes = {a.id: a.code for a in result.actors}
    missing = [a for a in result.actors if homeless(a, uncoded=uncoded)]
    country = sentence_country(result, doc) if missing else None
    if country:
        codes.update({a.id: home_code(a.code, a.sector, country) for a in missing})
    return codes


def settle_codes(event: CodedEvent, country: str | None, subject: Actor | None = None) -> CodedEvent:
    """An event's '---' codes with a country: the source's is that of the sentence's
    subject when the subject is an actor of the same sector with a country ('---GOV'
    for "President X visited Y", X being French), else the sentence's ``country``."""
    source, target = event.source, event.target
    if unplaced(source) and subject is not None and subject.country and subject.sector == source[3:6]:
        source = home_code(source, None, subject.country)
    elif unplaced(source) and country:
        source = home_code(source, None, country)
    if unplaced(target) and country:
        target = home_code(target, None, country)
    return CodedEvent(source, target, event.cameo, event.plover)


def unplaced(code: str | None) -> bool:
    """A code with no country that could have one ('---GOV', not '---IGO')."""
    return bool(code) and code.startswith(NO_COUNTRY) and code[3:6] not in STATELESS


def subject_actor(result: Result, doc) -> Actor | None:
    """The actor the subject of the sentence's main verb names, if one does."""
    root = next(iter(doc.sents)).root if doc is not None and len(doc) else None
    subjects = [c for c in root.children if c.dep_ == "nsubj"] if root is not None else []
    if not subjects:
        return None
    start = subjects[0].idx
    return next((a for a in result.actors for m in a.mentions if m.start <= start < m.end), None)
