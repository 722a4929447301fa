"""Store benchmark: synthetic events at scale, filtered API pages, bulk store and merge rates.

    python bench/store_bench.py [--events 1000000] [--db sqlite:///tmp/x.db | postgresql://...] [--queries 200]

1. Generates ``--events`` synthetic merged events (seeded, so every run builds the same store) and loads them
   with the store's bulk path; reports events/s.
2. Times ``--queries`` random filtered ``/api/events`` pages (in process, through FastAPI) and reports p50/p95.
3. Stores synthetic articles through the normal merge path (one transaction per article) and reports
   mentions/s, so the cost of merging is visible next to the bulk rate.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert

from geowire.api.app import create_app
from geowire.model import PLOVER_TYPES, Document, Event, EventArg, EventDate, EventLocation, Evidence, Place
from geowire.store import schema
from geowire.store.repository import Store

COUNTRIES = ["IRQ", "SYR", "UKR", "RUS", "MLI", "NER", "NGA", "COD", "SDN", "YEM", "AFG", "PAK", "COL", "VEN"]
SECTORS = ["GOV", "MIL", "COP", "REB", "INS", "CVL", "IGO"]
CERTAINTIES = ["asserted", "reported", "hedged", "speculative", "negated"]
PRECISIONS = ["city", "city", "city", "admin1", "country"]


def synthetic_event_rows(count: int, seed: int = 42):
    rng = random.Random(seed)
    for n in range(count):
        day = f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lat, lon = rng.uniform(-35, 60), rng.uniform(-90, 120)
        yield {
            "id": f"syn{n:08d}", "article_id": f"art{n // 3:08d}", "mention_id": f"syn{n:08d}@bench",
            "type": rng.choice(PLOVER_TYPES), "mode": None,
            "source_text": "forces", "source_start": 0, "source_end": 6, "source_country": rng.choice(COUNTRIES),
            "source_sector": rng.choice(SECTORS), "target_text": "group", "target_start": 10, "target_end": 15,
            "target_country": rng.choice(COUNTRIES), "target_sector": rng.choice(SECTORS),
            "location_name": f"Place {n % 5000}", "lat": lat, "lon": lon, "geonameid": n % 5000,
            "location_start": 20, "location_end": 30, "location_precision": rng.choice(PRECISIONS),
            "location_country": "XX", "date_value": day, "date_text": None, "date_start": day, "date_end": day,
            "attribution_text": None,
            "attribution_start": None, "attribution_end": None, "attribution_name": None,
            "certainty": rng.choice(CERTAINTIES), "confidence": round(rng.random(), 3),
            "evidence_start": 0, "evidence_end": 80, "pipeline_version": "bench",
            "n_mentions": 1, "n_articles": 1, "n_sources": rng.choice([1, 1, 1, 2, 3]),
            "first_seen": "2025-01-01T00:00:00+00:00", "updated_at": "2025-01-01T00:00:00+00:00",
        }


def bulk_load(store: Store, count: int, batch: int = 20000) -> float:
    started = time.perf_counter()
    rows = []
    with store.engine.begin() as conn:
        for row in synthetic_event_rows(count):
            rows.append(row)
            if len(rows) >= batch:
                conn.execute(insert(schema.events), rows)
                rows = []
        if rows:
            conn.execute(insert(schema.events), rows)
    rate = count / (time.perf_counter() - started)
    store.optimize()    # what an ingest run does at its end: fresh planner statistics
    return rate


def random_query(rng: random.Random) -> dict:
    kind = rng.randrange(5)
    year = rng.randint(15, 25)
    if kind == 0:
        return {"type": rng.choice(PLOVER_TYPES), "since": f"20{year}-01-01", "until": f"20{year}-06-30"}
    if kind == 1:
        west, south = rng.uniform(-80, 100), rng.uniform(-30, 50)
        return {"bbox": f"{west:.2f},{south:.2f},{west + 5:.2f},{south + 5:.2f}"}
    if kind == 2:
        return {"country": rng.choice(COUNTRIES), "min_confidence": 0.8, "since": f"20{year}-01-01"}
    if kind == 3:
        return {"near": f"{rng.uniform(-30, 55):.3f},{rng.uniform(-80, 110):.3f}", "radius_km": 100}
    return {"certainty": "asserted", "min_sources": 2, "type": rng.choice(PLOVER_TYPES)}


def time_queries(store: Store, count: int) -> list[float]:
    client = TestClient(create_app(store))
    rng = random.Random(7)
    client.get("/api/events", params={"limit": 100})
    timings = []
    for _ in range(count):
        params = {"limit": 100, **random_query(rng)}
        started = time.perf_counter()
        response = client.get("/api/events", params=params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return timings


def merge_rate(store: Store, articles: int = 300, per_article: int = 5) -> float:
    rng = random.Random(3)
    docs = []
    for n in range(articles):
        text = "Forces attacked the group near the town. " * per_article
        events, places = [], []
        for k in range(per_article):
            lat, lon = rng.uniform(30, 36), rng.uniform(38, 46)
            place = Place(20, 28, text[20:28], "Town", lat, lon, 1, "IQ", None, "P.PPL", "city", 0.9)
            places.append(place)
            events.append(Event(f"m{n}-{k}", rng.choice(PLOVER_TYPES), None,
                                EventArg("Forces", 0, 6, rng.choice(COUNTRIES[:3]), "MIL"), None,
                                EventLocation("Town", lat, lon, 1, 20, 28),
                                EventDate(f"2024-05-{rng.randint(1, 28):02d}", None), None, "asserted", 0.7,
                                Evidence(0, 40)))
        docs.append(Document(id=f"merge{n}", text=text, language="en", url=f"https://o{n % 7}.example/{n}",
                             places=places, events=events))
    started = time.perf_counter()
    for doc in docs:
        store.save_document(doc)
    return articles * per_article / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", default=None, help="store URL (default: a new SQLite file in a temp folder)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='geowire-bench-')) / 'bench.db'}"
    store = Store.open(url)
    backend = store.engine.dialect.name
    rate = bulk_load(store, args.events)
    print(f"[{backend}] bulk store: {args.events:,} events at {rate:,.0f} events/s")
    timings = sorted(time_queries(store, args.queries))
    p50, p95 = statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]
    print(f"[{backend}] filtered /api/events page (limit 100) over {args.events:,} events: "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms ({args.queries} queries)")
    print(f"[{backend}] merge path (one transaction per article, 5 mentions each): {merge_rate(store):,.0f} mentions/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
