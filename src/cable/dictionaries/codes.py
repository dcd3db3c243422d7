"""The bracketed codes of dictionary lines: ``[CODE]``, ``[CODE <YYMMDD]``,
``[CODE >YYMMDD]``, ``[CODE YYMMDD-YYMMDD]`` and verb codes such as ``[042:043]``."""

from __future__ import annotations

import re
from datetime import date

from cable.dictionaries.entries import ActorCode, VerbCode

BRACKETS = re.compile(r"\[([^\]]*)\]")
_DIGITS = re.compile(r"\d{6,8}")
_DATE_ONLY = re.compile(r"[<>\-]*\d[\d<>\-]*")


def split_codes(text: str) -> tuple[str, list[str]]:
    """The text before the first ``[`` and the contents of every ``[...]``."""
    head = text.split("[", 1)[0]
    return head, [inside.strip() for inside in BRACKETS.findall(text)]


def parse_day(text: str) -> date:
    """A YYMMDD or YYYYMMDD date; two-digit years 00-30 are 20xx, the rest 19xx
    (KEDS/TABARI). Raises ValueError."""
    if not _DIGITS.fullmatch(text) or len(text) == 7:
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    year = int(text[:2])
    return date(year + (2000 if year <= 30 else 1900), int(text[2:4]), int(text[4:6]))


def parse_actor_code(inside: str) -> ActorCode:
    """``CODE``, ``CODE <D``, ``CODE >D`` or ``CODE D1-D2`` (spaces allowed around the
    marks). Bounds are inclusive. Raises ValueError."""
    code, _, rest = inside.strip().partition(" ")
    rest = rest.replace(" ", "").replace("\t", "")
    if not code or _DATE_ONLY.fullmatch(code):
        raise ValueError(f"no code before the date in [{inside}]")
    if not rest:
        return ActorCode(code)
    if rest[0] == "<":
        return ActorCode(code, end=parse_day(rest[1:]))
    if rest[0] == ">":
        return ActorCode(code, start=parse_day(rest[1:]))
    first, dash, last = rest.partition("-")
    if not dash:
        raise ValueError(f"cannot read the date restriction in [{inside}]")
    start, end = parse_day(first), parse_day(last)
    if end < start:
        raise ValueError(f"the date range in [{inside}] ends before it starts")
    return ActorCode(code, start, end)


def parse_verb_code(inside: str) -> VerbCode:
    """``042``, ``042:043``, ``:173``, ``031!`` (dominant), ``023?`` (subordinate)."""
    raw = inside.strip()
    text = raw.replace(" ", "")
    dominant, subordinate = text.endswith("!"), text.endswith("?")
    text = text.rstrip("!?")
    code, colon, pair = text.partition(":")
    return VerbCode(code, pair if colon else None, dominant, subordinate, raw)
