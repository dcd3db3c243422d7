"""A compiled cache of loaded dictionaries: one pickle per dictionary set.

The key covers every file's path, size and modification time, and this package's own
source files, so a change to either builds afresh. The cache lives in ``$CABLE_CACHE``
or ``~/.cache/cable``; when it cannot be read or written the dictionaries are simply
built from their files.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import pickle
import tempfile
from pathlib import Path

from cable.dictionaries.bundle import Dictionaries
from cable.dictionaries.sources import DictionaryFiles

FORMAT_VERSION = 2
log = logging.getLogger(__name__)


def cache_root(override: Path | str | None = None) -> Path | None:
    """Where compiled dictionaries go: ``override``, ``$CABLE_CACHE`` or ``~/.cache/cable``
    (None when there is no home folder to put it in)."""
    if override is not None:
        return Path(override)
    if os.environ.get("CABLE_CACHE"):
        return Path(os.environ["CABLE_CACHE"])
    try:
        return Path.home() / ".cache" / "cable"
    except RuntimeError:
        return None


def cache_path(files: DictionaryFiles, directory: Path) -> Path:
    stamp = [FORMAT_VERSION, files.format]
    for path in [*files.paths(), *sorted(Path(__file__).parent.glob("*.py"))]:
        info = path.stat()
        stamp.append([str(path.resolve()), info.st_size, info.st_mtime_ns])
    digest = hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:24]
    return directory / "dictionaries" / f"{digest}.pickle"


def read_cache(path: Path) -> Dictionaries | None:
    """The cached set, or None when there is none or it cannot be used."""
    try:
        with path.open("rb") as handle:
            found = _unpickle(handle)
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or stale pickle is rebuilt, never fatal
        log.info("ignoring unreadable dictionary cache %s: %s", path, error)
        return None
    return found if isinstance(found, Dictionaries) else None


def _unpickle(handle) -> object:
    """Load without the cycle collector, which only slows the load of many tuples."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def write_cache(path: Path, value: Dictionaries | object) -> bool:
    """Store a set (or anything else compiled from one) atomically; False (and a log
    line) when the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError as error:
        log.info("not caching dictionaries in %s: %s", path.parent, error)
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        return True
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        log.info("not caching dictionaries in %s: %s", path.parent, error)
        return False
