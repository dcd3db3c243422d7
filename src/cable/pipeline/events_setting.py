"""Where and when: an event's place and date, taken from the places and dates
stages only when they hang on the event itself.

"met in Oslo on Friday" and "talks in Oslo this week" set the event there and
then; "the envoy to Oslo" and "the Oslo embassy" do not. "to"/"into" set only
visits and deployments. A meeting whose sentence names no place may take the
place of the meeting it continues (``inherited_location``).
"""

from __future__ import annotations

import bisect

from ..records import Actor, DateRef, Event, Location
from .actortable import ActorTable
from .dates import date_for_span
from .events_lexicon import Trigger, cue
from .events_triggers import Candidate
from .places import place_for_span

MOVING_TYPES = frozenset({"MOBILIZE", "AID"})  # "deployed troops to X", "sent aid to X"
NAME_DEPS = frozenset({"appos", "conj"})


def event_heads(tok, trigger: Trigger) -> set[int]:
    """The words an event's place and date phrases hang on: the trigger, and for
    a noun the verb it is the subject or object of ("talks ... resumed in Cairo")."""
    heads = {tok.i}
    head = tok.head
    if trigger.pos == "N" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") \
            and head.lemma_.lower() not in cue("report_verb"):
        heads.add(head.i)
    return heads


def attached(doc, start: int | None, end: int | None, heads: set[int], *,
             preps: frozenset[str] | None, objects: bool) -> bool:
    """Whether the words at [start, end) modify the event itself: a phrase on one
    of its heads ("met in Oslo", "talks in Oslo and Bern", "on Friday", "this
    week"), or its object when ``objects`` ("visited Oslo"); not a party's
    modifier ("the envoy to Oslo", "the Oslo embassy"). ``preps`` limits the
    prepositions (None: any)."""
    if start is None or end is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while (node.dep_ in NAME_DEPS or (node.dep_ == "compound" and node.head.pos_ == "PROPN")) \
            and node.head.i != node.i:
        node = node.head  # "in San Diego and New York", "at Baghdad International Airport"
    if node.dep_ == "pobj":
        prep = node.head
        return prep.head.i in heads and (preps is None or prep.lower_ in preps)
    if node.dep_ == "dobj":
        return objects and node.head.i in heads
    return node.dep_ in ("npadvmod", "tmod") and preps is None and node.head.i in heads


def event_location(c: Candidate, places: list[Location], *, dates, earlier: list[Event],
                   paragraphs: list[int], table: ActorTable) -> tuple[Location | None, bool]:
    """The event's place, and whether it was taken from an earlier meeting."""
    tok = c.token
    best = place_for_span(places, tok.idx, tok.idx + len(tok), *c.sentence)
    moving = c.mode == "visit" or c.plover in MOVING_TYPES
    preps = cue("place_preposition") | (cue("direction_preposition") if moving else frozenset())
    place = setting(c, best, [(p, p.start, p.end) for p in places], preps=preps, objects=moving)
    if place is not None:
        return plain_location(place), False
    if c.plover != "CONSULT":
        return None, False
    return inherited_location(c, *dates, earlier, paragraphs, table), True


def setting(c: Candidate, best, options: list[tuple[object, int | None, int | None]], *,
            preps: frozenset[str] | None, objects: bool = False):
    """The place or date the lookup chose when it hangs on the event, else the
    nearest one in the sentence that does ("the envoy to Oslo" is no setting)."""
    doc = c.token.doc
    usable = [(x, start) for x, start, end in options
              if start is not None and c.sentence[0] <= start < c.sentence[1]
              and attached(doc, start, end, c.heads, preps=preps, objects=objects)]
    if any(x is best for x, _ in usable):
        return best
    return min(usable, key=lambda o: abs(o[1] - c.token.idx), default=(None, 0))[0]


def inherited_location(c: Candidate, date: DateRef | None, previous: tuple[int, int] | None,
                       earlier: list[Event], paragraphs: list[int],
                       table: ActorTable) -> Location | None:
    """The place of the meeting this one continues: the nearest earlier meeting
    in the same paragraph or in the sentence just before, with a party (or a
    party's country) in common, the same status and no other date ("They met
    in Oslo this week. [...] officials met with the envoy ..."). Conservative:
    the first earlier meeting decides, and without a shared party there is no place."""
    paragraph = bisect.bisect_right(paragraphs, c.token.idx)
    mine = party_keys(c.actors + c.recipients)
    for event in reversed(earlier):
        near = event.sentence == previous or \
            bisect.bisect_right(paragraphs, event.trigger.start) == paragraph
        if not near:
            return None
        if event.plover != "CONSULT" or event.location is None:
            continue
        theirs = party_keys([table.get(i) for i in event.actors + event.recipients])
        same_time = date is None or event.date is None or date.start == event.date.start
        ok = bool(mine & theirs) and event.status == c.status and same_time
        return event.location if ok else None
    return None


def party_keys(actors: list[Actor | None]) -> set[str]:
    return {key for a in actors if a for key in (a.id, a.country) if key}


def event_date(c: Candidate, dates: list[DateRef]) -> DateRef | None:
    tok = c.token
    best = date_for_span(dates, tok.idx, tok.idx + len(tok), *c.sentence)
    return setting(c, best, [(d, d.char_start, d.char_end) for d in dates], preps=None)


def plain_location(place: Location) -> Location:
    return Location(place.name, place.country, place.lat, place.lon, place.start, place.end)
