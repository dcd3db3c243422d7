"""Plain-text pages (saved from the web): paragraphs, header, and the article body."""

from __future__ import annotations

import re

from .clean_blocks import (
    Page,
    drop_bio,
    drop_boilerplate,
    drop_doubled_lines,
    drop_menu_runs,
    drop_tail,
    drop_teaser,
    is_prose,
    is_title_like,
    word_count,
)
from .clean_meta import byline_author, is_date_line, is_stamp_line, parse_date

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_DATELINE = re.compile(r"^(?:[A-Z][A-Za-z .'-]{1,40},\s*)?(?P<date>[^—–]{6,40}?)\s*(?:—|–|--| - )")


def read_text_page(text: str) -> Page:
    """Split a plain-text page into paragraphs and take out everything but the article."""
    page = Page(split_paragraphs(text))
    drop_doubled_lines(page)
    drop_tail(page)
    drop_bio(page)
    drop_teaser(page)
    drop_boilerplate(page)
    read_header(page)
    drop_menu_runs(page)
    page.published = page.published or _dateline_date(page.paragraphs)
    page.removed.sort(key=lambda r: _position(text, r.text))
    return page


def _position(text: str, part: str) -> int:
    """Where ``part`` starts in ``text`` (by its first words), or the end when not found."""
    at = text.find(part[:30])
    return at if at >= 0 else len(text)


def split_paragraphs(text: str) -> list[str]:
    """Blocks between blank lines; a block's lines are joined only when hard-wrapped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _is_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of one paragraph broken at a fixed width (not a list of separate lines)."""
    if len(lines) < 2 or any(a == b for a, b in zip(lines, lines[1:])):
        return False
    widths = [len(line) for line in lines[:-1]]
    return min(widths) >= 40 and max(widths) <= 100 and max(widths) - min(widths) <= 30


def body_start(paragraphs: list[str]) -> int | None:
    """Where the body begins: the first prose paragraph that is not a tagline above a headline."""
    for i, text in enumerate(paragraphs):
        if is_prose(text) and not (i < 4 and _headline_follows(paragraphs[i + 1 :])):
            return i
    return None


def _headline_follows(paragraphs: list[str]) -> bool:
    """True when the next lines are a headline (after any date or byline) and then prose."""
    rest = [p for p in paragraphs[:6] if not _is_meta_line(p)]
    return len(rest) >= 2 and _is_headline(rest[0]) and is_prose(rest[1])


def read_header(page: Page) -> None:
    """Headline, column, date and byline above the body; the rest of the header goes."""
    start = body_start(page.paragraphs)
    if start is None:
        return
    header = page.paragraphs[:start]
    meta = [i for i, line in enumerate(header) if _read_meta_line(page, line)]
    lines = [i for i in range(len(header)) if i not in meta]
    candidates = [i for i in lines if _is_headline(header[i])]
    headline = candidates[-1] if candidates else len(header)
    if candidates:
        page.title = header[headline]
        page.column = _column([header[i] for i in lines if i < headline])
    kinds = dict.fromkeys(meta, "other")
    kinds.update({i: "navigation" if i < headline else "other" for i in lines if i != headline})
    page.drop(kinds)
    if candidates:
        del page.paragraphs[0]  # the headline, first of what is left: the title, not body


def _is_headline(line: str) -> bool:
    """A title-like line of at least three words (one or two are a menu item or a section)."""
    return is_title_like(line) and word_count(line) >= 3


def _is_meta_line(line: str) -> bool:
    return is_date_line(line) or is_stamp_line(line) or byline_author(line) is not None


def _read_meta_line(page: Page, line: str) -> bool:
    """Take the date or author from a date line or byline; True when it was one."""
    if is_date_line(line) or is_stamp_line(line):
        page.published = page.published or parse_date(line)
        return True
    author = byline_author(line)
    if author:
        page.author = page.author or author
        page.published = page.published or parse_date(line)
        return True
    return False


def _column(above: list[str]) -> str | None:
    """The column or section named on the first line above the headline (with its tagline)."""
    if not above or word_count(above[0]) > 5 or not is_title_like(above[0]):
        return None
    name = above[0]
    return name if len(above) == 1 or above[1].lower().startswith(name.lower()) else None


def _dateline_date(paragraphs: list[str]) -> str | None:
    """The date of a dateline opening the body ("WASHINGTON, Oct. 28, 2009 — ...")."""
    match = _DATELINE.match(paragraphs[0]) if paragraphs else None
    return parse_date(match["date"]) if match and is_date_line(match["date"]) else None
