"""A GDELT 2.0 Events-like TSV: a documented subset of GDELT's columns (docs/exports.md)."""

from __future__ import annotations

import csv
import io
import zlib
from typing import Any

from geowire.export.codes import QUAD_CLASS, cameo_root, gdelt_geo_type
from geowire.export.table import date_span

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor2Name",
    "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
    "QuadClass", "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    "PLOVER_Type", "PLOVER_Mode", "Certainty",
)


def to_gdelt(events: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(GDELT_COLUMNS)
    for event in events:
        writer.writerow(_row(event))
    return buffer.getvalue()


def _row(event: dict[str, Any]) -> list[Any]:
    source, target = event.get("source") or {}, event.get("target") or {}
    location, article = event.get("location") or {}, event.get("article") or {}
    root = cameo_root(event["type"], event.get("mode"))
    date = (date_span(event) or ("",))[0].replace("-", "")
    added = (event.get("first_seen") or "")[:19].replace("-", "").replace("T", "").replace(":", "")
    country = event.get("location_country") or _country_of(event)
    return [
        zlib.crc32(event["id"].encode()), date if len(date) == 8 else "", _clean(source.get("text")),
        source.get("country") or "", source.get("sector") or "", _clean(target.get("text")),
        target.get("country") or "", target.get("sector") or "", 1, root, root, root, QUAD_CLASS[root],
        event.get("n_mentions") or 1, event.get("n_sources") or 1, event.get("n_articles") or 1,
        gdelt_geo_type(event.get("precision"), country) if location else 0, _clean(location.get("name")),
        country or "", location.get("lat") if location else "", location.get("lon") if location else "",
        location.get("geonameid") or "" if location else "", added, article.get("url") or "",
        event["type"], event.get("mode") or "", event.get("certainty") or "",
    ]


def _country_of(event: dict[str, Any]) -> str | None:
    return (event.get("location") or {}).get("country_code")


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())
