"""The store protocol: what every backend offers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from .. import dedup
from ..records import Rejection, Result


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    article_id: str
    status: Literal["stored", "unchanged", "replaced", "duplicate"]  # duplicate: article_id is the stored one


@dataclass(frozen=True, slots=True)
class Loadable:
    """An article to store from its ``cable/1`` record, as a batch output keeps it:
    ``record`` is ``Result.to_json()`` as compact JSON (``separators=(",", ":")``,
    not ASCII-escaped), ``minhash`` the JSON list of its text's MinHash values and
    ``bands`` their band keys (``cable.dedup``). ``rows``, when given, are the rows
    the article becomes in the store's tables (``common.article_rows``), made from a
    batch output's flat columns; without them the store makes them from ``record``."""

    id: str
    input: str | None
    url: str | None
    text: str
    record: str
    minhash: str
    bands: tuple[str, ...]
    rows: dict[str, list[tuple]] | None = None

    @classmethod
    def of_record(cls, record: dict[str, Any], signature: dedup.Signature | None = None) -> Loadable:
        """The article of a ``Result.to_json()`` record, with its text's signature (computed
        when not given)."""
        a = record["article"]
        signature = signature or dedup.signature(a["text"])
        return cls(a["id"], record.get("input"), a["url"], a["text"], compact_json(record),
                   compact_json(list(signature.values)), tuple(signature.bands()))

    def signature(self) -> dedup.Signature:
        return dedup.Signature(tuple(json.loads(self.minhash)))


def compact_json(value: Any) -> str:
    """JSON as the stores keep it and batch output writes it: compact, not ASCII-escaped."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store(Protocol):
    def write(self, result: Result, *, replace: bool = False, dedupe: bool = True) -> WriteOutcome:
        """Store one article's records in one transaction; idempotent by article id; with
        ``dedupe`` a near-duplicate or a stored canonical URL is linked, not stored."""

    def write_many(self, items: Iterable[Loadable], *, replace: bool = False) -> Iterator[WriteOutcome]:
        """What ``write`` gives for each item in turn, in far fewer transactions."""

    def reject(self, rejection: Rejection) -> None:
        """Record a rejected input and its reason."""

    def events(self, **filters: Any) -> list[dict[str, Any]]: ...

    def actors(self, **filters: Any) -> list[dict[str, Any]]: ...

    def quotes(self, **filters: Any) -> list[dict[str, Any]]: ...

    def stances(self, **filters: Any) -> list[dict[str, Any]]: ...

    def forecasts(self, **filters: Any) -> list[dict[str, Any]]: ...

    def record_outcome(self, key: str, outcome: int, *, resolved_on: str | None = None,
                       note: str | None = None) -> dict[str, Any]:
        """Record whether a stored forecast came true (1) or not (0)."""

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
