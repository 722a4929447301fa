"""Event confidence that means something: the probability that a coded event is right.

The coder's first estimate (the type classifier's probability times a certainty factor) was
fitted on single sentences and barely separates right from wrong on whole articles. Here a
logistic model over what the coded event looks like — that estimate, its certainty, whether
it names its sides and place, how many sentences report it, where in the article it sits,
its kind of act — is fitted on whole annotated articles (``scripts/fit_event_confidence.py``, on the blind
batches that no rule was read from when they were scored, each file held out in turn) so that 0.9 means right
about nine times in ten on articles the rules have not seen.
The weights are plain JSON in ``data/event_confidence.json``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geowire.model import Event

MODEL_FILE = Path(__file__).parent / "data" / "event_confidence.json"
LEDE_CHARS = 600
QUADS = {
    "AGREE": "verbal_coop", "CONSULT": "verbal_coop", "SUPPORT": "verbal_coop", "CONCEDE": "material_coop",
    "COOPERATE": "material_coop", "AID": "material_coop", "RETREAT": "material_coop", "REQUEST": "verbal_conf",
    "ACCUSE": "verbal_conf", "REJECT": "verbal_conf", "THREATEN": "verbal_conf", "PROTEST": "material_conf",
    "SANCTION": "material_conf", "MOBILIZE": "material_conf", "COERCE": "material_conf", "ASSAULT": "material_conf",
}


def event_features(event: dict, text_length: int) -> dict[str, float]:
    """Features of one coded event in its contract form (``dataclasses.asdict`` of an Event)."""
    source, target, location = event.get("source"), event.get("target"), event.get("location")
    start = (event.get("evidence") or {}).get("start", 0)
    features = {
        "base": float(event.get("confidence") or 0.0),
        f"certainty={event.get('certainty')}": 1.0,
        f"quad={QUADS.get(event.get('type'), 'other')}": 1.0,
        f"location={(location or {}).get('basis', 'none')}": 1.0,
        "has_source": float(source is not None),
        "has_target": float(target is not None),
        "source_named": float(bool(source and (source.get("country") or source.get("sector")))),
        "target_named": float(bool(target and (target.get("country") or target.get("sector")))),
        "attributed": float(event.get("attribution") is not None),
        "several_mentions": float(len(event.get("mentions") or []) > 1),
        "has_quantity": float(bool(event.get("quantities"))),
        "historical": float(event.get("modality") == "historical"),
        "lede": float(start < LEDE_CHARS),
        "position": start / max(text_length, 1),
    }
    return features


@dataclass(frozen=True)
class ConfidenceModel:
    intercept: float
    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        score = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-score))

    def to_json(self) -> dict:
        return {"intercept": self.intercept, "weights": self.weights}


@lru_cache(maxsize=1)
def load_confidence_model(path: Path = MODEL_FILE) -> ConfidenceModel | None:
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return ConfidenceModel(float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()})


def recalibrate(events: list[Event], text_length: int, model: ConfidenceModel) -> None:
    for event in events:
        event.confidence = round(model.probability(event_features(_as_contract(event), text_length)), 3)


def _as_contract(event: Event) -> dict:
    """The few keys of the contract form the features read (dataclasses.asdict copies everything, deeply)."""
    def side(arg):
        return None if arg is None else {"country": arg.country, "sector": arg.sector}

    return {"confidence": event.confidence, "certainty": event.certainty, "type": event.type,
            "source": side(event.source), "target": side(event.target),
            "location": None if event.location is None else {"basis": event.location.basis},
            "attribution": event.attribution, "mentions": event.mentions, "quantities": event.quantities,
            "modality": event.modality, "evidence": {"start": event.evidence.start}}
