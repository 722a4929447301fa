"""Backfill speed-up: `geowire backfill --workers N` against `geowire ingest` (one process) on the same articles.

    python bench/backfill_bench.py [--articles 300] [--workers 2] [--bench ../shared/bench]

Each command runs as a user would run it (a whole process, model loading and the Dask cluster's start included)
into a fresh SQLite store; reports both wall times, articles per second and the ratio ingest ÷ backfill (the
speed-up; the issue's target is at least 1.6 for 2 workers on a 2-core machine), the peak resident memory of each
process of the run (sampled every 0.2 s with psutil: the writer and each Dask worker; target at most 600 MB per
worker), and checks both stores hold the same event ids. Uses the LGL article texts when ../shared/bench is there,
else the bundled samples repeated with a varying line so none is a duplicate.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from run import articles  # noqa: E402  (the same articles as the stage benchmark)

GEOWIRE = Path(sys.executable).with_name("geowire")


def write_corpus(path: Path, bench: Path, count: int) -> int:
    docs = articles(bench, count)
    with path.open("w", encoding="utf-8") as handle:
        for number, doc in enumerate(docs):
            text = doc.text or doc.html or ""
            if not doc.id.startswith("lgl-"):
                text = f"{text}\n\nBulletin number {number}."
            handle.write(json.dumps({"id": doc.id, "text": text, "published": doc.published}) + "\n")
    return len(docs)


def timed(command: list[str]) -> tuple[float, list[tuple[float, str]]]:
    """Wall time of the command, and the peak RSS (MB) of it and of every process it started, largest first."""
    import psutil

    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(process.pid)
    peaks: dict[int, tuple[float, str]] = {}
    while process.poll() is None:
        try:
            family = [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for member in family:
            try:
                rss = member.memory_info().rss / 2**20
                label = "writer" if member.pid == parent.pid else _label(member)
            except psutil.Error:
                continue
            if rss > peaks.get(member.pid, (0.0, ""))[0]:
                peaks[member.pid] = (rss, label)
        time.sleep(0.2)
    if process.wait() != 0:
        raise SystemExit(f"{command[1]} failed with {process.returncode}")
    return time.perf_counter() - start, sorted(peaks.values(), reverse=True)


def _label(member) -> str:
    line = " ".join(member.cmdline())
    return "process" if "spawn" not in line and "forkserver" not in line else "Dask process"


def event_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT id FROM events"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        count = write_corpus(corpus, args.bench, args.articles)
        one, one_peaks = timed([str(GEOWIRE), "ingest", str(corpus), "--db", f"sqlite:///{work / 'ingest.db'}"])
        many, many_peaks = timed([str(GEOWIRE), "backfill", str(corpus), "--db", f"sqlite:///{work / 'backfill.db'}",
                      "--workers", str(args.workers), "--batch-size", str(args.batch_size)])
        same = event_ids(work / "ingest.db") == event_ids(work / "backfill.db")
    print(f"articles: {count}")
    print(f"ingest, 1 process:           {one:7.1f} s  ({count / one:5.1f} articles/s)")
    print(f"backfill, {args.workers} Dask workers:    {many:7.1f} s  ({count / many:5.1f} articles/s)")
    print(f"speed-up (ingest ÷ backfill): {one / many:.2f}")
    print(f"peak RSS, ingest: {one_peaks[0][0]:.0f} MB")
    print("peak RSS, backfill: " + ", ".join(f"{label} {mb:.0f} MB" for mb, label in many_peaks if mb > 50))
    print(f"same event ids: {same}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
