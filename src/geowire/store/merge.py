"""When are two coded mentions the same real-world event?

Same PLOVER type; no actor whose country contradicts the other's; places within a distance
that grows as the place gets vaguer (a town is a point, a province is not), or, when one of
them has no place, a shared named actor; dates within a short window, or one date inside
the other's span when that span is at most a month ("2024-05" holds "2024-05-03", "2024-W19"
holds "2024-05-07"; "2024" holds nothing but "2024"). Undated mentions never merge. Pure
functions over plain dicts with the store's column names, so the rules are testable alone.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from geowire.dates import span_of_value, value_holding
from geowire.geodesy import haversine_km

DATE_WINDOW_DAYS = 2
# a vague date holds a precise one only while it is this short: sharing type and place within a week or a
# month still says "the same event", within a year it does not
MAX_HOLDING_DAYS = 31
RADIUS_KM = {"point": 15.0, "city": 30.0, "admin2": 80.0, "admin1": 250.0, "region": 600.0}
UNKNOWN_PRECISION_KM = 30.0
CERTAINTY_RANK = {"asserted": 4, "reported": 3, "hedged": 2, "speculative": 1, "negated": 0}


def parse_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def short_span(value: str | None) -> tuple[date, date] | None:
    """The days a date value covers when they are few enough to hold another date; None otherwise."""
    span = span_of_value(value)
    return span if span is not None and (span[1] - span[0]).days < MAX_HOLDING_DAYS else None


def date_candidates(value: str | None) -> tuple[tuple[str, str] | None, tuple[str, ...]]:
    """Where to look for events a mention dated ``value`` may join, as two index lookups: a range of
    first days (days near a day, or anything starting inside a week or month) and the short values
    that could hold it (its week, weekend and month). A vague value ("2024", "2024-Q2") only looks
    for itself."""
    span = short_span(value)
    if span is None:
        return None, (value,) if value else ()
    first, last = span
    if first == last:
        first, last = first - timedelta(days=DATE_WINDOW_DAYS), last + timedelta(days=DATE_WINDOW_DAYS)
    holders = tuple(v for v in _holding_values(*span) if v != value)
    return (first.isoformat(), last.isoformat()), holders


def _holding_values(first: date, last: date) -> list[str]:
    """The week, weekend and month values whose span holds [first, last]."""
    values = []
    for grain in ("week", "weekend", "month"):
        holder = value_holding(first, grain)
        holder_span = span_of_value(holder)
        if holder_span and _holds(holder_span, (first, last)):
            values.append(holder)
    return values


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Two days a short window apart, or a short span holding the other date ("2024-W19" holds
    "2024-05-07"); vaguer dates ("2024", "2024-Q2") only match the very same value."""
    if not a or not b:
        return False      # an undated mention is too vague to fold into anything
    if a == b:
        return True
    span_a, span_b = short_span(a), short_span(b)
    if span_a is None or span_b is None:
        return False
    if span_a[0] == span_a[1] and span_b[0] == span_b[1]:
        return abs((span_a[0] - span_b[0]).days) <= DATE_WINDOW_DAYS
    return _holds(span_a, span_b) or _holds(span_b, span_a)


def _holds(outer: tuple[date, date], inner: tuple[date, date]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


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
