"""Score forecasts whose outcomes are known: Brier scores and calibration tables.

A forecast states a probability p (from its estimative phrase); its outcome o
is 1 when the forecast event happened and 0 when it did not. The Brier score
of a set of forecasts is the mean of (p - o)^2: 0 is perfect, 0.25 is what
always saying "even chance" earns, 1 is always certain and always wrong.
A calibration table puts forecasts into bins of stated probability and sets
the mean stated probability of each bin beside how often its forecasts came true.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

UNATTRIBUTED = "(unattributed)"
DEFAULT_BINS = 10


@dataclass(frozen=True, slots=True)
class Scored:
    """One resolved forecast: who held it, the probability stated, what happened."""

    holder: str
    probability: float
    outcome: int


@dataclass(frozen=True, slots=True)
class HolderScore:
    holder: str
    n: int
    brier: float


@dataclass(frozen=True, slots=True)
class CalibrationBin:
    """Forecasts stated with probability in [low, high) (the last bin includes 1)."""

    low: float
    high: float
    n: int
    mean_probability: float | None
    observed: float | None


def brier(forecasts: Iterable[Scored]) -> float | None:
    """Mean squared difference between stated probability and outcome; None for none."""
    items = list(forecasts)
    if not items:
        return None
    return sum((f.probability - f.outcome) ** 2 for f in items) / len(items)


def brier_by_holder(forecasts: Iterable[Scored]) -> list[HolderScore]:
    """Brier score of each holder's forecasts, holders in alphabetical order."""
    groups: dict[str, list[Scored]] = {}
    for f in forecasts:
        groups.setdefault(f.holder, []).append(f)
    return [HolderScore(h, len(fs), brier(fs)) for h, fs in sorted(groups.items())]


def calibration(forecasts: Iterable[Scored], bins: int = DEFAULT_BINS) -> list[CalibrationBin]:
    """``bins`` equal bins of stated probability, each with its count, mean
    stated probability and observed frequency (None for an empty bin)."""
    members: list[list[Scored]] = [[] for _ in range(bins)]
    for f in forecasts:
        members[min(math.floor(round(f.probability * bins, 9)), bins - 1)].append(f)
    return [CalibrationBin(k / bins, (k + 1) / bins, len(fs),
                           sum(f.probability for f in fs) / len(fs) if fs else None,
                           sum(f.outcome for f in fs) / len(fs) if fs else None)
            for k, fs in enumerate(members)]


def scored(rows: Iterable[dict]) -> list[Scored]:
    """The resolved forecasts among stored forecast rows (``Store.forecasts``)."""
    return [Scored(r.get("holder_name") or UNATTRIBUTED, float(r["probability"]), int(r["outcome"]))
            for r in rows if r.get("outcome") is not None]


def report(forecasts: list[Scored], bins: int = DEFAULT_BINS) -> dict:
    """Brier scores (overall and per holder) and the calibration table, as JSON."""
    overall = brier(forecasts)
    return {
        "n": len(forecasts),
        "brier": _round(overall),
        "holders": [{"holder": h.holder, "n": h.n, "brier": _round(h.brier)} for h in brier_by_holder(forecasts)],
        "calibration": [{"low": b.low, "high": b.high, "n": b.n, "mean_probability": _round(b.mean_probability),
                         "observed": _round(b.observed)} for b in calibration(forecasts, bins)],
    }


def table(forecasts: list[Scored], bins: int = DEFAULT_BINS) -> str:
    """The report as plain text."""
    data = report(forecasts, bins)
    if not data["n"]:
        return "no forecasts with a recorded outcome; record one with `cable forecasts outcome KEY 0|1`"
    lines = [f"{data['n']} resolved forecasts, Brier score {data['brier']:.4f}", "", "holder\tn\tbrier"]
    lines += [f"{h['holder']}\t{h['n']}\t{h['brier']:.4f}" for h in data["holders"]]
    lines += ["", "stated\tn\tmean stated\tobserved"]
    lines += [f"{b['low']:.1f}-{b['high']:.1f}\t{b['n']}\t{_cell(b['mean_probability'])}\t{_cell(b['observed'])}"
              for b in data["calibration"]]
    return "\n".join(lines)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
