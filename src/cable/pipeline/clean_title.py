"""The headline of an HTML page: the page's own ``<h1>``, else its metadata title.

The ``<h1>`` is what a reader sees; ``og:title`` and ``<title>`` often carry the
site's name, a section kicker or an older wording. An ``<h1>`` that is a logo or
a section name (one or two words, a link, "... Logo") is passed over, and one in
the article or main element is preferred. A kicker before " | " ("Opinion |
...") is dropped, and so is a word run onto the headline that the metadata
title leaves out ("Opinion What I'll ...").
"""

from __future__ import annotations

import re

from .clean_blocks import squash

SEPARATORS = (" | ", " - ", " — ", " – ", " :: ", " : ")
KICKER_WORDS = 3
LOGO = re.compile(r"\blogo\b", re.I)
CONTENT_TAGS = frozenset({"article", "main"})


def page_headline(tree, meta_title: str | None, site_names: tuple[str | None, ...] = ()) -> str | None:
    """The page's headline (see the module docstring), or None when it has none."""
    heading = best_h1(tree) if tree is not None else None
    meta = strip_site_name(meta_title, site_names) if meta_title else None
    if heading is None:
        return meta
    return drop_kicker(heading, meta)


def best_h1(tree) -> str | None:
    """The first ``<h1>`` worth a headline, one inside article/main first."""
    found = [(h, text) for h in tree.iter("h1") if (text := squash(h.text_content())) and headline_like(h, text)]
    inside = [text for h, text in found if any(a.tag in CONTENT_TAGS for a in h.iterancestors())]
    if inside:
        return inside[0]
    return found[0][1] if found else None


def headline_like(h1, text: str) -> bool:
    """Not a logo, a section name, a link or a whole paragraph."""
    words = len(text.split())
    if words <= 2 or len(text) > 300 or LOGO.search(text):
        return False
    return not any(a.tag == "a" for a in h1.iterancestors()) and h1.find(".//a[@href='/']") is None


def drop_kicker(heading: str, meta: str | None) -> str:
    """ "Opinion | Headline" -> "Headline"; "Opinion Headline" -> "Headline" when the
    metadata title ends with the rest."""
    for sep in (" | ",):
        head, found, rest = heading.partition(sep)
        if found and len(head.split()) <= KICKER_WORDS and len(rest.split()) > KICKER_WORDS:
            return rest.strip()
    if meta and meta != heading and heading.endswith(meta.split(" | ")[-1]) and len(meta.split()) > KICKER_WORDS:
        rest = meta.split(" | ")[-1]
        extra = heading[: -len(rest)].strip()
        if extra and len(extra.split()) <= KICKER_WORDS:
            return rest
    return heading


def strip_site_name(title: str, names: tuple[str | None, ...]) -> str:
    """ "Headline - Site" or "Headline | Site" -> "Headline", for the site's own names."""
    for name in filter(None, names):
        for sep in SEPARATORS:
            if title.lower().endswith((sep + name).lower()):
                return title[: -len(sep + name)].strip()
            if title.lower().startswith((name + sep).lower()):
                return title[len(name + sep):].strip()
    return title
