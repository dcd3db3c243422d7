"""The brief: a day's (or a period's) digest written from stored records by templates.

Sections: meetings and visits (official, or track two when the event's
sentence says so or every party is non-official), meetings planned, who said
what, stated positions and those that changed since earlier articles, forecasts
made and forecasts resolved, and processes whose status moved. Each line is
filled in from record fields only and carries links to the records it rests
on (article id, record id, character offsets), so every statement can be
checked against its sentence. Rendered as Markdown or as escaped HTML.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import quote

from .issues import issue_key
from .processes import Evidence, Process, articles_naming, data_lines, follow
from .stories import normal, stored_articles, within

NON_OFFICIAL = frozenset({"EDU", "NGO"})  # sectors of academics, think tanks, foundations
OFFICIAL = frozenset({"GOV", "MIL", "IGO"})
SAYS = {"support": "supports", "oppose": "opposes", "conditional": "sets conditions on"}
SAID = {"support": "supported", "oppose": "opposed", "conditional": "set conditions on"}
SCAN = 5000
HOLDER_ROWS = 50  # stances read to find a holder's latest on an issue


@dataclass(slots=True)
class Line:
    text: str
    links: list[Evidence]


@dataclass(slots=True)
class Section:
    key: str
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Brief:
    since: str | None
    until: str | None
    articles: list[dict[str, Any]]  # {id, title, published}
    sections: list[Section]

    @property
    def title(self) -> str:
        if self.since is None:
            return "Cable brief"
        if self.since == self.until:
            return f"Cable brief: {day_words(self.since)}"
        return f"Cable brief since {day_words(self.since)}"

    def lines(self) -> list[Line]:
        return [line for s in self.sections for line in s.lines]


# -- words ------------------------------------------------------------------------------------


def day_words(iso: str) -> str:
    """2009-10-27 -> 27 October 2009."""
    d = dt.date.fromisoformat(iso[:10])
    return f"{d.day} {d.strftime('%B')} {d.year}"


def whole_month(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and (start.year, start.month) == (end.year, end.month) and (end + dt.timedelta(1)).day == 1


def span_words(date: dict[str, Any] | None) -> str | None:
    """The range a stored date resolved to, in words: '27 October 2009', 'April 2009'; None when unresolved."""
    if not date or not date.get("start"):
        return None
    start, end = dt.date.fromisoformat(date["start"]), dt.date.fromisoformat(date.get("end") or date["start"])
    if start == end:
        return day_words(date["start"])
    if whole_month(start, end):
        return f"{start.strftime('%B')} {start.year}"
    return f"{day_words(date['start'])} to {day_words(end.isoformat())}"


def when(date: dict[str, Any] | None) -> str:
    """A stored date as an adverbial: 'on 27 October 2009', 'in April 2009', 'this week (26 October 2009 to
    1 November 2009)', or the article's words alone when they did not resolve."""
    span = span_words(date)
    if span is None:
        return f"({date['text']})" if date and date.get("text") else ""
    start, end = dt.date.fromisoformat(date["start"]), dt.date.fromisoformat(date.get("end") or date["start"])
    if start == end:
        return f"on {span}"
    return f"in {span}" if whole_month(start, end) else f"{date['text']} ({span})"


def names_and(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def label(actor: dict[str, Any]) -> str:
    """An actor's name with its first title from the text (else from the KB): 'Ri Gun (nuclear negotiator)'."""
    titles = sorted(actor.get("titles", []), key=lambda t: t.get("source") != "text")
    return f"{actor['name']} ({titles[0]['title']})" if titles and actor["kind"] == "person" else actor["name"]


@functools.cache
def likelihood_words() -> tuple[tuple[float, str], ...]:
    """(highest probability, words) pairs, lowest first: Kent's words of estimative probability."""
    return tuple((float(p), w) for p, w in (line.split("\t") for line in data_lines("probability_words.tsv")))


def likelihood(p: float) -> str:
    return next(w for top, w in likelihood_words() if p <= top + 1e-9)


@functools.cache
def track_two_cues() -> re.Pattern:
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(c) for c in data_lines("track_two.txt")) + r")(?!\w)", re.I)


def evidence(record: dict[str, Any], item: dict[str, Any]) -> Evidence:
    """Where a stored event (its sentence), quote, stance or forecast lies in its article."""
    aid = record["article"]["id"]
    if "sentence" in item:
        return Evidence(aid, item["id"], item["sentence"]["start"], item["sentence"]["end"])
    return Evidence(aid, item["id"], item["start"], item["end"], item.get("field", "text"))


