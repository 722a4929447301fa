"""The page routes and the API the pages read, in process (no browser): security headers on every response, page
routes apart from the JSON API, API docs without a CDN, related events, an article's events, country codes."""

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_merge import ABU_KAMAL, MOSUL, QAIM, _report

from geowire.api.app import WEB_DIR, create_app
from geowire.model import EventArg

DOCS = Path(__file__).resolve().parent.parent / "docs" / "api.md"


@pytest.fixture
def client(store):
    store.save_document(_report("a", "https://one.example/a", "Al Qaim", QAIM, "2024-05-06"))
    store.save_document(_report("c", "https://two.example/c", "Mosul", MOSUL, "2024-05-20"))
    other = _report("d", "https://two.example/d", "Abu Kamal", ABU_KAMAL, "2024-07-01",
                    text="Syrian rebels shelled positions near Abu Kamal on Monday, officials said.")
    other.events[0].source = EventArg("Syrian rebels", 0, 13, "SYR", "REB")
    store.save_document(other)
    return TestClient(create_app(store), raise_server_exceptions=False)


def _policy(response) -> dict[str, str]:
    header = response.headers["content-security-policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


@pytest.mark.parametrize("path", ["/", "/events/ev-a", "/articles/a", "/docs", "/events/nope", "/articles/nope",
                                  "/nowhere", "/api/events", "/api/events/nope", "/static/app.js"])
def test_every_response_carries_a_strict_content_security_policy(client, path):
    response = client.get(path)
    policy = _policy(response)
    assert policy["script-src"] == "script-src 'self'"          # no 'unsafe-inline', no 'unsafe-eval'
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert policy["object-src"] == "object-src 'none'"
    assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"


def test_even_an_internal_error_carries_the_policy(store, monkeypatch):
    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(store, "stats", broken)
    response = TestClient(create_app(store), raise_server_exceptions=False).get("/api/stats")
    assert response.status_code == 500 and response.json()["title"] == "internal error"
    assert _policy(response)["frame-ancestors"] == "frame-ancestors 'none'"


def test_page_routes_are_html_and_the_api_stays_json(client):
    page = client.get("/events/ev-a")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script src="/static/event.js">' in page.text
    api = client.get("/api/events/ev-a")
    assert api.headers["content-type"] == "application/json" and api.json()["id"] == "ev-a"
    article = client.get("/articles/a")
    assert article.status_code == 200 and '<script src="/static/article.js">' in article.text
    missing = client.get("/events/nope")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/redoc").status_code == 404     # the CDN-loading ReDoc page is gone


@pytest.mark.parametrize("name", ["index.html", "event.html", "article.html", "docs.html"])
def test_pages_have_no_inline_script_and_load_nothing_from_another_host(name):
    html = (WEB_DIR / name).read_text()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert not re.search(r"\son[a-z]+\s*=", html)                      # no inline event handlers
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)


def test_docs_serve_swagger_ui_from_this_server(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page.text and "cdn" not in page.text.lower()
    assert "validatorUrl: null" in (WEB_DIR / "static" / "docs.js").read_text()


def test_page_scripts_never_parse_data_as_html():
    for script in (WEB_DIR / "static").glob("*.js"):
        code = script.read_text()
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function",
                             code), script.name


def test_related_events_share_a_place_or_an_actor(client):
    related = client.get("/api/events/ev-a/related").json()
    by_id = {f["id"]: f["properties"]["related_by"] for f in related["features"]}
    assert by_id["ev-c"] == ["actor: Iraqi forces"]         # Mosul is 300 km away: the actor, not the place
    assert by_id["ev-d"] == ["place"]                        # 18 km away, other actors
    assert "ev-a" not in by_id
    assert client.get("/api/events/nope/related").status_code == 404
    assert len(client.get("/api/events/ev-a/related", params={"limit": 1}).json()["features"]) == 1


def test_article_events_and_feature_country(client):
    found = client.get("/api/articles/a/events").json()
    assert [f["id"] for f in found["features"]] == ["ev-a"]
    assert found["features"][0]["properties"]["location_country"] == "IQ"
    listed = client.get("/api/events").json()["features"]
    assert {f["properties"]["location_country"] for f in listed} == {"IQ"}
    assert client.get("/api/articles/nope/events").status_code == 404


def test_countries_map_codes_to_numeric_and_names(client):
    countries = {c["alpha2"]: c for c in client.get("/api/countries").json()}
    assert countries["IQ"] == {"alpha2": "IQ", "alpha3": "IRQ", "numeric": "368", "name": "Iraq"}
    assert countries["FR"]["numeric"] == "250"


def test_api_docs_list_the_page_routes():
    text = DOCS.read_text()
    for route in ("`GET /`", "`GET /events/{id}`", "`GET /articles/{id}`", "`GET /docs`",
                  "`GET /api/events/{id}/related`", "`GET /api/articles/{id}/events`", "`GET /api/countries`"):
        assert route in text, route
