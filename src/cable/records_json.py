"""Records back from their JSON: the inverse of ``Result.to_json()``.

``result_from_json(result.to_json())`` rebuilds an equal ``Result``, so a
record written to Parquet, a JSONL file or a store can be read back and
stored again without running the pipeline.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .records import (SCHEMA, Actor, Article, DateRef, Event, Forecast, Location, Quote, Rejection, Removed,
                      Result, Span, Stance, Title)


def result_from_json(obj: dict[str, Any]) -> Result:
    """The ``Result`` a ``cable/1`` object describes (see ``Result.to_json``)."""
    if obj.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} record (schema {obj.get('schema')!r})")
    if "article" not in obj:
        raise ValueError("the record has no article; a rejection is read with rejection_from_json")
    return Result(
        article=_build(Article, obj["article"]),
        removed=[_build(Removed, r) for r in obj.get("removed", [])],
        actors=[actor_from_json(a) for a in obj.get("actors", [])],
        events=[event_from_json(e) for e in obj.get("events", [])],
        quotes=[quote_from_json(q) for q in obj.get("quotes", [])],
        stances=[_build(Stance, s) for s in obj.get("stances", [])],
        forecasts=[_build(Forecast, f) for f in obj.get("forecasts", [])],
        input=obj.get("input"),
    )


def rejection_from_json(obj: dict[str, Any]) -> Rejection:
    """The ``Rejection`` a ``cable/1`` error object describes (see ``records.rejection_json``)."""
    error = obj["error"]
    return Rejection(obj.get("input"), error.get("stage", ""), error["code"], error["message"])


def actor_from_json(obj: dict[str, Any]) -> Actor:
    return _build(Actor, obj, titles=[_build(Title, t) for t in obj.get("titles", [])],
                  mentions=[_build(Span, m) for m in obj.get("mentions", [])])


def event_from_json(obj: dict[str, Any]) -> Event:
    sentence = obj["sentence"]
    return _build(
        Event, obj,
        location=_maybe(Location, obj.get("location")),
        date=_maybe(DateRef, obj.get("date")),
        trigger=_build(Span, obj["trigger"]),
        sentence=(sentence["start"], sentence["end"]) if isinstance(sentence, dict) else tuple(sentence),
    )


def quote_from_json(obj: dict[str, Any]) -> Quote:
    return _build(Quote, obj, cue=_maybe(Span, obj.get("cue")), source=_maybe(Span, obj.get("source")))


def _maybe(cls, obj: dict[str, Any] | None):
    return None if obj is None else _build(cls, obj)


def _build(cls, obj: dict[str, Any], **nested: Any):
    """An instance of the dataclass ``cls`` from the keys of ``obj`` it has as fields;
    ``nested`` gives the fields already rebuilt as records."""
    names = {f.name for f in dataclasses.fields(cls)}
    values = {k: v for k, v in obj.items() if k in names}
    values.update(nested)
    return cls(**values)
