"""Live sources for `geowire watch`: one module per kind behind one small interface (base.py).

feed (RSS/Atom, each item's page fetched), opml (a list of feeds), page (one URL), warc (a web archive, streamed).
Every fetch goes through :mod:`geowire.net` (SSRF guard and politeness). Sources turn the network into items
(documents or rejections); they know nothing of the store: the watcher (``geowire/watcher.py``) keeps their state.
"""

from geowire.sources.base import Entry, Poll, Source, SourceError, SourceState, kind_for, make_source

__all__ = ["Entry", "Poll", "Source", "SourceError", "SourceState", "kind_for", "make_source"]
