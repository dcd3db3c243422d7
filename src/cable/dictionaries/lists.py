"""Discard and issue lists (PETRARCH ``Phoenix.discards.txt``, ``Phoenix.IssueCoding.txt``).

Discards: one phrase a line; ``+PHRASE`` drops the whole story, otherwise the sentence.
The words must be consecutive; the last one is a stem unless it ends with ``_``.

Issues: ``<ISSUE CATEGORY="...">`` sections of ``phrase [CODE]`` lines, where ``n:word``
stands for the noun and its plural, ``v:word`` for the verb and its -S, -ED and -ING
forms, and ``a+b`` for both ``a b`` and ``a-b``; ``~phrase`` and ``~~phrase`` cancel issue
coding for the sentence and the story.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from cable.dictionaries.codes import split_codes
from cable.dictionaries.entries import EXACT, PETRARCH, STEM, WORD, Discard, Issue, LoadWarning, Token
from cable.dictionaries.lines import Line, dictionary_lines, take_lines
from cable.dictionaries.phrases import intern

_CATEGORY = re.compile(r"<\s*ISSUE\b[^>]*\bCATEGORY\s*=\s*\"([^\"]*)\"", re.I)
_CLOSE = re.compile(r"<\s*/\s*ISSUE\s*>", re.I)


def read_discards(path: Path, warnings: list[LoadWarning] | None = None) -> tuple[Discard, ...]:
    warnings = [] if warnings is None else warnings
    discards = []
    take_lines(path, PETRARCH, warnings, lambda line: discards.append(_discard(line, str(path))))
    return tuple(discards)


def _discard(line: Line, file: str) -> Discard:
    text = line.text.strip()
    if "\t" in line.text.rstrip():
        raise ValueError("tab-separated fields, not a discard phrase")
    story = text.startswith("+")
    words = text.lstrip("+").split()
    if not words:
        raise ValueError("empty discard phrase")
    last_match = EXACT if words[-1].endswith("_") else STEM
    tokens = tuple(
        intern(Token(WORD, sys.intern(word.rstrip("_").upper()), i > 0,
                     last_match if i == len(words) - 1 else EXACT))
        for i, word in enumerate(words))
    return Discard(tokens, story, file, line.number)


def read_issues(path: Path, warnings: list[LoadWarning] | None = None) -> tuple[Issue, ...]:
    warnings = [] if warnings is None else warnings
    issues: list[Issue] = []
    category = None
    for line in dictionary_lines(path, PETRARCH, warnings):
        text = line.text.strip()
        opening = _CATEGORY.match(text)
        if opening or _CLOSE.match(text):
            category = opening.group(1) if opening else None
        elif text.startswith("~") or "[" in text:
            issues.extend(_issues(text, category, str(path), line.number))
        else:
            warnings.append(LoadWarning(str(path), line.number, "issue without a [code]; line skipped"))
    return tuple(issues)


def _issues(text: str, category: str | None, file: str, number: int) -> list[Issue]:
    if text.startswith("~"):
        ignore = "story" if text.startswith("~~") else "sentence"
        phrase, code = text.lstrip("~"), None
    else:
        ignore = None
        phrase, codes = split_codes(text)
        code = codes[0] if codes else None
    return [Issue(tuple(sys.intern(w) for w in form.split()), code, category, ignore, file, number)
            for form in expand_issue(phrase.strip().upper()) if form.split()]


def expand_issue(text: str) -> list[str]:
    """All forms of an issue phrase: ``N:``, ``V:`` and ``+`` expanded, as PETRARCH does."""
    if "+" in text:
        return expand_issue(text.replace("+", " ", 1)) + expand_issue(text.replace("+", "-", 1))
    match = re.search(r"\b([NV]):(\S+)", text)
    if not match:
        return [text]
    before, after = text[: match.start()], text[match.end():]
    return [form for word in _inflections(match.group(1), match.group(2))
            for form in expand_issue(before + word + after)]


def _inflections(kind: str, word: str) -> list[str]:
    if kind == "N":
        return [word, word[:-1] + "IES" if word.endswith("Y") else word + "S"]
    if word.endswith("E"):
        return [word, word + "S", word + "D", word[:-1] + "ING"]
    return [word, word + "S", word + "ED", word + "ING"]
