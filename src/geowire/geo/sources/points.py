"""Points derived for areas no package gives a point for: from member cities (a box midpoint, a hull
centroid) and from parts (a spherical mean)."""

from __future__ import annotations

import math
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



# the grid over a country's land on which its provinces are drawn (degrees), and the fewest cells a
# province must hold for its drawn area to stand for it (a city-state of a cell or two keeps its hull)
PARTITION_STEP = 0.1
PARTITION_MIN_CELLS = 4


def partition_points(polygons: tuple, towns: list[tuple[float, float, int]]) -> dict[int, tuple[float, float]]:
    """Each area's point from the land its towns are nearest to: every cell of a grid over the
    country's polygons goes to the area of its nearest town, and an area's point is the true-area mean
    of its cells. Towns crowd a province's south or coast (Ontario, Queensland, Alaska), so their hull
    leaves out the empty land that the province's gazetteer point sits in the middle of; the nearest
    town still claims that land. ``towns``: (lat, lon, area id); answers only areas of enough cells."""
    import numpy as np
    import shapely

    if not polygons or not towns:
        return {}
    land = shapely.union_all(polygons)
    shapely.prepare(land)
    west, south, east, north = land.bounds
    lons, lats = np.meshgrid(_grid(west, east), _grid(south, north))
    inside = shapely.contains_xy(land, lons.ravel(), lats.ravel())
    lons, lats = lons.ravel()[inside], lats.ravel()[inside]
    if not len(lons):
        return {}
    town_lats = np.array([t[0] for t in towns])
    town_lons = np.array([t[1] for t in towns])
    areas = np.array([t[2] for t in towns])
    # nearness on a sinusoidal projection about the country's middle: degrees of longitude shrink north
    middle = float(land.centroid.x)
    tree = shapely.STRtree(shapely.points(*_sinusoidal(town_lons, town_lats, middle)))
    cells, nearest = tree.query_nearest(shapely.points(*_sinusoidal(lons, lats, middle)), all_matches=False)
    owner = np.empty(len(lons), dtype=areas.dtype)
    owner[cells] = areas[nearest]
    return _area_means(owner, lats, lons)


def _grid(low: float, high: float) -> object:
    import numpy as np

    start = np.floor(low / PARTITION_STEP) * PARTITION_STEP + PARTITION_STEP / 2
    return np.arange(start, high, PARTITION_STEP)


def _sinusoidal(lons, lats, middle: float) -> tuple:
    import numpy as np

    return ((lons - middle + 180) % 360 - 180) * np.cos(np.radians(lats)), lats


def _area_means(owner, lats, lons) -> dict[int, tuple[float, float]]:
    """The mean on the sphere of each owner's cells, each weighed by its area (cos latitude)."""
    import numpy as np

    la, lo = np.radians(lats), np.radians(lons)
    weight = np.cos(la)
    areas, index = np.unique(owner, return_inverse=True)
    counts = np.bincount(index, minlength=len(areas))
    x = np.bincount(index, weight * np.cos(la) * np.cos(lo), len(areas))
    y = np.bincount(index, weight * np.cos(la) * np.sin(lo), len(areas))
    z = np.bincount(index, weight * np.sin(la), len(areas))
    points = {}
    for i, area in enumerate(areas):
        if counts[i] >= PARTITION_MIN_CELLS:
            points[int(area)] = (math.degrees(math.atan2(z[i], math.hypot(x[i], y[i]))),
                                 math.degrees(math.atan2(y[i], x[i])))
    return points


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
