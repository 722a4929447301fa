"""The web app in a real browser: Playwright for Python driving Debian's chromium against `geowire serve`'s app,
served in-process on a loopback port from a store of the bundled samples and a corpus of hostile articles.

Without chromium (or the playwright package) these tests are skipped, unless GEOWIRE_REQUIRE_BROWSER=1 (set by
`.ci/run`), which makes a missing browser a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse
from urllib.request import urlopen

import pytest

from geowire.api.app import create_app
from geowire.config import load_config
from geowire.ingest.sources import read_paths
from geowire.model import (
    Actor,
    Attribution,
    Document,
    Event,
    EventArg,
    EventDate,
    EventLocation,
    Evidence,
    Place,
    TimeExpr,
)
from geowire.pipeline import Pipeline
from geowire.runner import IngestRunner
from geowire.samples import sample_dir
from geowire.store.repository import Store

pytestmark = [pytest.mark.model, pytest.mark.slow]

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
CHROMIUM = os.environ.get("GEOWIRE_CHROMIUM", "/usr/bin/chromium")
PWNED = "window.__gwPwned"


def _browser_missing(reason: str):
    if os.environ.get("GEOWIRE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"GEOWIRE_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(f"{reason} (install Debian's chromium, as .ci/run does, to run the browser tests)")


def _payloads() -> list[str]:
    return [line for line in (HOSTILE / "payloads.list").read_text("utf-8").splitlines() if line.strip()]


def _hostile_document() -> Document:
    """An article with a payload in every field the pages show, stored as is (no cleaner in between)."""
    payloads = _payloads()
    lead = "Rebels attacked the market in Abu Kamal on Monday, a witness said."
    text = lead + "\n" + "\n".join(f"Line {n}: {p}" for n, p in enumerate(payloads, 1))
    start = text.index(payloads[0])
    script = payloads[0]
    event = Event(
        id="ev-hostile", type="ASSAULT", mode=None,
        source=EventArg(script, start, start + len(script), "SYR", "REB"),
        target=EventArg(payloads[1], text.index(payloads[1]), text.index(payloads[1]) + len(payloads[1]), None, None),
        location=EventLocation(payloads[2], 34.45, 40.92, None, 0, 0, precision="city", country_code="SY"),
        date=EventDate("2024-05-06", payloads[3]),
        attribution=Attribution(payloads[4], 0, 10, payloads[5], "eyewitness"),
        certainty="reported", confidence=0.7, evidence=Evidence(0, len(text)),
    )
    return Document(
        id="hostile-direct", text=text, language="en", published="2024-05-06", raw=text.encode(),
        raw_sha256="f" * 64, url="javascript:window.__gwPwned=90", title=payloads[1] + " " + payloads[0],
        site=payloads[6], author=payloads[7], origin=payloads[8],
        places=[Place(start, start + len(script), script, payloads[9], 34.45, 40.92, None, "SY", payloads[10],
                      "P.PPL", "city", 0.9)],
        actors=[Actor(start, start + len(script), script, payloads[11], "SYR", "REB")],
        times=[TimeExpr(0, 10, payloads[12], "DATE", "2024-05-06")],
        events=[event],
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on 127.0.0.1 with the samples, the hostile files (through the pipeline) and the direct article."""
    if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists():
        _browser_missing(f"no chromium at {CHROMIUM}")
    try:
        import playwright  # noqa: F401
    except ImportError:
        _browser_missing("the playwright package is not installed")
    import uvicorn

    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}")
    config = load_config()
    runner = IngestRunner(store, Pipeline.from_config(config))
    hostile_files = sorted(p for p in HOSTILE.iterdir() if p.suffix in (".html", ".txt", ".jsonl"))
    runner.run(read_paths([sample_dir(), *hostile_files]))
    store.save_document(_hostile_document())

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):          # wait until it answers (readiness, not a timing assertion)
        if uv.started:
            break
        time.sleep(0.05)
    assert uv.started, "the server did not start"
    yield {"base": base, "store": store, "hostile_files": hostile_files}
    uv.should_exit = True
    thread.join(timeout=10)
    store.engine.dispose()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


