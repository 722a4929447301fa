"""Speed and memory benchmark: time each pipeline stage over the same articles, in one run.

    python bench/run.py [--articles N] [--bench ../shared/bench]

Reports each stage's share of the spaCy time (the ratios the issues set targets on), documents per second,
gazetteer load time and the peak resident memory of the process; then, in the same run, a bare spaCy pass over the
same texts (the model as shipped, ``nlp.pipe`` alone) and the whole pipeline's time divided by it (issue 11's target
is at most 1.0), and the time a fresh ``geowire extract`` process takes to print its first result. With
``--components``, where the spaCy time goes: each component of geowire's spaCy pipeline run over the same texts one
after another (the tokenizer, then each component's ``pipe`` over all of them), with spaCy's own
``attribute_ruler`` beside the column-wise rules that replace it. With ``--paired N``, the ratio once more, measured
so that a changing load on a shared machine touches both sides alike: a fresh pipeline and a freshly loaded bare
model take turns over the same articles, 32 at a time (which goes first alternates), N rounds, each side's wall and
CPU time summed per round, and over the second half of the articles alone (caches warmer, nearer a long run's
steady state); both lemmatizer caches start empty. The bare model is spaCy as shipped (its matrix products
on BLIS); ``--bare-matmul numpy`` gives it the nlp stage's numpy products too, to show how much of the ratio that
change alone makes. Uses the LGL articles when ../shared/bench is there (only their text, for timing; past
their 588, the India and VOA event sets' articles), else the bundled samples repeated.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from geowire.ingest.sources import read_paths
from geowire.model import Document
from geowire.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent


def articles(bench: Path, count: int) -> list[Document]:
    """The LGL articles first; past its 588, the whole-article event sets' (India, then VOA), so a run can be
    long enough for start-up costs to stop mattering. Without ../shared/bench, the bundled samples repeated."""
    lgl = bench / "geoparsing" / "lgl" / "lgl.xml"
    if lgl.exists():
        root = ET.parse(lgl).getroot()
        texts = [a.findtext("text") or "" for a in root.iter("article")][:count]
        docs = [Document(id=f"lgl-{i}", text=t, published="2009-03-15") for i, t in enumerate(texts)]
        for name in ("india_police_events", "m2e2_voa"):
            docs += _event_set_articles(bench / "events" / name / "articles.jsonl", name, count - len(docs))
        return docs
    samples = [d for d in read_paths([REPO / "src" / "geowire" / "samples"]) if isinstance(d, Document)]
    repeated = samples * (count // len(samples) + 1)
    return [Document(id=f"sample-{i}", text=d.text, html=d.html) for i, d in enumerate(repeated)][:count]


def _event_set_articles(path: Path, name: str, count: int) -> list[Document]:
    if count <= 0 or not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(count), handle, strict=False)]
    return [Document(id=f"{name}-{r['id']}", text=r["text"], published=r.get("published")) for r in rows]


def time_stages(pipeline: Pipeline, docs: list[Document], batch_size: int = 16) -> dict[str, float]:
    seconds: dict[str, float] = defaultdict(float)
    for stage in pipeline.stages:
        component = stage.component
        if hasattr(component, "pipe"):
            original = component.pipe

            def timed_pipe(items, _original=original, _name=stage.name):
                started = time.perf_counter()
                out = list(_original(items))
                seconds[_name] += time.perf_counter() - started
                return out

            component.pipe = timed_pipe
        else:
            stage.component = _Timed(component, stage.name, seconds)
    analysed = [o.document for o in pipeline.process(docs, batch_size=batch_size) if o.error is None]
    return dict(seconds), analysed


def time_store(docs: list[Document]) -> tuple[float, float]:
    """Seconds to store the analysed documents (merging included), and of that the merge alone."""
    import tempfile

    from geowire.store import eventlog
    from geowire.store.repository import Store

    store = Store.open(f"sqlite:///{tempfile.mkdtemp(prefix='geowire-bench-')}/bench.db")
    merge_seconds = 0.0
    original = eventlog.add_mentions

    def timed(conn, doc):
        nonlocal merge_seconds
        started = time.perf_counter()
        try:
            return original(conn, doc)
        finally:
            merge_seconds += time.perf_counter() - started

    eventlog.add_mentions = timed
    started = time.perf_counter()
    try:
        for doc in docs:
            store.save_document(doc)
    finally:
        eventlog.add_mentions = original
    return time.perf_counter() - started, merge_seconds


class _Timed:
    def __init__(self, component, name, seconds):
        self.component, self.name, self.seconds = component, name, seconds

    def __call__(self, doc):
        started = time.perf_counter()
        try:
            return self.component(doc)
        finally:
            self.seconds[self.name] += time.perf_counter() - started


def bare_model(name: str, matmul: str = "blis"):
    """The shipped model with no geowire component; with ``matmul="numpy"`` its products on numpy's BLAS, as the
    nlp stage's."""
    import spacy

    from geowire.nlp.spacy_nlp import use_numpy_matmul

    nlp = spacy.load(name)
    if matmul == "numpy" and not use_numpy_matmul(nlp):
        raise SystemExit("--bare-matmul numpy needs threadpoolctl")
    return nlp


