"""OPML: a list of feeds (the outlines' xmlUrl), read from a file or a URL."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from geowire.net.http import Fetcher
from geowire.registry import registry
from geowire.sources.base import Poll, SourceError, SourceState, read_location, refuse_entities


def looks_like_opml(raw: bytes) -> bool:
    return b"<opml" in raw[:4096].lower()


def feed_urls(raw: bytes, origin: str = "OPML") -> list[str]:
    refuse_entities(raw, origin)
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise SourceError(f"{origin} is not readable OPML: {exc}") from None
    urls = [node.get("xmlUrl") or node.get("xmlurl") for node in root.iter("outline")]
    return list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))


class OpmlSource:
    kind = "opml"

    def poll(self, location: str, fetcher: Fetcher, state: SourceState) -> Poll:
        raw, new_state = read_location(location, fetcher, state)
        if raw is None:
            return Poll(state=state, not_modified=True)
        return Poll(children=feed_urls(raw, location), state=new_state)


@registry.factory("sources", "opml")
def make_opml_source() -> OpmlSource:
    """An OPML outline (file or URL): each outline's ``xmlUrl`` is watched as a feed."""
    return OpmlSource()
