"""Turn paths and streams into :class:`~geowire.model.Document` items.

Everything that can go wrong with one input (unreadable, binary, empty, too big,
undecodable, a JSONL line that is not JSON) becomes a :class:`Rejected` item with a
reason, never an exception, so a run goes on and the store can quarantine it. A reader asked for
``requests`` hands a record's evaluation fields ("spans", "pairs") on beside its document
(:mod:`geowire.ingest.protocol`); otherwise they are checked and left out.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from geowire.ingest.archives import FEED_SUFFIXES, WARC_SUFFIXES, looks_like_feed, read_feed, read_warc
from geowire.ingest.decode import DecodeError, decode_bytes, looks_binary
from geowire.ingest.protocol import Requested, request_from_record
from geowire.model import Document

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES | {".xml"}
DEFAULT_MAX_BYTES = 5_000_000


@dataclass
class Rejected:
    """An input that could not become a document, with the reason why."""

    origin: str
    reason: str
    raw: bytes = b""
    stage: str = "ingest"
    record_id: str | None = None    # the record's own "id", when it has one that could be read

    @property
    def id(self) -> str:
        return "rejected-" + hashlib.sha256(self.origin.encode() + self.raw).hexdigest()[:16]


Item = Document | Rejected


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given paths (folders recursively, sorted for a stable order)."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _inner_suffix(child) in SUPPORTED_SUFFIXES:
                    yield child
        else:
            yield path


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES,
               requests: bool = False) -> Iterator[Item | Requested]:
    for path in iter_paths(paths):
        yield from read_file(path, max_bytes, requests)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, requests: bool = False) -> Iterator[Item | Requested]:
    origin = str(path)
    suffix = _inner_suffix(path)
    if suffix in WARC_SUFFIXES:
        yield from read_warc(path, max_bytes)     # streamed: an archive may hold thousands of pages
        return
    if suffix in {".jsonl", ".ndjson"} or (suffix == ".json" and _starts_as_json_lines(path)):
        yield from _read_jsonl_file(path, max_bytes, requests)   # streamed: the size limit is per record, not per file
        return
    try:
        raw = _read_limited(path, max_bytes)
    except _TooBig as exc:
        yield Rejected(origin, str(exc))
        return
    except OSError as exc:
        yield Rejected(origin, f"cannot read file: {exc.strerror or exc}")
        return
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = _gunzip_limited(raw, max_bytes)
        except _TooBig as exc:
            yield Rejected(origin, str(exc))
            return
        except (OSError, EOFError, zlib.error) as exc:
            yield Rejected(origin, f"corrupt gzip data: {exc}", raw)
            return
    if suffix in {".jsonl", ".ndjson"} or (suffix == ".json" and _is_json_lines(raw)):
        yield from read_jsonl_bytes(raw, origin, max_bytes, requests)
    elif suffix == ".json":
        yield from _read_json_document(raw, origin, max_bytes, requests)
    elif suffix in FEED_SUFFIXES or (suffix == ".xml" and looks_like_feed(raw)):
        yield from read_feed(raw, origin)
    else:
        yield document_from_bytes(raw, origin, html=suffix in HTML_SUFFIXES or _sniff_html(raw))


def read_jsonl_stream(stream: IO[bytes], origin: str = "stdin", max_bytes: int = DEFAULT_MAX_BYTES,
                      requests: bool = False) -> Iterator[Item | Requested]:
    for number, line, too_long in _limited_lines(stream, max_bytes):
        if too_long:
            yield _too_long(f"{origin}:{number}", line, max_bytes)
        elif line.strip():
            yield from _record_from_line(line, f"{origin}:{number}", max_bytes, requests)


def _read_jsonl_file(path: Path, max_bytes: int, requests: bool = False) -> Iterator[Item | Requested]:
    origin = str(path)
    try:
        with open(path, "rb") as raw_handle:
            gzipped = raw_handle.read(2) == b"\x1f\x8b"
        opener = gzip.open if gzipped else open
        with opener(path, "rb") as handle:
            for number, line, too_long in _limited_lines(handle, max_bytes):
                if too_long:
                    yield _too_long(f"{origin}:{number}", line, max_bytes)
                elif line.strip():
                    yield from _record_from_line(line, f"{origin}:{number}", max_bytes, requests)
    except OSError as exc:
        yield Rejected(origin, f"cannot read file: {exc.strerror or exc}")
    except (EOFError, zlib.error) as exc:
        yield Rejected(origin, f"corrupt gzip data: {exc}")


def _limited_lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes, bool]]:
    """(number, line, too long) for each line, never holding more than ``max_bytes`` of one line: the rest of
    an over-long line is skipped in pieces, and only its first kilobyte is kept for quarantine."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) <= max_bytes or line.endswith(b"\n") and len(line.rstrip(b"\r\n")) <= max_bytes:
            yield number, line, False
            continue
        head = line[:1024]
        while line and not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
        yield number, head, True


