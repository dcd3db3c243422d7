"""Find event triggers: verbs and event nouns listed in triggers.en.tsv whose
requirements (a preposition, a particle, an object of some class ...) hold,
and what each event is about (which refines its CAMEO code)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Actor
from .actortable import ActorTable
from .events_lexicon import Trigger, classes, cue, topics, triggers
from .events_roles import RELATIVE_PRONOUNS, agent_like, agent_of, antecedent, for_clause, \
    for_clauses, light_verb, phrase_actors, prep_objects, stray_conjunct, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "agent", "advcl", "relcl",
                              "conj", "cc", "punct", "parataxis", "mark", "aux", "auxpass", "neg",
                              "advmod", "npadvmod", "prt"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOUN_PARTICIPANT_PREPS = frozenset({"by", "with", "between", "among", "to", "against", "from"})


@dataclass(slots=True)
class Candidate:
    """An event before it gets its id, place and date."""

    token: Token  # the trigger
    kind: str  # "V", "N" or "frame"
    plover: str
    mode: str | None
    cameo: str
    actors: list[Actor]
    recipients: list[Actor]
    status: str
    sentence: tuple[int, int]
    content: set[int] = field(default_factory=set)  # token indices of what it is about
    heads: set[int] = field(default_factory=set)  # tokens its place and date phrases hang on
    inferred: bool = False  # a party taken from an earlier event


def match_trigger(tok, table: ActorTable) -> Trigger | None:
    """The first trigger row for this token whose requirements hold."""
    if tok.pos_ not in ("VERB", "NOUN"):
        return None
    pos = "V" if tok.pos_ == "VERB" else "N"
    for trigger in triggers().get((pos, tok.lemma_.lower()), ()):
        if all(any(holds(req, tok, table) for req in group) for group in trigger.requires):
            return trigger
    return None


def token_actor_free(tok, table: ActorTable) -> bool:
    """A word inside an actor's name ("the Six-Party Talks", "Occupy Wall Street")
    is no trigger."""
    return table.actor_at(tok.idx, tok.idx + len(tok)) is None


def direct_object(tok):
    dep = "nsubjpass" if any(c.dep_ == "auxpass" for c in tok.children) else "dobj"
    return next((c for c in tok.children if c.dep_ == dep), None)


def object_words(obj) -> list:
    """An object and the words that say what it is: its compounds and its "of",
    "in" or "for" object ("emergency measures", "a state of emergency", "mediation
    efforts", "$5 million in aid")."""
    if obj is None:
        return []
    words = [obj] + [c for c in obj.lefts if c.dep_ == "compound"]
    return words + [p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "for")
                    for p in c.children if p.dep_ == "pobj"]


def names_party(obj, table: ActorTable) -> bool:
    """Whether an object names a visiting party: a person or a country, or a
    delegation, minister, envoy ... ("hosted the delegation", not "hosted the secretariat")."""
    if obj is None:
        return False
    actor = table.actor_at(obj.idx, obj.idx + len(obj))
    if actor is not None:
        return actor.kind in ("person", "country")
    return obj.lemma_.lower() in classes()["visitors"]


def about(tok, words: frozenset[str]) -> bool:
    """Whether an infinitive or a "to"/"for" phrase on the word is about one of
    these words, or goes "to" a place ("invited X to visit", "to open talks",
    "to the summit", "to Oslo")."""
    for child in tok.children:
        if child.dep_ == "xcomp" and (child.lemma_.lower() in words or any(
                obj.dep_ == "dobj" and obj.lemma_.lower() in words for obj in child.children)):
            return True
        if child.dep_ == "prep" and child.lower_ in ("to", "for"):
            for pobj in child.children:
                place = child.lower_ == "to" and pobj.ent_type_ in PLACE_LABELS
                if place or pobj.lemma_.lower() in words:
                    return True
    return False


def parties_of(objects, table: ActorTable) -> bool:
    """Whether one of these phrases names a person or a country."""
    return any(a.kind in ("person", "country") for obj in objects for a in phrase_actors(obj, table))


def class_object(tok, arg: str) -> bool:
    """ "prep:CLASS": the object of the preposition is in the class ("on the phone")."""
    prep, _, name = arg.partition(":")
    return any(antecedent(obj).lemma_.lower() in classes()[name]
               for obj in prep_objects(tok, frozenset({prep})))


def place_object(tok, prep: str) -> bool:
    """The object of the preposition is a place or a territory ("from Syria", "from the region")."""
    return any(obj.ent_type_ in PLACE_LABELS or obj.lemma_.lower() in classes()["territory"]
               for obj in prep_objects(tok, frozenset({prep})))


