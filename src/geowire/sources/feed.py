"""RSS and Atom feeds (feedparser): each new item's page is fetched and becomes a document.

When the page cannot be had for good (robots.txt forbids it, an HTTP 4xx), the item's own content or summary
stands in; a link to a non-public address is refused and quarantined, never fetched nor replaced. A page that
fails for now (timeout, 5xx) is left for the next poll.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from geowire.ingest.archives import _entry_body, _entry_date
from geowire.ingest.sources import Item, Rejected, document_from_bytes
from geowire.model import Document
from geowire.net.http import Fetcher, FetchError
from geowire.registry import registry
from geowire.sources.base import Entry, Poll, SourceError, SourceState, read_location, refuse_entities
from geowire.sources.opml import feed_urls, looks_like_opml


def parse_feed(raw: bytes, origin: str) -> list:
    import feedparser

    refuse_entities(raw, origin)
    parsed = feedparser.parse(raw)
    if parsed.bozo and not parsed.entries:
        raise SourceError(f"{origin} is not a readable feed: {parsed.get('bozo_exception')}")
    if not parsed.entries and not parsed.get("feed"):
        raise SourceError(f"{origin} is not a feed")
    return list(parsed.entries)


class FeedSource:
    kind = "feed"

    def __init__(self, fetch_pages: bool = True):
        self.fetch_pages = fetch_pages

    def poll(self, location: str, fetcher: Fetcher, state: SourceState) -> Poll:
        raw, new_state = read_location(location, fetcher, state)
        if raw is None:
            return Poll(state=state, not_modified=True)
        if looks_like_opml(raw):
            return Poll(children=feed_urls(raw, location), state=new_state)
        entries = parse_feed(raw, location)
        return Poll(entries=self._entries(location, entries, fetcher), state=new_state)

    def _entries(self, location: str, entries: list, fetcher: Fetcher) -> Iterator[Entry]:
        for number, entry in enumerate(entries, start=1):
            link = (entry.get("link") or "").strip() or None
            key = (entry.get("id") or link or hashlib.sha256(_entry_body(entry).encode()).hexdigest()).strip()
            yield Entry(key, lambda entry=entry, link=link, number=number:
                        self._load(entry, link, f"{location}#{number}", fetcher))

    def _load(self, entry, link: str | None, origin: str, fetcher: Fetcher) -> Item | None:
        if link and self.fetch_pages:
            try:
                response = fetcher.get(link)
            except FetchError as exc:
                if exc.transient:
                    return None
                if str(exc).startswith("refused"):
                    return Rejected(link, f"fetch refused: {exc}")
                fallback = _from_entry(entry, origin)
                return fallback if fallback is not None else Rejected(link, f"fetch failed: {exc}")
            item = document_from_bytes(response.body, link, html=True, url=response.url)
            if isinstance(item, Document):
                item.published = item.published or _entry_date(entry)
                item.title = item.title or entry.get("title")
            return item
        return _from_entry(entry, origin) or Rejected(origin, "feed entry has no link, content or summary")


def _from_entry(entry, origin: str) -> Document | None:
    body = _entry_body(entry)
    if not body.strip():
        return None
    raw = body.encode("utf-8")
    sha = hashlib.sha256(raw).hexdigest()
    return Document(id=sha[:16], html=f"<html><body>{body}</body></html>", title=entry.get("title"),
                    url=entry.get("link"), published=_entry_date(entry), origin=origin, raw=raw, raw_sha256=sha)


@registry.factory("sources", "feed")
def make_feed_source(fetch_pages: bool = True) -> FeedSource:
    """An RSS or Atom feed (URL or file). With ``fetch_pages`` each new item's linked page is fetched and
    ingested; otherwise (or when the page is forbidden) the item's own content or summary is."""
    return FeedSource(fetch_pages)
