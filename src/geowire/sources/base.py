"""The interface every source kind offers, and the choice of kind for a location."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from geowire.ingest.sources import Item
from geowire.net.http import Fetcher

XML_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


class SourceError(Exception):
    """The source as a whole could not be read this time (the watcher records it and tries again later)."""

    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.transient = transient


@dataclass
class SourceState:
    """What the store remembers of a source between polls: validators for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Entry:
    """One thing a source offers (a feed item, an archive record). ``load`` fetches it only when it is new,
    returning an item, or None when it could not be fetched this time but may be later."""

    key: str
    load: Callable[[], Item | None]


@dataclass
class Poll:
    entries: Iterator[Entry] = field(default_factory=lambda: iter(()))
    children: list[str] = field(default_factory=list)     # further sources named by this one (OPML outlines)
    state: SourceState = field(default_factory=SourceState)  # validators to keep once every entry is handled
    not_modified: bool = False


class Source(Protocol):
    kind: str

    def poll(self, location: str, fetcher: Fetcher, state: SourceState) -> Poll: ...


def kind_for(location: str) -> str:
    """``page:URL`` is one page; ``.opml`` an outline; ``.warc``/``.warc.gz`` an archive; anything else a feed
    (a feed URL that answers with OPML is read as an outline too)."""
    lowered = location.lower().split("?")[0]
    if lowered.startswith("page:"):
        return "page"
    if lowered.endswith((".opml", ".opml.xml")):
        return "opml"
    if lowered.endswith((".warc", ".warc.gz")):
        return "warc"
    return "feed"


def make_source(kind: str, settings: dict | None = None) -> Source:
    from geowire.registry import registry

    return registry.create("sources", kind, settings)


CDATA = re.compile(rb"<!\[CDATA\[.*?\]\]>", re.DOTALL)
WIDE_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xfe\xff", "utf-16-be"),
             (b"\xff\xfe", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"))


def refuse_entities(raw: bytes, what: str) -> None:
    """XML with entity declarations is refused before parsing: no feed needs them, and they are how an
    XML bomb (a billion laughs) or an external entity reaches the parser. The whole document is searched
    (outside CDATA sections, which may quote XML), in its own encoding when that is UTF-16 or UTF-32."""
    text = raw
    for bom, encoding in WIDE_BOMS:
        if raw.startswith(bom):
            text = raw.decode(encoding, "replace").encode("utf-8")
            break
    if XML_ENTITY.search(CDATA.sub(b"", text)):
        raise SourceError(f"{what} declares XML entities (refused: possible XML bomb or external entity)")


def read_location(location: str, fetcher: Fetcher, state: SourceState) -> tuple[bytes | None, SourceState]:
    """The bytes at a URL (conditional GET; None when not modified) or in a local file, with new validators."""
    from geowire.net.http import FetchError

    if not location.lower().startswith(("http://", "https://")):
        if "://" in location:
            raise SourceError(f"only http(s) URLs and local files are sources: {location!r}")
        try:
            with open(location, "rb") as handle:
                raw = handle.read(fetcher.policy.max_bytes + 1)
        except OSError as exc:
            raise SourceError(f"cannot read {location}: {exc.strerror or exc}") from None
        if len(raw) > fetcher.policy.max_bytes:
            raise SourceError(f"{location} is over the {fetcher.policy.max_bytes:,}-byte limit")
        return raw, state
    try:
        response = fetcher.get(location, etag=state.etag, last_modified=state.last_modified)
    except FetchError as exc:
        raise SourceError(str(exc), exc.transient) from None
    if response.not_modified:
        return None, state
    return response.body, SourceState(response.headers.get("etag"), response.headers.get("last-modified"))
