"""events: PLOVER/CAMEO events with actors, recipients, place, date, status.

Every event rests on a trigger in the text: a verb or an event noun listed in
``data/events/triggers.en.tsv`` ("met", "visit to X by Y", "held talks",
"refused", "sanctions on X"), or a stated precondition ("talks can only resume
after X returns" is a demand on X). There is no default code: no trigger, no
event; and an event whose trigger names neither an actor nor a recipient is
dropped.

- Actors come from the subject, recipients from the object and from "with",
  "to", "against" phrases; passives and hosts are turned round. A meeting of
  several parties is one event with lists, never N x N dyads. Subjects the
  actors table leaves open ("they", "the ministers", "the embassy", "I" in a
  quotation) are resolved for events only (``events_anaphora``); a thing's
  owner is the target of what is done to it ("denounced the pact between X and
  Y", "declined X's offer").
- Earlier events fill in a missing target (``events_context``): a refusal of
  "the request" answers whoever made it, "condemned the operation" targets who
  carried it out, "Turkish airstrikes" continue Turkey's offensive into Syria.
- Words that look like events and are not: a title ("envoy for Ukraine
  negotiations"), a state ("the party is banned"), what a rule asks ("NATO
  guidelines call for 2%"), a speech to a think tank, one person meeting no one.
  "Ready to provide aid" is an offer (AGREE); "ready to impose martial law" is
  a planned hostile act (a threat, as CAMEO codes it: ``cable.suites.conventions``).
- What an event is about refines its code ("refused to answer the invitation"
  is 125, reject a proposal to meet); a trigger inside what another one asks
  for, offers, threatens or refuses is folded into it ("urged X to attack").
- ``quad_class`` and ``goldstein`` are GDELT's (see ``cable.ontology`` for the
  ICEWS and Phoenix variants); mode and context fall back to CAMEO2PLOVER.
- Place and date come from the places and dates stages, kept only when they
  hang on the event itself (``events_setting``). A meeting whose sentence
  names no place may take the place of the meeting it continues: the nearest
  earlier one in the same paragraph or the sentence before, with a party in
  common (at a lower confidence).
"""

from __future__ import annotations

import re

from .. import ontology
from ..records import DateRef, Event, Location, Span
from .actortable import ActorTable
from .events_anaphora import resolve_references
from .events_context import link_earlier
from .events_lexicon import classes, cue, trigger_words, words_by_sentence
from .events_parties import noun_participants, verb_participants
from .events_roles import agent_like, phrase_actors, prep_objects, subject, verb_subject_actors
from .events_setting import event_date, event_heads, event_location
from .events_status import event_status
from .events_triggers import Candidate, asserted_free, content_tokens, match_trigger, refine, \
    token_actor_free

