"""Read the tab-separated data files shipped with the actors and events stages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def read_rows(path: Path, width: int) -> Iterator[list[str]]:
    """Yield rows padded to ``width`` fields, skipping blank lines and ``#`` comments."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            yield (fields + [""] * width)[:width]
