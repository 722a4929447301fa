"""URL fetching against a local HTTP server (no network): limits, redirects and the private-address guard."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from geowire.ingest.fetch import RefusedURL, check_url, fetch_document
from geowire.ingest.sources import Rejected
from geowire.model import Document

PAGE = b"<html><head><title>Port reopens</title></head><body><p>The port reopened on Monday.</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/page":
            self._send(200, PAGE)
        elif self.path == "/big":
            self._send(200, b"x" * 5000)
        elif self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        else:
            self._send(404, b"missing")

    def _send(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_loopback_is_refused_by_default(server):
    item = fetch_document(f"{server}/page")
    assert isinstance(item, Rejected) and "non-public address" in item.reason


def test_fetch_when_private_addresses_are_allowed(server):
    item = fetch_document(f"{server}/hop", allow_private=True)
    assert isinstance(item, Document) and item.html.startswith(b"<html".decode()) and item.url.endswith("/page")


def test_size_limit_and_http_errors(server):
    big = fetch_document(f"{server}/big", max_bytes=1000, allow_private=True)
    assert isinstance(big, Rejected) and "1,000-byte limit" in big.reason
    missing = fetch_document(f"{server}/nope", allow_private=True)
    assert isinstance(missing, Rejected) and "404" in missing.reason


@pytest.mark.parametrize("url", ["ftp://example.org/x", "http:///nohost", "http://10.0.0.8/", "http://[::1]/",
                                 "http://169.254.169.254/latest/meta-data"])
def test_check_url_refuses(url):
    with pytest.raises(RefusedURL):
        check_url(url)
