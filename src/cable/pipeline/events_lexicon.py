"""The word lists the events stage reads, loaded once per process.

    data/events/triggers.en.tsv   verb and noun triggers -> PLOVER type, mode, CAMEO code
    data/events/classes.en.tsv    lemma classes ("agreement": deal, treaty, accord, ...)
    data/events/topics.en.tsv     base CAMEO code + what the event is about -> finer code
    data/events/cues.en.tsv       status cues (will, could, if, plans to ...), support verbs
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string

DATA = Path(__file__).resolve().parent.parent / "data" / "events"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of triggers.en.tsv."""

    pos: str  # "V" or "N"
    lemma: str
    requires: tuple[tuple[str, ...], ...]  # all groups must hold; one alternative per group
    plover: str
    mode: str | None
    cameo: str
    recipient_preps: frozenset[str]  # beyond the defaults
    content: bool  # the object is what is asked for or refused, not the recipient
    ccomp_subject: bool  # "demanded that X withdraw": X is the recipient
    stative: bool = False  # a passive form is the subject's own stance: "X is opposed to Y"


@dataclass(frozen=True, slots=True)
class Topic:
    base: str
    lemmas: frozenset[str]
    cameo: str | None  # None: the event is dropped
    mode: str | None


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _trigger(row: dict[str, str]) -> Trigger:
    requires = tuple(tuple(group.split("|")) for group in row["requires"].split(",") if group)
    roles = [r for r in row["roles"].split(",") if r]
    return Trigger(
        pos=row["pos"], lemma=row["lemma"], requires=requires, plover=row["plover"],
        mode=row["mode"] or None, cameo=row["cameo"],
        recipient_preps=frozenset(r[1:] for r in roles if r.startswith("+")),
        content="content" in roles, ccomp_subject="ccomp-subj" in roles, stative="stative" in roles,
    )


@functools.cache
def triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """Triggers keyed by (pos, lemma), in file order."""
    table: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for row in _rows("triggers.en.tsv"):
        trigger = _trigger(row)
        table[trigger.pos, trigger.lemma].append(trigger)
    return {key: tuple(rows) for key, rows in table.items()}


@functools.cache
def classes() -> dict[str, frozenset[str]]:
    return {r["class"]: frozenset(r["lemmas"].split(",")) for r in _rows("classes.en.tsv")}


@functools.cache
def topics() -> dict[str, tuple[Topic, ...]]:
    """Topic refinements keyed by base CAMEO code, in file order."""
    table: dict[str, list[Topic]] = defaultdict(list)
    for r in _rows("topics.en.tsv"):
        cameo = None if r["cameo"] == "-" else r["cameo"]
        table[r["base"]].append(Topic(r["base"], frozenset(r["lemmas"].split(",")), cameo,
                                      r["mode"] or None))
    return {base: tuple(rows) for base, rows in table.items()}


@functools.cache
def cues() -> dict[str, frozenset[str]]:
    """Cue words by kind (future_aux, hypothetical_mark, light_verb, ...)."""
    table: dict[str, set[str]] = defaultdict(set)
    for r in _rows("cues.en.tsv"):
        table[r["kind"]].add(r["word"])
    return {kind: frozenset(words) for kind, words in table.items()}


def cue(kind: str) -> frozenset[str]:
    return cues().get(kind, frozenset())


@functools.cache
def trigger_words() -> frozenset[str]:
    """The lemmas that can start an event: triggers and precondition verbs."""
    return frozenset(lemma for _, lemma in triggers()) | cue("condition_verb")


@functools.lru_cache(maxsize=64)
def _hashes(words: frozenset[str]):
    return numpy.array([hash_string(w) for w in words], dtype="uint64")


def word_positions(doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower-case form or lemma is one of the words,
    read from the token arrays so that most tokens need not be looked at."""
    if not len(doc):
        return []
    forms = doc.to_array([LOWER, LEMMA])
    hashes = _hashes(words)
    hits = numpy.isin(forms[:, 0], hashes) | numpy.isin(forms[:, 1], hashes)
    return [int(i) for i in numpy.nonzero(hits)[0]]


def words_by_sentence(doc, words: frozenset[str]) -> Iterator[tuple[object, list]]:
    """Each sentence with its tokens that are one of the words (see ``word_positions``)."""
    marked = word_positions(doc, words)
    n = 0
    for sent in doc.sents:
        found = []
        while n < len(marked) and marked[n] < sent.end:
            found.append(doc[marked[n]])
            n += 1
        yield sent, found
