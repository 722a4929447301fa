"""A STIX 2.1 bundle: per event a report, its location, the actors (identity, or threat-actor for armed
non-state groups), relationships between them, a note carrying the evidence, and the certainty as an opinion.

Identifiers are UUIDv5 of geowire's own ids, so exporting twice gives the same objects.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import stix2

from geowire.export.table import date_span

NAMESPACE = uuid.UUID("6f0d6c1e-5b1a-4a55-9a43-7d2b7c0f6a11")
ARMED_GROUPS = {"REB", "INS", "UAF"}
OPINION = {"asserted": "strongly-agree", "reported": "agree", "hedged": "neutral", "speculative": "disagree",
           "negated": "strongly-disagree"}
FIXED_TIME = "2000-01-01T00:00:00.000Z"
QUANTITY_KEYS = ("kind", "value", "min", "text")     # offsets mean nothing outside the article


def _sid(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _stamp(value: str | None) -> str:
    if value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC).strftime(
                "%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        except ValueError:
            pass
    return FIXED_TIME


def to_stix(events: list[dict[str, Any]]) -> str:
    producer = stix2.Identity(id=_sid("identity", "geowire"), name="geowire", identity_class="system",
                              created=FIXED_TIME, modified=FIXED_TIME)
    objects: dict[str, Any] = {producer.id: producer}
    for event in events:
        for obj in _event_objects(event, producer.id):
            objects.setdefault(obj.id, obj)
    # custom content is allowed for the reports' x_geowire_ properties only: every other object is built plain
    return stix2.Bundle(objects=list(objects.values()), id=_sid("bundle", ",".join(e["id"] for e in events)),
                        allow_custom=True).serialize(pretty=True)


def _event_objects(event: dict[str, Any], producer: str) -> list[Any]:
    stamp = _stamp(event.get("first_seen"))
    common = dict(created_by_ref=producer, created=stamp, modified=_stamp(event.get("updated_at")) if
                  event.get("updated_at") else stamp)
    objects: list[Any] = []
    actors = {role: _actor(event.get(role), common) for role in ("source", "target")}
    objects += [a for a in actors.values() if a is not None]
    location = _location(event, common)
    if location is not None:
        objects.append(location)
    if actors["source"] is not None and actors["target"] is not None:
        kind = "targets" if actors["source"].type == "threat-actor" else "related-to"
        objects.append(stix2.Relationship(id=_sid("relationship", f"{event['id']}:st"), relationship_type=kind,
                                          source_ref=actors["source"].id, target_ref=actors["target"].id,
                                          description=event["type"], **common))
    if actors["source"] is not None and location is not None:
        objects.append(stix2.Relationship(id=_sid("relationship", f"{event['id']}:loc"),
                                          relationship_type="located-at", source_ref=actors["source"].id,
                                          target_ref=location.id, **common))
    refs = [o.id for o in objects]
    date = (event.get("date") or {}).get("value") or ""
    span = date_span(event)
    report = stix2.Report(
        id=_sid("report", event["id"]), name=f"{event['type']} {date}".strip(), report_types=["threat-report"],
        published=_stamp(span[0]) if span else stamp,
        object_refs=refs or [producer], confidence=int(round(100 * float(event.get("confidence") or 0))),
        description=_summary(event), labels=[event["type"].lower()],
        external_references=_references(event), **_custom_properties(event), **common)
    objects.append(report)
    objects.append(stix2.Note(id=_sid("note", event["id"]), abstract="evidence", content=_evidence(event),
                              object_refs=[report.id], **common))
    objects.append(stix2.Opinion(id=_sid("opinion", event["id"]), opinion=OPINION[event["certainty"]],
                                 explanation=f"certainty: {event['certainty']}", object_refs=[report.id], **common))
    return objects


def _custom_properties(event: dict[str, Any]) -> dict[str, Any]:
    """What STIX has no property for, as x_geowire_ custom properties of the report (only those known)."""
    custom: dict[str, Any] = {}
    kind = (event.get("attribution") or {}).get("kind")
    if kind:
        custom["x_geowire_attribution_kind"] = kind
    if event.get("modality"):
        custom["x_geowire_modality"] = event["modality"]
    quantities = [{key: value for key, value in q.items() if value is not None and key in QUANTITY_KEYS}
                  for q in event.get("quantities") or []]
    if quantities:
        custom["x_geowire_quantities"] = quantities
    if custom:
        custom["allow_custom"] = True
    return custom


def _actor(arg: dict[str, Any] | None, common: dict[str, Any]) -> Any:
    if not arg:
        return None
    key = f"{arg.get('text')}|{arg.get('country')}|{arg.get('sector')}"
    label = " ".join(x for x in (arg.get("country"), arg.get("sector")) if x) or None
    if arg.get("sector") in ARMED_GROUPS:
        return stix2.ThreatActor(id=_sid("threat-actor", key), name=arg["text"], description=label,
                                 threat_actor_types=["terrorist" if arg.get("sector") == "INS" else "activist"],
                                 **common)
    identity_class = "organization" if arg.get("sector") else "unknown"
    return stix2.Identity(id=_sid("identity", key), name=arg["text"], identity_class=identity_class,
                          description=label, **common)


def _location(event: dict[str, Any], common: dict[str, Any]) -> Any:
    loc = event.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    key = f"{loc.get('geonameid')}|{loc['lat']:.5f}|{loc['lon']:.5f}"
    extra = {"country": event["location_country"]} if event.get("location_country") else {}
    return stix2.Location(id=_sid("location", key), name=loc.get("name"), latitude=loc["lat"],
                          longitude=loc["lon"], **extra, **common)


def _summary(event: dict[str, Any]) -> str:
    source = (event.get("source") or {}).get("text") or "unknown actor"
    target = (event.get("target") or {}).get("text") or "—"
    place = (event.get("location") or {}).get("name") or "unknown place"
    attribution = (event.get("attribution") or {}).get("name")
    text = f"{event['type']}: {source} → {target} at {place}; certainty {event['certainty']}"
    return text + (f"; according to {attribution}" if attribution else "")


def _evidence(event: dict[str, Any]) -> str:
    quotes = [m.get("evidence_text", "") for m in event.get("mentions", []) if m.get("evidence_text")]
    return "\n".join(quotes) or f"evidence at characters {event['evidence']['start']}-{event['evidence']['end']} " \
                                f"of article {(event.get('article') or {}).get('id')}"


def _references(event: dict[str, Any]) -> list[dict[str, str]]:
    urls = {m["article"]["url"] for m in event.get("mentions", []) if (m.get("article") or {}).get("url")}
    url = (event.get("article") or {}).get("url")
    if url:
        urls.add(url)
    return [{"source_name": "article", "url": u} for u in sorted(urls)]
