"""bench/stage_bench.py times a stage alone over saved parses and writes what the stage gives in the pipeline."""

import json
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"


def test_a_stage_timed_alone_gives_what_the_pipeline_gives(tmp_path):
    sys.path.insert(0, str(BENCH_DIR))
    import stage_bench
    from run import articles

    from geowire.pipeline import Pipeline

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
