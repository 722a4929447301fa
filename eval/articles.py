"""Evaluate event coding on whole articles: what users run, not single gold sentences.

Every article's ``text`` goes through the analysis stages of the default configuration (nlp, places, actors,
times, events) with its ``published`` date, as ``geowire extract --raw`` runs them, and three scorers read the
coded events (the JSON contract, ``Document.to_output()["events"]``):

* ``score_m2e2`` — bench ``events/m2e2_voa``, its README's "Suggested scoring" at PLOVER level: precision over
  annotated sentences only (ASSAULT/PROTEST/CONSULT/COERCE; a prediction on a gold event whose PLOVER type is
  null is neutral, other predicted types are left out), recall over the gold events with a PLOVER type, per type
  and micro; mode accuracy for phone/arrest; source/target/location on correctly typed events.
* ``score_india`` — bench ``events/india_police_events``: KILL, FORCE, ARREST and ANY_ACTION from police events,
  sentence level and document level, and Spearman's rho of positive documents per day.
* ``score_gold`` — our own annotation (``eval/gold/whole_articles*.jsonl``, "Whole-article annotation guideline"
  in docs/events.md): event precision/recall/F1 with duplicates counted wrong, argument, place, date,
  attribution and certainty agreement on matched events, per set and overall.
* the same scorer on ``eval/gold/fresh/`` (part ``fresh``): batches annotated blind — by annotators who saw no
  output of the coder — and scored once before anyone read their errors (that first figure is recorded in
  docs/benchmarks.md as the nearest thing to held-out news we have). The confidence is fitted on them
  (scripts/fit_event_confidence.py), each file held out in turn.

A predicted event sits at the sentence holding its evidence start; when it lists ``mentions`` it sits at each
mention's sentence (the trigger start when given, else the mention start), the first being where it counts for
precision. Confidence is checked against being right (a true positive) with a 10-bin reliability table and its
expected calibration error, on the gold set and on m2e2.

    python eval/articles.py [--bench PATH] [--limit N] [--only m2e2|india|gold|fresh] [--json [FILE]]
                            [--dump-predictions FILE] [--events-cache FILE]
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from geowire.geodesy import haversine_km
from geowire.model import CERTAINTIES, MODALITIES, PLOVER_TYPES

HERE = Path(__file__).resolve().parent
M2E2_FILE = Path("events/m2e2_voa/articles.jsonl")
INDIA_FILE = Path("events/india_police_events/articles.jsonl")
GOLD_DIR = HERE / "gold"
FRESH_DIR = GOLD_DIR / "fresh"
GOLD_PATTERN = "whole_articles*.jsonl"
SETS = {"m2e2_voa": M2E2_FILE, "india_police_events": INDIA_FILE}
PARTS = ("m2e2", "india", "gold", "fresh")

M2E2_TYPES = ("ASSAULT", "PROTEST", "CONSULT", "COERCE")
M2E2_MODES = ("phone", "arrest")
# ACE roles standing for PLOVER's source and target (the README's correspondence table); Meet/Phone-Write are
# symmetric, so either Entity may be the source or the target
M2E2_ROLES = {
    "Conflict.Attack": ("Attacker", ("Target",)),
    "Conflict.Demonstrate": ("Entity", ()),
    "Contact.Meet": ("Entity", ("Entity",)),
    "Contact.Phone-Write": ("Entity", ("Entity",)),
    "Justice.Arrest-Jail": ("Agent", ("Person",)),
}

INDIA_LABELS = ("KILL", "FORCE", "ARREST", "ANY_ACTION")
POLICE_SECTOR = "COP"
# ARREST with no source: a passive "were arrested" counts as a police arrest when the sentence speaks of police
POLICE_WORDS = re.compile(r"\b(?:police\w*|cops?|constab\w*|(?:sub-)?inspectors?|crime branch)\b", re.IGNORECASE)
# KILL: a police ASSAULT with a "killed" quantity, or one of these words in its sentence
DEATH_WORDS = re.compile(r"\b(?:kill(?:ed|ing|s)?|died|dies|dead|deaths?|succumbed|fatal(?:ly)?)\b", re.IGNORECASE)
# FORCE: also a police COERCE of crowd control (restrict), told by firing (in the air, tear gas, rubber bullets),
# lobbing or bursting shells, or tear-gassing: the contract codes these as restriction, the set asks "did police
# use force?"
CROWD_CONTROL_TRIGGERS = re.compile(r"^(?:fir(?:e|ed|es|ing)|lob(?:bed|bing|s)?|burst(?:ing|s)?|tear-?gass?(?:ed|ing)?|"
                                    r"teargass?(?:ed|ing)?)$", re.IGNORECASE)

NON_EVENT_REASONS = ("hypothetical", "future", "plan", "question", "generic", "negated", "opinion", "caption",
                     "headline", "not_an_event")
NEUTRAL_CERTAINTIES = ("speculative", "negated")
ATTRIBUTION_KINDS = ("official", "military", "media", "ngo_igo", "imagery", "anonymous", "eyewitness",
                     "social_media", "unknown")
QUANTITY_KINDS = ("killed", "injured", "arrested", "displaced", "crowd", "troops")
LOCATION_KM = 161.0
CONFIDENCE_BINS = 10


# ---------------------------------------------------------------------------------------------------- sentences

def sentence_spans(record: dict) -> list[tuple[int, int] | None]:
    """The record's sentences as (start, end), None where the bench has no sentence (m2e2's missing rows).
    Accepts m2e2's ``[start, end]`` lists and india's ``{"start", "end", ...}`` objects."""
    spans: list[tuple[int, int] | None] = []
    for entry in record["sentences"]:
        if entry is None:
            spans.append(None)
        elif isinstance(entry, dict):
            spans.append((entry["start"], entry["end"]))
        else:
            spans.append((entry[0], entry[1]))
    return spans


class SentenceIndex:
    """Which sentence number holds a character offset (None between or outside the known sentences)."""

    def __init__(self, spans: list[tuple[int, int] | None]):
        known = sorted((span[0], span[1], number) for number, span in enumerate(spans) if span is not None)
        self._starts = [start for start, _, _ in known]
        self._known = known

    def at(self, offset: int | None) -> int | None:
        if offset is None:
            return None
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        start, end, number = self._known[i]
        return number if start <= offset < end else None


def anchors(event: dict) -> list[int]:
    """Offsets where a predicted event is reported: each mention's trigger (or sentence) start, else the
    evidence start. The first is the main report."""
    out = []
    for mention in event.get("mentions") or []:
        at = mention.get("trigger_start")
        out.append(mention["start"] if at is None else at)
    return out or [event["evidence"]["start"]]


def event_sentences(event: dict, index: SentenceIndex) -> list[int]:
    """The sentence numbers of a predicted event, main report first, each once; offsets in no sentence drop."""
    seen: list[int] = []
    for offset in anchors(event):
        number = index.at(offset)
        if number is not None and number not in seen:
            seen.append(number)
    return seen


def _trigger_span(event: dict) -> tuple[int, int] | None:
    mentions = event.get("mentions") or []
    if mentions and mentions[0].get("trigger_start") is not None and mentions[0].get("trigger_end") is not None:
        return mentions[0]["trigger_start"], mentions[0]["trigger_end"]
    return None


def overlaps(a: dict | tuple | None, b: dict | tuple | None) -> bool:
    """Two spans (``{"start","end"}`` dicts or (start, end) tuples) share at least one character."""
    if a is None or b is None:
        return False
    a0, a1 = (a["start"], a["end"]) if isinstance(a, dict) else a
    b0, b1 = (b["start"], b["end"]) if isinstance(b, dict) else b
    if None in (a0, a1, b0, b1):
        return False
    return a0 < b1 and b0 < a1


def _sorted_by_report(events: list[dict]) -> list[dict]:
    return sorted(events, key=lambda e: anchors(e)[0])


# ------------------------------------------------------------------------------------------------------ figures

def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def _ratio(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


def reliability(pairs: list[tuple[float, bool]], bins: int = CONFIDENCE_BINS) -> tuple[list[dict], float | None]:
    """Equal-width confidence bins against the share that is right, and the expected calibration error
    (the bin-size-weighted mean gap between mean confidence and share right)."""
    rows = []
    gap = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [(c, ok) for c, ok in pairs if low <= c < high or (b == bins - 1 and c >= high)]
        if not members:
            continue
        mean = sum(c for c, _ in members) / len(members)
        right = sum(ok for _, ok in members) / len(members)
        gap += len(members) * abs(mean - right)
        rows.append({"low": low, "high": high, "n": len(members), "confidence": round(mean, 4),
                     "right": round(right, 4)})
    return rows, (round(gap / len(pairs), 4) if pairs else None)


def spearman(xs: list[float], ys: list[float]) -> float | None:
    """Spearman's rho: Pearson's correlation of the ranks (ties share their mean rank); None when a side is
    constant or there are fewer than two points."""
    if len(xs) != len(ys) or len(xs) < 2:
        return None
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    if vx == 0 or vy == 0:
        return None
    return round(cov / (vx * vy) ** 0.5, 4)


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


# ------------------------------------------------------------------------------------------------------- m2e2

def match_m2e2(record: dict, events: list[dict]) -> dict[str, Any]:
    """Match one article's predictions against its gold events.

    Each prediction of one of the four types is judged once, at its first sentence: a true positive when that
    annotated sentence holds a gold event of its type not yet taken (one whose trigger overlaps the predicted
    trigger first, when the coder gives one); neutral when the sentence holds a gold event of null PLOVER type
    and none of its type — or, when the coder gives the trigger, when that trigger overlaps a null-typed gold
    trigger and no free gold trigger of its type ("killed" coded ASSAULT where gold has Life.Die); a duplicate
    (counted false) when every gold event of its type there is taken already; otherwise false. Its further
    mention sentences recall one gold event of its type each (not counted for precision). Predictions outside
    the annotated sentences, or of other types, are excluded.
    Returns the outcome per prediction, the predictions taking each gold event, and the matched pairs."""
    index = SentenceIndex(sentence_spans(record))
    gold = record["events"]
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for g, event in enumerate(gold):
        by_sentence[event["sentence"]].append(g)
    takers: list[list[int]] = [[] for _ in gold]
    outcomes: list[tuple[dict, str]] = []
    pairs: list[tuple[dict, int]] = []
    for p, event in enumerate(_sorted_by_report(events)):
        sentences = event_sentences(event, index)
        if event["type"] not in M2E2_TYPES or not sentences:
            outcomes.append((event, "excluded"))
            continue
        trigger = _trigger_span(event)
        here = by_sentence.get(sentences[0], [])
        same = [g for g in here if gold[g]["plover_type"] == event["type"]]
        free = sorted((g for g in same if not takers[g]), key=lambda g: not overlaps(trigger, gold[g]["trigger"]))
        on_null = [g for g in here if gold[g]["plover_type"] is None
                   and (trigger is None or overlaps(trigger, gold[g]["trigger"]))]
        if free and (trigger is None or overlaps(trigger, gold[free[0]]["trigger"]) or not on_null):
            takers[free[0]].append(p)
            outcomes.append((event, "tp"))
            pairs.append((event, free[0]))
        elif on_null and (trigger is not None or not same):
            outcomes.append((event, "neutral"))
        elif same:
            takers[same[0]].append(p)
            outcomes.append((event, "duplicate"))
        else:
            outcomes.append((event, "fp"))
        for sentence in sentences[1:]:
            later = [g for g in by_sentence.get(sentence, []) if gold[g]["plover_type"] == event["type"]]
            if not later:
                continue
            free = [g for g in later if not takers[g]]
            takers[(free or later)[0]].append(p)
    return {"outcomes": outcomes, "takers": takers, "pairs": pairs}


def _m2e2_arguments(record: dict, event: dict, g: int, tally: Counter) -> None:
    gold = record["events"][g]
    actor_role, recipient_roles = M2E2_ROLES.get(gold["ace_type"], (None, ()))
    actors = [a for a in gold["args"] if a["role"] == actor_role]
    recipients = [a for a in gold["args"] if a["role"] in recipient_roles]
    if gold["ace_type"] == "Conflict.Attack":  # victims of a co-occurring death are the attack's targets too
        recipients += [a for other in record["events"] if other["sentence"] == gold["sentence"]
                       and other["ace_type"] == "Life.Die" for a in other["args"] if a["role"] == "Victim"]
    places = [a for a in gold["args"] if a["role"] == "Place"]
    for name, wanted, predicted in (("source", actors, event.get("source")),
                                    ("target", recipients, event.get("target")),
                                    ("location", places, event.get("location"))):
        if wanted:
            tally[f"{name}_total"] += 1
            tally[f"{name}_right"] += any(overlaps(predicted, a) for a in wanted)


def score_m2e2(items: Iterable[tuple[dict, list[dict]]]) -> dict[str, Any]:
    """PLOVER-level scores over (m2e2 record, predicted events) pairs; see :func:`match_m2e2`."""
    counts: Counter = Counter()
    per_type = {t: Counter() for t in M2E2_TYPES}
    modes = {m: Counter() for m in M2E2_MODES}
    arguments: Counter = Counter()
    confidences: list[tuple[float, bool]] = []
    articles = 0
    for record, events in items:
        articles += 1
        match = match_m2e2(record, events)
        for event, outcome in match["outcomes"]:
            counts[outcome] += 1
            if outcome in ("tp", "fp", "duplicate"):
                per_type[event["type"]]["tp" if outcome == "tp" else "fp"] += 1
                confidences.append((event["confidence"], outcome == "tp"))
        spans = sentence_spans(record)
        for gold, takers in zip(record["events"], match["takers"], strict=True):
            kind = gold["plover_type"]
            if kind is None:
                continue
            per_type[kind]["gold"] += 1
            per_type[kind]["recalled"] += bool(takers)
            counts["duplicates"] += len(takers) > 1
            start, end = spans[gold["sentence"]]
            if not looks_like_caption(record["text"][start:end]):
                counts["story_gold"] += 1
                counts["story_recalled"] += bool(takers)
        for event, g in match["pairs"]:
            gold_mode = record["events"][g]["plover_mode"]
            if gold_mode in modes:
                modes[gold_mode]["total"] += 1
                modes[gold_mode]["right"] += event.get("mode") == gold_mode
            _m2e2_arguments(record, event, g, arguments)
    result: dict[str, Any] = {"articles": articles}
    totals: Counter = Counter()
    for kind, c in per_type.items():
        totals.update(c)
        result[kind] = _m2e2_prf(c)
    result["micro"] = _m2e2_prf(totals)
    # geowire codes no event from photo captions (docs/events.md), which M2E2 annotates heavily: recall over
    # the gold events of the story's own sentences is the figure that measures the coder
    result["story_gold"] = counts["story_gold"]
    result["story_recall"] = _ratio(counts["story_recalled"], counts["story_gold"])
    result["duplicates"] = counts["duplicates"]
    result["neutral"] = counts["neutral"]
    result["excluded"] = counts["excluded"]
    result["mode_accuracy"] = _ratio(sum(m["right"] for m in modes.values()), sum(m["total"] for m in modes.values()))
    for mode, c in modes.items():
        result[f"mode_{mode}_accuracy"] = _ratio(c["right"], c["total"])
    for name in ("source", "target", "location"):
        result[f"{name}_accuracy"] = _ratio(arguments[f"{name}_right"], arguments[f"{name}_total"])
        result[f"{name}_checked"] = arguments[f"{name}_total"]
    result["reliability"], result["ece"] = reliability(confidences)
    return result


def looks_like_caption(sentence: str) -> bool:
    """A photo caption by its words alone ("FILE - ...", "in this handout photo", a full date "May 12, 2014"):
    the parse-free approximation of geowire.events.framing.is_caption used to set captions apart in scoring."""
    from geowire.events.framing import CAPTION_START, FULL_DATE, PICTURE_WORDS

    text = sentence.lstrip()
    return bool(CAPTION_START.match(text) or PICTURE_WORDS.search(text) or FULL_DATE.search(text))


def _m2e2_prf(c: Counter) -> dict[str, float | int]:
    """Precision from judged predictions, recall from gold events taken by at least one prediction."""
    p = round(c["tp"] / (c["tp"] + c["fp"]), 4) if c["tp"] + c["fp"] else 0.0
    recall = c["recalled"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * p * recall / (p + recall) if p + recall else 0.0
    return {"precision": p, "recall": round(recall, 4), "f1": round(f1, 4), "tp": c["tp"], "fp": c["fp"],
            "gold": c["gold"], "recalled": c["recalled"]}


# ------------------------------------------------------------------------------------------------------ india

def police_labels(event: dict, sentence_text: str, trigger_text: str = "") -> set[str]:
    """The IndiaPoliceEvents labels one predicted event gives the sentence it is reported in.

    Police means a source of sector COP. FORCE: a police ASSAULT, or a police COERCE of crowd control (restrict,
    its trigger a word of firing or tear-gassing: ``CROWD_CONTROL_TRIGGERS``); KILL: a police ASSAULT with a
    "killed" quantity or a death word in the sentence; ARREST: COERCE with mode arrest by police, or with no source
    at all when the sentence speaks of police ("over 50 were arrested by the police", passive); ANY_ACTION: any of
    these or any other event whose source is police."""
    source = event.get("source")
    police = bool(source) and source.get("sector") == POLICE_SECTOR
    labels = {"ANY_ACTION"} if police else set()
    crowd_control = event["type"] == "COERCE" and event.get("mode") == "restrict" \
        and CROWD_CONTROL_TRIGGERS.match(trigger_text.strip()) is not None
    if police and crowd_control:
        labels.add("FORCE")
    if police and event["type"] == "ASSAULT":
        labels.add("FORCE")
        killed = any(q.get("kind") == "killed" for q in event.get("quantities") or [])
        if killed or DEATH_WORDS.search(sentence_text):
            labels.add("KILL")
    if event["type"] == "COERCE" and event.get("mode") == "arrest":
        if police or (not source and POLICE_WORDS.search(sentence_text)):
            labels |= {"ARREST", "ANY_ACTION"}
    return labels


def india_sentence_predictions(record: dict, events: list[dict]) -> list[set[str]]:
    """The labels predicted for each sentence: from every event reported in it (evidence or mention)."""
    spans = sentence_spans(record)
    index = SentenceIndex(spans)
    predicted: list[set[str]] = [set() for _ in spans]
    for event in events:
        for number in event_sentences(event, index):
            start, end = spans[number]
            mention = next((m for m in event.get("mentions") or [] if m.get("trigger_start") is not None
                            and start <= m["trigger_start"] < end), None)
            trigger = record["text"][mention["trigger_start"]:mention["trigger_end"]] if mention else ""
            predicted[number] |= police_labels(event, record["text"][start:end], trigger)
    return predicted


def score_india(items: Iterable[tuple[dict, list[dict]]]) -> dict[str, Any]:
    """Sentence- and document-level P/R/F1 per label, and Spearman's rho of positive documents per day."""
    sentence: dict[str, Counter] = {label: Counter() for label in INDIA_LABELS}
    document: dict[str, Counter] = {label: Counter() for label in INDIA_LABELS}
    daily: dict[str, dict[str, list[int]]] = {label: defaultdict(lambda: [0, 0]) for label in INDIA_LABELS}
    articles = sentences = 0
    for record, events in items:
        articles += 1
        predicted = india_sentence_predictions(record, events)
        sentences += len(predicted)
        for label in INDIA_LABELS:
            for gold_sentence, labels in zip(record["sentences"], predicted, strict=True):
                _tally(sentence[label], bool(gold_sentence["labels"].get(label)), label in labels)
            gold_doc = bool(record["doc_labels"].get(label))
            predicted_doc = any(label in labels for labels in predicted)
            _tally(document[label], gold_doc, predicted_doc)
            day = daily[label][record["published"]]
            day[0] += gold_doc
            day[1] += predicted_doc
    result: dict[str, Any] = {"articles": articles, "sentences": sentences}
    for label in INDIA_LABELS:
        days = sorted(daily[label])
        result[label] = {
            "sentence": prf(sentence[label]["tp"], sentence[label]["fp"], sentence[label]["fn"]),
            "document": prf(document[label]["tp"], document[label]["fp"], document[label]["fn"]),
            "daily_spearman": spearman([daily[label][d][0] for d in days], [daily[label][d][1] for d in days]),
        }
    return result


