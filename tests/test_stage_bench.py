"""bench/stage_bench.py times a stage alone over saved parses and writes what the stage gives in the pipeline."""

import json
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"


def _bench_modules():
    """stage_bench and bench/run.py's `articles`: eval/run.py has the same module name (the quality gate imports
    it), so the name is taken from and given back to whichever came first, and sys.path is left as it was."""
    saved_path, saved_run = list(sys.path), sys.modules.pop("run", None)
    sys.path.insert(0, str(BENCH_DIR))
    try:
        import stage_bench
        from run import articles
    finally:
        sys.path[:] = saved_path
        sys.modules.pop("run", None)
        if saved_run is not None:
            sys.modules["run"] = saved_run
    return stage_bench, articles


def test_a_stage_timed_alone_gives_what_the_pipeline_gives(tmp_path):
    from geowire.pipeline import Pipeline

    stage_bench, articles = _bench_modules()

    parses = tmp_path / "parses.pkl"
    stage_bench.save(parses, tmp_path / "no-bench", 3)     # no bench there: the bundled samples
    for stage in ("places", "events"):
        dump = tmp_path / f"{stage}.jsonl"
        seconds = stage_bench.time_stage(parses, stage, 2, dump)
        assert len(seconds) == 2 and all(s >= 0 for s in seconds)
        rows = [json.loads(line) for line in dump.read_text().splitlines()]
        whole = {o.document.id: o.document for o in Pipeline.from_config().process(articles(tmp_path / "x", 3))}
        assert rows and all(r["id"] in whole for r in rows)
        assert [len(r[stage]) for r in rows] == [len(getattr(whole[r["id"]], stage)) for r in rows]
