"""Who did it and to whom: the actors and recipients of one trigger.

For a verb, the subject acts and the objects and "with"/"to"/"against" phrases
receive; passives and hosts are turned round, a thing's owner is the target of
what is done to it ("denounced the pact between X and Y", "declined X's
offer"), and a request in a gerund goes to whom the letter was written. For an
event noun, its modifiers and "by"/"between" phrases act, its support verb's
subject too ("held talks"), and clauses on it say who did it ("the attack,
carried out by X", "the attacks that X took part in").
"""

from __future__ import annotations

from ..records import Actor
from .actortable import ActorTable
from .events_lexicon import Trigger, classes, cue
from .events_roles import NOUN_ACTOR_PREPS, RELATIVE_PRONOUNS, agent_of, agentive, for_clauses, \
    group_actors, left_modifier_actors, light_verb, phrase_actors, prep_objects, subject, unique, \
    verb_subject_actors

VERB_RECIPIENT_PREPS = frozenset({"with", "to", "against"})
NOUN_GROUP_PREPS = frozenset({"between", "among", "amongst"})
NOUN_RECIPIENT_PREPS = frozenset({"with", "to", "against"})
PARTICIPATION_PREPS = frozenset({"in", "at"})
OWNED_TYPES = frozenset({"REJECT", "REQUEST", "ACCUSE", "COERCE", "SANCTION", "THREATEN"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})