def _tally(counter: Counter, gold: bool, predicted: bool) -> None:
    if gold and predicted:
        counter["tp"] += 1
    elif predicted:
        counter["fp"] += 1
    elif gold:
        counter["fn"] += 1


# ------------------------------------------------------------------------------------------------- gold: load

class GoldError(ValueError):
    """A line of the whole-article gold set breaks the annotation format."""


def load_gold(paths: Iterable[Path], bench: Path | None = None) -> list[dict]:
    """Read and check the gold lines; each article comes back with its ``text``, ``sentences`` (spans) and
    ``published`` from the bench record (or from the line itself when it carries its own ``text``, as test
    fixtures do). Raises :class:`GoldError` naming the file, line and field of the first problem."""
    records: dict[str, dict[str, dict]] = {}
    articles: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{where}: not JSON ({exc})") from None
                article = _gold_article(entry, where, bench, records)
                key = (article["set"], str(article["id"]))
                if key in seen:
                    raise GoldError(f"{where}: {key[0]}/{key[1]} is annotated twice")
                seen.add(key)
                articles.append(article)
    return articles


def gold_paths(folder: Path = GOLD_DIR) -> list[Path]:
    return sorted(folder.glob(GOLD_PATTERN)) if folder.is_dir() else []


def _bench_record(bench: Path | None, name: str, key: str, records: dict[str, dict[str, dict]]) -> dict | None:
    if name not in records:
        if bench is None or not (bench / SETS[name]).is_file():
            records[name] = {}
        else:
            records[name] = {str(r["id"]): r for r in _read_jsonl(bench / SETS[name])}
    return records[name].get(key)


