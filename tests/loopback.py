"""A loopback HTTP server for tests of live sources, fetching and webhooks: no test touches the network.

Routes are plain functions ``route(handler) -> (status, headers, body)``, or generators of body chunks for
slow or endless responses; every request is counted and kept (path, method, headers, body).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Loopback:
    def __init__(self) -> None:
        self.routes: dict[str, Callable] = {}
        self.hits: Counter = Counter()
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - http.server's naming
                self._serve(b"")

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                self._serve(self.rfile.read(length))

            def _serve(self, body: bytes) -> None:
                path = self.path.split("?")[0]
                server.hits[path] += 1
                server.requests.append({"path": path, "method": self.command, "headers": dict(self.headers),
                                        "body": body})
                route = server.routes.get(path)
                if route is None:
                    self._send(404, {}, b"not here")
                    return
                try:
                    status, headers, payload = route(self)
                except (BrokenPipeError, ConnectionResetError):
                    return
                if callable(payload):         # a generator function of chunks: streamed, chunked
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    try:
                        for chunk in payload():
                            self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                            self.wfile.flush()
                        self.wfile.write(b"0\r\n\r\n")
                    except (BrokenPipeError, ConnectionResetError):
                        self.close_connection = True
                    return
                self._send(status, headers, payload)

            def _send(self, status: int, headers: dict, payload: bytes) -> None:
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def route(self, path: str, status: int = 200, body: bytes | str = b"", headers: dict | None = None,
              delay: float = 0.0) -> None:
        data = body.encode() if isinstance(body, str) else body

        def respond(_handler):
            if delay:
                time.sleep(delay)
            return status, dict(headers or {"Content-Type": "text/html; charset=utf-8"}), data

        self.routes[path] = respond

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = lambda _h: (status, {"Location": location}, b"")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><p>{body}</p></article></body></html>"


def rss(items: list[dict]) -> str:
    entries = "".join(
        f"<item><title>{i['title']}</title><link>{i['link']}</link><guid>{i.get('guid', i['link'])}</guid>"
        f"<pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate><description>{i.get('summary', '')}</description></item>"
        for i in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>'
            f"<link>http://wire.test/</link><description>test</description>{entries}</channel></rss>")
