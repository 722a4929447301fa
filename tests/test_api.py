"""In-process HTTP tests of the API (no server, no network)."""

import pytest
from fastapi.testclient import TestClient
from test_store import _analysed_document

from geowire.api.app import create_app


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


# --- issue 6: filters, pagination, writes, exports -----------------------------------------------------------

from test_merge import ABU_KAMAL, MOSUL, QAIM, _report  # noqa: E402
from test_runner import _pipeline  # noqa: E402

from geowire.api.app import ApiSettings  # noqa: E402
from geowire.runner import IngestRunner  # noqa: E402


@pytest.fixture
def loaded(store):
    for n, (place, where, day) in enumerate([("Al Qaim", QAIM, "2024-05-06"), ("Abu Kamal", ABU_KAMAL, "2024-05-07"),
                                             ("Mosul", MOSUL, "2024-05-10"), ("Mosul", MOSUL, "2024-06-20")]):
        store.save_document(_report(f"d{n}", f"https://outlet{n}.example/x", place, where, day))
    settings = ApiSettings(token="s3cret")
    return TestClient(create_app(store, settings, runner_factory=lambda s: IngestRunner(s, _pipeline())))


def test_filters_near_min_sources_and_text(loaded):
    def ids(**params):
        return [f["id"] for f in loaded.get("/api/events", params=params).json()["features"]]

    assert ids() == ["ev-d3", "ev-d2", "ev-d0"]
    assert ids(sort="date") == ["ev-d0", "ev-d2", "ev-d3"]
    assert ids(near=f"{QAIM[0]},{QAIM[1]}", radius_km=40) == ["ev-d0"]
    assert ids(min_sources=2) == ["ev-d0"]
    assert ids(since="2024-05-08", until="2024-05-31") == ["ev-d2"]
    assert ids(q="mosul") == ["ev-d3", "ev-d2"]
    assert ids(country="IRQ", precision="city") == ["ev-d3", "ev-d2", "ev-d0"]


def test_cursor_pages_through_everything_once(loaded):
    seen, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = loaded.get("/api/events", params=params).json()
        seen += [f["id"] for f in page["features"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ["ev-d3", "ev-d2", "ev-d0"]
    assert loaded.get("/api/events", params={"cursor": "garbage!"}).status_code == 422


def test_event_detail_lists_mentions_and_sources(loaded):
    event = loaded.get("/api/events/ev-d0").json()
    assert event["n_sources"] == 2 and len(event["mentions"]) == 2
    assert event["sources"] == ["outlet0.example", "outlet1.example"]


def test_places_actors_and_stats(loaded):
    places = loaded.get("/api/places").json()
    assert places[0]["name"] == "Mosul" and places[0]["mentions"] == 2
    stats = loaded.get("/api/stats").json()
    assert stats["events_by_day"] == {"2024-05-06": 1, "2024-05-10": 1, "2024-06-20": 1}
    assert stats["events_by_country"] == {"IQ": 3}


def test_export_endpoint_formats(loaded):
    response = loaded.get("/api/export", params={"format": "acled", "since": "2024-05-08"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.count("\n") == 3          # header and two events
    assert loaded.get("/api/export", params={"format": "pdf"}).status_code == 422


def test_writes_need_the_token(loaded, store):
    body = {"documents": [{"id": "new1", "text": "Protesters marched in Basra on Friday."}]}
    assert loaded.post("/api/ingest", json=body).status_code == 401
    assert loaded.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    response = loaded.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200 and response.json()["stored"] == 1
    assert store.article("new1") is not None


def test_writes_are_off_without_a_configured_token(store):
    client = TestClient(create_app(store))
    response = client.post("/api/ingest", json={"documents": []})
    assert response.status_code == 403 and "token" in response.json()["title"]


def test_ingest_refuses_urls_to_internal_addresses(loaded, store):
    headers = {"Authorization": "Bearer s3cret"}
    response = loaded.post("/api/ingest", json={"urls": ["http://127.0.0.1:9/admin", "file:///etc/passwd"]},
                           headers=headers)
    # URLs are fetched in the background, after the answer; the test client runs that before returning
    assert response.status_code == 200 and response.json()["stored"] == 0
    job = loaded.get(f"/api/ingest/{response.json()['urls_job']}", headers=headers).json()
    assert job["status"] == "done" and job["summary"]["quarantined"] == 2
    reasons = [row["reason"] for row in store.quarantined()]
    assert any("non-public address" in r for r in reasons) and any("only http(s)" in r for r in reasons)


def test_removal_deletes_orphaned_events_and_lists_them(loaded):
    headers = {"Authorization": "Bearer s3cret"}
    assert loaded.delete("/api/articles/d2", headers=headers).json()["deleted_events"] == ["ev-d2"]
    assert loaded.delete("/api/articles/d1", headers=headers).json()["deleted_events"] == []
    assert loaded.delete("/api/articles/nope", headers=headers).status_code == 404
    deletions = loaded.get("/api/deletions").json()
    assert [d["event_id"] for d in deletions] == ["ev-d2"]
    later = loaded.get("/api/deletions", params={"since": deletions[0]["deleted_at"] + "z"}).json()
    assert later == []


def test_cors_is_off_by_default_and_on_when_configured(store):
    origin = {"Origin": "https://elsewhere.example"}
    closed = TestClient(create_app(store)).get("/api/stats", headers=origin)
    assert "access-control-allow-origin" not in closed.headers
    opened = TestClient(create_app(store, ApiSettings(cors_origins=("https://elsewhere.example",))))
    assert opened.get("/api/stats", headers=origin).headers["access-control-allow-origin"] == \
        "https://elsewhere.example"


def test_near_pages_are_full_and_the_cursor_walks_past_far_events(store):
    corner = (QAIM[0] + 0.33, QAIM[1] + 0.40)   # inside the 40 km bounding box, about 52 km away
    for n in range(6):   # alternate corner and near (Al Qaim) events on distinct days
        place, where = ("Al Qaim", QAIM) if n % 2 else ("Corner", corner)
        store.save_document(_report(f"n{n}", f"https://o{n}.example/x", place, where, f"2024-07-{10 + 3 * n:02d}"))
    client = TestClient(create_app(store))
    seen, cursor = [], None
    while True:
        params = {"near": f"{QAIM[0]},{QAIM[1]}", "radius_km": 40, "limit": 1, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        assert len(page["features"]) <= 1
        seen += [f["id"] for f in page["features"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ["ev-n5", "ev-n3", "ev-n1"]
