"""Fit the event-type classifier (scikit-learn; needed only to train and to evaluate).

Used by ``scripts/train_event_classifier.py`` (writes the shipped model) and by
``eval/events.py`` (k-fold cross-validation: no sentence is scored by a model that saw it).
A model is fitted on the features of each record's main sentence; its calibration is a
Platt fit of "was the winning type right" on out-of-fold winning probabilities of the
training set itself, so it too never sees held-out records.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from geowire.events.classifier import TypeModel
from geowire.events.coder import EventCoder, Reading
from geowire.events.features import ruled_type
from geowire.events.sides import ActorIndex
from geowire.model import Document

DEFAULT_C = 2.0
INNER_FOLDS = 4
DEFAULT_MARGIN = 0.2          # as the coder's override_margin: calibrate the decisions it makes


def main_reading(coder: EventCoder, doc: Document) -> Reading:
    """The reading of the sentence the main event comes from: the first with a live trigger,
    else the first sentence."""
    index = ActorIndex(doc.parsed, doc.actors, doc.places)
    readings = [coder.read_sentence(s, index) for s in doc.parsed.sents]
    return next((r for r in readings if r.live), readings[0])


def fit(features: Sequence[dict], labels: Sequence[str], c: float = DEFAULT_C) -> TypeModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(features)
    learner = LogisticRegression(C=c, max_iter=2000, fit_intercept=True)
    learner.fit(matrix, labels)
    classes = [str(c) for c in learner.classes_]
    coef = learner.coef_
    rows = range(len(classes))
    weights = {name: [float(coef[k, j]) for k in rows]
               for name, j in vectoriser.vocabulary_.items() if any(abs(coef[k, j]) > 1e-4 for k in rows)}
    return TypeModel(classes, [float(b) for b in learner.intercept_], weights)


def folds_of(labels: Sequence[str], k: int, seed: int = 0) -> list[int]:
    """A fold number per example, stratified by label."""
    rng = random.Random(seed)
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    fold = [0] * len(labels)
    offset = 0
    for label in sorted(by_label):
        members = by_label[label]
        rng.shuffle(members)
        for j, i in enumerate(members):
            fold[i] = (offset + j) % k
        offset += len(members)
    return fold


def out_of_fold(features: Sequence[dict], labels: Sequence[str], k: int, c: float = DEFAULT_C,
                extra: tuple[Sequence[dict], Sequence[str]] = ((), ()), seed: int = 0) -> list[tuple[str, float]]:
    """(label, probability) for each example from a model trained without its fold, decided
    as the coder decides (``extra`` examples are always in the training part)."""
    fold = folds_of(labels, k, seed)
    out: list[tuple[str, float]] = [("", 0.0)] * len(labels)
    for f in range(k):
        train = [i for i in range(len(labels)) if fold[i] != f]
        model = fit([features[i] for i in train] + list(extra[0]), [labels[i] for i in train] + list(extra[1]), c)
        for i in range(len(labels)):
            if fold[i] == f:
                out[i] = model.choose(features[i], ruled_type(features[i]), DEFAULT_MARGIN)
    return out


def platt(predictions: Sequence[tuple[str, float]], labels: Sequence[str]) -> tuple[float, float]:
    """Fit sigmoid(a * logit(p) + b) to whether each prediction was right."""
    from sklearn.linear_model import LogisticRegression

    xs = [[math.log(max(min(p, 1 - 1e-4), 1e-4) / (1 - max(min(p, 1 - 1e-4), 1e-4)))] for _, p in predictions]
    ys = [int(label == gold) for (label, _), gold in zip(predictions, labels, strict=True)]
    if len(set(ys)) < 2:
        return (1.0, 0.0)
    learner = LogisticRegression(C=100.0).fit(xs, ys)
    return float(learner.coef_[0][0]), float(learner.intercept_[0])


def fit_calibrated(features: Sequence[dict], labels: Sequence[str], c: float = DEFAULT_C,
                   extra: tuple[Sequence[dict], Sequence[str]] = ((), ())) -> TypeModel:
    """A model on all given examples, calibrated on its own inner cross-validation."""
    inner = out_of_fold(features, labels, INNER_FOLDS, c, extra)
    model = fit(list(features) + list(extra[0]), list(labels) + list(extra[1]), c)
    model.calibration = platt(inner, labels)
    return model


def parsed_documents(texts: Sequence[str], ids: Sequence[str] | None = None) -> list[Document]:
    """Parse texts and recognise their actors, as the pipeline would before the coder."""
    from geowire.actors.recognise import find_actors
    from geowire.nlp.spacy_nlp import load_model

    nlp = load_model()
    docs = []
    for i, (text, parsed) in enumerate(zip(texts, nlp.pipe(list(texts), batch_size=64), strict=True)):
        doc = Document(id=ids[i] if ids else f"example-{i}", text=text, language="en")
        doc.parsed = parsed
        doc.actors = find_actors(parsed)
        docs.append(doc)
    return docs


def written_examples(path) -> tuple[list[str], list[str]]:
    """(texts, labels) from a ``type<TAB>sentence`` file of examples written for training."""
    from geowire.datafiles import read_rows

    rows = list(read_rows(path, 2))
    return [text for _, text in rows], [label for label, _ in rows]
