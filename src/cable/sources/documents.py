"""Documents from every kind of input: one page, or the many a JSONL dump, a
feed or a web archive holds.

``iter_documents(name)`` yields a ``Document`` per article and a ``Rejection``
per one that cannot be read, so a batch goes on past a bad line or record:

- a text or HTML file, standard input (``-``), or a URL (a feed URL gives its items);
- JSONL (``.jsonl``, ``.ndjson``): ``{"url", "html" | "text", "date", "id"}`` per line;
- an RSS or Atom feed (``.rss``, ``.atom``, or any file or URL that is one): each item's
  full content when the feed carries it, else the page its link points to;
- a WARC or ARC archive (``.warc``, ``.arc``): each HTML response record.

Any of these may be gzip-compressed (``.gz``); the limit on size applies to the
uncompressed bytes, so a small bomb is refused like a large file.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadDate, InputError, InputTooLarge
from ..records import Rejection
from .fetch import fetch
from .read import URL_RE, check_path, decode

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
ARCHIVE_SUFFIXES = frozenset({".warc", ".arc"})
FEED_MARKS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(slots=True)
class Document:
    """One article's raw page (HTML or text) with what its container says of it."""

    input: str  # a name a user can find it by: path, path:line, URL
    text: str
    url: str | None = None
    date: str | None = None  # publication date (ISO) the container gives, if any


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 20_000_000
    timeout: float = 20.0
    allow_private: bool = False


def iter_documents(name: str, limits: Limits = Limits()) -> Iterator[Document | Rejection]:
    """The documents in one input (see the module docstring)."""
    kind = "page" if name == "-" or URL_RE.match(name) else kind_of(name)
    try:
        if kind == "jsonl":
            with _open_stream(name) as stream:
                yield from jsonl_documents(name, stream, limits)
            return
        if kind == "archive":
            with _open_stream(name, text=False) as stream:
                yield from archive_documents(name, stream, limits)
            return
        raw, url = _read_whole(name, limits)
    except InputError as e:
        yield Rejection(name, "read", e.code, str(e))
        return
    if url and kind_of(urlpath(url)) == "jsonl":
        yield from jsonl_documents(name, io.StringIO(raw.decode("utf-8", "replace")), limits)
    elif kind == "feed" or _is_feed(raw):
        yield from feed_documents(name, raw, limits)
    else:
        try:
            yield Document(name, decode(raw, name, limits.max_bytes), url=url)
        except InputError as e:
            yield Rejection(name, "read", e.code, str(e))


