"""When are two coded mentions the same real-world event?

Same PLOVER type; no actor whose country contradicts the other's; places within a distance
that grows as the place gets vaguer (a town is a point, a province is not), or, when one of
them has no place, a shared named actor; dates within a short window, or one date inside
the other's span ("2024-05" holds "2024-05-03"). Undated mentions never merge. Pure
functions over plain dicts with the store's column names, so the rules are testable alone.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

DATE_WINDOW_DAYS = 2
RADIUS_KM = {"point": 15.0, "city": 30.0, "admin2": 80.0, "admin1": 250.0, "region": 600.0}
UNKNOWN_PRECISION_KM = 30.0
CERTAINTY_RANK = {"asserted": 4, "reported": 3, "hedged": 2, "speculative": 1, "negated": 0}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


def parse_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_window(value: str | None) -> tuple[str, str] | None:
    """The date_value range (as strings) whose events may match a mention dated ``value``."""
    if not value:
        return None
    day = parse_day(value)
    if day is None:
        return value, value + "\uffff"
    return ((day - timedelta(days=DATE_WINDOW_DAYS)).isoformat(),
            (day + timedelta(days=DATE_WINDOW_DAYS)).isoformat() + "\uffff")


def dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False      # an undated mention is too vague to fold into anything
    day_a, day_b = parse_day(a), parse_day(b)
    if day_a and day_b:
        return abs((day_a - day_b).days) <= DATE_WINDOW_DAYS
    return a.startswith(b) or b.startswith(a)


def actors_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    for role in ("source", "target"):
        ca, cb = a.get(f"{role}_country"), b.get(f"{role}_country")
        if ca and cb and ca != cb:
            return False
    return True


def _share_known_actor(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return any(a.get(f"{role}_country") and a.get(f"{role}_country") == b.get(f"{role}_country")
               for role in ("source", "target"))


def is_placed(row: dict[str, Any]) -> bool:
    return row.get("lat") is not None and row.get("location_basis") != "document_focus"


def place_distance(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Distance in km when both are placed and close enough to be one event, else None (or inf if too far).

    A place inferred from the article's focus is not the event's own place, so it counts as none.
    """
    if not is_placed(a) or not is_placed(b):
        return None
    precisions = (a.get("location_precision"), b.get("location_precision"))
    if "country" in precisions:
        same = a.get("location_country") and a.get("location_country") == b.get("location_country")
        return 0.0 if same else math.inf
    distance = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
    limit = max(RADIUS_KM.get(p or "", UNKNOWN_PRECISION_KM) for p in precisions)
    return distance if distance <= limit else math.inf


def match_score(mention: dict[str, Any], event: dict[str, Any]) -> float | None:
    """Lower is a better match; None when the two cannot be one event."""
    if mention["type"] != event["type"]:
        return None
    if not dates_compatible(mention.get("date_value"), event.get("date_value")):
        return None
    if not actors_compatible(mention, event):
        return None
    distance = place_distance(mention, event)
    if distance == math.inf:
        return None
    if distance is None:
        # without two places to compare, only a shared named actor can tie the reports together
        if not _share_known_actor(mention, event):
            return None
        distance = UNKNOWN_PRECISION_KM
    day_a, day_b = parse_day(mention.get("date_value")), parse_day(event.get("date_value"))
    days = abs((day_a - day_b).days) if day_a and day_b else 1
    return (distance or 0.0) + 10.0 * days


def best_match(mention: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    scored = [(score, event["id"], event) for event in candidates
              if (score := match_score(mention, event)) is not None]
    return min(scored, key=lambda item: (item[0], item[1]))[2] if scored else None


def representative(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The mention that speaks for the event: most certain, then most confident, then earliest id."""
    return min(mentions, key=lambda m: (-CERTAINTY_RANK.get(m["certainty"], 0), -m["confidence"], m["id"]))


def combined_confidence(mentions: list[dict[str, Any]], sources: int) -> float:
    """Independent outlets raise confidence; repeats by one outlet do not."""
    best = max(m["confidence"] for m in mentions)
    return round(min(0.99, 1 - (1 - best) * (0.7 ** max(0, sources - 1))), 4)
