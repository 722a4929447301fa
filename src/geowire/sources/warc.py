"""Web archives (WARC, WARC.gz) from a file or a URL, streamed record by record with warcio: an archive is
never read whole into memory, only one record at a time (each up to the size limit)."""

from __future__ import annotations

import io
from collections.abc import Iterator

from geowire.ingest.archives import RECORD_TYPES, _is_html
from geowire.ingest.sources import Rejected, document_from_bytes
from geowire.net.http import Fetcher, FetchError
from geowire.registry import registry
from geowire.sources.base import Entry, Poll, SourceError, SourceState


class _ChunkReader(io.RawIOBase):
    """A file-like view of an iterator of byte chunks, for warcio."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer:
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self._buffer))
        target[:size], self._buffer = self._buffer[:size], self._buffer[size:]
        return size


class WarcSource:
    kind = "warc"

    def poll(self, location: str, fetcher: Fetcher, state: SourceState) -> Poll:
        return Poll(entries=self._entries(location, fetcher), state=state)

    def _entries(self, location: str, fetcher: Fetcher) -> Iterator[Entry]:
        if location.lower().startswith(("http://", "https://")):
            try:
                with fetcher.stream(location) as chunks:
                    yield from self._records(io.BufferedReader(_ChunkReader(chunks)), location, fetcher)
            except FetchError as exc:
                raise SourceError(str(exc), exc.transient) from None
        else:
            try:
                with open(location, "rb") as handle:
                    yield from self._records(handle, location, fetcher)
            except OSError as exc:
                raise SourceError(f"cannot read {location}: {exc.strerror or exc}") from None

    @staticmethod
    def _records(stream, location: str, fetcher: Fetcher) -> Iterator[Entry]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        max_bytes = fetcher.policy.max_bytes
        valid = 0
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                valid += record.rec_type in RECORD_TYPES and record.format.startswith("warc")
                if record.rec_type != "response" or not _is_html(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                digest = record.rec_headers.get_header("WARC-Payload-Digest")
                # the same page captured the same way is the same item, even in a rewritten archive
                key = (f"{url} {digest}" if url and digest else
                       record.rec_headers.get_header("WARC-Record-ID") or f"{location}#{number}")
                origin = f"{location}#{number}"
                raw = record.content_stream().read(max_bytes + 1)
                if len(raw) > max_bytes:
                    item = Rejected(origin, f"record is over the {max_bytes:,}-byte limit", raw[:1024])
                else:
                    item = document_from_bytes(raw, origin, html=True, url=url)
                yield Entry(key, lambda item=item: item)
        except (ArchiveLoadFailed, EOFError, ValueError) as exc:
            raise SourceError(f"unreadable web archive {location}: {exc}") from None
        if valid == 0:
            raise SourceError(f"unreadable web archive {location}: no WARC records found")


@registry.factory("sources", "warc")
def make_warc_source() -> WarcSource:
    """A WARC or WARC.gz archive (file or URL), streamed: each HTML response record is one document."""
    return WarcSource()
