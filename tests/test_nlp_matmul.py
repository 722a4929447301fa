"""The nlp stage multiplies the model's matrices with numpy's BLAS on one thread, and annotates as spaCy's BLIS."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from geowire.nlp.spacy_nlp import load_model, make_spacy_parser

threadpoolctl = pytest.importorskip("threadpoolctl")

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
TEXTS = [
    "Police said the protesters weren't armed, but they'd thrown stones at the building in Lagos.",
    "Rebels shelled Goma on Monday.\n\nThe army said it had retaken the town of Sake near Lake Kivu.",
    "THE ARMY SEALED THE BORDER. Troops were deployed to the north-east on 5 May 2024 (local time).",
    "Israel accused Iran of arming Hezbollah, and the United Nations called for restraint in Beirut and Damascus.",
]


def _layers(nlp):
    return [node for _, component in nlp.pipeline if hasattr(getattr(component, "model", None), "walk")
            for node in component.model.walk()]


def test_the_stage_model_multiplies_with_numpy_on_one_blas_thread():
    layers = _layers(load_model())
    assert layers and all(node.ops.use_blis is False for node in layers)
    blas = [pool for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
    assert all(node.ops.use_blis for node in _layers(load_model(matmul="blis")))


def test_numpy_products_give_the_annotations_of_blis():
    ours = [doc.to_array(COLUMNS) for doc in load_model().pipe(TEXTS)]
    shipped = [doc.to_array(COLUMNS) for doc in load_model(matmul="blis").pipe(TEXTS)]
    assert all((a == b).all() and a.shape == b.shape for a, b in zip(ours, shipped, strict=True))


def test_an_unknown_matmul_is_refused():
    with pytest.raises(ValueError, match="matmul"):
        make_spacy_parser(matmul="mkl")
