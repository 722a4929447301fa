"""`geowire watch` end to end against a loopback server: feeds, OPML, WARC, politeness, hostile input, watchlists,
webhook alerts, and restarts that repeat nothing. A small test pipeline stands in for the model."""

from __future__ import annotations

import io
import json
import re
import threading
import time

import pytest
from loopback import Loopback, page, rss
from typer.testing import CliRunner

from geowire.cli import app
from geowire.model import Event, EventArg, EventDate, EventLocation, Evidence
from geowire.net.http import Fetcher, FetchPolicy
from geowire.pipeline import Pipeline
from geowire.registry import registry
from geowire.runner import IngestRunner
from geowire.store.live import LiveStore
from geowire.store.repository import Store
from geowire.watcher import Watcher

MARK = re.compile(r"EVENT (\w+) at (-?\d+\.\d+),(-?\d+\.\d+) on (\d{4}-\d\d-\d\d)")
QAIM = (34.37, 41.09)
BBOX = (40.5, 34.0, 41.5, 34.8)


class _Crash(BaseException):
    """Stands for the process being killed."""


class _Strip:
    def __call__(self, doc):
        if doc.html is not None:
            doc.text = re.sub(r"<[^>]+>", " ", doc.html).strip()
        site = re.search(r"SITE (\w+)", doc.text)
        doc.site = site.group(1) if site else doc.site
        return doc


class _Coder:
    crash_on = ""

    def __call__(self, doc):
        if _Coder.crash_on and _Coder.crash_on in doc.text:
            raise _Crash()
        found = MARK.search(doc.text)
        if found:
            kind, lat, lon, day = found.groups()
            doc.events = [Event(
                f"ev-{doc.id}", kind, None, EventArg("Iraqi forces", 0, 12, "IRQ", "MIL"), None,
                EventLocation("Al Qaim", float(lat), float(lon), 1, found.start(), found.end(), "sentence", "city",
                              "IQ"),
                EventDate(day, None, day, day), None, "asserted", 0.8, Evidence(found.start(), found.end()))]
        return doc


@registry.factory("cleaners", "test_strip_tags")
def make_strip() -> _Strip:
    """Text from HTML by dropping tags; SITE marker names the outlet (test only)."""
    return _Strip()


@registry.factory("coders", "test_marker_coder")
def make_marker_coder() -> _Coder:
    """Codes 'EVENT TYPE at LAT,LON on DAY' markers (test only)."""
    return _Coder()


PIPELINE_CONFIG = {"pipeline": {"order": ["html", "events"]},
                   "components": {"html": {"kind": "cleaners", "factory": "test_strip_tags"},
                                  "events": {"kind": "coders", "factory": "test_marker_coder"}}}


def story(site: str, kind: str = "ASSAULT", where=QAIM, day: str = "2024-05-06", words: str = "") -> str:
    return page(f"{site} story", f"SITE {site} reports. EVENT {kind} at {where[0]},{where[1]} on {day}. {words}")


@pytest.fixture
def server():
    srv = Loopback()
    srv.route("/robots.txt", body="User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
    srv.alerts = []

    def hook(handler):
        srv.alerts.append(json.loads(handler.rfile_body) if hasattr(handler, "rfile_body") else None)
        return 200, {}, b"ok"

    def receiver(handler):
        srv.alerts.append(json.loads(srv.requests[-1]["body"]))
        return 200, {}, b"ok"

    srv.routes["/hook"] = receiver
    yield srv
    srv.close()


def serve_feed(srv: Loopback, path: str, items: list[dict], etag: str = '"v1"') -> None:
    body = rss(items).encode()

    def respond(handler):
        if handler.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "application/rss+xml", "ETag": etag}, body

    srv.routes[path] = respond


@pytest.fixture
def store(tmp_path):
    opened = Store.open(f"sqlite:///{tmp_path / 'watch.db'}")
    yield opened
    opened.engine.dispose()


