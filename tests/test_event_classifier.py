"""The stored type model and the statement-of-intent mapping (no spaCy model needed)."""

import math

from geowire.events.classifier import TypeModel, load_type_model, save_model
from geowire.events.intent import COOPERATIVE, HOSTILE
from geowire.model import PLOVER_TYPES


def _model():
    return TypeModel(["AGREE", "ASSAULT"], [0.0, 0.0],
                     {"main:AGREE": [2.0, -2.0], "main:ASSAULT": [-1.0, 1.0]}, (1.0, 0.0))


def test_probabilities_follow_the_weights_and_sum_to_one():
    probs = _model().probabilities({"main:AGREE": 1.0, "unknown-feature": 1.0})
    assert math.isclose(sum(probs.values()), 1.0)
    assert probs["AGREE"] > 0.95
    assert _model().best({"main:ASSAULT": 1.0})[0] == "ASSAULT"


def test_identity_calibration_and_a_shrinking_one():
    model = _model()
    assert math.isclose(model.calibrated(0.7), 0.7, abs_tol=1e-6)
    model.calibration = (0.5, 0.0)
    assert 0.5 < model.calibrated(0.9) < 0.9


def test_model_file_round_trip(tmp_path):
    path = tmp_path / "model.json"
    save_model(_model(), path)
    loaded = load_type_model(str(path))
    assert loaded.classes == ["AGREE", "ASSAULT"]
    assert loaded.best({"main:AGREE": 1.0})[0] == "AGREE"


def test_shipped_model_knows_every_plover_type():
    model = load_type_model()
    assert model is not None and sorted(model.classes) == sorted(PLOVER_TYPES)
    assert 0.0 < model.calibrated(0.5) < 1.0


def test_intent_classes_partition_the_material_types():
    assert not COOPERATIVE & HOSTILE
    assert {"AID", "RETREAT", "CONCEDE"} <= COOPERATIVE and {"ASSAULT", "SANCTION", "COERCE"} <= HOSTILE
