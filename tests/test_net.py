"""The SSRF guard and the polite fetcher, against a loopback server (no network)."""

import ipaddress
import socket
import time

import pytest
from loopback import Loopback

from geowire.net.guard import RefusedURL, refusal, resolve_public
from geowire.net.http import Fetcher, FetchError, FetchPolicy


@pytest.fixture(scope="module")
def server():
    srv = Loopback()
    srv.route("/robots.txt", body="User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
    srv.route("/page", body="<html><body><p>The port reopened.</p></body></html>")
    srv.route("/private/page", body="secret")
    srv.route("/slow", body="late", delay=2.0)
    srv.route("/error500", status=500, body="broken")
    srv.redirect("/loop", "/loop")
    srv.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
    srv.redirect("/to-page", "/page")
    srv.routes["/huge"] = lambda _h: (200, {"Content-Type": "text/html"}, lambda: (b"x" * 65536 for _ in range(400)))
    srv.route("/declared-huge", body=b"y" * 300_000)

    def dribble():
        for _ in range(40):
            time.sleep(0.05)
            yield b"."

    srv.routes["/dribble"] = lambda _h: (200, {"Content-Type": "text/html"}, dribble)

    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"', "Last-Modified": "Mon, 06 May 2024 08:00:00 GMT"}, b"<rss></rss>"

    srv.routes["/feed"] = conditional
    yield srv
    srv.close()


def _fetcher(**policy) -> Fetcher:
    settings = dict(allow_private=True, per_host_interval=0.0, timeout=1.0, deadline=3.0, retries=0, backoff=0.01)
    settings.update(policy)
    return Fetcher(FetchPolicy(**settings))


# --- the address checks -------------------------------------------------------------------------------------

@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "169.254.1.1",
    "100.64.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
    "64:ff9b::a00:1",          # NAT64 of 10.0.0.1
    "64:ff9b::7f00:1",         # NAT64 of 127.0.0.1
    "64:ff9b:1::1",            # local-use NAT64
    "2002:7f00:1::1",          # 6to4 of 127.0.0.1
    "2002:a9fe:a9fe::1",       # 6to4 of 169.254.169.254
    "2001:0:4136:e378:8000:63bf:80ff:fffe",   # Teredo, client 127.0.0.1
])
def test_non_public_addresses_are_refused(address):
    assert refusal(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808",
                                     "2002:808:808::1", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address):
    assert refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://localhost:8000/x", "http://2130706433/",
                                 "http://0x7f.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
                                 "http://169.254.169.254/latest/meta-data", "http://10.1.2.3/"])
def test_resolved_urls_on_internal_addresses_are_refused(url):
    with pytest.raises(RefusedURL, match="non-public"):
        resolve_public(url)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "gopher://x/", "http:///nohost",
                                 "javascript:alert(1)"])
def test_only_http_urls_with_a_host(url):
    with pytest.raises(RefusedURL, match="only http"):
        resolve_public(url, allow_private=True)


def test_metadata_stays_refused_even_when_private_addresses_are_allowed():
    with pytest.raises(RefusedURL, match="metadata"):
        resolve_public("http://169.254.169.254/", allow_private=True)
    assert resolve_public("http://127.0.0.1:9/", allow_private=True).addresses == ("127.0.0.1",)


# --- over HTTP -------------------------------------------------------------------------------------------------

def test_the_loopback_server_is_refused_without_allow_private(server):
    with pytest.raises(FetchError, match="refused.*non-public address 127.0.0.1"):
        _fetcher(allow_private=False).get(f"{server.url}/page")


def test_the_checked_address_is_the_one_connected_to(server, monkeypatch):
    calls = []
    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        try:
            ipaddress.ip_address(host)
            return real(host, *args, **kwargs)       # a literal address: no lookup, as the connection makes
        except ValueError:
            pass
        calls.append(host)
        if host == "news.test" and len(calls) == 1:
            return real("127.0.0.1", *args, **kwargs)
        raise socket.gaierror("a second lookup of the name")   # would fail the fetch

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    response = _fetcher(robots=False).get(f"http://news.test:{server.port}/page")
    assert response.status == 200 and b"port reopened" in response.body
    assert calls == ["news.test"]
    assert server.requests[-1]["headers"]["Host"] == f"news.test:{server.port}"
    assert server.requests[-1]["headers"]["User-Agent"].startswith("geowire/")


def test_a_slow_server_is_cut_off_by_the_timeout(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out") as caught:
        _fetcher(timeout=0.2).get(f"{server.url}/slow")
    assert caught.value.transient and time.monotonic() - started < 1.5


def test_a_dribbling_server_is_cut_off_by_the_deadline(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        _fetcher(timeout=1.0, deadline=0.4).get(f"{server.url}/dribble")
    assert time.monotonic() - started < 1.5


def test_a_500_is_retried_with_backoff_then_given_up(server):
    sleeps = []
    fetcher = Fetcher(FetchPolicy(allow_private=True, per_host_interval=0.0, retries=2, backoff=0.01),
                      sleep=sleeps.append)
    before = server.hits["/error500"]
    with pytest.raises(FetchError, match="HTTP 500") as caught:
        fetcher.get(f"{server.url}/error500")
    assert caught.value.transient and caught.value.status == 500
    assert server.hits["/error500"] - before == 3 and sleeps == [0.01, 0.02]


def test_a_redirect_loop_stops_at_the_limit(server):
    before = server.hits["/loop"]
    with pytest.raises(FetchError, match="more than 3 redirects"):
        _fetcher(max_redirects=3).get(f"{server.url}/loop")
    assert server.hits["/loop"] - before == 4


def test_each_redirect_is_checked_again(server):
    with pytest.raises(FetchError, match="refused.*metadata"):
        _fetcher().get(f"{server.url}/to-metadata")
    assert _fetcher().get(f"{server.url}/to-page").url.endswith("/page")


def test_an_enormous_response_is_cut_at_the_size_cap(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="100,000-byte limit"):
        _fetcher(max_bytes=100_000).get(f"{server.url}/huge")
    with pytest.raises(FetchError, match="declared"):
        _fetcher(max_bytes=100_000).get(f"{server.url}/declared-huge")
    assert time.monotonic() - started < 2


def test_robots_txt_is_honoured(server):
    fetcher = _fetcher()
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(f"{server.url}/private/page")
    assert fetcher.get(f"{server.url}/page").status == 200
    assert server.hits["/private/page"] == 0
    assert _fetcher(robots=False).get(f"{server.url}/private/page").body == b"secret"


def test_conditional_get_answers_304_on_the_second_poll(server):
    fetcher = _fetcher()
    first = fetcher.get(f"{server.url}/feed")
    assert first.status == 200 and first.headers["etag"] == '"v1"'
    second = fetcher.get(f"{server.url}/feed", etag=first.headers["etag"])
    assert second.not_modified and second.body == b""


def test_requests_to_one_host_are_spaced(server):
    sleeps = []
    fetcher = Fetcher(FetchPolicy(allow_private=True, per_host_interval=0.5, robots=False), sleep=sleeps.append)
    fetcher.get(f"{server.url}/page")
    fetcher.get(f"{server.url}/page")
    assert len(sleeps) == 1 and 0.3 < sleeps[0] <= 0.5