def absolute_with(token) -> bool:
    """ "banned X, with officials saying ...": a "with" phrase whose noun has its own
    participle is a circumstance, not a party."""
    return token.head.lower_ == "with" and any(
        c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") for c in token.children)


def verb_participants(verb, trigger: Trigger, table: ActorTable) -> tuple[list[Actor], list[Actor]]:
    """(actors, recipients) of a verb trigger; passives and hosts are turned round."""
    subj_actors, passive = verb_subject_actors(verb, table)
    passive = passive and not trigger.stative
    object_deps = ("dative",) if trigger.content else ("dobj", "dative")
    objects = [c for c in verb.children if c.dep_ in object_deps]
    objects += [t for t in prep_objects(verb, VERB_RECIPIENT_PREPS | trigger.recipient_preps)
                if not absolute_with(t)]
    if trigger.content:  # "restored relations with X", "cut ties with X"
        objects += [t for obj in verb.children if obj.dep_ in ("dobj", "prep")
                    for t in prep_objects(obj, frozenset({"with"}) | trigger.recipient_preps)
                    + prep_objects_of_prep(obj, frozenset({"with"}))]
    others = [a for tok in objects for a in phrase_actors(tok, table)]
    if trigger.ccomp_subject:  # "demanded that X withdraw", "alleged X had ...", not "X was hurt"
        others += [a for c in verb.children if c.dep_ == "ccomp" and not subject(c)[1]
                   for a in agentive(subject(c)[0], table)]
    if trigger.plover == "REQUEST":  # "called for X to ..."
        others += [a for c in for_clauses(verb) for a in agentive(subject(c)[0], table)]
    if trigger.plover in OWNED_TYPES:
        others += [a for obj in verb.children if obj.dep_ == "dobj"
                   for a in owners(obj, table, left=trigger.content)]
    if trigger.plover == "REQUEST":  # "called for X's resignation", "for G7 action"
        others += [a for obj in prep_objects(verb, frozenset({"for", "on"}))
                   if obj.lemma_.lower() in classes()["owed"] for a in owners(obj, table, left=True)]
    if passive:
        actors = [a for tok in agent_of(verb) for a in phrase_actors(tok, table)] or \
            statement_authors(verb, table)
        recipients = subj_actors + others
    else:
        actors, recipients = subj_actors, others or addressee(verb, table)
    return _split(actors, recipients)


def owners(noun, table: ActorTable, *, left: bool) -> list[Actor]:
    """Whose a thing is: "the pact between X and Y", "the proclamation by X", and
    with ``left`` "X's offer", "the Iranian proposal"."""
    nouns = [noun] + prep_objects(noun, frozenset({"of"}))  # "the memoranda of understanding between"
    found = [a for n in nouns for tok in prep_objects(n, frozenset({"by", "between"}))
             for a in group_actors(tok, table)]
    return found + (left_modifier_actors(noun, table) if left else [])


def statement_authors(verb, table: ActorTable) -> list[Actor]:
    """ "was condemned in a joint statement by X": X condemned it."""
    return [a for noun in prep_objects(verb, frozenset({"in"}))
            for tok in prep_objects(noun, NOUN_ACTOR_PREPS) for a in phrase_actors(tok, table)]


def addressee(verb, table: ActorTable) -> list[Actor]:
    """ "wrote to X asking ...": the request in the gerund goes to X."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") \
            or head.lemma_.lower() not in cue("address_verb"):
        return []
    return [a for tok in prep_objects(head, frozenset({"to"})) for a in phrase_actors(tok, table)]


def prep_objects_of_prep(prep, preps: frozenset[str]) -> list:
    """ "entered into a pact with X": the "with" phrase on the object of a preposition."""
    if prep.dep_ != "prep":
        return []
    return [t for pobj in prep.children if pobj.dep_ == "pobj" for t in prep_objects(pobj, preps)]


def noun_participants(noun, trigger: Trigger, table: ActorTable) -> tuple[list[Actor], list[Actor]]:
    """(actors, recipients) of an event noun, with its support verb's subject."""
    violent = trigger.plover in VIOLENT_TYPES
    actors = left_modifier_actors(noun, table, places=not violent)
    group_preps = NOUN_GROUP_PREPS | ({"of"} if trigger.plover == "CONSULT" else set())
    actors += [a for tok in prep_objects(noun, NOUN_ACTOR_PREPS) for a in phrase_actors(tok, table)]
    actors += [a for tok in prep_objects(noun, group_preps) for a in group_actors(tok, table)]
    recipient_preps = (NOUN_RECIPIENT_PREPS - ({"with"} if violent else set())) \
        | trigger.recipient_preps
    recipients = [a for tok in prep_objects(noun, recipient_preps)
                  for a in phrase_actors(tok, table)]
    for found_actors, found_recipients in (clause_participants(noun, table),
                                           setting_clause_participants(noun, table)):
        actors += found_actors
        recipients += found_recipients
    if trigger.plover == "CONSULT":  # not "X died in the attack", "X was named in a lawsuit"
        actors += setting_subject_actors(noun, table)
    verb = light_verb(noun)
    if verb is not None:
        if noun.dep_ == "nsubjpass":
            actors += [a for tok in agent_of(verb) for a in phrase_actors(tok, table)]
        else:
            actors += verb_subject_actors(verb, table)[0]
        recipients += [a for tok in prep_objects(verb, recipient_preps)
                       for a in phrase_actors(tok, table)]
    return _split(actors, recipients)


def clause_participants(noun, table: ActorTable) -> tuple[list[Actor], list[Actor]]:
    """Who a clause on an event noun names: "the attack, carried out by X", "an
    attack ascribed to X", "a call made by X to Y", "the attacks that X took part
    in", "missiles targeting Y"."""
    actors: list[Actor] = []
    recipients: list[Actor] = []
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            actors += [a for tok in agent_of(clause) for a in phrase_actors(tok, table)]
            ascribed = clause.lemma_.lower() in cue("ascribe_verb")  # "an attack ascribed to X"
            found = [a for tok in prep_objects(clause, NOUN_RECIPIENT_PREPS)
                     for a in phrase_actors(tok, table)]
            actors, recipients = (actors + found, recipients) if ascribed else \
                (actors, recipients + found)
        elif clause.dep_ == "acl" and clause.lemma_.lower() == "target":
            recipients += [a for obj in clause.children if obj.dep_ == "dobj"
                           for a in phrase_actors(obj, table)]
        elif clause.dep_ == "relcl" and clause.lemma_.lower() in cue("perform_verb"):
            subj, passive = subject(clause)
            if not passive and subj is not None and subj.lower_ not in RELATIVE_PRONOUNS:
                actors += phrase_actors(subj, table)
    return actors, recipients


def setting_clause_participants(noun, table: ActorTable) -> tuple[list[Actor], list[Actor]]:
    """ "X is under sanctions": X is their target; "placed X under house arrest":
    the subject does it to X."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head.pos_ not in ("VERB", "AUX"):
        return [], []
    verb = prep.head
    subj_actors = verb_subject_actors(verb, table)[0]
    if verb.lemma_.lower() == "be":
        return [], subj_actors
    objects = [a for obj in verb.children if obj.dep_ == "dobj" for a in phrase_actors(obj, table)]
    return subj_actors, objects


def setting_subject_actors(noun, table: ActorTable) -> list[Actor]:
    """Who takes part in the event a clause is set in: "X said in a meeting with Y",
    "X spoke at the summit"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in PARTICIPATION_PREPS or prep.head.pos_ != "VERB":
        return []
    found, passive = verb_subject_actors(prep.head, table)
    return [] if passive else found  # "X was killed in an attack": X is no attacker


def _split(actors: list[Actor], recipients: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    actors = unique(actors)
    ids = {a.id for a in actors}
    return actors, [r for r in unique(recipients) if r.id not in ids]
