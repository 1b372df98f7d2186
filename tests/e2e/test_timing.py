"""First page ready in Chromium on the demo inventory: navigation start → end of the first script run, on a server
of its own started cold, then warm. Measured and printed in the terminal summary, never asserted (goal: < 2.5 s)."""
import statistics
import sys

from playwright.sync_api import Page, expect

from tests.conftest import TIMING

from .helpers import READY_TIMER_JS, assert_no_exception, first_run_ms, main, nav_labels, run_checked, streamlit_server

WARM_RUNS = 3


def test_first_page_ready_cold_then_warm(new_context, e2e_env, tmp_path, record_property,
                                         external_requests: list[str]):
    db = tmp_path / "inventory.duckdb"
    env = {**e2e_env["env"], "INVENTORY_DB": str(db)}
    log = tmp_path / "server.log"
    run_checked([sys.executable, "-m", "inventory", "init", "--db", str(db)], env, log, "creating the demo database")
    with streamlit_server(env, log) as url:
        def first_page(context) -> float:
            tab: Page = context.new_page()
            ms = first_run_ms(tab, url)
            assert_no_exception(tab)
            expect(main(tab).locator("h1")).to_be_visible()
            assert nav_labels(tab), "the navigation should be drawn"
            tab.close()
            return ms / 1000

        def fresh_browser():
            ctx = new_context()
            ctx.add_init_script(READY_TIMER_JS)
            return ctx

        cold = first_page(fresh_browser())  # the server's first session: imports, caches and DuckDB all cold
        warm = statistics.median(first_page(fresh_browser()) for _ in range(WARM_RUNS))

    for what, seconds in (("cold server, new browser profile", cold),
                          (f"warm server, new browser profile (median of {WARM_RUNS})", warm)):
        record_property(f"{TIMING}first page ready, {what}", round(seconds, 3))
        print(f"first page ready, {what}: {seconds:.2f} s")
    assert external_requests == []