def holds(req: str, tok, table: ActorTable) -> bool:
    """Whether one requirement of triggers.en.tsv holds for this token."""
    kind, _, arg = req.partition(":")
    found = holds_on_phrases(kind, arg, tok, table)
    if found is not None:
        return found
    deps = {c.dep_ for c in tok.children}
    if kind == "prep":
        return any(c.dep_ in ("prep", "agent") and c.lower_ == arg for c in tok.children)
    if kind == "prt":
        return any(c.dep_ == "prt" and c.lower_ == arg for c in tok.children)
    if kind == "mod":
        return any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() == arg
                   for c in tok.lefts)
    if kind == "obj":
        obj = direct_object(tok)
        return obj is not None and obj.lemma_.lower() in classes()[arg]
    if kind == "objx":
        return any(w.lemma_.lower() in classes()[arg] for w in object_words(direct_object(tok)))
    if kind == "obj-actor":
        return bool(phrase_actors(direct_object(tok), table))
    if kind == "obj-party":
        return names_party(direct_object(tok), table)
    if kind == "prep-actor":
        return any(phrase_actors(t, table) for t in prep_objects(tok, frozenset({arg})))
    if kind == "obj-place":
        obj = direct_object(tok)
        return obj is not None and antecedent(obj).ent_type_ in PLACE_LABELS
    if kind == "obj-person":
        return any(a.kind == "person" for a in phrase_actors(direct_object(tok), table))
    if kind == "subj-actor":
        subj, passive = subject(tok)
        doer = agent_of(tok) if passive else [subj]
        return any(phrase_actors(t, table) for t in doer if t is not None)
    if kind == "comp":
        return about(tok, classes()[arg])
    if kind == "not-report":
        return not (tok.head.i != tok.i and tok.head.lemma_.lower() in cue("report_verb"))
    if kind == "passive":
        return "auxpass" in deps
    if kind == "copula":  # "X is opposed to", not "as opposed to", nor "the crimes were committed"
        copular = any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in tok.children) or \
            (tok.dep_ == "acomp" and tok.head.lemma_ == "be")
        subj = subject(tok)[0] if copular else None
        return subj is not None and bool(phrase_actors(subj, table))
    if kind == "not-pobj":
        return not (tok.dep_ == "pobj" and tok.head.lower_ == arg)
    if kind == "no-dobj":
        return "dobj" not in deps
    if kind == "plural":
        return tok.tag_ in ("NNS", "NNPS")
    return kind in deps  # dobj, xcomp, ccomp


def holds_on_phrases(kind: str, arg: str, tok, table: ActorTable) -> bool | None:
    """The requirements on the trigger's phrases and clauses ("prep-party:to",
    "for-clause", "light:express" ...); None for a kind this does not know."""
    if kind == "prep-party":
        return parties_of(prep_objects(tok, frozenset({arg})), table)
    if kind == "prep-class":
        return class_object(tok, arg)
    if kind == "prep-place":
        return place_object(tok, arg)
    if kind == "subj-class":
        subj = subject(tok)[0]
        return subj is not None and subj.lemma_.lower() in classes()[arg]
    if kind == "obj-agent":
        return agent_like(direct_object(tok), table)
    if kind == "for-clause":
        return bool(for_clauses(tok))
    if kind == "to-clause":
        return any(c.dep_ in ("advcl", "xcomp") and
                   any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                   for c in tok.children)
    if kind == "light":  # a support verb, any or the one named
        if not arg:
            return light_verb(tok) is not None
        return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() == arg
    return None


def content_tokens(tok, trigger: Trigger) -> list:
    """What the event is about: its objects and complements ("refused to answer the invitation")."""
    out = []
    for child in tok.children:
        if child.i < tok.i and not any(t.lower_ in RELATIVE_PRONOUNS for t in child.subtree):
            continue  # what an event is about follows it, unless relativised ("from which ...")
        if trigger.pos == "V" and child.dep_ in PARTICIPANT_DEPS and not for_clause(child):
            continue  # but "called for X to lift the blockade" asks for the lifting
        if trigger.pos == "N" and (child.dep_ not in ("prep", "acl")
                                   or child.lower_ in NOUN_PARTICIPANT_PREPS):
            continue
        out.extend(asserted_free(child))
    return out


def asserted_free(tok) -> list:
    """The subtree without its relative and participial clauses, which state facts
    of their own ("agreed to return to the 2005 deal, where X agreed to disarm",
    "called for records relating to aid"), and without a finite verb the parser
    hung under an infinitive ("urged X to reconsider and spoke with Y")."""
    apart = {t.i for r in tok.subtree if r.dep_ == "relcl" or stray_conjunct(r)
             or (r.dep_ == "acl" and r.tag_ in ("VBG", "VBN") and r.i != tok.i)
             for t in r.subtree}
    return [t for t in tok.subtree if t.i not in apart]


def refine(cameo: str, mode: str | None, content: list) -> tuple[str | None, str | None]:
    """A finer CAMEO code (and mode) from what the event is about, read in text
    order ("seeks recognition ... and talks" is about recognition); None drops it."""
    rows = topics().get(cameo, ())
    for tok in sorted(content, key=lambda t: t.i):
        tok = antecedent(tok)
        if tok.pos_ == "ADJ":  # "free trade" is about trade, not a release
            continue
        words = {tok.lemma_.lower(), tok.lower_}
        topic = next((row for row in rows if row.lemmas & words), None)
        if topic is not None:
            return topic.cameo, topic.mode or mode
    return cameo, mode
