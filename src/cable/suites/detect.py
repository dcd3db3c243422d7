"""Which suite format a file is, how to read it, and which dictionaries it names.

Formats: ``petrarch`` (validation or batch XML), ``tabari`` (validation text),
``petrarch2`` (PETRARCH-2's unit cases as JSON), ``plover`` (gold records, JSON),
``conflibert`` (``sentence<TAB>label``), ``jsonl`` (``{id, date, text}`` a line).
A directory stands for the one suite file in it (a validation file when there
are several, e.g. ``Validate.text`` beside ``TABARI.Demo.text``).
"""

from __future__ import annotations

import configparser
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, InputNotFound
from .base import SuiteRecord
from .conflibert import read_conflibert
from .jsonl import read_jsonl
from .petrarch import environment_files, read_petrarch
from .petrarch2_cases import read_petrarch2_cases
from .plover import read_plover
from .tabari import HEADER, project_files, read_tabari

READERS: dict[str, Callable[[Path], list[SuiteRecord]]] = {
    "petrarch": read_petrarch,
    "tabari": read_tabari,
    "petrarch2": read_petrarch2_cases,
    "plover": read_plover,
    "conflibert": read_conflibert,
    "jsonl": read_jsonl,
}
SNIFF_CHARS = 8192


@dataclass(slots=True)
class Suite:
    """A suite read from disk: its file, format, records and named dictionaries."""

    path: Path
    format: str
    records: list[SuiteRecord] = field(default_factory=list)
    dictionaries: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


def read_suite(path: str | Path, *, dictionaries: str | Path | None = None) -> Suite:
    """Read a suite file (or the suite file in a directory), detecting its format."""
    file = suite_file(Path(path))
    fmt = detect_format(file)
    return Suite(file, fmt, READERS[fmt](file), suite_dictionaries(file, dictionaries))


def suite_file(path: Path) -> Path:
    """The file itself, or the one suite file in a directory."""
    if not path.exists():
        raise InputNotFound(f"{path}: no such file or directory; give a suite file or its folder")
    if path.is_file():
        return path
    found = [f for f in sorted(path.iterdir()) if f.is_file() and _sniff(f)]
    if len(found) > 1:
        found = [f for f in found if "valid" in f.name.lower()] or found
    if len(found) != 1:
        names = ", ".join(f.name for f in found) or "none"
        raise InputError(f"{path}: expected one suite file in the folder, found {names}; name the file",
                         code="unknown_format")
    return found[0]


def detect_format(path: Path) -> str:
    """The format name of a suite file (see the module docstring)."""
    fmt = _sniff(path)
    if fmt is None:
        raise InputError(f"{path}: not a suite format Cable reads (PETRARCH XML, TABARI text, "
                         "PETRARCH-2 cases, PLOVER gold JSON, ConfliBERT TSV, JSONL)", code="unknown_format")
    return fmt


def _sniff(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            head = f.read(SNIFF_CHARS)
    except OSError:
        return None
    start = head.lstrip()
    if start.startswith("<") and "<Sentence" in head:
        return "petrarch"
    if start.startswith("["):
        return _json_kind(path)
    if start.startswith("{"):
        return "jsonl"
    lines = [line for line in head.splitlines() if line.strip()]
    if len(head) == SNIFF_CHARS:
        lines = lines[:-1]  # may be cut short
    if "/*" in head and any(HEADER.match(line) for line in lines):
        return "tabari"
    if lines and all(re.search(r"\t[0-4]\s*$", line) for line in lines):
        return "conflibert"
    return None


def _json_kind(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return None
    items = [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []
    if items and all("test" in d for d in items):
        return "petrarch2"
    if items and any("event" in d and "text" in d for d in items):
        return "plover"
    return None


def suite_dictionaries(path: str | Path, directory: str | Path | None = None) -> list[Path]:
    """Dictionary files the suite's own environment or project names, verbs first.

    PETRARCH XML: its ``<Environment>``; TABARI text: the ``.project`` whose
    ``<textfile>`` it is; PETRARCH-2 cases: the ``PETR_config.ini`` of the
    PETRARCH-2 tree it sits in. The files are looked for in ``directory`` when
    given, else where the suite's own tree keeps them (beside it, or in a
    ``dictionaries`` folder next to its own). Other formats name none: Cable's
    defaults apply.
    """
    path = suite_file(Path(path))
    named = _named_dictionaries(path, detect_format(path))
    return [Path(directory) / p.name for p in named] if directory else named


def _named_dictionaries(path: Path, fmt: str) -> list[Path]:
    if fmt == "tabari":
        return project_files(path)
    if fmt == "petrarch":
        folders = [path.parent, path.parent.parent / "dictionaries"]
        return [_locate(name, folders) for name in environment_files(path)]
    if fmt == "petrarch2":
        for config in sorted(path.parent.parent.rglob("PETR_config.ini")):
            folders = [config.parent.parent / "dictionaries", config.parent]
            return [_locate(name, folders) for name in config_files(config)]
    return []


def config_files(config: Path) -> list[str]:
    """Dictionary file names in a PETRARCH ``PETR_config.ini``, verbs first."""
    parser = configparser.ConfigParser()
    parser.read(config, encoding="utf-8")
    if not parser.has_section("Dictionaries"):
        return []
    section = parser["Dictionaries"]
    keys = ("verbfile_name", "actorfile_list", "agentfile_name", "discardfile_name", "issuefile_name")
    return [n.strip() for k in keys for n in section.get(k, "").split(",") if n.strip()]


def _locate(name: str, folders: list[Path]) -> Path:
    """The first folder's file of that name, else the name in the last folder."""
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return folders[-1] / name
