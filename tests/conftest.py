"""Shared fixtures: a real DuckDB file in tmp_path, with or without the demo inventory; how the suite is shared
between two processes (`make test` runs pytest-xdist's `-n 2 --dist loadgroup`); the timings printed at its end."""
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


TIMING = "timing: "  # a test's record_property(TIMING + what, seconds) is printed in the summary, never asserted


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The browser tests share one server and one Chromium: one group, run in order by one worker and queued
    first, while the other worker takes the rest (they wait on the browser more than they compute, so the two
    halves overlap on two cores). The e2e conftest's own order (tests that write last) is kept."""
    browser = [item for item in items if "e2e" in item.path.parts]
    for item in browser:
        item.add_marker(pytest.mark.xdist_group("browser"))
    items[:] = browser + [item for item in items if "e2e" not in item.path.parts]


def pytest_terminal_summary(terminalreporter):
    """Timings recorded by the tests (in the worker that ran them: user properties travel with the report)."""
    lines = [(name[len(TIMING):], value) for report in terminalreporter.stats.get("passed", [])
             for name, value in report.user_properties if name.startswith(TIMING)]
    if lines:
        terminalreporter.write_sep("-", "measured by the suite, not asserted")
        for what, seconds in lines:
            terminalreporter.write_line(f"{what}: {seconds:.2f} s")
