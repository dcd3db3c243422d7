"""CAMEO coding conventions for dyads (table: ``data/events/conventions.tsv``).

The pipeline records what the text says happened: "X will visit Y" is a
CONSULT whose status is "planned". CAMEO codes the statement itself, and the
dyads follow CAMEO:

- intent: a planned action is a stated intent, 03x (AGREE): "X will visit Y"
  is 036, "the rebels said they would release the hostages" 0353; a planned
  hostile action is a threat, 13x (THREATEN): "X will extend the curfew", and
  so is a possible one on a condition: "X may halt its mediation if ...".
- obligation: "X said (that) Y must/should/has to ..." is X's demand of Y, 10x
  (REQUEST), whether or not the clause has an event of its own ("must release
  the prisoners" is 1053, "must drop its barriers" 100).
- refusal: a negated future action is a refusal, 12x (REJECT): "X said it
  will not accept more refugees", "cannot accept"; so is a failure to act:
  "X and Y failed to reach an agreement" (127).
- statement: what CAMEO codes in its root 01 (``data/events/statements.tsv``):
  "X expressed condolences to Y" (018), "X said it is skeptical" (012), "X is
  considering sending aid" (014), "X rejected the accusations" (016). PLOVER has no type for these dyads.
- mutual: a two-sided act is coded both ways, each party an actor towards the
  other: "X telephoned Y" (041), "X negotiated with Y" (046), "X held talks with Y".

These apply only where events become CAMEO dyads (``coded_events``); the
pipeline's events keep their own type and status.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from ..ontology import plover_for_cameo
from ..pipeline.events_lexicon import classes, cue
from ..records import Event, Result

TABLE = Path(__file__).resolve().parent.parent / "data" / "events" / "conventions.tsv"
STATEMENTS = TABLE.with_name("statements.tsv")
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CONDITIONS = frozenset({"if", "unless"})
ABILITY = frozenset({"can", "ca"})
CLAUSES = frozenset({"acl", "relcl", "advcl"})


@dataclass(frozen=True, slots=True)
class Coding:
    """How one event (or one stated demand) is coded as dyads: actor ids, CAMEO code, PLOVER type."""

    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    cameo: str | None
    plover: str | None
    start: int  # where it is stated, for text order


@functools.cache
def conventions() -> dict[str, dict[str, str]]:
    """kind (intent, obligation, refusal) -> CAMEO code prefix -> the code it becomes."""
    table: dict[str, dict[str, str]] = {}
    with TABLE.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for row in rows:
            table.setdefault(row["kind"], {})[row["cameo"]] = row["code"]
    return table


@functools.cache
def statement_words() -> dict[str, dict[str, str]]:
    """kind (noun, adjective, verb, light) -> word -> CAMEO code."""
    table: dict[str, dict[str, str]] = {}
    with STATEMENTS.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"):
            table.setdefault(row["kind"], {})[row["word"]] = row["code"]
    return table


def convention_code(kind: str, cameo: str | None) -> str | None:
    """The code ``cameo`` takes under a convention: its longest listed prefix's."""
    codes = conventions().get(kind, {})
    for n in range(len(cameo or ""), 1, -1):
        if cameo[:n] in codes:
            return codes[cameo[:n]]
    return None


def recoded(event: Event, code: str) -> Coding:
    """The event's parties under a new CAMEO code (and its PLOVER type)."""
    plover = plover_for_cameo(code)
    return Coding(tuple(event.actors), tuple(event.recipients), code,
                  plover.event if plover else event.plover, event.trigger.start)


def event_coding(event: Event, statuses: frozenset[str], doc=None) -> Coding | None:
    """The dyad coding of one event: an intent, a refusal, or the event as it is
    when its status counts; None when it does not."""
    if event.status == "planned" and (code := convention_code("intent", event.cameo)):
        return recoded(event, code)
    if event.status == "hypothetical" and doc is not None and conditional(trigger_token(doc, event)) \
            and (code := convention_code("intent", event.cameo)) and code.startswith("13"):
        return recoded(event, code)
    if event.status == "negated" and doc is not None and refused(trigger_token(doc, event)) \
            and (code := convention_code("refusal", event.cameo)):
        return recoded(event, code)
    if event.status not in statuses:
        return None
    return Coding(tuple(event.actors), tuple(event.recipients), event.cameo, event.plover,
                  event.trigger.start)


