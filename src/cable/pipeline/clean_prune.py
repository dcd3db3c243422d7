"""trafilatura's chrome-finding XPaths, read in Python.

trafilatura 2.3.1 finds comments, share bars, navigation, hidden blocks and
bylines with XPaths whose regular-expression tests (``re:test``) call back
into Python once per element, with the attribute wrapped in lxml objects; on
a news page they are most of the extraction's time. Each selector here picks
the same elements, in document order, with one walk over the tree and the
same regular expressions, tests and tag sets as the XPath it stands for
(named in its docstring). XPath's rules are kept: a missing attribute reads
as "", and ``@id|@class`` means whichever of the two comes first in the tag.
Where trafilatura prunes with several of them in a row, ``one_walk`` picks
what they pick in a single walk; each expression's answer for an attribute
value is remembered, as pages repeat their ids and classes.

``extract_content``, ``compare_extraction`` and ``extract_author`` are trafilatura's own functions run
with these selectors in place of its XPaths (the functions are rebuilt over a
copy of their module's names; trafilatura itself is left as it is).
``extract_main`` is ``extract_content`` without its up-front copy of the tree.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from functools import lru_cache, partial

from lxml import etree
from trafilatura import external, main_extractor, metadata
from trafilatura.utils import SPACING_PROTECTED, text_chars_test
from trafilatura.xml import delete_element

Selector = Callable[[etree._Element], list]
Test = Callable[[etree._Element], bool]
BLOCKS = ("div", "item", "list", "p", "section", "span")


class Remembered:
    """A regular expression over attribute values whose ``search`` says only whether it matches,
    remembered for the last few thousand values: a page repeats its ids and classes many times."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.search: Callable[[str], bool] = lru_cache(maxsize=4096)(partial(_found, re.compile(pattern)))


def _found(rx: re.Pattern[str], text: str) -> bool:
    return rx.search(text) is not None