class Session:
    """A browser context whose every request is recorded; requests to any other host are aborted and fail the test."""

    def __init__(self, browser, base: str, **options):
        self.base = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, **options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if urlparse(url).hostname == "127.0.0.1" or url.startswith("data:"):
            route.continue_()
        else:
            route.abort()

    def goto(self, path: str, ready: str = "body[data-events]"):
        self.page.goto(self.base + path)
        self.page.wait_for_selector(ready, state="attached")

    def elsewhere(self) -> list[str]:
        return [u for u in self.requests if urlparse(u).hostname != "127.0.0.1" and not u.startswith("data:")]


@pytest.fixture
def session(browser, server):
    opened = Session(browser, server["base"])
    yield opened
    opened.context.close()
    assert opened.elsewhere() == [], "a page made a request to another host"
    assert opened.errors == [], "a page raised a script error"


def _api(server, path: str) -> dict:
    with urlopen(server["base"] + path) as response:
        return json.loads(response.read())


def _wait_loaded(page):
    page.wait_for_selector("body[data-events][data-loading='']", state="attached")


def _pins_on_map(page) -> int:
    """Events drawn as pins: single pins plus the counts written on clusters."""
    singles = page.locator(".leaflet-marker-pane .gw-pin").count()
    clustered = sum(int(t) for t in page.locator(".leaflet-marker-pane .cluster-shape").all_text_contents())
    return singles + clustered


def _visible_pin(page):
    """A single pin lying wholly inside the map's box (markercluster also keeps pins just outside the view)."""
    frame = page.locator("#map").bounding_box()
    for pin in page.locator(".leaflet-marker-pane .gw-pin").all():
        box = pin.bounding_box()
        if box and frame["x"] + 40 < box["x"] < frame["x"] + frame["width"] - 40 and \
                frame["y"] + 60 < box["y"] < frame["y"] + frame["height"] - 40:
            return pin
    raise AssertionError("no pin in view")


def test_the_samples_show_as_pins_rings_and_areas_honest_about_precision(session, server):
    session.goto("/")
    _wait_loaded(session.page)
    features = _api(server, "/api/events?limit=5000")["features"]
    pins = [f for f in features if f["geometry"] and f["properties"]["precision"] in ("point", "city")]
    vague = [f for f in features if f["geometry"] and f["properties"]["precision"] not in ("point", "city")]
    assert pins and vague, "the samples have events in towns and events known only to a country or region"
    assert _pins_on_map(session.page) == len(pins)          # a country is never a pin at its centroid
    assert session.page.locator(".leaflet-overlay-pane path.gw-ring, .leaflet-overlay-pane path.gw-area").count() \
        >= len(vague)
    assert session.page.locator("#events li").count() == len(features)
    # a day is a bar; a week, month, quarter or year is a span over all its days, never a bar on its first day
    dated = [f["properties"] for f in features if f["properties"]["date_start"]]
    spans = [p for p in dated if p["date_start"] != p["date_end"]]
    days = {p["date_start"] for p in dated if p["date_start"] == p["date_end"]}
    assert spans and int(session.page.locator("#timeline").get_attribute("data-spans")) == len(spans)
    assert int(session.page.locator("#timeline").get_attribute("data-days")) == len(days)
    assert session.page.locator("#timeline .u-axis").count() == 2


