"""Verb patterns compiled for the matcher, for every verb entry of a set, kept on
disk beside the compiled dictionaries, so a coder starts with them ready instead of
compiling them as sentences meet them.

The file's key covers the dictionary set's own cache key, this package's source
files and how words match (TABARI stems or not); when it cannot be read or written
the patterns are compiled in memory.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import pickle
from pathlib import Path

from cable.coder.matching import Compiled, Members, compile_pattern
from cable.dictionaries import Dictionaries, cache_root
from cable.dictionaries.cache import cache_path, write_cache
from cable.dictionaries.entries import COMPLEX_CODE, DISCARD_CODE

SKIPPED_IN_PETRARCH = frozenset({COMPLEX_CODE, DISCARD_CODE})
EntryPatterns = dict[tuple[str, int], tuple[Compiled, ...]]
log = logging.getLogger(__name__)


def entry_patterns(dictionaries: Dictionaries, members: Members, stems: bool) -> EntryPatterns:
    """Each verb entry's patterns, compiled in file order, by (file, line) of the
    entry. PETRARCH-1 has no complex or discard patterns: those are left out."""
    path = _path(dictionaries, stems)
    found = _read(path) if path else None
    if found is None:
        found = {(entry.file, entry.line): tuple(
                     compile_pattern(p, members, stems) for p in entry.patterns
                     if stems or p.code.code not in SKIPPED_IN_PETRARCH)
                 for entry in dictionaries.verbs}
        if path:
            write_cache(path, found)
    return found


def _path(dictionaries: Dictionaries, stems: bool) -> Path | None:
    root = cache_root()
    if root is None:
        return None
    try:
        stamp = [cache_path(dictionaries.files, root).name, stems]
        for source in sorted(Path(__file__).parent.glob("*.py")):
            info = source.stat()
            stamp.append([source.name, info.st_size, info.st_mtime_ns])
    except OSError:
        return None
    digest = hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:24]
    return root / "patterns" / f"{digest}.pickle"


def _read(path: Path) -> EntryPatterns | None:
    """The stored patterns, or None when there are none or they cannot be used."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or stale pickle is rebuilt, never fatal
        log.info("ignoring unreadable pattern cache %s: %s", path, error)
        return None
    finally:
        if enabled:
            gc.enable()
    return found if isinstance(found, dict) else None
