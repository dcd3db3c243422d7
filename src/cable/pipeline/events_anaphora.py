"""Who "they", "it", "the ministers" and "the embassy" are, where the actors
table does not say, for the participants of events.

The actors stage links names, surnames, titles and "he"/"she". For subjects it
leaves open, the events stage reads:

- "they"/"it" (and "their"/"its" before a subject) in a clause that hangs on
  another one: that clause's subject ("X announced it had signed", "X said
  their government had ..."); when the two cannot be one (a person is no "it"),
  nothing;
- "they"/"it" heading a sentence: the subject of the nearest of the three
  sentences before that can be its antecedent: for "they" a plural or a group
  ("Shoukry and his counterparts gathered ... They called on Turkey"), for "it"
  one organisation or country; a person is passed over, a subject that names
  no actor ends the search with nothing;
- "the (foreign) ministers", "the two sides": the nearest such plural subject
  naming two or more actors;
- "the embassy", "the talks" anywhere: the nearest earlier actor whose name
  ends in that noun or has it before "of" ("the US Embassy", "the Ministry of
  Defence");
- "I" inside quotation marks: the one speaker the paragraph's reporting verbs
  name ("'... I asked him to resign,' wrote X"); "we" too when that speaker is
  a body, not a person.

Other words inside quotation marks are left alone: a speaker's "they" is not
the writer's. The result is a copy of the table with these mentions added; the
actors stage's table is not changed.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections import defaultdict


from ..records import Actor, Span
from .actortable import ActorTable
from .events_lexicon import classes, cue, words_by_sentence
from .events_roles import phrase_actors, subject

FIRST_PERSON = frozenset({"i", "me", "my"})
COLLECTIVE_FIRST = frozenset({"we", "us", "our"})
PLURAL_PRONOUNS = frozenset({"they", "their"})
SINGULAR_PRONOUNS = frozenset({"it", "its"})
GROUP_KINDS = frozenset({"organization", "country", "group", "forum", "process"})
QUOTE_OR_BREAK = re.compile('["\u201c\u201d\n]')
LINE_BREAK = re.compile("\n")
LOOK_BACK = 3


def resolve_references(doc, table: ActorTable, text: str | None = None) -> ActorTable:
    """The table with the subjects and definite names it leaves open resolved
    (``text``: the document's text, when the caller has it)."""
    text = doc.text if text is None else text
    found: dict[int, list[Actor]] = {}
    history: list[tuple[object, list[Actor] | None]] = []  # earlier subjects, resolved ones
    quotes = quoted_spans(text)
    voices = Voices(text)
    words = PLURAL_PRONOUNS | SINGULAR_PRONOUNS | classes()["groups"] | name_heads(table)
    looked_for = frozenset(words | FIRST_PERSON | COLLECTIVE_FIRST | speech_verbs())
    for sent, marked in words_by_sentence(doc, looked_for):
        for tok in marked:
            quoted = inside(quotes, tok.idx)
            voices.note(tok, quoted, table)
            if quoted or (tok.lower_ not in words and tok.lemma_.lower() not in words) \
                    or table.actor_at(tok.idx, tok.idx + len(tok)) is not None:
                continue
            actors = reference(tok, table, found, history)
            if actors:
                found[tok.i] = actors
        subj = subject(sent.root)[0]
        if subj is not None:
            history.append((subj, found.get(subj.i)))
            del history[:-LOOK_BACK]
    found.update(voices.resolved())
    return with_mentions(table, doc, found) if found else table


class Voices:
    """ "I" and "we" inside quotation marks: the one speaker a paragraph's
    reporting verbs name ("'... I asked him to resign,' wrote X"), "I" when
    that speaker is a person, "we" when it is a body."""

    def __init__(self, text: str):
        self.breaks = [m.start() for m in LINE_BREAK.finditer(text)]
        self.speakers: dict[int, dict[str, Actor]] = defaultdict(dict)
        self.pronouns: dict[int, list[tuple[int, bool]]] = defaultdict(list)

    def note(self, tok, quoted: bool, table: ActorTable) -> None:
        word = tok.lower_
        if quoted and word in FIRST_PERSON | COLLECTIVE_FIRST:
            if table.actor_at(tok.idx, tok.idx + len(tok)) is None:
                self.pronouns[self.paragraph(tok)].append((tok.i, word in COLLECTIVE_FIRST))
        elif not quoted and tok.lemma_.lower() in speech_verbs() and tok.pos_ == "VERB":
            subj, passive = subject(tok)
            if subj is not None and not passive and subj.lower_ not in FIRST_PERSON:
                for actor in phrase_actors(subj, table):
                    self.speakers[self.paragraph(tok)][actor.id] = actor

    def paragraph(self, tok) -> int:
        return bisect.bisect_left(self.breaks, tok.idx)

    def resolved(self) -> dict[int, list[Actor]]:
        out: dict[int, list[Actor]] = {}
        for paragraph, pronouns in self.pronouns.items():
            speakers = list(self.speakers.get(paragraph, {}).values())
            if len(speakers) != 1:
                continue
            person = speakers[0].kind == "person"
            for i, collective in pronouns:
                if collective != person:  # "I" is a person, "we" a body
                    out[i] = speakers
        return out


def reference(tok, table: ActorTable, found: dict[int, list[Actor]], history) -> list[Actor]:
    """The actors a pronoun, a plural group noun or a definite name stands for, if any."""
    word = tok.lower_
    if word in PLURAL_PRONOUNS | SINGULAR_PRONOUNS and subject_position(tok):
        plural = word in PLURAL_PRONOUNS
        governing = governing_subject(tok)
        if governing is not None:
            actors = found.get(governing.i) or phrase_actors(governing, table)
            return actors if fits(governing, actors, plural=plural) else []
        return earlier(history, table, plural=plural)
    if definite_group(tok):
        return earlier(history, table, plural=True, named=2)
    if definite_name(tok):
        return named_before(tok, table)
    return []


def subject_position(tok) -> bool:
    """A subject, or the possessor of one ("their government had ...")."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    return tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass")


def governing_subject(tok):
    """The subject of the clause the pronoun's clause hangs on, if it hangs on one."""
    clause = tok.head if tok.dep_ != "poss" else tok.head.head
    if clause.dep_ not in ("ccomp", "advcl", "xcomp", "relcl"):
        return None
    subj = subject(clause.head)[0]
    return subj if subj is not None and subj.i != tok.i else None


def fits(subj, actors: list[Actor], *, plural: bool) -> bool:
    """Whether a pronoun can stand for this subject: "they" for a plural or a
    group, "it" for one organisation or country; never for a person."""
    if not actors:
        return False
    many = subj_plural(subj)
    groups = all(a.kind in GROUP_KINDS for a in actors)
    if plural:
        return many or groups
    return not many and len(actors) == 1 and groups


def earlier(history, table: ActorTable, *, plural: bool, named: int = 1) -> list[Actor]:
    """The actors of the nearest earlier subject that fits, or nothing."""
    for subj, resolved in reversed(history):
        actors = resolved if resolved is not None else phrase_actors(subj, table)
        if actors and any(a.kind == "person" for a in actors) and not subj_plural(subj):
            continue  # "he" is no "they"
        if not actors and subj.lemma_.lower() not in classes()["collectives"] \
                and not subj_plural(subj):
            continue  # "the agreement", "the crash"
        if len(actors) >= named and fits(subj, actors, plural=plural):
            return actors
        return []
    return []


def subj_plural(subj) -> bool:
    """A plural subject; a plural-looking name ("the Syrian Democratic Forces") is one."""
    return subj.tag_ == "NNS" or bool(subj.conjuncts) or subj.lower_ in ("they", "we")


def definite_group(tok) -> bool:
    """ "The (foreign) ministers", "the two sides", "both leaders" as a subject."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ != "NNS" \
            or tok.lemma_.lower() not in classes()["groups"]:
        return False
    dets = [c for c in tok.children if c.dep_ in ("det", "predet")]
    return bool(dets) and all(d.lower_ in ("the", "both") for d in dets) \
        and not any(c.dep_ in ("prep", "relcl", "acl", "poss") for c in tok.children)


def definite_name(tok) -> bool:
    """ "the embassy": a common noun with "the" and nothing else before it."""
    if tok.pos_ != "NOUN":
        return False
    lefts = list(tok.lefts)
    return len(lefts) == 1 and lefts[0].lower_ == "the"


def named_before(tok, table: ActorTable) -> list[Actor]:
    """The nearest earlier organisation whose name's head noun is this one."""
    words = {tok.lower_, tok.lemma_.lower()}
    best: tuple[int, Actor] | None = None
    for actor in table.actors:
        if actor.kind not in GROUP_KINDS - {"country"} or name_head(actor.name) not in words:
            continue
        starts = [m.start for m in actor.mentions if m.end <= tok.idx]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), actor)
    return [best[1]] if best else []


