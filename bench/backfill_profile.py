"""Where a backfill's time goes: a timeline of one `geowire backfill`-like run, batch by batch and process by process.

    python bench/backfill_profile.py [--articles 300] [--workers 2] [--batch-size 16] [--bench ../shared/bench]
                                     [--baseline]

Runs :class:`geowire.backfill.Backfill` in this process (the client and the single writer, as the command does) on
a local cluster of ``--workers`` processes (``geowire.backfill.connect``, as the command starts it), into a fresh
SQLite store, and records:

* on each worker, for every batch: when it started and ended (wall clock), the CPU time of the thread that ran it
  and of the whole worker process over the same span (the difference is the worker's event loop, comms and
  pickling beside the analysis), the size of the pickled result, and how the batch's time splits between the
  stages before dedup, the deep copy of the cleaned documents and the analysis;
* in this process: the CPU of the main thread (reading the inputs, submitting, the writer: dedup, checks, inserts,
  merging) and of the other threads (the Dask scheduler, client and nannies' event loop), and how long the writer
  waited for results;
* the whole machine's CPU over the run from /proc/stat, less this run's own processes: the share the other
  programs on the machine took (a run on a shared machine says so);

then prints per worker the time to its first batch, the first batch's excess, busy and idle time, and the time the
writer waited. With ``--baseline`` the same batches then run once more in this process without Dask (the
single-process cost of the same analysis, warm: model already loaded).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from run import articles  # noqa: E402  (the same LGL articles as the other benchmarks)


def timed_batch(config_json, docs):
    """Runs on a worker instead of ``analyse_batch`` (pickled by value: it lives in ``__main__``); keeps its record
    in the worker's ``geowire.backfill`` module, read back with ``client.run``."""
    import copy
    import os
    import pickle
    import resource
    import time

    import geowire.backfill as backfill

    started, thread0, process0 = time.time(), time.thread_time(), time.process_time()
    usage0 = resource.getrusage(resource.RUSAGE_THREAD)
    before, after = backfill._worker_pipelines(config_json)
    loaded = time.time()
    results, cleaned_ok = [], []
    for outcome in before.process(docs, batch_size=len(docs) or 1):
        if outcome.error is not None:
            results.append(backfill.Analysis(None, cleaned_error=backfill._reason(outcome.error)))
            continue
        results.append(backfill.Analysis(outcome.document))
        cleaned_ok.append(outcome.document)
    cleaned_at = time.time()
    for result in results:
        if result.cleaned is not None:
            result.cleaned = copy.deepcopy(result.cleaned)
    copied_at = time.time()
    analysed = iter(after.process(cleaned_ok, batch_size=len(cleaned_ok) or 1))
    for result in results:
        if result.cleaned is None:
            continue
        outcome = next(analysed)
        result.analysed, result.analysed_error = outcome.document, backfill._reason(outcome.error)
    ended = time.time()
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    size = len(pickle.dumps(results))
    backfill.__dict__.setdefault("_timeline", []).append({
        "pid": os.getpid(), "start": started, "end": ended, "docs": len(docs),
        "thread_cpu": time.thread_time() - thread0, "process_cpu": time.process_time() - process0,
        "load": loaded - started, "clean": cleaned_at - loaded, "copy": copied_at - cleaned_at,
        "analyse": ended - copied_at, "user": usage.ru_utime - usage0.ru_utime,
        "system": usage.ru_stime - usage0.ru_stime, "minor_faults": usage.ru_minflt - usage0.ru_minflt,
        "environ_trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"), "pickled_bytes": size,
        "pickle_s": time.time() - ended})
    return results


def fetch_timeline():
    import geowire.backfill as backfill

    return backfill.__dict__.get("_timeline", [])


