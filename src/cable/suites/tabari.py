"""TABARI validation text (``Validate.text``) and the ``.project`` that names its dictionaries.

A record starts with a ``YYMMDD  ID`` line (``YYYYMMDD`` when the suite has
switched to four-digit years) and runs to the next blank line. Text outside
``/* ... */`` is the sentence; inside, lines marked ``\\n`` carry what is
expected, in braces:

- ``{ SRC / TGT / CODE }``: an event to produce; ``-{ ... }``: listed, not checked;
- ``{---}`` no events, ``{###}`` discarded, ``{+++}`` too complex to code;
- ``{ OPTION: ... }``: an options-file command that takes effect from here on.

The standard suite ends at the record ``FINAL-01``; the records after it need
other settings and are read only when asked for.
"""

from __future__ import annotations

import re
from pathlib import Path

from .base import GoldEvent, SuiteRecord, iso_date, squash

HEADER = re.compile(r"^(\d{6,9})[ \t]+(\S.*?)\s*$")
COMMENT = re.compile(r"/\*(.*?)(?:\*/|\Z)", re.S)
BRACE = re.compile(r"(-?)\{([^{}]*?)(?:\}|\Z)", re.S)
MARKERS = {"---": "none", "###": "discard", "+++": "complex"}
FINAL = "FINAL-01"
PROJECT_FILES = ("verbsfile", "actorsfile", "agentsfile", "optionsfile")


def read_tabari(path: Path, *, standard_only: bool = True) -> list[SuiteRecord]:
    """The records of a TABARI text file; by default only those before ``FINAL-01``."""
    records = [tabari_record(block) for block in record_blocks(path.read_text(encoding="latin-1"))]
    ids = [r.id for r in records]
    if standard_only and FINAL in ids:
        records = records[: ids.index(FINAL)]
    return records


def record_blocks(text: str) -> list[list[str]]:
    """Lines of each record: its header line up to the first blank line."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if HEADER.match(line):
            current = [line]
            blocks.append(current)
        elif current is not None and line.strip():
            current.append(line)
        else:
            current = None
    return blocks


def tabari_record(block: list[str]) -> SuiteRecord:
    """One record: header, text, and the expectations in its comment."""
    date_raw, rest = HEADER.match(block[0]).groups()
    tokens = rest.split()
    record_id = next((t for t in tokens if re.search(r"[A-Za-z]", t)), tokens[0])
    body = "\n".join(block[1:])
    outside = COMMENT.sub("\n", body).splitlines()
    marked = [line for line in outside if line.lstrip().startswith("\\n")]  # a stray expectation line
    comment = "\n".join([m.group(1) for m in COMMENT.finditer(body)] + marked)
    text = squash(" ".join(line for line in outside if line not in marked))
    record = SuiteRecord(id=record_id, date=iso_date(date_raw), text=text,
                         category=record_id.split("-")[0], extra={"date_raw": date_raw})
    if len(tokens) > 1:
        record.extra["header"] = rest
    _expectations(record, comment)
    return record


def _expectations(record: SuiteRecord, comment: str) -> None:
    """Fill gold, kind and extra from the braces in a record's comment."""
    checked, unchecked, options, markers = [], [], [], []
    for dash, inside in BRACE.findall(comment):
        inside = " ".join(inside.split())
        parts = [p.strip() for p in inside.split("/")]
        if inside.startswith("OPTION:"):
            options.append(inside[len("OPTION:"):].strip())
        elif inside.replace(" ", "") in MARKERS:
            (unchecked if dash else markers).append(MARKERS[inside.replace(" ", "")])
        elif len(parts) == 3:
            (unchecked if dash else checked).append(GoldEvent(*parts))
    record.gold = checked
    record.extra["expect"] = "events" if checked else (markers[0] if markers else "none")
    if options:
        record.extra["options"] = options
    if unchecked:
        record.extra["unchecked"] = [e.key() if isinstance(e, GoldEvent) else e for e in unchecked]
        record.kind, record.extra["skip"] = "none", "marked do-not-check (-{...})"
    elif not (checked or markers):
        record.kind = "none"
        record.extra["skip"] = "options record" if options else "no expected events given"


def project_files(text_path: Path) -> list[Path]:
    """Dictionary and options files named by the ``.project`` whose ``<textfile>`` is this file."""
    for project in sorted(text_path.parent.glob("*.project")):
        fields = _project_fields(project)
        if text_path.name in fields.get("textfile", []):
            return [project.parent / name for key in PROJECT_FILES for name in fields.get(key, [])]
    return []


def _project_fields(project: Path) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in project.read_text(encoding="latin-1").splitlines():
        m = re.match(r"^<(\w+)>\s+(\S+)\s*$", line)
        if m:
            fields.setdefault(m.group(1).lower(), []).append(m.group(2))
    return fields
