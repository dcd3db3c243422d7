"""Inputs split into slices a task can read on its own, and a task's work on them.

A slice is one input file, or one of ``count`` interleaved parts of a large
one: part ``index`` takes the documents of blocks ``index``, ``index + count``,
... where a block is the number of documents the local runner processes at once
(twice ``settings.batch_size``). Each task reads its input itself, so the
driver never holds the documents, and the documents of one part are batched
for the parser exactly as the local runner batches them.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from ..records import Rejection, Result
from ..settings import DEFAULTS, Settings
from ..sources import Limits, iter_documents
from ..sources.documents import kind_of
from ..sources.read import URL_RE
from .tables import rejection_row, result_rows

SPLITTABLE = frozenset({"jsonl", "archive"})


@dataclass(frozen=True, slots=True)
class Slice:
    """An input, or part ``index`` of the ``count`` parts it is split into."""

    input: str
    index: int = 0
    count: int = 1


def plan_slices(names: list[str], tasks: int) -> list[Slice]:
    """About ``tasks`` slices over the inputs: a JSONL dump or web archive is
    split in proportion to its share of all the bytes; pages, feeds and URLs
    stay whole."""
    sizes = {name: _size(name) for name in names}
    share = max(1, sum(sizes.values())) / max(1, tasks)
    out = []
    for name in names:
        count = max(1, min(tasks, round(sizes[name] / share))) if _splittable(name) else 1
        out += [Slice(name, index, count) for index in range(count)]
    return out


def _splittable(name: str) -> bool:
    return not URL_RE.match(name) and kind_of(name) in SPLITTABLE


def _size(name: str) -> int:
    try:
        return os.path.getsize(name) if not URL_RE.match(name) else 0
    except OSError:
        return 0  # iter_documents says what is wrong with it


def slice_items(part: Slice, settings: Settings = DEFAULTS) -> Iterator[tuple | Rejection]:
    """The slice's documents as ``(text, input, url, date)`` items, or the reason one
    could not be read, in input order."""
    block = settings.batch_size * 2
    limits = Limits(settings.max_bytes, settings.fetch_timeout, settings.allow_private_urls)
    for number, doc in enumerate(iter_documents(part.input, limits)):
        if (number // block) % part.count != part.index:
            continue
        yield doc if isinstance(doc, Rejection) else (doc.text, doc.input, doc.url, doc.date)


def process_slices(parts: Iterable[Slice], *, date: str | None = None,
                   settings: Settings = DEFAULTS) -> Iterator[tuple[str, tuple]]:
    """A task's work: the ``(table, row)`` pairs of every document in its slices,
    parsed as one stream. The model is loaded once per process (``load_nlp`` keeps it)."""
    from ..pipeline import process_many

    items = chain.from_iterable(slice_items(part, settings) for part in parts)
    for outcome, item_date in with_dates(items, lambda its: process_many(its, date=date, settings=settings)):
        if isinstance(outcome, Result):
            yield from result_rows(outcome)
        elif isinstance(outcome, Rejection):
            yield rejection_row(outcome, item_date or date)


def with_dates(items: Iterable[tuple | Rejection], run) -> Iterator[tuple]:
    """``run(items)``'s outcomes (one per item, in order), each with the date its
    item carried (None for an unreadable one)."""
    dates: deque = deque()

    def noted():
        for item in items:
            dates.append(item[3] if isinstance(item, tuple) and len(item) > 3 else None)
            yield item

    for outcome in run(noted()):
        yield outcome, dates.popleft()
