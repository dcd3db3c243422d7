"""What the pages show, computed from stored records: the article text with its
evidence marked, the network of who meets or confronts whom, a dyad's
cooperation and conflict by month, and the Atom feed of briefs. Everything
returned as markup is built from escaped text only (article text is untrusted
web content)."""

from __future__ import annotations

import math
from collections import Counter
from html import escape
from urllib.parse import quote
from xml.etree import ElementTree as ET

from ..brief import Brief, to_html
from ..dyads import dyads

CONFLICT_QUADS = frozenset({3, 4})


def marked_text(record: dict) -> str:
    """The article text as HTML: event triggers link to their event, actor mentions to
    the actor's page, quotes are marked; every piece of text is escaped."""
    text = record["article"]["text"]
    marks: list[tuple[int, int, str, str]] = []  # start, end, kind, target
    for event in record.get("events", []):
        t = event["trigger"]
        marks.append((t["start"], t["end"], "trigger", event["id"]))
    for actor in record.get("actors", []):
        for m in actor.get("mentions", []):
            marks.append((m["start"], m["end"], "actor", actor["name"]))
    for q in record.get("quotes", []):
        marks.append((q["start"], q["end"], "quote", q["id"]))
    cuts = sorted({0, len(text)} | {p for s, e, _, _ in marks for p in (s, e) if 0 <= p <= len(text)})
    rank = {"trigger": 0, "actor": 1, "quote": 2}
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = escape(text[start:end]).replace("\n\n", "</p><p>")
        covering = sorted((m for m in marks if m[0] <= start and end <= m[1]), key=lambda m: rank[m[2]])
        kinds = {m[2] for m in covering}
        if not covering:
            out.append(piece)
            continue
        top = covering[0]
        classes = " ".join(sorted(kinds))
        if top[2] == "trigger":
            out.append(f'<a class="{classes}" href="#{escape(top[3])}" id="t-{escape(top[3])}">{piece}</a>')
        elif top[2] == "actor":
            out.append(f'<a class="{classes}" href="/actor/{quote(top[3], safe="")}">{piece}</a>')
        else:
            out.append(f'<span class="{classes}" id="{escape(top[3])}">{piece}</span>')
    return "<p>" + "".join(out) + "</p>"


def network(rows: list[dict], *, plover: set[str] | None = None, limit: int = 40) -> dict:
    """Nodes (actors by name, with counts) and weighted edges (pairs with the number of
    events, split into cooperative and conflictual) for an SVG drawing."""
    edges: Counter = Counter()
    conflict: Counter = Counter()
    nodes: Counter = Counter()
    for row in rows:
        if plover and row["plover"] not in plover:
            continue
        names = dict(zip(row["actors"], row["actor_names"])) | dict(zip(row["recipients"], row["recipient_names"]))
        for a, b in dyads(row["actors"], row["recipients"]):
            if a is None or b is None:
                continue
            pair = tuple(sorted((names[a], names[b])))
            edges[pair] += 1
            conflict[pair] += (row.get("quad_class") or 0) in CONFLICT_QUADS
            nodes.update(pair)
    keep = {n for n, _ in nodes.most_common(limit)}
    return {"nodes": [{"name": n, "events": c} for n, c in nodes.most_common(limit)],
            "edges": [{"a": a, "b": b, "events": n, "conflict": conflict[(a, b)]}
                      for (a, b), n in edges.most_common() if a in keep and b in keep]}


def network_svg(graph: dict, size: int = 640) -> str:
    """The network on a circle: node size by events, edge width by events, red for conflict."""
    nodes = graph["nodes"]
    if not nodes:
        return '<p class="empty">No events between two parties in this window.</p>'
    r, c = size * 0.38, size / 2
    at = {n["name"]: (c + r * math.cos(2 * math.pi * i / len(nodes)), c + r * math.sin(2 * math.pi * i / len(nodes)))
          for i, n in enumerate(nodes)}
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-label="network of actors">']
    for e in graph["edges"]:
        (x1, y1), (x2, y2) = at[e["a"]], at[e["b"]]
        colour = "conflict" if e["conflict"] * 2 > e["events"] else "coop"
        parts.append(f'<line class="{colour}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke-width="{1 + math.log2(e["events"]):.1f}"><title>{escape(e["a"])} - {escape(e["b"])}: '
                     f'{e["events"]} events</title></line>')
    for n in nodes:
        x, y = at[n["name"]]
        parts.append(f'<a href="/actor/{quote(n["name"], safe="")}"><circle cx="{x:.1f}" cy="{y:.1f}" '
                     f'r="{4 + 2 * math.sqrt(n["events"]):.1f}"/><text x="{x:.1f}" y="{y - 8:.1f}">'
                     f'{escape(n["name"])}</text></a>')
    return "".join(parts) + "</svg>"


def dyad_svg(series: list[dict], width: int = 640, height: int = 240) -> str:
    """Mean Goldstein score by month (-10 conflict .. +10 cooperation) as a line with points."""
    points = [(i, s["goldstein"]) for i, s in enumerate(series) if s["goldstein"] is not None]
    if not points:
        return '<p class="empty">No events between these two in the store.</p>'
    step = (width - 60) / max(1, len(series) - 1)

    def y(v: float) -> float:
        return 20 + (10 - v) / 20 * (height - 40)

    line = " ".join(f"{40 + i * step:.1f},{y(v):.1f}" for i, v in points)
    parts = [f'<svg class="dyad" viewBox="0 0 {width} {height}" role="img" aria-label="Goldstein by month">',
             f'<line class="zero" x1="40" x2="{width - 20}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>',
             f'<polyline points="{line}"/>']
    for i, v in points:
        s = series[i]
        parts.append(f'<circle cx="{40 + i * step:.1f}" cy="{y(v):.1f}" r="4"><title>{escape(s["month"])}: '
                     f'{s["events"]} events, mean {v}</title></circle>')
    parts += [f'<text x="4" y="{y(10) + 4:.1f}">+10</text>', f'<text x="4" y="{y(-10) + 4:.1f}">-10</text>']
    return "".join(parts) + "</svg>"


def atom(briefs: list[Brief], base: str, updated: str) -> str:
    """An Atom feed with one entry per brief, its HTML (escaped once more by the XML) as the entry's content."""
    ns = "http://www.w3.org/2005/Atom"
    feed = ET.Element("feed", xmlns=ns)
    ET.SubElement(feed, "title").text = "Cable briefs"
    ET.SubElement(feed, "id").text = f"{base}/brief.atom"
    ET.SubElement(feed, "updated").text = updated
    ET.SubElement(feed, "link", rel="self", href=f"{base}/brief.atom")
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = "Cable"
    for b in briefs:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "title").text = b.title
        ET.SubElement(entry, "id").text = f"{base}/brief?date={b.since}"
        ET.SubElement(entry, "updated").text = f"{b.since}T00:00:00Z"
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=f"{base}/brief?date={b.since}")
        ET.SubElement(entry, "content", type="html").text = to_html(b, base=base)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")
