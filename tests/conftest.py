"""Shared fixtures. Unit tests run without ../shared; tests marked `model` load the real spaCy model.

Store tests run on both back-ends: SQLite always, PostgreSQL when GEOWIRE_TEST_POSTGRES_URL names a server
(`.ci/run` starts one and sets GEOWIRE_REQUIRE_POSTGRES=1, which turns a missing server into a failure).
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from geowire.model import Document
from geowire.store.database import create_store_engine
from geowire.store.repository import Store

BACKENDS = ("sqlite", "postgresql")


def _postgres_url() -> str:
    url = os.environ.get("GEOWIRE_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("GEOWIRE_REQUIRE_POSTGRES"):
            pytest.fail("GEOWIRE_REQUIRE_POSTGRES is set but GEOWIRE_TEST_POSTGRES_URL is not")
        pytest.skip("set GEOWIRE_TEST_POSTGRES_URL to test the PostgreSQL back-end")
    return url


def _empty_postgres(url: str) -> None:
    engine = create_store_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url = _postgres_url()
    _empty_postgres(url)
    return url


@pytest.fixture
def store(store_url) -> Store:
    opened = Store.open(store_url)
    yield opened
    opened.engine.dispose()


@pytest.fixture(scope="session")
def code_rules():
    """Code a text with the event rules alone over the real model's parse and actors:
    ``(text, keep_unasserted=True, places=(), times=(), published=...)`` -> the coded Document. With
    ``keep_unasserted`` the readings of every clause, denied and planned acts included (the default coder
    leaves those out)."""
    from geowire.actors.recognise import find_actors
    from geowire.events.coder import make_plover_rules
    from geowire.nlp.spacy_nlp import load_model

    nlp = load_model()
    coders = {keep: make_plover_rules(keep_unasserted=keep) for keep in (False, True)}

    def run(text, keep_unasserted=True, places=(), times=(), published="2024-05-01"):
        doc = Document(id="t1", text=text, published=published)
        doc.parsed = nlp(text)
        doc.places, doc.times = list(places), list(times)
        doc.actors = find_actors(doc.parsed)
        return coders[keep_unasserted](doc)

    run.coder = coders[True]  # for the pair protocol's type_pairs
    return run


@pytest.fixture(scope="session")
def extract_analysed():
    """Run every stage but dedup (which would fold one test's sentence into an earlier test's look-alike):
    ``(text, published=..., title=None)`` -> the analysed Document."""
    from geowire.config import load_config
    from geowire.pipeline import Pipeline

    order = [name for name in load_config()["pipeline"]["order"] if name != "dedup"]
    pipeline = Pipeline.from_config(only=order)

    def run(text, published="2024-05-06", title=None):
        outcome = pipeline.process_one(Document(id="a1", text=text, published=published, title=title), raw=True)
        assert outcome.error is None, outcome.error
        return outcome.document

    return run


@pytest.fixture(scope="session")
def code(extract_analysed):
    """A sentence's events from the whole analysis, as published on 2024-05-01 (the passes' tests); a test module
    may define its own ``code``."""
    return lambda text: extract_analysed(text, published="2024-05-01").events


@pytest.fixture(scope="session")
def found_triggers():
    """The lexicon's triggers in a text, over the real model's parse: ``text`` -> [Trigger]."""
    from geowire.events.triggers import find_triggers
    from geowire.nlp.spacy_nlp import load_model

    nlp = load_model()
    return lambda text: find_triggers(nlp(text))


@pytest.fixture(scope="session")
def triggers(found_triggers):
    """``text`` -> {(word, PLOVER type)} of the triggers read in it."""
    return lambda text: {(t.token.lower_, t.type) for t in found_triggers(text)}
