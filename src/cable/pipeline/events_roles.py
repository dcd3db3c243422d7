"""Who a phrase names and who does what a verb says, read off the dependency parse.

A phrase is turned into actors through the ActorTable: the actor whose mention
covers the phrase's head ("Chinese Premier Wen Jiabao" -> Wen Jiabao), or else
the actors named inside the phrase ("U.S. and North Korean officials" -> both).
Conjuncts give lists. Relative pronouns stand for the noun they hang on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ..records import Actor
from .actortable import ActorTable
from .events_lexicon import classes, cue

NOT_CORE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc",
                      "conj", "mark", "det", "case", "prep", "agent"})
CORE_PREPS = frozenset({"of", "from"})  # "officials from Japan", "the director of X"
NOUN_ACTOR_PREPS = frozenset({"by"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "whose"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
AGENT_ENDINGS = ("or", "er", "ist", "ian", "ant", "ent")  # "regulators", "militants"


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


def core_tokens(head, *, top: bool = True, nested: bool = False) -> list:
    """The head and its modifiers, without clauses and most prepositional phrases.

    The head's own conjuncts are left out (``phrase_actors`` takes them one by
    one); conjuncts further down stay ("officials from Japan and China"). One
    "of"/"from" phrase counts ("officials from Japan"), a second one down does
    not ("the fear of aggression from X" names no one). "Allies such as X",
    "leaders including X" name X; "his critics", "his wife", "the killers of X" do
    not name him.
    """
    out = [head]
    lemma = head.lemma_.lower()
    adversary = lemma in classes()["adversaries"]
    others = adversary or lemma in classes()["kin"]
    for child in head.children:
        if child.dep_ == "prep" and naming_prep(child):
            if not nested and not adversary:
                out.append(child)
                out.extend(t for pobj in child.children
                           for t in core_tokens(pobj, top=False, nested=True))
        elif child.dep_ == "conj" and not top:
            out.extend(core_tokens(child, top=False, nested=nested))
        elif child.dep_ == "poss" and others:
            continue
        elif child.dep_ not in NOT_CORE:
            out.extend(core_tokens(child, top=False, nested=nested))
    return out


def naming_prep(prep) -> bool:
    """ "of"/"from" X, "including" X, "such as" X: phrases that say who the head is."""
    word = prep.lower_
    return word in CORE_PREPS or word == "including" or \
        (word == "as" and any(c.lower_ == "such" for c in prep.children))


def unique(actors: Iterable[Actor]) -> list[Actor]:
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
    return unique(actor for span, actor in table.mentions_in(start, end)
                   if any(s <= span.start < e for s, e in ranges))


def phrase_actors(tok, table: ActorTable) -> list[Actor]:
    """The actors a noun phrase names, one per conjunct where it can."""
    if tok is None:
        return []
    tok = antecedent(tok)
    found: list[Actor] = []
    for head in (tok, *tok.conjuncts):
        found.extend(head_actors(head, table))
    return unique(found)


def head_actors(head, table: ActorTable) -> list[Actor]:
    """The actors whose mentions cover the phrase's head ("U.S. and North Korean
    officials" may hold two), else those named in its modifiers."""
    tokens = core_tokens(head)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    covering = [actor for span, actor in table.mentions_in(start, end)
                if span.start <= head.idx < span.end]
    if covering:
        return unique(covering)
    actor = token_actor(head, table)
    if actor:
        return [actor]
    named = [a for c in head.children if c.dep_ == "appos" and token_actor(c, table)
             for a in phrase_actors(c, table)]
    found = named or actors_on_tokens(tokens, table)  # "the general, Soleimani", "allies X and Y"
    if head.lemma_.lower() in classes()["violence"]:  # "a Kabul car bombing" happened in Kabul
        found = [a for a in found if not capital(a)]
    return found


def agentive(tok, table: ActorTable) -> list[Actor]:
    """The actors a phrase names when it names someone who can act: an actor, a
    name or a word for people ("the rebels"), not a thing ("a US-built vehicle")."""
    return phrase_actors(tok, table) if agent_like(tok, table) else []


def agent_like(tok, table: ActorTable) -> bool:
    """Whether a phrase names someone: an actor, a name, a pronoun, a word for
    people, or a plural of one who does something ("regulators")."""
    if tok is None:
        return False
    head = antecedent(tok)
    lemma = head.lemma_.lower()
    return token_actor(head, table) is not None or head.pos_ in ("PROPN", "PRON") or \
        lemma in people_words() or (head.tag_ == "NNS" and lemma.endswith(AGENT_ENDINGS))


@functools.cache
def people_words() -> frozenset[str]:
    """Nouns for people and bodies that act ("rebels", "the ambassador", "the ministry")."""
    names = ("agents", "collectives", "groups", "roles", "visitors", "kin")
    return frozenset().union(*(classes()[n] for n in names))


