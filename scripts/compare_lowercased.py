"""What losing capitals costs the event coder, and how much the true-cased parse wins back.

The VOA articles of the annotated whole-article sets (our 40 and the blind batches) are written with capitals. Each
is coded as written, then lower-cased (every letter), with the parser's true-casing on and off
(``nlp.spacy.truecase``), and scored against the same annotation (offsets do not move):

    python scripts/compare_lowercased.py [--bench ../shared/bench]

This is how docs/events.md ("Sides, fifteenth pass") measures the cost of a caseless feed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

from articles import FRESH_DIR, GOLD_DIR, gold_paths, load_gold, score_gold  # noqa: E402

from geowire.config import load_config  # noqa: E402
from geowire.model import Document  # noqa: E402
from geowire.pipeline import ANALYSIS_KINDS, Pipeline  # noqa: E402

FIGURES = ("precision", "recall", "f1", "source_accuracy", "target_accuracy", "location_accuracy")


def coded(articles: list[dict], lower: bool, truecase: bool) -> list[list[dict]]:
    config = load_config(overrides={"components": {"nlp": {"truecase": truecase}}})
    names = [n for n in config["pipeline"]["order"] if config["components"][n]["kind"] in ANALYSIS_KINDS]
    pipeline = Pipeline.from_config(config, only=names)
    docs = [Document(id=str(a["id"]), text=a["text"].lower() if lower else a["text"], published=a.get("published"),
                     language="en") for a in articles]
    return [[] if o.error else o.document.to_output()["events"] for o in pipeline.process(docs, raw=True)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    args = parser.parse_args()
    paths = [p for p in gold_paths(GOLD_DIR) + gold_paths(FRESH_DIR) if "voa" in p.name]
    articles = load_gold(paths, args.bench)
    print(f"{len(articles)} VOA articles, {sum(len(a['events']) for a in articles)} events")
    for label, lower, truecase in (("as written", False, True), ("lower-cased, true-cased parse", True, True),
                                   ("lower-cased, parsed as it is", True, False)):
        scores = score_gold(list(zip(articles, coded(articles, lower, truecase), strict=True)))
        print(f"{label:32}", "  ".join(f"{k} {scores[k]:.4f}" for k in FIGURES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
