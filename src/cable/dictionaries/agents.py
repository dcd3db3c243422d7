"""Agent dictionaries (``Phoenix.agents.txt``, TABARI ``.agents``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON      a substitution marker
    CONGRESS!PERSON! [~LEG]                         one entry per substitution
    FOREIGN_MINISTER [~GOVFRM]                      "~CODE": added after the actor code
    HUMAN_RIGHTS_BODY [NGO~]                        "CODE~": added before it
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]     an irregular plural
    POLICE {} [~COP]                                no plural

PETRARCH adds regular plurals (-IES after Y, -ES after S, else -S) unless ``{...}``
or a marker is given; TABARI matches endings at coding time instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from cable.dictionaries.codes import split_codes
from cable.dictionaries.entries import PETRARCH, TABARI, AgentEntry, LoadWarning
from cable.dictionaries.lines import Line, take_lines
from cable.dictionaries.phrases import parse_phrase, plural

_MARKER_DEFINITION = re.compile(r"^\s*!([^!\s]+)!\s*=(.*)$")
_MARKER = re.compile(r"!([^!\s]+)!")
_PLURAL = re.compile(r"\{([^}]*)\}")


def read_agents(path: Path, style: str = PETRARCH,
                warnings: list[LoadWarning] | None = None) -> tuple[AgentEntry, ...]:
    """Read an agents file; ``style`` is ``tabari`` or ``petrarch``."""
    warnings = [] if warnings is None else warnings
    markers: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    take_lines(path, TABARI if style == TABARI else PETRARCH, warnings,
               lambda line: entries.extend(_agent_line(line, style, markers, str(path))))
    return tuple(entries)


def _agent_line(line: Line, style: str, markers: dict[str, list[str]],
                file: str) -> list[AgentEntry]:
    """The entries of one line; a marker definition only records the marker."""
    definition = _MARKER_DEFINITION.match(line.text)
    if definition:
        items = definition.group(2).split(",")
        markers[definition.group(1)] = [item.strip() for item in items if item.strip()]
        return []
    head, codes = split_codes(line.text)
    if not codes:
        raise ValueError("agent without a [code]")
    code, prefix = _agent_code(codes[0])
    return [AgentEntry(phrase, code, prefix, is_plural, file, line.number)
            for text, is_plural in _surface_forms(head, style, markers)
            for phrase in [parse_phrase(text, style)] if phrase]


def _agent_code(inside: str) -> tuple[str, bool]:
    """``~GOV`` follows the actor code, ``NGO~`` precedes it."""
    code = inside.replace(" ", "")
    if code.startswith("~") and len(code) > 1:
        return code[1:], False
    if code.endswith("~") and len(code) > 1:
        return code[:-1], True
    raise ValueError(f"agent code [{inside}] needs a '~' before or after it")


def _surface_forms(head: str, style: str, markers: dict[str, list[str]]) -> list[tuple[str, bool]]:
    """(text, is_plural) for every form the line stands for."""
    marker = _MARKER.search(head)
    if marker:
        return _substitutions(_PLURAL.sub("", head).strip(), marker.group(1), markers)
    given = _PLURAL.search(head)
    singular = (head[: given.start()] if given else head).strip()
    if given:
        irregular = given.group(1).strip()
        return [(singular, False)] + ([(irregular, True)] if irregular else [])
    if style == TABARI or not singular:
        return [(singular, False)]
    return [(singular, False), (plural(singular.rstrip("_")), True)]


def _substitutions(text: str, name: str, markers: dict[str, list[str]]) -> list[tuple[str, bool]]:
    """``CONGRESS!PERSON!`` once per item of ``!PERSON!``, with no plurals."""
    if name not in markers:
        raise ValueError(f"substitution marker !{name}! is not defined")
    return [(text.replace(f"!{name}!", item, 1), False) for item in markers[name]]
