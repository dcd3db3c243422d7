"""clean: a decoded page (plain text or HTML) -> article text + metadata.

    page --(HTML? trafilatura : paragraph rules)--> Page --checks--> Cleaned

Plain-text pages lose their header (column, tagline), truncated teaser,
doubled captions, author bio and trailing "More from ..." material; each piece
that goes is kept in ``Cleaned.removed`` with its kind. A page that is empty,
has no article or is not English raises an ``InputError``. Control characters
(NUL, escape sequences) are dropped before anything else.
"""

from __future__ import annotations

import hashlib
import re

from ..errors import EmptyInput, InputTooLarge, NoArticle
from ..records import Article, Cleaned
from ..settings import DEFAULTS, Settings
from .clean_blocks import Page
from .clean_html import CharacterPattern, looks_like_html, read_html_page
from .clean_lang import check_english
from .clean_meta import outlet_for_domain
from .clean_text import read_text_page

# C0 controls and DEL; tabs, newlines and form feeds stay
CONTROL = CharacterPattern(re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]"),
                           tuple(chr(c) for c in (*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F)))
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
_CJK_SENTENCE = re.compile(r"[^\s。！？]{10}[。！？]")


def clean(
    text: str, *, input: str | None = None, url: str | None = None, settings: Settings = DEFAULTS
) -> Cleaned:
    """Find the article in a page: its body text, metadata and what was removed."""
    name = input or "the input"
    if not text or text.isspace():
        raise EmptyInput(f"{name} is empty (nothing but whitespace); give a page that contains an article")
    text = CONTROL.sub("", text)
    page = read_html_page(text, url) if looks_like_html(text) else read_text_page(text)
    body = "\n\n".join(page.paragraphs)
    check_article(body, name, settings.min_text_chars)
    if len(body) > settings.max_text_chars:
        raise InputTooLarge(
            f"{name}: {len(body):,} characters of article text is more than the {settings.max_text_chars:,} "
            "that one article may have; split it into articles, or raise CABLE_MAX_TEXT_CHARS"
        )
    language = check_english(body, name)
    return Cleaned(article=_article(page, body, url, language), removed=page.removed)


def check_article(body: str, name: str, min_chars: int) -> None:
    """Raise NoArticle when the body is too short or has no sentences."""
    if len(body) < min_chars:
        raise NoArticle(
            f"no article text found in {name} (only {len(body)} characters of text after removing "
            f"boilerplate, fewer than {min_chars}); give a page that contains an article"
        )
    if not has_sentence(body):
        raise NoArticle(
            f"no article text found in {name} ({len(body)} characters of text after removing "
            "boilerplate, but no sentences); give a page that contains an article"
        )


def has_sentence(body: str) -> bool:
    """True when some stretch of four or more words ends in sentence punctuation.

    Linear in the length of the text, whatever it holds.
    """
    start = 0
    for match in _TERMINAL.finditer(body):
        if len(body[start:match.end()].split()) >= 4:
            return True
        start = match.end()
    return bool(_CJK_SENTENCE.search(body))


def article_id(body: str) -> str:
    """A stable id: the first 16 hex digits of sha256 of the whitespace-collapsed body."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()[:16]


def _article(page: Page, body: str, url: str | None, language: str) -> Article:
    url = url or page.url
    return Article(
        id=article_id(body),
        title=page.title,
        author=page.author,
        outlet=outlet_for_domain(url) or page.outlet,
        column=page.column,
        published=page.published,
        url=url,
        language=language,
        text=body,
    )
