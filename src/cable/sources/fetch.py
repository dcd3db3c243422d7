"""Fetch a URL the careful way: only http(s), never a private address, a size cap.

Every hop of a redirect chain is checked like the first: its scheme, and every
address its host resolves to (loopback, private, link-local, multicast and
reserved addresses are refused unless ``allow_private`` is set, e.g. with
``CABLE_ALLOW_PRIVATE_URLS=1`` for a feed on one's own network). The body is
read in pieces and the fetch stops past ``max_bytes``. Conditional requests
(``etag``, ``last_modified``) let a feed poller skip unchanged feeds.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..errors import InputError, InputTooLarge

USER_AGENT = "cable/0.1 (foreign-affairs news reader; +https://pypi.org/project/cable/)"
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(InputError):
    code = "fetch_failed"


class RefusedURL(InputError):
    code = "refused_url"


@dataclass(slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    status: int  # 200, or 304 when a conditional request found nothing new
    content: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def fetch(url: str, *, max_bytes: int = 20_000_000, timeout: float = 20.0, allow_private: bool = False,
          etag: str | None = None, last_modified: str | None = None, transport=None) -> Fetched:
    """GET ``url``, following up to five redirects, each checked; raise an ``InputError`` on failure."""
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    with httpx.Client(timeout=timeout, follow_redirects=False, transport=transport) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private=allow_private)
            try:
                with client.stream("GET", url, headers=headers) as response:
                    if response.status_code in REDIRECTS and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    return _read_response(url, response, max_bytes)
            except httpx.TimeoutException:
                raise FetchError(f"{url}: no answer within {timeout:g} s; try again later") from None
            except httpx.HTTPError as e:
                raise FetchError(f"{url}: could not be fetched ({e}); check the address and your connection") from None
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects; give the final address")


def _read_response(url: str, response, max_bytes: int) -> Fetched:
    status = response.status_code
    if status == 304:
        return Fetched(url, 304, b"")
    if status >= 400:
        raise FetchError(f"{url}: the server answered {status} {response.reason_phrase}; check the address")
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"{url}: {int(declared):,} bytes is more than the {max_bytes:,}-byte limit; "
                            "raise CABLE_MAX_BYTES to take it")
    body = bytearray()
    for piece in response.iter_bytes():
        body += piece
        if len(body) > max_bytes:
            raise InputTooLarge(f"{url}: more than the {max_bytes:,}-byte limit; raise CABLE_MAX_BYTES to take it")
    return Fetched(url, status, bytes(body), response.headers.get("content-type"),
                   response.headers.get("etag"), response.headers.get("last-modified"))


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise ``RefusedURL`` for a URL Cable must not fetch (see the module docstring)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise RefusedURL(f"{url}: only http and https addresses can be fetched")
    host = parts.hostname
    if not host:
        raise RefusedURL(f"{url}: has no host name")
    if allow_private:
        return
    for address in resolve(host, parts.port or (443 if parts.scheme == "https" else 80)):
        if not public(address):
            raise RefusedURL(f"{url}: {host} is a private, loopback or link-local address ({address}); "
                             "set CABLE_ALLOW_PRIVATE_URLS=1 to fetch from your own network")


def resolve(host: str, port: int) -> list[str]:
    """The addresses a host name stands for (an IP literal stands for itself)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as e:
        raise FetchError(f"{host}: the name does not resolve ({e}); check the address") from None
    return sorted({info[4][0] for info in infos})


def public(address: str) -> bool:
    """Whether an address is on the public internet."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified)
