"""Score the quotes stage against PolNeAR's attribution relations.

PolNeAR (Newell, Margolin & Ruths 2018) marks, in BRAT standoff, each
attribution in political news: its Content, Cue and Source (or none). The
reader takes the first annotator's file of each article (file names sorted),
so every article counts once. The test split is a hold-out and is never read.

Quotes that share a cue count as one predicted attribution, as PolNeAR
marks a split quote. Matching is lenient and one-to-one: a prediction matches a gold
attribution when the characters their contents share are half or more of the
gold content's length (overlap / gold length) and the sources overlap (the
predicted speaker mention against the gold Source span); a quote with no
source matches only an attribution without one. Direct-quote recall counts
the gold attributions whose content is wholly inside quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .records import Quote

SPLITS = ("train", "dev")
MIN_CONTENT_OVERLAP = 0.5
OPEN_MARKS = "\"“«"
CLOSE_MARKS = "\"”»"
TRAILING = " \n\t.,;:!?"

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One gold attribution: content and source as character ranges."""

    content: Ranges
    source: Ranges | None
    cue: Ranges | None
    direct: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """A PolNeAR article: its name, its text and its gold attributions."""

    name: str
    text: str
    gold: tuple[Attribution, ...]


@dataclass(slots=True)
class Scores:
    """Counts of a run and the rates they give (percentages)."""

    articles: int = 0
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    direct_gold: int = 0
    direct_matched: int = 0
    content_matched: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return _percent(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _percent(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 1) if p + r else 0.0

    @property
    def direct_recall(self) -> float:
        return _percent(self.direct_matched, self.direct_gold)

    def add(self, other: Scores) -> None:
        """Add another article's counts to these."""
        for name in ("articles", "predicted", "gold", "matched", "direct_gold", "direct_matched",
                     "content_matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, n in other.errors.items():
            self.errors[kind] = self.errors.get(kind, 0) + n

    def to_json(self) -> dict:
        return {"articles": self.articles, "predicted": self.predicted, "gold": self.gold,
                "matched": self.matched, "precision": self.precision, "recall": self.recall,
                "f1": self.f1, "direct_gold": self.direct_gold, "direct_matched": self.direct_matched,
                "direct_recall": self.direct_recall, "content_matched": self.content_matched,
                "errors": dict(sorted(self.errors.items()))}

    def table(self) -> str:
        return "\n".join([
            f"articles        {self.articles}",
            f"predicted/gold  {self.predicted}/{self.gold} (matched {self.matched})",
            f"precision       {self.precision:.1f}",
            f"recall          {self.recall:.1f}",
            f"F1              {self.f1:.1f}",
            f"direct recall   {self.direct_recall:.1f} ({self.direct_matched}/{self.direct_gold})",
            "unmatched predictions: " + ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())),
        ])


def _percent(n: int, d: int) -> float:
    return round(100 * n / d, 1) if d else 0.0


def read_ann(text: str, ann: str) -> tuple[Attribution, ...]:
    """The attributions of one BRAT .ann file over the article ``text``."""
    spans: dict[str, Ranges] = {}
    relations: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        if re.match(r"T\d+\t", line):
            tid, typed, *_ = line.split("\t")
            ranges = typed.split(" ", 1)[1] if " " in typed else ""
            spans[tid] = tuple(tuple(map(int, r.split())) for r in ranges.split(";") if r.strip())
        elif re.match(r"E\d+\t", line):
            roles: dict[str, list[str]] = {}
            for arg in line.split("\t")[1].split():
                role, _, tid = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(tid)
            relations.append(roles)
    return tuple(a for a in (_attribution(text, spans, r) for r in relations) if a is not None)


def _attribution(text: str, spans: dict[str, Ranges], roles: dict[str, list[str]]) -> Attribution | None:
    def ranges(role: str) -> Ranges | None:
        found = tuple(r for tid in roles.get(role, []) for r in spans.get(tid, ()))
        return tuple(sorted(found)) or None

    content = ranges("Content")
    if content is None:
        return None
    return Attribution(content, ranges("Source"), ranges("Cue"), is_direct(text, content))


def is_direct(text: str, content: Ranges) -> bool:
    """Whether the content is wholly quoted: it opens with a quotation mark (or
    follows one) and closes with one (or is followed by one), with no mark closing
    and reopening inside."""
    start, end = content[0][0], content[-1][1]
    inner = text[start:end].rstrip(TRAILING)
    opens = inner[:1] in OPEN_MARKS or text[start - 1:start] in OPEN_MARKS
    after = text[start + len(inner):start + len(inner) + 2]
    closes = inner[-1:] in CLOSE_MARKS or any(ch in CLOSE_MARKS for ch in after)
    body = inner.strip(OPEN_MARKS + CLOSE_MARKS)
    return opens and closes and not re.search(r"[\"”]\W*[\"“]", body) and "”" not in body


