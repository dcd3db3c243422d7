"""Plain records: what each stage of the pipeline hands to the next.

Every record that is extracted from an article carries its evidence as
character offsets into ``Article.text`` (``start`` inclusive, ``end``
exclusive) and, where it is a judgement, a ``confidence`` in [0, 1].

Records import nothing of Cable's, so any stage, store or runner can use them.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "cable/1"

RemovedKind = Literal["teaser", "caption", "bio", "related", "navigation", "other"]
ActorKind = Literal["person", "organization", "country", "group", "forum", "process"]
Status = Literal["occurred", "planned", "negated", "hypothetical"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Polarity = Literal["support", "oppose", "conditional"]


@dataclass(slots=True)
class Span:
    """A stretch of article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    id: str
    title: str | None
    author: str | None
    outlet: str | None
    column: str | None
    published: str | None  # ISO date, or None when the page does not say
    url: str | None
    language: str | None
    text: str


@dataclass(slots=True)
class Removed:
    """A piece of the page that is not the article body, and why it went."""

    kind: RemovedKind
    text: str


@dataclass(slots=True)
class Cleaned:
    """What the clean stage returns: the article plus what it removed."""

    article: Article
    removed: list[Removed] = field(default_factory=list)


@dataclass(slots=True)
class Title:
    title: str
    organization: str | None
    source: Literal["text", "kb"] = "text"


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None  # ISO 3166 alpha-3
    sector: str | None  # GOV, MIL, ...
    code: str | None  # CAMEO-style, e.g. USAGOV
    titles: list[Title] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    start: int | None = None  # where the place is named
    end: int | None = None


@dataclass(slots=True)
class DateRef:
    """A date expression. ``start``/``end`` are ISO dates of the range it
    denotes, or None when it cannot be resolved (no publication date)."""

    text: str
    start: str | None
    end: str | None
    char_start: int | None = None
    char_end: int | None = None
    relative: bool = False


@dataclass(slots=True)
class Event:
    id: str
    plover: str
    mode: str | None
    context: list[str]
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    actors: list[str]
    recipients: list[str]
    location: Location | None
    date: DateRef | None
    status: Status
    trigger: Span
    sentence: tuple[int, int]
    confidence: float


@dataclass(slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: Span | None
    source: Span | None  # the mention the attribution rests on ("she", "Flake")
    speaker: str | None  # actor id
    speaker_name: str | None
    speaker_title: str | None
    confidence: float = 0.0


@dataclass(slots=True)
class Stance:
    id: str
    holder: str  # actor id
    issue: str
    position: str
    polarity: Polarity
    start: int
    end: int
    confidence: float = 0.0


@dataclass(slots=True)
class Forecast:
    id: str
    holder: str | None  # actor id
    holder_name: str | None
    claim: str
    expression: str
    probability: float
    start: int
    end: int
    confidence: float = 0.0
    field: Literal["text", "title"] = "text"  # what start/end index: article.text or article.title


@dataclass(slots=True)
class Rejection:
    """A document the pipeline would not take, with a stable reason code."""

    input: str | None
    stage: str  # "read", "clean", ...
    code: str  # "empty", "binary", "not_english", ... (safe to group by)
    message: str  # one line: the problem and what to do about it


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document left alone because its article is already stored."""

    input: str | None
    article_id: str


@dataclass(slots=True)
class Result:
    """Everything Cable extracted from one article."""

    article: Article
    removed: list[Removed] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    forecasts: list[Forecast] = field(default_factory=list)
    input: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``cable/1`` object of the public contract."""
        out: dict[str, Any] = {"schema": SCHEMA}
        if self.input is not None:
            out["input"] = self.input
        out["article"] = plain(self.article)
        out["removed"] = [plain(r) for r in self.removed]
        out["actors"] = [plain(a) for a in self.actors]
        out["events"] = [_event_json(e) for e in self.events]
        out["quotes"] = [plain(q) for q in self.quotes]
        out["stances"] = [plain(s) for s in self.stances]
        out["forecasts"] = [plain(f) for f in self.forecasts]
        return out


def rejection_json(rejection: Rejection) -> dict[str, Any]:
    return {
        "input": rejection.input,
        "schema": SCHEMA,
        "error": {"code": rejection.code, "message": rejection.message, "stage": rejection.stage},
    }


def plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` gives for a record (dicts for dataclasses, lists and
    tuples kept as such), without its deep copies: records hold only plain values, and
    storing a result spent more time here than in writing it."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [plain(v) for v in value]
    if kind is tuple:
        return tuple(plain(v) for v in value)
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    return {name: plain(getattr(value, name)) for name in _field_names(kind)}


_ATOMS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def _event_json(event: Event) -> dict[str, Any]:
    out = plain(event)
    out["sentence"] = {"start": event.sentence[0], "end": event.sentence[1]}
    return out
