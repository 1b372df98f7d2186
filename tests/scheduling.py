"""How `make test` shares the suite between its two pytest-xdist workers (the scheduler is in tests/conftest.py;
tests/e2e/conftest.py checks that the browser tests ran in one worker)."""
from __future__ import annotations

BROWSER_TESTS = "tests/e2e/"
# Files whose tests take tens of seconds each (fresh interpreters, servers, the bench at tiny sizes): started early
# by the other worker, so that no long test is left for the end.
SLOW_FIRST = ["tests/test_bench_smoke.py", "tests/test_first_import.py", "tests/test_live_session.py",
              "tests/test_killed_import.py", "tests/test_concurrency.py", "tests/test_cli.py"]


def browser_unit(nodeid: str) -> str | None:
    """The unit of work of a browser test: all of them together (None for any other test)."""
    return BROWSER_TESTS if nodeid.startswith(BROWSER_TESTS) else None
