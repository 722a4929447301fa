"""An event whose sentence names no place falls back to the article's focus, marked as such."""

import pytest

from geowire.model import Document
from geowire.pipeline import Pipeline

pytestmark = pytest.mark.model


def test_unplaced_event_takes_the_document_focus_marked_as_such():
    text = ("Protesters filled the streets of Dhaka on Tuesday. Garment workers in Dhaka demanded higher wages. "
            "Police later arrested twelve organisers, officials said.")
    pipeline = Pipeline.from_config()
    doc = pipeline.process_one(Document(id="f1", text=text, published="2019-11-12"), raw=True).document
    arrests = [e for e in doc.events if e.evidence.start >= text.index("Police")]
    assert arrests, [(e.type, text[e.evidence.start:e.evidence.end]) for e in doc.events]
    location = arrests[0].location
    assert location.basis == "document_focus" and location.start is None and "Dhaka" in location.name
    placed = [e for e in doc.events if text[e.evidence.start:e.evidence.end].startswith("Garment")]
    assert placed and placed[0].location.basis == "sentence" and placed[0].location.start is not None
