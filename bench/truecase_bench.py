"""Speed of the parser's view (nlp/truecase.py, nlp/mojibake.py) as a share of spaCy's time over the same articles.

    python bench/truecase_bench.py [--articles N] [--bench ../shared/bench] [--repeat R]

Uses the India set's articles (lower-cased news) when ../shared/bench is there, else the bundled samples lower-cased.
Times spaCy's `nlp.pipe` once over the articles, then the parser's view of each (the caseless test, the true-casing
of those that are caseless, and the repair of garbled quotes), the best of R runs, and the view without the repair.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from geowire.ingest.sources import read_paths
from geowire.model import Document
from geowire.nlp.spacy_nlp import DEFAULT_MODEL, SpacyParser, load_model
from geowire.nlp.truecase import is_caseless

REPO = Path(__file__).resolve().parent.parent


def texts(bench: Path, count: int) -> list[str]:
    india = bench / "events" / "india_police_events" / "articles.jsonl"
    if india.is_file():
        with open(india, encoding="utf-8") as handle:
            return [json.loads(line)["text"] for line in handle][:count]
    docs = [d for d in read_paths([REPO / "src" / "geowire" / "samples"]) if isinstance(d, Document)]
    return [d.text.lower() for d in docs][:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = texts(args.bench, args.articles)
    if not articles:
        print("no articles", file=sys.stderr)
        return 1
    view = SpacyParser(DEFAULT_MODEL, 16, 1_000_000, truecase=True).parser_view
    unrepaired = SpacyParser(DEFAULT_MODEL, 16, 1_000_000, truecase=True, mojibake=False).parser_view
    view(articles[0])  # loads the model and its word list outside the timing
    nlp = load_model()
    started = time.perf_counter()
    for _ in nlp.pipe(articles, batch_size=16):
        pass
    spacy_seconds = time.perf_counter() - started
    best = _best_time(view, articles, args.repeat)
    without_repair = _best_time(unrepaired, articles, args.repeat)
    caseless = sum(is_caseless(text) for text in articles)
    per_article = 1000 * best / len(articles)
    print(f"{len(articles)} articles ({caseless} caseless): spaCy {spacy_seconds:.2f} s, parser view with true-casing "
          f"{best:.3f} s ({per_article:.2f} ms per article), {100 * best / spacy_seconds:.1f} % of spaCy; without the "
          f"repair of garbled quotes {without_repair:.3f} s ({100 * without_repair / spacy_seconds:.1f} %)")
    return 0


def _best_time(view, articles: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in articles:
            view(text)
        best = min(best, time.perf_counter() - started)
    return best


if __name__ == "__main__":
    raise SystemExit(main())
