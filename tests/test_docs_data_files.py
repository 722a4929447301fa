"""Every word list and model file a stage reads is documented: a data file no docs page names is a rule
no reader of the docs can see."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = sorted(p for p in (ROOT / "src" / "geowire").glob("*/data/*") if p.is_file())
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))


def test_there_are_data_files_to_check():
    assert len(DATA_FILES) >= 10


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_data_file_is_named_in_the_docs(path):
    assert path.name in DOCS, f"{path.relative_to(ROOT)} is not described in docs/"


def test_every_trigger_requirement_is_named_in_the_docs():
    from geowire.events.lexicon import REQUIREMENT_KINDS

    row = next(line for line in DOCS.splitlines() if line.startswith("| `geowire/events/data/triggers.tsv`"))
    assert all(kind in row for kind in REQUIREMENT_KINDS), row


def test_a_misspelt_trigger_requirement_is_refused():
    from geowire.events.lexicon import _parse_requires

    assert [r.kind for r in _parse_requires("prep:with;partner")] == ["prep", "partner"]
    with pytest.raises(ValueError, match="partnr"):
        _parse_requires("partnr")
