"""A person's dated history of posts: the titles articles give them, merged with the
posts the knowledge base records.

Articles give a title on a day ("Premier Wen Jiabao", in an article of 28 October
2009); the knowledge base gives posts with years ("Premier of China, 2003-2012").
``history`` merges the two into one list, oldest first: a title the text gives that
names a post the knowledge base has for the same country joins that post (its years,
plus the articles that bear it out); other titles stand alone, dated by the first and
last article that gives them. Knowledge-base posts are taken only for the actor's own
country, so a name shared with someone else's leader ("Sung Kim", "Kim Il Sung")
brings nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .kb import KB, Leader


@dataclass
class Post:
    """One post or title: from the knowledge base (``start``/``end`` years), from
    articles (``first``/``last`` days and the article ids), or both."""

    title: str
    organization: str | None = None
    start: int | None = None
    end: int | None = None
    first: str | None = None
    last: str | None = None
    articles: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def sort_key(self) -> tuple:
        year = self.start if self.start is not None else int((self.first or "9999")[:4])
        return year, self.first or "", self.title.lower()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def history(posts: list[dict[str, Any]], kb: KB, *, name: str, country: str | None) -> list[Post]:
    """The merged history of one actor: ``posts`` as the store gives them
    ({published, article_id, title, organization, source}), the KB's posts for
    ``name`` in ``country``."""
    merged = kb_history(kb_posts(kb, name, country), kb)
    for row in posts:
        if row.get("source") == "kb":
            continue  # a title the pipeline copied from the knowledge base: not the text's
        target = matching(merged, row["title"], row.get("organization"))
        if target is None:
            target = Post(row["title"], row.get("organization"))
            merged.append(target)
        seen(target, row)
    return sorted(merged, key=Post.sort_key)


def kb_posts(kb: KB, name: str, country: str | None) -> list[Leader]:
    """The KB's posts for a full name, in the actor's country; none for a bare surname
    or an actor of unknown country."""
    if country is None or len(name.split()) < 2:
        return []
    return [leader for leader in kb.leaders(name) if leader.iso3 == country]


def kb_history(leaders: list[Leader], kb: KB) -> list[Post]:
    """One post per title; the sources' terms for it joined (earliest start, latest end)."""
    posts: dict[str, Post] = {}
    for leader in leaders:
        post = posts.get(leader.title.lower())
        if post is None:
            posts[leader.title.lower()] = Post(leader.title, kb.country_name(leader.iso3),
                                               start=leader.start, end=leader.end, sources=["kb"])
        else:
            post.start, post.end = min(post.start, leader.start), max(post.end, leader.end)
    return list(posts.values())


def matching(merged: list[Post], title: str, organization: str | None) -> Post | None:
    """The post a title joins: the same title (case aside), a KB post whose title
    it starts ('Premier' and 'Premier, State Council'), or the same title and organisation."""
    key = title.lower().strip()
    for post in merged:
        own = post.title.lower()
        if "kb" in post.sources and (own == key or own.startswith(key + ",")):
            return post
        if own == key and (post.organization or "").lower() == (organization or "").lower():
            return post
    return None


def seen(post: Post, row: dict[str, Any]) -> None:
    """Add one article's evidence to ``post``."""
    day = row.get("published")
    if day:
        post.first = min(post.first or day, day)
        post.last = max(post.last or day, day)
    if row.get("article_id") and row["article_id"] not in post.articles:
        post.articles.append(row["article_id"])
    if "text" not in post.sources:
        post.sources.append("text")


def describe(post: Post) -> str:
    """One line: when, the title and organisation, where it comes from."""
    if post.start is not None:
        when = f"{post.start}" if post.start == post.end else f"{post.start}-{post.end}"
    else:
        when = post.first or "?"
        if post.last and post.last != post.first:
            when += f" to {post.last}"
    where = f", {post.organization}" if post.organization else ""
    evidence = []
    if "kb" in post.sources:
        evidence.append("knowledge base")
    if post.articles:
        evidence.append(f"{len(post.articles)} article{'s' if len(post.articles) > 1 else ''}")
    return f"{when:<10}  {post.title}{where}  ({'; '.join(evidence)})"
