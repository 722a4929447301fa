"""Fit the place-confidence calibration shipped as src/geowire/geo/data/confidence_calibration.json.

Resolves the gold toponym spans of both development corpora, LGL (US local news) and GeoVirus
(outbreak news worldwide), with the calibration switched off, so each place carries the resolver's
raw score, and records whether the place is within 161 km of the gold point. One curve is fitted
per kind of pick (country, region, area, town, or a name framed by its enclosing place; see
``calibration_group``). Prints, for each corpus, the reliability table of 5-fold cross-validated
confidence (folds by article over both corpora together: the curves are fitted on four folds and
applied to the fifth), then fits the shipped curves on all articles. Only the curves are written.
``--cross-corpus`` also fits the curves on one corpus alone and prints the other's reliability
table with them, both ways (how well US local news predicts global news, and the reverse).

    python scripts/fit_geo_confidence.py [--bench PATH] [--folds 5] [--dry-run] [--cross-corpus]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from geowire.geo.calibration import CALIBRATION_FILE, calibration_group, fit_curves, reliability_table
from geowire.geo.resolve import make_context_resolver
from geowire.geodesy import haversine_km
from geowire.ingest.protocol import given_places
from geowire.model import Document

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))
from geoparsing import ACCURACY_KM, load_articles, load_geovirus  # noqa: E402

Row = tuple[float, bool, str]


def raw_outcomes(articles) -> list[list[Row]]:
    """Per article: (raw confidence, within 161 km, group) for each gold toponym with a coordinate."""
    resolver = make_context_resolver()
    resolver.calibration = None
    per_article = []
    for article in articles:
        doc = Document(id=article.id, text=article.text,
                       places=given_places(article.text, [(t.start, t.end) for t in article.toponyms]))
        rows = []
        for gold, place in zip(article.toponyms, resolver(doc).places, strict=False):
            if gold.lat is None:
                continue
            near = place.lat is not None and haversine_km(gold.lat, gold.lon, place.lat, place.lon) < ACCURACY_KM
            if place.lat is None:
                continue        # no place, no confidence to calibrate (counted as unresolved elsewhere)
            rows.append((place.confidence, near, calibration_group(place.precision, place.basis)))
        per_article.append(rows)
    return per_article


def cross_validated(per_article: list[list[Row]], folds: int) -> list[list[float]]:
    """Per article: its rows' confidence from curves fitted on the other folds."""
    order = list(range(len(per_article)))
    random.Random(0).shuffle(order)
    predicted: list[list[float]] = [[] for _ in per_article]
    for k in range(folds):
        test = set(order[k::folds])
        curves = fit_curves([row for i, rows in enumerate(per_article) if i not in test for row in rows])
        for i in test:
            predicted[i] = [curves(s, g) for s, _, g in per_article[i]]
    return predicted


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
    parser.add_argument("--cross-corpus", action="store_true",
                        help="also fit on one corpus alone and score the other, both ways")
    args = parser.parse_args()
    corpora = {"LGL": raw_outcomes(load_articles(args.bench)), "GeoVirus": raw_outcomes(load_geovirus(args.bench))}
    per_article = [rows for name in corpora for rows in corpora[name]]
    predicted = cross_validated(per_article, args.folds)
    offset = 0
    for name, articles in corpora.items():
        flat = [row for rows in articles for row in rows]
        cv = [c for i in range(offset, offset + len(articles)) for c in predicted[i]]
        offset += len(articles)
        print_table(f"{name}: raw score", [r[0] for r in flat], [r[1] for r in flat])
        print_table(f"{name}: {args.folds}-fold cross-validated calibration (both corpora)", cv,
                    [r[1] for r in flat])
        for group in sorted({r[2] for r in flat}):
            picked = [(c, r[1]) for c, r in zip(cv, flat, strict=True) if r[2] == group]
            print(f"  {group}: n={len(picked)} mean confidence {sum(c for c, _ in picked) / len(picked):.3f} "
                  f"within 161 km {sum(o for _, o in picked) / len(picked):.3f}")
    if args.cross_corpus:
        for source, target in (("LGL", "GeoVirus"), ("GeoVirus", "LGL")):
            fitted = fit_curves([row for rows in corpora[source] for row in rows])
            flat = [row for rows in corpora[target] for row in rows]
            print_table(f"curves fitted on {source} alone, applied to {target}",
                        [fitted(s, g) for s, _, g in flat], [r[1] for r in flat])
    curves = fit_curves([row for rows in per_article for row in rows])
    if not args.dry_run:
        payload = {"target": "P(error < 161 km)", "fitted_on": "LGL and GeoVirus gold spans, one curve per kind "
                   "of pick", "curves": curves.to_json()}
        CALIBRATION_FILE.write_text(json.dumps(payload, indent=1) + "\n")
        print(f"wrote {CALIBRATION_FILE.relative_to(REPO)} ({len(curves.curves)} curves)")


if __name__ == "__main__":
    main()