def trigger_token(doc, event: Event):
    """The token the event's trigger starts at."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[0]


def clause_verb(tok):
    """The verb of the clause a trigger word is in ("hold" in "must hold talks")."""
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            return tok
        tok = tok.head
    return tok


def refused(tok) -> bool:
    """Is a negated event a refusal: in the future or said not to be possible ("will
    not accept", "said it would not meet", "cannot accept"), or failed ("failed to
    reach an agreement")?"""
    verb = clause_verb(tok)
    marks = cue("future_aux") | cue("reported_aux") | ABILITY
    if any(c.dep_ == "aux" and c.lower_ in marks for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cue("negating_word")


def conditional(tok) -> bool:
    """Does the trigger's clause carry its own condition ("... if X founders", "unless X ...")?"""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
               for c in clause_verb(tok).children)


def obligation_clause(verb):
    """The clause a verb states an obligation in ("Y must return", "Y has to leave"), or None."""
    if any(c.dep_ == "aux" and c.lower_ in cue("obligation_aux") for c in verb.children):
        return verb
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in cue("obligation_verb") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return head
    return None


def stated_demands(doc, result: Result, events: list[Event]) -> tuple[list[Coding], set[str]]:
    """Demands stated as obligations ("X said Y must ..."), and the ids of the
    events they take up (the event in the must-clause refines the code)."""
    found, used = [], set()
    for verb in (t for t in doc if t.pos_ in ("VERB", "AUX")):
        clause = obligation_clause(verb)
        if clause is None or clause.dep_ != "ccomp" or not declares(clause.head) or negated(clause):
            continue
        speakers = subject_actors(clause.head, result)
        targets = tuple(a for a in subject_actors(clause, result, ("nsubj",)) if a not in speakers)
        if not speakers or not targets:
            continue
        inner = [e for e in events if within(e, clause) and e.id not in used]
        code = convention_code("obligation", inner[0].cameo) if inner else None
        used.update(e.id for e in inner)
        found.append(Coding(speakers, targets, code or "100", "REQUEST", clause.head.idx))
    return found, used


def declares(verb) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in cue("report_verb") or lemma in cue("declare_verb")


def within(event: Event, clause) -> bool:
    """Is the event's trigger in the clause (and not in a clause of saying below it)?"""
    tokens = list(clause.subtree)
    return tokens[0].idx <= event.trigger.start < tokens[-1].idx + len(tokens[-1])


def subject_actors(verb, result: Result, deps=SUBJECTS) -> tuple[str, ...]:
    """Ids of the actors named in the verb's subject, in text order (a passive
    obligation, "X should be opened up", asks no one: ``deps`` leaves it out)."""
    ids = (a for subj in verb.children if subj.dep_ in deps for a in phrase_actor_ids(subj, result))
    return tuple(dict.fromkeys(ids))


def statement(tok, result: Result) -> Coding | None:
    """A public statement (CAMEO 01) a word makes, if it does: "expressed [condolences]
    to Y", "is [skeptical]", "is [considering] ..."; only with an actor saying it."""
    words, lemma = statement_words(), tok.lemma_.lower()
    code, verb = None, tok
    if tok.pos_ == "VERB" and lemma in words.get("verb", {}) and weighs_options(tok):
        code = words["verb"][lemma]
    elif tok.pos_ == "ADJ" and tok.dep_ == "acomp" and lemma in words.get("adjective", {}):
        code, verb = words["adjective"][lemma], tok.head
    elif tok.dep_ == "dobj" and tok.lower_ in words.get("noun", {}) \
            and tok.head.lemma_.lower() in words.get("light", {}):
        code, verb = words["noun"][tok.lower_], tok.head
    elif tok.dep_ == "dobj" and tok.lemma_.lower() in classes()["accusations"] \
            and tok.head.lemma_.lower() in words.get("denial", {}):
        code, verb = words["denial"][tok.head.lemma_.lower()], tok.head
    if code and negated(verb):
        return None
    speakers = subject_actors(verb, result) if code else ()
    if code and not speakers and verb.dep_ == "ccomp" and declares(verb.head):
        speakers = subject_actors(verb.head, result)  # "X said it is skeptical"
    if not speakers:
        return None
    addressees = tuple(a for p in list(verb.children) + list(tok.children)
                       if p.dep_ == "prep" and p.lower_ == "to"
                       for a in phrase_actor_ids(p, result) if a not in speakers)
    return Coding(speakers, tuple(dict.fromkeys(addressees)), code, None, verb.idx)


def weighs_options(verb) -> bool:
    """ "is considering sanctions", "would consider charging him": an option weighed,
    not a judgement ("considered himself an artist", "was considered the founder")."""
    if any(c.dep_ in ("auxpass", "oprd", "ccomp") for c in verb.children):
        return False
    return verb.tag_ == "VBG" or any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children)


def negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def phrase_actor_ids(tok, result: Result) -> tuple[str, ...]:
    """Ids of the actors named in a phrase (its subtree, less the clauses on it:
    "X, speaking to the BBC," names X)."""
    aside = {t.i for c in tok.subtree if c.dep_ in CLAUSES and c.i != tok.i for t in c.subtree}
    spans = [(t.idx, t.idx + len(t)) for t in tok.subtree if t.i not in aside]
    return tuple(a.id for a in result.actors
                 if any(m.start < end and start < m.end for m in a.mentions for start, end in spans))


def statements(doc, result: Result) -> list[Coding]:
    """The public statements of a text, in text order."""
    return [c for tok in doc if (c := statement(tok, result))]


def mutual_codings(coding: Coding, event: Event) -> list[Coding]:
    """A two-sided act (a telephone call, a negotiation, "held talks with") coded both ways:
    each party is an actor towards the other. Any other coding stays as it is."""
    two_sided = convention_code("mutual", coding.cameo) is not None or \
        event.trigger.text.lower() in cue("mutual_noun")
    if not (two_sided and coding.actors and coding.recipients):
        return [coding]
    back = Coding(coding.recipients, coding.actors, coding.cameo, coding.plover, coding.start)
    return [coding, back]


def codings(result: Result, statuses: frozenset[str], doc=None) -> list[Coding]:
    """All dyad codings of a result, in text order: stated demands and public
    statements (both with a parsed ``doc``) and the events under the conventions."""
    demands, used = stated_demands(doc, result, result.events) if doc is not None else ([], set())
    found = [m for e in result.events if e.id not in used and (c := event_coding(e, statuses, doc))
             for m in mutual_codings(c, e)]
    said = statements(doc, result) if doc is not None else []
    return sorted(demands + said + found, key=lambda c: c.start)
