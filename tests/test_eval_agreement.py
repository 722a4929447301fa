"""Agreement between two annotators (eval/agreement.py), on the fixture article of tests/fixtures/articles/."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

import agreement  # noqa: E402
import articles  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "articles" / "whole_articles.fixture.jsonl"


def coded() -> list[dict]:
    return articles.load_gold([FIXTURE])


def test_an_annotation_agrees_with_itself_fully():
    result = agreement.agreement(coded(), coded())
    for figures in result.values():
        assert (figures["precision"], figures["recall"], figures["source_accuracy"]) == (1.0, 1.0, 1.0)


def test_an_event_the_second_annotator_left_out_lowers_recall_one_way_and_precision_the_other():
    second = coded()
    second[0]["events"] = second[0]["events"][1:]
    result = agreement.agreement(coded(), second)
    assert result["second_vs_first"]["precision"] == 1.0
    assert result["second_vs_first"]["recall"] < 1.0
    assert result["first_vs_second"]["precision"] < 1.0


def test_another_source_counts_against_the_source_only():
    second = coded()
    event = next(e for e in second[0]["events"] if e.get("source"))
    event["source"] = copy.deepcopy(event["source"]) | {"start": 0, "end": 1, "country": "ZZZ", "sector": "XXX"}
    figures = agreement.agreement(coded(), second)["second_vs_first"]
    assert figures["recall"] == 1.0 and figures["source_accuracy"] < 1.0


def test_articles_only_one_annotator_coded_are_left_out():
    other = coded()
    other[0]["id"] = "another article"
    assert agreement.agreement(coded(), other)["second_vs_first"]["articles"] == 0
