"""Comma-delimited clauses, removed before coding (TABARI manual §7.8, §8.6).

A clause between two commas is dropped when it holds ``MIN`` to ``MAX`` words, the
clause after the last comma when it holds ``EMIN`` to ``EMAX`` words, and the
clause before the first comma when it holds ``BMIN`` to ``BMAX``; a maximum of 0
turns that rule off. Only commas outside noun phrases count.
"""

from __future__ import annotations

from cable.coder.model import Item

PETRARCH_LIMITS = {"MIN": 2, "MAX": 8, "EMIN": 2, "EMAX": 8, "BMIN": 0, "BMAX": 0}
TABARI_LIMITS = {"MIN": 2, "MAX": 10, "EMIN": 2, "EMAX": 10, "BMIN": 128, "BMAX": 0}
FINAL_MARKS = frozenset({".", "?", "!", "''", '"', "'"})


def drop_comma_clauses(items: list[Item], commas: set[int], limits: dict[str, int]) -> list[bool]:
    """Which items to keep (True) once comma clauses are dropped."""
    keep = [True] * len(items)
    if not commas or not limits:
        return keep
    end = _final_mark(items)
    order = sorted(commas)
    if limits.get("BMAX", 0) and _within(_words(items, 0, order[0]), limits, "BMIN", "BMAX"):
        _drop(keep, 0, order[0])
    if limits.get("EMAX", 0) and _within(_words(items, order[-1] + 1, end), limits, "EMIN", "EMAX"):
        _drop(keep, order[-1] + 1, end)
    if limits.get("MAX", 0):
        _drop_inner(items, order, keep, limits)
    _drop_dangling(items, [c for c in order if keep[c]], keep, end)
    return keep


def _drop_inner(items: list[Item], order: list[int], keep: list[bool], limits: dict[str, int]) -> None:
    """Clauses between consecutive commas, with the opening comma."""
    for first, second in zip(order, order[1:]):
        if keep[first] and _within(_words(items, first + 1, second, keep), limits, "MIN", "MAX"):
            _drop(keep, first, second)


def _drop_dangling(items: list[Item], order: list[int], keep: list[bool], end: int) -> None:
    """A comma with no words before it (or after it) is dropped too."""
    if not order:
        return
    if _words(items, 0, order[0], keep) == 0:
        keep[order[0]] = False
    if order[-1] != order[0] or keep[order[-1]]:
        if _words(items, order[-1] + 1, end, keep) == 0:
            keep[order[-1]] = False


def _final_mark(items: list[Item]) -> int:
    """Where the closing punctuation starts (the end when there is none)."""
    end = len(items)
    while end > 0 and isinstance(items[end - 1], str) and items[end - 1] in FINAL_MARKS:
        end -= 1
    return end


def _words(items: list[Item], start: int, end: int, keep: list[bool] | None = None) -> int:
    """Words (items starting with a letter) in ``items[start:end]`` still kept."""
    return sum(1 for i in range(start, end)
               if (keep is None or keep[i]) and isinstance(items[i], str) and items[i][:1].isalpha())


def _within(count: int, limits: dict[str, int], low: str, high: str) -> bool:
    return limits.get(low, 0) <= count <= limits.get(high, 0)


def _drop(keep: list[bool], start: int, end: int) -> None:
    for i in range(start, end):
        keep[i] = False
