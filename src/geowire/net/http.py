"""A polite, guarded HTTP client: the one way sources, URL ingest and webhooks reach the network.

Every hop of every request is checked by the SSRF guard and sent to the address that was checked (the host name
travels in the Host header and TLS SNI, so certificates are still verified against it). Around that:

* robots.txt is read once per host (cached for ``robots_ttl`` seconds) and honoured, with its Crawl-delay;
  a robots.txt that answers 4xx allows everything, one that cannot be read (5xx, timeout) allows nothing;
* one request per host per ``per_host_interval`` seconds;
* conditional GET with a stored ETag / Last-Modified (a 304 is an answer, not an error);
* a connect/read ``timeout`` and a total ``deadline`` for the whole fetch, retries included;
* ``retries`` for 5xx, 429 and connection failures, waiting ``backoff`` × 2ⁿ (or Retry-After) between them;
* at most ``max_redirects`` redirects, at most ``max_bytes`` of (decoded) body;
* a user agent that says who is asking.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from geowire import __version__
from geowire.net.guard import RefusedURL, Target, resolve_public

USER_AGENT = f"geowire/{__version__} (news event coder; +https://github.com/geowire/geowire)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
TRANSIENT = frozenset({408, 425, 429, 500, 502, 503, 504})
ROBOTS_MAX_BYTES = 512_000


@dataclass
class FetchPolicy:
    user_agent: str = USER_AGENT
    timeout: float = 10.0           # seconds to connect, or between two reads
    deadline: float = 60.0          # seconds for one fetch, every retry and redirect included
    retries: int = 2
    backoff: float = 1.0            # first wait between retries; doubles each time
    max_redirects: int = 5
    max_bytes: int = 5_000_000
    per_host_interval: float = 1.0  # seconds between two requests to one host (robots.txt may ask for more)
    robots: bool = True
    robots_ttl: float = 3600.0
    allow_private: bool = False     # tests and deliberate local set-ups only: lets the guard pass private addresses


@dataclass
class Response:
    url: str                        # the final URL, after redirects
    status: int
    headers: dict[str, str]
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A fetch that failed; ``transient`` ones (5xx, 429, timeouts, refused connections) may work later."""

    def __init__(self, message: str, transient: bool = False, status: int | None = None,
                 retry_after: float | None = None):
        super().__init__(message)
        self.transient = transient
        self.status = status
        self.retry_after = retry_after


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser
    fetched_at: float


