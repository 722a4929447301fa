"""Shared fixtures. Unit tests run without ../shared; tests marked `model` load the real spaCy model.

Store tests run on both back-ends: SQLite always, PostgreSQL when GEOWIRE_TEST_POSTGRES_URL names a server
(`.ci/run` starts one and sets GEOWIRE_REQUIRE_POSTGRES=1, which turns a missing server into a failure).
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

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
