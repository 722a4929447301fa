"""Geo stage benchmark: index load, per-toponym resolution time, geo vs spaCy time, peak memory.

    python bench/geo_bench.py [--articles N] [--bench ../shared/bench]

Uses the LGL article texts (timing only) when ../shared/bench is there, else the bundled
samples. Prints: index build check and load time (a fresh process-level open plus a first
lookup), median and p95 resolution time per toponym with the gold spans given (the resolver
alone, after a warm-up pass so the per-name cache reflects steady state across a batch of
articles), the recogniser+resolver time as a share of spaCy's time over the same articles (each
warmed by one short text first),
and the peak RSS of the process with the spaCy model loaded (targets: ≤ 1 s, ≤ 1 ms, ≤ 10 %,
≤ 600 MB).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from geowire.model import Document

REPO = Path(__file__).resolve().parent.parent


def load_docs(bench: Path, count: int) -> list[tuple[Document, list[tuple[int, int]]]]:
    """Documents with their gold toponym spans (none for the bundled samples)."""
    lgl = bench / "geoparsing" / "lgl" / "lgl.xml"
    if lgl.exists():
        docs = []
        for node in list(ET.parse(lgl).getroot().iter("article"))[:count]:
            spans = [(int(t.findtext("start")), int(t.findtext("end"))) for t in node.iter("toponym")]
            docs.append((Document(id=node.get("docid"), text=node.findtext("text") or ""), spans))
        return docs
    from geowire.ingest.sources import read_paths

    samples = [d for d in read_paths([REPO / "src" / "geowire" / "samples"]) if isinstance(d, Document)]
    return [(Document(id=f"s{i}", text=d.text), [])
            for i, d in enumerate(samples * (count // max(1, len(samples)) + 1))][:count]


def index_load_seconds() -> float:
    from geowire.geo import build_index
    from geowire.geo.gazetteer import Gazetteer

    path = build_index()
    started = time.perf_counter()
    Gazetteer(path).candidates("Mosul")
    return time.perf_counter() - started


def resolution_ms_per_toponym(docs: list[tuple[Document, list[tuple[int, int]]]]) -> tuple[float, float, int]:
    """Per document: resolver time / toponyms, for documents with given spans (oracle NER, the
    ``given_spans`` recogniser as the extract command runs it for a record's "spans")."""
    from geowire.geo.given import make_given_spans
    from geowire.ingest.protocol import given_places

    resolver = make_given_spans()
    with_spans = [(d, spans) for d, spans in docs if spans]
    for doc, spans in with_spans[:20]:     # warm-up: opens the index, fills the lookup cache a little
        resolver(Document(id=doc.id, text=doc.text, places=given_places(doc.text, spans)))
    per_toponym = []
    for doc, spans in with_spans:
        started = time.perf_counter()
        resolver(Document(id=doc.id, text=doc.text, places=given_places(doc.text, spans)))
        per_toponym.append((time.perf_counter() - started) * 1000 / len(spans))
    per_toponym.sort()
    return statistics.median(per_toponym), per_toponym[int(0.95 * (len(per_toponym) - 1))], len(with_spans)


def stage_times(docs: list[tuple[Document, list[tuple[int, int]]]]) -> tuple[float, float, int]:
    from geowire.geo.recognise import make_gazetteer_places
    from geowire.nlp.spacy_nlp import make_spacy_parser

    parser, recogniser = make_spacy_parser(), make_gazetteer_places()
    plain = [Document(id=d.id, text=d.text) for d, _ in docs]
    parser.nlp("warm up")
    # the geo stage warmed the same way: one short parsed text opens the index (reported above as
    # geo_index_load_s) and its first lookups, which a running pipeline pays once, not per article; so is
    # the table of initials ("NSW"), built at the first all-capital name the index lacks (0.2 s)
    recogniser(parser(Document(id="warm", text="Police in Springfield, Illinois, said.")))
    recogniser.gazetteer.fallback_candidates("NSW")
    started = time.perf_counter()
    plain = list(parser.pipe(plain))
    spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    places = sum(len(recogniser(d).places) for d in plain)
    return spacy_seconds, time.perf_counter() - started, places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    docs = load_docs(args.bench, args.articles)
    print(f"geo_index_load_s\t{index_load_seconds():.3f}")
    median_ms, p95_ms, measured = resolution_ms_per_toponym(docs)
    if measured:
        print(f"geo_resolve_median_ms_per_toponym\t{median_ms:.3f}\t(p95 {p95_ms:.3f}, {measured} articles)")
    spacy_seconds, geo_seconds, places = stage_times(docs)
    print(f"spacy_seconds\t{spacy_seconds:.2f}\t({len(docs)} articles)")
    print(f"geo_seconds\t{geo_seconds:.2f}\t({places} places)")
    print(f"geo_share_of_spacy\t{geo_seconds / spacy_seconds:.3f}")
    print(f"peak_rss_mb\t{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()
