"""HTML pages: trafilatura finds the body and metadata, the page's own headline
is the title; page furniture is reported.

The page is parsed once. Metadata, the headline and the furniture are read from
that tree first; trafilatura's body extraction then prunes it in place. The body
is trafilatura's favor_precision extraction, with one saving: its fallbacks
(readability, then justext) run only where they could replace the main
extractor's text, which is when that text is short, lacks paragraphs, holds
page chrome, or covers little of the page's visible text. Categories, tags and
licence, which Cable does not use, are not looked for. trafilatura's XPaths
for page chrome and bylines are read in Python (``clean_prune``: same elements,
a fraction of the time); the date is ``clean_date``'s. The page is parsed as
trafilatura parses it, with lxml.html's element classes assigned in C, and
two of trafilatura's whole-text passes (the XML-character repair, JSON-LD
minifying) are done the same way in less time.
"""

from __future__ import annotations

import re
from copy import copy
from functools import partial
from html import unescape

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from trafilatura import metadata, utils
from trafilatura.core import _forum_thread_page
from trafilatura.external import SANITIZED_XPATH
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.json_metadata import JSON_UNICODE_REPLACE
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, Extractor
from trafilatura.xml import xmltotxt

from ..records import Removed
from .clean_blocks import Page, drop_bio, drop_boilerplate, drop_doubled_lines, drop_tail, drop_teaser, squash
from .clean_date import publication_date
from .clean_meta import outlet_for_domain
from .clean_prune import (
    COMMENTS,
    RAW_TREE_PRUNE_AND_COMMENTS,
    compare_extraction,
    extract_author,
    extract_main,
    with_names,
)
from .clean_title import page_headline

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|br|span|a|h[1-6]|article|section|main|ul|ol|li|table|tr|td|img|meta"
    r"|script|style|nav|header|footer|figure|figcaption|em|strong|b|i)\b[^<>]*>",
    re.IGNORECASE,
)
_FURNITURE = {"nav": "navigation", "aside": "related", "footer": "other", "figcaption": "caption"}
_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")
_CHROME = etree.XPath(SANITIZED_XPATH)  # what makes trafilatura call a body unclean
_PARAGRAPH_TEXT = etree.XPath(".//p//text()")
FALLBACK_SHARE = 2  # readability replaces the text only when it finds twice as much


def looks_like_html(text: str) -> bool:
    """True for an HTML document or fragment rather than plain text."""
    if _HTML_START.match(text):
        return True
    tags = len(_HTML_TAG.findall(text[:100_000]))
    return tags >= 4 or (tags >= 2 and text.lstrip().startswith("<"))


def read_html_page(html: str, url: str | None = None) -> Page:
    """Body paragraphs and metadata of an HTML page, with what was left out."""
    tree = parse_tree(html)
    if tree is None:
        return Page([])
    try:
        meta = read_metadata(tree, url)
    except (TypeError, ValueError):  # as trafilatura does: such a page has nothing to extract
        return Page([])
    outlet = outlet_for_domain(meta.url or url) or meta.sitename or None
    title = page_headline(tree, meta.title, (meta.sitename, outlet))
    chrome = furniture_blocks(tree)
    text = extract_body(tree, url or meta.url)  # prunes the tree: it comes last
    page = Page([line.strip() for line in text.split("\n") if line.strip()], title=title, outlet=outlet)
    page.author, page.published, page.url = meta.author or None, meta.date, meta.url
    drop_headline(page)
    for rule in (drop_doubled_lines, drop_tail, drop_bio, drop_teaser, drop_boilerplate):
        rule(page)
    page.removed.extend(furniture(chrome, "\n".join(page.paragraphs)))
    return page


def parse_tree(html: str):
    """The page as an lxml tree (trafilatura's ``load_html``: comments dropped), or None when unreadable."""
    try:
        return _load_html(html)
    except (etree.ParserError, ValueError, TypeError):
        return None


class CharacterPattern:
    """A pattern that matches single characters, exactly ``chars``, whose ``sub`` runs only on a
    text that holds one of them: a test for each character is a fraction of the pattern's pass
    over a page."""

    def __init__(self, pattern: re.Pattern[str], chars: tuple[str, ...]):
        self.pattern, self.chars = pattern, chars

    def sub(self, repl: str, text: str) -> str:
        if any(char in text for char in self.chars):
            return self.pattern.sub(repl, text)
        return text


def _html_parser() -> etree.HTMLParser:
    """trafilatura's HTML parser with lxml.html's element classes found in C, not by a Python call per
    element: every element is an ``HtmlElement`` (no form-field classes, which nothing here uses)."""
    parser = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                              remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    return parser


# trafilatura's INVALID_XML_CHARS
INVALID_XML = CharacterPattern(utils.INVALID_XML_CHARS,
                               tuple(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)))
_PARSER = _html_parser()
_load_html = with_names(utils.load_html, utils, HTML_PARSER=_PARSER,
                        fromstring_bytes=with_names(utils.fromstring_bytes, utils, HTML_PARSER=_PARSER),
                        repair_faulty_html=with_names(utils.repair_faulty_html, utils, INVALID_XML_CHARS=INVALID_XML))


