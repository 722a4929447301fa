"""Evaluate the actors and event-coding stages on the PLOVER gold-standard records.

End to end: the text alone goes through spaCy, the actor stage, the place and time
stages when they can be built, and the event coder; the first (main) event of the
record is compared with the gold PLOVER type, its source/target countries with the
gold actor/recipient countries. Pair protocol: where the gold actor and recipient
texts can be found in the sentence they are given to the coder's ``type_pairs`` (as the
extract command answers a record's "pairs") and its type is scored. Actor recognition: each
locatable gold actor/recipient text is checked against ``doc.actors`` (same span region, same country).

The learned type classifier is scored in 5-fold cross-validation (each record coded by a
model fitted without its fold, plus scripts/event_examples.tsv); ``rules_type_*`` score the
rules alone. Confidence is checked with a reliability table (bins of confidence against the
share of main events with the right type). Times: least of three runs, shipped model.

    python eval/events.py [--bench PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

from geowire.model import PLOVER_TYPES, Document

BENCH_FILE = Path("events/plover_gsr_cameo/plover_gsr_cameo.jsonl")
EXAMPLES = Path(__file__).resolve().parent.parent / "scripts" / "event_examples.tsv"
FOLDS = 5
TIMING_REPEATS = 3
SENTENCE_FALLBACK = 0.25   # fallback_threshold for input of one event per sentence
CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)
QUADS = {
    "AGREE": "verbal-coop", "CONSULT": "verbal-coop", "SUPPORT": "verbal-coop", "CONCEDE": "material-coop",
    "COOPERATE": "material-coop", "AID": "material-coop", "RETREAT": "material-coop", "REQUEST": "verbal-conf",
    "ACCUSE": "verbal-conf", "REJECT": "verbal-conf", "THREATEN": "verbal-conf", "PROTEST": "material-conf",
    "SANCTION": "material-conf", "MOBILIZE": "material-conf", "COERCE": "material-conf", "ASSAULT": "material-conf",
}


def load_records(bench: Path, limit: int | None) -> list[dict]:
    with (bench / BENCH_FILE).open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[:limit] if limit else records


def macro_f1(pairs: list[tuple[str, str | None]], labels: tuple[str, ...]) -> float:
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        if tp + fp + fn == 0:
            continue
        scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores) if scores else 0.0


def locate(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    return (at, at + len(needle)) if needle and at >= 0 else None


def _optional_stage(name: str):
    """The place/time stages are other teams' work: use them when they can be built."""
    from geowire.config import load_config
    from geowire.pipeline import Pipeline

    try:
        return Pipeline.from_config(load_config(), only=[name]).stage(name)
    except Exception as exc:  # noqa: BLE001 - report and go on without the stage
        return exc


def _run(records: list[dict], with_pairs: bool, use_context_stages: bool, folds: int):
    """Parse, find actors (and places/times when those stages build), then code events
    with the rules alone and with the classifier in ``folds``-fold cross-validation."""
    from geowire.actors.recognise import make_alias_table_actors
    from geowire.events.coder import make_plover_rules
    from geowire.nlp.spacy_nlp import load_model

    nlp, actors = load_model(), make_alias_table_actors()
    extra, notes = [], []
    if use_context_stages:
        for name in ("places", "times"):
            stage = _optional_stage(name)
            if isinstance(stage, Exception):
                notes.append(f"{name} stage unavailable ({type(stage).__name__}); events have no {name}")
            else:
                extra.append(stage)
    docs = [Document(id=record["id"], text=record["text"], published="2000-01-01", language="en")
            for record in records]
    pairs = [_gold_pairs(record) if with_pairs else None for record in records]
    parsed_all: list = []
    spacy_s = _fastest(lambda: parsed_all.append(list(nlp.pipe([d.text for d in docs], batch_size=64))))
    for doc, parsed in zip(docs, parsed_all[-1], strict=True):
        doc.parsed = parsed
    failures = Counter()
    for stage in extra:
        for doc in docs:
            try:
                stage(doc)
            except Exception as exc:  # noqa: BLE001 - another team's stage; score without it
                failures[type(exc).__name__] += 1
    notes += [f"context stage failed on {n} records: {name}" for name, n in failures.items()]
    warm = Document(id="warm-up", text="Police arrested protesters.", language="en")
    warm.parsed = nlp(warm.text)
    actors(warm)  # table loading is a one-off cost, not per-document time
    actors_s = _fastest(lambda: [actors(doc) for doc in docs])
    rules = _code_with_rules(docs)
    coder = make_plover_rules()  # as shipped: the time that counts in production
    coder(warm)
    coder_s = _fastest(lambda: [coder(doc) for doc in docs])
    typed = _code_cross_validated(docs, [r["event"] for r in records], folds, pairs)
    return docs, rules, spacy_s, (actors_s, coder_s), notes, pairs, typed


