"""Bytes to text: declared encodings first, then detection, never silent mojibake."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


class DecodeError(ValueError):
    pass


def looks_binary(raw: bytes, sample: int = 4096) -> bool:
    """A NUL byte or many control bytes in the head means this is not text."""
    head = raw[:sample]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return controls / len(head) > 0.05


def decode_bytes(raw: bytes) -> str:
    for encoding in _declared_encodings(raw):
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise DecodeError("cannot determine the text encoding")
    return str(best)


def _declared_encodings(raw: bytes) -> list[str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return ["utf-8-sig"]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ["utf-16"]
    match = _META_CHARSET.search(raw[:4096])
    return [match.group(1).decode("ascii", "ignore")] if match else []
