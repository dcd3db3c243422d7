"""TABARI ``.options`` files (TABARI manual, chapter 8)::

    COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN
    SET: LABEL = TRUE
    SET: CODE BY CLAUSE
    LABEL: 030=CONSULT
    COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10
    DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER
    OUTPUT: ACTOR MATCH ID

``#`` and ``//`` start comments; a line starting with ``~`` ends the file. The
validation texts change options with the same lines (``apply_option``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from cable.dictionaries.entries import LoadWarning
from cable.dictionaries.lines import read_text

_COMMAND = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*)$")
_COUNT = re.compile(r"([A-Za-z]+)\s*\[\s*(\d+)\s*\]|([A-Za-z]+)")
_NUMBER = re.compile(r"([A-Za-z]+)\s*=\s*(\d+)")
_DEFAULT = re.compile(r"(SOURCE|TARGET)\s*\[\s*([^\]]*?)\s*\]\s*(PRIOR|AFTER)?", re.I)


@dataclass(frozen=True, slots=True)
class Options:
    """What an options file sets. Names are upper case.

    ``complex`` maps a condition to its count (``VERBS: 5``) or to 1 for a flag
    (``NOACTPRIOR``); ``comma`` is empty after ``COMMA: OFF``; ``defaults`` maps
    ``SOURCE``/``TARGET`` to (code, ``PRIOR``/``AFTER``/``""``).
    """

    settings: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    complex: dict[str, int] = field(default_factory=dict)
    comma: dict[str, int] | None = None
    defaults: dict[str, tuple[str, str]] = field(default_factory=dict)
    output: tuple[str, ...] = ()
    forward: str | None = None
    nonevents: str | None = None
    other: tuple[tuple[str, str], ...] = ()


def read_options(path: Path, warnings: list[LoadWarning] | None = None,
                 start: Options | None = None) -> Options:
    """The options a file sets, applied over ``start`` (default: none set)."""
    warnings = [] if warnings is None else warnings
    options = Options() if start is None else start
    for number, raw in enumerate(read_text(path, warnings).splitlines(), start=1):
        if raw.startswith("~"):
            break
        text = re.split(r"#|//", raw, maxsplit=1)[0].strip()
        if text:
            try:
                options = apply_option(options, text)
            except ValueError as error:
                warnings.append(LoadWarning(str(path), number, f"{error}; line skipped"))
    return options


def apply_option(options: Options, line: str) -> Options:
    """The options after one ``COMMAND: arguments`` line. Raises ValueError."""
    match = _COMMAND.match(line)
    if not match:
        raise ValueError(f"not an option command: {line.strip()!r}")
    name, args = match.group(1).upper(), match.group(2).strip()
    handler = _HANDLERS.get(name[:4])
    if handler is None:
        return replace(options, other=options.other + ((name, args),))
    return handler(options, args)


def _set(options: Options, args: str) -> Options:
    name, equals, value = args.partition("=")
    if not equals:   # SET: CODE BY CLAUSE
        name, _, value = args.partition(" ")
    key = " ".join(name.upper().split())
    return replace(options, settings={**options.settings, key: " ".join(value.upper().split())})


def _label(options: Options, args: str) -> Options:
    code, equals, text = args.partition("=")
    if not equals:
        raise ValueError("LABEL needs code=text")
    return replace(options, labels={**options.labels, code.strip(): text.strip()})


def _complex(options: Options, args: str) -> Options:
    conditions = {}
    for count_name, count, flag in _COUNT.findall(args.upper()):
        conditions[count_name or flag] = int(count) if count_name else 1
    return replace(options, complex=conditions)


def _comma(options: Options, args: str) -> Options:
    if args.strip().upper() == "OFF":
        return replace(options, comma={})
    limits = {key.upper(): int(value) for key, value in _NUMBER.findall(args)}
    return replace(options, comma={**(options.comma or {}), **limits})


def _default(options: Options, args: str) -> Options:
    if args.strip().upper() == "OFF":
        return replace(options, defaults={})
    found = {role.upper(): (code, (when or "").upper()) for role, code, when in _DEFAULT.findall(args)}
    return replace(options, defaults=found)


def _output(options: Options, args: str) -> Options:
    return replace(options, output=tuple(args.upper().split()))


def _forward(options: Options, args: str) -> Options:
    return replace(options, forward=args.strip())


def _nonevents(options: Options, args: str) -> Options:
    return replace(options, nonevents=args.strip().upper())


_HANDLERS = {"SET": _set, "LABE": _label, "COMP": _complex, "COMM": _comma,
             "DEFA": _default, "OUTP": _output, "FORW": _forward, "NONE": _nonevents}
