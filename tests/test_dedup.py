from pathlib import Path

import pytest

from geowire.clean.dedup import make_deduplicator, signature_from_bytes, text_sha256
from geowire.clean.html import make_html_cleaner
from geowire.clean.junk import make_junk_filter
from geowire.model import Document
from geowire.samples import sample_dir

STORY = (
    "The border crossing between Al Qaim and Abu Kamal reopened on Monday after being closed for years, "
    "Iraqi and Syrian officials said. Trucks carrying fruit and construction materials lined up on both "
    "sides of the frontier early in the morning, and officials from both governments cut a ribbon at the "
    "gate. The reopening follows months of negotiations between Baghdad and Damascus over customs and "
    "security arrangements along the desert frontier, where militias still patrol the roads at night."
)
OTHER_STORY = (
    "Police fired tear gas on Monday to disperse thousands of garment workers who blocked a highway near "
    "Dhaka, demanding unpaid wages. At least twenty workers were injured and traffic was halted for hours, "
    "while union leaders accused the authorities of siding with factory owners in a long wage dispute."
)
LIGHT_EDIT = STORY.replace("early in the morning", "at dawn")


@pytest.fixture
def dedup():
    return make_deduplicator()


def test_exact_duplicate_ignores_case_spacing_and_punctuation(dedup):
    first = dedup(Document(id="a", text=STORY))
    copy = dedup(Document(id="b", text="  " + STORY.upper().replace(", ", " ; ") + "\n\n"))
    assert first.duplicate_of is None
    assert (copy.duplicate_of, copy.duplicate_kind) == ("a", "exact")
    assert first.text_sha256 == copy.text_sha256 == text_sha256(STORY)
    assert first.analysable and not copy.analysable


def test_near_duplicate(dedup):
    dedup(Document(id="a", text=STORY))
    edited = dedup(Document(id="b", text=LIGHT_EDIT))
    assert (edited.duplicate_of, edited.duplicate_kind) == ("a", "near")


def test_different_story_is_not_a_duplicate(dedup):
    dedup(Document(id="a", text=STORY))
    other = dedup(Document(id="b", text=OTHER_STORY))
    assert other.duplicate_of is None and other.duplicate_kind is None


def test_strict_threshold_separates_light_edits():
    strict = make_deduplicator(threshold=1.0)
    strict(Document(id="a", text=STORY))
    assert strict(Document(id="b", text=LIGHT_EDIT)).duplicate_of is None


def test_duplicates_point_at_the_first_copy(dedup):
    dedup(Document(id="a", text=STORY))
    dedup(Document(id="b", text=LIGHT_EDIT))
    third = dedup(Document(id="c", text=LIGHT_EDIT))
    assert third.duplicate_of == "a"


def test_seeing_the_same_document_again_is_not_a_duplicate(dedup):
    dedup(Document(id="a", text=STORY))
    again = dedup(Document(id="a", text=STORY))
    assert again.duplicate_of is None


def test_signature_round_trip(dedup):
    doc = dedup(Document(id="a", text=STORY))
    data = dedup.signature(doc)
    assert isinstance(data, bytes)
    restored = signature_from_bytes(data)
    assert restored.jaccard(signature_from_bytes(dedup.signature(Document(id="z", text=STORY)))) == 1.0


def test_seed_carries_the_index_across_instances(dedup):
    first = dedup(Document(id="a", text=STORY))
    stored = [(first.id, first.text_sha256, dedup.signature(first))]

    later = make_deduplicator()
    assert later.seed(stored) == 1
    near = later(Document(id="b", text=LIGHT_EDIT))
    exact = later(Document(id="c", text=STORY.lower()))
    fresh = later(Document(id="d", text=OTHER_STORY))
    assert (near.duplicate_of, near.duplicate_kind) == ("a", "near")
    assert (exact.duplicate_of, exact.duplicate_kind) == ("a", "exact")
    assert fresh.duplicate_of is None


def test_seed_with_only_a_hash_finds_exact_copies():
    later = make_deduplicator()
    later.seed([("a", text_sha256(STORY), None)])
    assert later(Document(id="b", text=STORY)).duplicate_kind == "exact"
    assert later(Document(id="c", text=LIGHT_EDIT)).duplicate_of is None


def test_seed_skips_signatures_made_with_other_settings(dedup):
    doc = dedup(Document(id="a", text=STORY))
    other = make_deduplicator(num_perm=64)
    assert other.seed([("a", None, dedup.signature(doc)), ("b", None, b"not a signature")]) == 0
    assert other(Document(id="c", text=LIGHT_EDIT)).duplicate_of is None


def _clean_sample(name: str) -> Document:
    path = sample_dir() / name
    doc = Document(id=Path(name).stem)
    if path.suffix == ".html":
        doc.html = path.read_text("utf-8")
    else:
        doc.text = path.read_text("utf-8")
    return make_junk_filter()(make_html_cleaner()(doc))


def test_sample_corpus_duplicates(dedup):
    names = [
        "2019-09-30-levant-monitor-qaim-crossing.html",
        "2019-09-30-qaim-crossing-desert-wire.txt",
        "2021-03-14-sahel-aid-convoy-mopti.txt",
        "2021-03-15-repost-sahel-aid-convoy-mopti.txt",
        "2022-10-10-kyiv-missile-strikes.txt",
    ]
    docs = [dedup(_clean_sample(name)) for name in names]
    kinds = [(d.duplicate_of, d.duplicate_kind) for d in docs]
    assert kinds == [
        (None, None),
        ("2019-09-30-levant-monitor-qaim-crossing", "near"),
        (None, None),
        ("2021-03-14-sahel-aid-convoy-mopti", "exact"),
        (None, None),
    ]
