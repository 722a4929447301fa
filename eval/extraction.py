"""Main-text extraction on the ScrapingHub article-extraction benchmark.

Every page goes through the same cleaner stages the pipeline runs (the configured
HTML cleaner, then the junk-line filter), and the text that comes out is scored
with the benchmark's word-4-gram shingle metric as its README describes it:
per-page counts normalised so every page weighs the same, precision and recall
averaged over pages, F1 the harmonic mean of those two averages, and accuracy the
share of pages whose token sequence equals the gold exactly.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from geowire.config import component_settings, load_config
from geowire.model import Document, Drop
from geowire.registry import registry

BENCH_SUBDIR = Path("extraction") / "scrapinghub_aeb"
TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def shingles(words: list[str], size: int = SHINGLE) -> Counter:
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page."""
    gold_shingles = shingles(tokens(gold))
    pred_shingles = shingles(tokens(predicted))
    tp = sum((gold_shingles & pred_shingles).values())
    fp = sum((pred_shingles - gold_shingles).values())
    fn = sum((gold_shingles - pred_shingles).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Benchmark metrics over (gold, predicted) text pairs."""
    precisions, recalls, exact = [], [], 0
    for gold, predicted in pairs:
        tp, fp, fn = page_counts(gold, predicted)
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
        else:
            if tp + fp > 0:
                precisions.append(tp / (tp + fp))
            if tp + fn > 0:
                recalls.append(tp / (tp + fn))
        exact += tokens(gold) == tokens(predicted)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "accuracy": round(exact / len(pairs), 4) if pairs else 0.0,
        "pages": len(pairs),
    }


def cleaner_stages(config: dict[str, Any] | None = None) -> list[Any]:
    """The configured components of kind ``cleaners``, in pipeline order."""
    config = config or load_config()
    stages = []
    for name in config["pipeline"]["order"]:
        entry = config["components"][name]
        if entry["kind"] == "cleaners":
            stages.append(registry.create(entry["kind"], entry["factory"], component_settings(entry)))
    return stages


def clean(stages: list[Any], doc: Document) -> str:
    try:
        for stage in stages:
            doc = stage(doc)
    except Drop:
        return ""
    return doc.text


def load_pages(bench_dir: Path, limit: int | None) -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold body) for each page, in a stable order."""
    truth = json.loads((bench_dir / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        with gzip.open(bench_dir / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as handle:
            html = handle.read()
        pages.append((page_id, truth[page_id]["url"], html, truth[page_id]["articleBody"]))
    return pages


def evaluate(bench: Path, limit: int | None = None, config: dict[str, Any] | None = None) -> dict:
    bench_dir = Path(bench) / BENCH_SUBDIR
    stages = cleaner_stages(config)
    html_only = stages[:1]
    with_junk, without_junk = [], []
    for page_id, url, html, gold in load_pages(bench_dir, limit):
        extracted = clean(html_only, Document(id=page_id, html=html, url=url))
        with_junk.append((gold, clean(stages[1:], Document(id=page_id, text=extracted)) if extracted else ""))
        without_junk.append((gold, extracted))
    metrics = score(with_junk)
    html_only_metrics = score(without_junk)
    metrics["f1_html_cleaner_only"] = html_only_metrics["f1"]
    metrics["notes"] = [
        "pipeline cleaners: " + " -> ".join(type(s).__name__ for s in stages),
        "f1_html_cleaner_only: the same without the junk-line filter",
    ]
    return metrics


def main(argv: list[str] | None = None) -> None:
    repo_root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=repo_root.parent / "shared" / "bench")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    metrics = evaluate(args.bench, args.limit)
    for note in metrics.pop("notes", []):
        print(f"# {note}", file=sys.stderr)
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
