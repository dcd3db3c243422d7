"""Run a coder over a suite and report the scores: a table for people, JSON for tools."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .base import Coder, SuiteRecord, code_all
from .score import RecordResult, Tally, score_record

KIND_TITLES = {
    "events": "Events: exact match of the (source, target, code) multiset per record",
    "actors": "Actor codes of noun phrases: exact match of the code set",
    "plover": "PLOVER: event type (first event; any event) and actor/recipient country sets",
    "quad": "Quad class (Phoenix convention) of the first CAMEO-coded event",
}
Column = tuple[str, Callable[[Tally], str]]


def evaluate(suite_records: Iterable[SuiteRecord], coder: Coder, *, suite: str = "",
             limit: int | None = None) -> Report:
    """Code the records in order (unchecked ones too, so options records take effect)
    and score those the suite checks. ``limit`` keeps the first N records."""
    records = list(suite_records)[:limit]
    results = [score_record(r, coded, coder) for r, coded in zip(records, code_all(coder, records))
               if r.kind != "none"]
    return Report(suite=suite, coder=type(coder).__name__, results=results,
                  unchecked=sum(r.kind == "none" for r in records))


@dataclass(slots=True)
class Report:
    """Scores of one coder on one suite."""

    suite: str
    coder: str
    results: list[RecordResult] = field(default_factory=list)
    unchecked: int = 0  # records read but not checked (options records, do-not-check)

    def kinds(self) -> list[str]:
        return [t for t in KIND_TITLES if any(r.kind == t for r in self.results)]

    def tally(self, kind: str, category: str | None = None) -> Tally:
        tally = Tally()
        for r in self.results:
            if r.kind == kind and (category is None or r.category == category):
                tally.add(r)
        return tally

    def categories(self, kind: str) -> list[str]:
        return sorted({r.category for r in self.results if r.kind == kind})

    def macro_f1(self, kind: str = "quad") -> float:
        """Macro-averaged F1 over the expected labels (quad classes)."""
        pairs = [(r.expected, r.predicted) for r in self.results if r.kind == kind]
        scores = []
        for label in sorted({e for e, _ in pairs}):
            tp = sum(e == p == label for e, p in pairs)
            fp = sum(p == label != e for e, p in pairs)
            fn = sum(e == label != p for e, p in pairs)
            scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        return sum(scores) / len(scores) if scores else 0.0

    def coverage(self, kind: str = "quad") -> float:
        """Share of the kind's records for which the coder predicted anything."""
        results = [r for r in self.results if r.kind == kind]
        return sum(r.predicted is not None for r in results) / len(results) if results else 0.0

    def table(self) -> str:
        """The report as plain-text tables, one per kind, by category."""
        lines = [f"{self.suite or 'suite'}: {len(self.results)} records scored, "
                 f"{self.unchecked} not checked; coder {self.coder}"]
        for kind in self.kinds():
            lines += ["", KIND_TITLES[kind]]
            columns = COLUMNS[kind]
            rows = [[cat] + [get(self.tally(kind, cat)) for _, get in columns] for cat in self.categories(kind)]
            rows.append(["all"] + [get(self.tally(kind)) for _, get in columns])
            lines += grid(["category"] + [name for name, _ in columns], rows)
            lines += summary(self, kind)
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"suite": self.suite, "coder": self.coder, "scored": len(self.results),
                               "unchecked": self.unchecked, "kinds": {}}
        for kind in self.kinds():
            events = kind == "events"
            entry = {"all": self.tally(kind).to_json(events),
                     "categories": {c: self.tally(kind, c).to_json(events) for c in self.categories(kind)}}
            if kind == "quad":
                entry["macro_f1"] = round(self.macro_f1(kind), 4)
                entry["coverage"] = round(self.coverage(kind), 4)
            out["kinds"][kind] = entry
        out["records"] = [r.to_json() for r in self.results]
        return out


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _check(name: str) -> Callable[[Tally], str]:
    def get(t: Tally) -> str:
        return f"{_pct(t.passed[name], t.applicable[name])} ({t.applicable[name]})" if t.applicable[name] else "-"
    return get


COLUMNS: dict[str, list[Column]] = {
    "events": [("records", lambda t: str(t.records)), ("exact", lambda t: str(t.exact)),
               ("exact%", lambda t: _pct(t.exact, t.records)), ("gold", lambda t: str(t.gold)),
               ("correct", lambda t: str(t.correct)), ("missed", lambda t: str(t.uncoded)),
               ("extra", lambda t: str(t.extra))],
    "actors": [("records", lambda t: str(t.records)), ("exact", lambda t: str(t.exact)),
               ("exact%", lambda t: _pct(t.exact, t.records))],
    "plover": [("records", lambda t: str(t.records)), ("type", _check("type")),
               ("type in any", _check("type_any")), ("actors", _check("actors")),
               ("recipients", _check("recipients"))],
    "quad": [("records", lambda t: str(t.records)), ("correct", lambda t: str(t.passed["quad"])),
             ("accuracy", lambda t: _pct(t.passed["quad"], t.records))],
}


def summary(report: Report, kind: str) -> list[str]:
    """The one-line totals under a kind's table."""
    t = report.tally(kind)
    if kind == "events":
        p, r, f = t.prf()
        return [f"gold events {t.gold}: correct {_pct(t.correct, t.gold)}, uncoded {_pct(t.uncoded, t.gold)}, "
                f"extra {_pct(t.extra, t.gold)}; precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}"]
    if kind == "quad":
        coded = round(report.coverage(kind) * t.records)
        return [f"accuracy {_pct(t.passed['quad'], t.records)}, macro-F1 {report.macro_f1(kind):.3f}; "
                f"a class predicted for {_pct(coded, t.records)}, right on {_pct(t.passed['quad'], coded)} of those"]
    if kind == "plover":
        return [f"type, actors and recipients all right: {t.exact} of {t.records} ({_pct(t.exact, t.records)})"]
    return []


def grid(header: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned first column, right-aligned others, two spaces apart."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    return ["  ".join(str(cell).ljust(w) if i == 0 else str(cell).rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
            for row in [header, *rows]]
