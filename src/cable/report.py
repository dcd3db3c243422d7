"""The readable report that ``cable read`` prints by default."""

from __future__ import annotations

import textwrap

from .records import Result


def render(result: Result, width: int = 100) -> str:
    """A plain-text summary of one article's record, for people."""
    a = result.article
    names = {x.id: x.name for x in result.actors}
    lines = [a.title or "(untitled)", "=" * min(width, len(a.title or "(untitled)"))]
    meta = [("author", a.author), ("outlet", a.outlet), ("column", a.column), ("published", a.published),
            ("url", a.url), ("id", a.id)]
    lines += [f"{k:<10} {v}" for k, v in meta if v]
    lines.append(f"{'text':<10} {len(a.text):,} characters; removed: "
                 + (", ".join(f"{r.kind}" for r in result.removed) or "nothing"))

    lines += _section("Actors", [
        f"{x.name} [{x.kind}{', ' + x.code if x.code else ''}]"
        + (" - " + "; ".join(_title(t) for t in x.titles) if x.titles else "")
        + (f" ({len(x.mentions)} mentions)" if len(x.mentions) > 1 else "")
        for x in result.actors
    ])
    lines += _section("Events", [
        f"{e.plover}{'/' + e.mode if e.mode else ''} (CAMEO {e.cameo or '-'}) {e.status}: "
        f"{_names(e.actors, names)} -> {_names(e.recipients, names)}"
        + (f" in {e.location.name}" if e.location else "")
        + (f" on {_date(e.date)}" if e.date else "")
        + f'  "{e.trigger.text}"'
        for e in result.events
    ])
    lines += _section("Quotes", [
        f"{q.speaker_name or '(unattributed)'}" + (f", {q.speaker_title}" if q.speaker_title else "")
        + f": \u201c{_clip(q.text, 160)}\u201d"
        for q in result.quotes
    ])
    lines += _section("Stances", [
        f"{names.get(s.holder, s.holder)} {s.polarity}: {_clip(s.position, 140)}" for s in result.stances
    ])
    lines += _section("Forecasts", [
        f"{f.holder_name or names.get(f.holder or '', '') or '(the article)'}: \u201c{f.expression}\u201d "
        f"p={f.probability:.2f} - {_clip(f.claim, 120)}"
        for f in result.forecasts
    ])
    return "\n".join(textwrap.fill(line, width, subsequent_indent="    ") if len(line) > width else line
                     for line in lines)


def _section(name: str, items: list[str]) -> list[str]:
    return ["", f"{name} ({len(items)})"] + [f"  {item}" for item in items]


def _names(ids: list[str], names: dict[str, str]) -> str:
    return " + ".join(names.get(i, i) for i in ids) or "?"


def _title(t) -> str:
    return t.title + (f", {t.organization}" if t.organization and t.organization not in t.title else "")


def _date(d) -> str:
    if d.start and d.end and d.start != d.end:
        return f"{d.text} ({d.start}..{d.end})"
    return f"{d.text} ({d.start})" if d.start else d.text


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"
