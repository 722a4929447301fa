"""Speed of the time-expression stage as a share of spaCy's time over the same articles.

    python bench/timex_bench.py [--articles N] [--bench ../shared/bench] [--repeat R]

Uses the TBAQ (TimeBank + AQUAINT) texts when ../shared/bench is there (only their text
and publication date, for timing), else the bundled samples. Times spaCy's `nlp.pipe`
once, then the stage on plain text and with the parse (tense from the governing verb),
each the best of R runs. The issue's target is a share of at most 5%.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from pathlib import Path

from geowire.ingest.sources import read_paths
from geowire.model import Document
from geowire.nlp.spacy_nlp import load_model
from geowire.timex.recognise import extract_times

REPO = Path(__file__).resolve().parent.parent
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})")


def tbaq_articles(bench: Path, count: int) -> list[tuple[str, str | None]]:
    files = sorted((bench / "temporal" / "tbaq_cleaned").rglob("*.tml"))[:count]
    articles = []
    for path in files:
        raw = path.read_text(encoding="utf-8")
        body = _TEXT.search(raw)
        dct = _DCT.search(raw)
        articles.append((html.unescape(_TAG.sub("", body.group(1) if body else "")), dct.group(1) if dct else None))
    return articles


def sample_articles(count: int) -> list[tuple[str, str | None]]:
    docs = [d for d in read_paths([REPO / "src" / "geowire" / "samples"]) if isinstance(d, Document)]
    repeated = docs * (count // max(1, len(docs)) + 1)
    return [(d.text, d.published) for d in repeated[:count]]


def _best_of(repeat: int, run) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - began)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    tbaq = args.bench / "temporal" / "tbaq_cleaned"
    articles = tbaq_articles(args.bench, args.articles) if tbaq.exists() else sample_articles(args.articles)
    source = "TBAQ" if tbaq.exists() else "bundled samples"
    texts = [text for text, _ in articles]

    nlp = load_model()
    began = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    spacy_seconds = time.perf_counter() - began

    plain = _best_of(args.repeat, lambda: [extract_times(t, p) for t, p in articles])
    pairs = list(zip(articles, parsed, strict=True))
    with_parse = _best_of(args.repeat, lambda: [extract_times(t, p, doc) for (t, p), doc in pairs])
    words = sum(len(t.split()) for t in texts)
    print(f"articles                 {len(texts)} ({source}, {words} words)")
    print(f"spacy seconds            {spacy_seconds:.3f}")
    print(f"timex seconds (text)     {plain:.4f}  share of spaCy {plain / spacy_seconds:.2%}")
    print(f"timex seconds (parse)    {with_parse:.4f}  share of spaCy {with_parse / spacy_seconds:.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
