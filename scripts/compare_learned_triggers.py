"""Would a trigger reading learned from our annotated articles beat or help the coder's rules?

Every article annotated in our contract (eval/gold/ and eval/gold/fresh/) is parsed once by the analysis stages.
Each verb, noun and adjective becomes a candidate, labelled with the type of the gold event whose trigger span
holds it (else NONE), and described by its lemma, tags, dependency, head, dependents (with their entity types),
prepositional objects, the trigger lexicon's types for its lemma, and whether its sentence is among the first
three; with ``--tensor``, also by the 96 numbers spaCy's tok2vec layer gives the token in context. A multinomial
logistic regression is fitted with each annotation file held out in turn (no article is read by a model that
saw it), and its out-of-fold probabilities are used four ways, scored by eval/articles.py's matching:

* alone: one event per (sentence, type) whose best candidate reaches a threshold;
* added: the coder's events, plus the model's (sentence, type) pairs the coder has not coded there;
* filter: the coder's events, less those whose trigger the model gives their type below a probability;
* retype: the coder's events, their type changed when the model prefers another by a margin;

and, as a possible confidence feature, how well the model's probability of a coded event's type at its trigger
ranks right events above wrong ones (AUC), beside the shipped confidence.

This is how docs/benchmarks.md ("Fourteenth session: a learned trigger reading") decided to ship none of them.

    python scripts/compare_learned_triggers.py [--bench ../shared/bench] [--tensor] [--c 0.5]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

from articles import (  # noqa: E402
    FRESH_DIR,
    GOLD_DIR,
    SETS,
    SentenceIndex,
    analysis_pipeline,
    event_sentences,
    gold_paths,
    load_gold,
    match_gold,
    prf,
)

from geowire.events.lexicon import triggers_by_head  # noqa: E402
from geowire.model import Document  # noqa: E402

CANDIDATE_POS = ("VERB", "NOUN", "ADJ")
LEXICON_POS = {"VERB": "V", "NOUN": "N", "ADJ": "A"}
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "agent", "prt", "prep", "compound", "amod", "neg",
                          "aux", "mark", "advmod"})
NONE = "NONE"


def candidate_features(token, first_sentences: bool) -> dict[str, float]:
    lemma = token.lemma_.lower()
    features = {f"lemma={lemma}": 1.0, f"pos={token.pos_}": 1.0, f"tag={token.tag_}": 1.0, f"dep={token.dep_}": 1.0,
                f"head={token.head.lemma_.lower()}": 1.0, f"dep_head={token.dep_}_{token.head.pos_}": 1.0,
                f"lemma_dep={lemma}_{token.dep_}": 1.0, "first_sentences": float(first_sentences)}
    for child in token.children:
        features[f"child_dep={child.dep_}"] = 1.0
        if child.dep_ in ARGUMENT_DEPS:
            features[f"{child.dep_}={child.lemma_.lower()}"] = 1.0
            if child.ent_type_:
                features[f"{child.dep_}_entity={child.ent_type_}"] = 1.0
        if child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    features[f"prep_object={child.lemma_.lower()}_{grandchild.lemma_.lower()}"] = 1.0
                    if grandchild.ent_type_:
                        features[f"prep_entity={child.lemma_.lower()}_{grandchild.ent_type_}"] = 1.0
    lexicon = triggers_by_head()
    for entry in lexicon.get((lemma, LEXICON_POS[token.pos_]), []):
        features[f"lexicon={entry.type}"] = 1.0
    return features


def candidates(article: dict, parsed, tensor: bool) -> list[dict]:
    index = SentenceIndex(article["sentences"])
    triggers = [(e["trigger"]["start"], e["trigger"]["end"], e["type"]) for e in article["events"] if e.get("trigger")]
    out = []
    for token in parsed:
        sentence = index.at(token.idx)
        if token.pos_ not in CANDIDATE_POS or not token.is_alpha or sentence is None:
            continue
        label = next((type_ for start, end, type_ in triggers if start <= token.idx < end), NONE)
        features = candidate_features(token, sentence < 3)
        if tensor and parsed.tensor is not None and len(parsed.tensor):
            features.update({f"tensor{k}": 0.3 * float(v) for k, v in enumerate(parsed.tensor[token.i])})
        out.append({"start": token.idx, "sentence": sentence, "label": label, "features": features})
    return out


def parse_all(bench: Path, tensor: bool) -> list[dict]:
    paths = gold_paths(GOLD_DIR) + gold_paths(FRESH_DIR)
    items = []
    for path in paths:
        items += [dict(article, file=path.name) for article in load_gold([path], bench)]
    docs = [Document(id=str(a["id"]), text=a["text"], published=a.get("published"), language="en") for a in items]
    for item, outcome in zip(items, analysis_pipeline().process(docs, raw=True, keep_parse=True), strict=True):
        item["coded"] = outcome.document.to_output()["events"] if outcome.error is None else []
        item["candidates"] = candidates(item, outcome.document.parsed, tensor) if outcome.error is None else []
        outcome.document.parsed = None
    return items


def out_of_fold(items: list[dict], c: float) -> None:
    """Each file's candidates get probabilities from a model fitted on every other file."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    for held in sorted({item["file"] for item in items}):
        train = [cand for item in items if item["file"] != held for cand in item["candidates"]]
        vectoriser = DictVectorizer()
        model = LogisticRegression(C=c, max_iter=300).fit(vectoriser.fit_transform([t["features"] for t in train]),
                                                          [t["label"] for t in train])
        for item in (i for i in items if i["file"] == held and i["candidates"]):
            rows = model.predict_proba(vectoriser.transform([t["features"] for t in item["candidates"]]))
            for cand, row in zip(item["candidates"], rows, strict=True):
                cand["probabilities"] = dict(zip(model.classes_, row, strict=True))
        print(f"  held out {held}", file=sys.stderr)


