"""Event exporters: each turns a list of stored-event dicts into one text document."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from geowire.registry import registry

Exporter = Callable[[list[dict[str, Any]]], str]

CSV_COLUMNS = (
    "id", "type", "mode", "date", "source", "source_country", "source_sector", "target", "target_country",
    "target_sector", "location", "lat", "lon", "geonameid", "attribution", "certainty", "confidence",
    "article_id", "article_title", "article_url",
)


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as flat columns (for CSV and GeoJSON properties)."""
    source, target = event.get("source") or {}, event.get("target") or {}
    location, date = event.get("location") or {}, event.get("date") or {}
    article, attribution = event.get("article") or {}, event.get("attribution") or {}
    return {
        "id": event["id"], "type": event["type"], "mode": event.get("mode"), "date": date.get("value"),
        "source": source.get("text"), "source_country": source.get("country"), "source_sector": source.get("sector"),
        "target": target.get("text"), "target_country": target.get("country"), "target_sector": target.get("sector"),
        "location": location.get("name"), "lat": location.get("lat"), "lon": location.get("lon"),
        "geonameid": location.get("geonameid"), "attribution": attribution.get("name"),
        "certainty": event.get("certainty"), "confidence": event.get("confidence"),
        "article_id": article.get("id"), "article_title": article.get("title"), "article_url": article.get("url"),
    }


def to_jsonl(events: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)


def to_csv(events: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({k: _csv_safe(v) for k, v in flat_row(event).items()})
    return buffer.getvalue()


def to_geojson(events: list[dict[str, Any]]) -> str:
    """RFC 7946 FeatureCollection; events without coordinates get a null geometry."""
    features = []
    for event in events:
        row = flat_row(event)
        geometry = None
        if row["lat"] is not None and row["lon"] is not None:
            geometry = {"type": "Point", "coordinates": [round(row["lon"], 6), round(row["lat"], 6)]}
        features.append({"type": "Feature", "id": row["id"], "geometry": geometry, "properties": row})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def _csv_safe(value: Any) -> Any:
    # a cell starting with = + - @ is run as a formula by spreadsheets; article text is untrusted
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@registry.factory("exporters", "jsonl")
def make_jsonl_exporter() -> Exporter:
    """One event object per line, in the stored-event shape."""
    return to_jsonl


@registry.factory("exporters", "csv")
def make_csv_exporter() -> Exporter:
    """Flat CSV with a header row; cells that a spreadsheet would run as formulas are quoted."""
    return to_csv


@registry.factory("exporters", "geojson")
def make_geojson_exporter() -> Exporter:
    """An RFC 7946 FeatureCollection of points (lon, lat), properties flat."""
    return to_geojson


EXPORT_FORMATS = ("jsonl", "csv", "geojson")


def export(events: list[dict[str, Any]], fmt: str) -> str:
    return registry.create("exporters", fmt)(events)
