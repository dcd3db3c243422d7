"""CAMEO and PLOVER 0.8: codes, descriptions, scores and the map between them.

Conventions (they differ between data sets, so each is named):

- ``goldstein``: GDELT's Goldstein scale (``CAMEO.goldsteinscale.txt``); the ICEWS
  variant, which differs on 016, 022, 164 and 165, is ``CameoCode.goldstein_icews``.
- ``quad_class``: GDELT's QuadClass, by CAMEO root: 01-05 -> 1 verbal cooperation,
  06-09 -> 2 material cooperation, 10-14 -> 3 verbal conflict, 15-20 -> 4 material
  conflict. ICEWS's (09-13 verbal conflict, 14-20 material conflict) and Phoenix's
  (0 for 01-02, then 03-05, 06-08, 09-13 and 16, 14-15 and 17-20) are kept too:
  ``quad_class(code, scheme="icews")``.
- PLOVER type, mode and context for a CAMEO code come from CAMEO2PLOVER-2021.

The tables are built by ``scripts/build_ontology.py`` and read once per process.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DATA = Path(__file__).resolve().parent / "data" / "ontology"
QuadScheme = Literal["gdelt", "icews", "phoenix"]
QUAD_NAMES = {0: "neutral", 1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    level: int  # 0 root ("04"), 1 second level ("042"), 2 third level ("0421")
    root: str
    description: str
    goldstein: float  # GDELT
    goldstein_icews: float
    quad_gdelt: int
    quad_icews: int
    quad_phoenix: int


@dataclass(frozen=True, slots=True)
class PloverCoding:
    event: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PloverType:
    event: str
    definition: str
    requires_recipient: bool
    quad_category: str
    score: float | None


@dataclass(frozen=True, slots=True)
class PloverMode:
    event: str
    mode: str
    definition: str
    score: float | None


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _score(value: str) -> float | None:
    return float(value) if value.strip() else None


@functools.cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code (311), keyed by code string ("042")."""
    return {r["code"]: CameoCode(r["code"], int(r["level"]), r["root"], r["description"],
                                 float(r["goldstein_gdelt"]), float(r["goldstein_icews"]),
                                 int(r["quad_gdelt"]), int(r["quad_icews"]), int(r["quad_phoenix"]))
            for r in _rows("cameo.tsv")}


def cameo(code: str | None) -> CameoCode | None:
    """The CAMEO code, or None for an unknown one."""
    return cameo_codes().get(code) if code else None


def describe(code: str) -> str | None:
    entry = cameo(code)
    return entry.description if entry else None


def goldstein(code: str | None, scheme: Literal["gdelt", "icews"] = "gdelt") -> float | None:
    """Goldstein score of a CAMEO code (GDELT's table unless ``scheme="icews"``)."""
    entry = cameo(code)
    if entry is None:
        return None
    return entry.goldstein if scheme == "gdelt" else entry.goldstein_icews


def quad_class(code: str | None, scheme: QuadScheme = "gdelt") -> int | None:
    """Quad class of a CAMEO code under the named scheme (GDELT's 1-4 by default)."""
    entry = cameo(code)
    if entry is None:
        return None
    return {"gdelt": entry.quad_gdelt, "icews": entry.quad_icews,
            "phoenix": entry.quad_phoenix}[scheme]


@functools.cache
def _cameo2plover() -> dict[str, PloverCoding]:
    return {r["code"]: PloverCoding(r["event"], r["mode"] or None,
                                    tuple(c for c in r["context"].split(";") if c))
            for r in _rows("plover/cameo2plover.tsv")}


def plover_for_cameo(code: str | None) -> PloverCoding | None:
    """PLOVER event, mode and context for a CAMEO code (CAMEO2PLOVER-2021).

    None for codes PLOVER drops (01 statements, 02 appeals).
    """
    return _cameo2plover().get(code) if code else None


@functools.cache
def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER 0.8 event types."""
    return {r["event"]: PloverType(r["event"], r["definition"], r["requires_recipient"] == "Yes",
                                   r["quad_category"], _score(r["score"]))
            for r in _rows("plover/types.tsv")}


@functools.cache
def plover_modes() -> dict[tuple[str, str], PloverMode]:
    """PLOVER 0.8 modes, keyed by (event type, mode)."""
    return {(r["event"], r["mode"]): PloverMode(r["event"], r["mode"], r["definition"],
                                                _score(r["score"]))
            for r in _rows("plover/modes.tsv")}


@functools.cache
def plover_contexts() -> dict[str, str]:
    """PLOVER 0.8 contexts, name -> definition."""
    return {r["context"]: r["definition"] for r in _rows("plover/contexts.tsv")}


def is_plover_mode(event: str, mode: str) -> bool:
    return (event, mode) in plover_modes()
