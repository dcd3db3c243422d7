"""Who did it and to whom: event participants read off the dependency parse.

A phrase is turned into actors through the ActorTable: the actor whose mention
covers the phrase's head ("Chinese Premier Wen Jiabao" -> Wen Jiabao), or else
the actors named inside the phrase ("U.S. and North Korean officials" -> both).
Conjuncts give lists. Relative pronouns stand for the noun they hang on.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Actor
from .actortable import ActorTable
from .events_lexicon import Trigger, cue

NOT_CORE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc",
                      "conj", "mark", "det", "case", "prep", "agent"})
CORE_PREPS = frozenset({"of", "from"})  # "officials from Japan", "the director of X"
VERB_RECIPIENT_PREPS = frozenset({"with", "to", "against"})
NOUN_ACTOR_PREPS = frozenset({"by"})
NOUN_GROUP_PREPS = frozenset({"between", "among", "amongst"})
NOUN_RECIPIENT_PREPS = frozenset({"with", "to", "against"})
PARTICIPATION_PREPS = frozenset({"in", "at"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "whose"})


def antecedent(tok):
    """The noun a relative pronoun stands for ("talks, from which X withdrew" -> talks)."""
    if tok.lower_ not in RELATIVE_PRONOUNS:
        return tok
    node = tok
    for _ in range(4):
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ == "ROOT":
            break
        node = node.head
    return tok


def core_tokens(head, *, top: bool = True) -> list:
    """The head and its modifiers, without clauses and most prepositional phrases.

    The head's own conjuncts are left out (``phrase_actors`` takes them one by
    one); conjuncts further down stay ("officials from Japan and China").
    """
    out = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in CORE_PREPS:
            out.append(child)
            out.extend(t for pobj in child.children for t in core_tokens(pobj, top=False))
        elif child.dep_ == "conj" and not top:
            out.extend(core_tokens(child, top=False))
        elif child.dep_ not in NOT_CORE:
            out.extend(core_tokens(child, top=False))
    return out


def _unique(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.id, actor)
    return list(seen.values())


def token_actor(tok, table: ActorTable) -> Actor | None:
    return table.actor_at(tok.idx, tok.idx + len(tok))


def actors_on_tokens(tokens: list, table: ActorTable) -> list[Actor]:
    """Actors with a mention starting inside one of these tokens, in text order."""
    if not tokens:
        return []
    ranges = [(t.idx, t.idx + len(t)) for t in tokens]
    start = min(s for s, _ in ranges)
    end = max(e for _, e in ranges)
    return _unique(actor for span, actor in table.mentions_in(start, end)
                   if any(s <= span.start < e for s, e in ranges))


def phrase_actors(tok, table: ActorTable) -> list[Actor]:
    """The actors a noun phrase names, one per conjunct where it can."""
    if tok is None:
        return []
    tok = antecedent(tok)
    found: list[Actor] = []
    for head in (tok, *tok.conjuncts):
        found.extend(head_actors(head, table))
    return _unique(found)


def head_actors(head, table: ActorTable) -> list[Actor]:
    """The actors whose mentions cover the phrase's head ("U.S. and North Korean
    officials" may hold two), else those named in its modifiers."""
    tokens = core_tokens(head)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    covering = [actor for span, actor in table.mentions_in(start, end)
                if span.start <= head.idx < span.end]
    if covering:
        return _unique(covering)
    actor = token_actor(head, table)
    if actor:
        return [actor]
    named = [a for c in head.children if c.dep_ == "appos" and token_actor(c, table)
             for a in phrase_actors(c, table)]
    return named or actors_on_tokens(tokens, table)  # "the general, Soleimani", "allies X and Y"


def subject(verb) -> tuple[object | None, bool]:
    """The verb's subject and whether it is a passive one (the patient)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child, False
        if child.dep_ == "nsubjpass":
            return child, True
    head = verb.head
    if verb.dep_ == "ROOT":
        return None, False
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        subj, head_passive = subject(head)
        passive = any(c.dep_ == "auxpass" for c in verb.children) or \
            (head_passive and verb.tag_ == "VBN")
        return subj, passive
    if verb.dep_ == "xcomp":
        return controller(verb), False
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON") and head.dep_ != "pobj":
        return head, verb.tag_ == "VBN"
    if (verb.dep_ == "pcomp" or (verb.dep_ == "acl" and verb.tag_ == "VBG")) \
            and head.dep_ in ("pobj", "prep"):
        return subject(governor(head))[0], False
    if verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        return subject(head)
    return None, False


def governor(tok):
    """The clause head a prepositional phrase hangs on ("was forceful in blaming" -> was)."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        node = node.head
    return node


