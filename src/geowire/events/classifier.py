"""The learned event-type classifier: a multinomial logistic regression stored as JSON.

Training (``scripts/train_event_classifier.py``, scikit-learn) writes the weights to
``data/type_model.json``; applying it needs nothing but this module, so the runtime
carries no scikit-learn and no pickles. ``calibration`` maps the winning probability to
the share of such predictions that were right in cross-validation (a Platt fit on
out-of-fold predictions), which is what the event confidence is built on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).parent / "data" / "type_model.json"


@dataclass
class TypeModel:
    classes: list[str]
    intercept: list[float]
    weights: dict[str, list[float]]
    calibration: tuple[float, float] = (1.0, 0.0)     # Platt: sigmoid(a * logit(p) + b)

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        scores = list(self.intercept)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                scores = [s + w * value for s, w in zip(scores, row, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def best(self, features: dict[str, float]) -> tuple[str, float]:
        probs = self.probabilities(features)
        label = max(probs, key=probs.get)
        return label, probs[label]

    def choose(self, features: dict[str, float], ruled: str | None, margin: float) -> tuple[str, float]:
        """The type and its probability: the rules' type (``ruled``) stands unless the model
        prefers another by at least ``margin``."""
        probs = self.probabilities(features)
        label = max(probs, key=probs.get)
        if ruled is not None and probs[label] - probs.get(ruled, 0.0) < margin:
            label = ruled
        return label, probs.get(label, 0.0)

    def calibrated(self, probability: float) -> float:
        """The expected share correct of a prediction made with this probability."""
        p = min(max(probability, 1e-4), 1 - 1e-4)
        a, b = self.calibration
        return 1.0 / (1.0 + math.exp(-(a * math.log(p / (1 - p)) + b)))

    def to_json(self) -> dict:
        return {"classes": self.classes, "intercept": self.intercept, "weights": self.weights,
                "calibration": list(self.calibration)}

    @classmethod
    def from_json(cls, data: dict) -> TypeModel:
        return cls(list(data["classes"]), list(data["intercept"]), dict(data["weights"]),
                   tuple(data.get("calibration", (1.0, 0.0))))


def save_model(model: TypeModel, path: Path = MODEL_FILE) -> None:
    rounded = {k: [round(w, 4) for w in v] for k, v in sorted(model.weights.items())}
    data = model.to_json() | {"weights": rounded}
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


@lru_cache(maxsize=2)
def load_type_model(path: str = str(MODEL_FILE)) -> TypeModel | None:
    """The shipped model, or None when there is none (the rules' types then stand)."""
    file = Path(path)
    if not file.exists():
        return None
    return TypeModel.from_json(json.loads(file.read_text(encoding="utf-8")))
