"""What earlier events in an article say about a later one's parties.

- A refusal of "the request" or "the offer" that names no one to refuse is
  addressed to whoever made the nearest request or offer, in its sentence or
  the two before ("X urged Y to waive it. Y declined the request").
- "condemned the operation", "opposed the withdrawal": the target is whoever
  carried out the nearest earlier event of that kind (an attack for "the
  operation", "the offensive"; a withdrawal for "the withdrawal").
- An attack with an attacker and no target ("Turkish airstrikes") takes the
  target of the nearest earlier attack by the same attacker.

Parties found this way lower the event's confidence.
"""

from __future__ import annotations

from .events_lexicon import classes, triggers
from .events_triggers import Candidate, direct_object

ANSWERABLE = frozenset({"request", "demand", "call", "appeal"})
ASKING_TYPES = frozenset({"REQUEST", "AGREE"})
REACTING_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST", "SUPPORT"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
REQUEST_WINDOW = 2  # sentences with events before
REACTION_WINDOW = 4


def link_earlier(candidates: list[Candidate]) -> None:
    """Fill in missing recipients from earlier events (``candidates`` in text order)."""
    starts = sorted({c.sentence[0] for c in candidates})
    for n, c in enumerate(candidates):
        if c.recipients:
            continue
        before = candidates[:n]
        found = answered(c, before, starts) or reacted_to(c, before, starts) or \
            continued(c, before)
        ids = {a.id for a in c.actors}
        recipients = [a for a in found if a.id not in ids]
        if recipients:
            c.recipients, c.inferred = recipients, True


def answered(c: Candidate, before: list[Candidate], starts: list[int]) -> list:
    """The makers of the request or offer a refusal answers ("refused to answer
    that invitation", "declined the request")."""
    doc = c.token.doc
    words = {doc[i].lemma_.lower() for i in c.content}
    if c.plover != "REJECT" or not words & (classes()["proposal"] | ANSWERABLE):
        return []
    first = starts[max(0, starts.index(c.sentence[0]) - REQUEST_WINDOW)]
    made = [o for o in before if o.plover in ASKING_TYPES and o.sentence[0] >= first and o.actors]
    return made[-1].actors if made else []


def reacted_to(c: Candidate, before: list[Candidate], starts: list[int]) -> list:
    """The doers of "the operation" or "the withdrawal" an event reacts to: the
    nearest such event in the sentences before, if it names them."""
    obj = reaction_object(c)
    if obj is None:
        return []
    word = obj.lemma_.lower()
    kinds = VIOLENT_TYPES if word in classes()["violence"] else \
        {t.plover for t in triggers().get(("N", word), ())}
    first = starts[max(0, starts.index(c.sentence[0]) - REACTION_WINDOW)]
    done = [o for o in before if o.plover in kinds and o.sentence[0] >= first]
    return done[-1].actors if done else []


def reaction_object(c: Candidate):
    """What an accusation, refusal or protest is about, when it is a definite
    event noun with no one named in it ("the operation", not "Turkey's operation")."""
    if c.plover not in REACTING_TYPES or c.kind != "V":
        return None
    obj = direct_object(c.token)
    if obj is None:
        obj = next((p for prep in c.token.children if prep.dep_ == "prep"
                    and prep.lower_ in ("against", "on") for p in prep.children
                    if p.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "NOUN":
        return None
    lefts = list(obj.lefts)
    if not lefts or lefts[0].lower_ not in DEFINITE or any(t.dep_ == "poss" for t in lefts):
        return None
    return obj


def continued(c: Candidate, before: list[Candidate]) -> list:
    """The target of the earlier attack an attack with no target continues."""
    if c.plover != "ASSAULT" or not c.actors:
        return []
    mine = party_keys(c.actors)
    for o in reversed(before):
        if o.plover in VIOLENT_TYPES and o.recipients and mine & party_keys(o.actors):
            return o.recipients
    return []


def party_keys(actors: list) -> set[str]:
    return {key for a in actors for key in (a.id, a.country) if key}
