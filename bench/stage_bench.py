"""CPU time of one analysis stage alone, over articles parsed once: the place or the event stage, for comparing two
versions of a stage's code on a shared machine (run the two versions' processes in turn on the same parses).

    python bench/stage_bench.py --save /tmp/parses.pkl [--articles 200] [--bench ../shared/bench]
    python bench/stage_bench.py --parses /tmp/parses.pkl --stage places|events [--passes 5] [--dump out.jsonl]

``--save`` runs the pipeline's stages before the place stage and those between it and the event stage over the
LGL articles `bench/run.py` uses, and pickles both states (the parse rides along). A timing run then builds the
stage, codes one article to load its tables, and times ``--passes`` passes over fresh copies of the documents
(``time.process_time``, the stage alone), the caches that fill per name or per article emptied before each pass
so that each pass costs what a fresh process's first pass does; it prints each pass and the median. ``--dump``
writes the stage's output of the first pass (one JSON line per article) to compare two versions' outputs.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path

from geowire.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import REPO, articles  # noqa: E402

PER_NAME_CACHE_MIN = 1000   # lru caches at least this big hold per-name or per-text answers, not tables


def save(path: Path, bench: Path, count: int) -> None:
    pipeline = Pipeline.from_config()
    names = [stage.name for stage in pipeline.stages]
    before = Pipeline(pipeline.stages[:names.index("places")], pipeline.config)
    docs = [o.document for o in before.process(articles(bench, count), keep_parse=True)
            if o.error is None and o.document.parsed is not None]     # the analysed ones (English, no duplicate)
    states = {"places": pickle.dumps(docs, protocol=5)}
    for stage in pipeline.stages[names.index("places"):names.index("events")]:
        docs = [stage.component(doc) for doc in docs]
    states["events"] = pickle.dumps(docs, protocol=5)
    path.write_bytes(pickle.dumps(states, protocol=5))
    print(f"{len(docs)} articles parsed and saved to {path}")


def empty_caches(component) -> None:
    """The per-name and per-article caches of the geo and event modules, and the gazetteer's."""
    for name, module in list(sys.modules.items()):
        if name.startswith(("geowire.geo", "geowire.events")):
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if callable(info) and (info().maxsize or 0) >= PER_NAME_CACHE_MIN:
                    value.cache_clear()
    from geowire.geo import get_gazetteer

    resolver = getattr(component, "resolver", None)
    for owner in (get_gazetteer(), component, resolver, *getattr(resolver, "__dict__", {}).values()):
        for attribute, value in list(getattr(owner, "__dict__", {}).items()):
            if attribute in ("_cached_candidates", "_cached_has_key"):
                value.cache_clear()
            elif attribute in ("_known_keys", "_rows", "_area_cache") and isinstance(value, dict):
                value.clear()


def time_stage(parses: Path, stage: str, passes: int, dump: Path | None) -> list[float]:
    state = pickle.loads(parses.read_bytes())[stage]
    component = Pipeline.from_config(only=[stage]).stages[0].component
    component(pickle.loads(state)[0])     # loads the stage's tables
    seconds = []
    for number in range(passes):
        docs = pickle.loads(state)
        empty_caches(component)
        gc.collect()
        started = time.process_time()
        out = [component(doc) for doc in docs]
        seconds.append(time.process_time() - started)
        if number == 0 and dump is not None:
            with dump.open("w") as handle:
                for doc in out:
                    handle.write(json.dumps({"id": doc.id, "places": [asdict(p) for p in doc.places],
                                             "events": [asdict(e) for e in doc.events]}, sort_keys=True) + "\n")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--save", type=Path, help="parse the articles and save them here")
    parser.add_argument("--parses", type=Path, help="the saved parses to time a stage over")
    parser.add_argument("--stage", choices=("places", "events"), default="places")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--dump", type=Path, help="write the stage's output of the first pass here")
    args = parser.parse_args()
    if args.save:
        save(args.save, args.bench, args.articles)
        return 0
    if not args.parses:
        parser.error("--parses or --save is needed")
    seconds = time_stage(args.parses, args.stage, args.passes, args.dump)
    print(f"{args.stage} CPU seconds per pass: {' '.join(f'{s:.3f}' for s in seconds)}; "
          f"median {statistics.median(seconds):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