def _fastest(work, repeats: int = TIMING_REPEATS) -> float:
    """The least wall time of a few runs: the machine is shared, and noise only ever adds."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - t0)
    return best


def _code_with_rules(docs: list[Document]) -> list[str | None]:
    from geowire.events.coder import EventCoder

    coder = EventCoder(model=None)
    return [(coder(doc).events or [None])[0] and doc.events[0].type for doc in docs]


def _code_cross_validated(docs: list[Document], labels: list[str], folds: int,
                          pairs: list | None = None) -> list[list[str | None] | None]:
    """Code each document with a classifier trained without its fold (plus the written
    examples, which are never scored); the types of each document's given pairs (None
    where it has none), typed by the same classifier's coder."""
    from geowire.events.coder import EventCoder
    from geowire.events.training import (
        fit_calibrated,
        folds_of,
        main_reading,
        parsed_documents,
        written_examples,
    )

    reader = EventCoder(model=None)
    features = [main_reading(reader, doc).features() for doc in docs]
    texts, written_labels = written_examples(EXAMPLES)
    written = ([main_reading(reader, d).features() for d in parsed_documents(texts)], written_labels)
    fold = folds_of(labels, folds)
    pairs = pairs or [None] * len(docs)
    typed: list[list[str | None] | None] = [None] * len(docs)
    for f in range(folds):
        train = [i for i in range(len(docs)) if fold[i] != f]
        model = fit_calibrated([features[i] for i in train], [labels[i] for i in train], extra=written)
        # each PLOVER record is known to tell one event: the classifier may code a sentence the lexicon misses
        # (the shipped default leaves that off for whole articles; docs/config.md, fallback_threshold)
        coder = EventCoder(model=model, fallback_threshold=SENTENCE_FALLBACK)
        for i in range(len(docs)):
            if fold[i] == f:
                coder(docs[i])
                if pairs[i] is not None:
                    typed[i] = coder.type_pairs(docs[i], pairs[i])
    return typed


def _gold_pairs(record: dict):
    text = record["text"]
    if not record["actor"] or not record["recipient"]:
        return None
    source = locate(text, record["actor"][0]["text"])
    target = locate(text, record["recipient"][0]["text"])
    if source is None or target is None:
        return None
    return [(source, target)]


def _country_hit(arg, gold: list[dict]) -> bool:
    return arg is not None and arg.country is not None and arg.country in {g["country"] for g in gold}


def _actor_recognition(record: dict, doc: Document) -> tuple[int, int]:
    located = correct = 0
    for gold in record["actor"] + record["recipient"]:
        span = locate(record["text"], gold["text"])
        if span is None or not gold.get("country"):
            continue
        located += 1
        overlapping = [a for a in doc.actors if a.start < span[1] and span[0] < a.end]
        correct += any(a.country == gold["country"] for a in overlapping)
    return located, correct


