"""Read the tab-separated data files the stages ship (lexicons, alias tables, word lists).

One reader for every stage, so that no stage borrows another's. A row may leave trailing
columns empty; a row with more columns than the file declares is an error, not something to
drop quietly (it is almost always a stray tab in a name).

Also the cache directory for files built once from shipped data and kept between processes.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path


def read_rows(path: Path, width: int) -> Iterator[list[str]]:
    """Rows padded to ``width`` fields, skipping blank lines and ``#`` comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            fields = [f.strip() for f in row]
            while len(fields) > width and not fields[-1]:
                fields.pop()
            if len(fields) > width:
                raise ValueError(f"{path.name}:{number}: {len(fields)} columns, the file has {width}: {row!r}")
            yield fields + [""] * (width - len(fields))


def cache_dir() -> Path:
    """Where built files live (the gazetteer index, the language identifier's unpacked model):
    ``$GEOWIRE_HOME``, by default ``~/.cache/geowire``."""
    return Path(os.environ.get("GEOWIRE_HOME") or Path.home() / ".cache" / "geowire")


def file_digest(*paths: Path, extra: str = "") -> str:
    """A short key for files' contents (and ``extra``, e.g. a package version): a built file named with it is
    rebuilt whenever what it was built from changes."""
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cached_file(name: str, build: Callable[[Path], None]) -> Path:
    """The path of ``name`` in the cache directory, built first by ``build(partial_path)`` when missing.

    ``build`` writes a partial file of this process's own, which then replaces the final name at once, so
    processes starting together (Dask workers) never read a half-written file; the last to finish wins with the
    same content. Put a :func:`file_digest` in ``name`` so that a changed source gives a new file.
    """
    path = cache_dir() / name
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.partial.{os.getpid()}")
    try:
        build(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
