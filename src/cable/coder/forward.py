"""TABARI's FORWARD: a pronoun that opens a sentence, before any actor, refers to
the first actor of the previous sentence of the same story (manual §8.4).

Story and sentence numbers come from the record id through the sequence format
of the ``FORWARD:`` command: ``^`` a leading blank, ``*`` any character, ``N`` a
digit of the story number, ``S`` a digit of the sentence number.
"""

from __future__ import annotations

from dataclasses import dataclass

from cable.coder.tabari import Parse
from cable.coder.tabari_build import Forwarded


@dataclass(frozen=True, slots=True)
class Place:
    """Where a sentence sits: its story and its number in the story."""

    story: str
    sentence: int


def story_place(record_id: str, spec: str | None) -> Place | None:
    """The story and sentence numbers of a record id, or None without FORWARD."""
    if not spec:
        return None
    pattern = spec.split()[0].replace("^", "")
    story = "".join(ch for ch, mark in zip(record_id, pattern) if mark == "N")
    sentence = "".join(ch for ch, mark in zip(record_id, pattern) if mark == "S")
    if not story or not sentence.isdigit():
        return None
    return Place(story, int(sentence))


class StoryMemory:
    """The first actor of the last sentence coded, by story."""

    def __init__(self):
        self.last: tuple[Place, str] | None = None

    def forwarded(self, place: Place | None) -> Forwarded | None:
        """The actor to forward into the sentence at ``place``, if any."""
        if place is None or self.last is None:
            return None
        previous, code = self.last
        if previous.story == place.story and previous.sentence + 1 == place.sentence:
            return Forwarded(code)
        return None

    def remember(self, place: Place | None, parse: Parse) -> None:
        """Keep the first actor of a parsed sentence (its own code, no agents)."""
        actors = [a for a in parse.actors if not a.converted]
        self.last = (place, actors[0].code) if place is not None and actors else None
