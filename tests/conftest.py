"""Shared fixtures: a real DuckDB file in tmp_path, with or without the demo inventory."""
from __future__ import annotations

import pytest

from inventory import demo
from inventory.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "inventory.duckdb")
    yield s
    s.close()


@pytest.fixture
def demo_store(store):
    demo.load_demo(store)
    return store
