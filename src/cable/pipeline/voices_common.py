"""Shared pieces of the quotes, stances and forecasts stages.

Word lists live in ``data/voices/``; this module loads them once and holds the
small dependency-tree functions the three stages share: the reporting cue of a
token, the subject of a verb, the mention a subject rests on, and the actor
behind a mention.
"""

from __future__ import annotations

import bisect
import functools
from importlib import resources

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from ..records import Actor, Span
from .actortable import ActorTable

PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
EDGE_WORDS = frozenset({"that", "whether"})
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
QUOTATION_MARKS = frozenset({'"', "“", "”", "«", "»", "''"})
SUBJECT_SHARING = frozenset({"go", "continue", "proceed"})  # "went on to add"


@functools.cache
def data_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``data/voices/<name>``."""
    text = resources.files("cable").joinpath("data", "voices", name).read_text(encoding="utf-8")
    return tuple(line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.cache
def data_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the tab-separated ``data/voices/<name>``, keyed by its header."""
    header, *body = (line.split("\t") for line in data_lines(name))
    return tuple(dict(zip(header, row)) for row in body)


@functools.cache
def reporting_cues() -> dict[str, bool]:
    """Reporting cue ("say", "point out", "according to") -> whether it reports indirect speech."""
    return {row["cue"]: row["indirect"] == "yes" for row in data_rows("reporting_verbs.tsv")}


def particle_cue(token: Token, cues) -> str | None:
    """The cue in ``cues`` that ``token`` heads: its lemma, or lemma + particle/preposition."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("prt", "prep") and f"{lemma} {child.lower_}" in cues:
            return f"{lemma} {child.lower_}"
    return lemma if lemma in cues else None


def reporting_cue(token: Token) -> DocSpan | None:
    """The cue span when ``token`` is a reporting verb or the "according" of "according to"."""
    doc = token.doc
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        return doc[token.i:token.i + 2]
    if token.pos_ != "VERB" or is_negated(token):
        return None
    cue = particle_cue(token, reporting_cues())
    if cue is None:
        return None
    return doc[token.i:token.i + 1]


def is_negated(token: Token) -> bool:
    """Whether ``token`` has a "not", "n't" or "never" of its own, not one a
    quotation mark cuts off ("Probably not," she said)."""
    doc = token.doc
    for child in token.children:
        if child.dep_ == "neg":
            between = doc[min(child.i, token.i) + 1:max(child.i, token.i)]
            if not any(t.text in QUOTATION_MARKS for t in between):
                return True
    return False


def subject_of(verb: Token, outside: QuoteZones | None = None) -> Token | None:
    """The nominal subject of ``verb`` (its head's, for "said ... but emphasized",
    "went on to add" or "..., adding that"), skipping subjects inside quoted text; a name is
    preferred to other words parsed as subjects; a relative pronoun gives its antecedent."""
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    shares = (verb.dep_ == "conj" or (verb.dep_ == "xcomp" and verb.head.lemma_ in SUBJECT_SHARING)
              or (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB"))
    for holder in (verb, verb.head if shares else None):
        if holder is None:
            continue
        subjects = [c for c in holder.children if c.dep_ == "nsubj" and not (outside and outside.covers(c))]
        if subjects:
            subject = min(subjects, key=lambda s: (s.ent_type_ == "" and s.pos_ != "PROPN", abs(s.i - verb.i)))
            if subject.lower_ in RELATIVE_PRONOUNS and holder.dep_ == "relcl":
                return holder.head
            return subject
    return None


def mention_of(token: Token) -> DocSpan:
    """The words naming what ``token`` heads: its named entity, a pronoun alone,
    or the noun with its compounds and modifiers (never a possessive before it,
    which is usually the employer: "the ministry's spokesman")."""
    doc = token.doc
    if token.ent_iob_ in ("B", "I"):
        ent = next(e for e in doc.ents if e.start <= token.i < e.end)
        start, end = ent.start, ent.end
        for t in ent:  # an entity the parser ran across a paragraph break ends there
            if t.is_space and "\n" in t.text:
                if t.i < token.i:
                    start = t.i + 1
                elif t.i > token.i:
                    end = t.i
                    break
        start += 1 if doc[start].lower_ == "the" and end - start > 1 else 0
        return doc[start:end]
    if token.pos_ == "PRON":
        return doc[token.i:token.i + 1]
    left = token.i
    for child in sorted(token.lefts, key=lambda c: -c.i):
        if child.dep_ not in ("compound", "flat", "amod", "nummod", "det", "nmod") or child.right_edge.i != left - 1:
            break
        left = child.left_edge.i
    return doc[left:token.i + 1]


def is_pronoun(span: DocSpan) -> bool:
    """A one-word pronoun mention ("she", "they")."""
    return len(span) == 1 and (span[0].pos_ == "PRON" or span[0].lower_ in PERSONAL_PRONOUNS)


def is_proper_name(span: DocSpan) -> bool:
    """Capitalised words only, not a pronoun, and a name by its tag or entity
    or by a capital that no sentence start explains ("said Novak")."""
    words = [t for t in span if t.is_alpha]
    if not words or is_pronoun(span) or not all(t.text[0].isupper() for t in words):
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTITIES for t in words) or not words[0].is_sent_start


def actor_of(actors: ActorTable, mention: DocSpan) -> Actor | None:
    """The actor a mention names: the one whose mention covers the mention's
    head word, so "Senate Minority Leader" is not the Senate."""
    head = mention.root
    return actors.actor_at(head.idx, head.idx + len(head.text))


def speaker_of(actors: ActorTable, mention: DocSpan) -> tuple[str | None, str | None]:
    """(actor id, name) for a mention; unresolved, the name is the mention's
    text when it is a proper name ("Novak"), else None ("she", "experts")."""
    actor = actor_of(actors, mention)
    if actor is not None:
        return actor.id, actor.name
    return None, mention.text if is_proper_name(mention) else None


def record_span(span: DocSpan) -> Span:
    """The record for a stretch of the document."""
    return Span(span.start_char, span.end_char, span.text)


def trimmed(doc, start: int, end: int) -> DocSpan:
    """doc[start:end] without punctuation or spaces at its edges, nor a leading "that"."""
    while start < end and (doc[start].is_punct or doc[start].is_space or _is_edge_mark(doc[start])):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _is_edge_mark(token: Token) -> bool:
    return token.lower_ in EDGE_WORDS and token.dep_ == "mark"


class QuoteZones:
    """Character ranges of quoted text in ``text``, for "is this token inside a quotation?"."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]

    def covers(self, token: Token) -> bool:
        """Whether ``token`` starts inside quoted text."""
        return self.zone_of(token.idx) is not None

    def zone_of(self, char: int) -> tuple[int, int] | None:
        """The quoted range holding character ``char``, or None."""
        i = bisect.bisect_right(self._starts, char) - 1
        if i >= 0 and self.spans[i][0] <= char < self.spans[i][1]:
            return self.spans[i]
        return None