_COMMENT_ID = "[Cc]omment(?!ary)|comol"
_COMMENT_CLASS = Remembered("^[Cc]omment(?!ary)|(?:article|post)-comments")
_COMMENT_BOX_ID = Remembered(f"^(?:{_COMMENT_ID}|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID = Remembered(f"^(?:{_COMMENT_ID})")
_SCROLL = Remembered("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED = Remembered("mvp-post-add-(?:box|wrap)")
_CHROME_BOTH = ("^shar", "social", "viral", "newsletter", "syndication", "tags", "sidebar", "banner", "bread-?crumb",
                "button", "author")
_CHROME_ID = Remembered("|".join(_CHROME_BOTH + (
    "^(?:jp-|dpsp-content)", "bmdh", "footer", "Footer", "share", "Share", "nav", "Nav", "menu", "related",
    "message-container", "premium", "^ad-")))
_CHROME_CLASS = Remembered("|".join(_CHROME_BOTH + (
    "^(?:nav|post-nav|ZendeskForm)", "subnav", "avigation", "navbar", "navbox", "menu", "bar",
    " ad ", "-ad-", "(?:^| )ad-", "dfp[Aa]d", "outbrain", "taboola", "criteo", "paid-?content", "widget",
    "footer", "Footer", "byline", "Byline", "share-", "sociable", "embedded", "embed", "tag-list",
    "consent", "modal-content", "permission", "elated", "next-", "-stories", "most-popular", "more-on",
    "meta", "rating", "attachment", "timestamp", "user-info", "user-profile", "-icon", "article-infos",
    "message-container", "slide", "viewport", "overlay", "options", "expand", "obfuscated", "blurred",
    "mol-factbox", "yin", "zlylin", "nfoline")))
_HIDDEN_ID = Remembered("reader-comments|akismet")
_HIDDEN_CLASS = Remembered("^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print"
                           "| hidden| hide|noprint|notloaded")
_BOTTOM = Remembered(r"(^|\s)bottom|bottom(\s|$)")
_LINK = Remembered(r"(^|\s)link(\s|$)")
_ARTICLE_ID = Remembered("(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text")
_ARTICLE_CLASS = Remembered(
    "post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|article-?text|articleText"
    "|(?:entry|page|text|article|art)-content|article__content|article(?:-|__)?body|articleBody|ArticleContent"
    "|body-text|article__container")
_AUTHOR_CLASS = Remembered("author-?name|AuthorName|authorName")
_WRITER_ID = Remembered("author|zuozhe|bianji|xiaobian")
_WRITER_CLASS = Remembered("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_ANY_AUTHOR_ID = Remembered("[Aa]uthor")
_ANY_AUTHOR_CLASS = Remembered("[Aa]uthor|screenname|writer|[Bb]yline")
_NOT_AUTHOR_ID = Remembered("^comments|comment-?list|ProductReviews")
_NOT_AUTHOR_CLASS = Remembered("^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
                               "|article-(?:share|support)|print|category|meta-date|meta-reviewer")


def first_attr(element, names: tuple[str, ...]) -> str:
    """``@a|@b`` read as a string: the value of whichever comes first in the tag, else ""."""
    return next((value for key, value in element.items() if key in names), "")


def selector(tags: tuple, test: Test, *, with_root: bool = False) -> Selector:
    """Elements below the root (and the root too, with ``with_root``) with one of ``tags`` that pass ``test``."""
    def select(tree) -> list:
        found = [e for e in tree.iterdescendants(*tags) if test(e)]
        root = with_root and (tree.tag in tags or etree.Element in tags) and test(tree)
        return [tree, *found] if root else found
    return select


def one_walk(*parts: tuple[tuple, Test]) -> Selector:
    """The elements that any of several selectors ((tags, test) pairs) picks, in document order, in one walk.

    Pruning them at once leaves the tree that pruning with each selector in
    turn leaves when only the first test looks beyond an element's own
    attributes: every test then reads what it would have read, an element
    inside one already cut goes with it either way, and tails moved up in
    either order join in the same order.
    """
    every = tuple(test for tags, test in parts if etree.Element in tags)
    by_tag = {tag: any_of(*(test for tags, test in parts if tag in tags), *every)
              for tags, _ in parts for tag in tags if tag is not etree.Element}
    walk, other = ((etree.Element,), any_of(*every)) if every else (tuple(by_tag), None)

    def select(tree) -> list:
        return [e for e in tree.iterdescendants(*walk) if by_tag.get(e.tag, other)(e)]
    return select


def any_of(first: Test, *rest: Test) -> Test:
    """A test that passes when one of the tests passes (tried in order)."""
    if not rest:
        return first
    others = any_of(*rest)
    return lambda e: first(e) or others(e)


def is_comment_box(e) -> bool:
    """REMOVE_COMMENTS_XPATH: a comment section or the Disqus thread."""
    ident, cls = e.get("id"), e.get("class")
    return bool((ident and _COMMENT_BOX_ID.search(ident)) or (cls and _COMMENT_CLASS.search(cls)))


def is_comment_box_or_list(e) -> bool:
    """REMOVE_COMMENTS_AND_LISTS_XPATH: the same, and ol/ul comment lists."""
    if not is_comment_box(e):
        return False
    return e.tag not in ("ol", "ul") or bool(_COMMENT_LIST_ID.search(e.get("id") or "")
                                             or _COMMENT_CLASS.search(e.get("class") or ""))


def is_appended_article(e) -> bool:
    """RAW_TREE_PRUNE_XPATH[0]: an infinite-scroll box of follow-up articles."""
    ident, cls = e.get("id") or "", e.get("class") or ""
    if not (_SCROLL.search(ident) or _SCROLL.search(cls)):
        return False
    return next(e.iterdescendants("h1"), None) is None or bool(_APPENDED.search(ident) or _APPENDED.search(cls))


def is_share_bar(e) -> bool:
    """RAW_TREE_PRUNE_XPATH[1]."""
    return "elementor-share-buttons" in (e.get("class") or "")


def is_chrome(e) -> bool:
    """OVERALL_DISCARD_XPATH[0]: navigation, sharing, ads, footers, bylines and the like."""
    ident, cls = e.get("id") or "", e.get("class") or ""
    if (ident and _CHROME_ID.search(ident)) or (cls and _CHROME_CLASS.search(cls)):
        return True
    if e.get("data-lp-replacement-content") is not None or "nav" in (e.get("role") or "").replace("N", "n"):
        return True
    if "MostPopularStories" in (e.get("data-component") or ""):
        return True
    return ("cookie" in ident or "cookie" in cls) and "cookie" in first_attr(e, ("id", "class"))


def is_hidden(e) -> bool:
    """OVERALL_DISCARD_XPATH[1]: hidden blocks, reply boxes and comment titles."""
    if e.get("aria-hidden") == "true":
        return True
    ident, cls, style = e.get("id"), e.get("class"), e.get("style")
    if ident is None and cls is None and style is None:
        return False
    ident, cls, style = ident or "", cls or "", style or ""
    if cls == "comments-title" or "display:none" in style or "display: none" in style:
        return True
    if (ident and _HIDDEN_ID.search(ident)) or (cls and _HIDDEN_CLASS.search(cls)):
        return True
    if (ident.startswith("reply-") or cls.startswith("reply-")) and first_attr(e, ("id", "class")).startswith("reply-"):
        return True
    return ("hidden" in ident or "hidden" in style) and "hidden" in first_attr(e, ("id", "style"))


def is_page_bottom(e) -> bool:
    """PRECISION_DISCARD_XPATH[1]: "bottom" and "link" blocks, bordered boxes."""
    if "border" in (e.get("style") or ""):
        return True
    ident, cls = e.get("id") or "", e.get("class") or ""
    if not ("bottom" in ident or "bottom" in cls or "link" in ident or "link" in cls):
        return False
    first = first_attr(e, ("id", "class"))
    return bool(_BOTTOM.search(first) or _LINK.search(first))


def is_article_body(e) -> bool:
    """BODY_XPATH[0]'s test: the element that holds the article's text."""
    ident, cls = e.get("id") or "", e.get("class") or ""
    if cls in ("post", "entry") or ident == "articleContent" or e.get("itemprop") == "articleBody":
        return True
    return bool(_ARTICLE_ID.search(ident) or _ARTICLE_CLASS.search(cls))


def first_article_body(tree) -> list:
    """BODY_XPATH[0]: the first element that passes ``is_article_body`` (as a list)."""
    tags = ("article", "div", "main", "section")
    return next(([e] for e in tree.iterdescendants(*tags) if is_article_body(e)), [])


def is_named_author(e) -> bool:
    """AUTHOR_XPATHS[0]'s test on a, address, div, link, p, span and strong."""
    cls = e.get("class") or ""
    if e.get("rel") == "author" or e.get("id") == "author" or cls == "author" or e.get("itemprop") == "author name":
        return True
    if (e.get("data-testid") or "") in ("AuthorCard", "AuthorURL") or _AUTHOR_CLASS.search(cls):
        return True
    return any(child.xpath("string()") == "me" for child in e.iterchildren("rel"))


def is_author_element(e) -> bool:
    """AUTHOR_XPATHS[0]'s test with its ``|//author``."""
    return e.tag == "author" or is_named_author(e)


def is_byline(e) -> bool:
    """AUTHOR_XPATHS[1]'s test on a, div, h3, h4, p and span."""
    cls = e.get("class") or ""
    if cls in ("byline", "username", "byl", "BBL") or "author" in (e.get("itemprop") or ""):
        return True
    return bool(_WRITER_ID.search(e.get("id") or "") or _WRITER_CLASS.search(cls))


def is_any_author(e) -> bool:
    """AUTHOR_XPATHS[2]'s test on any element."""
    if "Byline" in (e.get("data-component") or "") or "author" in (e.get("itemprop") or ""):
        return True
    return bool(_ANY_AUTHOR_ID.search(e.get("id") or "") or _ANY_AUTHOR_CLASS.search(e.get("class") or ""))


def is_not_author(e) -> bool:
    """AUTHOR_DISCARD_XPATHS[0]: comments, sidebars, quotes, dates and the like."""
    ident, cls = e.get("id") or "", e.get("class") or ""
    if ident == "comments" or cls in ("comments", "title", "date") or "Figure" in (e.get("data-component") or ""):
        return True
    return bool(_NOT_AUTHOR_ID.search(ident) or _NOT_AUTHOR_CLASS.search(cls))


# (tags, test) of each XPath in trafilatura's lists: one selector each, or one walk for a whole list
RAW_TREE_PRUNE_PARTS = ((("div", "section", "aside"), is_appended_article), (("div", "section", "aside"), is_share_bar))
COMMENTS_AND_LISTS_PARTS = ((("div", "list", "section", "details", "ol", "ul"), is_comment_box_or_list),)
OVERALL_DISCARD_PARTS = ((BLOCKS, is_chrome), ((etree.Element,), is_hidden))
RAW_TREE_PRUNE = [selector(*part) for part in RAW_TREE_PRUNE_PARTS]
COMMENTS_AND_LISTS = [selector(*part) for part in COMMENTS_AND_LISTS_PARTS]
COMMENTS = [selector(("div", "list", "section", "details"), is_comment_box)]
OVERALL_DISCARD = [selector(*part) for part in OVERALL_DISCARD_PARTS]
RAW_TREE_PRUNE_AND_COMMENTS = [one_walk(*RAW_TREE_PRUNE_PARTS, *COMMENTS_AND_LISTS_PARTS)]
OVERALL_DISCARD_ONE_WALK = [one_walk(*OVERALL_DISCARD_PARTS)]
AUTHOR = [selector(("a", "address", "div", "link", "p", "span", "strong", "author"), is_author_element, with_root=True),
          selector(("a", "div", "h3", "h4", "p", "span"), is_byline, with_root=True),
          selector((etree.Element,), is_any_author, with_root=True)]


def with_names(function, module, **names):
    """``function`` run over its module's names, with ``names`` in place of some."""
    scope = {**vars(module), **names}
    rebuilt = types.FunctionType(function.__code__, scope, function.__name__, function.__defaults__,
                                 function.__closure__)
    rebuilt.__kwdefaults__ = function.__kwdefaults__
    return rebuilt


def _precision_discard() -> list:
    return [main_extractor.PRECISION_DISCARD_XPATH[0], selector(BLOCKS, is_page_bottom)]


def _body_xpaths() -> list:
    return [first_article_body, *main_extractor.BODY_XPATH[1:]]


_prune_sections = with_names(main_extractor.prune_unwanted_sections, main_extractor,
                              OVERALL_DISCARD_XPATH=OVERALL_DISCARD_ONE_WALK,
                              PRECISION_DISCARD_XPATH=_precision_discard())
_extract = with_names(main_extractor._extract, main_extractor,  # noqa: SLF001 - pinned trafilatura 2.3.1
                       prune_unwanted_sections=_prune_sections, BODY_XPATH=_body_xpaths())
extract_content = with_names(main_extractor.extract_content, main_extractor, _extract=_extract)
compare_extraction = with_names(external.compare_extraction, external, OVERALL_DISCARD_XPATH=OVERALL_DISCARD_ONE_WALK)
extract_author = with_names(metadata.extract_author, metadata, AUTHOR_XPATHS=AUTHOR,
                             AUTHOR_DISCARD_XPATHS=[selector(("a", "div", "section", "span"), is_not_author),
                                                    metadata.AUTHOR_DISCARD_XPATHS[1]])


def extract_main(cleaned, options, fresh: Callable[[], etree._Element]) -> tuple[etree._Element, str]:
    """trafilatura's ``extract_content`` on ``cleaned``, without its copy of the whole tree.

    trafilatura copies the tree first for a recovery pass that runs only when
    the main pass finds too little (one page in twenty). Here the main pass
    runs on ``cleaned`` itself; where it finds too little, ``extract_content``
    runs again on ``fresh()``, the same cleaned tree built anew, and its answer
    is the one it would have given.
    """
    body, text, _ = _extract(cleaned, options)
    if len(body) == 0 or len(text) < options.min_extracted_size:
        return extract_content(fresh(), options)
    return finish_body(body), text


def finish_body(body):
    """``extract_content``'s last steps: a long block repeating the one before it goes, then
    the "done" marks and divs, and <lb> tails that are only whitespace (outside code)."""
    previous = None
    for element in list(body):
        current = main_extractor._elem_text(element)  # noqa: SLF001 - pinned trafilatura 2.3.1
        if current and current == previous and len(current) > main_extractor.MIN_DUPLICATE_LENGTH:
            delete_element(element, keep_tail=False)
        else:
            previous = current
    etree.strip_elements(body, "done")
    etree.strip_tags(body, "div")
    for linebreak in body.iter("lb"):
        if linebreak.tail and not text_chars_test(linebreak.tail) and not any(
            a.tag in SPACING_PROTECTED for a in linebreak.iterancestors()
        ):
            linebreak.tail = None
    return body