def name_heads(table: ActorTable) -> set[str]:
    return {name_head(a.name) for a in table.actors if a.kind in GROUP_KINDS - {"country"}}


def name_head(name: str) -> str:
    """ "US Embassy" -> "embassy"; "Ministry of Defence" -> "ministry"."""
    words = name.lower().split(" of ")[0].split()
    return words[-1] if words else ""


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges between quotation marks; a line break closes an open quote."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in QUOTE_OR_BREAK.finditer(text):
        i = m.start()
        if opened is not None:
            spans.append((opened, i))
            opened = None
        elif m.group() != "\n":
            opened = i
    return spans


@functools.cache
def speech_verbs() -> frozenset[str]:
    return cue("report_verb") | cue("speech_verb")


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_left(spans, (offset,)) - 1
    return i >= 0 and offset < spans[i][1]


def with_mentions(table: ActorTable, doc, found: dict[int, list[Actor]]) -> ActorTable:
    """A copy of the table whose actors carry the resolved mentions too."""
    extra: dict[str, list[Span]] = defaultdict(list)
    for i, actors in found.items():
        tok = doc[i]
        for actor in actors:
            extra[actor.id].append(Span(tok.idx, tok.idx + len(tok), tok.text))
    return ActorTable([dataclasses.replace(a, mentions=sorted(a.mentions + extra[a.id],
                                                              key=lambda m: m.start))
                       if a.id in extra else a for a in table.actors])
