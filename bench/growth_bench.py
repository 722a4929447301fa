"""Cost growth of a run with its size (issue 11): 1k, 10k and 100k articles through the writer.

    python bench/growth_bench.py [--sizes 1000,10000,100000] [--db-folder DIR] [--progress N] [--max-seconds S]

The analysis of an article (spaCy, places, actors, times, events) reads that article only, so its cost per article
cannot grow with the run; what can is everything that looks at the store or at earlier articles: the skip of inputs
already stored, deduplication (exact and MinHash LSH over every earlier article), the store's checks, the insert
and the merge of each event with the events already stored. This benchmark runs exactly that part, the ordinary
`IngestRunner` with the dedup stage, over synthetic analysed articles (seeded: unique texts of about 150 words,
1–3 events each from a pool of 600 places, 700 days and 14 countries, so events merge as the store fills), into a
fresh SQLite store per size. With ``--per-day N`` the articles' dates advance with the run (N articles a day)
instead of all falling on 700 days, so a long run does not crowd ever more events onto the same days.
It reports milliseconds per article for each size and, within the largest run, for its
first and last tenth: linear growth means a flat cost per article. ``--progress N`` prints the cost per article of
every block of N articles as the run goes (wall and CPU time); ``--max-seconds S`` ends a size's run after S
seconds (no new article is handed to the runner; the one in hand is finished) and reports how far it got, so a long
size gives figures on a busy machine without a process left running.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from geowire.config import load_config
from geowire.model import PLOVER_TYPES, Document, Event, EventArg, EventDate, EventLocation, Evidence, Place
from geowire.pipeline import Pipeline
from geowire.runner import IngestRunner
from geowire.store.repository import Store

WORDS = ("army police rebels town city village market border road bridge convoy aid talks minister president "
         "protest strike attack shelling ceasefire agreement sanction election vote court journalist camp refugees "
         "water fuel price wage factory farm river port airport province district capital north south east west "
         "morning evening night Monday Tuesday Wednesday Thursday Friday said reported according officials "
         "witnesses residents spokesman statement hundreds dozens several killed injured arrested displaced").split()
COUNTRIES = ["IRQ", "SYR", "UKR", "RUS", "MLI", "NER", "NGA", "COD", "SDN", "YEM", "AFG", "PAK", "COL", "VEN"]


def synthetic_articles(count: int, seed: int = 11, per_day: int = 0):
    """``per_day`` 0: every event on one of 700 days, so the events per day grow with the run; otherwise article n
    reports a day near n ÷ per_day (± 3 days), as an archive read in date order does."""
    rng = random.Random(seed)
    places = [(f"Place{n}", rng.uniform(-30, 55), rng.uniform(-80, 110)) for n in range(600)]
    first_day = date(2023, 1, 1)
    for number in range(count):
        words = [rng.choice(WORDS) for _ in range(150)]
        text = " ".join(words) + f" (report {number})."
        events, doc_places = [], []
        for k in range(rng.randint(1, 3)):
            name, lat, lon = rng.choice(places)
            start = text.index(" ", 20 * k) + 1
            place = Place(start, start + 5, name, name, lat, lon, 1, "XX", None, "P.PPL", "city", 0.9)
            doc_places.append(place)
            offset = rng.randrange(700) if not per_day else max(0, number // per_day + rng.randint(-3, 3))
            day = (first_day + timedelta(days=offset)).isoformat()
            events.append(Event(
                id=f"g{number:07d}-{k}", type=rng.choice(PLOVER_TYPES[:6]), mode=None,
                source=EventArg("forces", 0, 6, rng.choice(COUNTRIES), "MIL"), target=None,
                location=EventLocation(name, lat, lon, 1, place.start, place.end), date=EventDate(day, "Monday"),
                attribution=None, certainty="asserted", confidence=0.7, evidence=Evidence(0, 80)))
        raw = text.encode()
        yield Document(id=f"g{number:07d}", text=text, language="en", url=f"https://o{number % 300}.example/{number}",
                       raw=raw, raw_sha256=hashlib.sha256(raw).hexdigest(), places=doc_places, events=events)


def run(size: int, folder: Path, progress: int = 0, max_seconds: float | None = None,
        per_day: int = 0) -> tuple[float, list[float]]:
    config = load_config()
    pipeline = Pipeline.from_config(config, only=[name for name in config["pipeline"]["order"]
                                                  if config["components"][name]["kind"] == "dedup"])
    store = Store.open(f"sqlite:///{folder / f'growth-{size}.db'}")
    stamps: list[float] = []
    started = time.perf_counter()
    deadline = started + max_seconds if max_seconds else None

    def articles():
        for doc in synthetic_articles(size, per_day=per_day):
            if deadline is not None and time.perf_counter() > deadline:
                return
            yield doc

    cpu = [time.process_time()]

    def stored(_):
        stamps.append(time.perf_counter())
        if progress and len(stamps) % progress == 0:
            block = stamps[-1] - (stamps[-progress - 1] if len(stamps) > progress else started)
            cpu.append(time.process_time())
            print(f"  {len(stamps):>7,} articles, {stamps[-1] - started:8.1f} s: last {progress:,} at "
                  f"{block / progress * 1000:.2f} ms per article ({(cpu[-1] - cpu[-2]) / progress * 1000:.2f} ms CPU)",
                  flush=True)

    IngestRunner(store, pipeline).run(articles(), on_item=stored)
    total = time.perf_counter() - started
    store.engine.dispose()
    return total, [stamp - started for stamp in stamps]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--db-folder", type=Path, default=None)
    parser.add_argument("--progress", type=int, default=0, metavar="N", help="print every N articles' cost")
    parser.add_argument("--max-seconds", type=float, default=None, help="end each size's run after this long")
    parser.add_argument("--per-day", type=int, default=0, metavar="N",
                        help="date article n near day n / N (0: all events on one of 700 days, as before)")
    args = parser.parse_args()
    folder = args.db_folder or Path(tempfile.mkdtemp(prefix="geowire-growth-"))
    sizes = [int(size) for size in args.sizes.split(",")]
    per_article = {}
    for size in sizes:
        total, stamps = run(size, folder, args.progress, args.max_seconds, args.per_day)
        if len(stamps) < size:
            print(f"{size:>7,} articles: stopped by --max-seconds after {len(stamps):,} articles", flush=True)
            size = len(stamps)
            if not size:
                continue
        per_article[size] = total / size * 1000
        tenth = max(1, size // 10)
        first = stamps[tenth - 1] / tenth * 1000
        last = (stamps[-1] - stamps[-tenth - 1]) / tenth * 1000
        print(f"{size:>7,} articles: {total:8.1f} s, {per_article[size]:.2f} ms per article "
              f"(first tenth {first:.2f} ms, last tenth {last:.2f} ms)", flush=True)
    measured = list(per_article)
    smallest = measured[0]
    for size in measured[1:]:
        print(f"cost per article at {size:,} ÷ at {smallest:,}: {per_article[size] / per_article[smallest]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
