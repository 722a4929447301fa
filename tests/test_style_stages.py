"""The place, actor and event stages need the nlp stage's parse: they ask for it instead of loading spaCy
themselves, a document reaching them unparsed is dropped with a reason that names the nlp stage, and an
order that puts them before (or without) the nlp stage is refused when the pipeline is built."""

import copy

import pytest

from geowire.config import ConfigError, load_config
from geowire.model import Document
from geowire.pipeline import Pipeline, check_order
from geowire.registry import registry


def _with_order(order):
    config = copy.deepcopy(load_config())
    config["pipeline"]["order"] = order
    return config


def test_the_stages_that_read_the_parse_say_so():
    assert registry.get("recognisers", "gazetteer_places").needs == ("nlp",)
    assert registry.get("actors", "alias_table").needs == ("nlp",)
    assert registry.get("coders", "plover_rules").needs == ("nlp",)
    assert registry.get("nlp", "spacy").needs == ()
    assert registry.get("timex", "rule_timex").needs == ()


def test_the_default_order_is_accepted():
    check_order(load_config())


def test_a_stage_before_the_nlp_stage_is_a_configuration_error():
    config = _with_order(["html", "junk", "language", "dedup", "places", "nlp", "actors", "times", "events"])
    with pytest.raises(ConfigError, match=r"'places' \(recognisers.gazetteer_places\) needs a stage of kind 'nlp' "
                                          r"before it, but 'nlp' comes after it"):
        Pipeline.from_config(config)


def test_an_order_without_the_nlp_stage_is_a_configuration_error():
    config = _with_order(["html", "junk", "language", "dedup", "times", "events"])
    with pytest.raises(ConfigError, match="'events'.*kind 'nlp' before it, but the order has none"):
        Pipeline.from_config(config)
    with pytest.raises(ConfigError, match="the order has none"):
        Pipeline.from_config(config, only=["times"])   # the configured order is checked, not only the part built


@pytest.mark.model
def test_the_pipeline_drops_an_unparsed_document_naming_the_nlp_stage():
    """A part of the pipeline built without its nlp stage (as eval harnesses do, feeding parsed documents) and
    given an unparsed one: the document is dropped at the first stage that needs the parse, the run goes on."""
    pipeline = Pipeline.from_config(load_config(), only=["places", "actors", "times", "events"])
    parsed_too = Document(id="ok", text="Kenyan police arrested ten protesters in Nairobi.",
                          published="2024-01-01", language="en")
    from geowire.nlp.spacy_nlp import make_spacy_parser

    make_spacy_parser()(parsed_too)
    unparsed = Document(id="bare", text="Kenyan police arrested ten protesters in Nairobi.",
                        published="2024-01-01", language="en")
    bare, ok = pipeline.process([unparsed, parsed_too])
    assert bare.error is not None and bare.error.stage == "places"
    assert "MissingStage" in bare.error.reason and "'nlp' stage" in bare.error.reason
    assert ok.error is None and ok.document.events and ok.document.places