def _at(type_: str, start: int, probability: float) -> dict:
    return {"type": type_, "evidence": {"start": start, "end": start + 1}, "mentions": [], "certainty": "asserted",
            "confidence": probability}


def _by_trigger(item: dict) -> dict[int, dict[str, float]]:
    return {cand["start"]: cand["probabilities"] for cand in item["candidates"]}


def _trigger_start(event: dict) -> int | None:
    return (event.get("mentions") or [{}])[0].get("trigger_start")


def model_events(item: dict, threshold: float) -> list[dict]:
    best: dict[tuple[str, int], tuple[float, int]] = {}
    for cand in item["candidates"]:
        for type_, probability in cand["probabilities"].items():
            key = (type_, cand["sentence"])
            if type_ != NONE and probability >= threshold and probability > best.get(key, (0.0, 0))[0]:
                best[key] = (probability, cand["start"])
    return [_at(type_, start, p) for (type_, _), (p, start) in best.items()]


def added(item: dict, threshold: float) -> list[dict]:
    index = SentenceIndex(item["sentences"])
    coded = {(e["type"], s) for e in item["coded"] for s in event_sentences(e, index)}
    return item["coded"] + [e for e in model_events(item, threshold)
                            if (e["type"], index.at(e["evidence"]["start"])) not in coded]


def filtered(item: dict, floor: float) -> list[dict]:
    probabilities = _by_trigger(item)
    return [e for e in item["coded"] if probabilities.get(_trigger_start(e), {}).get(e["type"], 1.0) >= floor]


def retyped(item: dict, margin: float) -> list[dict]:
    probabilities = _by_trigger(item)
    out = []
    for event in item["coded"]:
        row = probabilities.get(_trigger_start(event))
        if row:
            type_ = max((t for t in row if t != NONE), key=row.get)
            if type_ != event["type"] and row[type_] - row.get(event["type"], 0.0) >= margin:
                event = dict(event, type=type_)
        out.append(event)
    return out


READINGS = {
    "coder alone": lambda item: item["coded"],
    "model alone, 0.3": lambda item: model_events(item, 0.3),
    "model alone, 0.5": lambda item: model_events(item, 0.5),
    "coder + model at 0.5": lambda item: added(item, 0.5),
    "coder + model at 0.7": lambda item: added(item, 0.7),
    "coder, filtered at 0.02": lambda item: filtered(item, 0.02),
    "coder, filtered at 0.05": lambda item: filtered(item, 0.05),
    "coder, retyped at margin 0.3": lambda item: retyped(item, 0.3),
}


def score(items: list[dict], reading) -> dict:
    counts: Counter = Counter()
    for item in items:
        for _, outcome, _ in match_gold(item, reading(item)):
            counts[outcome] += 1
    gold = sum(len(item["events"]) for item in items)
    return prf(counts["tp"], counts["fp"] + counts["duplicate"], gold - counts["tp"])


def _prf_cell(figures: dict) -> str:
    return f"P/R/F1 {figures['precision']:.3f} / {figures['recall']:.3f} / {figures['f1']:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--tensor", action="store_true", help="add spaCy's tok2vec vector of each candidate")
    parser.add_argument("--c", type=float, default=0.5, help="inverse regularisation of the logistic model")
    args = parser.parse_args()
    items = parse_all(args.bench, args.tensor)
    print(f"{len(items)} articles, {sum(len(i['events']) for i in items)} gold events, "
          f"{sum(len(i['candidates']) for i in items)} candidates", file=sys.stderr)
    out_of_fold(items, args.c)
    parts = {"all": items} | {name: [i for i in items if i["set"] == name] for name in SETS}
    print(f"{'reading':32}" + "".join(f"{name:>30}" for name in parts))
    for name, reading in READINGS.items():
        cells = [score(part, reading) for part in parts.values()]
        print(f"{name:32}" + "".join(f"{_prf_cell(c):>30}" for c in cells))
    print(f"{'AUC, model p / shipped conf.':32}" + "".join(f"{_auc_cell(part):>30}" for part in parts.values()))
    return 0


def _auc_cell(items: list[dict]) -> str:
    """How well the model's probability of a coded event's own type at its trigger, and the shipped confidence,
    rank the coder's right events above its wrong ones."""
    from sklearn.metrics import roc_auc_score

    rows = []
    for item in items:
        probabilities = _by_trigger(item)
        for event, outcome, _ in match_gold(item, item["coded"]):
            row = probabilities.get(_trigger_start(event))
            if outcome in ("tp", "fp", "duplicate") and row is not None and event["type"] in row:
                rows.append((outcome == "tp", row[event["type"]], event["confidence"]))
    right = [r for r, _, _ in rows]
    return (f"{roc_auc_score(right, [p for _, p, _ in rows]):.3f} / "
            f"{roc_auc_score(right, [c for _, _, c in rows]):.3f} (n {len(rows)})")


if __name__ == "__main__":
    sys.exit(main())
