"""The confidence calibration: isotonic fit, reliability table, shipped curve."""

import random

from geowire.geo.calibration import fit_isotonic, load_calibration, reliability_table


def test_isotonic_fit_is_monotone_and_tracks_the_observed_rate():
    rng = random.Random(1)
    scores = [rng.random() for _ in range(4000)]
    outcomes = [rng.random() < 0.2 + 0.7 * s for s in scores]     # true rate rises with the score
    curve = fit_isotonic(scores, outcomes)
    assert list(curve.y) == sorted(curve.y)
    assert abs(curve(0.1) - 0.27) < 0.08 and abs(curve(0.9) - 0.83) < 0.08


def test_small_blocks_are_pooled():
    curve = fit_isotonic([0.1, 0.2, 0.3, 0.9], [False, True, False, True], min_block=2)
    assert len(curve.x) <= 2


def test_reliability_table_counts_and_error():
    rows, ece = reliability_table([0.1, 0.1, 0.95, 0.95], [False, False, True, True])
    assert [(r[2], round(r[4], 2)) for r in rows] == [(2, 0.0), (2, 1.0)]
    assert abs(ece - 0.075) < 1e-9


def test_shipped_curve_is_a_probability_and_rises():
    curve = load_calibration()
    assert curve is not None
    values = [curve(x / 20) for x in range(21)]
    assert values == sorted(values) and 0.0 <= values[0] and values[-1] <= 1.0
    assert values[-1] > 0.9 and values[0] < 0.2
