"""Start-up cost of the actor stage's tables in a fresh process: the alias table built from its sources (what
every process did before it was cached) against the alias table read from the data cache.

Each round starts one child process per mode, in turns (built, cached), so that load on a shared machine falls
on both alike. A child imports spaCy and the actor stage first (not timed), then times, in CPU and wall seconds:

- ``table``: the default alias table (``build``: ``build_table(default_aliases())``; ``cached``:
  ``default_table()`` with the cache file already written);
- ``organs``: the organ table read next (it tokenises its rows with the same blank spaCy tokenizer, so the
  tokenizer's construction, about half of the old cost, moves there when the alias table comes from the cache);
- ``total``: both, the actor stage's set-up.

Usage: python bench/startup_bench.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import json, sys, time
import spacy  # noqa: F401
from geowire.actors import organs, recognise, table  # noqa: F401

mode = sys.argv[1]
def clock():
    return time.process_time(), time.perf_counter()
c0, w0 = clock()
if mode == "build":
    t = table.build_table(table.default_aliases())
else:
    t = table.default_table()
c1, w1 = clock()
organs.default_organs()
c2, w2 = clock()
print(json.dumps({"size": t.size, "table_cpu": c1 - c0, "table_wall": w1 - w0,
                  "organs_cpu": c2 - c1, "organs_wall": w2 - w1, "total_cpu": c2 - c0, "total_wall": w2 - w0}))
"""


def run(mode: str, home: str) -> dict:
    env = {**os.environ, "GEOWIRE_HOME": home}
    out = subprocess.run([sys.executable, "-c", CHILD, mode], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        run("cached", home)                     # writes the cache file (not counted)
        results: dict[str, list[dict]] = {"build": [], "cached": []}
        for _ in range(args.rounds):
            for mode in results:
                results[mode].append(run(mode, home))
    sizes = {r["size"] for rows in results.values() for r in rows}
    assert len(sizes) == 1, sizes
    print(f"alias table: {sizes.pop()} aliases; {args.rounds} rounds, median (min) seconds")
    for key in ("table_cpu", "table_wall", "organs_cpu", "organs_wall", "total_cpu", "total_wall"):
        cells = []
        for mode, rows in results.items():
            values = [r[key] for r in rows]
            cells.append(f"{mode} {statistics.median(values):.3f} ({min(values):.3f})")
        print(f"  {key:11s} " + "   ".join(cells))
    for key in ("table_cpu", "total_cpu"):
        gain = [b[key] - c[key] for b, c in zip(results["build"], results["cached"], strict=True)]
        print(f"  paired gain {key}: median {statistics.median(gain):.3f} s")


if __name__ == "__main__":
    main()