def _starts_as_json_lines(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    if head[:2] == b"\x1f\x8b":
        return False
    lines = head.splitlines()[:-1] if len(head) == 65536 else head.splitlines()
    return _is_json_lines(b"\n".join(lines))


def read_jsonl_bytes(raw: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES,
                     requests: bool = False) -> Iterator[Item | Requested]:
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip():
            yield from _record_from_line(line, f"{origin}:{number}", max_bytes, requests)


def document_from_record(record: dict, origin: str) -> Document:
    """Build a document from a contract input record (see docs/output.md). Its evaluation fields are checked
    (``ValueError`` when malformed) and left out: :func:`~geowire.ingest.protocol.request_from_record` reads them."""
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise ValueError('record needs a "text" or "html" string')
    for key in ("text", "html", "title", "url"):
        if isinstance(record.get(key), str) and not _encodable(record[key]):
            raise ValueError(f'"{key}" holds a lone surrogate escape: not valid Unicode')
    raw = (html if isinstance(html, str) else text).encode("utf-8")
    doc_id = record_id(record) or _content_id(raw)
    request_from_record(record)
    return Document(
        id=doc_id,
        text=text if isinstance(text, str) else "",
        html=html if isinstance(html, str) else None,
        title=_optional_str(record.get("title")),
        published=_published(record.get("published")),
        url=_optional_str(record.get("url")),
        origin=origin,
        raw=raw,
        raw_sha256=hashlib.sha256(raw).hexdigest(),
    )


def record_id(record: dict) -> str | None:
    """A record's own id: a non-empty string or an integer; anything else is no id."""
    value = record.get("id")
    if isinstance(value, bool):
        raise ValueError(f'"id" must be a string or an integer, got {value!r}')
    if isinstance(value, int):
        return str(value)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f'"id" must be a string or an integer, got {type(value).__name__}')
    if not _encodable(value):
        raise ValueError('"id" holds a lone surrogate escape: not valid Unicode')
    return value


# `"id": "…"` or `"id": 12` in a line that is not (or not all) valid JSON, so its failure can still name it
_ID_IN_LINE = re.compile(rb'"id"\s*:\s*("(?:[^"\\\r\n]|\\.){1,512}"|-?\d{1,30}(?![\d.eE]))')


def _id_in_line(line: bytes) -> str | None:
    match = _ID_IN_LINE.search(line[:65536])
    if match is None:
        return None
    try:
        value = json.loads(match.group(1))
    except (ValueError, UnicodeDecodeError):
        return None
    value = str(value)
    return value if value and _encodable(value) else None


def _too_long(origin: str, head: bytes, max_bytes: int) -> Rejected:
    return Rejected(origin, f"record is over the {max_bytes:,}-byte limit", head, record_id=_id_in_line(head))


def _record_from_line(line: bytes, origin: str, max_bytes: int, requests: bool = False) -> Iterator[Item | Requested]:
    if len(line) > max_bytes:
        yield Rejected(origin, f"record is {len(line):,} bytes, over the {max_bytes:,}-byte limit", line[:max_bytes],
                       record_id=_id_in_line(line))
        return
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield Rejected(origin, f"line is not valid JSON: {exc}", line, record_id=_id_in_line(line))
        return
    except RecursionError:
        yield Rejected(origin, "line is not valid JSON: nested too deeply", line, record_id=_id_in_line(line))
        return
    if not isinstance(record, dict):
        yield Rejected(origin, f"JSON line is not an object but {_json_type(record)}", line)
        return
    try:
        own_id = record_id(record)
    except ValueError as exc:
        yield Rejected(origin, str(exc), line)
        return
    try:
        doc = document_from_record(record, origin)
    except ValueError as exc:
        yield Rejected(origin, str(exc), line, record_id=own_id)
        return
    if not (doc.text or doc.html or "").strip():
        yield Rejected(origin, "empty document", line, record_id=own_id)
        return
    request = request_from_record(record) if requests else None
    yield doc if request is None else Requested(doc, request)


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_type(value) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")


def _read_json_document(raw: bytes, origin: str, max_bytes: int, requests: bool = False) -> Iterator[Item | Requested]:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield Rejected(origin, f"file is not valid JSON: {exc}", raw)
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        line = json.dumps(record).encode()
        yield from _record_from_line(line, f"{origin}:{number}" if isinstance(data, list) else origin, max_bytes,
                                     requests)


def document_from_bytes(raw: bytes, origin: str, html: bool, url: str | None = None) -> Item:
    """One text or HTML document from raw bytes, or the reason it cannot be one."""
    if not raw.strip():
        return Rejected(origin, "empty document", raw)
    if looks_binary(raw):
        return Rejected(origin, "binary content, not text or HTML", raw)
    try:
        text = decode_bytes(raw)
    except DecodeError as exc:
        return Rejected(origin, str(exc), raw)
    sha = hashlib.sha256(raw).hexdigest()
    return Document(id=sha[:16], text="" if html else text, html=text if html else None, url=url, origin=origin,
                    raw=raw, raw_sha256=sha)


class _TooBig(Exception):
    pass


def _read_limited(path: Path, max_bytes: int) -> bytes:
    with open(path, "rb") as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise _TooBig(f"file is over the {max_bytes:,}-byte limit")
    return raw


def _gunzip_limited(raw: bytes, max_bytes: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _TooBig(f"decompressed content is over the {max_bytes:,}-byte limit")
    return data


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _sniff_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def _is_json_lines(raw: bytes) -> bool:
    lines = [line for line in raw.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:5])


def _content_id(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def _optional_str(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _published(value) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    candidate = value[:10]
    try:
        from datetime import date

        date.fromisoformat(candidate)
    except ValueError:
        raise ValueError(f'"published" must be YYYY-MM-DD, got {value!r}') from None
    return candidate
