"""Flat rows of events, shared by the tabular exporters."""

from __future__ import annotations

from typing import Any

from geowire.dates import day_span

CSV_COLUMNS = (
    "id", "type", "mode", "date", "source", "source_country", "source_sector", "target", "target_country",
    "target_sector", "location", "lat", "lon", "geonameid", "precision", "attribution", "certainty", "confidence",
    "n_sources", "n_articles", "article_id", "article_title", "article_url", "date_start", "date_end",
    # added with the extended event contract, at the end so that older readers keep their positions
    "attribution_kind", "modality", "killed", "injured", "arrested",
)
COUNTED_KINDS = ("killed", "injured", "arrested")      # the quantities that get a column of their own


def date_span(event: dict[str, Any]) -> tuple[str, str] | None:
    """The first and last day (YYYY-MM-DD) an event's date covers; None when it has none.

    Formats that need a day ("2019-W39" is not one) take the first; the store keeps both.
    """
    date = event.get("date") or {}
    if date.get("start") and date.get("end"):
        return date["start"], date["end"]
    return day_span(date.get("value"))


def stated_count(event: dict[str, Any], kind: str) -> int | None:
    """The count of ``kind`` the event's clause states: the exact figure, else the lower bound ("at least 12"
    is 12); the largest when several are given ("12 killed ... the toll rose to 15"); None when none is."""
    counts = [q["value"] if q.get("value") is not None else q.get("min")
              for q in event.get("quantities") or [] if q.get("kind") == kind]
    counts = [c for c in counts if c is not None]
    return max(counts) if counts else None


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as flat columns (for CSV, KML and GeoJSON properties)."""
    source, target = event.get("source") or {}, event.get("target") or {}
    location, date = event.get("location") or {}, event.get("date") or {}
    article, attribution = event.get("article") or {}, event.get("attribution") or {}
    span = date_span(event) or (None, None)
    return {
        "id": event["id"], "type": event["type"], "mode": event.get("mode"), "date": date.get("value"),
        "source": source.get("text"), "source_country": source.get("country"), "source_sector": source.get("sector"),
        "target": target.get("text"), "target_country": target.get("country"), "target_sector": target.get("sector"),
        "location": location.get("name"), "lat": location.get("lat"), "lon": location.get("lon"),
        "geonameid": location.get("geonameid"), "precision": event.get("precision"),
        "attribution": attribution.get("name"), "certainty": event.get("certainty"),
        "confidence": event.get("confidence"), "n_sources": event.get("n_sources"),
        "n_articles": event.get("n_articles"), "article_id": article.get("id"),
        "article_title": article.get("title"), "article_url": article.get("url"),
        "date_start": span[0], "date_end": span[1],
        "attribution_kind": attribution.get("kind"), "modality": event.get("modality"),
        **{kind: stated_count(event, kind) for kind in COUNTED_KINDS},
    }


def csv_safe(value: Any) -> Any:
    # a cell starting with = + - @ is run as a formula by spreadsheets; article text is untrusted
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
