"""Whole-article event confidence: the features the model is fitted on (from the JSON contract) are the
features it reads at run time (from the Event), and the shipped model is a probability that grows with
the coder's own estimate."""

from dataclasses import asdict

from geowire.events.confidence import _as_contract, event_features, load_confidence_model
from geowire.model import Attribution, Event, EventArg, EventLocation, Evidence, Mention, Quantity


def _event(confidence: float, certainty: str = "asserted") -> Event:
    return Event(id="e1", type="ASSAULT", mode=None, source=EventArg("Rebels", 0, 6, None, "REB"),
                 target=None, location=EventLocation("Goma", -1.68, 29.22, 217831, 20, 24, basis="sentence"),
                 date=None, attribution=Attribution("police said", 40, 51, "police", "official"),
                 certainty=certainty, confidence=confidence, evidence=Evidence(0, 60), modality=None,
                 quantities=[Quantity("killed", 3, None, "killing three", 26, 39)],
                 mentions=[Mention(0, 60, 7, 15), Mention(61, 90, 65, 71)])


def test_runtime_features_equal_the_fitted_ones():
    event = _event(0.8)
    assert event_features(_as_contract(event), 500) == event_features(asdict(event), 500)


def test_the_shipped_model_is_a_monotone_probability():
    model = load_confidence_model()
    assert model is not None, "src/geowire/events/data/event_confidence.json is shipped"
    low, high = (model.probability(event_features(asdict(_event(c)), 500)) for c in (0.2, 0.95))
    assert 0.0 < low < high < 1.0
