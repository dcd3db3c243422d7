"""Package Cable's default event-coding dictionaries into ``src/cable/data/dictionaries/``.

The PETRARCH-2 CAMEO.2.0 verb dictionary and the Phoenix actor, agent, discard and
issue dictionaries (openeventdata/petrarch2, MIT licence) are copied gzip-compressed,
byte for byte otherwise. Run from the repository root, with ``../shared`` beside it:

    python scripts/build_dictionaries.py
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PETRARCH2 = SHARED / "anchors" / "petrarch2" / "petrarch2" / "data" / "dictionaries"
ACTORS = SHARED / "corpora" / "event-actor-dictionaries"
OUT = ROOT / "src" / "cable" / "data" / "dictionaries"

# the set PETRARCH-2's own PETR_config.ini names, in its order
FILES = (
    PETRARCH2 / "CAMEO.2.0.txt",
    ACTORS / "Phoenix.Countries.actors.txt",
    ACTORS / "Phoenix.International.actors.txt",
    ACTORS / "Phoenix.MilNonState.actors.txt",
    ACTORS / "Phoenix.agents.txt",
    PETRARCH2 / "Phoenix.discards.txt",
    PETRARCH2 / "Phoenix.IssueCoding.txt",
)
LICENCE = ACTORS / "petrarch2-LICENSE"


def compress(source: Path, target: Path) -> None:
    """``source`` gzip-compressed to ``target``, with no timestamp (reproducible bytes)."""
    with source.open("rb") as raw, target.open("wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as packed:
            shutil.copyfileobj(raw, packed)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for source in FILES:
        target = OUT / f"{source.name}.gz"
        compress(source, target)
        print(f"{target.relative_to(ROOT)}: {source.stat().st_size} -> {target.stat().st_size} bytes")
    shutil.copyfile(LICENCE, OUT / "petrarch2-LICENSE")


if __name__ == "__main__":
    main()