def _gold_article(entry: dict, where: str, bench: Path | None, records: dict) -> dict:
    if not isinstance(entry, dict):
        raise GoldError(f"{where}: a line must be a JSON object")
    for key in ("set", "id", "events", "non_events"):
        if key not in entry:
            raise GoldError(f"{where}: missing key {key!r}")
    if entry["set"] not in SETS:
        raise GoldError(f"{where}: set {entry['set']!r} is not one of {sorted(SETS)}")
    where = f"{where}: {entry['set']}/{entry['id']}"
    if "text" in entry:
        if "sentences" not in entry:
            raise GoldError(f"{where}: a line with its own text needs its sentences")
        source = entry
    else:
        source = _bench_record(bench, entry["set"], str(entry["id"]), records)
        if source is None:
            raise GoldError(f"{where}: no such record in the bench ({bench})")
    article = dict(entry)
    article["text"] = source["text"]
    article["sentences"] = sentence_spans(source)
    article["published"] = source.get("published")
    for i, event in enumerate(entry["events"]):
        _check_event(article, event, f"{where}: events[{i}]")
    for i, non_event in enumerate(entry["non_events"]):
        _check_non_event(article, non_event, f"{where}: non_events[{i}]")
    return article


def _check_span(text: str, span: Any, where: str, inside: tuple[int, int] | None = None) -> None:
    if not isinstance(span, dict) or not all(k in span for k in ("start", "end", "text")):
        raise GoldError(f"{where}: a span needs start, end and text")
    start, end = span["start"], span["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise GoldError(f"{where}: offsets [{start}, {end}) are not a span of the {len(text)}-character text")
    if text[start:end] != span["text"]:
        raise GoldError(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {span['text']!r}")
    if inside is not None and not (inside[0] <= start and end <= inside[1]):
        raise GoldError(f"{where}: [{start}, {end}) lies outside its sentence [{inside[0]}, {inside[1]})")


def _check_sentence(article: dict, number: Any, where: str) -> tuple[int, int]:
    spans = article["sentences"]
    if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number < len(spans):
        raise GoldError(f"{where}: sentence {number!r} is not a sentence number (0 … {len(spans) - 1})")
    if spans[number] is None:
        raise GoldError(f"{where}: sentence {number} has no text in the bench")
    return spans[number]


def _check_event(article: dict, event: dict, where: str) -> None:
    text = article["text"]
    if event.get("type") not in PLOVER_TYPES:
        raise GoldError(f"{where}: type {event.get('type')!r} is not a PLOVER type")
    mentions = event.get("mentions")
    if not isinstance(mentions, list) or not mentions:
        raise GoldError(f"{where}: mentions must list at least one sentence number")
    if len(set(mentions)) != len(mentions):
        raise GoldError(f"{where}: mentions repeat a sentence")
    first = [_check_sentence(article, m, f"{where}.mentions") for m in mentions][0]
    _check_span(text, event.get("trigger"), f"{where}.trigger", inside=first)
    for role in ("source", "target", "attribution"):
        if event.get(role) is not None:
            _check_span(text, event[role], f"{where}.{role}")
    if event.get("attribution") is not None and event["attribution"].get("kind") not in ATTRIBUTION_KINDS:
        raise GoldError(f"{where}.attribution: kind {event['attribution'].get('kind')!r} is not one of "
                        f"{', '.join(ATTRIBUTION_KINDS)}")
    location = event.get("location")
    if location is not None:
        if location.get("start") is not None:
            _check_span(text, location, f"{where}.location")
        if (location.get("lat") is None) != (location.get("lon") is None):
            raise GoldError(f"{where}.location: lat and lon go together")
    date = event.get("date")
    if date is not None and not (isinstance(date, dict) and "value" in date):
        raise GoldError(f"{where}.date: expected {{\"value\": ...}}")
    if event.get("certainty") not in CERTAINTIES:
        raise GoldError(f"{where}: certainty {event.get('certainty')!r} is not one of {', '.join(CERTAINTIES)}")
    if event.get("modality") is not None and event["modality"] not in MODALITIES:
        raise GoldError(f"{where}: modality {event['modality']!r} is not one of {', '.join(MODALITIES)}")
    for i, quantity in enumerate(event.get("quantities") or []):
        _check_span(text, quantity, f"{where}.quantities[{i}]")
        if quantity.get("kind") not in QUANTITY_KINDS:
            raise GoldError(f"{where}.quantities[{i}]: kind {quantity.get('kind')!r} is not one of "
                            f"{', '.join(QUANTITY_KINDS)}")


def _check_non_event(article: dict, non_event: dict, where: str) -> None:
    span = _check_sentence(article, non_event.get("sentence"), where)
    _check_span(article["text"], non_event.get("trigger"), f"{where}.trigger", inside=span)
    if non_event.get("reason") not in NON_EVENT_REASONS:
        raise GoldError(f"{where}: reason {non_event.get('reason')!r} is not one of {', '.join(NON_EVENT_REASONS)}")


# ------------------------------------------------------------------------------------------------ gold: score

def match_gold(article: dict, events: list[dict]) -> list[tuple[dict, str, int | None]]:
    """(prediction, outcome, gold index) per prediction, in report order. Outcomes: ``tp`` (one of its
    sentences is a mention of a gold event of its type not yet matched), ``duplicate`` (only already matched
    ones are there: wrong), ``neutral`` (speculative/negated at a sentence listed in non_events), ``fp``
    (anything else), ``outside`` (in no sentence)."""
    index = SentenceIndex(article["sentences"])
    gold = article["events"]
    non_event_sentences = {n["sentence"] for n in article["non_events"]}
    taken: list[bool] = [False] * len(gold)
    out: list[tuple[dict, str, int | None]] = []
    for event in _sorted_by_report(events):
        sentences = event_sentences(event, index)
        if not sentences:
            out.append((event, "outside", None))
            continue
        same = [g for g, e in enumerate(gold) if e["type"] == event["type"] and set(e["mentions"]) & set(sentences)]
        free = [g for g in same if not taken[g]]
        if free:
            trigger = _trigger_span(event)
            g = min(free, key=lambda g: (sentences[0] not in gold[g]["mentions"],
                                         not overlaps(trigger, gold[g]["trigger"]), g))
            taken[g] = True
            out.append((event, "tp", g))
        elif event.get("certainty") in NEUTRAL_CERTAINTIES and non_event_sentences & set(sentences):
            out.append((event, "neutral", None))
        elif same:
            out.append((event, "duplicate", same[0]))
        else:
            out.append((event, "fp", None))
    return out


def actor_right(predicted: dict | None, gold: dict | None) -> bool:
    """Null = null; else overlapping spans, or the same country and sector (not both unknown)."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    if overlaps(predicted, gold):
        return True
    same = (predicted.get("country"), predicted.get("sector")) == (gold.get("country"), gold.get("sector"))
    return same and (gold.get("country") is not None or gold.get("sector") is not None)


def same_named_person(predicted: dict | None, gold: dict | None,
                      is_word: Callable[[str], bool] | None = None) -> bool:
    """'Hamid' for 'Naim Hamid' (or the other way round): one person named by surname and in full. The last words
    are the same and a name, not an English word ("the government" is not "the state government"). ``is_word``
    defaults to the model's own word list (nlp/truecase.py)."""
    if predicted is None or gold is None:
        return False
    last, other = _last_word(predicted.get("text")), _last_word(gold.get("text"))
    if last is None or last != other or len(last) < 3:
        return False
    return not (is_word or _english_word)(last)


def _last_word(text: str | None) -> str | None:
    words = re.findall(r"[a-z][a-z'-]*", (text or "").lower())
    return words[-1] if words else None


def _english_word(word: str) -> bool:
    from geowire.nlp.spacy_nlp import model_words
    from geowire.nlp.truecase import known_word

    return known_word(word, model_words())


def location_right(predicted: dict | None, gold: dict | None) -> bool:
    """Both null, or the predicted point within 161 km of the gold one (overlapping spans when gold has no
    coordinates)."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    if gold.get("lat") is None:
        return overlaps(predicted, gold)
    if predicted.get("lat") is None or predicted.get("lon") is None:
        return False
    return haversine_km(predicted["lat"], predicted["lon"], gold["lat"], gold["lon"]) <= LOCATION_KM


def _value(field: dict | None) -> str | None:
    return field.get("value") if field else None


def attribution_right(predicted: dict | None, gold: dict | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return overlaps(predicted, gold)


CHECKS = {
    "source": lambda p, g: actor_right(p.get("source"), g.get("source")),
    "target": lambda p, g: actor_right(p.get("target"), g.get("target")),
    # as an adjudicator reads a side: a person named by surname where the annotation names them in full is right
    "source_by_name": lambda p, g: (actor_right(p.get("source"), g.get("source"))
                                    or same_named_person(p.get("source"), g.get("source"))),
    "target_by_name": lambda p, g: (actor_right(p.get("target"), g.get("target"))
                                    or same_named_person(p.get("target"), g.get("target"))),
    "location": lambda p, g: location_right(p.get("location"), g.get("location")),
    "date": lambda p, g: _value(p.get("date")) == _value(g.get("date")),
    "attribution": lambda p, g: attribution_right(p.get("attribution"), g.get("attribution")),
    "certainty": lambda p, g: p.get("certainty") == g.get("certainty"),
    "mode": lambda p, g: p.get("mode") == g.get("mode"),
}


def score_gold(items: Iterable[tuple[dict, list[dict]]]) -> dict[str, Any]:
    """Whole-article scores over (gold article, predicted events) pairs, overall and per set."""
    items = list(items)
    result = _score_gold_part(items)
    for name in SETS:
        part = [(a, e) for a, e in items if a["set"] == name]
        if part:
            result[name] = _score_gold_part(part)
    return result


def _score_gold_part(items: list[tuple[dict, list[dict]]]) -> dict[str, Any]:
    counts: Counter = Counter()
    checks: Counter = Counter()
    per_type: dict[str, Counter] = defaultdict(Counter)
    confidences: list[tuple[float, bool]] = []
    for article, events in items:
        for gold in article["events"]:
            per_type[gold["type"]]["gold"] += 1
        for event, outcome, g in match_gold(article, events):
            counts[outcome] += 1
            per_type[event["type"]]["predicted"] += 1
            if outcome in ("tp", "fp", "duplicate"):
                confidences.append((event["confidence"], outcome == "tp"))
            if outcome != "tp":
                continue
            per_type[event["type"]]["tp"] += 1
            for name, check in CHECKS.items():
                checks[name] += check(event, article["events"][g])
    gold_total = sum(c["gold"] for c in per_type.values())
    wrong = counts["fp"] + counts["duplicate"]
    result: dict[str, Any] = {"articles": len(items), "gold_events": gold_total}
    result.update(prf(counts["tp"], wrong, gold_total - counts["tp"]))
    result.update({"duplicates": counts["duplicate"], "neutral": counts["neutral"], "outside": counts["outside"]})
    for name in CHECKS:
        result[f"{name}_accuracy"] = _ratio(checks[name], counts["tp"])
    result["per_type"] = {t: dict(per_type[t]) for t in PLOVER_TYPES if t in per_type}
    result["reliability"], result["ece"] = reliability(confidences)
    return result


def prediction_rows(article: dict, events: list[dict]) -> list[dict]:
    """One row per predicted event with the features a confidence model could be fitted on, and its outcome."""
    rows = []
    text = article["text"]
    for event, outcome, _ in match_gold(article, events):
        trigger = _trigger_span(event)
        rows.append({
            "set": article["set"], "id": article["id"], "type": event["type"], "mode": event.get("mode"),
            "certainty": event.get("certainty"), "modality": event.get("modality"),
            "confidence": event.get("confidence"),
            "trigger": text[trigger[0]:trigger[1]] if trigger else None,
            "evidence": text[event["evidence"]["start"]:event["evidence"]["end"]],
            "has_source": event.get("source") is not None, "has_target": event.get("target") is not None,
            "has_location": event.get("location") is not None,
            "location_basis": (event.get("location") or {}).get("basis"),
            "has_attribution": event.get("attribution") is not None,
            "attribution_kind": (event.get("attribution") or {}).get("kind"),
            "mentions": len(event.get("mentions") or []), "quantities": len(event.get("quantities") or []),
            "outcome": outcome, "right": outcome == "tp" if outcome in ("tp", "fp", "duplicate") else None,
        })
    return rows


# ------------------------------------------------------------------------------------------------ the pipeline

def analysis_pipeline():
    """The default configuration's analysis stages (no cleaning, language or dedup: ``extract --raw`` on
    English input, and every article is scored even when it repeats another)."""
    from geowire.config import load_config
    from geowire.pipeline import ANALYSIS_KINDS, Pipeline

    config = load_config()
    names = [n for n in config["pipeline"]["order"] if config["components"][n]["kind"] in ANALYSIS_KINDS]
    return Pipeline.from_config(config, only=names)


def predict(records: list[dict], batch_size: int = 16, progress: bool = False,
            on_coded: Callable[[int, list[dict]], None] | None = None) -> tuple[list[list[dict]], list[str]]:
    """Code each record's text with its publication date; the events (contract dicts) per record, and notes
    on records a stage failed on (they are scored with no events). ``on_coded(i, events)`` hears of each
    record as soon as it is coded."""
    from geowire.model import Document

    pipeline = analysis_pipeline()
    docs = [Document(id=str(r["id"]), text=r["text"], published=r.get("published"), language="en")
            for r in records]
    out: list[list[dict]] = []
    failures: dict[str, list[str]] = defaultdict(list)
    started = time.perf_counter()
    for i, outcome in enumerate(pipeline.process(docs, raw=True, batch_size=batch_size), 1):
        if outcome.error is not None:
            failures[outcome.error.stage].append(f"{outcome.document.id}: {outcome.error.reason}")
            out.append([])
        else:
            out.append(outcome.document.to_output()["events"])
        if on_coded is not None:
            on_coded(i - 1, out[-1])
        if progress and i % 50 == 0:
            print(f"  coded {i}/{len(docs)} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    notes = [f"stage {stage} failed on {len(why)} articles, scored with no events (first: {why[0][:200]})"
             for stage, why in failures.items()]
    return out, notes


def coded_events(records: dict[tuple[str, str], dict], cache: Path | None = None,
                 progress: bool = False) -> tuple[dict[tuple[str, str], list[dict]], list[str]]:
    """The coded events of each (set, id): read from ``cache`` (JSONL of {"set","id","events"}) when it holds
    them, the rest coded now and appended to it, so scoring can change without coding again. A cache is only
    valid for the code that wrote it: delete it after changing the pipeline."""
    events: dict[tuple[str, str], list[dict]] = {}
    if cache is not None and cache.is_file():
        for row in _read_jsonl(cache):
            key = (row["set"], str(row["id"]))
            if key in records:
                events[key] = row["events"]
    missing = [key for key in records if key not in events]
    notes = [f"{len(events)} articles' events read from {cache}"] if events else []
    if not missing:
        return events, notes
    handle = open(cache, "a", encoding="utf-8") if cache is not None else None  # noqa: SIM115 - closed below

    def store(i: int, found: list[dict]) -> None:
        if handle is not None:  # written as coded, so an interrupted run keeps what it did
            handle.write(json.dumps({"set": missing[i][0], "id": missing[i][1], "events": found}) + "\n")
            handle.flush()

    try:
        coded, failed = predict([records[key] for key in missing], progress=progress, on_coded=store)
    finally:
        if handle is not None:
            handle.close()
    notes += failed
    events.update(zip(missing, coded, strict=True))
    return events, notes


def _read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return rows[:limit] if limit else rows


def evaluate(bench: Path, limit: int | None = None, only: Iterable[str] = PARTS, gold_files: list[Path] | None = None,
             dump: Path | None = None, progress: bool = False, nested: bool = False,
             cache: Path | None = None) -> dict[str, Any]:
    """Run the coder once over every article the chosen parts need and score them. Flat figures (for
    eval/run.py and eval/floors.toml) unless ``nested``; ``cache`` as in :func:`coded_events`."""
    only = [p for p in PARTS if p in set(only)]
    gold = load_gold(gold_files if gold_files is not None else gold_paths(), bench) if "gold" in only else []
    gold = gold[:limit] if limit else gold
    batches = {path.stem.split(".")[-1]: load_gold([path], bench) for path in gold_paths(FRESH_DIR)} \
        if "fresh" in only else {}
    fresh = [article for batch in batches.values() for article in batch]
    wanted: dict[tuple[str, str], dict] = {}
    bench_sets = {"m2e2": "m2e2_voa", "india": "india_police_events"}
    chosen = {part: _read_jsonl(bench / SETS[name], limit) for part, name in bench_sets.items() if part in only}
    for part, records in chosen.items():
        for record in records:
            wanted[(bench_sets[part], str(record["id"]))] = record
    for article in gold + fresh:
        wanted.setdefault((article["set"], str(article["id"])), article)
    started = time.perf_counter()
    events, notes = coded_events(wanted, cache, progress)
    result: dict[str, Any] = {"coding_seconds": round(time.perf_counter() - started, 1)}
    if "m2e2" in chosen:
        result["m2e2"] = score_m2e2((r, events[("m2e2_voa", str(r["id"]))]) for r in chosen["m2e2"])
    if "india" in chosen:
        result["india"] = score_india((r, events[("india_police_events", str(r["id"]))]) for r in chosen["india"])
    if "gold" in only:
        pairs = [(a, events[(a["set"], str(a["id"]))]) for a in gold]
        result["gold"] = score_gold(pairs)
        if not gold:
            notes.append(f"no gold articles ({GOLD_DIR}/{GOLD_PATTERN})")
        if dump is not None:
            with open(dump, "w", encoding="utf-8") as handle:
                for article, predicted in pairs:
                    for row in prediction_rows(article, predicted):
                        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if fresh:
        result["fresh"] = score_gold((a, events[(a["set"], str(a["id"]))]) for a in fresh)
        for name, batch in batches.items():  # each file apart: one annotator, one draw
            result["fresh"][f"file_{name}"] = _score_gold_part([(a, events[(a["set"], str(a["id"]))]) for a in batch])
    result["notes"] = notes
    return result if nested else flatten(result)


def flatten(result: dict[str, Any]) -> dict[str, Any]:
    """One level of ``part_key_..._figure`` names; reliability tables become notes."""
    flat: dict[str, Any] = {}
    notes = list(result.get("notes", []))

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}_{key}".lower() if prefix else key.lower(), inner)
        elif prefix.endswith("reliability"):
            notes.extend(_reliability_lines(prefix, value))
        elif value is not None:
            flat[prefix] = value

    walk("", {k: v for k, v in result.items() if k != "notes"})
    flat["notes"] = notes
    return flat


def _reliability_lines(name: str, rows: list[dict]) -> list[str]:
    lines = [f"{name} (confidence bin: events, mean confidence, share right)"]
    for r in rows:
        lines.append(f"  [{r['low']:.1f}, {r['high']:.1f}): {r['n']:5d}  {r['confidence']:.3f}  {r['right']:.3f}")
    return lines


def print_table(flat: dict[str, Any]) -> None:
    print(f"{'metric':<48} {'value':>10}")
    print("-" * 59)
    for key, value in flat.items():
        if key == "notes":
            continue
        shown = f"{value:.4f}" if isinstance(value, float) else str(value)
        print(f"{key:<48} {shown:>10}")
    for note in flat.get("notes", []):
        print(f"# {note}")


def main() -> int:
    repo = HERE.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=repo.parent / "shared" / "bench")
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each set")
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated: m2e2, india, gold, fresh")
    parser.add_argument("--gold", type=Path, nargs="*", default=None, help=f"gold files (default {GOLD_PATTERN})")
    parser.add_argument("--json", nargs="?", const="-", default=None, metavar="FILE",
                        help="print the figures as JSON (to FILE when given)")
    parser.add_argument("--dump-predictions", type=Path, default=None, metavar="FILE",
                        help="one JSON line per predicted event on the gold set, with its features and outcome")
    parser.add_argument("--events-cache", type=Path, default=None, metavar="FILE",
                        help="reuse the coded events stored here (and store new ones): rescoring without recoding")
    args = parser.parse_args()
    only = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(only) - set(PARTS)
    if unknown:
        parser.error(f"--only takes {', '.join(PARTS)}, not {', '.join(sorted(unknown))}")
    if not args.bench.is_dir() and set(only) & {"m2e2", "india"}:
        print(f"no benchmark folder at {args.bench}", file=sys.stderr)
        return 2
    try:
        nested = evaluate(args.bench, args.limit, only, args.gold, args.dump_predictions, progress=True, nested=True,
                          cache=args.events_cache)
    except GoldError as exc:
        print(f"gold set: {exc}", file=sys.stderr)
        return 2
    flat = flatten(nested)
    if args.json == "-":
        print(json.dumps(nested, indent=2))
    else:
        print_table(flat)
        if args.json:
            Path(args.json).write_text(json.dumps(nested, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
