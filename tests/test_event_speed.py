"""The event stage's shortcuts for speed give what spaCy's own accessors give."""

from geowire.nlp.spacy_nlp import load_model

TEXT = ("Rebels broke the anti-war cease-fire on Monday.  Did police arrest 20 protesters?\n\n"
        "FILE - Soldiers stand guard in Kano, Nigeria.   \"We will not talk,\" a rebel said. ")


def test_span_text_is_the_spans_own_text():
    from geowire.events.framing import doc_text, span_text

    parsed = load_model()(TEXT)
    assert doc_text(parsed) == parsed.text
    spans = [*parsed.sents, *parsed.ents, parsed[0:1], parsed[3:9], parsed[len(parsed) - 3:]]
    assert len(list(parsed.sents)) >= 4
    for span in spans:
        assert span_text(span) == span.text


def test_token_strings_of_an_empty_and_a_hyphenated_document():
    from geowire.events.triggers import _may_trigger, token_strings

    nlp = load_model()
    assert token_strings(nlp("")).text == [] and token_strings(nlp("")).head_candidates == []
    for text in (TEXT, "- Anti-government crackdown", "well-planned, self-styled anti-war rallies - marches"):
        parsed = nlp(text)
        strings = token_strings(parsed)
        assert strings.text == [t.text for t in parsed] and strings.lower == [t.lower_ for t in parsed]
        assert strings.lemma == [t.lemma_.lower() for t in parsed] and strings.dep == [t.dep_ for t in parsed]
        assert strings.pos == [t.pos_ for t in parsed]
        assert strings.head_candidates == [t.i for t in parsed if _may_trigger(t)]


def test_clause_roles_are_read_once_per_token_and_each_caller_gets_a_set_of_its_own(monkeypatch):
    from geowire.events import certainty

    parsed = load_model()("The rebels did not attack the town.")
    verb = next(t for t in parsed if t.lower_ == "attack")
    computed = []
    read = certainty._clause_roles
    monkeypatch.setattr(certainty, "_clause_roles", lambda token: computed.append(token.i) or read(token))
    first = certainty.clause_roles(verb)
    assert "negated" in first
    first.discard("negated")       # as the coder does for "failed to agree"
    assert "negated" in certainty.clause_roles(verb)
    assert computed == [verb.i]
