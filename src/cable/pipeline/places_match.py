"""Finding place names in text: capitalised runs of words the gazetteer knows,
with the entity label the parser gave them and the word that introduces them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .places_gazetteer import POSSESSIVE, Entry, Gazetteer, normalise, words

PLACE_LABELS = {"GPE", "LOC", "FAC"}
OTHER_NAME_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
LOCATIVE = {"in", "at", "near", "inside", "outside", "within", "around", "across", "throughout"}
DIRECTIONAL = {"to", "into", "toward", "towards", "visit", "visits", "visited", "visiting"}
OTHER_PREPOSITIONS = {"from", "via", "through", "over"}
CONNECTORS = {"of", "and", "the", "de", "del", "la", "le", "al", "el", "upon", "am", "an", "sur", "da", "do", "du"}
PRECEDING = re.compile(
    r"\b(\w+)\s+(?:the\s+)?(?:(?:city|cities|town|towns|village|villages|province|provinces|region|port)"
    r"\s+of\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|downtown|rural|greater)\s+)?$",
    re.IGNORECASE)
COORDINATED = re.compile(
    r"(?:['\u2019]s)?(?:,\s*(?:the\s+)?|(?:\s+[a-z]+){0,2}\s*,?\s+(?:and|or)\s+(?:the\s+)?(?:[a-z]+ern\s+)?)")
ELLIPSIS = re.compile(r"\b([A-Z][a-z]+)\s*(?:,|and|or|&)\s*$")
WITHIN_AREA = re.compile(
    r"\b(at|in|near|on)\s+(?:the\s+)?((?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*),\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)")
DATELINE = re.compile(r"\s*([A-Z][A-Z.'\u2019 -]*[A-Z.])(?=\s*(?:,|\(|\u2014|\u2013|-\s))")


@dataclass(slots=True)
class Candidate:
    """A known place name in the text, before deciding whether it is used as a place."""

    start: int
    end: int
    entries: list[Entry]
    label: str | None = None  # the entity label over the name
    inside: bool = False  # that entity is a longer name ("The New York Times")
    preposition: str | None = None  # the word right before: "in", "to", "visit", ...
    dateline: bool = False
    paired: bool = False  # a place named with its area, or that area ('Tin Can Island, Lagos')


def find_candidates(doc, text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Every known place name in ``text`` (the document's), labelled, in text order."""
    found = _name_runs(text, gazetteer)
    found += _elided(text, found, gazetteer)
    found += _dateline(text, gazetteer)
    found += _unknown(doc, text, found)
    found += _within_areas(text, found, gazetteer)
    labels = _entity_labels(doc)
    for c in found:
        c.label, c.inside = _covering_label(text, labels, c.start, c.end)
        c.preposition = c.preposition or _preposition(text, c.start)
    found.sort(key=lambda c: c.start)
    _share_prepositions(text, found)
    return found


def _entity_labels(doc) -> dict[int, tuple[str, int, int]]:
    """Character offset -> (label, entity start, entity end) for every named entity."""
    labels = {}
    for ent in doc.ents:
        for i in range(ent.start_char, ent.end_char):
            labels[i] = (ent.label_, ent.start_char, ent.end_char)
    return labels


