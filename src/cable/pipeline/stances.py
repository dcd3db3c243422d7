"""stances: the positions actors state on issues.

A stance is an actor's stated position: a cue verb whose subject is an actor
("X maintains that ...", "X seeks Y", "X rejects Y", "X calls for Y"), or an
issue called a nonstarter (unacceptable, ...) for an actor ("Y, which for X
is a nonstarter"). Polarity is support or oppose from the cue (a negated
support cue opposes); a supported position hedged with "only after",
"unless", ... is conditional. Cue lists are in ``data/voices/``.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from ..records import Event, Stance
from .actortable import ActorTable
from .sentences import sentence_of
from .voices_common import (
    RELATIVE_PRONOUNS,
    actor_of,
    data_lines,
    data_rows,
    is_negated,
    is_pronoun,
    mention_of,
    particle_cue,
    subject_of,
    trimmed,
)

MAX_ISSUE_WORDS = 12
ISSUE_STOPS = frozenset({",", ";", ":", "(", ")", "—", "–"})
ISSUE_BREAKS = frozenset({"relcl", "appos", "conj", "cc"})
QUOTE_CHARS = "\"“”«»"


@functools.cache
def stance_cues() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Cue ("seek", "call for") -> (polarity, issue frames in order of preference)."""
    return {r["cue"]: (r["polarity"], tuple(r["frame"].split(","))) for r in data_rows("stance_cues.tsv")}


@functools.cache
def conditional_markers() -> tuple[str, ...]:
    """Markers that make a supported position conditional ("only after", "unless")."""
    return data_lines("conditional_markers.txt")


def find_stances(doc, actors: ActorTable, events: list[Event]) -> list[Stance]:
    """Stances in text order, one per (holder, issue, polarity), ids s1, s2, ..."""
    found: dict[tuple[str, str, str], Stance] = {}
    for tok in doc:
        for stance in _verb_stances(doc, actors, tok) + _predicate_stances(doc, actors, tok):
            found.setdefault((stance.holder, stance.issue.lower(), stance.polarity), stance)
    stances = sorted(found.values(), key=lambda s: (s.start, s.end))
    for n, stance in enumerate(stances, 1):
        stance.id = f"s{n}"
    return stances


def _verb_stances(doc, actors: ActorTable, verb: Token) -> list[Stance]:
    """ "X maintains that ...", "X seeks Y and Z", "X refuses to ...": one stance per issue."""
    cue = particle_cue(verb, stance_cues()) if verb.pos_ == "VERB" else None
    if cue is None or sentence_of(verb).text.rstrip().endswith("?"):
        return []
    subject = subject_of(verb)
    holder = _holder(actors, subject) if subject is not None else None
    if holder is None:
        return []
    base, frames = stance_cues()[cue]
    for frame in frames:
        issues, position = _frame_issues(doc, verb, cue, frame)
        if issues:
            break
    else:
        return []
    polarity = _polarity(base, verb, subject, frame, position)
    if polarity is None:
        return []
    start = min(subject.left_edge.idx, position.start_char)
    confidence = 0.7 - 0.1 * is_pronoun(mention_of(subject))
    return [Stance(id="", holder=holder, issue=issue, position=position.text, polarity=polarity,
                   start=start, end=position.end_char, confidence=round(confidence, 2)) for issue in issues]


def _polarity(base: str, verb: Token, subject: Token, frame: str, position: DocSpan) -> str | None:
    """The cue's polarity, reversed by "does not support", "no country supports"
    or "urged them not to"; a hedged support is conditional; None for a denied
    opposition ("does not oppose"), which states no position."""
    denied = is_negated(verb) or _denied_subject(subject)
    if frame == "xcomp":
        denied ^= any(is_negated(c) for c in verb.children if c.dep_ == "xcomp")
    if denied:
        return "oppose" if base == "support" else None
    if base == "support" and is_conditional(position):
        return "conditional"
    return base


def _frame_issues(doc, verb: Token, cue: str, frame: str) -> tuple[list[str], DocSpan | None]:
    """(issues, position clause) for one cue frame, or ([], None) when the verb lacks it."""
    clause = trimmed(doc, verb.i, verb.right_edge.i + 1)
    if frame == "ccomp":
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if comp is None:
            return [], None
        return [_clause_issue(doc, comp)], trimmed(doc, comp.left_edge.i, comp.right_edge.i + 1)
    if frame == "xcomp":
        comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        issue = _verb_phrase(comp) if comp is not None else ""
        return ([issue], clause) if issue else ([], None)
    if frame == "dobj":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
    else:
        word = cue.split()[-1]
        objects = [g for c in verb.children if c.lower_ == word for g in c.children if g.dep_ == "pobj"]
    nouns = [n for o in objects[:1] for n in (o, *_conjuncts(o)) if n.pos_ != "PRON"]
    issues = [issue for issue in (noun_phrase(n) for n in nouns) if issue]
    return (issues, clause) if issues else ([], None)