def watcher(store, locations, **kwargs) -> Watcher:
    policy = FetchPolicy(allow_private=True, per_host_interval=0.0, timeout=0.5, deadline=2.0, retries=0,
                         backoff=0.01)
    runner = IngestRunner(store, Pipeline.from_config(PIPELINE_CONFIG), batch_size=2)
    return Watcher(runner, Fetcher(policy), locations, interval=60, base_url="http://geowire.test",
                   target_settings={"webhook": {"allow_private": True, "retries": 1, "backoff": 0.01}}, **kwargs)


def add_watchlist(store, server, name="border", **spec):
    spec = {"bbox": BBOX, **spec}
    on_update = spec.pop("on_update", False)
    return LiveStore(store.engine).add_watchlist(name, spec, f"{server.url}/hook", on_update)


# --- feeds, pages, alerts ---------------------------------------------------------------------------------------

def test_a_feed_is_ingested_politely_and_a_matching_event_alerts_once(store, server):
    add_watchlist(store, server, types=["ASSAULT"])
    server.route("/story/1", body=story("alpha"))
    server.route("/story/2", body=story("beta", kind="PROTEST"))
    server.route("/story/far", body=story("gamma", where=(10.0, 10.0)))
    server.route("/private/4", body=story("delta", day="2024-05-09"))
    items = [{"title": "One", "link": f"{server.url}/story/1"},
             {"title": "Two", "link": f"{server.url}/story/2"},
             {"title": "Far", "link": f"{server.url}/story/far"},
             {"title": "Hidden", "link": f"{server.url}/private/4",
              "summary": "SITE delta summary. EVENT PROTEST at 34.37,41.09 on 2024-05-09."},
             {"title": "Internal", "link": "http://169.254.169.254/latest/meta-data/"}]
    serve_feed(server, "/feed.xml", items)
    summary = watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert summary.stored == 4 and summary.quarantined == 1
    assert server.hits["/private/4"] == 0, "robots.txt forbids it: the item's summary stands in"
    assert any("metadata" in q["reason"] for q in store.quarantined())
    assert len(server.alerts) == 1 and summary.alerts_sent == 1
    alert = server.alerts[0]
    assert alert["watchlist"] == "border" and alert["alert"] == "new" and alert["event"]["type"] == "ASSAULT"
    assert "EVENT ASSAULT" in alert["evidence"]
    assert alert["link"] == f"http://geowire.test/api/events/{alert['event']['id']}"
    assert server.requests[-1]["headers"]["Content-Type"] == "application/json"

    again = watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert again.not_modified == 1 and again.stored == 0 and len(server.alerts) == 1
    assert [r["headers"].get("If-None-Match") for r in server.requests if r["path"] == "/feed.xml"] == [None, '"v1"']
    assert server.hits["/story/1"] == 1


def test_a_changed_feed_fetches_only_new_items_and_merged_reports_alert_only_on_update(store, server):
    add_watchlist(store, server, name="quiet")
    add_watchlist(store, server, name="loud", on_update=True)
    server.route("/a", body=story("alpha"))
    server.route("/b", body=story("beta", words="Another outlet."))
    serve_feed(server, "/feed.xml", [{"title": "A", "link": f"{server.url}/a"}], etag='"v1"')
    watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert sorted(a["watchlist"] for a in server.alerts) == ["loud", "quiet"]

    serve_feed(server, "/feed.xml", [{"title": "B", "link": f"{server.url}/b"},
                                     {"title": "A", "link": f"{server.url}/a"}], etag='"v2"')
    summary = watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert summary.stored == 1 and server.hits["/a"] == 1 and server.hits["/b"] == 1
    [event] = store.events()
    assert event["n_sources"] == 2
    assert [(a["watchlist"], a["alert"]) for a in server.alerts[2:]] == [("loud", "update")]


