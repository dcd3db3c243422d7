"""Scoring, the way the originals score.

- Events (TABARI and PETRARCH validation): a record is right when the events
  coded are exactly the gold (source, target, code) triples, compared as
  multisets, each coded event matching at most one gold event. Over all gold
  events, as UniversalPetrarch's validation counts them: *correct* (gold events
  reproduced), *uncoded* (gold events missed) and *extra* (coded events that
  match none), each as a share of gold events, so extra can pass 100%;
  precision, recall and F1 follow.
- Actors (PETRARCH-2 noun phrases): the set of actor codes equals the gold set.
- PLOVER: the type of the first typed event equals the gold type (and whether
  any event has it); the actor and recipient code sets of the events of that
  type, cut to their three-letter roots (USAGOV -> USA, IGOUNO -> IGO), equal
  the gold sets, order-insensitive, on records whose gold names them.
- Quad (ConfliBERT): the Phoenix quad class of the first event with a CAMEO
  code equals the label; no event is a miss. Accuracy and macro-F1.

Everything is also broken down by the records' categories.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..ontology import quad_class
from .base import CodedEvent, Coder, SuiteRecord


@dataclass(slots=True)
class RecordResult:
    """How one record scored."""

    id: str
    category: str
    kind: str
    coded: list[CodedEvent]
    exact: bool
    gold: int = 0  # kind "events": gold events, coded events, and those matched
    n_coded: int = 0
    correct: int = 0
    checks: dict[str, bool] = field(default_factory=dict)  # plover/quad: named checks
    expected: Any = None
    predicted: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "category": self.category, "kind": self.kind, "exact": self.exact,
                "checks": self.checks, "expected": self.expected, "predicted": self.predicted,
                "events": [e.to_json() for e in self.coded]}


@dataclass(slots=True)
class Tally:
    """Counts over a set of records."""

    records: int = 0
    exact: int = 0
    gold: int = 0
    coded: int = 0
    correct: int = 0
    passed: Counter = field(default_factory=Counter)  # check name -> records that passed
    applicable: Counter = field(default_factory=Counter)  # check name -> records it applied to

    def add(self, result: RecordResult) -> None:
        self.records += 1
        self.exact += result.exact
        self.gold += result.gold
        self.coded += result.n_coded
        self.correct += result.correct
        for name, ok in result.checks.items():
            self.applicable[name] += 1
            self.passed[name] += ok

    @property
    def uncoded(self) -> int:
        return self.gold - self.correct

    @property
    def extra(self) -> int:
        return self.coded - self.correct

    def share(self, name: str) -> float | None:
        return self.passed[name] / self.applicable[name] if self.applicable[name] else None

    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.coded if self.coded else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def to_json(self, events: bool = True) -> dict[str, Any]:
        """Counts; with ``events``, the event counts and P/R/F1 too."""
        out: dict[str, Any] = {"records": self.records, "exact": self.exact}
        if events:
            p, r, f = self.prf()
            out.update(gold_events=self.gold, coded_events=self.coded, correct=self.correct,
                       uncoded=self.uncoded, extra=self.extra, precision=round(p, 4), recall=round(r, 4),
                       f1=round(f, 4))
        for name in sorted(self.applicable):
            out[f"{name}_accuracy"] = round(self.share(name), 4)
            out[f"{name}_records"] = self.applicable[name]
        return out


def score_record(record: SuiteRecord, coded: list[CodedEvent], coder: Coder | None = None) -> RecordResult:
    """Score one record's coded events against what its kind expects."""
    result = RecordResult(record.id, record.category, record.kind, coded, exact=False)
    if record.kind == "events":
        score_events(result, record, coded)
    elif record.kind == "actors":
        found = getattr(coder, "actor_codes", None)
        codes = found(record) if found else [c for e in coded for c in (e.source, e.target) if c]
        result.expected, result.predicted = sorted(set(record.extra["actors"])), sorted(set(codes))
        result.exact = result.expected == result.predicted
    elif record.kind == "plover":
        score_plover(result, record, coded)
    elif record.kind == "quad":
        result.expected = record.extra["quad"]
        result.predicted = next((q for e in coded if (q := quad_class(e.cameo, "phoenix")) is not None), None)
        result.exact = result.checks["quad"] = result.predicted == result.expected
    return result


def score_events(result: RecordResult, record: SuiteRecord, coded: list[CodedEvent]) -> None:
    gold = Counter(e.key() for e in record.gold)
    got = Counter(e.key() for e in coded)
    result.gold, result.n_coded = sum(gold.values()), sum(got.values())
    result.correct = sum((gold & got).values())
    result.exact = gold == got
    result.expected = [list(k) for k in gold.elements()]


def score_plover(result: RecordResult, record: SuiteRecord, coded: list[CodedEvent]) -> None:
    typed = [e for e in coded if e.plover]
    first = typed[0].plover if typed else None
    same = [e for e in typed if e.plover == first]
    actors = sorted({e.source[:3] for e in same if e.source})
    recipients = sorted({e.target[:3] for e in same if e.target})
    gold = record.extra
    result.expected = {"event": gold["event"], "actors": gold["actor_codes"], "recipients": gold["recipient_codes"]}
    result.predicted = {"event": first, "actors": actors, "recipients": recipients}
    result.checks = {"type": first == gold["event"], "type_any": gold["event"] in {e.plover for e in typed}}
    if gold["actor_codes"]:
        result.checks["actors"] = actors == gold["actor_codes"]
    if gold["recipient_codes"]:
        result.checks["recipients"] = recipients == gold["recipient_codes"]
    result.exact = all(result.checks[k] for k in result.checks if k != "type_any")
