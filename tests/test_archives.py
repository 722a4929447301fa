"""Web archives and feeds: written here with warcio and by hand, read back as documents."""

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from geowire.ingest.sources import Rejected, read_paths
from geowire.model import Document

PAGE = b"<html><head><title>Aid convoy</title></head><body><p>An aid convoy reached Mopti on Sunday.</p></body></html>"


def _warc(path, pages):
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for url, status, ctype, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body),
                                                          http_headers=headers))


def test_warc_html_responses_become_documents(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    _warc(archive, [("https://news.example/aid", "200 OK", "text/html; charset=utf-8", PAGE),
                    ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG"),
                    ("https://news.example/gone", "404 Not Found", "text/html", b"<p>missing</p>"),
                    ("https://news.example/huge", "200 OK", "text/html", b"<p>" + b"x" * 3000 + b"</p>")])
    items = list(read_paths([tmp_path], max_bytes=2000))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == ["https://news.example/aid"]
    assert docs[0].html.startswith("<html>") and docs[0].origin.endswith("#1")
    [too_big] = [i for i in items if isinstance(i, Rejected)]
    assert "2,000-byte limit" in too_big.reason


def test_corrupt_warc_is_rejected_not_raised(tmp_path):
    (tmp_path / "bad.warc").write_bytes(b"this is not a web archive at all")
    [item] = list(read_paths([tmp_path]))
    assert isinstance(item, Rejected) and "web archive" in item.reason


def test_rss_entries_become_documents_with_dates(tmp_path):
    (tmp_path / "feed.rss").write_text("""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Talks resume</title><link>https://wire.example/1</link><guid>w1</guid>
<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators met in Doha on Monday.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example/2</link></item>
</channel></rss>""")
    items = list(read_paths([tmp_path]))
    doc, empty = items
    assert isinstance(doc, Document) and doc.title == "Talks resume" and doc.published == "2024-03-05"
    assert "Negotiators met in Doha" in doc.html and doc.url == "https://wire.example/1"
    assert isinstance(empty, Rejected) and "no content" in empty.reason
