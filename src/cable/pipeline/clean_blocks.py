"""Paragraph rules shared by plain-text and HTML pages.

A page is a list of paragraphs. Each rule takes out the paragraphs that are not
article text and records them, with their kind, in ``page.removed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..records import Removed
from .clean_data import kind_patterns, patterns, phrase_pattern, word_set
from .clean_meta import outlet_from_emails

_END = re.compile(r"(?:[.!?…]|\.\.\.)[\"'”’)\]]*$")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|(?<!\w)@\w{2,}")
_NAME_WORD = r"[A-Z][\w'’-]+"
CREDIT_SPAN = 300


@dataclass
class Page:
    """A page on its way to an Article: paragraphs left, what went, what was found."""

    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    column: str | None = None
    published: str | None = None
    url: str | None = None

    def drop(self, kinds: dict[int, str]) -> None:
        """Take paragraphs out by index, each recorded with its kind, in page order."""
        self.removed.extend(Removed(kinds[i], self.paragraphs[i]) for i in sorted(kinds))
        self.paragraphs = [p for i, p in enumerate(self.paragraphs) if i not in kinds]

    def remove(self, indexes: list[int] | range, kind: str) -> None:
        """Take paragraphs out by index and record them as ``kind``."""
        self.drop(dict.fromkeys(indexes, kind))


def word_count(text: str) -> int:
    return len(text.split())


def is_prose(text: str) -> bool:
    """A paragraph of running text: ends like a sentence and is long enough."""
    if not _END.search(text):
        return False
    n = word_count(text)
    return n >= 12 or (n >= 4 and text.rstrip("\"'”’)] ").endswith((".", "…")))


def is_title_like(text: str) -> bool:
    """A short line that could be a headline or a name: no closing full stop."""
    n = word_count(text)
    if not 1 <= n <= 25 or len(text) > 200 or text.endswith((".", ",", ";", ":")):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘"


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def drop_doubled_lines(page: Page) -> None:
    """A short line repeated twice in a row is an image caption (alt text + caption): both go.

    A long paragraph repeated is a saving glitch: the copy goes, as "other".
    """
    ps = page.paragraphs
    kinds: dict[int, str] = {}
    for i in range(1, len(ps)):
        if ps[i] != ps[i - 1] or word_count(ps[i]) < 2:
            continue
        if word_count(ps[i]) > 60:
            kinds[i] = "other"
        elif i - 1 not in kinds:
            kinds[i] = "caption"
    page.removed.extend(Removed(kinds[i], ps[i]) for i in sorted(kinds))
    firsts = {i - 1 for i, kind in kinds.items() if kind == "caption"}
    page.paragraphs = [p for i, p in enumerate(ps) if i not in kinds and i not in firsts]


def tail_heading_kind(text: str) -> str | None:
    """The kind of a "More from ..."/"Related"/"Sources" heading, or None."""
    if word_count(text) > 10 or is_prose(text):
        return None
    bare = text.strip().rstrip(":").strip()
    return next((kind for rx, kind in kind_patterns("tail_headings.tsv") if rx.fullmatch(bare)), None)


def drop_tail(page: Page) -> None:
    """Everything from a trailing-material heading ("More from ...") to the end of the page.

    A heading followed by article-like text (two long paragraphs in a row) is a
    box inside the article: only the heading goes.
    """
    start = _tail_start(page.paragraphs)
    while start is not None and _has_running_text(page.paragraphs[start + 1 :]):
        page.drop({start: tail_heading_kind(page.paragraphs[start]) or "related"})
        start = _tail_start(page.paragraphs)
    if start is None:
        return
    ps = page.paragraphs
    kind = tail_heading_kind(ps[start]) or "related"
    _outlet_from_heading(page, ps[start])
    page.drop({i: "caption" if is_caption(ps[i]) else kind for i in range(start, len(ps))})


def _tail_start(paragraphs: list[str]) -> int | None:
    """The first trailing-material heading after the article has begun."""
    first_prose = next((i for i, p in enumerate(paragraphs) if is_prose(p)), len(paragraphs))
    return next((i for i in range(first_prose + 1, len(paragraphs)) if tail_heading_kind(paragraphs[i])), None)


def _has_running_text(paragraphs: list[str]) -> bool:
    """Two consecutive long prose paragraphs: article text, not teasers."""
    long = [is_prose(p) and word_count(p) >= 30 for p in paragraphs]
    return any(a and b for a, b in zip(long, long[1:]))


def _outlet_from_heading(page: Page, heading: str) -> None:
    match = re.match(r"more from\s+(?P<name>.+)", heading.rstrip(":"), re.IGNORECASE)
    if match and not page.outlet and _is_outlet_name(match["name"], page.author):
        page.outlet = match["name"].strip()


def _is_outlet_name(name: str, author: str | None) -> bool:
    words = name.split()
    generic = {"this", "the author", "our", "us", "around", "the web", "partners"}
    if not words or len(words) > 6 or name.lower() in generic or words[0].lower() in {"this", "our"}:
        return False
    return name != author and all(w[0].isupper() or w.lower() in word_set("english_function_words.txt") for w in words)


def is_caption(text: str) -> bool:
    """A paragraph that ends with a picture credit."""
    if word_count(text) > 60:
        return False
    end = text[-CREDIT_SPAN:]  # every credit pattern is anchored at the end and shorter than this
    return any(rx.search(end) for rx in patterns("caption_patterns.txt"))


def drop_teaser(page: Page) -> None:
    """A truncated teaser: a paragraph whose text starts the paragraphs after it."""
    ps = page.paragraphs
    teasers = [i for i in range(len(ps) - 1) if _is_truncated_copy(ps[i], ps[i + 1 : i + 4])]
    page.remove(teasers, "teaser")


def _is_truncated_copy(text: str, following: list[str]) -> bool:
    if not (_ELLIPSIS.search(text) or not _END.search(text)):
        return False
    stem = squash(_ELLIPSIS.sub("", text))
    if len(stem) < 40:
        return False
    after = squash(" ".join(following))
    return len(after) > len(stem) and after.startswith(stem)


def drop_boilerplate(page: Page) -> None:
    """Short blocks of page furniture ("Advertisement", "Share", "Read more: ...") and credits."""
    kinds = {i: boilerplate_kind(p) for i, p in enumerate(page.paragraphs)}
    page.drop({i: kind for i, kind in kinds.items() if kind})


def boilerplate_kind(text: str) -> str | None:
    """The kind of a furniture block, or None for article text."""
    if word_count(text) <= 30:
        bare = text.strip()
        for rx, kind in kind_patterns("boilerplate_lines.tsv"):
            if rx.fullmatch(bare):
                return kind
    return "caption" if is_caption(text) else None


def drop_bio(page: Page) -> None:
    """The author's bio at the end: "Jane Doe covers ..." and the paragraphs about her after it."""
    ps = page.paragraphs
    for start in range(max(0, len(ps) - 6), len(ps)):
        name = bio_name(ps[start])
        if name and _is_bio_opening(ps[start]) and _rest_is_about(name, ps[start + 1 :]):
            page.author = page.author or name
            page.outlet = page.outlet or outlet_from_emails(" ".join(ps[start:]))
            page.remove(range(start, len(ps)), "bio")
            return