def process_cpu():
    import resource

    return os.getpid(), (time.process_time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def machine_cpu() -> float:
    """Busy CPU seconds of the whole machine since boot (user + nice + system + irq + softirq + steal)."""
    with open("/proc/stat") as handle:
        fields = handle.readline().split()[1:]
    ticks = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / ticks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--baseline", action="store_true", help="then run the same batches here, without Dask")
    parser.add_argument("--malloc-trim", default="dask",
                        help="MALLOC_TRIM_THRESHOLD_ for the workers: 'dask' (Dask's default, 65536), 'unset' "
                             "(glibc's own), or a number of bytes")
    args = parser.parse_args()

    import dask
    import psutil

    import geowire.backfill as backfill
    from geowire.config import load_config
    from geowire.store.repository import Store

    docs = articles(args.bench, args.articles)
    config = load_config()
    me = psutil.Process()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/profile.db")
        machine0, load0 = machine_cpu(), os.getloadavg()[0]
        t0 = time.time()
        main_thread0 = time.thread_time()
        waited = [0.0]
        original_collect = backfill.Backfill._collect

        def collect(self, entry, done):
            before = time.perf_counter()
            if entry[2] is not None:
                entry[2].result()
            waited[0] += time.perf_counter() - before
            yield from original_collect(self, entry, done)

        backfill.Backfill._collect = collect
        backfill.analyse_batch = timed_batch
        environ = {}
        if args.malloc_trim != "dask":
            environ = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_":
                       None if args.malloc_trim == "unset" else int(args.malloc_trim)}
        with dask.config.set(environ), backfill.connect(workers=args.workers) as client:
            cluster_up = time.time() - t0
            job = backfill.Backfill(store, config, client, batch_size=args.batch_size)
            summary = job.run(docs)
            wall = time.time() - t0
            main_thread = time.thread_time() - main_thread0
            timeline = [r for records in client.run(fetch_timeline).values() for r in records]
            worker_cpu = client.run(process_cpu)
            main_threads = {t.id: t.user_time + t.system_time for t in me.threads()}
        machine = machine_cpu() - machine0
        worker_peak = {pid: peak for pid, (_, peak) in worker_cpu.values()}   # pid -> peak RSS, MB
        worker_cpu = {pid: cpu for pid, (cpu, _) in worker_cpu.values()}    # pid -> CPU seconds of the process
        ours = sum(worker_cpu.values()) + sum(main_threads.values())
        load1 = os.getloadavg()[0]

        print(f"articles {len(docs)}, stored {summary.stored}, events {summary.events}; workers {args.workers}, "
              f"batch size {args.batch_size}; load average {load0:.2f} at start, {load1:.2f} at end")
        print(f"wall {wall:.1f} s (cluster up at {cluster_up:.1f} s); machine busy {machine:.1f} CPU-s, of which "
              f"this run about {ours:.1f} (workers' processes + this process), others about "
              f"{max(0.0, machine - ours):.1f} ({max(0.0, machine - ours) / wall:.2f} of a core on average)")
        print(f"this process: main thread (inputs, submit, writer) {main_thread:.1f} s CPU, all threads "
              f"{sum(main_threads.values()):.1f} s; the writer waited {waited[0]:.1f} s for results")
        by_pid: dict[int, list[dict]] = {}
        for record in timeline:
            by_pid.setdefault(record["pid"], []).append(record)
        for pid, records in sorted(by_pid.items()):
            records.sort(key=lambda r: r["start"])
            busy = sum(r["end"] - r["start"] for r in records)
            later = [r["thread_cpu"] / r["docs"] for r in records[1:] if r["docs"]]
            first = records[0]
            excess = first["thread_cpu"] - statistics.median(later) * first["docs"] if later else float("nan")
            span = records[-1]["end"] - records[0]["start"]
            gaps = [b["start"] - a["end"] for a, b in zip(records, records[1:], strict=False)]
            print(f"worker {pid}: {len(records)} batches, {sum(r['docs'] for r in records)} docs; first batch "
                  f"started at {first['start'] - t0:.1f} s, took {first['end'] - first['start']:.1f} s wall / "
                  f"{first['thread_cpu']:.1f} s CPU (model load {first['load']:.1f} s; excess over a later batch "
                  f"{excess:.1f} s); last ended at {records[-1]['end'] - t0:.1f} s")
            print(f"   busy {busy:.1f} s of {span:.1f} s from first start to last end; gaps between batches: "
                  f"total {sum(gaps):.2f} s, max {max(gaps, default=0):.2f} s; "
                  f"process CPU {worker_cpu.get(pid, float('nan')):.1f} s, "
                  f"peak RSS {worker_peak.get(pid, float('nan')):.0f} MB")
            steady = records[1:]
            if steady:
                wall_s = sum(r["end"] - r["start"] for r in steady)
                thread_s = sum(r["thread_cpu"] for r in steady)
                process_s = sum(r["process_cpu"] for r in steady)
                n = sum(r["docs"] for r in steady)
                print(f"   later batches: {1000 * wall_s / n:.0f} ms wall, {1000 * thread_s / n:.0f} ms CPU "
                      f"(task thread) and {1000 * process_s / n:.0f} ms (whole process) per article; "
                      f"{wall_s and thread_s / wall_s:.2f} of a core while busy; cleaning "
                      f"{sum(r['clean'] for r in steady):.1f} s, deep copy {sum(r['copy'] for r in steady):.2f} s, "
                      f"analysis {sum(r['analyse'] for r in steady):.1f} s, pickling the results "
                      f"{sum(r['pickle_s'] for r in steady):.2f} s "
                      f"({statistics.mean(r['pickled_bytes'] for r in steady) / 1024:.0f} KB per batch)")
                print(f"   per article: user {1000 * sum(r['user'] for r in steady) / n:.0f} ms, system "
                      f"{1000 * sum(r['system'] for r in steady) / n:.0f} ms, minor page faults "
                      f"{sum(r['minor_faults'] for r in steady) / n:.0f}; MALLOC_TRIM_THRESHOLD_ in the worker: "
                      f"{steady[0]['environ_trim']}")
        with open(Path(tmp) / "timeline.json", "w") as handle:
            json.dump(timeline, handle)
        if args.baseline:
            backfill._worker_pipelines(json.dumps(config, sort_keys=True))
            started, cpu0 = time.perf_counter(), time.process_time()
            config_json = json.dumps(config, sort_keys=True)
            for number in range(0, len(docs), args.batch_size):
                timed_batch(config_json, [pickle.loads(pickle.dumps(d)) for d in docs[number:number + args.batch_size]])
            records = fetch_timeline()
            n = sum(r["docs"] for r in records[1:])
            print(f"without Dask, this process, same batches: {time.perf_counter() - started:.1f} s wall, "
                  f"{time.process_time() - cpu0:.1f} s CPU; later batches "
                  f"{1000 * sum(r['thread_cpu'] for r in records[1:]) / n:.0f} ms CPU per article (user "
                  f"{1000 * sum(r['user'] for r in records[1:]) / n:.0f} ms, system "
                  f"{1000 * sum(r['system'] for r in records[1:]) / n:.0f} ms, minor page faults "
                  f"{sum(r['minor_faults'] for r in records[1:]) / n:.0f})")


if __name__ == "__main__":
    main()
