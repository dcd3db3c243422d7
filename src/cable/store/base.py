"""The store protocol: what every backend offers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from ..records import Rejection, Result


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    article_id: str
    status: Literal["stored", "unchanged", "replaced", "duplicate"]  # duplicate: article_id is the stored one


class Store(Protocol):
    def write(self, result: Result, *, replace: bool = False, dedupe: bool = True) -> WriteOutcome:
        """Store one article's records in one transaction; idempotent by article id; with
        ``dedupe`` a near-duplicate or a stored canonical URL is linked, not stored."""

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
