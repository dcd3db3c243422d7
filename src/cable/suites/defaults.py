"""Cable's default dictionaries: PETRARCH-2's CAMEO.2.0 verbs and the Phoenix actors,
agents, discards and issues (MIT licence; see ``data/ATTRIBUTION.md``).

They ship gzip-compressed under ``data/dictionaries/`` (built by
``scripts/build_dictionaries.py``); the dictionary readers take plain files, so
they are unpacked once into the cache folder (``$CABLE_CACHE`` or
``~/.cache/cable``), under a name that changes when the packaged files do.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from ..dictionaries.cache import cache_root

PACKAGED = Path(__file__).resolve().parent.parent / "data" / "dictionaries"
# load order: verbs, actors, agents, discards, issues (as PETRARCH-2's config names them)
NAMES = (
    "CAMEO.2.0.txt",
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
    "Phoenix.discards.txt",
    "Phoenix.IssueCoding.txt",
)


@functools.cache
def default_dictionaries() -> list[Path]:
    """Paths of the default dictionary files, unpacked on first use."""
    folder = _unpack_folder()
    for name in NAMES:
        target = folder / name
        if not target.is_file():
            _unpack(PACKAGED / f"{name}.gz", target)
    return [folder / name for name in NAMES]


def _unpack_folder() -> Path:
    """A folder for the unpacked files, named for the packaged bytes."""
    digest = hashlib.sha256()
    for name in NAMES:
        digest.update((PACKAGED / f"{name}.gz").read_bytes())
    stamp = f"default-{digest.hexdigest()[:16]}"
    for root in (cache_root(), Path(tempfile.gettempdir()) / "cable"):
        if root is None:
            continue
        folder = root / "dictionaries" / stamp
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    raise OSError("no writable folder to unpack Cable's default dictionaries into")


def _unpack(source: Path, target: Path) -> None:
    """Decompress atomically, so a half-written file is never read."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with gzip.open(source, "rb") as packed, os.fdopen(handle, "wb") as out:
            shutil.copyfileobj(packed, out)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
