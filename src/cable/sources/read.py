"""Read one input (file, URL or standard input) into checked, decoded text.

Every failure raises an ``InputError`` whose message names the problem and
what to do about it; nothing here prints or exits.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import BinaryInput, EmptyInput, InputError, InputNotFound, InputTooLarge, NotUTF8

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml"}
CONTAINER_SUFFIXES = {".jsonl", ".ndjson", ".rss", ".atom", ".warc", ".arc"}
INPUT_SUFFIXES = ARTICLE_SUFFIXES | CONTAINER_SUFFIXES
URL_RE = re.compile(r"^https?://", re.I)
CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


@dataclass(slots=True)
class Input:
    name: str  # the path, URL or "-" as the user gave it
    text: str
    url: str | None = None


def read_input(name: str, *, max_bytes: int = 20_000_000, timeout: float = 20.0,
               allow_private: bool = False) -> Input:
    """Read and decode one page named on the command line (a URL is fetched with
    ``fetch``'s checks)."""
    if name == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
        return Input(name, decode(raw, name, max_bytes))
    if URL_RE.match(name):
        from .fetch import fetch

        got = fetch(name, max_bytes=max_bytes, timeout=timeout, allow_private=allow_private)
        return Input(name, decode(got.content, name, max_bytes), url=got.url)
    path = check_path(name)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLarge(
            f"{name}: {size:,} bytes is more than the {max_bytes:,}-byte limit for one article; "
            "split it, or raise CABLE_MAX_BYTES"
        )
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror}); check its permissions") from None
    return Input(name, decode(raw, name, max_bytes))


def check_path(name: str) -> Path:
    """The path of an input file; InputError when it is missing or a directory."""
    path = Path(name)
    if not path.exists():
        raise InputNotFound(f"{name}: no such file or directory; check the path")
    if path.is_dir():
        raise InputError(f"{name}: is a directory; name the files in it, or use `cable ingest` which walks directories")
    return path


def decode(raw: bytes, name: str, max_bytes: int = 20_000_000) -> str:
    """Check raw bytes and decode them: UTF-8, or the charset an HTML page declares."""
    if len(raw) > max_bytes:
        raise InputTooLarge(
            f"{name}: more than the {max_bytes:,}-byte limit for one article; split it, or raise CABLE_MAX_BYTES"
        )
    if not raw.strip():
        raise EmptyInput(f"{name}: is empty; give a page that contains an article")
    if _looks_binary(raw):
        raise BinaryInput(f"{name}: looks like binary data, not text or HTML; give a saved web page or a text file")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        declared = _declared_charset(raw)
        if declared:
            try:
                return raw.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
        raise NotUTF8(
            f"{name}: is not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`"
        ) from None


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.05


def _declared_charset(raw: bytes) -> str | None:
    match = CHARSET_RE.search(raw[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def expand_inputs(names: list[str]) -> list[str]:
    """Expand directories into the article files inside them (sorted): pages, JSONL
    dumps, feeds and archives, gzip-compressed or not; keep everything else as given."""
    out: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and not URL_RE.match(name) and path.is_dir():
            out.extend(
                str(p) for p in sorted(path.rglob("*"))
                if p.is_file() and _input_suffix(p) in INPUT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            out.append(name)
    return out


def _input_suffix(path: Path) -> str:
    """The suffix that says what a file holds, past a final ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""