def test_hostile_and_broken_sources_are_recorded_and_the_rest_goes_on(store, server):
    server.route("/good", body=story("alpha"))
    serve_feed(server, "/good.xml", [{"title": "Good", "link": f"{server.url}/good"}])
    server.route("/malformed.xml", body='<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</ti',
                 headers={"Content-Type": "text/xml"})
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><rss><channel><title>&lol3;</title></channel></rss>')
    server.route("/bomb.xml", body=bomb, headers={"Content-Type": "text/xml"})
    server.route("/error.xml", status=500, body="down")
    server.routes["/huge.xml"] = lambda _h: (200, {"Content-Type": "text/xml"},
                                             lambda: (b"<rss>" + b"x" * 65536 for _ in range(200)))
    sources = [f"{server.url}/{name}" for name in ("malformed.xml", "bomb.xml", "error.xml", "huge.xml", "good.xml")]
    w = watcher(store, sources)
    w.fetcher.policy.max_bytes = 1_000_000
    summary = w.run(once=True)
    assert summary.stored == 1 and len(summary.source_errors) == 4
    reasons = {q["origin"].rsplit("/", 1)[1]: q["reason"] for q in store.quarantined()}
    assert "not a readable feed" in reasons["malformed.xml"] or "not a feed" in reasons["malformed.xml"]
    assert "XML entities" in reasons["bomb.xml"]
    assert "HTTP 500" in reasons["error.xml"]
    assert "1,000,000-byte limit" in reasons["huge.xml"]
    state = {row["url"].rsplit("/", 1)[1]: row for row in LiveStore(store.engine).sources()}
    assert state["error.xml"]["failures"] == 1 and state["good.xml"]["failures"] == 0


def test_pages_that_fail_for_now_are_tried_again_and_pages_that_fail_for_good_are_quarantined(store, server):
    server.route("/slow", body=story("alpha"), delay=1.5)
    server.route("/down", status=503, body="busy")
    server.route("/gone", status=404, body="no")
    server.routes["/huge"] = lambda _h: (200, {"Content-Type": "text/html"},
                                         lambda: (b"<p>" + b"x" * 65536 for _ in range(200)))
    serve_feed(server, "/feed.xml", [{"title": t, "link": f"{server.url}/{t}"} for t in ("slow", "down", "gone", "huge")])
    w = watcher(store, [f"{server.url}/feed.xml"])
    w.fetcher.policy.max_bytes = 500_000
    started = time.monotonic()
    summary = w.run(once=True)
    assert time.monotonic() - started < 5
    assert summary.stored == 0 and summary.quarantined == 2
    reasons = " ".join(q["reason"] for q in store.quarantined())
    assert "HTTP 404" in reasons and "500,000-byte limit" in reasons
    source = LiveStore(store.engine).source(f"{server.url}/feed.xml")
    assert source["etag"] is None, "items are left for later: the validators are not kept"
    server.route("/slow", body=story("alpha"))
    server.route("/down", body=story("beta", day="2024-05-20"))
    summary = watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert summary.stored == 2 and server.hits["/gone"] == 1 and server.hits["/huge"] == 1
    assert LiveStore(store.engine).source(f"{server.url}/feed.xml")["etag"] == '"v1"'


def test_without_allow_private_the_loopback_feed_is_refused(store, server):
    serve_feed(server, "/feed.xml", [])
    w = watcher(store, [f"{server.url}/feed.xml"])
    w.fetcher.policy.allow_private = False
    summary = w.run(once=True)
    assert "non-public address" in summary.source_errors[0] and server.hits["/feed.xml"] == 0


def test_opml_lists_feeds(store, server, tmp_path):
    server.route("/one", body=story("alpha"))
    server.route("/two", body=story("beta", kind="PROTEST"))
    serve_feed(server, "/f1.xml", [{"title": "1", "link": f"{server.url}/one"}])
    serve_feed(server, "/f2.xml", [{"title": "2", "link": f"{server.url}/two"}])
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
                    f'<outline text="1" xmlUrl="{server.url}/f1.xml"/><outline text="g">'
                    f'<outline text="2" type="rss" xmlUrl="{server.url}/f2.xml"/></outline></body></opml>')
    summary = watcher(store, [str(opml)]).run(once=True)
    assert summary.stored == 2 and store.stats()["articles"] == 2