def evaluate(bench: Path, limit: int | None = None) -> dict:
    records = load_records(bench, limit)
    run = _run(records, with_pairs=True, use_context_stages=True, folds=FOLDS)
    docs, rules, spacy_s, (actors_s, coder_s), notes, pairs, typed = run
    type_pairs, pair_pairs, modes, confidences = [], [], [], []
    src_total = src_ok = tgt_total = tgt_ok = located = recognised = 0
    for record, doc, given, types in zip(records, docs, pairs, typed, strict=True):
        main = doc.events[0] if doc.events else None
        gold = record["event"]
        type_pairs.append((gold, main.type if main else None))
        if main:
            confidences.append((main.confidence, main.type == gold))
        if main and main.type == gold and record.get("mode"):
            modes.append(main.mode == record["mode"])
        if record["actor"]:
            src_total += 1
            src_ok += bool(main) and _country_hit(main.source, record["actor"])
        if record["recipient"]:
            tgt_total += 1
            tgt_ok += bool(main) and _country_hit(main.target, record["recipient"])
        if given:
            pair_pairs.append((gold, (types or [None])[0]))
        a, b = _actor_recognition(record, doc)
        located += a
        recognised += b
    n = len(records)
    quads = [(QUADS[g], QUADS.get(p) if p else None) for g, p in type_pairs]
    confusion = Counter((g, p) for g, p in type_pairs if g != p).most_common(8)
    notes.append("top confusions (gold, predicted): " + ", ".join(f"{g}->{p}:{c}" for (g, p), c in confusion))
    notes.append(f"type scores are {FOLDS}-fold cross-validated: each record is coded by a classifier trained "
                 "without its fold (plus scripts/event_examples.tsv); rules_* are the rules alone")
    table, ece = reliability(confidences)
    notes += table
    rule_pairs = [(r["event"], p) for r, p in zip(records, rules, strict=True)]
    matched = multi_event_matched(records, docs)
    return {
        "records": n,
        "rules_type_accuracy": _ratio(sum(g == p for g, p in rule_pairs), n),
        "rules_type_macro_f1": round(macro_f1(rule_pairs, PLOVER_TYPES), 4),
        "type_accuracy": _ratio(sum(g == p for g, p in type_pairs), n),
        "type_macro_f1": round(macro_f1(type_pairs, PLOVER_TYPES), 4),
        "type_accuracy_multi_event_matched": _ratio(sum(g == p for g, p in matched), n),
        "type_macro_f1_multi_event_matched": round(macro_f1(matched, PLOVER_TYPES), 4),
        "quad_accuracy": _ratio(sum(g == p for g, p in quads), n),
        "event_coverage": _ratio(sum(p is not None for _, p in type_pairs), n),
        "pair_records": len(pair_pairs),
        "pair_type_accuracy": _ratio(sum(g == p for g, p in pair_pairs), len(pair_pairs)),
        "pair_type_macro_f1": round(macro_f1(pair_pairs, PLOVER_TYPES), 4),
        "source_country_accuracy": _ratio(src_ok, src_total),
        "target_country_accuracy": _ratio(tgt_ok, tgt_total),
        "actor_country_accuracy": _ratio(recognised, located),
        "actor_slots_located": located,
        "mode_accuracy_given_type": _ratio(sum(modes), len(modes)),
        "confidence_ece": ece,
        "spacy_seconds": round(spacy_s, 3),
        "actors_seconds": round(actors_s, 3),
        "events_seconds": round(coder_s, 3),
        "actors_events_share_of_spacy": _ratio(actors_s + coder_s, spacy_s),
        "notes": notes,
    }


def multi_event_matched(records: list[dict], docs: list[Document]) -> list[tuple[str, str | None]]:
    """(gold, predicted) per record where a sentence coded as several gold records (the same text
    with different events: "kidnapped 16 advisers and exploded bombs") is matched one-to-one
    against the document's events by type; a single-record sentence is scored on its main event
    as in ``type_accuracy``, so coding more events never helps there."""
    by_text: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        by_text.setdefault(record["text"], []).append(i)
    out: list[tuple[str, str | None]] = []
    for i, (record, doc) in enumerate(zip(records, docs, strict=True)):
        group = by_text[record["text"]]
        main = doc.events[0].type if doc.events else None
        if len(group) == 1:
            out.append((record["event"], main))
            continue
        available = [e.type for e in doc.events]
        for j in group:  # earlier records of the group take their type first
            gold = records[j]["event"]
            hit = gold in available
            if hit:
                available.remove(gold)
            if j == i:
                out.append((gold, gold if hit else (available[0] if available else None)))
                break
    return out


def reliability(pairs: list[tuple[float, bool]]) -> tuple[list[str], float]:
    """Confidence bins of the main event against the share whose type is right, and the
    expected calibration error (bin-size-weighted mean gap)."""
    lines = ["reliability (confidence bin: events, mean confidence, share with the right type)"]
    gap = 0.0
    for low, high in pairwise(CONFIDENCE_BINS):
        members = [(c, ok) for c, ok in pairs if low <= c < high]
        if not members:
            continue
        mean = sum(c for c, _ in members) / len(members)
        right = sum(ok for _, ok in members) / len(members)
        gap += len(members) * abs(mean - right)
        lines.append(f"  [{low:.1f}, {min(high, 1.0):.1f}): {len(members):3d}  {mean:.3f}  {right:.3f}")
    return lines, round(gap / len(pairs), 4) if pairs else 0.0


def _ratio(a: float, b: float) -> float:
    return round(a / b, 4) if b else 0.0


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=repo.parent / "shared" / "bench")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    for key, value in evaluate(args.bench, args.limit).items():
        if key == "notes":
            for note in value:
                print(f"# {note}")
        else:
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
