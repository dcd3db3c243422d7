"""``load_dictionaries``: a dictionary set from a config, project, records file or paths."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from cable.dictionaries.bundle import Dictionaries, build_dictionaries
from cable.dictionaries.cache import cache_path, cache_root, read_cache, write_cache
from cable.dictionaries.sources import (
    DictionaryFiles, classify_paths, read_environment, read_petrarch_config, read_tabari_project,
)
from cable.errors import InputError, InputNotFound

log = logging.getLogger(__name__)
Source = DictionaryFiles | str | Path | Sequence[str | Path]


class DictionaryError(InputError):
    """A dictionary set that cannot be found or understood."""

    code = "bad_dictionaries"


def load_dictionaries(source: Source, *, directory: str | Path | None = None,
                      cache: bool = True, cache_dir: str | Path | None = None) -> Dictionaries:
    """Load a dictionary set, from the compiled cache when its files have not changed.

    ``source`` is a ``DictionaryFiles``, a TABARI ``.project``, a ``PETR_config.ini``, a
    PETRARCH records ``.xml`` (its ``<Environment>``), a folder holding one ``.project``
    or ``.ini``, or dictionary file paths. ``directory`` is where the names in a project,
    config or records file are looked up (default: that file's folder). The compiled
    set is kept under ``cache_dir`` (default ``$CABLE_CACHE`` or ``~/.cache/cable``)
    unless ``cache`` is False. Raises ``InputNotFound`` for a missing file and
    ``DictionaryError`` for a source it cannot read.
    """
    files = dictionary_files(source, directory)
    missing = [str(path) for path in files.paths() if not path.is_file()]
    if missing:
        raise InputNotFound(f"dictionary file not found: {', '.join(missing)}")
    root = cache_root(cache_dir) if cache else None
    path = cache_path(files, root) if root else None
    found = read_cache(path) if path else None
    if found is not None:
        return found
    dictionaries = build_dictionaries(files)
    _report(dictionaries)
    if path:
        write_cache(path, dictionaries)
    return dictionaries


def dictionary_files(source: Source, directory: str | Path | None = None) -> DictionaryFiles:
    """Which files ``source`` stands for (see ``load_dictionaries``)."""
    if isinstance(source, DictionaryFiles):
        return source
    folder = Path(directory) if directory is not None else None
    if isinstance(source, (str, Path)):
        return _from_path(Path(source), folder)
    try:
        return classify_paths([Path(p) for p in source])
    except ValueError as error:
        raise DictionaryError(str(error)) from None


def _from_path(path: Path, folder: Path | None) -> DictionaryFiles:
    if path.is_dir():
        path = _single_setup(path)
    if not path.exists():
        raise InputNotFound(f"{path} not found")
    readers = {".project": read_tabari_project, ".ini": read_petrarch_config, ".xml": read_environment}
    try:
        reader = readers.get(path.suffix.lower())
        return reader(path, folder) if reader else classify_paths([path])
    except ValueError as error:
        raise DictionaryError(str(error)) from None


def _single_setup(folder: Path) -> Path:
    """The one ``.project`` or ``.ini`` in a folder."""
    found = sorted(folder.glob("*.project")) or sorted(folder.glob("*.ini"))
    if len(found) != 1:
        raise DictionaryError(f"{folder} should hold one TABARI .project or PETRARCH .ini; "
                              f"found {len(found)}: name the file instead")
    return found[0]


def _report(dictionaries: Dictionaries) -> None:
    warnings = dictionaries.warnings
    if warnings:
        log.warning("%d dictionary lines skipped or questionable, e.g. %s (see .warnings)",
                    len(warnings), warnings[0])
