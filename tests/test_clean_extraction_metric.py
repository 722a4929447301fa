"""The ScrapingHub shingle metric as re-implemented in eval/extraction.py."""

import importlib.util
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval" / "extraction.py"


@pytest.fixture(scope="module")
def extraction():
    spec = importlib.util.spec_from_file_location("eval_extraction", EVAL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLD = "Iraq and Syria reopened the border crossing between Al Qaim and Abu Kamal on Monday."


def test_identical_text_scores_one(extraction):
    scores = extraction.score([(GOLD, "  " + GOLD.replace(" ", "\n"))])
    assert scores["precision"] == scores["recall"] == scores["f1"] == scores["accuracy"] == 1.0


def test_extra_text_lowers_precision_only(extraction):
    scores = extraction.score([(GOLD, GOLD + " Share this story on Facebook and Twitter today")])
    assert scores["recall"] == 1.0
    assert 0.0 < scores["precision"] < 1.0
    assert scores["accuracy"] == 0.0


def test_missing_text_lowers_recall_only(extraction):
    scores = extraction.score([(GOLD, GOLD.split(" on Monday")[0])])
    assert scores["precision"] == 1.0
    assert 0.0 < scores["recall"] < 1.0


def test_pages_weigh_equally_and_f1_is_harmonic_mean_of_averages(extraction):
    long_gold = " ".join(f"w{i}" for i in range(400))
    pairs = [(GOLD, ""), (long_gold, long_gold)]
    scores = extraction.score(pairs)
    # the empty prediction has no precision to average; recall averages 0 and 1
    assert scores["precision"] == 1.0
    assert scores["recall"] == 0.5
    assert scores["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5, abs=1e-4)


def test_short_texts_form_one_shingle(extraction):
    assert extraction.shingles(["Three", "died"]) == {("Three", "died"): 1}
    assert extraction.page_counts("Three died", "Three died") == (1.0, 0.0, 0.0)
