"""One regular expression for many literal terms, built as a character trie so that
matching stays linear in the text rather than in the number of terms."""

from __future__ import annotations

import re

_END = ""


def _trie(terms: list[str]) -> dict:
    root: dict = {}
    for term in terms:
        node = root
        for ch in term:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return root


def _char(ch: str) -> str:
    return "['’]" if ch in "'’" else re.escape(ch)


def _pattern(node: dict) -> str:
    """Regex for a trie node; longer continuations are tried before stopping here."""
    ends = _END in node
    branches = [_char(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


def term_pattern(terms: list[str]) -> re.Pattern:
    """Whole-word, case-sensitive pattern matching any of ``terms``, preferring the longest."""
    terms = sorted({t.replace("’", "'") for t in terms if t})
    return re.compile(r"(?<![\w])" + _pattern(_trie(terms)) + r"(?!\w)(?<=[\w.)])")
