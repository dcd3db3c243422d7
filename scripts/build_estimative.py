"""Build src/cable/data/voices/estimative_terms.tsv from the probability-phrase surveys.

Reads, from the shared folder beside the project (or CABLE_SHARED):
  anchors/CAPphrase/data/absolute_judgements.csv  Kucharski (2026), CC BY 4.0, n = 5,174
  anchors/perceptions/probly.csv                  zonination (2015), MIT, n = 46
and writes one row per phrase: the median and quartiles of the number (0-100)
respondents gave it. CAPphrase is used wherever it asks about a phrase;
the perceptions survey fills in phrases CAPphrase lacks ("probably", "we doubt").

    python scripts/build_estimative.py
"""

from __future__ import annotations

import csv
import os
import statistics
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CABLE_SHARED", ROOT.parent / "shared"))
CAPPHRASE = SHARED / "anchors" / "CAPphrase" / "data" / "absolute_judgements.csv"
PERCEPTIONS = SHARED / "anchors" / "perceptions" / "probly.csv"
OUT = ROOT / "src" / "cable" / "data" / "voices" / "estimative_terms.tsv"


def capphrase_values() -> dict[str, list[float]]:
    """Phrase (lower case) -> every respondent's number for it."""
    values: dict[str, list[float]] = defaultdict(list)
    with CAPPHRASE.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            values[row["term"].lower()].append(float(row["probability"]))
    return values


def perceptions_values() -> dict[str, list[float]]:
    """Phrase (lower case) -> every respondent's number for it (one column per phrase)."""
    values: dict[str, list[float]] = defaultdict(list)
    with PERCEPTIONS.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for term, number in row.items():
                if number not in (None, ""):
                    values[term.strip().lower()].append(float(number))
    return values


def summary(numbers: list[float]) -> tuple[float, float, float]:
    """(25th percentile, median, 75th percentile), linear interpolation."""
    p25, median, p75 = statistics.quantiles(numbers, n=4, method="inclusive")
    return p25, median, p75


def rows() -> list[tuple[str, str, int, float, float, float]]:
    surveys = [("CAPphrase", capphrase_values()), ("perceptions", perceptions_values())]
    out, seen = [], set()
    for name, values in surveys:
        for term, numbers in sorted(values.items()):
            if term in seen:
                continue
            seen.add(term)
            p25, median, p75 = summary(numbers)
            out.append((term, name, len(numbers), median, p25, p75))
    return sorted(out, key=lambda r: (-r[3], r[0]))


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Probability phrases: median and quartiles (percent) of survey respondents' numbers.\n")
        f.write("# Built by scripts/build_estimative.py; sources and licences in data/ATTRIBUTION.md.\n")
        f.write("term\tsurvey\tn\tmedian\tp25\tp75\n")
        for term, survey, n, median, p25, p75 in rows():
            f.write(f"{term}\t{survey}\t{n}\t{median:g}\t{p25:g}\t{p75:g}\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
