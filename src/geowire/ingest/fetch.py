"""Fetch a page by URL for ingestion (``POST /api/ingest``), refusing addresses a stranger's link must not reach.

The work is done by :mod:`geowire.net`: the SSRF guard checks every address the host resolves to (and every
redirect), the connection goes to the address that was checked, and the polite client applies robots.txt, time
limits, retries and the size limit. Here a failure becomes a :class:`Rejected` item with the reason.
"""

from __future__ import annotations

from geowire.ingest.sources import DEFAULT_MAX_BYTES, Item, Rejected, document_from_bytes
from geowire.net.guard import RefusedURL, resolve_public
from geowire.net.http import Fetcher, FetchError, FetchPolicy

MAX_REDIRECTS = 5

__all__ = ["RefusedURL", "check_url", "fetch_document"]


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise :class:`RefusedURL` unless the URL is http(s) and (unless allowed) every address it resolves to is
    public."""
    resolve_public(url, allow_private)


def fetch_document(url: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 20.0,
                   allow_private: bool = False, fetcher: Fetcher | None = None) -> Item:
    own = fetcher is None
    fetcher = fetcher or Fetcher(FetchPolicy(timeout=timeout, deadline=max(timeout * 3, 30.0), retries=1,
                                             backoff=0.5, max_redirects=MAX_REDIRECTS, max_bytes=max_bytes,
                                             per_host_interval=0.0, allow_private=allow_private))
    try:
        response = fetcher.get(url, max_bytes=max_bytes)
    except FetchError as exc:
        return Rejected(url, f"fetch refused or failed: {exc}")
    finally:
        if own:
            fetcher.close()
    return document_from_bytes(response.body, url, html=True, url=response.url)
