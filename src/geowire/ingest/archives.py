"""Web archives (WARC) and news feeds (RSS/Atom) to documents.

A WARC file is streamed record by record (it may be far larger than one document may
be); each HTML response becomes a document with its target URL. A feed's entries become
documents from their content or summary, with title, link and date; linked pages are not
fetched (that is a network action the user asks for explicitly, e.g. POST /api/ingest).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom"}
RECORD_TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}


def read_warc(path: Path, max_bytes: int) -> Iterator:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from geowire.ingest.sources import Rejected, document_from_bytes

    number = valid = 0
    # warcio reads anything as an old-style ARC record: only the format the name promises counts
    expected_format = "arc" if path.name.lower().split(".gz")[0].endswith(".arc") else "warc"
    try:
        with open(path, "rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                valid += record.rec_type in RECORD_TYPES and record.format.startswith(expected_format)
                if record.rec_type != "response" or not _is_html(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                origin = f"{path}#{number}"
                raw = record.content_stream().read(max_bytes + 1)
                if len(raw) > max_bytes:
                    yield Rejected(origin, f"record is over the {max_bytes:,}-byte limit", raw[:1024])
                    continue
                yield document_from_bytes(raw, origin, html=True, url=url or None)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Rejected(str(path), f"unreadable web archive: {exc}")
        return
    if valid == 0:
        yield Rejected(str(path), "unreadable web archive: no WARC records found")


def _is_html(record) -> bool:
    status = record.http_headers.get_statuscode() if record.http_headers else None
    content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    return status == "200" and ("html" in content_type.lower() or not content_type)


def looks_like_feed(raw: bytes) -> bool:
    head = raw[:1024].lower()
    return b"<rss" in head or (b"<feed" in head and b"atom" in head) or b"<rdf:rdf" in head


def read_feed(raw: bytes, origin: str) -> Iterator:
    import feedparser

    from geowire.ingest.sources import Rejected
    from geowire.model import Document

    parsed = feedparser.parse(raw)
    if parsed.bozo and not parsed.entries:
        yield Rejected(origin, f"not a readable feed: {parsed.get('bozo_exception')}", raw)
        return
    for number, entry in enumerate(parsed.entries, start=1):
        body = _entry_body(entry)
        if not body.strip():
            yield Rejected(f"{origin}#{number}", "feed entry has no content or summary")
            continue
        key = (entry.get("id") or entry.get("link") or body).encode()
        raw_entry = body.encode("utf-8")
        yield Document(
            id=hashlib.sha256(key).hexdigest()[:16], html=f"<html><body>{body}</body></html>",
            title=entry.get("title"), url=entry.get("link"), published=_entry_date(entry),
            origin=f"{origin}#{number}", raw=raw_entry, raw_sha256=hashlib.sha256(raw_entry).hexdigest(),
        )


def _entry_body(entry) -> str:
    contents = entry.get("content") or []
    if contents:
        return max((c.get("value", "") for c in contents), key=len)
    return entry.get("summary", "") or ""


def _entry_date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
