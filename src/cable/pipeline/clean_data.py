"""Word lists and tables for the clean stage, read once from ``cable/data/clean``."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def data_lines(name: str) -> list[str]:
    """The non-blank, non-comment lines of a data file."""
    text = resources.files("cable").joinpath("data", "clean", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def word_set(name: str) -> frozenset[str]:
    """A one-word-a-line list, lower-cased."""
    return frozenset(line.lower() for line in data_lines(name))


@cache
def table(name: str) -> dict[str, str]:
    """A two-column tab-separated table: first column (lower-cased) -> second."""
    rows = (line.split("\t") for line in data_lines(name))
    return {key.strip().lower(): value.strip() for key, value in rows}


@cache
def kind_patterns(name: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Rows of ``regex<TAB>kind``, compiled case-insensitively."""
    rows = (line.rsplit("\t", 1) for line in data_lines(name))
    return tuple((re.compile(pattern, re.IGNORECASE), kind.strip()) for pattern, kind in rows)


@cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """One regular expression a line, compiled case-insensitively."""
    return tuple(re.compile(line, re.IGNORECASE) for line in data_lines(name))


@cache
def phrase_pattern(name: str) -> re.Pattern[str]:
    """Any phrase of a list, as whole words, case-insensitive."""
    phrases = sorted(data_lines(name), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.IGNORECASE)
