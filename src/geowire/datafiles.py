"""Read the tab-separated data files the stages ship (lexicons, alias tables, word lists).

One reader for every stage, so that no stage borrows another's. A row may leave trailing
columns empty; a row with more columns than the file declares is an error, not something to
drop quietly (it is almost always a stray tab in a name).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
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
