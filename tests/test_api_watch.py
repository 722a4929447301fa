"""The API's side of issue 10: watchlists (token-guarded) and URL ingest in the background, against a loopback
server (no network)."""

import pytest
from fastapi.testclient import TestClient
from loopback import Loopback, page
from test_runner import _pipeline

from geowire.api.app import ApiSettings, create_app
from geowire.runner import IngestRunner

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.fixture
def server():
    srv = Loopback()
    for n in range(3):
        srv.route(f"/story/{n}", body=page(f"Story {n}", f"Story number {n}: protesters marched in Basra."))
    yield srv
    srv.close()


def _client(store, allow_private: bool) -> TestClient:
    settings = ApiSettings(token="s3cret", allow_private_urls=allow_private)
    return TestClient(create_app(store, settings, runner_factory=lambda s: IngestRunner(s, _pipeline())))


def test_watchlists_through_the_api(store):
    client = _client(store, False)
    body = {"name": "border", "to": "https://hooks.example/alerts", "bbox": [40.5, 34.0, 41.5, 34.8],
            "types": ["assault"], "min_sources": 2}
    assert client.post("/api/watchlists", json=body).status_code == 401
    assert client.get("/api/watchlists").status_code == 401
    created = client.post("/api/watchlists", json=body, headers=AUTH)
    assert created.status_code == 200 and created.json()["spec"]["types"] == ["ASSAULT"]
    assert client.post("/api/watchlists", json=body, headers=AUTH).status_code == 422     # the name is taken
    bad_target = client.post("/api/watchlists", json={**body, "name": "x", "to": "ftp://x"}, headers=AUTH)
    assert bad_target.status_code == 422 and "alert target" in bad_target.json()["title"]
    no_area = client.post("/api/watchlists", json={"name": "y", "to": "-"}, headers=AUTH)
    assert no_area.status_code == 422 and "exactly one area" in no_area.json()["title"]
    polygon = {"type": "Polygon", "coordinates": [[[40, 34], [42, 34], [42, 35], [40, 34]]]}
    assert client.post("/api/watchlists", json={"name": "poly", "to": "a.jsonl", "geojson": polygon},
                       headers=AUTH).status_code == 200
    assert [w["name"] for w in client.get("/api/watchlists", headers=AUTH).json()] == ["border", "poly"]
    assert client.delete("/api/watchlists/border", headers=AUTH).json() == {"removed": "border"}
    assert client.delete("/api/watchlists/border", headers=AUTH).status_code == 404


def test_urls_are_fetched_in_the_background(store, server):
    client = _client(store, True)
    urls = [f"{server.url}/story/{n}" for n in range(3)] + ["http://169.254.169.254/latest/meta-data/"]
    response = client.post("/api/ingest", json={"documents": [{"id": "inline", "text": "Protesters marched."}],
                                                "urls": urls}, headers=AUTH)
    assert response.status_code == 200 and response.json()["stored"] == 1
    job = client.get(f"/api/ingest/{response.json()['urls_job']}", headers=AUTH).json()
    assert job["status"] == "done" and job["urls"] == 4
    assert job["summary"]["stored"] == 3 and job["summary"]["quarantined"] == 1
    assert all(server.hits[f"/story/{n}"] == 1 for n in range(3))
    assert client.get("/api/ingest/nope", headers=AUTH).status_code == 404