def bare_spacy_seconds(docs: list[Document], batch_size: int = 16, matmul: str = "blis") -> float:
    """spaCy alone over the same texts: the shipped model with no geowire component, ``nlp.pipe`` in batches."""
    from geowire.config import load_config
    from geowire.nlp.spacy_nlp import DEFAULT_MODEL

    nlp = bare_model(load_config()["components"]["nlp"].get("model", DEFAULT_MODEL), matmul)
    texts = [d.text or d.html or "" for d in docs]
    list(nlp.pipe(["Warm-up sentence in Paris on Monday."]))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def component_seconds(docs: list[Document], batch_size: int = 16) -> dict[str, float]:
    """Seconds of each component of geowire's spaCy pipeline over the texts, run one after another; and of the
    model's own ``attribute_ruler`` over the same parsed documents (what the column-wise rules replace)."""
    import spacy

    from geowire.config import load_config
    from geowire.nlp.spacy_nlp import DEFAULT_MODEL, load_model

    name = load_config()["components"]["nlp"].get("model", DEFAULT_MODEL)
    nlp = load_model(name)
    list(nlp.pipe(["Warm-up sentence in Paris on Monday."]))
    texts = [d.text or d.html or "" for d in docs]
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    parsed = [nlp.make_doc(text) for text in texts]
    seconds["tokenizer"] = time.perf_counter() - started
    for component, process in nlp.pipeline:
        if component == "geowire_attribute_rules":
            stock = spacy.load(name).get_pipe("attribute_ruler")
            copies = [doc.copy() for doc in parsed]
            started = time.perf_counter()
            for _ in stock.pipe(copies, batch_size=batch_size):
                pass
            seconds["(spaCy's attribute_ruler, replaced)"] = time.perf_counter() - started
        started = time.perf_counter()
        if hasattr(process, "pipe"):
            parsed = list(process.pipe(parsed, batch_size=batch_size))
        else:
            parsed = [process(doc) for doc in parsed]
        seconds[component] = time.perf_counter() - started
    return seconds


def _forget_lemmas(nlp) -> None:
    """Empty the lemma caches of a loaded model (spaCy's lemmatizer, and geowire's column lemmatizer's table)."""
    if "geowire_lemmas" in nlp.pipe_names:
        nlp.get_pipe("geowire_lemmas").known.clear()
        nlp.get_pipe("geowire_lemmas").lemmatizer.cache.clear()
    if "lemmatizer" in nlp.pipe_names:
        nlp.get_pipe("lemmatizer").cache.clear()