# -- sections ---------------------------------------------------------------------------------


def meeting_groups(record: dict[str, Any], status: str) -> list[list[dict[str, Any]]]:
    """The article's CONSULT events of this status, those at one place on compatible dates together;
    an event needs a place or two parties to count."""
    groups: list[list[dict[str, Any]]] = []
    for e in record["events"]:
        if e["plover"] != "CONSULT" or e["status"] != status:
            continue
        if not e.get("location") and len(e["actors"] + e["recipients"]) < 2:
            continue
        place = normal(e["location"]["name"]) if e.get("location") else None
        same = next((g for g in groups if place and normal((g[0].get("location") or {}).get("name") or "") == place
                     and all(dates_meet(e.get("date"), x.get("date")) for x in g)), None)
        if same is None:
            groups.append([e])
        else:
            same.append(e)
    return groups


def dates_meet(a: dict | None, b: dict | None) -> bool:
    """Whether two stored dates can be the same occasion (an unknown date meets any)."""
    if not a or not b or not a.get("start") or not b.get("start"):
        return True
    return a["start"] <= (b.get("end") or b["start"]) and b["start"] <= (a.get("end") or a["start"])


def setting(record: dict[str, Any], events: list[dict[str, Any]]) -> str:
    """'track-two', 'official' or '' for a meeting: track two when a sentence says so or every party is
    non-official (a forum, an academic or non-governmental body); official when a party is a state or
    its officials."""
    text = record["article"]["text"]
    if any(track_two_cues().search(text[e["sentence"]["start"]:e["sentence"]["end"]]) for e in events):
        return "track-two"
    actors = {a["id"]: a for a in record["actors"]}
    parties = [actors[x] for e in events for x in e["actors"] + e["recipients"] if x in actors]
    if parties and all(p["kind"] == "forum" or p.get("sector") in NON_OFFICIAL for p in parties):
        return "track-two"
    if any(p["kind"] == "country" or p.get("sector") in OFFICIAL for p in parties):
        return "official"
    return ""


def meeting_line(record: dict[str, Any], events: list[dict[str, Any]], planned: bool = False) -> Line:
    """One meeting or visit: who (and whom they visit), where, when, in what setting."""
    actors = {a["id"]: a for a in record["actors"]}

    def labels(role: str) -> list[str]:
        return list(dict.fromkeys(label(actors[x]) for e in events for x in e[role] if x in actors
                                  and not represented(actors[x], events, actors)))

    place = next((e["location"]["name"] for e in events if e.get("location")), None)
    date = min((e["date"] for e in events if e.get("date")), key=narrowness, default=None)
    span = span_words(date)
    day = f" {date['text']} ({span})" if span else (f" {when(date)}" if date else "")
    head = " ".join(w for w in ("planned" if planned else "", setting(record, events)) if w)
    if any(e.get("mode") == "visit" for e in events):
        guests, hosts = labels("actors"), labels("recipients") or ([place] if place else [])
        text = (f"{head} visit{' by ' + names_and(guests) if guests else ''}"
                f"{' to ' + names_and(hosts) if hosts else ''}{day}.")
    else:
        parties = list(dict.fromkeys(labels("actors") + labels("recipients")))
        text = f"{head} meeting{' in ' + place if place else ''}{day}{': ' + names_and(parties) if parties else ''}."
    text = text.strip()
    return Line(text[0].upper() + text[1:], [evidence(record, e) for e in events])


def represented(actor: dict[str, Any], events: list[dict[str, Any]], actors: dict[str, dict]) -> bool:
    """Whether a country is already at the table through its own officials, offices or people."""
    if actor["kind"] != "country" or not actor.get("country"):
        return False
    return any(actors[x]["kind"] != "country" and actors[x].get("country") == actor["country"]
               for e in events for x in e["actors"] + e["recipients"] if x in actors)


def narrowness(date: dict[str, Any]) -> int:
    """Days a stored date covers (an unresolved one counts as widest)."""
    if not date.get("start"):
        return 10**6
    return (dt.date.fromisoformat(date.get("end") or date["start"]) - dt.date.fromisoformat(date["start"])).days


def meetings(records: list[dict[str, Any]], *, planned: bool = False) -> list[Line]:
    status = "planned" if planned else "occurred"
    return [meeting_line(r, g, planned) for r in records for g in meeting_groups(r, status)]


