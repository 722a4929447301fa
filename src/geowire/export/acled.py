"""An ACLED-like CSV: ACLED's column names and codes where geowire has the information."""

from __future__ import annotations

import csv
import io
from typing import Any

from geowire.export.codes import acled_inter, acled_type, geo_precision, time_precision
from geowire.export.table import csv_safe, date_span, stated_count

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}


def to_acled(events: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        row = _row(event)
        if row is not None:
            writer.writerow({k: csv_safe(v) for k, v in row.items()})
    return buffer.getvalue()


def _row(event: dict[str, Any]) -> dict[str, Any] | None:
    source, target = event.get("source") or {}, event.get("target") or {}
    kind = acled_type(event["type"], event.get("mode"), target.get("sector"))
    if kind is None:
        return None
    location, date = event.get("location") or {}, (event.get("date") or {}).get("value") or ""
    day = (date_span(event) or ("",))[0]
    inter1 = acled_inter(source.get("sector"), event["type"])
    inter2 = acled_inter(target.get("sector"), event["type"])
    evidence = " | ".join(m.get("evidence_text", "") for m in event.get("mentions", []) if m.get("active", True))
    return {
        "event_id_cnty": event["id"], "event_date": day, "year": day[:4], "time_precision": time_precision(date),
        "disorder_type": DISORDER[kind[0]], "event_type": kind[0], "sub_event_type": kind[1],
        "actor1": _actor(source), "assoc_actor_1": "", "inter1": inter1, "actor2": _actor(target),
        "assoc_actor_2": "", "inter2": inter2, "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}"),
        "civilian_targeting": "Civilian targeting" if kind[0] == "Violence against civilians" else "",
        "iso": "", "country": event.get("location_country") or "", "admin1": "", "location": location.get("name") or "",
        "latitude": location.get("lat") or "", "longitude": location.get("lon") or "",
        "geo_precision": geo_precision(event.get("precision")),
        "source": "; ".join(event.get("sources") or []) or (event.get("article") or {}).get("url") or "",
        "source_scale": "", "notes": evidence, "fatalities": stated_count(event, "killed") or 0,
        "tags": f"certainty={event.get('certainty')}",
        "timestamp": "",
    }


def _actor(arg: dict[str, Any]) -> str:
    if not arg:
        return ""
    code = " ".join(x for x in (arg.get("country"), arg.get("sector")) if x)
    return f"{arg.get('text')} ({code})" if code else arg.get("text") or ""
