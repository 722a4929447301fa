"""Run every evaluation harness over ../shared/bench and print one table.

    python eval/run.py [--bench ../shared/bench] [--limit N] [--only geoparsing,events] [--json out.json]

``articles`` (whole-article event coding on m2e2_voa, india_police_events and eval/gold) is the slow one: the
whole pipeline over about 1,500 articles.

Floors in eval/floors.toml are checked: a metric below its floor makes the run exit non-zero.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HARNESSES = ("extraction", "geoparsing", "events", "temporal", "articles", "agreement")


def load_floors() -> dict[str, dict[str, float]]:
    with open(HERE / "floors.toml", "rb") as handle:
        return tomllib.load(handle)


def run_all(bench: Path, limit: int | None, only: list[str]) -> dict[str, dict]:
    sys.path.insert(0, str(HERE))
    results = {}
    for name in only:
        module = importlib.import_module(name)
        started = time.perf_counter()
        metrics = module.evaluate(bench, limit=limit)
        metrics["seconds"] = round(time.perf_counter() - started, 1)
        results[name] = metrics
    return results


def below_floor(results: dict[str, dict], floors: dict[str, dict[str, float]]) -> list[str]:
    failures = []
    for harness, metrics in results.items():
        for name, bound in floors.get(harness, {}).items():
            metric, ceiling = (name[: -len("_max")], True) if name.endswith("_max") else (name, False)
            value = metrics.get(metric)
            if value is None or (value > bound if ceiling else value < bound):
                side = "above its ceiling" if ceiling else "below its floor"
                failures.append(f"{harness}.{metric} = {value} is {side} {bound}")
    return failures


def print_table(results: dict[str, dict]) -> None:
    print(f"{'evaluation':<12} {'metric':<32} {'value':>10}")
    print("-" * 56)
    for harness, metrics in results.items():
        for metric, value in metrics.items():
            if metric == "notes":
                continue
            shown = f"{value:.4f}" if isinstance(value, float) else str(value)
            print(f"{harness:<12} {metric:<32} {shown:>10}")
    for harness, metrics in results.items():
        for note in metrics.get("notes", [])[:15]:
            print(f"[{harness}] {note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--only", default=",".join(HARNESSES))
    parser.add_argument("--json", type=Path, default=None, help="also write the metrics here")
    args = parser.parse_args()
    if not args.bench.is_dir():
        print(f"no benchmark folder at {args.bench}", file=sys.stderr)
        return 2
    results = run_all(args.bench, args.limit, [n for n in args.only.split(",") if n])
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    failures = below_floor(results, load_floors()) if args.limit is None else []
    for failure in failures:
        print(f"FLOOR: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
