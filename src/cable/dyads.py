"""Dyadic view of events, for tools that expect one (source, target) per row.

Cable keeps a multilateral event as one event with actor and recipient
lists. ``expand_dyads`` turns it into the dyads GDELT- and ICEWS-style
analyses expect, on request: every actor with every recipient; an event with
actors only (a meeting "among" parties) gives each unordered pair once.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any


def dyads(actors: list[str], recipients: list[str]) -> list[tuple[str, str | None]]:
    """(source, target) pairs for one event's actor and recipient lists."""
    if recipients:
        return [(a, r) for a in actors or [None] for r in recipients if a != r]
    if len(actors) > 1:
        return list(combinations(actors, 2))
    return [(a, None) for a in actors]


def expand_dyads(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per dyad of each stored event row (as ``Store.events`` returns
    them), with ``source``/``target`` ids and names and the event's ``id``
    kept as ``event_id``."""
    out = []
    for row in rows:
        names = dict(zip(row["actors"], row["actor_names"])) | dict(zip(row["recipients"], row["recipient_names"]))
        for source, target in dyads(row["actors"], row["recipients"]):
            out.append(row | {"event_id": row["id"], "source": source, "target": target,
                              "source_name": names.get(source), "target_name": names.get(target)})
    return out