def sayings(records: list[dict[str, Any]]) -> list[Line]:
    """Direct and mixed quotes with a known speaker: name, title, words."""
    out = []
    for r in records:
        for q in r.get("quotes", []):
            if q["kind"] in ("direct", "mixed") and q.get("speaker_name"):
                who = q["speaker_name"] + (f", {q['speaker_title']}" if q.get("speaker_title") else "")
                out.append(Line(f"{who}: \u201c{q['text'].strip().rstrip(',')}\u201d", [evidence(r, q)]))
    return out


def positions(store, records: list[dict[str, Any]], since: str | None) -> tuple[list[Line], list[Line]]:
    """(stated positions, positions that changed): stances resting on the same words by the same holder
    with the same polarity make one line; a change is an earlier stored stance by the same holder on the
    same issue with another polarity."""
    stated, changed = [], []
    for r in records:
        names = {a["id"]: a["name"] for a in r["actors"]}
        countries = {a["id"]: a.get("country") for a in r["actors"]}
        same: dict[tuple, list[dict[str, Any]]] = {}
        for s in r.get("stances", []):
            same.setdefault((s["holder"], s["polarity"], s["start"], s["end"]), []).append(s)
        for (holder_id, polarity, _, _), group in same.items():
            holder, issues = names.get(holder_id, holder_id), "; ".join(s["issue"] for s in group)
            stated.append(Line(f"{holder} {SAYS[polarity]} {issues}: \u201c{group[0]['position']}\u201d",
                               [evidence(r, s) for s in group]))
            for s in group:
                before = earlier_stance(store, holder, issue_key(s["issue"], countries.get(holder_id)), s, since)
                if before is not None:
                    was = Evidence(before["article_id"], before["id"], before["start"], before["end"])
                    changed.append(Line(f"{holder} now {SAYS[polarity]} {s['issue']} (on "
                                        f"{day_words(before['published'])} it {SAID[before['polarity']]} it).",
                                        [evidence(r, s), was]))
    return stated, changed


def earlier_stance(store, holder: str, key: str, stance: dict[str, Any], since: str | None) -> dict[str, Any] | None:
    """The newest stance stored before ``since`` by the same holder on the same issue (the same
    issue key, ``cable.issues``), when its polarity differs."""
    if since is None:
        return None
    until = (dt.date.fromisoformat(since) - dt.timedelta(days=1)).isoformat()
    # newest first: the first row by this very holder is the one (the name filter also matches longer names)
    for row in store.stances(holder=holder, issue_key=key, until=until, limit=HOLDER_ROWS):
        if row.get("holder_name") == holder and row["published"]:
            return row if row["polarity"] != stance["polarity"] else None
    return None


def forecast_line(f: dict[str, Any], links: list[Evidence], outcome: str = "") -> Line:
    holder = f.get("holder_name") or "unattributed"
    p = f["probability"]
    return Line(f"{holder[0].upper()}{holder[1:]}: \u201c{f['expression']}\u201d: {f['claim']} "
                f"({likelihood(p)}, p = {p:.2f}){outcome}.", links)


def forecasts_made(records: list[dict[str, Any]]) -> list[Line]:
    return [forecast_line(f, [evidence(r, f)]) for r in records for f in r.get("forecasts", [])]


def forecasts_resolved(store, since: str | None, until: str | None) -> list[Line]:
    """Stored forecasts whose outcome was recorded as resolved in the window."""
    out = []
    for f in store.forecasts(resolved=True, limit=SCAN):
        if not within((f.get("resolved_on") or "")[:10] or None, since, until):
            continue
        made = f" (made {day_words(f['published'])})" if f.get("published") else ""
        result = "; it happened" if f["outcome"] == 1 else "; it did not happen"
        on = f", resolved {day_words(f['resolved_on'])}" if f.get("resolved_on") else ""
        out.append(forecast_line(f, [Evidence(f["article_id"], f["id"], f["start"], f["end"], f.get("field", "text"))],
                                 f"{made}{result}{on}"))
    return out


def moved_processes(store, records: list[dict[str, Any]]) -> list[Line]:
    """Processes with a status change reported in these articles: the status now and since when,
    and each party's preconditions reported with it."""
    ids = {r["article"]["id"] for r in records}
    named = {normal(a["name"]): (a["name"], a["kind"]) for r in records for a in r["actors"]
             if a["kind"] in ("process", "forum")}
    out = []
    for key, (name, kind) in sorted(named.items()):
        process = follow(key, name, kind, articles_naming(store, name))
        if not any(c.evidence.article_id in ids for c in process.history):
            continue
        out.append(process_line(process))
        out += [Line(f"{name}: {possessive(p.holder)} precondition: \u201c{p.position}\u201d", [p.evidence])
                for p in process.positions if p.polarity == "conditional" and p.evidence.article_id in ids]
    return out


