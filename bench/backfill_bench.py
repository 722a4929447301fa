"""Backfill speed-up: `geowire backfill --workers N` against `geowire ingest` (one process) on the same articles.

    python bench/backfill_bench.py [--articles 300] [--workers 2] [--repeat 1] [--bench ../shared/bench]

Each command runs as a user would run it (a whole process, model loading and the Dask cluster's start included)
into a fresh SQLite store. For each it reports:

* the wall time of the whole run and the ratio ingest ÷ backfill (the speed-up; the issue's target is at least
  1.6 for 2 workers on a 2-core machine);
* the steady state: the store's article count is read every 0.2 s while the command runs, and the rate between
  the first stored article and the last is the articles per second once everything is loaded (start-up, model
  loading and the first batch's warm-up left out); its ratio is the speed-up on equal work;
* the CPU time (user + system) of the command and every process it started, so a run slowed by other programs on
  the machine shows it (wall time up, CPU time not);
* the peak resident memory of each process of the run (sampled every 0.2 s with psutil: the writer and each Dask
  worker; target at most 600 MB per worker);

and checks both stores hold the same event ids. With ``--repeat N`` the two commands alternate N times (ingest,
backfill, ingest, ...) and every pair is printed, then the spread. Uses the LGL article texts when
../shared/bench is there, then (past 588) the India and VOA event sets' articles, else the bundled samples
repeated with a varying line so none is a duplicate.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
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
            if doc.id.startswith("sample-"):     # the bundled samples repeat: keep each copy apart from the others
                text = f"{text}\n\nBulletin number {number}."
            handle.write(json.dumps({"id": doc.id, "text": text, "published": doc.published}) + "\n")
    return len(docs)


@dataclass
class Run:
    wall: float
    cpu: float                                          # user + system of the command and its children
    peaks: list[tuple[float, str]]                      # peak RSS (MB) per process, largest first
    progress: list[tuple[float, int]] = field(default_factory=list)   # (seconds since start, articles stored)

    def first_stored(self) -> float:
        return next((t for t, n in self.progress if n > 0), self.wall)

    def steady_rate(self) -> float:
        """Articles per second from the first stored article to the last (start-up and warm-up left out)."""
        stored = [(t, n) for t, n in self.progress if n > 0]
        if len(stored) < 2 or stored[-1][1] == stored[0][1]:
            return float("nan")
        last = next((t, n) for t, n in stored if n == stored[-1][1])    # when the final count was first seen
        return (last[1] - stored[0][1]) / (last[0] - stored[0][0])


def timed(command: list[str], db: Path) -> Run:
    """Run the command; sample its processes' RSS and the store's article count every 0.2 s."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(process.pid)
    peaks: dict[int, tuple[float, str]] = {}
    progress: list[tuple[float, int]] = []
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
        progress.append((time.perf_counter() - start, _count(db)))
        time.sleep(0.2)
    if process.wait() != 0:
        raise SystemExit(f"{command[1]} failed with {process.returncode}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    progress.append((wall, _count(db)))
    return Run(wall, cpu, sorted(peaks.values(), reverse=True), progress)


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:     # not created yet, or locked for a moment
        return 0


def _label(member) -> str:
    line = " ".join(member.cmdline())
    return "process" if "spawn" not in line and "forkserver" not in line else "Dask process"


def event_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT id FROM events"))


def _spread(values: list[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"median {statistics.median(values):.2f} (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1, help="alternate ingest and backfill this many times")
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    args = parser.parse_args()
    ratios: dict[str, list[float]] = {"whole run": [], "steady state": [], "CPU time": []}
    same = True
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        count = write_corpus(corpus, args.bench, args.articles)
        print(f"articles: {count}  (load average at start: {os.getloadavg()[0]:.1f})")
        for round_ in range(1, args.repeat + 1):
            dbs = {name: work / f"{name}{round_}.db" for name in ("ingest", "backfill")}
            one = timed([str(GEOWIRE), "ingest", str(corpus), "--db", f"sqlite:///{dbs['ingest']}"], dbs["ingest"])
            many = timed([str(GEOWIRE), "backfill", str(corpus), "--db", f"sqlite:///{dbs['backfill']}",
                          "--workers", str(args.workers), "--batch-size", str(args.batch_size)], dbs["backfill"])
            same &= event_ids(dbs["ingest"]) == event_ids(dbs["backfill"])
            print(f"round {round_} (load average {os.getloadavg()[0]:.1f} after it)")
            for label, run in (("ingest, 1 process", one), (f"backfill, {args.workers} Dask workers", many)):
                print(f"  {label:<26} wall {run.wall:6.1f} s ({count / run.wall:5.1f} articles/s)  "
                      f"first stored at {run.first_stored():5.1f} s  steady {run.steady_rate():5.1f} articles/s  "
                      f"CPU {run.cpu:6.1f} s")
            ratios["whole run"].append(one.wall / many.wall)
            ratios["steady state"].append(many.steady_rate() / one.steady_rate())
            ratios["CPU time"].append(many.cpu / one.cpu)
            print(f"  speed-up (ingest ÷ backfill): whole run {ratios['whole run'][-1]:.2f}, steady state "
                  f"{ratios['steady state'][-1]:.2f}; backfill CPU ÷ ingest CPU {ratios['CPU time'][-1]:.2f}")
            print(f"  peak RSS, ingest: {one.peaks[0][0]:.0f} MB; backfill: "
                  + ", ".join(f"{label} {mb:.0f} MB" for mb, label in many.peaks if mb > 50))
    if args.repeat > 1:
        for name, values in ratios.items():
            print(f"{name} ratio: {_spread(values)}")
    print(f"same event ids: {same}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