def _denied_subject(subject: Token) -> bool:
    """ "Neither X nor Y supports ...", "No country supports ..." """
    return any(c.lower_ in ("neither", "no") and c.dep_ in ("preconj", "det") for c in subject.children)


def _conjuncts(token: Token) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *_conjuncts(child)]
    return out


def _clause_issue(doc, comp: Token) -> str:
    """What a reported clause is about: the action of an infinitive ("demands
    X to withdraw" -> "withdraw"), else a common-noun subject's phrase
    ("talks can resume only ..." -> "talks"), else the clause itself."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        return _verb_phrase(comp)
    noun = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if noun is not None:
        return noun_phrase(noun)
    return _clean(trimmed(doc, comp.left_edge.i, comp.right_edge.i + 1)[:MAX_ISSUE_WORDS])


def _verb_phrase(verb: Token) -> str:
    """An infinitive with its objects, without its subject or coordinated verbs."""
    doc = verb.doc
    kept = {verb.i} | {t.i for c in verb.rights if c.dep_ not in ISSUE_BREAKS for t in c.subtree}
    end = verb.i + 1
    while end in kept and doc[end].text not in ISSUE_STOPS:
        end += 1
    return _clean(trimmed(doc, verb.i, min(end, verb.i + MAX_ISSUE_WORDS)))


def noun_phrase(noun: Token) -> str:
    """The noun with its modifiers and complements, without relative clauses,
    appositions, coordination or a leading article; quote marks removed."""
    doc = noun.doc
    kept = _phrase_tokens(noun)
    start = noun.i
    while start - 1 in kept:
        start -= 1
    end = noun.i + 1
    while end in kept:
        end += 1
    while start < noun.i and doc[start].dep_ in ("det", "advmod", "cc", "punct", "predet", "preconj"):
        start += 1
    return _clean(doc[start:min(end, start + MAX_ISSUE_WORDS)])


def _phrase_tokens(token: Token) -> set[int]:
    kept = {token.i}
    for child in token.children:
        if child.dep_ not in ISSUE_BREAKS and child.text not in ISSUE_STOPS:
            kept |= _phrase_tokens(child)
    return kept


def _clean(span: DocSpan) -> str:
    text = "".join(ch for ch in span.text if ch not in QUOTE_CHARS)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return re.sub(r"^to ", "", text)


def is_conditional(position: DocSpan) -> bool:
    """Whether a position is hedged: "only" (as an adverb) with "after", "if",
    ... in the clause it limits; or "unless", "as long as", ... anywhere."""
    joined = " ".join(t.lower_ for t in position)
    for marker in conditional_markers():
        first, *rest = marker.split()
        if first == "only" and len(rest) == 1:
            if any(_only_before(t, rest[0]) for t in position if t.lower_ == "only" and t.dep_ == "advmod"):
                return True
        elif re.search(rf"\b{re.escape(marker)}\b", joined):
            return True
    return False


def _only_before(only: Token, word: str) -> bool:
    return any(t.lower_ == word and t.i > only.i for t in only.head.subtree)


def _holder(actors: ActorTable, subject: Token) -> str | None:
    actor = actor_of(actors, mention_of(subject))
    return actor.id if actor is not None else None


@functools.cache
def _opposing_predicates() -> frozenset[str]:
    return frozenset(data_lines("stance_predicates.txt"))


def _predicate_stances(doc, actors: ActorTable, tok: Token) -> list[Stance]:
    """ "Y is a nonstarter for X", "Y, which for X is unacceptable": X opposes Y."""
    if tok.lower_ not in _opposing_predicates() or tok.dep_ not in ("attr", "acomp"):
        return []
    copula = tok.head
    if is_negated(copula):
        return []
    for_phrase = [c for h in (copula, tok) for c in h.children if c.dep_ == "prep" and c.lower_ in ("for", "to")]
    holder_tok = next((g for p in for_phrase for g in p.children if g.dep_ == "pobj"), None)
    issue_tok = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if holder_tok is None or issue_tok is None:
        return []
    if issue_tok.lower_ in RELATIVE_PRONOUNS and copula.dep_ == "relcl":
        issue_tok = copula.head
    holder = _holder(actors, holder_tok)
    issue = noun_phrase(issue_tok)
    if holder is None or not issue:
        return []
    start = min(issue_tok.left_edge.i, copula.left_edge.i)
    position = trimmed(doc, start, max(tok.right_edge.i, copula.right_edge.i) + 1)
    return [Stance(id="", holder=holder, issue=issue, position=position.text, polarity="oppose",
                   start=position.start_char, end=position.end_char, confidence=0.6)]