def read_split(root: str | Path, split: str = "train", limit: int | None = None) -> Iterator[Article]:
    """The articles of a PolNeAR split (train or dev) under ``root`` (the folder
    holding ``data/``, or ``data/`` itself), in name order, each with its first
    annotator's attributions."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}; the test split is held out")
    base = Path(root)
    base = base / "data" if (base / "data").is_dir() else base
    folder = base / split
    anns = sorted((folder / "attributions").glob("*.ann"))
    seen: set[str] = set()
    for ann in anns:
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        yield Article(name, text, read_ann(text, ann.read_text(encoding="utf-8")))
        if limit is not None and len(seen) >= limit:
            return


def _overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(r: Ranges) -> int:
    return sum(e - s for s, e in r)


@dataclass(frozen=True, slots=True)
class Predicted:
    """The quotes of one cue as one attribution: a quote split by its cue
    ("A," she said, "B.") is one attribution with two content ranges."""

    content: Ranges
    source: tuple[int, int] | None
    kind: str


def predicted(quotes: Iterable[Quote]) -> list[Predicted]:
    """Quotes grouped by their cue, in text order."""
    groups: dict[object, list[Quote]] = {}
    for n, quote in enumerate(quotes):
        groups.setdefault(quote.cue.start if quote.cue else f"q{n}", []).append(quote)
    out = []
    for group in groups.values():
        first = group[0]
        source = (first.source.start, first.source.end) if first.source else None
        kinds = {q.kind for q in group}
        out.append(Predicted(tuple(sorted((q.start, q.end) for q in group)), source,
                             first.kind if len(kinds) == 1 else "mixed"))
    return sorted(out, key=lambda p: p.content)


def content_matches(pred: Predicted, gold: Attribution) -> bool:
    """Contents share half or more of the gold content's characters."""
    return _overlap(pred.content, gold.content) >= MIN_CONTENT_OVERLAP * _length(gold.content)


def source_matches(pred: Predicted, gold: Attribution) -> bool:
    """The predicted mention overlaps the gold source; no source on both sides also matches."""
    if pred.source is None or gold.source is None:
        return pred.source is None and gold.source is None
    return _overlap((pred.source,), gold.source) > 0


def score_article(quotes: Iterable[Quote], gold: Iterable[Attribution]) -> Scores:
    """One article's counts: quotes grouped by cue, each group matched to at most
    one attribution, the pairs taken in order of content overlap, largest first."""
    preds, gold = predicted(quotes), list(gold)
    pairs = sorted(((_overlap(p.content, g.content), i, j) for i, p in enumerate(preds)
                    for j, g in enumerate(gold) if content_matches(p, g) and source_matches(p, g)), reverse=True)
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    scores = Scores(articles=1, predicted=len(preds), gold=len(gold), matched=len(used_g),
                    direct_gold=sum(g.direct for g in gold),
                    direct_matched=sum(gold[j].direct for j in used_g))
    scores.content_matched = sum(any(content_matches(p, g) for g in gold) for p in preds)
    for i, p in enumerate(preds):
        if i not in used_p:
            kind = _error_kind(p, gold)
            scores.errors[kind] = scores.errors.get(kind, 0) + 1
    return scores


def _error_kind(pred: Predicted, gold: list[Attribution]) -> str:
    """Why a prediction found no partner: "taken" (its attribution went to
    another), "source" (content right, source wrong) or "content"."""
    if any(content_matches(pred, g) and source_matches(pred, g) for g in gold):
        return f"{pred.kind}:taken"
    if any(content_matches(pred, g) for g in gold):
        return f"{pred.kind}:source"
    return f"{pred.kind}:content"


def evaluate(root: str | Path, split: str = "train", limit: int | None = None, nlp=None) -> Scores:
    """Run the quotes stage over a PolNeAR split and score it. Texts are parsed
    as they are (offsets must stay the gold's), in batches with ``nlp.pipe``."""
    from .pipeline.actortable import ActorTable
    from .pipeline.nlp import load_nlp
    from .pipeline.quotes import find_quotes

    nlp = nlp or load_nlp()
    articles = list(read_split(root, split, limit))
    total = Scores()
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=16)):
        total.add(score_article(find_quotes(doc, ActorTable()), article.gold))
    return total
