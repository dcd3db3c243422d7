"""One actor mention, resolved on its own: name, kind, country, sector and code.

The mention is parsed (inside its sentence when one is given) and read by the
same actors stage that reads articles; the actor whose mention holds the
phrase's head word is the answer.

    >>> resolve("North Korean officials").code
    'PRKGOV'
    >>> resolve("the Kremlin").country
    'RUS'
    >>> resolve("a cat") is None
    True
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .kb import load_kb
from .records import Actor, Article

SPACES = re.compile(r"\s+")
NAME_EXTRA = re.compile(r"[A-Z]\.|Jr\.?|Sr\.?|[IVX]+|\d\w*")  # initials, suffixes, regnal numbers


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a mention refers to. ``sector`` is a PLOVER agent code (GOV, MIL, ...)."""

    name: str
    kind: str
    country: str | None  # ISO 3166 alpha-3
    sector: str | None
    code: str | None  # CAMEO-style: USAGOV, IGOUNO

    def to_json(self) -> dict:
        return asdict(self)


def resolve(text: str, *, context: str | None = None, date: str | None = None, nlp=None) -> Resolution | None:
    """Resolve one actor mention ('Chinese Premier Wen Jiabao', 'the Kremlin'). ``context`` is
    the sentence it comes from (or words that place it, 'Mexico'); ``date`` (YYYY-MM-DD) picks
    the post a person held then (ELI, the political elite, for one out of office). None when
    the words name no actor."""
    read = _read(text, context, date, nlp)
    if read is None:
        return None
    table, span, placed = read
    found = _resolve_span(table, span, context if not placed else None)
    found = found or (_lone_surname(span, date) if not placed else None)
    if date and not placed and (found is None or found.country is None or found.kind == "person"):
        found = _titled_name(span, date) or found  # the KB's officeholder over a place in the name
    return _place_actor(span, found) or found


def _titled_name(span, date: str) -> Resolution | None:
    """'Prime Minister Goh', 'President Jacques R. Chirac' on a date: the one country whose
    leader of that name held office then; a surname alone must also fit the post's title
    (its words all in the post's: 'Foreign Minister' does not fit 'Minister of Finance')."""
    kb, year = load_kb(), int(date[:4])
    words = span.text.split()
    n = next((i for i in range(len(words) - 1, 0, -1) if kb.title_sector(" ".join(words[:i]))), 0)
    names = [w for w in words[n:] if not NAME_EXTRA.fullmatch(w)]
    if n == 0 or not names or not names[-1][:1].isupper():
        return None
    leaders = [leader for leader in kb.leaders(" ".join(names), year)
               if leader.surname.casefold() in {w.casefold() for w in names}]
    if len(names) == 1:
        title = {w.casefold() for w in words[:n]}
        leaders = [leader for leader in leaders
                   if title <= {w.casefold() for w in leader.title.replace("-", " ").split()}]
    if len({leader.iso3 for leader in leaders}) != 1:
        return None
    return Resolution(" ".join(words[n:]), "person", leaders[0].iso3, "GOV", leaders[0].iso3 + "GOV")


def _place_actor(span, found: Resolution | None) -> Resolution | None:
    """A mention that is wholly a city's name ('Mariupol', 'TEHRAN') stands for its people
    (CVL), or for the government when it is a national capital: when nothing else resolves
    it, or when what did is a name in the city's own country with no sector ('Sydney')."""
    from .pipeline.places_gazetteer import load_gazetteer, normalise

    if found is not None and (found.sector is not None or found.kind == "country"):
        return None
    gazetteer, words = load_gazetteer(), span.text
    if normalise(words) in gazetteer.not_places:
        return None
    cities = [e for e in gazetteer.lookup(words) if e.kind == "city"] or gazetteer.lookup_towns(words)
    if not cities or any(e.kind != "city" for e in gazetteer.lookup(words)):
        return None
    city = max(cities, key=lambda e: (e.capital == 2, e.population))
    if found is not None and found.country != city.country:
        return None
    sector = "GOV" if city.capital == 2 else "CVL"
    return Resolution(found.name if found else span.text, "place", city.country, sector, city.country + sector)