def controller(verb):
    """Who does what an infinitive says: "invited X to visit" -> X, "plans to visit" -> subject."""
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):
        head = head.head
    if head.lemma_.lower() in cue("object_control"):
        obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None:
            return obj
    return subject(head)[0]


def prep_objects(tok, preps: frozenset[str]) -> list:
    return [pobj for prep in tok.children
            if prep.dep_ in ("prep", "agent") and prep.lower_ in preps
            for pobj in prep.children if pobj.dep_ in ("pobj", "pcomp")]


def agent_of(verb) -> list:
    return [pobj for a in verb.children if a.dep_ == "agent" for pobj in a.children
            if pobj.dep_ == "pobj"]


def verb_subject_actors(verb, table: ActorTable) -> tuple[list[Actor], bool]:
    """Actors of the verb's subject, with the gerund fallback ("making progress repairing ties")."""
    subj, passive = subject(verb)
    found = phrase_actors(subj, table)
    if not found and verb.tag_ == "VBG" and verb.dep_ in ("ccomp", "xcomp", "advcl", "acl"):
        subj, passive = subject(governor(verb.head))
        found = phrase_actors(subj, table)
    return found, passive


def verb_participants(verb, trigger: Trigger, table: ActorTable) -> tuple[list[Actor], list[Actor]]:
    """(actors, recipients) of a verb trigger; passives and hosts are turned round."""
    subj_actors, passive = verb_subject_actors(verb, table)
    object_deps = ("dative",) if trigger.content else ("dobj", "dative")
    objects = [c for c in verb.children if c.dep_ in object_deps]
    objects += prep_objects(verb, VERB_RECIPIENT_PREPS | trigger.recipient_preps)
    if trigger.content:  # "restored relations with X", "cut ties with X"
        objects += [t for obj in verb.children if obj.dep_ == "dobj"
                    for t in prep_objects(obj, frozenset({"with"}) | trigger.recipient_preps)]
    if trigger.ccomp_subject:
        objects += [subject(c)[0] for c in verb.children if c.dep_ == "ccomp"]
    others = [a for tok in objects for a in phrase_actors(tok, table)]
    if passive:
        actors = [a for tok in agent_of(verb) for a in phrase_actors(tok, table)]
        recipients = subj_actors + others
    else:
        actors, recipients = subj_actors, others
    if trigger.swap:
        actors, recipients = recipients, actors
    return _split(actors, recipients)


def light_verb(noun):
    """The support verb an event noun is the object of ("held talks", "sanctions were imposed")."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in cue("light_verb"):
        return head
    return None


def setting_subject_actors(noun, table: ActorTable) -> list[Actor]:
    """Who takes part in the event a clause is set in: "X said in a meeting with Y",
    "X spoke at the summit"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in PARTICIPATION_PREPS or prep.head.pos_ != "VERB":
        return []
    found, passive = verb_subject_actors(prep.head, table)
    return [] if passive else found  # "X was killed in an attack": X is no attacker


def left_modifier_actors(noun, table: ActorTable) -> list[Actor]:
    """Actors in the noun's left modifiers: "Wen's visit", "U.S.-North Korea talks"."""
    found: list[Actor] = []
    for child in noun.lefts:
        if child.dep_ == "poss":
            found.extend(phrase_actors(child, table))
        elif child.dep_ in ("compound", "amod", "nmod", "npadvmod"):
            found.extend(actors_on_tokens(list(child.subtree), table))
    return _unique(found)


def noun_participants(noun, trigger: Trigger, table: ActorTable) -> tuple[list[Actor], list[Actor]]:
    """(actors, recipients) of an event noun, with its support verb's subject."""
    actors = left_modifier_actors(noun, table)
    actors += [a for tok in prep_objects(noun, NOUN_ACTOR_PREPS | NOUN_GROUP_PREPS)
               for a in phrase_actors(tok, table)]
    recipient_preps = NOUN_RECIPIENT_PREPS | trigger.recipient_preps
    recipients = [a for tok in prep_objects(noun, recipient_preps)
                  for a in phrase_actors(tok, table)]
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


def _split(actors: list[Actor], recipients: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    actors = _unique(actors)
    ids = {a.id for a in actors}
    return actors, [r for r in _unique(recipients) if r.id not in ids]
