from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("CABLE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "examples" / "000_ba31438143c6d34d.txt"
SEED_DATE = "2009-10-28"  # a Wednesday: "Tuesday's session", "Friday" in New York


@pytest.fixture(scope="session")
def nlp():
    from cable.pipeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_result(nlp):
    """The seed article, run through the whole pipeline once per session."""
    from cable.pipeline import process

    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (set CABLE_SHARED to the shared folder)")
    return process(SEED.read_text(encoding="utf-8"), input=str(SEED), date=SEED_DATE, nlp=nlp)


def char_span(doc, needle: str, nth: int = 0):
    """The spaCy span covering the nth occurrence of needle in doc.text."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    span = doc.char_span(start, start + len(needle), alignment_mode="expand")
    assert span is not None
    return span


def word_table(text: str, actors: dict[str, list[str]], kind: str = "person", titles: dict | None = None):
    """An ActorTable of actors a1, a2, ... in the order given, each mentioned
    wherever one of its words occurs in text; ``titles`` maps a name to a Title."""
    from cable.pipeline.actortable import ActorTable
    from cable.records import Actor, Span

    out = ActorTable()
    for n, (name, words) in enumerate(actors.items(), 1):
        actor = out.add(Actor(f"a{n}", name, kind, None, None, None,
                              titles=[titles[name]] if titles and name in titles else []))
        for word in words:
            for m in re.finditer(rf"\b{re.escape(word)}\b", text):
                out.add_mention(actor.id, Span(m.start(), m.end(), word))
    return out


def actor_named(result, name: str):
    """The result's actor with this name; the test fails when there is none."""
    found = [a for a in result.actors if a.name == name]
    assert found, f"no actor named {name!r}; actors: {[a.name for a in result.actors]}"
    return found[0]
