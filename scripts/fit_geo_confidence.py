"""Fit the place-confidence calibration shipped as src/geowire/geo/data/confidence_calibration.json.

Resolves the gold toponym spans of the LGL development corpus (bench geoparsing/lgl) with the
calibration switched off, so each place carries the resolver's raw score, and records whether
the place is within 161 km of the gold point. Prints the 5-fold cross-validated reliability
table (folds by article: the curve is fitted on four folds and applied to the fifth), then fits
the shipped curve on all articles. Only the curve (a few dozen numbers) is written.

    python scripts/fit_geo_confidence.py [--bench PATH] [--folds 5] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from geowire.geo.calibration import CALIBRATION_FILE, fit_isotonic, reliability_table
from geowire.geo.resolve import haversine_km, make_context_resolver
from geowire.model import Document

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))
from geoparsing import ACCURACY_KM, load_articles  # noqa: E402


def raw_outcomes(bench: Path) -> list[list[tuple[float, bool]]]:
    """Per article: (raw confidence, within 161 km) for each gold toponym with a coordinate."""
    resolver = make_context_resolver()
    resolver.calibration = None
    per_article = []
    for article in load_articles(bench):
        doc = Document(id=article.id, text=article.text, spans=[(t.start, t.end) for t in article.toponyms])
        rows = []
        for gold, place in zip(article.toponyms, resolver(doc).places, strict=False):
            if gold.lat is None:
                continue
            near = place.lat is not None and haversine_km(gold.lat, gold.lon, place.lat, place.lon) < ACCURACY_KM
            rows.append((place.confidence, near))
        per_article.append(rows)
    return per_article


def cross_validated(per_article: list[list[tuple[float, bool]]], folds: int) -> tuple[list[float], list[bool]]:
    order = list(range(len(per_article)))
    random.Random(0).shuffle(order)
    predicted, outcomes = [], []
    for k in range(folds):
        test = set(order[k::folds])
        train = [row for i, rows in enumerate(per_article) if i not in test for row in rows]
        curve = fit_isotonic([s for s, _ in train], [o for _, o in train])
        for i in test:
            predicted += [curve(s) for s, _ in per_article[i]]
            outcomes += [o for _, o in per_article[i]]
    return predicted, outcomes


def print_table(title: str, confidences: list[float], outcomes: list[bool]) -> None:
    rows, ece = reliability_table(confidences, outcomes)
    print(f"{title}: expected calibration error {ece:.3f}")
    for low, high, n, mean_conf, share in rows:
        print(f"  [{low:.1f}, {high:.1f})  n={n:5d}  mean confidence {mean_conf:.3f}  within 161 km {share:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dry-run", action="store_true", help="report only; do not write the file")
    args = parser.parse_args()
    per_article = raw_outcomes(args.bench)
    flat = [row for rows in per_article for row in rows]
    print_table("raw score", [s for s, _ in flat], [o for _, o in flat])
    print_table(f"{args.folds}-fold cross-validated calibration", *cross_validated(per_article, args.folds))
    curve = fit_isotonic([s for s, _ in flat], [o for _, o in flat])
    if not args.dry_run:
        payload = {"target": "P(error < 161 km)", "fitted_on": "LGL gold spans", "points": len(curve.x),
                   **curve.to_json()}
        CALIBRATION_FILE.write_text(json.dumps(payload, indent=1) + "\n")
        print(f"wrote {CALIBRATION_FILE.relative_to(REPO)} ({len(curve.x)} points)")


if __name__ == "__main__":
    main()
