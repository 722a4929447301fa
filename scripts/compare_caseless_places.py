"""How many of the blind annotators' event places the place stage finds, with and without the caseless reading.

Every event location the blind batches (eval/gold/fresh/) give coordinates is a place span of a whole article;
for each, the place stage (default configuration, and with ``recognisers.gazetteer_places.caseless`` on) either
finds an overlapping place or not, and a found one is within 161 km or not. Per bench set (the India set is
lower-cased), both settings:

    python scripts/compare_caseless_places.py [--bench ../shared/bench]

This is how docs/geo.md ("Stories written without capitals") counts the spans the setting recovers.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

from articles import FRESH_DIR, LOCATION_KM, gold_paths, load_gold  # noqa: E402

from geowire.config import load_config  # noqa: E402
from geowire.geodesy import haversine_km  # noqa: E402
from geowire.model import Document  # noqa: E402
from geowire.pipeline import Pipeline  # noqa: E402


def place_stage(caseless: bool) -> Pipeline:
    config = load_config(overrides={"components": {"places": {"caseless": caseless}}})
    return Pipeline.from_config(config, only=["nlp", "places"])


def gold_spans(article: dict) -> list[dict]:
    """The distinct location spans with coordinates among the article's events."""
    spans = {}
    for event in article["events"]:
        location = event.get("location")
        if location and location.get("lat") is not None:
            spans.setdefault((location["start"], location["end"]), location)
    return list(spans.values())


def tally(articles: list[dict], pipeline: Pipeline) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    docs = [Document(id=str(a["id"]), text=a["text"], language="en") for a in articles]
    for article, outcome in zip(articles, pipeline.process(docs, raw=True), strict=True):
        count = counts.setdefault(article["set"], Counter())
        for span in gold_spans(article):
            count["spans"] += 1
            found = next((p for p in outcome.document.places
                          if p.start < span["end"] and span["start"] < p.end and p.lat is not None), None)
            if found is not None:
                count["found"] += 1
                count["within"] += haversine_km(found.lat, found.lon, span["lat"], span["lon"]) <= LOCATION_KM
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    args = parser.parse_args()
    articles = load_gold(gold_paths(FRESH_DIR), args.bench)
    for caseless in (False, True):
        for name, c in sorted(tally(articles, place_stage(caseless)).items()):
            print(f"caseless {'on ' if caseless else 'off'} {name:20} spans {c['spans']:4}  found {c['found']:4}  "
                  f"within {LOCATION_KM:.0f} km of those {c['within'] / max(c['found'], 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
