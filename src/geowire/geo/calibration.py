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


@lru_cache(maxsize=1)
def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    return Calibration(tuple(data["x"]), tuple(data["y"]))


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
