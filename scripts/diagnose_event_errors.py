"""Where the event coder's errors on annotated whole articles come from: the counts docs/events.md quotes when it
says what a pass was read from.

    python scripts/diagnose_event_errors.py folded CACHE [--gold FILE ...]
        gold events no prediction matched whose trigger is a later mention folded into another predicted event
        (CACHE: an events cache written by `eval/articles.py --events-cache CACHE` over the same gold files)
    python scripts/diagnose_event_errors.py words CACHE [--gold FILE ...]
        predicted events by outcome (right, false, duplicate, neutral), per type and per (trigger word, type): how
        often a reading is right, the counts docs/events.md quotes for a lexicon row or a look-alike
    python scripts/diagnose_event_errors.py sides [--gold FILE ...]
        matched events with a side left empty where the annotation names one: where that side is (a child of the
        trigger, under it, elsewhere in the sentence, another sentence) and whether the actor stage knows it;
        codes the articles with the current code and configuration
    python scripts/diagnose_event_errors.py missed [--gold FILE ...]
        gold events no prediction matched, by what became of their trigger: a word the lexicon does not know; known
        but stopped before coding (a filter, or a blocked token); alive in its sentence but not coded (another act
        was the main one); coded and then dropped (not taken place); folded into another event; coded with another
        type or with the same one (then the sides, sentence or fold decided); codes the articles with the current
        code and configuration
    python scripts/diagnose_event_errors.py india BEFORE AFTER
        India set sentences whose predicted police labels differ between two events caches of `eval/articles.py
        --only india` (for instance with a setting off and on), by label, gained or lost, labelled or not

``--gold`` defaults to the blind batches (eval/gold/fresh/); ``--bench`` to ../shared/bench.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

import articles as A  # noqa: E402

from geowire.events.coder import _CODED  # noqa: E402
from geowire.events.triggers import match_token  # noqa: E402
from geowire.model import Document  # noqa: E402


def _cached(path: Path) -> dict[tuple[str, str], list[dict]]:
    with open(path, encoding="utf-8") as handle:
        return {(r["set"], str(r["id"])): r["events"] for r in map(json.loads, handle)}


def folded(gold: list[dict], cache: Path) -> Counter:
    events = _cached(cache)
    tally: Counter = Counter()
    for article in gold:
        outcome = A.match_gold(article, events[(article["set"], str(article["id"]))])
        matched = {g for _, o, g in outcome if o == "tp"}
        for g, event in enumerate(article["events"]):
            if g in matched:
                continue
            start, end = event["trigger"]["start"], event["trigger"]["end"]
            into = [p for p, _, _ in outcome for m in p.get("mentions", [])[1:]
                    if m.get("trigger_start") is not None and m["trigger_start"] < end and start < m["trigger_end"]]
            if into:
                tally["folded, same type" if into[0]["type"] == event["type"] else "folded, other type"] += 1
        tally["missed"] += len(article["events"]) - len(matched)
    return tally


def words(gold: list[dict], cache: Path) -> Counter:
    events = _cached(cache)
    tally: Counter = Counter()
    for article in gold:
        for predicted, outcome, _ in A.match_gold(article, events[(article["set"], str(article["id"]))]):
            mention = predicted["mentions"][0]
            word = None if mention.get("trigger_start") is None else \
                article["text"][mention["trigger_start"]:mention["trigger_end"]].lower()
            tally[(predicted["type"], outcome)] += 1
            tally[(predicted["type"], word, outcome)] += 1
    return tally


def _where(side_root, trigger) -> str:
    if side_root.sent != trigger.sent:
        return "another sentence"
    if side_root.head == trigger:
        return f"child of the trigger ({side_root.dep_})"
    if trigger in side_root.ancestors:
        return "under the trigger"
    return "elsewhere in the sentence"


def _coded(gold: list[dict]):
    """Each gold article with its document coded by the current code and configuration, and the parse (dropped
    once the caller moves on)."""
    pipeline = A.analysis_pipeline()
    docs = [Document(id=str(a["id"]), text=a["text"], published=a.get("published"), language="en") for a in gold]
    for article, outcome in zip(gold, pipeline.process(docs, raw=True, keep_parse=True), strict=True):
        doc = outcome.document
        if doc.parsed is not None:
            yield article, doc, doc.parsed
        doc.parsed = None


def sides(gold: list[dict]) -> Counter:
    tally: Counter = Counter()
    for article, doc, parsed in _coded(gold):
        known = {t.i for a in doc.actors for t in (parsed.char_span(a.start, a.end, alignment_mode="expand") or ())}
        for predicted, result, g in A.match_gold(article, doc.to_output()["events"]):
            if result != "tp":
                continue
            event = article["events"][g]
            for role in ("source", "target"):
                side = event.get(role)
                if predicted.get(role) is not None or side is None:
                    continue
                trigger = parsed.char_span(event["trigger"]["start"], event["trigger"]["end"], alignment_mode="expand")
                span = parsed.char_span(side["start"], side["end"], alignment_mode="expand")
                if trigger is None or span is None:
                    continue
                actor = "an actor" if any(t.i in known for t in span) else "no actor"
                tally[(role, _where(span.root, trigger.root), actor)] += 1
    return tally


def missed(gold: list[dict]) -> Counter:
    tally: Counter = Counter()
    for article, doc, parsed in _coded(gold):
        _, coded, _ = parsed.user_data[_CODED]
        output = doc.to_output()["events"]
        matched = {g for _, o, g in A.match_gold(article, output) if o == "tp"}
        for g, event in enumerate(article["events"]):
            if g not in matched:
                span = parsed.char_span(event["trigger"]["start"], event["trigger"]["end"], alignment_mode="expand")
                tally[_fate(event, span, coded, output)] += 1
    return tally


def _fate(event: dict, span, coded, output: list[dict]) -> str:
    if span is None or not any(match_token(t) is not None for t in span):
        return "no trigger word the lexicon knows"
    tokens = {t.i for t in span}
    start, end = span.start_char, span.end_char
    for predicted in output:
        for n, mention in enumerate(predicted.get("mentions", [])):
            if mention.get("trigger_start") is not None and mention["trigger_start"] < end \
                    and start < mention["trigger_end"]:
                kind = "same type" if predicted["type"] == event["type"] else "other type"
                return f"coded, {kind}" if n == 0 else f"folded into another event, {kind}"
    sentence = next((s for s in coded if s.sentence.start <= span.start < s.sentence.end), None)
    if sentence is not None and any(c.trigger.i in tokens for c in sentence.events):
        return "coded, then dropped as not taken place"
    if sentence is not None and any(t.token.i in tokens for t in sentence.triggers):
        return "alive in its sentence, not coded"
    return "known word, stopped before coding"


def india(before: Path, after: Path, bench: Path) -> Counter:
    records = {str(r["id"]): r for r in A._read_jsonl(bench / "events" / "india_police_events" / "articles.jsonl")}
    old, new = _cached(before), _cached(after)
    tally: Counter = Counter()
    for key, record in records.items():
        was = A.india_sentence_predictions(record, old.get(("india_police_events", key), []))
        now = A.india_sentence_predictions(record, new.get(("india_police_events", key), []))
        for number, (a, b) in enumerate(zip(was, now, strict=True)):
            labelled = record["sentences"][number]["labels"]
            for label in a ^ b:
                tally[(label, "gained" if label in b else "lost",
                       "labelled" if labelled.get(label) else "not labelled")] += 1
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("folded", "words", "sides", "missed", "india"))
    parser.add_argument("caches", nargs="*", type=Path)
    parser.add_argument("--gold", nargs="*", type=Path, default=None)
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    args = parser.parse_args()
    if args.what == "india":
        tally = india(*args.caches, args.bench)
    else:
        gold = A.load_gold(args.gold or A.gold_paths(A.FRESH_DIR), args.bench)
        by_cache = {"folded": folded, "words": words}
        tally = by_cache[args.what](gold, args.caches[0]) if args.what in by_cache else \
            missed(gold) if args.what == "missed" else sides(gold)
    for key, count in tally.most_common():
        print(f"{count:5}  {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
