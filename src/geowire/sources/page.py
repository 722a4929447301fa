"""One web page, watched as a source of a single document."""

from __future__ import annotations

from collections.abc import Iterator

from geowire.ingest.sources import Item, Rejected, document_from_bytes
from geowire.net.http import Fetcher, FetchError
from geowire.registry import registry
from geowire.sources.base import Entry, Poll, SourceState


class PageSource:
    kind = "page"

    def poll(self, location: str, fetcher: Fetcher, state: SourceState) -> Poll:
        return Poll(entries=self._entries(location.removeprefix("page:"), fetcher), state=state)

    def _entries(self, location: str, fetcher: Fetcher) -> Iterator[Entry]:
        yield Entry(location, lambda: self._load(location, fetcher))

    @staticmethod
    def _load(location: str, fetcher: Fetcher) -> Item | None:
        try:
            response = fetcher.get(location)
        except FetchError as exc:
            return None if exc.transient else Rejected(location, f"fetch refused or failed: {exc}")
        return document_from_bytes(response.body, location, html=True, url=response.url)


@registry.factory("sources", "page")
def make_page_source() -> PageSource:
    """A single web page (``page:URL``), fetched once and ingested as one document."""
    return PageSource()
