"""Evaluate the TIMEX3 stage on TimeML (.tml) documents, TempEval-3 style.

Metrics: strict extent P/R/F1 (exact offsets), relaxed extent P/R/F1 (any overlap,
one-to-one), value accuracy and type accuracy among relaxed matches, value F1
(a match counts only when its value is right too), a per-type breakdown and the
worst errors as notes.

The stage runs as the default pipeline runs it: with the spaCy parse of each text
(`--no-parse` for plain text, as with `use_parse = false`). Only the stage's own time
is counted in `seconds`.
"""

from __future__ import annotations

import argparse
import html
import pathlib
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass

from geowire.model import TimeExpr
from geowire.timex.recognise import extract_times

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT_BLOCK = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", re.DOTALL)


@dataclass
class GoldTime:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


@dataclass
class GoldDocument:
    name: str
    text: str
    published: str | None
    times: list[GoldTime]


def parse_tml(path: pathlib.Path) -> GoldDocument:
    """Strip the inline tags of <TEXT>, keeping each TIMEX3's character offsets."""
    raw = path.read_text(encoding="utf-8")
    block = _TEXT_BLOCK.search(raw)
    body = block.group(1) if block else ""
    dct = _DCT.search(raw)
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    times: list[GoldTime] = []
    cursor = 0
    for tag in _TAG.finditer(body):
        segment = html.unescape(body[cursor:tag.start()])
        pieces.append(segment)
        length += len(segment)
        cursor = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)[start:length]
            times.append(GoldTime(start, length, text, attrs.get("type", ""),
                                  attrs.get("value", ""), attrs.get("mod")))
            open_timex = None
    pieces.append(html.unescape(body[cursor:]))
    return GoldDocument(path.stem, "".join(pieces), dct.group(1) if dct else None, times)


def load_corpus(root: pathlib.Path, limit: int | None = None) -> list[GoldDocument]:
    files = sorted(root.rglob("*.tml"))
    if limit is not None:
        files = files[:limit]
    return [parse_tml(p) for p in files]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _relaxed_pairs(gold: list[GoldTime], system: list[TimeExpr]) -> list[tuple[GoldTime, TimeExpr]]:
    """One-to-one overlap matching, preferring the largest overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if _overlaps(g.start, g.end, s.start, s.end):
                overlap = min(g.end, s.end) - max(g.start, s.start)
                candidates.append((-overlap, gi, si))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, gi, si in sorted(candidates):
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def _f1(tp: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_system if n_system else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _same_value(gold: GoldTime, system: TimeExpr) -> bool:
    return (system.value or "") == gold.value


def _parses(documents: list[GoldDocument], parse: bool) -> list:
    """The spaCy parse the pipeline would hand the stage (its default `use_parse = true`)."""
    if not parse:
        return [None] * len(documents)
    from geowire.nlp.spacy_nlp import load_model

    return list(load_model().pipe([doc.text for doc in documents], batch_size=16))


def evaluate(bench: pathlib.Path, limit: int | None = None, max_notes: int = 40, parse: bool = True) -> dict:
    root = bench / "temporal" / "tbaq_cleaned" if (bench / "temporal").exists() else bench
    documents = load_corpus(root, limit)
    parses = _parses(documents, parse)
    n_gold = n_system = strict_tp = relaxed_tp = value_ok = type_ok = 0
    per_type_gold: Counter = Counter()
    per_type_found: Counter = Counter()
    per_type_value: Counter = Counter()
    errors: Counter = Counter()
    elapsed = 0.0
    for doc, parsed in zip(documents, parses, strict=True):
        began = time.perf_counter()
        system = extract_times(doc.text, doc.published, parsed)
        elapsed += time.perf_counter() - began
        n_gold += len(doc.times)
        n_system += len(system)
        strict_spans = {(s.start, s.end) for s in system}
        strict_tp += sum((g.start, g.end) in strict_spans for g in doc.times)
        pairs = _relaxed_pairs(doc.times, system)
        relaxed_tp += len(pairs)
        matched_gold = {id(g) for g, _ in pairs}
        matched_system = {id(s) for _, s in pairs}
        for g in doc.times:
            per_type_gold[g.type] += 1
        for g, s in pairs:
            per_type_found[g.type] += 1
            type_ok += s.type == g.type
            if _same_value(g, s):
                value_ok += 1
                per_type_value[g.type] += 1
            else:
                errors[f"value: {g.text!r} gold={g.value} got={s.value} ({s.text!r})"] += 1
        for g in doc.times:
            if id(g) not in matched_gold:
                errors[f"missed: {g.text!r} {g.type} {g.value}"] += 1
        for s in system:
            if id(s) not in matched_system:
                errors[f"spurious: {s.text!r} {s.type} {s.value}"] += 1
    strict = _f1(strict_tp, n_system, n_gold)
    relaxed = _f1(relaxed_tp, n_system, n_gold)
    value_f1 = _f1(value_ok, n_system, n_gold)[2]
    metrics: dict = {
        "documents": len(documents),
        "with_parse": parse,
        "gold": n_gold,
        "system": n_system,
        "strict_precision": strict[0], "strict_recall": strict[1], "strict_f1": strict[2],
        "relaxed_precision": relaxed[0], "relaxed_recall": relaxed[1], "relaxed_f1": relaxed[2],
        "value_accuracy": value_ok / relaxed_tp if relaxed_tp else 0.0,
        "value_f1": value_f1,
        "type_accuracy": type_ok / relaxed_tp if relaxed_tp else 0.0,
        "seconds": elapsed,
    }
    for kind in sorted(per_type_gold):
        metrics[f"{kind.lower()}_recall"] = per_type_found[kind] / per_type_gold[kind]
        found = per_type_found[kind]
        metrics[f"{kind.lower()}_value_accuracy"] = per_type_value[kind] / found if found else 0.0
    metrics["notes"] = [f"{count}x {message}" for message, count in errors.most_common(max_notes)]
    return metrics


def main(argv: list[str] | None = None) -> int:
    repo = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", type=pathlib.Path, default=repo.parent / "shared" / "bench")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--notes", type=int, default=40)
    parser.add_argument("--no-parse", action="store_true",
                        help="plain text only, as with `use_parse = false` (faster, no model)")
    args = parser.parse_args(argv)
    metrics = evaluate(args.bench, args.limit, args.notes, parse=not args.no_parse)
    notes = metrics.pop("notes")
    for name, value in metrics.items():
        print(f"{name:28s} {value:.3f}" if isinstance(value, float) else f"{name:28s} {value}")
    for note in notes:
        print("  " + note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
