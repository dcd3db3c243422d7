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
from dataclasses import dataclass
from pathlib import Path

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
    swap: bool  # the subject hosts, the object visits
    ccomp_subject: bool  # "demanded that X withdraw": X is the recipient


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
        content="content" in roles, swap="swap" in roles, ccomp_subject="ccomp-subj" in roles,
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