FOLDING_TYPES = frozenset({"REQUEST", "AGREE", "THREATEN", "REJECT"})
PRESUPPOSING_TYPES = frozenset({"ACCUSE", "SUPPORT", "PROTEST"})  # "condemned the attack"
STATE_TYPES = frozenset({"COERCE", "SANCTION", "SUPPORT"})
HOSTILE_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "MOBILIZE", "PROTEST"})  # readiness is no offer  # "is banned", "is recognized"
CONDITION_MARKS = frozenset({"after", "once", "if", "when", "until", "unless"})
CONFIDENCE = {"V": 0.8, "N": 0.65, "frame": 0.5}
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def find_events(doc, actors: ActorTable, places: list[Location],
                dates: list[DateRef]) -> list[Event]:
    """Events in the document, in text order, ids e1, e2, ..."""
    candidates: list[Candidate] = []
    previous: dict[int, tuple[int, int] | None] = {}  # sentence start -> the sentence before
    last = None
    text = doc.text
    resolved = resolve_references(doc, actors, text)
    for sent, words in words_by_sentence(doc, trigger_words()):
        found = sentence_events(sent, words, resolved, actors) if words else []
        if found:
            previous[found[0].sentence[0]] = last
            candidates.extend(found)
        last = sentence_bounds(sent)
    paragraphs = [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    candidates.sort(key=lambda c: c.token.idx)
    link_earlier(candidates)
    events: list[Event] = []
    for c in candidates:
        date = event_date(c, dates)
        location, inherited = event_location(c, places, dates=(date, previous.get(c.sentence[0])),
                                             earlier=events, paragraphs=paragraphs, table=actors)
        events.append(make_event(f"e{len(events) + 1}", c, location, inherited, date))
    return events


def sentence_events(sent, words: list, table: ActorTable, base: ActorTable) -> list[Candidate]:
    """The events of one sentence, after folding and merging. ``words`` are its
    tokens that may be triggers; ``table`` has the references resolved; a word
    inside a name of ``base`` is no trigger."""
    found = [c for tok in words if (c := trigger_event(tok, sent, table, base))]
    found += conditional_demands(sent, words, table)
    return merge([c for c in fold(found) if (c.actors or c.recipients) and not interview(c)
                  and not lone_meeting(c, table)])


def lone_meeting(c: Candidate, table: ActorTable) -> bool:
    """ "when I meet someone like him", "she meets the requirement": one person
    meeting no one is no event; "met with world leaders" is one, and so are a
    negotiation and a phone call, which have a counterpart."""
    if c.cameo != "040" or c.kind != "V" or c.recipients or len(c.actors) != 1 \
            or c.actors[0].kind != "person":
        return False
    met = [d for d in c.token.children if d.dep_ == "dobj"]
    met += prep_objects(c.token, frozenset({"with", "to"}))
    return not any(agent_like(tok, table) for tok in met)


def interview(c: Candidate) -> bool:
    """A "meeting" with a news outlet ("spoke with Reuters") is an interview, no event."""
    return c.plover == "CONSULT" and any(a.sector == "MED" for a in c.actors + c.recipients)


def trigger_event(tok, sent, table: ActorTable, base: ActorTable) -> Candidate | None:
    trigger = match_trigger(tok, table)
    if trigger is None or trigger.plover == "-" or not token_actor_free(tok, base) \
            or no_event(tok, trigger):
        return None
    if trigger.pos == "V":
        actors, recipients = verb_participants(tok, trigger, table)
    else:
        actors, recipients = noun_participants(tok, trigger, table)
    content = content_tokens(tok, trigger)
    plover, cameo, mode, status = trigger.plover, trigger.cameo, trigger.mode, event_status(tok)
    readiness = offered(tok)
    if readiness is not None and plover in HOSTILE_TYPES:  # "ready to impose martial law"
        status = "planned" if event_status(readiness.head) in ("occurred", "planned") else status
    elif readiness is not None:  # "stands ready to provide help": an offer of help
        plover, cameo, mode, status = "AGREE", "030", None, event_status(readiness.head)
        content = [tok] + content
    cameo, mode = refine(cameo, mode, content)
    if cameo is None:
        return None
    return Candidate(tok, trigger.pos, plover, mode, cameo, actors, recipients, status,
                     sentence_bounds(sent), {t.i for t in content}, event_heads(tok, trigger))


def no_event(tok, trigger) -> bool:
    """Words that look like an event and are not one: a title ("the envoy for
    Ukraine negotiations"), a state ("the party is banned"), what a rule asks
    for ("NATO guidelines call for 2%")."""
    if trigger.pos == "N":
        prep = tok.head
        return tok.dep_ == "pobj" and prep.lower_ in ("for", "on", "to") \
            and prep.head.lemma_.lower() in classes()["roles"]
    children = list(tok.children)
    stative = trigger.plover in STATE_TYPES \
        and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in children) \
        and not any(c.dep_ in ("aux", "agent") for c in children)
    subj = subject(tok)[0]
    ruled = trigger.plover == "REQUEST" and subj is not None \
        and subj.lemma_.lower() in classes()["norms"]
    return stative or ruled


