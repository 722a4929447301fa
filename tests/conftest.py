"""Shared fixtures. Unit tests run without ../shared; tests marked `model` load the real spaCy model."""

from __future__ import annotations

import pytest

from geowire.store.repository import Store


@pytest.fixture
def store(tmp_path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'test.db'}")
