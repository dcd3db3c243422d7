"""HTML pages: trafilatura finds the body and metadata, the page's own headline
is the title; page furniture is reported."""

from __future__ import annotations

import datetime as dt
import re

import lxml.html
import trafilatura
from lxml import etree

from ..records import Removed
from .clean_blocks import Page, drop_bio, drop_boilerplate, drop_doubled_lines, drop_tail, drop_teaser, squash
from .clean_meta import outlet_for_domain
from .clean_title import page_headline

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|br|span|a|h[1-6]|article|section|main|ul|ol|li|table|tr|td|img|meta"
    r"|script|style|nav|header|footer|figure|figcaption|em|strong|b|i)\b[^<>]*>",
    re.IGNORECASE,
)
_FURNITURE = {"nav": "navigation", "aside": "related", "footer": "other", "figcaption": "caption"}


def looks_like_html(text: str) -> bool:
    """True for an HTML document or fragment rather than plain text."""
    if _HTML_START.match(text):
        return True
    tags = len(_HTML_TAG.findall(text[:100_000]))
    return tags >= 4 or (tags >= 2 and text.lstrip().startswith("<"))


def read_html_page(html: str, url: str | None = None) -> Page:
    """Body paragraphs and metadata of an HTML page, with what was left out."""
    doc = _extract(html, url)
    if doc is None:
        return Page([])
    page = Page([line.strip() for line in (doc.text or "").split("\n") if line.strip()])
    page.author, page.published, page.url = doc.author or None, doc.date, doc.url
    page.outlet = outlet_for_domain(doc.url or url) or doc.sitename or None
    tree = parse_tree(html)
    page.title = page_headline(tree, doc.title, (doc.sitename, page.outlet))
    drop_headline(page)
    for rule in (drop_doubled_lines, drop_tail, drop_bio, drop_teaser, drop_boilerplate):
        rule(page)
    page.removed.extend(furniture(tree, "\n".join(page.paragraphs)))
    return page


def parse_tree(html: str):
    """The page as an lxml tree, or None when lxml cannot read it."""
    try:
        return lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _extract(html: str, url: str | None):
    """trafilatura's document (text and metadata), or None when it finds no text."""
    dates = {"original_date": True, "extensive_search": False, "max_date": dt.date.today().isoformat()}
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params=dates,
    )


def drop_headline(page: Page) -> None:
    """The headline repeated at the top of the body, and any kicker lines above it."""
    if not page.title:
        return
    top = page.paragraphs[:5]
    title = squash(page.title).lower()
    at = next((i for i, p in enumerate(top) if squash(p).lower() in title and len(p) >= 0.5 * len(title)), None)
    if at is None:
        return
    page.drop(dict.fromkeys(range(at), "navigation"))
    del page.paragraphs[0]  # the headline, now first: it is the title, not body


def furniture(tree, body: str) -> list[Removed]:
    """Text of navigation, asides, footers and captions that is not in the body."""
    if tree is None:
        return []
    body = squash(body)
    removed = []
    for element in tree.iter(*_FURNITURE):
        if any(a.tag in _FURNITURE for a in element.iterancestors()):
            continue
        text = _visible_text(element)
        if len(text) >= 3 and text not in body:
            removed.append(Removed(_FURNITURE[element.tag], text))
    return removed


def _visible_text(element) -> str:
    """The text a reader sees in an element (no scripts or styles)."""
    parts = []
    for node in element.iter():
        if node.text and node.tag not in ("script", "style", "noscript", etree.Comment):
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return squash(" ".join(parts))
