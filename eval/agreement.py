"""How far two annotators of the whole-article guideline agree: one annotator's events are scored against the
other's with the scorer the coder is scored by (``score_gold`` of eval/articles.py), both ways.

A second annotator codes articles that a first one has coded, blind to the first and to the coder
(docs/events.md "Blind batches"); ``eval/gold/second/`` holds those second annotations, and the first ones are
in ``eval/gold/fresh/``. The figure bounds what a coder can be expected to reach: where two careful readers of
the guideline disagree, so will the coder and its judges.

    python eval/agreement.py [--bench PATH] [--first FILE...] [--second FILE...] [--json]

(also run by ``make eval``, eval/run.py, with the default files).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from articles import FRESH_DIR, GOLD_DIR, _score_gold_part, gold_paths, load_gold

SECOND_DIR = GOLD_DIR / "second"
ANNOTATED_FIELDS = ("type", "mode", "source", "target", "location", "date", "attribution", "certainty", "modality",
                    "quantities")
REPORTED = ("articles", "gold_events", "precision", "recall", "f1", "duplicates", "source_accuracy",
            "target_accuracy", "location_accuracy", "date_accuracy", "attribution_accuracy", "certainty_accuracy")


def as_predictions(article: dict) -> list[dict]:
    """An annotated article's events in the contract form the scorer reads: one mention per annotated sentence,
    the one holding the trigger first (its trigger offsets kept), the evidence that sentence."""
    spans = article["sentences"]
    out = []
    for event in article["events"]:
        trigger = event.get("trigger") or {}
        mentions = [_mention(spans[number], trigger) for number in event["mentions"]]
        mentions.sort(key=lambda m: m["trigger_start"] is None)
        first = mentions[0]
        out.append({**{name: event.get(name) for name in ANNOTATED_FIELDS}, "mentions": mentions,
                    "evidence": {"start": first["start"], "end": first["end"]}, "confidence": 0.5})
    return out


def _mention(span: tuple[int, int], trigger: dict) -> dict:
    inside = trigger.get("start") is not None and span[0] <= trigger["start"] < span[1]
    return {"start": span[0], "end": span[1], "trigger_start": trigger["start"] if inside else None,
            "trigger_end": trigger["end"] if inside else None}


def agreement(first: list[dict], second: list[dict]) -> dict[str, dict]:
    """The second annotator scored against the first and the first against the second, over the articles both
    coded (by set and id)."""
    by_key = {(a["set"], str(a["id"])): a for a in second}
    pairs = [(a, by_key[(a["set"], str(a["id"]))]) for a in first if (a["set"], str(a["id"])) in by_key]
    both_ways = {"second_vs_first": [(a, as_predictions(b)) for a, b in pairs],
                 "first_vs_second": [(b, as_predictions(a)) for a, b in pairs]}
    return {name: {k: v for k, v in _score_gold_part(items).items() if k in REPORTED}
            for name, items in both_ways.items()}


def evaluate(bench: Path, limit: int | None = None) -> dict[str, float | int]:
    """The harness entry of eval/run.py: the default files, both ways, flattened."""
    first = load_gold(gold_paths(FRESH_DIR), bench)
    second = load_gold(gold_paths(SECOND_DIR)[:limit] if limit else gold_paths(SECOND_DIR), bench)
    return {f"{name}_{key}": value for name, figures in agreement(first, second).items()
            for key, value in figures.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=Path("../shared/bench"))
    parser.add_argument("--first", type=Path, nargs="*", default=None, help=f"default: {FRESH_DIR}/*.jsonl")
    parser.add_argument("--second", type=Path, nargs="*", default=None, help=f"default: {SECOND_DIR}/*.jsonl")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    first = load_gold(args.first or gold_paths(FRESH_DIR), args.bench)
    second = load_gold(args.second or gold_paths(SECOND_DIR), args.bench)
    result = agreement(first, second)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for name, figures in result.items():
            for key, value in figures.items():
                shown = f"{value:.4f}" if isinstance(value, float) else value
                print(f"agreement_{name}_{key:<30} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