def offered(tok):
    """The "ready"/"willing" an infinitive hangs on, if it does (for an event
    noun, the infinitive it is the object of: "ready to impose martial law")."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        tok = tok.head
    head = tok.head
    if tok.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_.lower() in cue("offer_adjective"):
        return head
    return None


def conditional_demands(sent, words: list, table: ActorTable) -> list[Candidate]:
    """ "X maintains that talks can only resume after Y returns": X demands of Y."""
    found = []
    for verb in words:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in cue("condition_verb"):
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            condition = condition_clause(clause)
            if condition is None:
                continue
            cameo, mode = refine("100", None, asserted_free(condition))
            actors = verb_subject_actors(verb, table)[0]
            ids = {a.id for a in actors}
            recipients = [a for a in phrase_actors(subject(condition)[0], table) if a.id not in ids]
            found.append(Candidate(verb, "frame", "REQUEST", mode, cameo or "100", actors,
                                   recipients, event_status(verb), sentence_bounds(sent),
                                   {t.i for t in asserted_free(clause)}, {verb.i}))
    return found


def condition_clause(clause):
    """The "only after Y ..." / "unless Y ..." clause of a stated precondition, if any."""
    only = any(c.lower_ == "only" for c in clause.children)
    negated = any(c.dep_ == "neg" for c in clause.children)
    for advcl in (c for c in clause.children if c.dep_ == "advcl"):
        marks = {m.lower_ for m in advcl.children if m.dep_ == "mark"} & CONDITION_MARKS
        only_here = only or any(c.lower_ == "only" for c in advcl.children)
        if "unless" in marks or (marks and only_here) or ("until" in marks and negated):
            return advcl
    return None


def sentence_bounds(sent) -> tuple[int, int]:
    """Where the sentence starts and where its last word ends."""
    doc = sent.doc
    i = sent.end - 1
    while i > sent.start and doc[i].is_space:
        i -= 1
    last = doc[i]
    return sent.start_char, last.idx + len(last)


def fold(found: list[Candidate]) -> list[Candidate]:
    """Drop triggers that are only what another event asks for, offers,
    threatens or refuses ("urged X to meet Y", "demanded talks")."""
    def folded(inner: Candidate) -> bool:
        return any(inner.token.i in outer.content and folds_into(inner, outer)
                   for outer in found if outer is not inner)
    return [c for c in found if not folded(c)]


def folds_into(inner: Candidate, outer: Candidate) -> bool:
    if outer.plover in FOLDING_TYPES or inner.plover == outer.plover:
        return True
    return inner.kind == "N" and outer.plover not in PRESUPPOSING_TYPES


def merge(found: list[Candidate]) -> list[Candidate]:
    """One event per happening in a sentence: of two events of one type whose
    parties are one a subset of the other's, keep the fuller (or the verb)."""
    def parties(c: Candidate) -> set[str]:
        return {a.id for a in c.actors + c.recipients}

    def weaker(a: Candidate, b: Candidate) -> bool:
        if a.plover != b.plover or not parties(a) <= parties(b):
            return False
        return parties(a) < parties(b) or CONFIDENCE[a.kind] < CONFIDENCE[b.kind] or \
            (CONFIDENCE[a.kind] == CONFIDENCE[b.kind] and a.token.i > b.token.i)
    return [c for c in found if not any(weaker(c, o) for o in found if o is not c)]


def trigger_span(tok) -> Span:
    """The trigger word, with an adjacent particle ("hung out")."""
    last = next((c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1), tok)
    return Span(tok.idx, last.idx + len(last), tok.doc[tok.i:last.i + 1].text)


def make_event(event_id: str, c: Candidate, location: Location | None, inherited: bool,
               date: DateRef | None) -> Event:
    coding = ontology.plover_for_cameo(c.cameo)
    table_mode = coding.mode if coding and ontology.is_plover_mode(c.plover, coding.mode or "") \
        else None
    mode = c.mode or multilateral(c) or table_mode
    contexts = [x for x in (coding.context if coding else ()) if x in ontology.plover_contexts()]
    return Event(
        id=event_id, plover=c.plover, mode=mode, context=contexts, cameo=c.cameo,
        quad_class=ontology.quad_class(c.cameo), goldstein=ontology.goldstein(c.cameo),
        actors=[a.id for a in c.actors], recipients=[a.id for a in c.recipients],
        location=location, date=date, status=c.status, trigger=trigger_span(c.token),
        sentence=c.sentence, confidence=confidence(c, location is not None and inherited),
    )


def multilateral(c: Candidate) -> str | None:
    """PLOVER's "multilateral" mode for a meeting of three or more countries."""
    countries = {a.country for a in c.actors + c.recipients if a.country}
    return "multilateral" if c.plover == "CONSULT" and len(countries) >= 3 else None


def confidence(c: Candidate, inherited_place: bool) -> float:
    """Lower for event nouns and stated preconditions, missing actors or
    recipients, meetings with one known party, and a place or a party taken
    from an earlier sentence."""
    score = CONFIDENCE[c.kind]
    if not c.actors:
        score -= 0.15
    if c.plover == "CONSULT" and len(c.actors) + len(c.recipients) < 2:
        score -= 0.1  # a meeting with one known party
    plover_type = ontology.plover_types().get(c.plover)
    if plover_type and plover_type.requires_recipient and not c.recipients:
        score -= 0.1
    if inherited_place:
        score -= 0.1
    if c.inferred:
        score -= 0.1
    return round(max(score, 0.1), 2)
