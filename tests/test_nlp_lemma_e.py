"""The small model's rule lemmatizer reads "staged" as "stag" (both are verbs in its index); the nlp stage restores
the "e" where English spelling says it must be there (nlp/lemmas.restored_e). Real model."""

import pytest

from geowire.model import Document
from geowire.nlp.spacy_nlp import make_spacy_parser

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def lemmas():
    parser = make_spacy_parser()

    def read(text: str) -> dict[str, str]:
        return {t.lower_: t.lemma_ for t in parser(Document(id="l", text=text, language="en")).parsed}
    return read


def test_a_single_consonant_before_ed_after_one_short_syllable_is_a_verb_ending_in_e(lemmas):
    found = lemmas("Workers staged a march, the court fined the firm and the rebels waged a long war.")
    assert (found["staged"], found["fined"], found["waged"]) == ("stage", "fine", "wage")


def test_other_past_forms_keep_their_lemma(lemmas):
    found = lemmas("Police banned the rally, jailed two men, visited the camp, opened the gates and ended the curfew.")
    assert [found[w] for w in ("banned", "jailed", "visited", "opened", "ended")] == \
        ["ban", "jail", "visit", "open", "end"]
