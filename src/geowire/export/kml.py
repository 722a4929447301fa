"""KML 2.2 for Google Earth: one Placemark per placed event, details in ExtendedData."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

from geowire.export.table import flat_row

KML_NS = "http://www.opengis.net/kml/2.2"


def to_kml(events: list[dict[str, Any]]) -> str:
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    document = ET.SubElement(root, f"{{{KML_NS}}}Document")
    ET.SubElement(document, f"{{{KML_NS}}}name").text = "geowire events"
    for event in events:
        row = flat_row(event)
        if row["lat"] is None or row["lon"] is None:
            continue
        mark = ET.SubElement(document, f"{{{KML_NS}}}Placemark", id=f"event-{row['id']}")
        ET.SubElement(mark, f"{{{KML_NS}}}name").text = f"{row['type']}: {row['location'] or ''}".strip()
        ET.SubElement(mark, f"{{{KML_NS}}}description").text = _describe(row)
        if row["date_start"] and row["date_start"] == row["date_end"]:
            stamp = ET.SubElement(mark, f"{{{KML_NS}}}TimeStamp")
            ET.SubElement(stamp, f"{{{KML_NS}}}when").text = row["date_start"]
        elif row["date_start"]:        # "2019-W39", "2021-Q4": a span, which Google Earth shows as one
            span = ET.SubElement(mark, f"{{{KML_NS}}}TimeSpan")
            ET.SubElement(span, f"{{{KML_NS}}}begin").text = row["date_start"]
            ET.SubElement(span, f"{{{KML_NS}}}end").text = row["date_end"]
        extended = ET.SubElement(mark, f"{{{KML_NS}}}ExtendedData")
        for key, value in row.items():
            if value is not None:
                data = ET.SubElement(extended, f"{{{KML_NS}}}Data", name=key)
                ET.SubElement(data, f"{{{KML_NS}}}value").text = str(value)
        point = ET.SubElement(mark, f"{{{KML_NS}}}Point")
        ET.SubElement(point, f"{{{KML_NS}}}coordinates").text = f"{row['lon']:.6f},{row['lat']:.6f}"
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def _describe(row: dict[str, Any]) -> str:
    parts = [f"{row['source'] or 'unknown actor'} → {row['target'] or '—'}", f"certainty: {row['certainty']}"]
    if row["attribution"]:
        parts.append(f"according to {row['attribution']}")
    if row["article_url"]:
        parts.append(row["article_url"])
    return "; ".join(parts)
