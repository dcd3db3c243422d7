"""Tracked processes: negotiation tracks, forums and agreements (actors of kind
``process`` or ``forum``) followed across the stored articles.

For each one: its members (the other parties to events it is part of, and
people whose title names it, such as a delegation head), a status history
read from those events (an occurred withdrawal suspends it, a resumption
resumes it: ``data/brief/process_status.tsv``), and each party's stated
positions on it, preconditions among them (stances whose words name it, or
that say "the talks" in an article that tracks only this one process), and
what was said about it (quotes that name it).
Every entry keeps its evidence: article id, record id and character offsets.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from .stories import normal

KINDS = ("process", "forum")
SCAN = 1000


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a statement rests: a record of a stored article and its character offsets
    (into the article's text, or its title when ``field`` says so)."""

    article_id: str
    record_id: str
    start: int
    end: int
    field: str = "text"


@dataclass(slots=True)
class Change:
    """An event that moved a process: its status after, what the parties did, when."""

    status: str  # suspended, resumed, recommitted, ...
    party_status: str  # withdrawn, returned, ...
    noun: str  # withdrawal, resumption, ...
    parties: list[str]  # names of the actors who did it
    date: dict[str, Any] | None  # the event's date {text, start, end}, None when the article gives none
    published: str | None  # when the article reporting it appeared
    evidence: Evidence


@dataclass(slots=True)
class Position:
    """A party's stated position on a process; ``polarity`` conditional marks a precondition."""

    holder: str
    polarity: str
    issue: str
    position: str
    evidence: Evidence


@dataclass(slots=True)
class Remark:
    """A quote that names the process, with its speaker."""

    speaker: str
    title: str | None
    text: str
    evidence: Evidence


@dataclass(slots=True)
class Process:
    name: str
    kind: str
    articles: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    history: list[Change] = field(default_factory=list)  # oldest first
    positions: list[Position] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)

    @property
    def status(self) -> str | None:
        return self.history[-1].status if self.history else None


