"""Train the event-type classifier shipped as src/geowire/events/data/type_model.json.

Training data: the PLOVER gold-standard records (bench events/plover_gsr_cameo) and the
sentences written for geowire in scripts/event_examples.tsv. Prints the k-fold
cross-validated accuracy on the gold records (written examples always train, never test),
then fits the shipped model on everything.

    python scripts/train_event_classifier.py [--bench PATH] [--folds 5] [--c 2.0] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from geowire.events.classifier import MODEL_FILE, save_model
from geowire.events.coder import EventCoder
from geowire.events.training import (
    DEFAULT_C,
    fit_calibrated,
    main_reading,
    out_of_fold,
    parsed_documents,
    written_examples,
)

REPO = Path(__file__).resolve().parent.parent
GSR = Path("events/plover_gsr_cameo/plover_gsr_cameo.jsonl")
EXAMPLES = REPO / "scripts" / "event_examples.tsv"


def features_of(texts: list[str]) -> list[dict]:
    coder = EventCoder(model=None)
    return [main_reading(coder, doc).features() for doc in parsed_documents(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=DEFAULT_C)
    parser.add_argument("--dry-run", action="store_true", help="report cross-validation only")
    args = parser.parse_args()

    records = [json.loads(line) for line in (args.bench / GSR).open(encoding="utf-8") if line.strip()]
    gold_x, gold_y = features_of([r["text"] for r in records]), [r["event"] for r in records]
    texts, labels = written_examples(EXAMPLES)
    extra = (features_of(texts), labels)
    predictions = out_of_fold(gold_x, gold_y, args.folds, args.c, extra)
    correct = sum(p == g for (p, _), g in zip(predictions, gold_y, strict=True))
    print(f"cross-validated type accuracy ({args.folds} folds, C={args.c}): {correct / len(gold_y):.4f}")
    if args.dry_run:
        return
    model = fit_calibrated(gold_x, gold_y, args.c, extra)
    save_model(model)
    print(f"wrote {MODEL_FILE} ({len(model.weights)} features, calibration {model.calibration})")


if __name__ == "__main__":
    main()
