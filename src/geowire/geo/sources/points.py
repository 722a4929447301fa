"""Points derived for areas no package gives a point for: from member cities (a box midpoint, a hull
centroid) and from parts (a spherical mean)."""

from __future__ import annotations

import statistics


def derived_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A representative point for an area from its member cities.

    The midpoint of the 2nd–98th percentile box is used rather than the mean because
    cities cluster (coasts, capitals) and the mean follows them; the box midpoint sits
    nearer the middle of the area, which is what gazetteer area points denote. (On
    eight US states with known GeoNames points the trimmed box was within 75 km
    median, the mean 114 km.)
    """
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    trim = int(len(points) * 0.02)
    low, high = trim, len(points) - 1 - trim
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


# the share of a province's towns trimmed from each edge before its hull is taken (at least one):
# enough to drop a stray far-off town, little enough that the thinly settled north of Ontario or
# the outback of New South Wales still counts. Grid 0 / 0.25 / 0.5 / 1 / 2 % on both sets (docs/geo.md).
HULL_TRIM = 0.005


def hull_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centroid of the convex hull of the member cities, the outermost ``HULL_TRIM`` share
    (at least one town) on each side of their box left out."""
    from shapely.geometry import MultiPoint

    if len(points) < 5:
        return derived_point(points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    trim = max(1, int(len(points) * HULL_TRIM))
    lat_lo, lat_hi, lon_lo, lon_hi = lats[trim], lats[-1 - trim], lons[trim], lons[-1 - trim]
    inside = [(lon, lat) for lat, lon in points if lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi]
    hull = MultiPoint(inside).convex_hull
    if hull.geom_type != "Polygon":
        return derived_point(points)
    return hull.centroid.y, hull.centroid.x



def spherical_mean(points: list[tuple[float, float]], weights: list[float]) -> tuple[float, float]:
    """The weighted mean of (lat, lon) points on the sphere (safe across the antimeridian)."""
    import math

    x = y = z = 0.0
    for (lat, lon), weight in zip(points, weights, strict=True):
        la, lo = math.radians(lat), math.radians(lon)
        x += weight * math.cos(la) * math.cos(lo)
        y += weight * math.cos(la) * math.sin(lo)
        z += weight * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))
