"""Shared fixtures: a real DuckDB file in tmp_path, with or without the demo inventory; how the suite is shared
between two processes (`make test` runs pytest-xdist's `-n 2 --dist loadscope`); the timings printed at its end."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inventory.intake import demo
from inventory.store import Store
from tests.scheduling import BROWSER_TESTS, SLOW_FIRST, browser_unit


def _template(tmp_path_factory, name: str, fill) -> Path:
    path = tmp_path_factory.mktemp(name) / "inventory.duckdb"
    s = Store(path)
    try:
        s.snapshots()  # the schema laid out, as on a first open
        fill(s)
    finally:
        s.close()
    return path


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory) -> Path:
    """A new inventory file (its schema and the territories laid out), made once per process; `store` copies it."""
    return _template(tmp_path_factory, "empty-template", lambda s: None)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo inventory, loaded once per process into a closed DuckDB file that `demo_store` copies."""
    return _template(tmp_path_factory, "demo-template", demo.load_demo)


@pytest.fixture
def store(tmp_path, request):
    """A Store on tmp_path/inventory.duckdb: a copy of the file a first open lays out (of the demo for
    `demo_store`), the same bytes as building it here, in a fraction of the time."""
    path = tmp_path / "inventory.duckdb"
    template = "demo_template" if "demo_store" in request.fixturenames else "empty_template"
    shutil.copyfile(request.getfixturevalue(template), path)
    s = Store(path)
    yield s
    s.close()


@pytest.fixture
def demo_store(store):
    """`store` holding the demo inventory (copied from `demo_template`)."""
    return store


TIMING = "timing: "  # a test's record_property(TIMING + what, seconds) is printed in the summary, never asserted


# `make test` runs two pytest-xdist workers with `--dist loadscope`, scheduled as below: the browser tests are
# one unit of work (they share one server and one Chromium tab, and the tests that write run last), the largest, so
# the first handed out; then the slow files of SLOW_FIRST, then every other test, each a unit of its own, taken by
# whichever worker is free. Both cores are busy through a run (97 % on 07/12/2026): the suite's time is its CPU
# over two, whichever way it is shared.
# (pytest-xdist's own `loadgroup` marks are ignored under pytest 9: they rename `item._nodeid`, which pytest 9 no
# longer reads.)
try:
    from xdist.scheduler import LoadScopeScheduling
except ImportError:  # pytest-xdist absent: the suite runs in one process
    LoadScopeScheduling = None

if LoadScopeScheduling is not None:
    class BrowserTestsTogether(LoadScopeScheduling):
        """Load-scope scheduling where the scope of a browser test is all of them, of any other test itself; the
        units are handed out browser tests first, then SLOW_FIRST, then the rest."""

        def _split_scope(self, nodeid: str) -> str:  # xdist's own (private) seam, as its loadfile and loadgroup
            # use it; if a release stops calling it, tests/e2e/conftest.py's guards fail the run
            return browser_unit(nodeid) or nodeid

        def _assign_work_unit(self, node) -> None:  # private too: the queue is put in order before the first pop
            if not getattr(self, "_ordered", False):
                self._ordered = True
                def key(scope: str) -> tuple[int, int]:
                    if scope == BROWSER_TESTS:
                        return (0, 0)
                    path = scope.split("::", 1)[0]
                    return (1, SLOW_FIRST.index(path)) if path in SLOW_FIRST else (2, 0)

                units = sorted(self.workqueue.items(), key=lambda unit: key(unit[0]))  # stable: ties keep their order
                self.workqueue.clear()
                self.workqueue.update(units)
            super()._assign_work_unit(node)

    def pytest_xdist_make_scheduler(config, log):
        if config.getvalue("dist") == "loadscope":
            return BrowserTestsTogether(config, log)
        return None


def pytest_terminal_summary(terminalreporter):
    """Timings recorded by the tests (in the worker that ran them: user properties travel with the report)."""
    lines = [(name[len(TIMING):], value) for report in terminalreporter.stats.get("passed", [])
             for name, value in report.user_properties if name.startswith(TIMING)]
    if lines:
        terminalreporter.write_sep("-", "measured by the suite, not asserted")
        for what, seconds in lines:
            terminalreporter.write_line(f"{what}: {seconds:.2f} s")
