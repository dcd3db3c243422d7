"""Did it happen? An event's status from the words around its trigger.

    occurred      "X met Y", "during the recent visit"
    planned       "X will meet Y", "X is to visit", "plans to", "an opportunity ... to meet"
    negated       "X did not meet Y", "no talks took place"
    hypothetical  "if X meets Y", "X could meet Y", "little chance that talks took place",
                  "don't expect X to meet Y", "speculation about a possible deal"

The search starts at the trigger and climbs the parse through the clauses it
hangs on. It stops at what states a fact on its own: a relative clause, a
"because"/"although" clause, "during"/"after" + noun, an independent conjunct,
and a verb of saying (what is reported keeps its own status).
"""

from __future__ import annotations

from typing import Literal

from .events_lexicon import cue

Status = Literal["occurred", "planned", "negated", "hypothetical"]
MAX_CLIMB = 10
SUBJECT_LINKS = frozenset({"nsubj", "nsubjpass", "csubj"})
NOUN_CLAUSE_LINKS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})
ABILITY_AUX = frozenset({"can", "could", "ca"})
XCOMP_ONLY_WORDS = frozenset({"be", "go", "set"})


def event_status(tok) -> Status:
    """Status of the event whose trigger is ``tok`` (a verb or an event noun)."""
    found: set[str] = set()
    if tok.pos_ == "NOUN":
        noun_markers(tok, found)
    clause_markers(tok, found, own=tok.pos_ != "NOUN")
    node = tok
    for _ in range(MAX_CLIMB):
        head = node.head
        if node.dep_ == "ROOT" or stops(node, head):
            break
        if head.lemma_.lower() in cue("report_verb"):
            found.add("reported")
            break
        own = node.i == tok.i and tok.pos_ == "NOUN" and node.dep_ in NOUN_CLAUSE_LINKS
        clause_markers(head, found, own=own)
        word_markers(node, head, found)
        node = head
    return decide(found)


def noun_markers(noun, found: set[str]) -> None:
    """ "no talks", "the planned visit", "a possible deal"."""
    for child in noun.children:
        word = child.lower_
        if child.dep_ in ("det", "neg") and word in cue("negation"):
            found.add("negated")
        elif child.dep_ in ("amod", "compound", "nmod"):
            if word in cue("future_modifier"):
                found.add("planned")
            elif word in cue("hypothetical_modifier"):
                found.add("hypothetical")


def clause_markers(verb, found: set[str], *, own: bool) -> None:
    """Auxiliaries, negation and condition marks on one clause head.

    Negation of the event's own clause negates it; negation further up
    ("don't expect them to meet") only makes it hypothetical.
    """
    for child in verb.children:
        word = child.lower_
        if child.dep_ in ("aux", "auxpass"):
            if word in cue("future_aux"):
                found.add("planned")
            elif word in cue("hypothetical_aux"):
                found.add("cannot" if own and word in ABILITY_AUX else "hypothetical")
            elif word in cue("reported_aux"):
                found.add("would")
        elif child.dep_ == "neg" or (child.dep_ in SUBJECT_LINKS | {"advmod"}
                                     and word in cue("negation")):
            found.add("negated" if own else "hypothetical")  # "not", "never", "nobody expects"
        elif child.dep_ == "mark" and word in cue("hypothetical_mark"):
            found.add("hypothetical")
        elif child.dep_ == "advmod" and word in cue("generic_adverb"):
            found.add("hypothetical")


def word_markers(node, head, found: set[str]) -> None:
    """Governing words: "plans to meet", "chance that they met", "no sign that they met",
    "failed to agree", "talks are unlikely"."""
    link = node.dep_
    if link in SUBJECT_LINKS:  # "talks are unlikely", "the meeting is set to open"
        for child in head.children:
            if child.dep_ in ("acomp", "attr") and child.lemma_.lower() in cue("hypothetical_word"):
                found.add("hypothetical")
            elif child.dep_ == "xcomp" and head.lemma_.lower() in cue("future_word"):
                found.add("planned")
        return
    lemma = head.lemma_.lower()
    no = any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)
    if lemma in cue("negating_word"):
        found.add("negated")
    elif lemma in cue("hypothetical_word") or (no and head.pos_ == "NOUN"):
        found.add("hypothetical")
    elif lemma in cue("future_word") and link != "conj" and \
            (lemma not in XCOMP_ONLY_WORDS or link == "xcomp"):
        found.add("planned")


def stops(node, head) -> bool:
    """Whether the climb from ``node`` up to ``head`` leaves the event's own context."""
    link = node.dep_
    if link in ("relcl", "parataxis"):
        return True
    if link == "advcl":
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        return bool(marks & cue("factive_mark"))
    if link == "pobj":
        return head.lower_ in cue("factive_prep")
    if link == "conj":
        return any(c.dep_ in SUBJECT_LINKS for c in node.children)
    return False


def decide(found: set[str]) -> Status:
    if "hypothetical" in found:
        return "hypothetical"
    if "cannot" in found:  # "could meet" may happen; "could not agree" did not
        return "negated" if "negated" in found else "hypothetical"
    if "negated" in found:
        return "negated"
    if "planned" in found:
        return "planned"
    if "would" in found:
        return "planned" if "reported" in found else "hypothetical"
    return "occurred"
