"""In-process HTTP tests of the API (no server, no network)."""

import pytest
from fastapi.testclient import TestClient

from geowire.api.app import create_app
from test_store import _analysed_document


@pytest.fixture
def client(store):
    doc = _analysed_document()
    doc.title = '<script>alert("x")</script> Shelling near Al Qaim'
    store.save_document(doc)
    return TestClient(create_app(store))


def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["version"]


def test_events_are_geojson_points_in_lon_lat_order(client):
    response = client.get("/api/events")
    assert response.headers["content-type"].startswith("application/geo+json")
    [feature] = response.json()["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [41.09, 34.37]}
    assert feature["properties"]["type"] == "ASSAULT"


def test_event_filters_and_bad_bbox(client):
    assert client.get("/api/events", params={"type": "PROTEST"}).json()["features"] == []
    bad = client.get("/api/events", params={"bbox": "1,2,three,4"})
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"


def test_event_and_article_detail(client):
    event = client.get("/api/events/ev-d1").json()
    assert event["evidence"] == {"start": 0, "end": 61}
    article = client.get(f"/api/articles/{event['article']['id']}").json()
    assert article["text"].startswith("Iraqi forces")
    missing = client.get("/api/events/nope")
    assert missing.status_code == 404 and missing.json()["title"] == "no event nope"


def test_page_is_served_with_a_content_security_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "<div id=\"map\"" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_web_script_never_injects_html():
    from geowire.api.app import WEB_DIR

    script = (WEB_DIR / "static" / "app.js").read_text()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "textContent" in script
