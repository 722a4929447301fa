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


def test_shipped_curves_are_probabilities_and_rise():
    curves = load_calibration()
    assert curves is not None
    assert {"all", "country", "town", "area", "enclosed"} <= set(curves.curves)
    for group in curves.curves:
        values = [curves(x / 20, group) for x in range(21)]
        assert values == sorted(values) and 0.0 <= values[0] and values[-1] <= 1.0, group
    assert curves(1.0) > 0.85
    # a name framed by the place around it is never as sure as a name the gazetteer knows
    assert curves(0.4, "enclosed") < curves(1.0, "town")


def test_calibration_groups():
    from geowire.geo.calibration import calibration_group

    assert calibration_group("city", "document_focus") == "enclosed"
    assert calibration_group("city", "container") == "enclosed"
    assert calibration_group("country", "demonym") == "country"
    assert calibration_group("admin2", "name") == "area"
    assert calibration_group("city", "name") == "town"


def test_fit_curves_falls_back_to_the_pooled_curve_for_small_groups():
    from geowire.geo.calibration import fit_curves

    rows = [(i / 200, i % 3 != 0, "town") for i in range(200)] + [(0.5, True, "region")] * 10
    curves = fit_curves(rows)
    assert "town" in curves.curves and "region" not in curves.curves
    assert curves(0.5, "region") == curves(0.5, "all")