def bio_name(text: str) -> str | None:
    """The person a paragraph opens on, when a bio verb follows the name."""
    match = _bio_start_pattern().match(text)
    if not match or any(w.lower() in word_set("english_function_words.txt") for w in match["name"].split()):
        return None
    return match["name"]


@cache
def _bio_start_pattern() -> re.Pattern[str]:
    verbs = "|".join(sorted(word_set("bio_verbs.txt")))
    return re.compile(rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s+(?:{verbs})\b")


def _is_bio_opening(text: str) -> bool:
    """A paragraph that speaks of its subject as a writer or gives a contact address."""
    return bool(phrase_pattern("bio_cues.txt").search(text) or _CONTACT.search(text))


def _rest_is_about(name: str, paragraphs: list[str]) -> bool:
    parts = [re.escape(w) for w in name.split()]
    about = re.compile(rf"\b(?:{'|'.join(parts)})\b|^(?:He|She|They|His|Her|Their)\b")
    return all(about.search(p) or _CONTACT.search(p) for p in paragraphs)


def drop_menu_runs(page: Page) -> None:
    """Runs of three or more one-to-four-word lines: a menu at either end, a list or legend inside."""
    ps = page.paragraphs
    prose = [i for i, p in enumerate(ps) if is_prose(p)]
    kinds: dict[int, str] = {}
    for start, end in _short_runs(ps):
        inside = bool(prose) and prose[0] < start and end <= prose[-1]
        kinds.update(dict.fromkeys(range(start, end), "other" if inside else "navigation"))
    page.drop(kinds)


def _short_runs(paragraphs: list[str], min_run: int = 3) -> list[tuple[int, int]]:
    """(start, end) of each run of at least ``min_run`` short lines without end punctuation."""
    runs, start = [], None
    for i, text in enumerate([*paragraphs, "."]):
        short = word_count(text) <= 4 and not _END.search(text)
        if short and start is None:
            start = i
        elif not short and start is not None:
            if i - start >= min_run:
                runs.append((start, i))
            start = None
    return runs
