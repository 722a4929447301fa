"""How well each set of event features ranks right events above wrong ones, on articles the model was not fitted on.

For each feature set: every blind file (eval/gold/fresh/) scored by a logistic model fitted on the other files
(calibration error and AUC pooled over all of them), the 40-article development set scored by the model fitted on
all blind files, and what dropping the blind events below a confidence cut would do to precision. This is how
docs/benchmarks.md chose to ship the two-feature confidence and no filter.

    python scripts/compare_confidence_features.py [--bench ../shared/bench] [--cache FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_event_confidence as fitting  # noqa: E402

FEATURE_SETS = {
    "shipped": lambda name: name in fitting.FITTED_FEATURES,
    "shipped + kind of act": lambda name: name in fitting.FITTED_FEATURES or name.startswith("quad="),
    "shipped + certainty": lambda name: name in fitting.FITTED_FEATURES or name.startswith("certainty="),
    "every feature": lambda name: True,
}
CUTS = (0.3, 0.4, 0.5)


def fitted(rows, keep):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer(sparse=False)
    x = vectoriser.fit_transform([{k: v for k, v in f.items() if keep(k)} for f, _, _ in rows])
    model = LogisticRegression(C=fitting.REGULARISATION, max_iter=3000).fit(x, [int(r) for _, r, _ in rows])
    return lambda features: model.predict_proba(
        vectoriser.transform([{k: v for k, v in f.items() if keep(k)} for f in features]))[:, 1]


def held_out(blind, keep) -> list[tuple[float, bool]]:
    pairs = []
    for group in sorted({g for _, _, g in blind}):
        test = [row for row in blind if row[2] == group]
        probability = fitted([row for row in blind if row[2] != group], keep)
        pairs += zip(probability([f for f, _, _ in test]), [right for _, right, _ in test], strict=True)
    return pairs


def figures(pairs) -> dict[str, float]:
    from sklearn.metrics import roc_auc_score

    out = {"ece": fitting.ece(pairs), "auc": roc_auc_score([r for _, r in pairs], [p for p, _ in pairs])}
    right = sum(r for _, r in pairs)
    for cut in CUTS:
        kept = [r for p, r in pairs if p >= cut]
        out[f"precision_above_{cut}"] = sum(kept) / max(len(kept), 1)
        out[f"right_kept_above_{cut}"] = sum(kept) / max(right, 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=Path("../shared/bench"))
    parser.add_argument("--cache", type=Path, default=None, help="keep the coded events here between runs")
    args = parser.parse_args()
    blind = fitting.blind_rows(args.bench, args.cache)
    gold = fitting.harness.load_gold(fitting.harness.gold_paths(), args.bench)
    dev = fitting.labelled_gold(gold, fitting.code(gold, args.cache, "gold"))
    print(f"blind events {len(blind)}, right {sum(r for _, r, _ in blind)}; development set events {len(dev)}")
    for name, keep in FEATURE_SETS.items():
        blind_figures = figures(held_out(blind, keep))
        probability = fitted(blind, keep)
        dev_figures = figures(list(zip(probability([f for f, _, _ in dev]), [r for _, r, _ in dev], strict=True)))
        shown = " ".join(f"{k} {v:.3f}" for k, v in blind_figures.items())
        print(f"{name:<24} blind, each file held out: {shown} | development set: ece {dev_figures['ece']:.3f} "
              f"auc {dev_figures['auc']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
