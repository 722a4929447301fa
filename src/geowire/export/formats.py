"""The exporters, found through the registry: each turns a list of stored-event dicts into one document."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from geowire.export.table import CSV_COLUMNS, csv_safe, flat_row
from geowire.registry import registry

Exporter = Callable[[list[dict[str, Any]]], str]

MEDIA_TYPES = {
    "jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
    "kml": "application/vnd.google-earth.kml+xml", "stix": "application/stix+json;version=2.1",
    "gdelt": "text/tab-separated-values; charset=utf-8", "acled": "text/csv; charset=utf-8",
}
EXPORT_FORMATS = tuple(MEDIA_TYPES)
NEEDS_MENTIONS = frozenset({"stix", "acled"})   # formats that carry every source and its evidence


def to_jsonl(events: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)


def to_csv(events: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({k: csv_safe(v) for k, v in flat_row(event).items()})
    return buffer.getvalue()


def to_geojson(events: list[dict[str, Any]]) -> str:
    """RFC 7946 FeatureCollection; events without coordinates get a null geometry."""
    features = []
    for event in events:
        row = flat_row(event)
        geometry = None
        if row["lat"] is not None and row["lon"] is not None:
            geometry = {"type": "Point", "coordinates": [round(row["lon"], 6), round(row["lat"], 6)]}
        # the flat columns, and the lists no column can hold: every stated count, every sentence reporting it
        properties = dict(row, quantities=event.get("quantities") or [],
                          evidence_mentions=event.get("evidence_mentions") or [])
        features.append({"type": "Feature", "id": row["id"], "geometry": geometry, "properties": properties})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


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


@registry.factory("exporters", "kml")
def make_kml_exporter() -> Exporter:
    """KML 2.2 placemarks for Google Earth (placed events only), details in ExtendedData."""
    from geowire.export.kml import to_kml

    return to_kml


@registry.factory("exporters", "stix")
def make_stix_exporter() -> Exporter:
    """A STIX 2.1 bundle: report, location, identity/threat-actor, relationships, evidence note, opinion."""
    from geowire.export.stix import to_stix

    return to_stix


@registry.factory("exporters", "gdelt")
def make_gdelt_exporter() -> Exporter:
    """A GDELT 2.0 Events-like TSV (a documented subset of columns, CAMEO roots from PLOVER)."""
    from geowire.export.gdelt import to_gdelt

    return to_gdelt


@registry.factory("exporters", "acled")
def make_acled_exporter() -> Exporter:
    """An ACLED-like CSV: event and sub-event type, actors, inter codes, precisions, notes with evidence."""
    from geowire.export.acled import to_acled

    return to_acled


def export(events: list[dict[str, Any]], fmt: str) -> str:
    return registry.create("exporters", fmt)(events)
