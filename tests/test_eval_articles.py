"""The whole-article evaluation harness (eval/articles.py): scoring rules on hand-built predictions, the gold
loader on the fixture article in tests/fixtures/articles/ (no ../shared needed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

import articles  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "articles" / "whole_articles.fixture.jsonl"


def event(type_: str, at: int, *, certainty: str = "asserted", confidence: float = 0.5, mode=None, source=None,
          target=None, location=None, date=None, attribution=None, mentions=None, quantities=None) -> dict:
    """A predicted event as the contract serialises it; ``at`` is its evidence start."""
    return {"type": type_, "mode": mode, "source": source, "target": target, "location": location, "date": date,
            "attribution": attribution, "certainty": certainty, "confidence": confidence,
            "evidence": {"start": at, "end": at + 5}, "modality": None, "quantities": quantities or [],
            "mentions": mentions or []}


def mention(at: int, trigger: tuple[int, int] | None = None) -> dict:
    return {"start": at, "end": at + 5, "trigger_start": trigger[0] if trigger else None,
            "trigger_end": trigger[1] if trigger else None}


@pytest.fixture(scope="module")
def article() -> dict:
    return articles.load_gold([FIXTURE])[0]


def _start(article: dict, sentence: int) -> int:
    return article["sentences"][sentence][0]


def _copy_of_gold(article: dict, g: int, at: int) -> dict:
    gold = article["events"][g]
    location = dict(gold["location"], basis="sentence")
    return event(gold["type"], at, certainty=gold["certainty"], mode=gold["mode"], source=gold["source"],
                 target=gold["target"], location=location, date={"value": gold["date"]["value"], "text": None},
                 attribution=gold["attribution"])


# ---------------------------------------------------------------------------------------------------- gold set

def test_gold_perfect_predictions_score_one(article):
    predicted = [_copy_of_gold(article, g, _start(article, e["mentions"][0]))
                 for g, e in enumerate(article["events"])]
    scores = articles.score_gold([(article, predicted)])
    assert (scores["precision"], scores["recall"], scores["f1"]) == (1.0, 1.0, 1.0)
    for name in ("source", "target", "location", "date", "attribution", "certainty", "mode"):
        assert scores[f"{name}_accuracy"] == 1.0, name
    assert scores["m2e2_voa"]["tp"] == 3 and "india_police_events" not in scores
    assert scores["per_type"]["COERCE"] == {"gold": 1, "predicted": 1, "tp": 1}


def test_gold_second_report_of_one_happening_is_a_wrong_duplicate(article):
    lede, clashes = _start(article, 1), _start(article, 5)
    twice = [event("ASSAULT", lede), event("ASSAULT", clashes)]
    scores = articles.score_gold([(article, twice)])
    assert (scores["tp"], scores["fp"], scores["duplicates"]) == (1, 1, 1)
    assert scores["precision"] == 0.5
    # the same happening listed once with both sentences as mentions is one right event
    once = [event("ASSAULT", lede, mentions=[mention(lede), mention(clashes)])]
    scores = articles.score_gold([(article, once)])
    assert (scores["tp"], scores["fp"], scores["duplicates"]) == (1, 0, 0)
    # a later mention alone finds the happening too
    scores = articles.score_gold([(article, [event("ASSAULT", clashes)])])
    assert scores["tp"] == 1


def test_gold_type_must_match(article):
    scores = articles.score_gold([(article, [event("PROTEST", _start(article, 1))])])
    assert (scores["tp"], scores["fp"], scores["fn"]) == (0, 1, 3)


def test_gold_speculative_at_a_non_event_sentence_is_neutral(article):
    plan = _start(article, 4)
    scores = articles.score_gold([(article, [event("PROTEST", plan, certainty="speculative")])])
    assert (scores["tp"], scores["fp"], scores["neutral"]) == (0, 0, 1)
    scores = articles.score_gold([(article, [event("PROTEST", plan, certainty="asserted")])])
    assert (scores["fp"], scores["neutral"]) == (1, 0)
    # speculative elsewhere (no non-event listed there) is wrong
    scores = articles.score_gold([(article, [event("PROTEST", _start(article, 2), certainty="speculative")])])
    assert (scores["fp"], scores["neutral"]) == (1, 0)


def test_gold_argument_checks_fail_when_wrong(article):
    lede = _start(article, 1)
    wrong = _copy_of_gold(article, 0, lede)
    wrong["source"] = article["events"][0]["target"]
    wrong["date"] = {"value": "2024-03-06", "text": None}
    wrong["attribution"] = None
    wrong["certainty"] = "asserted"
    scores = articles.score_gold([(article, [wrong])])
    assert scores["tp"] == 1
    assert scores["source_accuracy"] == 0.0 and scores["target_accuracy"] == 1.0
    assert scores["date_accuracy"] == 0.0 and scores["attribution_accuracy"] == 0.0
    assert scores["certainty_accuracy"] == 0.0 and scores["location_accuracy"] == 1.0


def test_actor_right_by_overlap_or_by_country_and_sector():
    gold = {"start": 10, "end": 26, "text": "Pakistani police", "country": "PAK", "sector": "COP"}
    assert articles.actor_right({"start": 20, "end": 26, "country": None, "sector": None}, gold)
    assert articles.actor_right({"start": 90, "end": 95, "country": "PAK", "sector": "COP"}, gold)
    assert not articles.actor_right({"start": 90, "end": 95, "country": "PAK", "sector": "MIL"}, gold)
    assert not articles.actor_right(None, gold)
    assert articles.actor_right(None, None)
    unknown = {"start": 0, "end": 3, "text": "men", "country": None, "sector": None}
    assert not articles.actor_right({"start": 50, "end": 53, "country": None, "sector": None}, unknown)


def test_location_within_and_beyond_161_km():
    karachi = {"start": 0, "end": 7, "lat": 24.9, "lon": 67.0}
    near = {"start": 50, "end": 59, "lat": 25.4, "lon": 68.2}     # about 135 km
    far = {"start": 50, "end": 59, "lat": 24.9, "lon": 68.7}      # about 172 km
    assert articles.location_right(near, karachi)
    assert not articles.location_right(far, karachi)
    assert not articles.location_right(None, karachi)
    assert not articles.location_right(near, None)
    assert articles.location_right(None, None)
    assert not articles.location_right({"start": 1, "end": 4, "lat": None, "lon": None}, karachi)


def test_reliability_and_calibration_error():
    rows, ece = articles.reliability([(0.95, True), (0.95, False), (0.15, False), (1.0, True)])
    assert [r["n"] for r in rows] == [1, 3]           # 1.0 falls in the top bin
    assert rows[1]["right"] == pytest.approx(2 / 3, abs=1e-4)
    assert ece == pytest.approx((0.15 + 3 * abs((0.95 + 0.95 + 1.0) / 3 - 2 / 3)) / 4, abs=1e-4)
    assert articles.reliability([]) == ([], None)


def test_prediction_rows_carry_features_and_outcome(article):
    lede = _start(article, 1)
    fired = article["text"].index("fired")
    predicted = [event("ASSAULT", lede, confidence=0.8, mentions=[mention(lede, (fired, fired + 5))]),
                 event("ASSAULT", _start(article, 5), confidence=0.3)]
    rows = articles.prediction_rows(article, predicted)
    assert [r["outcome"] for r in rows] == ["tp", "duplicate"]
    assert rows[0]["trigger"] == "fired" and rows[0]["right"] is True and rows[1]["right"] is False
    assert rows[0]["has_source"] is False and rows[0]["confidence"] == 0.8
    json.dumps(rows)


# ------------------------------------------------------------------------------------------------------ loader

def _fixture_line() -> dict:
    return json.loads(FIXTURE.read_text().splitlines()[0])


def test_loader_reads_the_fixture(article):
    assert article["published"] == "2024-03-06" and len(article["sentences"]) == 6
    assert article["text"].startswith("Police Fire Tear Gas")


@pytest.mark.parametrize("breaks, message", [
    (lambda line: line["events"][0]["trigger"].update(text="shot"), "events[0].trigger: text["),
    (lambda line: line["events"][1]["source"].update(start=0), "events[1].source"),
    (lambda line: line["events"][0].update(mentions=[1, 9]), "sentence 9 is not a sentence number"),
    (lambda line: line["events"][2].update(mentions=[4]), "outside its sentence"),
    (lambda line: line["non_events"][0].update(reason="boring"), "reason 'boring'"),
    (lambda line: line["events"][0].update(type="ATTACK"), "type 'ATTACK'"),
])
def test_loader_rejects_a_bad_line_with_a_clear_message(tmp_path, breaks, message):
    line = _fixture_line()
    breaks(line)
    path = tmp_path / "whole_articles.bad.jsonl"
    path.write_text(json.dumps(line) + "\n")
    with pytest.raises(articles.GoldError) as caught:
        articles.load_gold([path])
    assert message in str(caught.value) and f"{path}:1" in str(caught.value)


def test_loader_rejects_an_article_annotated_twice(tmp_path):
    path = tmp_path / "whole_articles.twice.jsonl"
    path.write_text(FIXTURE.read_text() * 2)
    with pytest.raises(articles.GoldError, match="annotated twice"):
        articles.load_gold([path])


def test_loader_needs_the_bench_record_when_the_line_has_no_text(tmp_path):
    line = _fixture_line()
    del line["text"], line["sentences"]
    path = tmp_path / "whole_articles.ref.jsonl"
    path.write_text(json.dumps(line) + "\n")
    with pytest.raises(articles.GoldError, match="no such record"):
        articles.load_gold([path], bench=tmp_path)


# -------------------------------------------------------------------------------------------------------- m2e2

M2E2_SENTENCES = ("Gunmen attacked a market in Kabul and killed five people.", "Police arrested two men.",
                  "The leaders met in Geneva.", "Nothing happened here.")
M2E2_TEXT = " ".join(M2E2_SENTENCES)


def _m2e2_at(word: str) -> int:
    return M2E2_TEXT.index(word)


def _m2e2_record() -> dict:
    text = M2E2_TEXT
    s, start = [], 0
    for sentence in M2E2_SENTENCES:
        s.append((start, start + len(sentence)))
        start += len(sentence) + 1

    def at(word: str) -> dict:
        start = text.index(word)
        return {"start": start, "end": start + len(word), "text": word}

    def gold(ace, plover, mode, trigger, sentence, args):
        return {"ace_type": ace, "plover_type": plover, "plover_mode": mode, "trigger": at(trigger),
                "sentence": sentence, "args": [dict(at(t), role=role) for role, t in args]}

    return {"id": "m", "published": "2016-01-01", "text": text, "sentences": [list(x) for x in s] + [None],
            "annotated_sentences": [0, 1, 2, 3], "events": [
                gold("Conflict.Attack", "ASSAULT", None, "attacked", 0,
                     [("Attacker", "Gunmen"), ("Target", "market"), ("Place", "Kabul")]),
                gold("Life.Die", None, None, "killed", 0, [("Victim", "people")]),
                gold("Justice.Arrest-Jail", "COERCE", "arrest", "arrested", 1, [("Agent", "Police"), ("Person", "men")]),
                gold("Contact.Meet", "CONSULT", None, "met", 2, [("Entity", "leaders"), ("Place", "Geneva")]),
            ]}


def test_m2e2_tp_neutral_duplicate_fp_and_excluded():
    record = _m2e2_record()
    gunmen = {"start": 0, "end": 6, "text": "Gunmen"}
    attacked, killed = _m2e2_at("attacked"), _m2e2_at("killed")
    police, leaders, nothing = _m2e2_at("Police"), _m2e2_at("The leaders"), _m2e2_at("Nothing")
    predicted = [
        event("ASSAULT", 0, source=gunmen, mentions=[mention(0, (attacked, attacked + 8))]),   # tp
        event("ASSAULT", 0, mentions=[mention(0, (killed, killed + 6))]),   # on "killed" (Life.Die): neutral
        event("COERCE", police, mode="arrest"),                             # tp
        event("COERCE", police, mode="arrest"),                             # the same arrest again: duplicate
        event("ASSAULT", nothing),                                          # nothing there: fp
        event("AGREE", leaders),                                            # not an m2e2 type: excluded
    ]
    scores = articles.score_m2e2([(record, predicted)])
    assert scores["micro"]["tp"] == 2 and scores["micro"]["fp"] == 2
    assert scores["micro"]["precision"] == 0.5 and scores["micro"]["recall"] == round(2 / 3, 4)
    assert (scores["neutral"], scores["excluded"], scores["duplicates"]) == (1, 1, 1)
    assert scores["CONSULT"]["recall"] == 0.0 and scores["COERCE"]["precision"] == 0.5
    assert scores["mode_arrest_accuracy"] == 1.0
    assert scores["source_accuracy"] == 0.5           # the attack's Attacker overlaps, the arrest has no source
    assert scores["location_accuracy"] == 0.0 and scores["location_checked"] == 1   # the attack's Kabul


def test_m2e2_neutral_only_without_a_free_gold_event_of_the_type():
    record = _m2e2_record()
    # without a trigger, an ASSAULT on the sentence takes the free attack first; the second is a duplicate,
    # not neutral: the sentence-level rule cannot tell it sits on "killed"
    scores = articles.score_m2e2([(record, [event("ASSAULT", 0), event("ASSAULT", 0)])])
    assert (scores["micro"]["tp"], scores["micro"]["fp"], scores["neutral"]) == (1, 1, 0)
    # with a known trigger off every gold trigger, it is a false positive rather than neutral
    record["events"] = [e for e in record["events"] if e["ace_type"] != "Conflict.Attack"]
    market = _m2e2_at("market")
    scores = articles.score_m2e2([(record, [event("ASSAULT", 0, mentions=[mention(0, (market, market + 6))])])])
    assert (scores["micro"]["fp"], scores["neutral"]) == (1, 0)
    scores = articles.score_m2e2([(record, [event("ASSAULT", 0)])])
    assert (scores["micro"]["fp"], scores["neutral"]) == (0, 1)


def test_m2e2_later_mentions_recall_without_counting_for_precision():
    record = _m2e2_record()
    happened = _m2e2_at("happened")
    record["events"].append({"ace_type": "Conflict.Attack", "plover_type": "ASSAULT", "plover_mode": None,
                             "trigger": {"start": happened, "end": happened + 8, "text": "happened"}, "sentence": 3,
                             "args": []})
    nothing = _m2e2_at("Nothing")
    one = event("ASSAULT", 0, mentions=[mention(0), mention(nothing)])
    scores = articles.score_m2e2([(record, [one])])
    assert scores["ASSAULT"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "gold": 2,
                                 "recalled": 2}
    # a separate prediction of the sentence the first one already recalled is a duplicate
    scores = articles.score_m2e2([(record, [one, event("ASSAULT", nothing)])])
    assert scores["ASSAULT"]["fp"] == 1 and scores["duplicates"] == 1


# ------------------------------------------------------------------------------------------------------- india

POLICE = {"text": "police", "start": 0, "end": 6, "country": "IND", "sector": "COP"}
MOB = {"text": "mob", "start": 0, "end": 3, "country": None, "sector": "CVL"}


def test_india_police_mapping():
    killed = [{"kind": "killed", "value": 3, "min": None, "text": "three", "start": 0, "end": 5}]
    assert articles.police_labels(event("ASSAULT", 0, source=POLICE, quantities=killed), "police opened fire") == {
        "KILL", "FORCE", "ANY_ACTION"}
    assert articles.police_labels(event("ASSAULT", 0, source=POLICE), "two were shot dead in police firing") == {
        "KILL", "FORCE", "ANY_ACTION"}
    assert articles.police_labels(event("ASSAULT", 0, source=POLICE), "police lobbed tear gas shells") == {
        "FORCE", "ANY_ACTION"}
    assert articles.police_labels(event("ASSAULT", 0, source=MOB), "the mob killed two") == set()
    assert articles.police_labels(event("MOBILIZE", 0, source=POLICE), "police were deployed") == {"ANY_ACTION"}
    arrest = event("COERCE", 0, mode="arrest")
    assert articles.police_labels(arrest, "50 were arrested by the police") == {"ARREST", "ANY_ACTION"}
    assert articles.police_labels(arrest, "50 persons were arrested") == set()
    assert articles.police_labels(event("COERCE", 0, mode="arrest", source=MOB), "police said the mob held two") == set()
    assert articles.police_labels(event("COERCE", 0, mode="arrest", source=POLICE), "two held") == {
        "ARREST", "ANY_ACTION"}


def test_india_police_crowd_control_is_force_and_a_curfew_is_not():
    # the contract codes firing in the air and tear gas as a restriction (COERCE); the India set asks whether the
    # police used force, and counts them
    control = event("COERCE", 0, mode="restrict", source=POLICE)
    assert articles.police_labels(control, "police fired in the air to disperse the mob", "fired") == {
        "FORCE", "ANY_ACTION"}
    assert articles.police_labels(control, "police lobbed tear gas shells", "lobbed") == {"FORCE", "ANY_ACTION"}
    assert articles.police_labels(control, "police clamped a curfew on the town", "curfew") == {"ANY_ACTION"}
    assert articles.police_labels(event("COERCE", 0, mode="restrict", source=MOB), "the mob fired", "fired") == set()


def _india_record(published: str, labels: list[dict[str, bool]]) -> dict:
    sentences, text = [], ""
    for i, flags in enumerate(labels):
        piece = f"sentence {i} about police. "
        sentences.append({"start": len(text), "end": len(text) + len(piece) - 1,
                          "labels": {k: flags.get(k, False) for k in ("KILL", "ARREST", "FAIL", "FORCE",
                                                                      "ANY_ACTION")}})
        text += piece
    doc = {k: any(s["labels"][k] for s in sentences) for k in ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")}
    return {"id": published, "published": published, "text": text, "sentences": sentences, "doc_labels": doc}


def test_india_sentence_document_and_daily_scores():
    arrest = {"ARREST": True, "ANY_ACTION": True}
    first = _india_record("2002-03-01", [{}, arrest, {"ANY_ACTION": True}])
    second = _india_record("2002-03-02", [{}, {}])
    third = _india_record("2002-03-03", [arrest])
    s1, s2 = first["sentences"][1]["start"], second["sentences"][0]["start"]
    items = [(first, [event("COERCE", s1, mode="arrest")]),           # right sentence (police in it)
             (second, [event("ASSAULT", s2, source=POLICE)]),          # a false FORCE / ANY_ACTION
             (third, [])]
    scores = articles.score_india(items)
    assert scores["ARREST"]["sentence"] == {"precision": 1.0, "recall": 0.5, "f1": round(2 / 3, 4),
                                            "tp": 1, "fp": 0, "fn": 1}
    assert scores["ANY_ACTION"]["sentence"]["tp"] == 1 and scores["ANY_ACTION"]["sentence"]["fp"] == 1
    assert scores["ANY_ACTION"]["sentence"]["fn"] == 2
    assert scores["FORCE"]["document"]["fp"] == 1 and scores["ARREST"]["document"]["fn"] == 1
    assert scores["ARREST"]["daily_spearman"] == 0.5
    assert scores["KILL"]["daily_spearman"] is None                   # nothing either side: no correlation


def test_spearman_with_ties():
    assert articles.spearman([1, 2, 3, 4], [1, 3, 2, 4]) == 0.8
    assert articles.spearman([1, 2, 3], [3, 2, 1]) == -1.0
    assert articles.spearman([1, 1, 2], [1, 2, 3]) == pytest.approx(0.866, abs=1e-3)
    assert articles.spearman([1, 1], [1, 2]) is None


def test_sentence_index_skips_gaps_and_missing_sentences():
    index = articles.SentenceIndex([(0, 10), None, (12, 20)])
    assert [index.at(x) for x in (0, 9, 10, 11, 12, 19, 20, None)] == [0, 0, None, None, 2, 2, None, None]


# --------------------------------------------------------------------------------------------- the real coder

@pytest.mark.model
def test_evaluate_runs_the_pipeline_on_the_fixture(tmp_path):
    dump = tmp_path / "predictions.jsonl"
    flat = articles.evaluate(tmp_path, only=["gold"], gold_files=[FIXTURE], dump=dump)
    assert flat["gold_articles"] == 1 and flat["gold_gold_events"] == 3
    assert 0.0 <= flat["gold_recall"] <= 1.0
    rows = [json.loads(line) for line in dump.read_text().splitlines()]
    assert len(rows) == flat["gold_tp"] + flat["gold_fp"] + flat["gold_neutral"] + flat["gold_duplicates"] + \
        flat["gold_outside"]
    assert all(r["set"] == "m2e2_voa" and r["type"] for r in rows)


def test_events_cache_is_read_without_coding(tmp_path, monkeypatch):
    cache = tmp_path / "events.jsonl"
    cache.write_text(json.dumps({"set": "m2e2_voa", "id": "a", "events": [event("ASSAULT", 0)]}) + "\n")

    def no_coding(*args, **kwargs):
        raise AssertionError("the cache holds every article")

    monkeypatch.setattr(articles, "predict", no_coding)
    events, notes = articles.coded_events({("m2e2_voa", "a"): {"id": "a", "text": "x"}}, cache)
    assert events[("m2e2_voa", "a")][0]["type"] == "ASSAULT" and "read from" in notes[0]
    with pytest.raises(AssertionError, match="holds every article"):
        articles.coded_events({("m2e2_voa", "b"): {"id": "b", "text": "x"}}, cache)


def test_fresh_batches_are_scored_apart_and_kept_out_of_the_fitted_gold(tmp_path, monkeypatch):
    """A blind batch (eval/gold/fresh/) is its own part: its figures are not mixed into the gold set's, and
    the gold files the confidence is fitted on do not include it."""
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "whole_articles.batch.jsonl").write_text(FIXTURE.read_text())
    monkeypatch.setattr(articles, "FRESH_DIR", fresh)
    cache = tmp_path / "events.jsonl"
    line = _fixture_line()
    cache.write_text(json.dumps({"set": line["set"], "id": line["id"], "events": []}) + "\n")
    flat = articles.evaluate(tmp_path, only=["fresh"], cache=cache)
    assert flat["fresh_articles"] == 1 and flat["fresh_recall"] == 0.0
    assert flat["fresh_file_batch_articles"] == 1  # and each file apart
    assert not any(key.startswith("gold_") for key in flat)
    assert all(path.parent == articles.GOLD_DIR for path in articles.gold_paths())


def test_a_person_named_by_surname_is_right_by_name_only():
    gold = {"start": 0, "end": 10, "text": "naim hamid", "country": None, "sector": None}
    surname = {"start": 300, "end": 305, "text": "Hamid", "country": None, "sector": None}
    names = {"government", "state", "naim"}.__contains__
    assert not articles.actor_right(surname, gold)
    assert articles.same_named_person(surname, gold, is_word=names)
    assert articles.same_named_person(gold, surname, is_word=names)
    government = {"start": 0, "end": 16, "text": "state government", "country": None, "sector": None}
    assert not articles.same_named_person({"start": 90, "end": 100, "text": "government"}, government,
                                          is_word=names)
    assert not articles.same_named_person({"start": 90, "end": 95, "text": "Kumar"}, gold, is_word=names)
    assert not articles.same_named_person(None, gold, is_word=names)