def co_actors(text: str, *, context: str | None = None, date: str | None = None, nlp=None) -> list[Resolution]:
    """The actors of the list a mention belongs to in its sentence, the mention's own first:
    'Russians' in '... against Russians and Belorussians' gives both."""
    read = _read(text, context, date, nlp)
    if read is None:
        return []
    table, span, placed = read
    where = context if not placed else None
    holding = holding_actors(table, span.root.idx)
    members = [_resolution(a, where, keep=True) for a in holding] or [_resolve_span(table, span, where)]
    for token in sorted({c for t in span for c in t.conjuncts if c.i != span.root.i}, key=lambda c: c.i):
        actors = holding_actors(table, token.idx)
        if actors:
            members += [_resolution(a, where, keep=True) for a in actors]
        else:
            members.append(_resolve_span(table, _own_phrase(token), where))
    found: list[Resolution] = []
    for member in members:
        if member is not None and member not in found:
            found.append(member)
    return found


def _resolve_span(table, span, context: str | None, *, keep: bool = False) -> Resolution | None:
    """The actor holding the span's head ('members of SANDF': the head it is about), or
    what the phrase describes."""
    from .pipeline.actors_described import content_head

    actor = head_actor(table, span)
    if actor is None:
        held = holding_actors(table, content_head(span).idx)
        actor = held[0] if held else None
    found = _resolution(actor, context, keep=keep) if actor is not None else None
    if found is None or found.country is None:
        found = _described(span, table, found, context, places=actor is None or actor.kind != "person")
    if found is not None and actor is not None and actor.kind in ("person", "group") and former(span):
        found = Resolution(found.name, found.kind, found.country, "ELI", _code(found.country, "ELI", found.code))
    return found


def former(span) -> bool:
    """'a former CIA official', 'ex-President X': the post is no longer held (ELI)."""
    from .pipeline.actors_described import FORMER

    return any(t.lower_ in FORMER for t in span.doc[span.start:span.root.i])


def _lone_surname(span, date: str | None) -> Resolution | None:
    """A mention that is a surname alone ('Museveni') names the head of state or government
    the KB knows by it, when all such heads (in office on ``date``, when given) are of one
    country. A given name ('Frank') is no surname alone."""
    from .pipeline.actors import office_sector

    if len(span) != 1 or not span.text[:1].isupper() or span.text.isupper() or load_kb().is_given_name(span.text):
        return None
    year = int(date[:4]) if date else None
    leaders = [leader for leader in load_kb().leaders(span.text, heads_only=True)
               if leader.surname.casefold() == span.text.casefold() and (year is None or leader.start <= year)]
    if len({leader.iso3 for leader in leaders}) != 1:
        return None
    sector = office_sector(leaders, year)
    return Resolution(span.text, "person", leaders[0].iso3, sector, leaders[0].iso3 + sector)


def _own_phrase(token):
    """A conjunct's own phrase: its subtree without the words of the conjuncts after it."""
    words = [t for t in token.subtree if t.dep_ not in ("cc", "conj") or t.i == token.i]
    start = min(t.i for t in words)
    end = token.i + 1 + sum(1 for t in token.rights if t.dep_ not in ("cc", "conj", "punct"))
    return token.doc[start:max(end, token.i + 1)]


def _described(span, table, found: Resolution | None, context: str | None, *,
               places: bool = True) -> Resolution | None:
    """A phrase that names no actor ('Somalia's prime minister', 'Shanghai police') read for
    its head noun's sector and its describing country, or intergovernmental body ('the EU
    legislature' takes the EU's code); an actor found without a country takes that country.
    ``places``: a gazetteer place in the phrase may give the country."""
    from .pipeline.actors_described import describe, place_countries
    from .pipeline.places import find_places
    from .pipeline.places_gazetteer import load_gazetteer

    kb = load_kb()
    owners = [(m.start, a.country) for a in table for m in a.mentions if a.country and a.kind == "country"]
    owners += [(p.start, p.country) for p in find_places(span.doc) if p.country and p.start is not None]
    owners += [(m.start, a.code) for a in table for m in a.mentions if a.sector == "IGO" and a.code]
    if not owners and places:  # a person's name ('Leon Bobb') holds no place
        owners = place_countries(span, load_gazetteer().lookup) + _hinted_places(span, kb) or _country_terms(span, kb)
    description = describe(span, owners, kb)
    if description is None:
        return found
    owner = description.iso3 or ""
    iso3, igo = (None, owner) if owner.startswith("IGO") else (owner or None, None)
    if found is not None:
        return Resolution(found.name, found.kind, iso3, found.sector, _code(iso3, found.sector, found.code or igo))
    result = Resolution(description.name, description.kind, iso3, description.sector,
                        _code(iso3, description.sector, igo))
    return _with_context_country(result, context) if context and result.country is None else result