@dataclass
class Fetcher:
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        self._client = httpx.Client(follow_redirects=False, trust_env=False)
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- public --------------------------------------------------------------------------------------------

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            max_bytes: int | None = None) -> Response:
        """GET a URL politely; a 304 comes back as a Response, every other failure as FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._with_retries("GET", url, headers, None, max_bytes or self.policy.max_bytes, robots=True)

    def post_json(self, url: str, payload: Any) -> Response:
        """POST JSON (a webhook): guarded and retried like a GET, but no robots.txt (the owner asked for it)."""
        import json

        body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
        return self._with_retries("POST", url, {"Content-Type": "application/json"}, body, 1_000_000, robots=False)

    @contextmanager
    def stream(self, url: str) -> Iterator[Iterator[bytes]]:
        """The body of a large resource (a web archive) as chunks, never held whole; guarded, no retries."""
        deadline = self.clock() + self.policy.deadline
        response, _ = self._open("GET", url, {}, None, deadline, robots=True)
        try:
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} from {url}", response.status_code in TRANSIENT,
                                 response.status_code)
            yield response.iter_bytes()
        finally:
            response.close()

    def allowed_by_robots(self, url: str, deadline: float | None = None) -> bool:
        if not self.policy.robots:
            return True
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        cached = self._robots.get(key)
        if cached is None or self.clock() - cached.fetched_at > self.policy.robots_ttl:
            cached = _Robots(self._read_robots(key, deadline or self.clock() + self.policy.deadline), self.clock())
            self._robots[key] = cached
        return cached.parser.can_fetch(self.policy.user_agent, url)

    # --- the request loop -----------------------------------------------------------------------------------

    def _with_retries(self, method: str, url: str, headers: dict[str, str], body: bytes | None, max_bytes: int,
                      robots: bool) -> Response:
        deadline = self.clock() + self.policy.deadline
        attempt = 0
        while True:
            try:
                return self._fetch(method, url, headers, body, max_bytes, deadline, robots)
            except FetchError as exc:
                if not exc.transient or attempt >= self.policy.retries:
                    raise
                wait = exc.retry_after if exc.retry_after is not None else self.policy.backoff * 2 ** attempt
                if self.clock() + wait >= deadline:
                    raise
                self.sleep(wait)
                attempt += 1

    def _fetch(self, method: str, url: str, headers: dict[str, str], body: bytes | None, max_bytes: int,
               deadline: float, robots: bool) -> Response:
        response, final_url = self._open(method, url, headers, body, deadline, robots)
        try:
            status = response.status_code
            if status in TRANSIENT:
                raise FetchError(f"HTTP {status} from {final_url}", transient=True, status=status,
                                 retry_after=_retry_after(response.headers.get("retry-after")))
            if status >= 400:
                raise FetchError(f"HTTP {status} from {final_url}", status=status)
            data = self._read_body(response, max_bytes, deadline) if status != 304 else b""
            return Response(final_url, status, {k.lower(): v for k, v in response.headers.items()}, data)
        finally:
            response.close()

    def _open(self, method: str, url: str, headers: dict[str, str], body: bytes | None, deadline: float,
              robots: bool) -> tuple[httpx.Response, str]:
        """Send the request, following redirects by hand so each hop is guarded; the response is still open."""
        for _hop in range(self.policy.max_redirects + 1):
            try:
                target = resolve_public(url, self.policy.allow_private)
            except RefusedURL as exc:
                raise FetchError(f"refused: {exc}") from None
            if robots and not self.allowed_by_robots(url, deadline):
                raise FetchError(f"disallowed by robots.txt: {url}")
            response = self._send(method, url, target, headers, body, deadline)
            location = response.headers.get("location")
            if response.status_code in REDIRECTS and location:
                response.close()
                url = urljoin(url, location)
                if response.status_code == 303 or (response.status_code in (301, 302) and method == "POST"):
                    method, body = "GET", None
                continue
            return response, url
        raise FetchError(f"more than {self.policy.max_redirects} redirects, last to {url}")

    def _send(self, method: str, url: str, target: Target, headers: dict[str, str], body: bytes | None,
              deadline: float) -> httpx.Response:
        self._wait_for_host(target)
        if deadline - self.clock() <= 0:
            raise FetchError(f"deadline of {self.policy.deadline:g}s passed before {url}", transient=True)
        parts = urlsplit(url)
        default_port = {"http": 80, "https": 443}[target.scheme]
        host = f"[{target.host}]" if ":" in target.host else target.host
        host_header = host if target.port == default_port else f"{host}:{target.port}"
        last_error: Exception | None = None
        for address in target.addresses:      # only addresses the guard checked: no second lookup to rebind
            netloc = f"[{address}]:{target.port}" if ":" in address else f"{address}:{target.port}"
            request = self._client.build_request(
                method, urlunsplit((target.scheme, netloc, parts.path or "/", parts.query, "")), content=body,
                headers={"User-Agent": self.policy.user_agent, "Host": host_header,
                         "Accept-Encoding": "gzip, deflate", **headers},
                timeout=httpx.Timeout(min(self.policy.timeout, max(0.01, deadline - self.clock()))),
                extensions={"sni_hostname": target.host} if target.scheme == "https" else None)
            try:
                return self._client.send(request, stream=True)
            except httpx.ConnectError as exc:
                last_error = exc
            except httpx.TimeoutException:
                raise FetchError(f"timed out fetching {url}", transient=True) from None
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch {url}: {exc}", transient=True) from None
        raise FetchError(f"cannot connect to {url}: {last_error}", transient=True)

    def _read_body(self, response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes and not response.headers.get(
                "content-encoding"):
            raise FetchError(f"response is over the {max_bytes:,}-byte limit ({int(declared):,} bytes declared)")
        data = bytearray()
        try:
            for chunk in response.iter_bytes():
                data.extend(chunk)
                if len(data) > max_bytes:
                    raise FetchError(f"response is over the {max_bytes:,}-byte limit")
                if self.clock() > deadline:
                    raise FetchError(f"deadline of {self.policy.deadline:g}s passed while reading", transient=True)
        except httpx.TimeoutException:
            raise FetchError("timed out reading the response", transient=True) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot read the response: {exc}", transient=True) from None
        return bytes(data)

    def _wait_for_host(self, target: Target) -> None:
        key = f"{target.host}:{target.port}"
        with self._lock:
            now = self.clock()
            slot = max(now, self._next_slot.get(key, now))
            self._next_slot[key] = slot + self._host_interval(target)
        if slot > now:
            self.sleep(slot - now)

    def _host_interval(self, target: Target) -> float:
        interval = self.policy.per_host_interval
        for key, robots in self._robots.items():
            if urlsplit(key).hostname == target.host:
                delay = robots.parser.crawl_delay(self.policy.user_agent)
                if delay:
                    interval = max(interval, min(float(delay), 60.0))
        return interval

    def _read_robots(self, origin: str, deadline: float) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self._fetch("GET", origin + "/robots.txt", {}, None, ROBOTS_MAX_BYTES, deadline, robots=False)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and not exc.transient:
                parser.allow_all = True          # no robots.txt: everything is allowed
            else:
                parser.disallow_all = True       # unreachable: assume nothing is (RFC 9309)
            return parser
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return parser


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return min(float(value.strip()), 60.0)
    return None
