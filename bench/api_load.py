"""API under load (issue 11): concurrent clients against `geowire serve` on loopback.

    python bench/api_load.py [--clients 100] [--seconds 60] [--events 100000] [--db URL]

Builds a store of ``--events`` synthetic events (the generator of bench/store_bench.py; skipped with ``--db`` for a
store you already have), starts ``geowire serve`` on a free loopback port as its own process, then runs
``--clients`` httpx clients at once, each with its own connection, for ``--seconds``: filtered event pages (the five
filter shapes of store_bench), event details, stats, places, actors and deletions. Reports requests/s, the status
codes and p50/p95/p99 latency, and exits 1 when any response was a 5xx (or a request failed outright).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_bench import bulk_load, random_query  # noqa: E402

from geowire.store.repository import Store  # noqa: E402

GEOWIRE = Path(sys.executable).with_name("geowire")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(rng: random.Random, event_ids: list[str]) -> tuple[str, dict]:
    """One request of the mix, as (path, query)."""
    kind = rng.random()
    if kind < 0.55:
        return "/api/events", {"limit": 100, **random_query(rng)}
    if kind < 0.80 and event_ids:
        return f"/api/events/{rng.choice(event_ids)}", {}
    if kind < 0.88:
        return "/api/stats", {"country": rng.choice(["IRQ", "SYR", "UKR"]), "since": "2024-01-01"}
    if kind < 0.94:
        return "/api/places", {"limit": 50}
    if kind < 0.98:
        return "/api/actors", {"limit": 50}
    return "/api/deletions", {"since": "2025-01-01T00:00:00+00:00"}


def kind_of(path: str) -> str:
    return "/api/events/{id}" if path.startswith("/api/events/") else path


async def client(base: str, deadline: float, seed: int, event_ids: list[str], timings: list[tuple[str, float]],
                 statuses: Counter, failures: Counter) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while time.monotonic() < deadline:
            path, params = request(rng, event_ids)
            started = time.perf_counter()
            try:
                response = await http.get(path, params=params)
            except httpx.HTTPError as exc:
                failures[type(exc).__name__] += 1
                continue
            timings.append((kind_of(path), (time.perf_counter() - started) * 1000))
            statuses[response.status_code] += 1


async def load(base: str, clients: int, seconds: float,
               event_ids: list[str]) -> tuple[list[tuple[str, float]], Counter, Counter]:
    timings: list[tuple[str, float]] = []
    statuses: Counter = Counter()
    failures: Counter = Counter()
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(base, deadline, n, event_ids, timings, statuses, failures) for n in range(clients)))
    return timings, statuses, failures


def wait_until_up(base: str, server: subprocess.Popen, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"geowire serve exited with {server.returncode}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("geowire serve did not answer /health")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default=None, help="serve this store as it is (default: a new synthetic one)")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="geowire-api-load-")
    url = args.db or f"sqlite:///{folder}/load.db"
    store = Store.open(url)
    if args.db is None:
        rate = bulk_load(store, args.events)
        print(f"store: {args.events:,} synthetic events loaded ({rate:,.0f} events/s)")
    event_ids = [event["id"] for event in store.events()][:1000]
    store.engine.dispose()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(GEOWIRE), "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ, GEOWIRE_TOKEN=""))
    try:
        wait_until_up(base, server)
        timings, statuses, failures = asyncio.run(load(base, args.clients, args.seconds, event_ids))
    finally:
        server.terminate()
        try:
            _, errors = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, errors = server.communicate()

    count = len(timings)
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    print(f"{args.clients} clients for {args.seconds:g} s on loopback: {count:,} responses "
          f"({count / args.seconds:,.1f} requests/s); statuses {dict(sorted(statuses.items()))}"
          + (f"; failed requests {dict(failures)}" if failures else ""))
    if timings:
        every = [ms for _, ms in timings]
        print(f"latency ms: p50 {statistics.median(every):.1f}, p95 {percentile(every, 0.95):.1f}, "
              f"p99 {percentile(every, 0.99):.1f}, max {max(every):.1f}")
        for kind in sorted({kind for kind, _ in timings}):
            some = [ms for k, ms in timings if k == kind]
            print(f"  {kind}: {len(some):,} responses, p50 {statistics.median(some):.1f} ms, "
                  f"p99 {percentile(some, 0.99):.1f} ms")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f}")
    if server_errors or failures:
        tail = "\n".join((errors or "").strip().splitlines()[-20:])
        print(f"FAIL: {server_errors} responses were 5xx, {sum(failures.values())} requests failed\n{tail}")
        return 1
    print("no 5xx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
