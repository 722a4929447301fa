"""Choose the resolver's context weights by cross-validation over LGL and GeoVirus together.

For every setting on a small grid, resolves the gold spans of both development corpora and keeps
each article's errors. Then, 5-fold by article over both corpora pooled: on four folds the setting
with the best mean of the two corpora's acc@161 is picked, and the fifth fold is scored with it.
Prints the cross-validated acc@161 and AUC of each corpus for the chosen settings and for the
current defaults, and the setting chosen on all articles.

With ``--cross-corpus`` it also asks how well each corpus predicts the other: the setting with the
best acc@161 on all of one corpus (LGL, US local news) is scored on the other (GeoVirus, global
outbreak news), and the reverse, beside the defaults and the other corpus's own best (its ceiling
on this grid).

    python scripts/tune_geo_weights.py [--bench PATH] [--folds 5] [--grid list_weight=0,2,3,5] [--cross-corpus]
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
from pathlib import Path

from geowire.geo.resolve import ContextResolver, Mention

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))
from geoparsing import ACCURACY_KM, MAX_KM, error_km, load_articles, load_geovirus  # noqa: E402

GRID = {
    "country_weight": (2.0, 4.0, 6.0),
    "admin1_weight": (4.0, 7.0, 10.0),
    "coherence_weight": (8.0, 12.0, 16.0),
    "hint_weight": (6.0,),
    "list_weight": (2.0,),
}
DEFAULTS = {"country_weight": 4.0, "admin1_weight": 7.0, "coherence_weight": 12.0, "hint_weight": 6.0,
            "list_weight": 2.0}


def article_errors(articles, settings: dict) -> list[list[float]]:
    resolver = ContextResolver(**settings)
    resolver.calibration = None
    out = []
    for article in articles:
        mentions = [Mention(t.start, t.end, article.text[t.start:t.end]) for t in article.toponyms]
        places = resolver.resolve(article.text, mentions)
        out.append([error_km(g, p) for g, p in zip(article.toponyms, places, strict=True) if g.lat is not None])
    return out


def score(errors: list[float]) -> tuple[float, float]:
    if not errors:
        return 0.0, 0.0
    acc = sum(e < ACCURACY_KM for e in errors) / len(errors)
    auc = sum(math.log(1 + e) / math.log(MAX_KM) for e in errors) / len(errors)
    return acc, auc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--grid", action="append", default=[], metavar="NAME=V1,V2",
                        help="search these values of one setting (the others at their defaults) instead of GRID")
    parser.add_argument("--cross-corpus", action="store_true",
                        help="also fit on one corpus alone and score the other, both ways")
    args = parser.parse_args()
    if args.grid:
        GRID.clear()
        GRID.update({k: (v,) for k, v in DEFAULTS.items()})
        for item in args.grid:
            name, values = item.split("=")
            GRID[name] = tuple(float(v) for v in values.split(","))
    corpora = {"LGL": load_articles(args.bench), "GeoVirus": load_geovirus(args.bench)}
    settings = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    key = lambda s: tuple(sorted(s.items()))  # noqa: E731
    table = {key(s): {name: article_errors(arts, s) for name, arts in corpora.items()} for s in settings}
    if key(DEFAULTS) not in table:
        table[key(DEFAULTS)] = {name: article_errors(arts, DEFAULTS) for name, arts in corpora.items()}
    folds = {}
    for name, arts in corpora.items():
        order = list(range(len(arts)))
        random.Random(0).shuffle(order)
        folds[name] = {i: k % args.folds for k, i in enumerate(order)}

    def objective(setting_key, fold: int | None, held_out: bool) -> float:
        accs = []
        for name in corpora:
            errors = [e for i, errs in enumerate(table[setting_key][name])
                      if fold is None or (folds[name][i] == fold) == held_out for e in errs]
            accs.append(score(errors)[0])
        return sum(accs) / len(accs)

    cv_errors: dict[str, list[float]] = {name: [] for name in corpora}
    chosen = []
    for fold in range(args.folds):
        best = max(table, key=lambda k: objective(k, fold, held_out=False))
        chosen.append(dict(best))
        for name in corpora:
            cv_errors[name] += [e for i, errs in enumerate(table[best][name]) if folds[name][i] == fold for e in errs]
    print("settings chosen per fold:", chosen)
    for name in corpora:
        acc, auc = score(cv_errors[name])
        d_acc, d_auc = score([e for errs in table[key(DEFAULTS)][name] for e in errs])
        print(f"{name}: cross-validated acc@161 {acc:.4f} AUC {auc:.4f}  |  current defaults acc@161 {d_acc:.4f} "
              f"AUC {d_auc:.4f}")
    best = max(table, key=lambda k: objective(k, None, held_out=False))
    print("chosen on all articles:", dict(best), f"mean acc@161 {objective(best, None, False):.4f}",
          f"(defaults {objective(key(DEFAULTS), None, False):.4f})")
    if args.cross_corpus:
        cross_corpus(table, key(DEFAULTS))


def cross_corpus(table: dict, defaults_key) -> None:
    """Fit on one corpus alone (best acc@161 on all its articles), score the other."""
    def acc(setting_key, name: str) -> float:
        return score([e for errs in table[setting_key][name] for e in errs])[0]

    names = list(next(iter(table.values())))
    for source in names:
        for target in names:
            if target == source:
                continue
            fitted = max(table, key=lambda k: acc(k, source))
            own = max(table, key=lambda k: acc(k, target))
            print(f"fit on {source} alone: {dict(fitted)}")
            print(f"  {source} acc@161 {acc(fitted, source):.4f} (defaults {acc(defaults_key, source):.4f})  ->  "
                  f"{target} acc@161 {acc(fitted, target):.4f} (defaults {acc(defaults_key, target):.4f}; "
                  f"{target}'s own best on this grid {acc(own, target):.4f}, {dict(own)})")


if __name__ == "__main__":
    main()
