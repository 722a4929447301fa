import gzip
import io
import json

from geowire.ingest.protocol import Request, Requested
from geowire.ingest.sources import Rejected, iter_paths, read_jsonl_stream, read_paths
from geowire.model import Document


def _items(tmp_path, **files):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    return list(read_paths([tmp_path], max_bytes=1000))


def test_text_and_html_files_become_documents(tmp_path):
    items = _items(tmp_path, **{"a.txt": b"Troops moved north.", "b.html": b"<html><body><p>Hi</p></body></html>"})
    assert [type(i) for i in items] == [Document, Document]
    text_doc, html_doc = items
    assert text_doc.text == "Troops moved north." and text_doc.html is None
    assert html_doc.html.startswith("<html") and html_doc.text == ""
    assert text_doc.raw == b"Troops moved north." and len(text_doc.raw_sha256) == 64


def test_gzip_is_read_through(tmp_path):
    items = _items(tmp_path, **{"a.txt.gz": gzip.compress(b"Talks resumed in Doha.")})
    assert items[0].text == "Talks resumed in Doha."


def test_bad_inputs_are_rejected_with_reasons(tmp_path):
    items = _items(tmp_path, **{
        "empty.txt": b"   \n",
        "binary.txt": bytes(range(256)) * 3,
        "big.txt": b"x" * 1001,
        "broken.txt.gz": b"\x1f\x8b\x08\x00garbage",
    })
    reasons = {i.origin.rsplit("/", 1)[1]: i.reason for i in items}
    assert all(isinstance(i, Rejected) for i in items)
    assert reasons["empty.txt"] == "empty document"
    assert "binary" in reasons["binary.txt"]
    assert "1,000-byte limit" in reasons["big.txt"]
    assert "gzip" in reasons["broken.txt.gz"]


def test_latin1_page_is_decoded_not_garbled(tmp_path):
    items = _items(tmp_path, **{"a.txt": "Protesters gathered in Medellín and São Paulo.".encode("latin-1")})
    assert "Medellín" in items[0].text


def test_declared_charset_wins(tmp_path):
    page = '<html><head><meta charset="windows-1256"></head><body>بغداد</body></html>'.encode("windows-1256")
    items = _items(tmp_path, **{"a.html": page})
    assert "بغداد" in items[0].html


def test_jsonl_records_and_a_bad_line(tmp_path):
    lines = [json.dumps({"id": "r1", "text": "A", "published": "2024-05-01", "spans": [{"start": 0, "end": 1}]}),
             "{not json", json.dumps({"id": "r3", "html": "<p>B</p>"}), json.dumps({"id": "r4"}),
             json.dumps({"id": "r5", "text": "C", "published": "May 1"})]
    items = list(read_jsonl_stream(io.BytesIO("\n".join(lines).encode())))
    # the evaluation fields are checked, and handed on only to a reader asked for requests (the extract command)
    assert isinstance(items[0], Document) and items[0].published == "2024-05-01"
    asked = list(read_jsonl_stream(io.BytesIO("\n".join(lines).encode()), requests=True))
    assert isinstance(asked[0], Requested) and asked[0].request == Request(spans=[(0, 1)])
    assert asked[0].document.published == "2024-05-01" and asked[1:] == items[1:]
    assert isinstance(items[1], Rejected) and "not valid JSON" in items[1].reason and items[1].origin == "stdin:2"
    assert isinstance(items[2], Document) and items[2].html == "<p>B</p>"
    assert isinstance(items[3], Rejected) and "text" in items[3].reason
    assert isinstance(items[4], Rejected) and "YYYY-MM-DD" in items[4].reason


def test_folders_are_walked_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.htm").write_text("<p>a</p>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert [p.name for p in iter_paths([tmp_path])] == ["a.htm", "z.txt"]