def data_lines(name: str) -> list[str]:
    """The non-comment lines of a file under ``data/brief/``."""
    text = files("cable").joinpath("data", "brief", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def status_rules() -> tuple[tuple[str, ...], ...]:
    """(match, value, status, party status, noun) rows, in the order they are tried."""
    return tuple(tuple(r) for r in csv.reader(data_lines("process_status.tsv"), delimiter="\t"))


@functools.cache
def process_nouns() -> re.Pattern:
    """Generic words that refer back to a negotiation track ("the talks")."""
    return re.compile(r"\b(" + "|".join(sorted(w.strip() for w in data_lines("process_nouns.txt"))) + r")\b", re.I)


def status_change(event: dict[str, Any]) -> tuple[str, str, str] | None:
    """(status, party status, noun) when an occurred event moves a process, else None:
    the trigger's words first, then the PLOVER mode, then the CAMEO code."""
    if event["status"] != "occurred":
        return None
    trigger = event["trigger"]["text"].lower()
    for match, value, status, party, noun in status_rules():
        if ((match == "trigger" and trigger.startswith(value)) or (match == "mode" and event.get("mode") == value)
                or (match == "cameo" and event.get("cameo") == value)):
            return status, party, noun
    return None


def tracked(store) -> dict[str, tuple[str, str]]:
    """Every stored process and forum: normalised name -> (name as most often written, kind)."""
    out: dict[str, tuple[str, str]] = {}
    for kind in KINDS:
        for row in store.actors(kind=kind, limit=SCAN):
            out.setdefault(normal(row["name"]), (row["name"], kind))
    return out


def articles_naming(store, name: str) -> list[dict[str, Any]]:
    """The records of stored articles whose events involve the process, or whose words name it."""
    ids = {e["article_id"] for e in store.events(actor_name=name, limit=SCAN)}
    ids |= {hit["id"] for hit in store.search(name, limit=SCAN)}
    records = [r for r in (store.article(i) for i in ids) if r is not None]
    return sorted(records, key=lambda r: (r["article"]["published"] or "", r["article"]["id"]))


def follow(key: str, name: str, kind: str, records: list[dict[str, Any]]) -> Process:
    """The process ``key`` (a normalised name) as the records tell it."""
    process = Process(name, kind)
    for record in records:
        ids = {a["id"] for a in record["actors"] if normal(a["name"]) == key}
        if not ids:
            continue
        process.articles.append(record["article"]["id"])
        for member in members_in(record, ids, key):
            if member not in process.members:
                process.members.append(member)
        process.history += changes_in(record, ids)
        process.positions += positions_in(record, ids)
        process.remarks += remarks_in(record, ids)
    process.history.sort(key=lambda c: ((c.date or {}).get("start") or c.published or "", c.published or ""))
    return process


def members_in(record: dict[str, Any], ids: set[str], key: str) -> list[str]:
    """Names of the parties to the article's events that involve the process, and of the people
    whose title's organisation names it."""
    names = {a["id"]: a["name"] for a in record["actors"]}
    out = [names[x] for e in record["events"] if ids & set(e["actors"] + e["recipients"])
           for x in e["actors"] + e["recipients"] if x not in ids and x in names]
    out += [a["name"] for a in record["actors"]
            if any(key in normal(t.get("organization") or "") for t in a.get("titles", []))]
    return list(dict.fromkeys(out))


def changes_in(record: dict[str, Any], ids: set[str]) -> list[Change]:
    """The article's occurred events, naming the process, that move its status."""
    article = record["article"]
    names = {a["id"]: a["name"] for a in record["actors"]}
    out = []
    for e in record["events"]:
        moved = status_change(e) if ids & set(e["actors"] + e["recipients"]) else None
        if moved is None:
            continue
        parties = [names.get(x, x) for x in e["actors"] if x not in ids]
        out.append(Change(*moved, parties=parties, date=e.get("date"), published=article.get("published"),
                          evidence=Evidence(article["id"], e["id"], e["sentence"]["start"], e["sentence"]["end"])))
    return out


def positions_in(record: dict[str, Any], ids: set[str]) -> list[Position]:
    """Stances whose words name the process (one of its mentions lies inside), or, when the article
    tracks no other process, say "the talks" or the like."""
    spans = mention_spans(record, ids)
    here = {normal(a["name"]) for a in record["actors"] if a["kind"] == "process"}
    alone = {a["kind"] for a in record["actors"] if a["id"] in ids} == {"process"} and len(here) == 1
    names = {a["id"]: a["name"] for a in record["actors"]}
    out = []
    for s in record.get("stances", []):
        if holds(s, spans) or (alone and process_nouns().search(s["position"])):
            out.append(Position(names.get(s["holder"], s["holder"]), s["polarity"], s["issue"], s["position"],
                                Evidence(record["article"]["id"], s["id"], s["start"], s["end"])))
    return out


def remarks_in(record: dict[str, Any], ids: set[str]) -> list[Remark]:
    """Direct (or mixed) quotes with a known speaker whose words name the process."""
    spans = mention_spans(record, ids)
    return [Remark(q["speaker_name"], q.get("speaker_title"), q["text"],
                   Evidence(record["article"]["id"], q["id"], q["start"], q["end"]))
            for q in record.get("quotes", [])
            if q.get("speaker_name") and q["kind"] != "indirect" and holds(q, spans)]


def mention_spans(record: dict[str, Any], ids: set[str]) -> list[tuple[int, int]]:
    """Where the article names the process: (start, end) of each mention."""
    return [(m["start"], m["end"]) for a in record["actors"] if a["id"] in ids for m in a.get("mentions", [])]


def holds(item: dict[str, Any], spans: list[tuple[int, int]]) -> bool:
    """Whether one of the spans lies inside the record's own span."""
    return any(item["start"] <= a and b <= item["end"] for a, b in spans)


def processes(store) -> list[Process]:
    """Every stored process and forum, followed across the articles that name it, those with a
    status history first."""
    out = [follow(key, name, kind, articles_naming(store, name)) for key, (name, kind) in tracked(store).items()]
    return sorted(out, key=lambda p: (not p.history, p.name))


def process(store, name: str) -> Process | None:
    """One process or forum by name (any spelling that normalises alike), or None."""
    found = tracked(store).get(normal(name))
    return follow(normal(name), found[0], found[1], articles_naming(store, found[0])) if found else None
