"""Fetch a page by URL for ingestion, refusing addresses a stranger's link must not reach.

A URL from an untrusted list could point at this machine or the local network (SSRF), so
every address the host name resolves to must be public unless the caller allows private
ones (tests, or a deliberate local set-up). Redirects are followed by hand so each hop is
checked the same way.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlparse

import httpx

from geowire.ingest.sources import DEFAULT_MAX_BYTES, Item, Rejected, document_from_bytes

MAX_REDIRECTS = 5


class RefusedURL(ValueError):
    pass


def check_url(url: str, allow_private: bool = False) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise RefusedURL(f"only http(s) URLs with a host are fetched: {url!r}")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parsed.hostname, parsed.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise RefusedURL(f"cannot resolve {parsed.hostname!r}: {exc}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise RefusedURL(f"{parsed.hostname!r} resolves to a non-public address ({address})")


def fetch_document(url: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 20.0,
                   allow_private: bool = False) -> Item:
    try:
        raw, final_url = _download(url, max_bytes, timeout, allow_private)
    except (RefusedURL, httpx.HTTPError) as exc:
        return Rejected(url, f"fetch refused or failed: {exc}")
    return document_from_bytes(raw, url, html=True, url=final_url)


def _download(url: str, max_bytes: int, timeout: float, allow_private: bool) -> tuple[bytes, str]:
    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": "geowire"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private)
            with client.stream("GET", url) as response:
                if response.is_redirect:
                    url = urljoin(url, response.headers["location"])
                    continue
                response.raise_for_status()
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise httpx.HTTPError(f"response is over the {max_bytes:,}-byte limit")
                return bytes(body), url
    raise httpx.HTTPError(f"more than {MAX_REDIRECTS} redirects")
