"""Watchlists: areas (bbox, circle, GeoJSON polygons with holes), filters, and the spec stored for them."""

import json

import pytest

from geowire.alerts.targets import target_kind
from geowire.alerts.watchlist import Watchlist, WatchlistError, polygons_from_geojson
from geowire.registry import registry


def _event(lat=34.37, lon=41.09, type="ASSAULT", certainty="asserted", confidence=0.8, n_sources=1,
           source=("Iraqi forces", "IRQ"), target=("Islamic State", "ISL")):
    return {"id": "e1", "type": type, "certainty": certainty, "confidence": confidence, "n_sources": n_sources,
            "location": {"lat": lat, "lon": lon}, "source": {"text": source[0], "country": source[1]},
            "target": {"text": target[0], "country": target[1]}}


def test_bbox_and_filters():
    watchlist = Watchlist(bbox=(40.5, 34.0, 41.5, 34.8), types=["assault"], actors=["irq"],
                          certainty=["asserted", "reported"], min_confidence=0.5, min_sources=1)
    assert watchlist.matches(_event())
    assert not watchlist.matches(_event(lat=36.3, lon=43.1))            # Mosul: outside the box
    assert not watchlist.matches(_event(type="PROTEST"))
    assert not watchlist.matches(_event(certainty="hedged"))
    assert not watchlist.matches(_event(confidence=0.3))
    assert not watchlist.matches(_event(source=("Syrian army", "SYR"), target=("rebels", None)))
    assert Watchlist(bbox=(40.5, 34.0, 41.5, 34.8), actors=["islamic state"]).matches(_event())
    assert not Watchlist(bbox=(40.5, 34.0, 41.5, 34.8), min_sources=2).matches(_event())
    assert not watchlist.matches({**_event(), "location": None})


def test_a_box_across_the_antimeridian():
    pacific = Watchlist(bbox=(170.0, -20.0, -170.0, 0.0))
    assert pacific.matches(_event(lat=-10, lon=179.5)) and pacific.matches(_event(lat=-10, lon=-175))
    assert not pacific.matches(_event(lat=-10, lon=0))


def test_circle_around_a_point():
    watchlist = Watchlist(near=(34.37, 41.09, 30.0))
    assert watchlist.matches(_event(lat=34.45, lon=40.92))               # Abu Kamal, about 18 km
    assert not watchlist.matches(_event(lat=34.9, lon=41.09))            # about 59 km north


def test_geojson_polygons_with_a_hole(tmp_path):
    square = [[40, 34], [42, 34], [42, 35], [40, 35], [40, 34]]
    hole = [[40.9, 34.3], [41.2, 34.3], [41.2, 34.5], [40.9, 34.5], [40.9, 34.3]]
    path = tmp_path / "area.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [square, hole]}},
        {"type": "Feature", "properties": {},
         "geometry": {"type": "MultiPolygon", "coordinates": [[[[10, 10], [11, 10], [11, 11], [10, 10]]]]}}]}))
    watchlist = Watchlist(polygons=polygons_from_geojson(path))
    assert watchlist.matches(_event(lat=34.8, lon=40.5))
    assert not watchlist.matches(_event(lat=34.37, lon=41.09)), "inside the hole"
    assert watchlist.matches(_event(lat=10.2, lon=10.8))
    restored = Watchlist.from_spec(json.loads(json.dumps(watchlist.to_spec())))
    assert restored.matches(_event(lat=34.8, lon=40.5)) and not restored.matches(_event())
    with pytest.raises(WatchlistError, match="no Polygon"):
        polygons_from_geojson({"type": "Point", "coordinates": [1, 2]})


@pytest.mark.parametrize("spec, message", [
    ({}, "exactly one area"),
    ({"bbox": (1, 2, 3, 4), "near": (1, 2, 3)}, "exactly one area"),
    ({"bbox": (1, 95, 3, 96)}, "within the globe"),
    ({"bbox": (1, 2, 3, 4), "types": ["RIOT"]}, "unknown event types"),
    ({"bbox": (1, 2, 3, 4), "certainty": ["sure"]}, "certainty"),
    ({"near": (1, 2, 0)}, "positive radius"),
    ({"bbox": (1, 2, 3, 4), "colour": "red"}, "unknown watchlist keys"),
])
def test_bad_watchlists_are_refused(spec, message):
    with pytest.raises(WatchlistError, match=message):
        Watchlist.from_spec(spec)


def test_targets_by_destination(tmp_path, capsys):
    assert target_kind("-") == "stdout" and target_kind("https://hooks.example/x") == "webhook"
    assert target_kind(str(tmp_path / "alerts.jsonl")) == "jsonl"
    with pytest.raises(ValueError):
        target_kind("alerts.txt")
    path = tmp_path / "alerts.jsonl"
    registry.create("alert_targets", "jsonl")(str(path), {"n": 1})
    registry.create("alert_targets", "jsonl")(str(path), {"n": 2})
    assert [json.loads(x)["n"] for x in path.read_text().splitlines()] == [1, 2]
    registry.create("alert_targets", "stdout")("-", {"n": 3})
    assert json.loads(capsys.readouterr().out) == {"n": 3}


def test_a_webhook_to_an_internal_address_is_refused_for_good():
    from geowire.alerts.targets import DeliveryError

    webhook = registry.create("alert_targets", "webhook", {"retries": 0})
    with pytest.raises(DeliveryError, match="non-public") as caught:
        webhook("http://127.0.0.1:9/hook", {"n": 1})
    assert caught.value.permanent
