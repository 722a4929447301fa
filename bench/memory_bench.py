"""Peak memory and CPU of the analysis stages over a long run, at a given spaCy batch limit.

    python bench/memory_bench.py [--articles 2000] [--batch-chars N] [--bench ../shared/bench]

One process codes the articles of bench/run.py's ``articles()`` (LGL, then the India and VOA event sets) through
the default configuration's analysis stages, with ``nlp.spacy.batch_chars`` set to N (0: no limit, as before the
limit existed), and prints the resident memory every 500 articles, the peak (VmHWM) and the CPU time.
docs/benchmarks.md ("Scale and reliability", fourteenth session) compares the settings with it.
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from run import articles  # noqa: E402

from geowire.config import load_config  # noqa: E402
from geowire.pipeline import ANALYSIS_KINDS, Pipeline  # noqa: E402

NO_LIMIT = 10**12


def _status_mb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as handle:
        line = next(line for line in handle if line.startswith(field))
    return int(line.split()[1]) // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--batch-chars", type=int, default=None, help="0 for no limit; default: the configured one")
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    args = parser.parse_args()
    config = load_config()
    if args.batch_chars is not None:
        config["components"]["nlp"]["batch_chars"] = args.batch_chars or NO_LIMIT
    names = [n for n in config["pipeline"]["order"] if config["components"][n]["kind"] in ANALYSIS_KINDS]
    pipeline = Pipeline.from_config(config, only=names)
    docs = articles(args.bench, args.articles)
    for doc in docs:
        doc.language = "en"
    for done, _ in enumerate(pipeline.process(docs, raw=True), 1):
        if done % 500 == 0:
            print(f"{done} articles: RSS {_status_mb('VmRSS')} MB")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    limit = {None: "as configured", 0: "no limit"}.get(args.batch_chars, args.batch_chars)
    print(f"batch_chars {limit}: {len(docs)} articles, "
          f"peak RSS {_status_mb('VmHWM')} MB, CPU {usage.ru_utime + usage.ru_stime:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
