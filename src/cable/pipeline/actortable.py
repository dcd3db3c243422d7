"""The actors found in one article, and lookups from text offsets to them.

The actors stage builds an ``ActorTable``; the events, quotes, stances and
forecasts stages only read it.
"""

from __future__ import annotations

import bisect

from ..records import Actor, Span


class ActorTable:
    def __init__(self, actors: list[Actor] | None = None):
        self.actors: list[Actor] = []
        self._by_id: dict[str, Actor] = {}
        self._starts: list[int] = []
        self._entries: list[tuple[int, int, str]] = []  # (start, end, actor id), sorted
        for actor in actors or []:
            self.add(actor)

    def add(self, actor: Actor) -> Actor:
        self.actors.append(actor)
        self._by_id[actor.id] = actor
        for m in actor.mentions:
            self._index(m.start, m.end, actor.id)
        return actor

    def add_mention(self, actor_id: str, mention: Span) -> None:
        actor = self._by_id[actor_id]
        if any(m.start == mention.start and m.end == mention.end for m in actor.mentions):
            return
        actor.mentions.append(mention)
        actor.mentions.sort(key=lambda m: m.start)
        self._index(mention.start, mention.end, actor_id)

    def _index(self, start: int, end: int, actor_id: str) -> None:
        i = bisect.bisect_left(self._entries, (start, end, actor_id))
        self._entries.insert(i, (start, end, actor_id))
        self._starts.insert(i, start)

    def get(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def mentions_in(self, start: int, end: int) -> list[tuple[Span, Actor]]:
        """Mentions lying wholly inside [start, end), in text order."""
        out = []
        i = bisect.bisect_left(self._starts, start)
        while i < len(self._entries) and self._entries[i][0] < end:
            s, e, aid = self._entries[i]
            if e <= end:
                actor = self._by_id[aid]
                span = next(m for m in actor.mentions if m.start == s and m.end == e)
                out.append((span, actor))
            i += 1
        return out

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor whose mention best covers [start, end): the longest
        mention overlapping the span, or None when no mention touches it."""
        best: tuple[int, str] | None = None
        i = bisect.bisect_right(self._starts, end)
        for s, e, aid in self._entries[max(0, i - 64):i]:
            if s < end and e > start:
                overlap = min(e, end) - max(s, start)
                if best is None or overlap > best[0]:
                    best = (overlap, aid)
        return self._by_id[best[1]] if best else None

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """Distinct actors mentioned inside [start, end), in order of first mention."""
        seen: dict[str, Actor] = {}
        for _, actor in self.mentions_in(start, end):
            seen.setdefault(actor.id, actor)
        return list(seen.values())

    def __iter__(self):
        return iter(self.actors)

    def __len__(self) -> int:
        return len(self.actors)