def kind_of(name: str) -> str:
    """``jsonl``, ``feed``, ``archive`` or ``page``, from the name's suffixes (``.gz`` aside)."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    last = suffixes[-1] if suffixes else ""
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if last in FEED_SUFFIXES:
        return "feed"
    if last in ARCHIVE_SUFFIXES:
        return "archive"
    return "page"


def _read_whole(name: str, limits: Limits) -> tuple[bytes, str | None]:
    """A page's or feed's (uncompressed) bytes, and its final URL if it was fetched."""
    if name == "-":
        return _inflate(sys.stdin.buffer.read(limits.max_bytes + 1), name, limits.max_bytes), None
    if URL_RE.match(name):
        got = fetch(name, max_bytes=limits.max_bytes, timeout=limits.timeout, allow_private=limits.allow_private)
        return _inflate(got.content, name, limits.max_bytes), got.url
    check_path(name)
    try:
        with open(name, "rb") as f:
            raw = f.read(limits.max_bytes + 1)
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror}); check its permissions") from None
    return _inflate(raw, name, limits.max_bytes), None


def _open_stream(name: str, *, text: bool = True):
    """A local file opened for streaming, uncompressed on the fly when it is gzip."""
    check_path(name)
    try:
        with open(name, "rb") as f:
            gz = f.read(2) == b"\x1f\x8b"
        if not text:
            return open(name, "rb")  # the archive reader inflates gzip records itself
        if gz:
            return gzip.open(name, "rt", encoding="utf-8", errors="replace", newline="")
        return open(name, encoding="utf-8", errors="replace", newline="")
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror}); check its permissions") from None


def urlpath(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path or "/"


def _inflate(raw: bytes, name: str, max_bytes: int) -> bytes:
    """Gzip-compressed bytes uncompressed (at most ``max_bytes``); other bytes as they are."""
    if len(raw) > max_bytes:
        raise InputTooLarge(f"{name}: more than the {max_bytes:,}-byte limit for one input; "
                            "split it, or raise CABLE_MAX_BYTES")
    if not raw.startswith(b"\x1f\x8b"):
        return raw
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
            out = f.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(f"{name}: is not a valid gzip file ({e}); give the file as it was downloaded",
                         code="bad_gzip") from None
    if len(out) > max_bytes:
        raise InputTooLarge(f"{name}: uncompresses to more than the {max_bytes:,}-byte limit; "
                            "split it, or raise CABLE_MAX_BYTES")
    return out


def jsonl_documents(name: str, stream, limits: Limits) -> Iterator[Document | Rejection]:
    """One document per line ``{"url", "html" | "text", "date", "id"}``; a bad line is rejected.
    The file is read a line at a time, so a dump of any length streams."""
    number = 0
    try:
        while line := stream.readline(limits.max_bytes + 1):
            number += 1
            where = f"{name}:{number}"
            if len(line) > limits.max_bytes:
                yield Rejection(where, "read", "too_large", f"{where}: the line is longer than the "
                                f"{limits.max_bytes:,}-byte limit; split it, or raise CABLE_MAX_BYTES")
                stream.readline()  # the rest of the line
                continue
            if not line.strip():
                continue
            try:
                yield jsonl_document(where, line)
            except InputError as e:
                yield Rejection(where, "read", e.code, str(e))
    except (OSError, EOFError, zlib.error) as e:
        yield Rejection(f"{name}:{number + 1}", "read", "bad_gzip", f"{name}: cannot be read past line "
                        f"{number} ({e}); check that the file is complete")


def jsonl_document(where: str, line: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"{where}: is not JSON ({e.msg} at column {e.colno}); "
                         "write one object per line") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: is not a JSON object; write one {{\"url\", \"html\" or \"text\", "
                         "\"date\"}} object per line")
    body = record.get("html") or record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{where}: has no \"html\" or \"text\"; give the page or its text", code="empty")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    label = str(record.get("id") or url or where)
    return Document(label, body, url=url, date=iso_day(record.get("date"), where))


def iso_day(value, where: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date or date-time string; None for none."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise BadDate(f"{where}: date {value!r} is not a date; use YYYY-MM-DD") from None


def _is_feed(raw: bytes) -> bool:
    head = raw[:2000].lower().lstrip()
    return head.startswith(FEED_MARKS) or (head.startswith(b"<?xml") and any(m in head for m in FEED_MARKS))


def feed_documents(name: str, raw: bytes, limits: Limits) -> Iterator[Document | Rejection]:
    """Each item of an RSS or Atom feed: its full content, or the page its link names."""
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None)
        why = f" ({problem})" if parsed.get("bozo") and problem else ""
        yield Rejection(name, "read", "bad_feed", f"{name}: is not an RSS or Atom feed with items{why}; "
                        "check the address or the file")
        return
    for number, entry in enumerate(parsed.entries, 1):
        yield feed_item(name, number, entry, limits)


def feed_item(name: str, number: int, entry, limits: Limits) -> Document | Rejection:
    link = entry.get("link")
    label = link or f"{name}#{number}"
    date = _entry_date(entry)
    content = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if content:
        return Document(label, "\n".join(content), url=link, date=date)
    if not link or not URL_RE.match(link):
        return Rejection(label, "read", "no_article", f"{label}: the feed item has no content and no link "
                         "to its page; use a feed that carries full text or links")
    try:
        got = fetch(link, max_bytes=limits.max_bytes, timeout=limits.timeout, allow_private=limits.allow_private)
        return Document(label, decode(got.content, link, limits.max_bytes), url=got.url, date=date)
    except InputError as e:
        return Rejection(label, "read", e.code, str(e))


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]).isoformat() if parsed else None


def archive_documents(name: str, stream, limits: Limits) -> Iterator[Document | Rejection]:
    """Each HTML response record of a WARC or ARC archive (other records are not articles)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            found = archive_record(name, record, limits)
            if found is not None:
                yield found
    except (ArchiveLoadFailed, ValueError, OSError, zlib.error) as e:
        yield Rejection(name, "read", "bad_archive", f"{name}: the archive cannot be read past this point "
                        f"({e}); check that the file is complete")


def archive_record(name: str, record, limits: Limits) -> Document | Rejection | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200" or "html" not in content_type:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    label = url or f"{name}#{record.rec_headers.get_header('WARC-Record-ID')}"
    body = record.content_stream().read(limits.max_bytes + 1)
    if len(body) > limits.max_bytes:
        return Rejection(label, "read", "too_large", f"{label}: the record is larger than the "
                         f"{limits.max_bytes:,}-byte limit for one page; raise CABLE_MAX_BYTES to take it")
    if getattr(record.raw_stream, "limit", 0) > 0:  # the record ends before its stated length
        return Rejection(label, "read", "bad_archive", f"{label}: the archive record is cut short; "
                         "check that the file is complete")
    try:
        return Document(label, decode(body, label, limits.max_bytes), url=url)
    except InputError as e:
        return Rejection(label, "read", e.code, str(e))