def paired_ratios(docs: list[Document], rounds: int, chunk: int = 32, batch_size: int = 16,
                  matmul: str = "blis") -> list[dict]:
    """Per round: the wall and CPU seconds of a fresh pipeline and of a freshly loaded bare model over the same
    texts, taking turns ``chunk`` articles at a time (the pipeline first on even chunks, the bare model on odd)."""
    from geowire.config import load_config
    from geowire.nlp.spacy_nlp import DEFAULT_MODEL, load_model

    name = load_config()["components"]["nlp"].get("model", DEFAULT_MODEL)
    out = []
    for _ in range(rounds):
        pipeline = Pipeline.from_config()
        pipeline.process_one(Document(id="warm", text="Warm-up sentence in Paris on Monday."))
        _forget_lemmas(load_model(name))
        pipeline = Pipeline.from_config()          # a fresh dedup index: the warm-up is no earlier article
        bare = bare_model(name, matmul)
        list(bare.pipe(["Warm-up sentence in Paris on Monday."]))
        _forget_lemmas(bare)
        totals = {f"{half}{side} {clock}": 0.0 for half in ("", "second half ") for side in ("pipeline", "bare")
                  for clock in ("wall", "cpu")}

        def run_pipeline(part, pipeline=pipeline):
            return [o for o in pipeline.process(part) if o.error is None]

        def run_bare(part, bare=bare):
            return list(bare.pipe([d.text or d.html or "" for d in part], batch_size=batch_size))

        for i in range(0, len(docs), chunk):
            part = [Document(id=d.id, text=d.text, html=d.html, published=d.published) for d in docs[i:i + chunk]]
            sides = [("pipeline", run_pipeline), ("bare", run_bare)]
            for side, run in sides if (i // chunk) % 2 == 0 else sides[::-1]:
                wall, cpu = time.perf_counter(), time.process_time()
                run(part)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                for half in ("", "second half ") if i >= len(docs) // 2 else ("",):
                    totals[f"{half}{side} wall"] += wall
                    totals[f"{half}{side} cpu"] += cpu
        out.append(totals)
    return out


def first_result_seconds(records: int = 1) -> float:
    """From starting `geowire extract` (a new process: imports, model, gazetteer) on ``records`` JSONL records on
    standard input, closed after them, to its first output line."""
    record = json.dumps({"id": "first", "text": "Police arrested 12 protesters in Lagos on Friday.",
                         "published": "2024-02-09"}) + "\n"
    started = time.perf_counter()
    process = subprocess.Popen([str(Path(sys.executable).with_name("geowire")), "extract"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    process.stdin.write(record * records)
    process.stdin.close()
    line = process.stdout.readline()
    seconds = time.perf_counter() - started
    process.stdout.read()
    if process.wait() != 0 or not line:
        raise SystemExit("geowire extract gave no result")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--components", action="store_true", help="also time each spaCy component")
    parser.add_argument("--paired", type=int, default=0, metavar="N",
                        help="also N rounds of pipeline and bare spaCy taking turns over the same articles")
    parser.add_argument("--bare-matmul", choices=("blis", "numpy"), default="blis",
                        help="the bare model's matrix products: blis (spaCy as shipped) or numpy (as the nlp stage)")
    args = parser.parse_args()

    started = time.perf_counter()
    from geowire.geo import get_gazetteer

    get_gazetteer().lookup("Mosul")
    gazetteer_load = time.perf_counter() - started

    pipeline = Pipeline.from_config()
    docs = articles(args.bench, args.articles)
    pipeline.process_one(Document(id="warm", text="Warm-up sentence in Paris on Monday."))
    wall = time.perf_counter()
    seconds, analysed = time_stages(pipeline, docs)
    wall = time.perf_counter() - wall
    store_seconds, merge_seconds = time_store(analysed)
    spacy_seconds = seconds.get("nlp", 0.0) or float("nan")
    chars = sum(len(d.text or d.html or "") for d in docs)

    print(f"articles: {len(docs)}  characters: {chars:,}  wall: {wall:.2f} s  docs/s: {len(docs) / wall:.1f}")
    print(f"gazetteer load (first use in process): {gazetteer_load:.3f} s")
    print(f"{'stage':<12} {'seconds':>9} {'share of spaCy':>15}")
    for name, value in seconds.items():
        print(f"{name:<12} {value:9.3f} {value / spacy_seconds:15.1%}")
    events = sum(len(d.events) for d in analysed)
    print(f"store (SQLite, one transaction per article): {store_seconds:.3f} s for {events} events; "
          f"merging {merge_seconds:.3f} s = {merge_seconds / (wall + store_seconds):.1%} of pipeline + store time")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")
    bare = bare_spacy_seconds(docs, matmul=args.bare_matmul)
    print(f"bare spaCy pass over the same texts: {bare:.2f} s; pipeline ÷ bare spaCy: {wall / bare:.2f} "
          f"(pipeline + store: {(wall + store_seconds) / bare:.2f}); pipeline ÷ its own spaCy stage: "
          f"{wall / spacy_seconds:.2f} (the two spaCy passes run minutes apart: on a shared machine compare both)")
    if args.components:
        parts = component_seconds(docs)
        total = sum(v for k, v in parts.items() if not k.startswith("("))
        print(f"{'spaCy component':<36} {'seconds':>9} {'share':>7}")
        for name, value in parts.items():
            print(f"{name:<36} {value:9.3f} {value / total:7.1%}")
        print(f"{'all components, one after another':<36} {total:9.3f}")
    if args.bare_matmul != "blis":
        print(f"bare spaCy's matrix products: {args.bare_matmul} (not as shipped)")
    for number, totals in enumerate(paired_ratios(docs, args.paired, matmul=args.bare_matmul), 1):
        print(f"paired round {number}: pipeline {totals['pipeline wall']:.2f} s wall / {totals['pipeline cpu']:.2f} s "
              f"CPU, bare spaCy {totals['bare wall']:.2f} s / {totals['bare cpu']:.2f} s; pipeline ÷ bare spaCy "
              f"{totals['pipeline wall'] / totals['bare wall']:.2f} wall, "
              f"{totals['pipeline cpu'] / totals['bare cpu']:.2f} CPU; second half of the articles (caches warmer): "
              f"{totals['second half pipeline wall'] / totals['second half bare wall']:.2f} wall, "
              f"{totals['second half pipeline cpu'] / totals['second half bare cpu']:.2f} CPU")
    print(f"geowire extract, time to first result (new process): {first_result_seconds():.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
