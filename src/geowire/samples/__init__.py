"""The sample corpus: short news articles written for geowire's tests and demos.

Every article here is original writing, fictional but modelled on real-world
reporting; see README.md for the list and what each file exercises.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

ARTICLE_SUFFIXES = (".html", ".txt", ".jsonl")


def sample_dir() -> Path:
    return Path(str(resources.files(__name__)))


def sample_files() -> list[Path]:
    """The article files (HTML pages, text dumps, JSON-lines feeds), sorted by name."""
    return sorted(p for p in sample_dir().iterdir() if p.is_file() and p.name.endswith(ARTICLE_SUFFIXES))
