"""E2E fixtures: a real Streamlit server on a temp DuckDB, and an offline Chromium (pytest-playwright)."""
from __future__ import annotations

import os
import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.scheduling import browser_unit

from .helpers import CHROMIUM_ARGS, FACILITATOR_PASSWORD, block_external, streamlit_server

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module", autouse=True)
def _one_worker_per_browser_unit(request, tmp_path_factory):
    """Under pytest-xdist, each unit of browser tests (tests/scheduling.py) runs in one worker, whose shared server
    its tests share (their order matters: the tests that write run last). Fails the day the scheduling of
    tests/conftest.py stops working."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        unit = browser_unit(request.node.nodeid)
        mark = tmp_path_factory.getbasetemp().parent / f"browser-unit {unit.replace('/', ' ')}"  # this run's
        try:
            with mark.open("x") as out:
                out.write(worker)
        except FileExistsError:
            assert mark.read_text() == worker, f"browser tests of {unit} ran in {mark.read_text()} and in {worker}"


_WRITERS_DONE: list[str] = []  # the tests marked writes_inventory that this process ran, in order


@pytest.fixture(autouse=True)
def _no_reading_after_writing(request):
    """A test that reads the shared server's inventory never runs after one that changed it, in this process."""
    writes = request.node.get_closest_marker("writes_inventory") is not None
    if not writes and "e2e_server" in request.fixturenames and _WRITERS_DONE:
        pytest.fail(f"reads the shared server after {_WRITERS_DONE} changed its inventory: "
                    "tests/scheduling.py put it in the wrong unit", pytrace=False)
    yield
    if writes:
        _WRITERS_DONE.append(request.node.name)


@pytest.fixture(scope="session")
def e2e_env(tmp_path_factory) -> dict:
    """Environment for the app under test: a fresh demo DuckDB in a temp dir (kept by pytest for debugging)."""
    tmp = tmp_path_factory.mktemp("e2e")
    env = {
        **os.environ,
        "INVENTORY_DB": str(tmp / "inventory.duckdb"),
        "INVENTORY_FACILITATOR_PASSWORD": FACILITATOR_PASSWORD,
        "PYTHONUNBUFFERED": "1",
    }
    return {"tmp": tmp, "db": Path(env["INVENTORY_DB"]), "log": tmp / "server.log", "env": env}


@pytest.fixture(scope="session")
def e2e_server(e2e_env, demo_template):
    """Base URL of `streamlit run app.py` serving the demo inventory (a copy of the one `python -m inventory init`
    lays out, made once per process: tests/conftest.py); stopped at session end."""
    with ExitStack() as stack:
        error = None
        try:
            shutil.copyfile(demo_template, e2e_env["db"])
            url = stack.enter_context(streamlit_server(e2e_env["env"], e2e_env["log"]))
        except RuntimeError as exc:
            error = str(exc)
        if error:
            pytest.fail(error, pytrace=False)  # outside `except`: no chained duplicate in the report
        yield url


@pytest.fixture(scope="session")
def base_url(e2e_server):
    """Lets tests write page.goto("/") or page.goto("/besoins?theme=...")."""
    return e2e_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Keeps pytest-playwright's CLI options (--headed, --slowmo); headless by default.
    return {"headless": True, **browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 720},
        "locale": "fr-FR",
        "timezone_id": "Europe/Paris",
        "service_workers": "block",  # their requests would bypass context.route
    }


@pytest.fixture
def external_requests() -> list[str]:
    """URLs of non-local requests the browser attempted (all aborted); tests assert it stays []."""
    return []


@pytest.fixture
def new_context(new_context, external_requests):
    """Every context (hence `context` and `page`) is offline: non-local requests are aborted."""
    def make(**kwargs):
        ctx = new_context(**kwargs)
        block_external(ctx, external_requests)
        return ctx
    return make


class _CurrentTestSink:
    """Forwards the blocked URLs of a shared context to the running test's `external_requests`."""
    def __init__(self) -> None:
        self.target: list[str] = []

    def append(self, url: str) -> None:
        self.target.append(url)


@pytest.fixture(scope="session")
def _shared_context(browser, browser_context_args):
    sink = _CurrentTestSink()
    ctx = browser.new_context(**browser_context_args)
    block_external(ctx, sink)
    yield ctx, sink
    ctx.close()


@pytest.fixture(scope="session")
def _shared_tab(_shared_context) -> list[Page]:
    ctx, _ = _shared_context
    return [ctx.new_page()]  # replaced if a test closes it


@pytest.fixture
def tab(_shared_context, _shared_tab, browser_context_args, external_requests):
    """One tab of one offline context, shared by the tests of this process: each test's first `goto` starts a new
    Streamlit session in it, as in a new tab, and the tab's renderer, HTTP cache and compiled scripts stay warm (a
    new tab cost about 4 s of CPU more per page on 2 cores). What a test may have changed in it is put back first:
    the viewport, emulated media, the tab's sessionStorage. Its blocked requests land in the test's
    `external_requests`. Use `page` or `new_context` when a test needs a browser profile of its own."""
    ctx, sink = _shared_context
    sink.target = external_requests
    if _shared_tab[0].is_closed():  # a test closed it: a new one
        _shared_tab[0] = ctx.new_page()
    tab = _shared_tab[0]
    tab.set_viewport_size(browser_context_args["viewport"])
    tab.emulate_media(media="null")
    if tab.url.startswith("http"):
        tab.evaluate("sessionStorage.clear()")
    yield tab


# --- screenshots ----------------------------------------------------------------------------------------
SCREENSHOTS_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="session")
def screenshots_dir(tmp_path_factory) -> Path:
    """docs/screenshots when SCREENSHOTS=1 (`make screenshots`, the only run that takes them), else a temp dir."""
    if os.environ.get("SCREENSHOTS") == "1":
        SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
        return SCREENSHOTS_DIR
    return tmp_path_factory.mktemp("screenshots")


def pytest_configure(config):
    config.addinivalue_line("markers", "writes_inventory: changes the shared server's inventory; runs last")


def pytest_collection_modifyitems(config, items):
    """Tests that write to the shared server's inventory run after every test that reads it."""
    items.sort(key=lambda item: item.get_closest_marker("writes_inventory") is not None)