def test_a_filter_changes_the_map_and_list_and_the_address_carries_it(session, server):
    session.goto("/")
    _wait_loaded(session.page)
    total = session.page.locator("#events li").count()
    session.page.select_option("select[name=type]", "ASSAULT")
    session.page.fill("input[name=min_confidence]", "0.3")
    session.page.click("#filters button[type=submit]")
    session.page.wait_for_url("**/?type=ASSAULT&min_confidence=0.3")
    _wait_loaded(session.page)
    expected = _api(server, "/api/events?type=ASSAULT&min_confidence=0.3&limit=5000")["features"]
    assert 0 < len(expected) < total
    items = session.page.locator("#events li")
    assert items.count() == len(expected)
    assert set(session.page.locator("#events li .type-badge").all_text_contents()) == {"ASSAULT"}
    city = [f for f in expected if f["geometry"] and f["properties"]["precision"] in ("point", "city")]
    assert _pins_on_map(session.page) == len(city)
    # the address is the view: opening it afresh shows the same events with the form filled in
    shared = Session(session.page.context.browser, server["base"])
    try:
        shared.goto("/?type=ASSAULT&min_confidence=0.3")
        _wait_loaded(shared.page)
        assert shared.page.locator("#events li").count() == len(expected)
        assert shared.page.input_value("select[name=type]") == "ASSAULT"
        assert shared.elsewhere() == []
    finally:
        shared.context.close()


def test_brushing_the_timeline_filters_by_date(session, server):
    session.goto("/")
    _wait_loaded(session.page)
    total = session.page.locator("#events li").count()
    box = session.page.locator("#timeline .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    session.page.mouse.move(box["x"] + box["width"] * 0.55, y)
    session.page.mouse.down()
    session.page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=8)
    session.page.mouse.up()
    session.page.wait_for_url("**/?since=*")
    _wait_loaded(session.page)
    state = parse_qs(urlparse(session.page.url).query)
    since, until = state["since"][0], state["until"][0]
    assert since < until
    assert session.page.input_value("input[name=since]") == since
    expected = _api(server, f"/api/events?since={since}&until={until}&limit=5000")["features"]
    assert 0 < len(expected) < total
    assert session.page.locator("#events li").count() == len(expected)
    assert all(since <= f["properties"]["date_start"] and f["properties"]["date_end"] <= until for f in expected)
    session.page.click("#clear-dates")
    session.page.wait_for_url(lambda url: "since=" not in url)
    _wait_loaded(session.page)
    assert session.page.locator("#events li").count() == total


def test_clicking_a_marker_opens_the_event_page_with_its_evidence_marked(session, server):
    session.goto("/")
    _wait_loaded(session.page)
    page = session.page
    for _ in range(12):           # zoom into clusters until a single pin shows
        try:
            _visible_pin(page)
            break
        except AssertionError:
            pass
        page.locator(".leaflet-marker-pane .gw-cluster").first.click()
        page.wait_for_timeout(400)   # let the zoom animation settle (no assertion on time)
    _visible_pin(page).click()
    page.wait_for_timeout(400)   # the popup pans the map into view: let it settle before clicking its link
    popup = page.locator(".leaflet-popup-content")
    assert "source" in popup.inner_text()
    assert popup.locator(".certainty").inner_text()
    with page.expect_navigation(url="**/events/*"):
        popup.locator("a.open-event").click()
    page.wait_for_selector("body[data-ready='1']", state="attached")
    event_id = urlparse(page.url).path.rsplit("/", 1)[1]
    event = _api(server, f"/api/events/{event_id}")
    article = _api(server, f"/api/articles/{event['article']['id']}")
    evidence = article["text"][event["evidence"]["start"]:event["evidence"]["end"]]
    marked = "".join(page.locator("#article-text mark.evidence").all_text_contents())
    assert marked == evidence and evidence.strip()
    facts = page.locator("#facts").inner_text()
    assert event["certainty"] in facts and "precision" in facts and "confidence" in facts
    assert page.locator("#mentions tbody tr").count() == len(event["mentions"])
    assert page.locator("#event-map .leaflet-marker-pane .gw-pin, #event-map path").count() >= 1


