"""Calibrated confidence: the chance that a resolved place lies within 161 km of the truth.

The resolver's raw score (the winner's softmax share, discounted for loose or approximate
name matches) ranks well but is not a probability. A monotone (isotonic) mapping from raw
score to the observed share of correct resolutions turns it into one. The mapping is fitted
by ``scripts/fit_geo_confidence.py`` (cross-validated, by article) and shipped as
``data/confidence_calibration.json``; without that file the raw score is used as is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

CALIBRATION_FILE = Path(__file__).parent / "data" / "confidence_calibration.json"


@dataclass(frozen=True)
class Calibration:
    """A monotone step-free curve: raw scores ``x`` (increasing) map to probabilities ``y``."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __call__(self, raw: float) -> float:
        return float(np.interp(raw, self.x, self.y))

    def to_json(self) -> dict:
        return {"x": [round(v, 4) for v in self.x], "y": [round(v, 4) for v in self.y]}


def fit_isotonic(scores: list[float], outcomes: list[bool], min_block: int = 20) -> Calibration:
    """Pool-adjacent-violators on (score, 0/1 outcome), then blocks of at least ``min_block``
    items so that no single point of the curve rests on a handful of examples."""
    order = np.argsort(scores, kind="stable")
    xs = np.asarray(scores, dtype=float)[order]
    ys = np.asarray(outcomes, dtype=float)[order]
    blocks: list[list[float]] = []          # [sum_x, sum_y, count]
    for x, y in zip(xs, ys, strict=False):
        blocks.append([x, y, 1.0])
        while len(blocks) > 1 and (_mean_y(blocks[-2]) >= _mean_y(blocks[-1]) or blocks[-2][2] < min_block
                                   or _mean_x(blocks[-2]) >= _mean_x(blocks[-1]) - 1e-6):
            last = blocks.pop()
            blocks[-1] = [a + b for a, b in zip(blocks[-1], last, strict=False)]
    while len(blocks) > 1 and blocks[-1][2] < min_block:
        last = blocks.pop()
        blocks[-1] = [a + b for a, b in zip(blocks[-1], last, strict=False)]
    x_points = [b[0] / b[2] for b in blocks]
    y_points = [_mean_y(b) for b in blocks]
    return Calibration(tuple(x_points), tuple(y_points))


def _mean_x(block: list[float]) -> float:
    return block[0] / block[2]


def _mean_y(block: list[float]) -> float:
    return block[1] / block[2]


@dataclass(frozen=True)
class CurveSet:
    """One curve per kind of pick (:func:`calibration_group`), so that a country point, a town and
    a street framed by its town each get the reliability of their own kind; ``all`` for the rest."""

    curves: dict[str, Calibration]

    def __call__(self, raw: float, group: str = "all") -> float:
        curve = self.curves.get(group) or self.curves["all"]
        return curve(raw)

    def to_json(self) -> dict:
        return {name: curve.to_json() for name, curve in sorted(self.curves.items())}


_ENCLOSED_BASES = ("container", "dateline", "sentence", "document_focus")


def calibration_group(precision: str | None, basis: str | None) -> str:
    """'enclosed' for a name the gazetteer lacks (framed by a place around it), else by the
    size of the place picked: 'country', 'region', 'area' (admin1/admin2) or 'town'."""
    if basis in _ENCLOSED_BASES:
        return "enclosed"
    if precision in ("country", "region"):
        return precision
    return "area" if precision in ("admin1", "admin2") else "town"


def fit_curves(rows: list[tuple[float, bool, str]], min_group: int = 100) -> CurveSet:
    """rows: (raw score, within 161 km, group). A group with fewer than ``min_group`` rows uses
    the pooled curve."""
    curves = {"all": fit_isotonic([r[0] for r in rows], [r[1] for r in rows])}
    for group in sorted({r[2] for r in rows}):
        members = [r for r in rows if r[2] == group]
        if len(members) >= min_group:
            curves[group] = fit_isotonic([r[0] for r in members], [r[1] for r in members])
    return CurveSet(curves)


@lru_cache(maxsize=1)
def load_calibration(path: Path = CALIBRATION_FILE) -> CurveSet | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    if "curves" not in data:        # a single curve (the file before issue #14)
        return CurveSet({"all": Calibration(tuple(data["x"]), tuple(data["y"]))})
    return CurveSet({name: Calibration(tuple(c["x"]), tuple(c["y"])) for name, c in data["curves"].items()})


def reliability_table(confidences: list[float], correct: list[bool], edges=(0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)):
    """Rows (low, high, n, mean confidence, share correct) and the expected calibration error."""
    conf = np.asarray(confidences, dtype=float)
    hit = np.asarray(correct, dtype=float)
    rows, ece = [], 0.0
    for low, high in zip(edges[:-1], edges[1:], strict=False):
        inside = (conf >= low) & (conf < high)
        n = int(inside.sum())
        if n:
            mean_conf, share = float(conf[inside].mean()), float(hit[inside].mean())
            ece += n / len(conf) * abs(mean_conf - share)
            rows.append((low, min(high, 1.0), n, mean_conf, share))
    return rows, ece