def process_line(process: Process) -> Line:
    """'Six-Party Talks: suspended since X's withdrawal in April 2009.'"""
    last = process.history[-1]
    who = f"{possessive(names_and(last.parties))} {last.noun}" if last.parties else f"the {last.noun}"
    day = when(last.date) if last.date else (f"(reported {day_words(last.published)})" if last.published else "")
    return Line(f"{process.name}: {last.status} since {who}{' ' + day if day else ''}.", [last.evidence])


# -- the brief --------------------------------------------------------------------------------


def latest_day(store) -> str | None:
    """The newest publication date among the stored articles."""
    newest = store.articles(limit=1)
    return newest[0]["published"][:10] if newest and newest[0]["published"] else None


def brief_days(store, *, limit: int = 10) -> list[str]:
    """The newest publication dates among the stored articles (of the newest ``SCAN``), newest first."""
    days = dict.fromkeys(r["published"][:10] for r in store.articles(limit=SCAN) if r["published"])
    return list(days)[:limit]


def brief(store, *, date: str | None = None, since: str | None = None) -> Brief:
    """The brief of the articles published on ``date`` (default: the newest day stored), or since ``since``."""
    if since is None:
        date = date or latest_day(store)
    since, until = (since, None) if since else (date, date)
    records = stored_articles(store, since=since, until=until) if since else []
    stated, changed = positions(store, records, since)
    sections = [Section("meetings", "Meetings and visits", meetings(records)),
                Section("planned", "Meetings planned", meetings(records, planned=True)),
                Section("quotes", "Who said what", sayings(records)),
                Section("positions", "Stated positions", stated),
                Section("changed", "Positions that changed", changed),
                Section("forecasts", "Forecasts made", forecasts_made(records)),
                Section("resolved", "Forecasts resolved", forecasts_resolved(store, since, until)),
                Section("processes", "Processes whose status moved", moved_processes(store, records))]
    articles = [{"id": r["article"]["id"], "title": r["article"]["title"], "published": r["article"]["published"]}
                for r in records]
    return Brief(since, until, articles, [s for s in sections if s.lines])


# -- rendering --------------------------------------------------------------------------------


def href(link: Evidence, base: str = "") -> str:
    return f"{base}/article/{quote(link.article_id, safe='')}#{quote(link.record_id, safe='')}"


def link_label(link: Evidence) -> str:
    where = "title " if link.field == "title" else ""
    return f"{link.article_id}:{link.record_id} {where}{link.start}-{link.end}"


def md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def to_markdown(b: Brief, *, base: str = "") -> str:
    """The brief as Markdown; each line ends with links to its evidence."""
    out = [f"# {b.title}", "", f"From {len(b.articles)} stored article{'s' if len(b.articles) != 1 else ''}."]
    for s in b.sections:
        out += ["", f"## {s.title}", ""]
        out += [f"- {md_escape(line.text)} " + " ".join(f"[{link_label(k)}]({href(k, base)})" for k in line.links)
                for line in s.lines]
    if not b.sections:
        out += ["", "Nothing stored for this period."]
    return "\n".join(out) + "\n"


def to_html(b: Brief, *, base: str = "") -> str:
    """The brief as an HTML fragment; every piece of record text is escaped."""
    out = [f'<section class="brief"><h1>{escape(b.title)}</h1>',
           f'<p class="meta">From {len(b.articles)} stored article{"s" if len(b.articles) != 1 else ""}.</p>']
    for s in b.sections:
        out.append(f'<h2 id="{s.key}">{escape(s.title)}</h2><ul>')
        for line in s.lines:
            links = " ".join(f'<a class="evidence" href="{escape(href(k, base))}">{escape(link_label(k))}</a>'
                             for k in line.links)
            out.append(f"<li>{escape(line.text)} <span class=\"source\">{links}</span></li>")
        out.append("</ul>")
    if not b.sections:
        out.append('<p class="empty">Nothing stored for this period.</p>')
    return "".join(out) + "</section>"


def to_html_page(b: Brief, *, base: str = "") -> str:
    """A standalone HTML document of the brief."""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(b.title)}</title></head>'
            f"<body>{to_html(b, base=base)}</body></html>\n")
