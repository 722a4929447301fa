"""A watchlist: an area (a bounding box, a circle around a point, or GeoJSON polygons) and optional event types,
actors, certainties and thresholds. An event matches when it lies in the area and passes every filter given."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from geowire.geodesy import haversine_km
from geowire.model import CERTAINTIES, PLOVER_TYPES

Ring = list[tuple[float, float]]


class WatchlistError(ValueError):
    pass


@dataclass
class Watchlist:
    bbox: tuple[float, float, float, float] | None = None        # min lon, min lat, max lon, max lat
    near: tuple[float, float, float] | None = None               # lat, lon, radius in km
    polygons: list[list[Ring]] | None = None                     # each: outer ring, then holes; (lon, lat) pairs
    types: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)              # a country code or a name (part of the text)
    certainty: list[str] = field(default_factory=list)
    min_confidence: float | None = None
    min_sources: int | None = None

    def __post_init__(self) -> None:
        areas = sum(x is not None for x in (self.bbox, self.near, self.polygons))
        if areas != 1:
            raise WatchlistError("a watchlist needs exactly one area: a bbox, a point and radius, or GeoJSON")
        if self.bbox is not None:
            west, south, east, north = self.bbox = tuple(float(v) for v in self.bbox)
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise WatchlistError("bbox must be MINLON,MINLAT,MAXLON,MAXLAT within the globe")
        if self.near is not None:
            lat, lon, radius = self.near = tuple(float(v) for v in self.near)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and radius > 0):
                raise WatchlistError("near needs a point on the globe and a positive radius")
        self.types = [t.upper() for t in self.types]
        unknown = [t for t in self.types if t not in PLOVER_TYPES]
        if unknown:
            raise WatchlistError(f"unknown event types {unknown}; expected PLOVER types {list(PLOVER_TYPES)}")
        self.certainty = [c.lower() for c in self.certainty]
        if any(c not in CERTAINTIES for c in self.certainty):
            raise WatchlistError(f"certainty must be among {list(CERTAINTIES)}")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise WatchlistError("min_confidence must lie between 0 and 1")

    # --- (de)serialising ---------------------------------------------------------------------------------------

    def to_spec(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [])}

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Watchlist:
        allowed = set(cls.__dataclass_fields__)
        unknown = set(spec) - allowed
        if unknown:
            raise WatchlistError(f"unknown watchlist keys {sorted(unknown)}; allowed: {sorted(allowed)}")
        data = dict(spec)
        if data.get("polygons") is not None:
            data["polygons"] = [[[tuple(p) for p in ring] for ring in polygon] for polygon in data["polygons"]]
        return cls(**data)

    # --- matching ------------------------------------------------------------------------------------------

    def matches(self, event: dict[str, Any]) -> bool:
        location = event.get("location") or {}
        lat, lon = location.get("lat"), location.get("lon")
        if lat is None or lon is None or not self._in_area(lat, lon):
            return False
        if self.types and event.get("type") not in self.types:
            return False
        if self.certainty and event.get("certainty") not in self.certainty:
            return False
        if self.min_confidence is not None and (event.get("confidence") or 0) < self.min_confidence:
            return False
        if self.min_sources is not None and (event.get("n_sources") or 1) < self.min_sources:
            return False
        return not self.actors or any(_actor_matches(wanted, event) for wanted in self.actors)

    def _in_area(self, lat: float, lon: float) -> bool:
        if self.bbox is not None:
            west, south, east, north = self.bbox
            within_lon = west <= lon <= east if west <= east else (lon >= west or lon <= east)   # across 180°
            return south <= lat <= north and within_lon
        if self.near is not None:
            return haversine_km(self.near[0], self.near[1], lat, lon) <= self.near[2]
        return any(_in_polygon(lon, lat, polygon) for polygon in self.polygons or [])


def _actor_matches(wanted: str, event: dict[str, Any]) -> bool:
    needle = wanted.strip().casefold()
    for role in ("source", "target"):
        arg = event.get(role) or {}
        if (arg.get("country") or "").casefold() == needle or needle in (arg.get("text") or "").casefold():
            return True
    return False


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _in_polygon(x: float, y: float, polygon: list[Ring]) -> bool:
    return bool(polygon) and _in_ring(x, y, polygon[0]) and not any(_in_ring(x, y, hole) for hole in polygon[1:])


def polygons_from_geojson(data: Any) -> list[list[Ring]]:
    """Every Polygon and MultiPolygon in a GeoJSON geometry, Feature or FeatureCollection."""
    if isinstance(data, (str, Path)):
        try:
            data = json.loads(Path(data).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise WatchlistError(f"cannot read GeoJSON: {exc}") from None
    found: list[list[Ring]] = []

    def walk(node: Any) -> None:
        if not isinstance(node, dict):
            return
        kind = node.get("type")
        if kind == "FeatureCollection":
            for feature in node.get("features") or []:
                walk(feature)
        elif kind == "Feature":
            walk(node.get("geometry"))
        elif kind == "GeometryCollection":
            for geometry in node.get("geometries") or []:
                walk(geometry)
        elif kind == "Polygon":
            found.append(_rings(node.get("coordinates")))
        elif kind == "MultiPolygon":
            found.extend(_rings(p) for p in node.get("coordinates") or [])

    walk(data)
    if not found:
        raise WatchlistError("the GeoJSON holds no Polygon or MultiPolygon")
    return found


def _rings(coordinates: Any) -> list[Ring]:
    try:
        return [[(float(p[0]), float(p[1])) for p in ring] for ring in coordinates]
    except (TypeError, ValueError, IndexError):
        raise WatchlistError("a polygon's coordinates must be lists of [lon, lat]") from None
