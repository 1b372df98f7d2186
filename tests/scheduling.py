"""How `make test` shares the suite between its two pytest-xdist workers (the scheduler is in tests/conftest.py;
tests/e2e/conftest.py checks that each browser unit ran in one worker)."""
from __future__ import annotations

BROWSER_TESTS = "tests/e2e/"
BROWSER_GROUPS = {  # a browser test's unit of work: by its file; any other browser test is in "shared server"
    "tests/e2e/test_accessibility.py": "tests/e2e/ (accessibility walks)",
    "tests/e2e/test_rush.py": "tests/e2e/ (servers of their own)",
    "tests/e2e/test_first_paint.py": "tests/e2e/ (servers of their own)",
    "tests/e2e/test_api_and_replicas.py": "tests/e2e/ (servers of their own)",
}
SHARED_SERVER = "tests/e2e/ (shared server)"
UNITS_FIRST = [SHARED_SERVER, "tests/e2e/ (accessibility walks)", "tests/e2e/ (servers of their own)"]
# Files whose tests take tens of seconds each (fresh interpreters, servers, the bench at tiny sizes): started early.
SLOW_FIRST = ["tests/test_bench_smoke.py", "tests/test_first_import.py", "tests/test_live_session.py",
              "tests/test_killed_import.py", "tests/test_concurrency.py", "tests/test_cli.py"]


def browser_unit(nodeid: str) -> str | None:
    """The unit of work of a browser test (None for any other test)."""
    if not nodeid.startswith(BROWSER_TESTS):
        return None
    return BROWSER_GROUPS.get(nodeid.split("::", 1)[0], SHARED_SERVER)