def _warc(pages: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number in range(pages):
        body = story(f"site{number}", day=f"2024-06-0{number + 1}").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"http://news.test/{number}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


def test_a_warc_file_is_watched_record_by_record(store, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc(2))
    assert watcher(store, [str(path)]).run(once=True).stored == 2
    path.write_bytes(_warc(3))
    again = watcher(store, [str(path)]).run(once=True)
    assert again.new_items == 1 and again.stored == 1
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"WARC/1.0\r\nnonsense" * 10)
    assert "unreadable web archive" in watcher(store, [str(broken)]).run(once=True).source_errors[0]


def test_a_warc_is_streamed_from_a_url(store, server):
    data = _warc(3)
    server.routes["/crawl.warc.gz"] = lambda _h: (200, {"Content-Type": "application/warc"},
                                                  lambda: (data[i:i + 1000] for i in range(0, len(data), 1000)))
    summary = watcher(store, [f"{server.url}/crawl.warc.gz"]).run(once=True)
    assert summary.stored == 3
    again = watcher(store, [f"{server.url}/crawl.warc.gz"]).run(once=True)
    assert again.new_items == 0 and again.stored == 0


# --- restarts ---------------------------------------------------------------------------------------------------

def test_a_watcher_killed_mid_run_ingests_nothing_twice_and_repeats_no_alert(store, server):
    add_watchlist(store, server)
    for n in range(4):
        server.route(f"/s{n}", body=story(f"site{n}", day=f"2024-05-{10 + 3 * n}", words="CRASH" if n == 2 else ""))
    serve_feed(server, "/feed.xml", [{"title": str(n), "link": f"{server.url}/s{n}"} for n in range(4)])
    _Coder.crash_on = "CRASH"
    try:
        with pytest.raises(_Crash):
            watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    finally:
        _Coder.crash_on = ""
    stored_before = store.stats()["articles"]
    assert stored_before == 2          # the first batch of two was stored before the crash
    alerts_before = len(server.alerts)
    summary = watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert summary.stored == 2 and store.stats()["articles"] == 4
    assert server.hits["/s0"] == 1 and server.hits["/s1"] == 1, "items handled before the crash are not fetched"
    event_ids = [a["event"]["id"] for a in server.alerts]
    assert len(event_ids) == len(set(event_ids)) == 4 and alerts_before <= 2
    watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert len(server.alerts) == 4


def test_alerts_pending_when_the_webhook_was_down_are_sent_once_later(store, server):
    add_watchlist(store, server)
    server.route("/hook", status=503, body="busy")
    server.route("/s", body=story("alpha"))
    serve_feed(server, "/feed.xml", [{"title": "s", "link": f"{server.url}/s"}])
    first = watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert first.alerts_logged == 1 and first.alerts_sent == 0 and first.alerts_failed == 1
    received = []
    server.routes["/hook"] = lambda _h: (received.append(json.loads(server.requests[-1]["body"])) or 200, {}, b"")
    second = watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert second.alerts_sent == 1 and len(received) == 1
    watcher(store, [f"{server.url}/feed.xml"]).run(once=True)
    assert len(received) == 1


def test_the_watch_loop_stops_cleanly_when_asked(store, server):
    serve_feed(server, "/feed.xml", [])
    stop = threading.Event()
    w = watcher(store, [f"{server.url}/feed.xml"], stop=stop)
    w.interval = 0.1
    thread = threading.Thread(target=w.run)
    thread.start()
    time.sleep(0.35)
    stop.set()
    thread.join(timeout=2)
    assert not thread.is_alive() and server.hits["/feed.xml"] >= 2