def _hinted_places(span, kb) -> list[tuple[int, str]]:
    """(offset, ISO3) of the divisions the KB knows in a phrase ('Rakhine rebels')."""
    return [(span.start_char + m.start(), kb.place_hints[m.group()]) for m in kb.place_pattern.finditer(span.text)
            if kb.place_hints.get(m.group(), "-") != "-"]


def _country_terms(span, kb) -> list[tuple[int, str]]:
    """(offset, ISO3) of the country terms inside a name the parser took whole with other
    words ('Panamanian Immigration' in 'Panamanian Immigration inspectors')."""
    found = [(span.start_char + start, kb.country(surface)) for start, _, surface in kb.find_terms(span.text)]
    return [(offset, iso3) for offset, iso3 in found if iso3]


def _code(iso3: str | None, sector: str | None, code: str | None) -> str | None:
    if iso3 is None or sector == "IGO":
        return code
    return iso3 + (sector or "")


def _read(text: str, context: str | None, date: str | None, nlp):
    """The actor table of the mention's sentence, the mention's span, and whether the
    context was that sentence; None for a mention with no letters."""
    mention = SPACES.sub(" ", text).strip()
    if not mention or not re.search(r"[^\W\d_]", mention):
        return None
    sentence, start = _setting(mention, context)
    doc = _parse(sentence, nlp)
    span = doc.char_span(start, start + len(mention), alignment_mode="expand")
    if span is None or not len(span):
        return None
    from .pipeline.actors import find_actors

    table = find_actors(doc, Article("resolve", None, None, None, None, date, None, "en", sentence))
    return table, span, sentence != mention


def _resolution(actor: Actor, context: str | None, *, keep: bool = False) -> Resolution | None:
    """The resolution of an actor; a name the KB and the text say nothing about resolves
    to nothing unless ``keep`` (a member of a list is a member even when unknown)."""
    result = Resolution(actor.name, actor.kind, actor.country, actor.sector, actor.code)
    if result.country is None and context:
        result = _with_context_country(result, context)
    if not keep and result.country is None and result.sector is None and result.code is None:
        return None
    return result


def _setting(mention: str, context: str | None) -> tuple[str, int]:
    """The text to parse and where the mention starts in it: the context sentence when the
    mention is in it, else the mention alone."""
    if context:
        context = SPACES.sub(" ", context).strip()
        at = context.lower().find(mention.lower())
        if at >= 0:
            return context, at
    return mention, 0


def _parse(text: str, nlp):
    if nlp is None:
        from .pipeline.nlp import load_nlp

        nlp = load_nlp()
    return nlp(text)


def head_actor(table, span) -> Actor | None:
    """The actor whose mention holds the span's head word ('Wen Jiabao' in 'Chinese Premier
    Wen Jiabao', 'officials' in 'North Korean officials'), the longest such mention first."""
    found = holding_actors(table, span.root.idx)
    return found[0] if found else None


def holding_actors(table, offset: int) -> list[Actor]:
    """Actors with a mention over the character at ``offset``, longest mention first."""
    pairs = [(m.end - m.start, a) for a in table for m in a.mentions if m.start <= offset < m.end]
    return [a for _, a in sorted(pairs, key=lambda pair: -pair[0])]


def _with_context_country(result: Resolution, context: str) -> Resolution:
    """A context that names one country ('Mexico', 'Colombian defense') places an actor the
    mention alone does not."""
    countries = load_kb().countries_in(context)
    if len(countries) != 1:
        return result
    iso3 = countries.pop()
    code = iso3 + (result.sector or "") if result.sector != "IGO" else result.code
    return Resolution(result.name, result.kind, iso3, result.sector, code)