def test_event_and_article_pages_load_directly(session, server):
    event = _api(server, "/api/events?limit=1&precision=country")["features"][0]
    session.goto(f"/events/{event['id']}", ready="body[data-ready='1']")
    assert session.page.locator("#event-map path.gw-area, #event-map path.gw-ring").count() == 1
    assert session.page.locator("#event-map .gw-pin").count() == 0
    assert session.page.locator("#related li").count() >= 1
    article_id = event["properties"]["article_id"]
    session.goto(f"/articles/{article_id}", ready="body[data-ready='1']")
    article = _api(server, f"/api/articles/{article_id}")
    assert session.page.text_content("#article-text") == article["text"]
    for kind in ("place", "actor", "time"):
        assert session.page.locator(f"#article-text mark.{kind}").count() >= 1, kind
    assert session.page.locator("#article-events li a").count() == len(article["events"])
    session.goto("/events/no-such-event", ready="body[data-ready='1']")
    assert "No such event" in session.page.inner_text("#summary")


def test_the_api_docs_load_from_this_server_only(session):
    session.goto("/docs", ready=".swagger-ui .opblock")
    assert session.page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1


def _assert_inert(page, where: str):
    assert page.evaluate(PWNED) is None, f"a payload ran on {where}"
    injected = page.locator("#article-text *:not(mark), #events li img, #events li svg, iframe, object, "
                            "[onerror], [onload], [ontoggle], [onmouseover], [onbegin], a[href^='javascript:' i]")
    assert injected.count() == 0, f"markup from an article became elements on {where}"
    sources = page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
    assert all(src and src.startswith("/static/") for src in sources), sources


def test_the_hostile_corpus_renders_as_inert_text(browser, server):
    # the Content-Security-Policy would block inline script anyway: bypass it, so that this tests the escaping
    hostile = Session(browser, server["base"], bypass_csp=True)
    page = hostile.page
    try:
        hostile.goto("/?q=<script>")
        _wait_loaded(page)
        _assert_inert(page, "the map filtered by a script tag")
        hostile.goto("/")
        _wait_loaded(page)
        _assert_inert(page, "the map")
        list_text = page.inner_text("#events")
        assert "<script>window.__gwPwned=1</script>" in list_text   # the direct article's actor, as text

        direct = _api(server, "/api/events/ev-hostile")
        hostile.goto("/?" + urlencode({"type": "ASSAULT", "since": "2024-05-06", "until": "2024-05-06",
                                       "q": direct["source"]["text"]}))
        _wait_loaded(page)
        _visible_pin(page).click()
        assert "<script>window.__gwPwned=1</script>" in page.inner_text(".leaflet-popup-content")
        _assert_inert(page, "a popup")

        quarantined = [row["origin"] for row in server["store"].quarantined() if "hostile" in row["origin"]]
        assert quarantined == [], "every hostile file reaches the store, so that the pages must show it"
        event_ids = {"ev-hostile"}
        article_ids = {"hostile-direct"}
        for article in _api(server, "/api/events?limit=5000")["features"]:
            props = article["properties"]
            if "gwPwned" in json.dumps(props) or "hostile" in (props["article_id"] or ""):
                event_ids.add(props["id"])
                article_ids.add(props["article_id"])
        assert len(event_ids) >= 3, "the hostile files gave events through the pipeline too"
        for event_id in sorted(event_ids):
            hostile.goto(f"/events/{event_id}", ready="body[data-ready='1']")
            _assert_inert(page, f"event {event_id}")
        for article_id in sorted(article_ids):
            hostile.goto(f"/articles/{article_id}", ready="body[data-ready='1']")
            _assert_inert(page, f"article {article_id}")
        hostile.goto("/articles/hostile-direct", ready="body[data-ready='1']")
        shown = page.text_content("#article-text")
        for payload in _payloads():
            assert payload in shown, payload
        assert page.inner_text("#title").startswith("<img src=x onerror=")
        assert page.locator("#facts a").count() == 0     # a javascript: address is shown, never linked
        assert "javascript:window.__gwPwned=90" in page.inner_text("#facts")
        assert hostile.elsewhere() == []
        assert hostile.errors == []
    finally:
        hostile.context.close()