# --- the commands -----------------------------------------------------------------------------------------------

def test_watch_and_watchlist_commands(tmp_path, server):
    import tomllib  # noqa: F401 - the config below is TOML

    config = tmp_path / "test.toml"
    config.write_text('[pipeline]\norder = ["html", "events"]\n'
                      '[components.html]\nkind = "cleaners"\nfactory = "test_strip_tags"\n'
                      '[components.events]\nkind = "coders"\nfactory = "test_marker_coder"\n'
                      '[watch]\nper_host_interval = 0.0\nretries = 0\ntimeout = 1.0\n')
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    alerts = tmp_path / "alerts.jsonl"
    runner = CliRunner()
    common = ["--db", db, "--config", str(config)]
    added = runner.invoke(app, ["watchlist", "add", "border", "--bbox", ",".join(map(str, BBOX)), "--type", "ASSAULT",
                                "--to", str(alerts), *common])
    assert added.exit_code == 0, added.output
    bad = runner.invoke(app, ["watchlist", "add", "x", "--bbox", "1,2,3", "--to", "-", *common])
    assert bad.exit_code == 2
    near = runner.invoke(app, ["watchlist", "add", "circle", "--near", "34.37,41.09", "--radius", "30km",
                               "--to", "-", *common])
    assert near.exit_code == 0, near.output
    listed = runner.invoke(app, ["watchlist", "list", *common])
    assert "circle" in listed.output and "34.37" in listed.output
    assert "border" in listed.output and "ASSAULT" in listed.output

    server.route("/s", body=story("alpha"))
    serve_feed(server, "/feed.xml", [{"title": "s", "link": f"{server.url}/s"}])
    refused = runner.invoke(app, ["watch", f"{server.url}/feed.xml", "--once", *common])
    assert refused.exit_code == 0 and server.hits["/feed.xml"] == 0
    done = runner.invoke(app, ["watch", f"{server.url}/feed.xml", "--once", "--allow-private", *common])
    assert done.exit_code == 0, done.output
    [line] = alerts.read_text().splitlines()
    assert json.loads(line)["event"]["type"] == "ASSAULT"
    runner.invoke(app, ["watch", f"{server.url}/feed.xml", "--once", "--allow-private", *common])
    assert len(alerts.read_text().splitlines()) == 1
    assert runner.invoke(app, ["watchlist", "remove", "border", *common]).exit_code == 0
    assert runner.invoke(app, ["watchlist", "remove", "border", *common]).exit_code == 1


def test_a_single_page_and_an_opml_url(store, server):
    server.route("/one", body=story("alpha"))
    server.route("/two", body=story("beta", kind="PROTEST"))
    serve_feed(server, "/f.xml", [{"title": "2", "link": f"{server.url}/two"}])
    server.route("/list.opml", body=f'<opml version="2.0"><body><outline xmlUrl="{server.url}/f.xml"/></body></opml>',
                 headers={"Content-Type": "text/x-opml"})
    summary = watcher(store, [f"page:{server.url}/one", f"{server.url}/list.opml"]).run(once=True)
    assert summary.stored == 2 and server.hits["/one"] == 1
    again = watcher(store, [f"page:{server.url}/one", f"{server.url}/list.opml"]).run(once=True)
    assert again.stored == 0 and server.hits["/one"] == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_xml_bombs_are_refused_in_any_encoding_and_wherever_declared(encoding):
    from geowire.sources.base import SourceError, refuse_entities

    padding = "<!-- " + "p" * 70000 + " -->"
    bomb = (f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE r [{padding}<!ENTITY a "aaaa">'
            '<!ENTITY b "&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>')
    with pytest.raises(SourceError, match="XML entities"):
        refuse_entities(bomb.encode(encoding), "feed")
    quoted = '<rss><channel><description><![CDATA[How <!ENTITY x "y"> works]]></description></channel></rss>'
    refuse_entities(quoted.encode(encoding), "feed")