def subject(verb) -> tuple[object | None, bool]:
    """The verb's subject and whether it is a passive one (the patient)."""
    own = own_subject(verb)
    if own is not None:
        return own
    head = verb.head
    if verb.dep_ == "ROOT":
        return None, False
    if stray_conjunct(verb):  # "urged X to reconsider and spoke with Y": Y spoke
        return subject(head.head)
    if verb.dep_ in ("conj", "dep") and head.pos_ in ("VERB", "AUX"):
        subj, head_passive = subject(head)
        passive = any(c.dep_ == "auxpass" for c in verb.children) or \
            (head_passive and verb.tag_ == "VBN")
        return subj, passive
    if verb.dep_ == "xcomp":
        return controller(verb), False
    if verb.dep_ == "acomp" and head.lemma_ == "be":  # "X is opposed to": the copula's subject
        return subject(head)[0], False
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON") and head.dep_ != "pobj":
        return head, verb.tag_ == "VBN" and head.dep_ != "ROOT" and not by_doing(verb)
    if (verb.dep_ == "pcomp" or (verb.dep_ == "acl" and verb.tag_ == "VBG")) \
            and head.dep_ in ("pobj", "prep"):
        return subject(governor(head))[0], False
    if verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        subj, _ = subject(head)  # "Encouraged by X, Y ...": Y is encouraged
        return subj, verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)
    return None, False


def by_doing(verb) -> bool:
    """ "protested by shouting": an active verb, whatever its form."""
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" for g in c.children)
               for c in verb.children)


def own_subject(verb) -> tuple[object, bool] | None:
    """The verb's own subject: of two, not the relative pronoun ("fighters which ...
    nations refused to repatriate"); "saw thousands killed" has a passive one."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
    if not found:  # "X has been encouraging": the parser may hang X on the auxiliary
        found = [c for aux in verb.children if aux.dep_ in ("aux", "auxpass")
                 for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(found) > 1:
        found = [c for c in found if c.lower_ not in RELATIVE_PRONOUNS] or found
    if not found:
        return None
    subj = found[0]
    bare_participle = verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp", "advcl") and \
        not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return subj, subj.dep_ == "nsubjpass" or bare_participle


def stray_conjunct(verb) -> bool:
    """A finite verb the parser put under an infinitive ("urged X to reconsider
    and spoke with Y"), which belongs to the clause above it."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ in FINITE_TAGS and head.tag_ == "VB" \
        and head.dep_ == "xcomp" and not any(c.dep_ == "aux" for c in verb.children)


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
    """The objects of the word's prepositions ("paid tribute to X": a dative "to")."""
    return [pobj for prep in tok.children
            if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps
            for pobj in prep.children if pobj.dep_ in ("pobj", "pcomp")]


def agent_of(verb) -> list:
    return [pobj for a in verb.children if a.dep_ == "agent" for pobj in a.children
            if pobj.dep_ == "pobj"]


def verb_subject_actors(verb, table: ActorTable) -> tuple[list[Actor], bool]:
    """Actors of the verb's subject, with the gerund fallback ("making progress
    repairing ties"); a verb on a noun takes that noun's "by" phrase ("the calls
    by X asking Y to ...")."""
    subj, passive = subject(verb)
    found = phrase_actors(subj, table)
    if verb.dep_ == "acl" and subj is not None and subj.i == verb.head.i:
        found += [a for tok in prep_objects(subj, NOUN_ACTOR_PREPS) for a in phrase_actors(tok, table)]
    if not found and verb.tag_ == "VBG" and verb.dep_ in ("ccomp", "xcomp", "advcl", "acl"):
        subj, passive = subject(governor(verb.head))
        found = phrase_actors(subj, table)
    return unique(found), passive


def for_clause(clause) -> bool:
    """A "for X to ..." clause ("called for NATO members to spend more")."""
    return clause.dep_ in ("advcl", "ccomp") and \
        any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)


def for_clauses(verb) -> list:
    return [c for c in verb.children if for_clause(c)]


def group_actors(tok, table: ActorTable) -> list[Actor]:
    """The actors of a "between"/"among" phrase, with a person the parser hung
    inside another's name ("between Trump and then-elected President X")."""
    found = phrase_actors(tok, table)
    for child in tok.lefts:
        if child.dep_ in ("nmod", "compound", "conj"):
            found += [a for a in phrase_actors(child, table) if a.kind == "person"]
    return unique(found)


def light_verb(noun):
    """The support verb an event noun is the object of ("held talks", "sanctions were imposed")."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in cue("light_verb"):
        return head
    return None


def left_modifier_actors(noun, table: ActorTable, *, places: bool = True) -> list[Actor]:
    """Actors in the noun's left modifiers: "Wen's visit", "U.S.-North Korea talks";
    without ``places``, a capital before the noun is where it happened ("a Kabul car
    bombing"), not who did it."""
    found: list[Actor] = []
    for child in noun.lefts:
        if child.dep_ == "poss":
            found.extend(phrase_actors(child, table))
        elif child.dep_ in ("compound", "amod", "nmod", "npadvmod"):
            found.extend(a for a in actors_on_tokens(list(child.subtree), table)
                         if places or not capital(a))
    return unique(found)


def capital(actor: Actor) -> bool:
    """A capital standing for its government ("Kabul", "Athens")."""
    return actor.kind == "country" and actor.sector == "GOV"
