"""The tense of the clause a date expression sits in, read from the parse.

From the expression's token, walk up the dependency tree to the first verb
that settles it: "will"/"shall" or a plan word not itself in the past
("planned", "is scheduled", "is to"; not "was expected") make it future; a
past-tense verb or a perfect ("has met") makes it past; a present-tense verb
leaves it open (None). Infinitives and participles without their own
auxiliaries defer to the verb above them ("an opportunity to chat on Friday"
takes the tense of "There will be"). When no verb above settles it, the first
verb of the sentence that does is used.
"""

from __future__ import annotations

from typing import Literal

from .sentences import sentence_of

Tense = Literal["past", "future"] | None

FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
PLAN_WORDS = {"plan", "schedule", "set", "slate", "due", "expect", "intend", "upcoming", "prepare"}
MAX_STEPS = 8


def tense_at(doc, char: int) -> Tense:
    """The tense governing the token at character offset ``char``."""
    token = _token_at(doc, char)
    for node in [token, *token.ancestors][:MAX_STEPS]:
        found = _verb_tense(node)
        if found != "defer":
            return found
    for node in sentence_of(token):  # a parse that hangs the date off a noun: the sentence's first verb
        found = _verb_tense(node) if node.pos_ in ("VERB", "AUX") else "defer"
        if found != "defer":
            return found
    return None


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[0]


def _verb_tense(node) -> Tense | Literal["defer"]:
    """What one node says: a tense, None for a plain present, 'defer' for no verdict."""
    aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
    aux_lemmas = {c.lemma_.lower() for c in node.children if c.dep_ in ("aux", "auxpass")}
    past_aux = aux & {"was", "were", "had", "did"}
    if node.lemma_.lower() in PLAN_WORDS and node.tag_ != "VBD" and not past_aux:
        return "future"  # "is planned", "a meeting scheduled for", "due"; not "was expected"
    if node.pos_ not in ("VERB", "AUX"):
        return "defer"
    if aux & FUTURE_AUX or ("to" in aux and node.head.lemma_ in ("be", "go") and node.head.tag_ != "VBD"):
        return "future"
    if node.tag_ == "VBD" or past_aux or "have" in aux_lemmas or _bare_participle(node, aux):
        return "past"
    if node.tag_ in ("VBZ", "VBP") or aux & {"is", "are", "am", "does", "do"}:
        return None
    return "defer"


def _bare_participle(node, aux: set[str]) -> bool:
    """A past participle heading its sentence with no auxiliary: a past verb the
    tagger misread ('On Friday, ... two trucks collided')."""
    return node.tag_ == "VBN" and not aux and (node.dep_ == "ROOT" or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in node.children))
