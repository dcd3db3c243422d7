"""The records every suite reader returns, and the coder protocol the scorer calls.

A suite is a list of ``SuiteRecord``: one sentence (or phrase) with what the
suite expects of it. What is expected depends on the record's ``kind``:

- ``events``: ``gold`` holds the (source, target, CAMEO code) triples a coder
  must produce, scored by exact match (PETRARCH, TABARI, PETRARCH-2 events);
  an empty ``gold`` means "no events" (``extra["expect"]`` says whether the
  suite marked it none, discard or complex).
- ``actors``: ``extra["actors"]`` lists the actor codes expected for a noun
  phrase (PETRARCH-2's "meaning" cases).
- ``plover``: ``extra["event"]`` is the PLOVER 0.8 type, ``extra["actor_codes"]``
  and ``extra["recipient_codes"]`` the country (or IGO/NGO...) codes of the
  actor and recipient lists (PLOVER gold records).
- ``quad``: ``extra["quad"]`` is the Phoenix quad class 0-4 (ConfliBERT).
- ``none``: a record the suite carries but does not check (a TABARI options
  record, an event marked "do not check", raw input to code); ``extra["skip"]``
  says why. Coders still see it, in order, so options records can take effect.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Literal, Protocol, runtime_checkable

Kind = Literal["events", "actors", "plover", "quad", "none"]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An event a suite expects: codes as the suite writes them."""

    source: str
    target: str
    cameo: str

    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.cameo)


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """An event a coder produced. Missing codes are None."""

    source: str | None
    target: str | None
    cameo: str | None
    plover: str | None = None

    def key(self) -> tuple[str, str, str]:
        return (self.source or "", self.target or "", self.cameo or "")

    def to_json(self) -> dict[str, str | None]:
        return {"source": self.source, "target": self.target, "cameo": self.cameo,
                "plover": self.plover}


@dataclass(slots=True)
class SuiteRecord:
    """One record of a suite (see the module docstring for ``kind``)."""

    id: str
    date: str | None  # ISO date, or None when the record gives none (or an invalid one)
    text: str
    category: str
    gold: list[GoldEvent] = field(default_factory=list)
    parse: str | None = None  # the record's gold Penn Treebank parse, when it has one
    extra: dict[str, Any] = field(default_factory=dict)
    kind: Kind = "events"


@runtime_checkable
class Coder(Protocol):
    """Anything that codes a suite record into events.

    A coder may also offer ``code_many(records)`` (batched, same results in
    order) and ``actor_codes(record) -> list[str]`` (codes of the actors in a
    bare noun phrase); the scorer uses them when they are there.
    """

    def code(self, record: SuiteRecord) -> list[CodedEvent]: ...


class NullCoder:
    """Codes nothing: the floor every coder must beat, and a check on the scorer."""

    def code(self, record: SuiteRecord) -> list[CodedEvent]:
        return []


def coded_json(record: SuiteRecord, events: list[CodedEvent]) -> dict[str, Any]:
    """One line of ``cable code --jsonl``: ``{id, events: [{source, target, cameo, plover}]}``."""
    return {"id": record.id, "events": [e.to_json() for e in events]}


def code_all(coder: Coder, records: Iterable[SuiteRecord]) -> Iterator[list[CodedEvent]]:
    """The coder's events for each record, in order (batched when it can be)."""
    many = getattr(coder, "code_many", None)
    if many is not None:
        yield from many(records)
    else:
        for record in records:
            yield coder.code(record)


def iso_date(raw: object) -> str | None:
    """YYYYMMDD, YYMMDD (TABARI: 00-29 is 20xx) or ISO to an ISO date; None if invalid."""
    raw = str(raw or "").strip()
    digits = re.sub(r"\D", "", raw[:10] if re.match(r"\d{4}-\d\d-\d\d", raw) else raw)
    if len(digits) == 6:
        digits = ("20" if int(digits[:2]) < 30 else "19") + digits
    if len(digits) != 8:
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return None


def squash(text: str | None) -> str:
    """Whitespace (line breaks, runs of spaces) folded to single spaces."""
    return " ".join((text or "").split())
