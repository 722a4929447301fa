"""The evaluation floors: never lowered silently, and met by the code when ../shared/bench is there.

The floors live in eval/floors.toml. MINIMUM_FLOORS below are the ones the issues set; lowering a floor in the
file under these fails here, so a drop needs a visible change to this test too.
"""

import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "bench"
MINIMUM_FLOORS = {
    ("extraction", "f1"): 0.95,
    # 0.85 until issue #14: country points derived from Natural Earth shapes instead of typed-in GeoNames
    # points, and no hand-written table of rivers and regions (eval/floors.toml); measured 0.845 with that
    # change alone, 0.866 at the end of the session
    ("geoparsing", "gold_acc161"): 0.84,
    ("geoparsing", "gold_spans_resolved_share"): 0.99,
    ("geoparsing", "geovirus_gold_acc161"): 0.80,
    ("geoparsing", "e2e_exact_f1"): 0.80,
    # issue #14: the blind toponym set (eval/gold/places/), the nearest measure of held-out resolution
    ("geoparsing", "blind_voa_gold_by_referent_acc161"): 0.94,
    ("geoparsing", "blind_india_gold_by_referent_acc161"): 0.95,
    # 0.85 until issue #13: lexicon rows copied from these records' misspellings were removed and plans,
    # hypotheticals and denials are no longer coded as events (docs/benchmarks.md); measured 0.829
    ("events", "type_accuracy"): 0.82,
    ("events", "type_macro_f1"): 0.75,
    ("events", "actor_country_accuracy"): 0.85,
    ("temporal", "strict_f1"): 0.82,
    ("temporal", "value_accuracy"): 0.88,
}


def _floors() -> dict:
    with open(REPO / "eval" / "floors.toml", "rb") as handle:
        return tomllib.load(handle)


def test_floors_are_not_below_the_agreed_minimums():
    floors = _floors()
    for (harness, metric), minimum in MINIMUM_FLOORS.items():
        assert floors.get(harness, {}).get(metric, 0) >= minimum, f"{harness}.{metric} floor lowered"


def _evaluate(harness: str) -> dict:
    if not BENCH.is_dir():
        pytest.skip("../shared/bench is not beside the repository")
    sys.path.insert(0, str(REPO / "eval"))
    module = __import__(harness)
    return module.evaluate(BENCH)


@pytest.mark.slow
@pytest.mark.parametrize("harness", sorted({h for h, _ in MINIMUM_FLOORS} | set(_floors())))
def test_code_meets_every_floor(harness):
    sys.path.insert(0, str(REPO / "eval"))
    from run import below_floor

    metrics = _evaluate(harness)
    assert below_floor({harness: metrics}, _floors()) == []
