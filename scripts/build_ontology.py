"""Build Cable's compact CAMEO and PLOVER tables from the shared reference tables.

Reads ``../shared/anchors/event-ontology-tables/`` (compiled from GDELT's lookup
files, the ICEWS CAMEO table and PLOVER 0.8) and writes:

    src/cable/data/ontology/cameo.tsv                 GDELT terms + ICEWS table (MIT)
    src/cable/data/ontology/plover/types.tsv          PLOVER 0.8, CC BY-SA 4.0
    src/cable/data/ontology/plover/modes.tsv          PLOVER 0.8, CC BY-SA 4.0
    src/cable/data/ontology/plover/contexts.tsv       PLOVER 0.8, CC BY-SA 4.0
    src/cable/data/ontology/plover/cameo2plover.tsv   CAMEO2PLOVER-2021, CC BY-SA 4.0

The PLOVER-derived tables live in their own folder so that their share-alike
licence stays with them.

Usage: python scripts/build_ontology.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "cable" / "data" / "ontology"
TABLES = "anchors/event-ontology-tables"
CAMEO_COLUMNS = ("code", "level", "root", "description", "goldstein_gdelt", "goldstein_icews",
                 "quad_gdelt", "quad_icews", "quad_phoenix")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def write_tsv(path: Path, columns: tuple[str, ...], rows: list[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    print(f"wrote {path.relative_to(ROOT)} ({len(rows)} rows)")


def description(row: dict[str, str]) -> str:
    """GDELT's description; ICEWS's name where GDELT's copy is mis-encoded (044)."""
    text = row["gdelt_description"].strip()
    if not text.isascii():
        return row["icews_name"].strip()
    return text


def contexts(value: str) -> str:
    return ";".join(c.strip() for c in value.split(";") if c.strip())


def cameo_rows(rows: list[dict[str, str]]) -> list[tuple]:
    return [(r["cameo_code"], r["level"], r["root"], description(r), r["goldstein_gdelt"],
             r["goldstein_icews"], r["quadclass_gdelt"], r["quad_icews"], r["quad_phoenix"])
            for r in rows]


def cameo2plover_rows(rows: list[dict[str, str]]) -> list[tuple]:
    return [(r["cameo_code"], r["plover_event"], r["plover_mode"], contexts(r["plover_context"]))
            for r in rows if r["plover_event"]]


def build(shared: Path) -> None:
    tables = shared / TABLES
    cameo = read_tsv(tables / "cameo_codes_goldstein_quad.tsv")
    write_tsv(OUT / "cameo.tsv", CAMEO_COLUMNS, cameo_rows(cameo))
    write_tsv(OUT / "plover" / "cameo2plover.tsv", ("code", "event", "mode", "context"),
              cameo2plover_rows(cameo))
    types = read_tsv(tables / "plover_event_types.tsv")
    write_tsv(OUT / "plover" / "types.tsv",
              ("event", "requires_recipient", "quad_category", "score", "definition"),
              [(t["event"], t["requires_recipient"], t["quad_category"], t["plover_score"],
                t["definition"]) for t in types])
    modes = read_tsv(tables / "plover_modes.tsv")
    write_tsv(OUT / "plover" / "modes.tsv", ("event", "mode", "score", "definition"),
              [(m["event"], m["mode"], m["plover_score"], m["definition"]) for m in modes])
    ctx = read_tsv(tables / "plover_contexts.tsv")
    write_tsv(OUT / "plover" / "contexts.tsv", ("context", "definition"),
              [(c["context"], c["definition"]) for c in ctx])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder that holds anchors/ (default: ../shared)")
    build(parser.parse_args().shared)


if __name__ == "__main__":
    main()