def _name_runs(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Longest capitalised runs of words that the gazetteer knows, left to right."""
    spans = words(text)
    found, i = [], 0
    while i < len(spans):
        match = _longest_at(text, spans, i, gazetteer)
        if match:
            n, entries = match
            found.append(Candidate(spans[i][0], spans[i + n - 1][1], entries))
            i += n
        else:
            i += 1
    return found


def _longest_at(text: str, spans: list[tuple[int, int]], i: int, gazetteer: Gazetteer):
    """The longest known name starting at word i: (number of words, its entries), or None."""
    for n in range(_capitalised_run(text, spans, i, gazetteer.longest), 0, -1):
        if not text[spans[i + n - 1][0]].isupper():
            continue
        name = text[spans[i][0]:spans[i + n - 1][1]]
        entries = gazetteer.lookup(name)
        if entries and (not name.isupper() or normalise(name) in gazetteer.caps):
            return n, entries
    return None


def _capitalised_run(text: str, spans: list[tuple[int, int]], i: int, limit: int) -> int:
    """How many words from i form a capitalised name on one line ('Bosnia and Herzegovina')."""
    first = text[spans[i][0]:spans[i][1]]
    if not first[0].isupper() or first == "The":
        return 0
    n = 1
    while n < limit and i + n < len(spans) and "\n" not in text[spans[i + n - 1][1]:spans[i + n][0]]:
        word = text[spans[i + n][0]:spans[i + n][1]]
        if not (word[0].isupper() or word in CONNECTORS):
            break
        n += 1
    return n


def _elided(text: str, found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """'South and North Korea': the first word stands for 'South Korea'."""
    taken = {c.start for c in found}
    extra = []
    for c in found:
        _, _, rest = text[c.start:c.end].partition(" ")
        match = ELLIPSIS.search(text, max(0, c.start - 30), c.start)
        if not rest or not match or match.start(1) in taken:
            continue
        entries = gazetteer.lookup(f"{match.group(1)} {rest}")
        if entries:
            extra.append(Candidate(match.start(1), match.end(1), entries))
    return extra


def _dateline(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """A wire dateline opening the text: 'SAN DIEGO (Reuters) -', 'WASHINGTON, Oct. 28 -'."""
    match = DATELINE.match(text)
    entries = gazetteer.lookup(match.group(1)) if match else []
    if not entries:
        return []
    return [Candidate(match.start(1), match.end(1), entries, dateline=True)]


def _unknown(doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """A place entity the gazetteer does not know, right after 'in'/'at'/'to':
    kept by name only, with no country or coordinates ('in Alachua County')."""
    extra = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or any(c.start < ent.end_char and ent.start_char < c.end for c in found):
            continue
        span = ent[1:] if ent[0].lower_ == "the" else ent
        if span and _preposition(text, ent.start_char) in LOCATIVE | DIRECTIONAL and span.text[0].isupper():
            name = POSSESSIVE.sub("", span.text)
            entry = Entry(name, "unknown", None, None, None)
            extra.append(Candidate(span.start_char, span.start_char + len(name), [entry]))
    return extra


def _within_areas(text: str, found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """'at Tin Can Island, Lagos': a name the gazetteer lacks, set by 'at'/'in' and followed
    by a known city, state or country of one country, is a place in that country (kept by
    name, without coordinates); the area after it is a place too. Shorter names inside it
    ('Can' in 'Tin Can Island') give way."""
    extra = []
    for m in WITHIN_AREA.finditer(text):
        start, end = m.span(2)
        inside = [c for c in found + extra if c.start < end and start < c.end]
        if gazetteer.lookup(m.group(2)) or any(c.start < start or c.end > end for c in inside):
            continue
        area = [e for e in gazetteer.lookup(m.group(3)) if e.kind in ("city", "state", "country")]
        countries = {e.country for e in area}
        if len(countries) != 1 or None in countries:
            continue
        extra.append(Candidate(start, end, [Entry(m.group(2), "unknown", countries.pop(), None, None)],
                               preposition=m.group(1).lower(), paired=True))
        found[:] = [c for c in found if c not in inside]
        for c in found:
            if c.start == m.start(3):
                c.paired = True
    return extra


def _covering_label(text: str, labels, start: int, end: int) -> tuple[str | None, bool]:
    """The entity label over a name (a place label first), and whether that
    entity is a longer name around it, bar a leading 'the' and a possessive."""
    names = PLACE_LABELS | OTHER_NAME_LABELS
    seen = {labels[i] for i in range(start, end) if i in labels and labels[i][0] in names}
    for label, ent_start, ent_end in sorted(seen, key=lambda s: s[0] not in PLACE_LABELS):
        around = re.sub(r"^\s*the\s+", "", text[ent_start:start], flags=re.IGNORECASE)
        around += re.sub(r"^['\u2019]s\s*$", "", text[end:ent_end])
        return label, bool(re.search(r"\w", around))
    return None, False


def _preposition(text: str, start: int) -> str | None:
    """The preposition (or 'visit') right before a name, skipping 'the' and 'northern'."""
    match = PRECEDING.search(text, max(0, start - 40), start)
    word = match.group(1).lower() if match else None
    return word if word in LOCATIVE | DIRECTIONAL | OTHER_PREPOSITIONS else None


def _share_prepositions(text: str, candidates: list[Candidate]) -> None:
    """'in San Diego yesterday and New York': a listed place takes the preposition of the list."""
    for before, after in zip(candidates, candidates[1:]):
        between = text[before.end:after.start]
        if after.preposition is None and before.preposition and COORDINATED.fullmatch(between):
            after.preposition = before.preposition