def read_metadata(tree, url: str | None) -> Document:
    """Title, author, URL and site name, as trafilatura's metadata pass finds them; the date (``clean_date``)."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader has its own bugs; the page goes on
        pass
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or extract_author(tree)
    meta.url = meta.url or extract_url(tree, url)
    meta.date = publication_date(tree, meta.url)
    meta.sitename = _site_name(meta.sitename or extract_sitename(tree), meta.url)
    meta.clean_and_trim()
    return meta


def normalize_json(string: str) -> str:
    """trafilatura's ``normalize_json``, its character-by-character pass that drops lone surrogates
    made one regular expression."""
    if "\\" in string:
        string = string.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        string = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), string)
        string = _SURROGATE.sub("", string)
        string = unescape(string)
    return utils.trim(utils.HTML_STRIP_TAGS.sub("", string))


class _JsonMinify:
    """trafilatura's JSON_MINIFY: ``sub(r"\\1", text)`` keeps the JSON strings and drops the whitespace
    between them, here with one split and plain deletions, not a Python call per space."""

    def sub(self, repl: str, text: str) -> str:
        parts = _JSON_STRING.split(text)
        parts[::2] = [_SPACE.sub("", part) for part in parts[::2]]
        return "".join(parts)


_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_STRING = re.compile(r'("(?:\\.|[^"\\])*")')
_SPACE = re.compile(r"\s+")
extract_meta_json = with_names(metadata.extract_meta_json, metadata, normalize_json=normalize_json,
                               JSON_MINIFY=_JsonMinify())


def _site_name(name: str | None, url: str | None) -> str | None:
    """The site's name without a leading "@", capitalised; else the URL's host."""
    if name:
        name = name.lstrip("@")
        return name.title() if name and "." not in name and not name[0].isupper() else name
    match = META_URL.match(url) if url else None
    return match[1] if match else None


def extract_body(tree, url: str | None) -> str:
    """The article text trafilatura's favor_precision extraction finds (the tree is pruned in place).

    The cleaned copies the main extractor's recovery pass and the fallbacks
    read are made only when those run.
    """
    options = Extractor(output_format="python", precision=True, comments=False, url=url)
    try:
        is_forum = _forum_thread_page(tree)
        tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_AND_COMMENTS)
        cleaned = tree_cleaning(copy(tree), options)
        visible = visible_length(cleaned)
        prepare = partial(main_tree, tree, options, url, is_forum)
        body, text = extract_main(prepare(cleaned), options, prepare)
        if fallback_may_win(body, text, visible, options.min_extracted_size):
            backup = tree_cleaning(copy(tree), options)
            body, text = compare_extraction(backup, tree, body, text, options)  # the last reader of ``tree``
    except (TypeError, ValueError):
        return ""
    return xmltotxt(body, False) if text else ""


def main_tree(tree, options: Extractor, url: str | None, is_forum: bool, cleaned=None):
    """What trafilatura's main extractor reads: a cleaned copy of ``tree`` (or ``cleaned``, one
    already made) in trafilatura's own tags, comment sections out unless the page is a forum."""
    cleaned = tree_cleaning(copy(tree), options) if cleaned is None else cleaned
    cleaned = convert_tags(cleaned, options, url)
    return cleaned if is_forum else prune_unwanted_nodes(cleaned, COMMENTS)


def fallback_may_win(body, text: str, visible: int, min_size: int) -> bool:
    """Could readability or justext replace the main extractor's text?

    They do when it is short, has no paragraph text, is mostly tables or holds
    page chrome; readability also when it finds twice as much, which needs a
    page whose cleaned text (no head, scripts, navigation, asides or footers:
    ``visible`` characters) is over twice as long.
    """
    if len(text) < min_size or _CHROME(body):
        return True
    if not _PARAGRAPH_TEXT(body) or len(body.findall(".//table")) > len(body.findall(".//p")):
        return True
    return visible > FALLBACK_SHARE * len(text)


def visible_length(tree) -> int:
    """Characters of the text left in a cleaned tree, whitespace squashed."""
    return int(_TEXT_LENGTH(tree))


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


def furniture_blocks(tree) -> list[tuple[str, str]]:
    """(kind, text) of the outermost navigation, asides, footers and captions."""
    blocks = []
    for element in tree.iter(*_FURNITURE):
        if any(a.tag in _FURNITURE for a in element.iterancestors()):
            continue
        text = _visible_text(element)
        if len(text) >= 3:
            blocks.append((_FURNITURE[element.tag], text))
    return blocks


def furniture(blocks: list[tuple[str, str]], body: str) -> list[Removed]:
    """The furniture blocks whose text is not in the body."""
    body = squash(body)
    return [Removed(kind, text) for kind, text in blocks if text not in body]


def _visible_text(element) -> str:
    """The text a reader sees in an element (no scripts or styles)."""
    parts = []
    for node in element.iter():
        if node.text and node.tag not in ("script", "style", "noscript", etree.Comment):
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return squash(" ".join(parts))
