"""First page ready in Chromium on the demo inventory (``python -m bench.first_page``): navigation start → end of
the first script run, on a server of its own started cold, then warm (a new browser profile each time). Goal:
< 2.5 s. A measurement, never asserted: it left the test suite (tests/e2e/test_timing.py) for here, where long
measurements live; the suite's browser tests still check that such a page opens whole and without error.

Debian's /usr/bin/chromium through Playwright, offline (only 127.0.0.1 is contacted). Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.workshop import ROOT, Server

CHROMIUM = "/usr/bin/chromium"
# No sandbox (containers), no GPU; every non-local request goes to a proxy that is not there (offline).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-dev-shm-usage", "--proxy-server=http://127.0.0.1:9"]

# Installed before any page script: when Streamlit's first script run ended (the app's root goes from running to
# notRunning while connected), in ms since navigation start.
READY_TIMER_JS = """
(() => {
  let seenRunning = false;
  window.__benchReady = null;
  const check = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || window.__benchReady !== null) return;
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running') seenRunning = true;
    else if (seenRunning && state === 'notRunning'
             && app.getAttribute('data-test-connection-state') === 'CONNECTED') {
      window.__benchReady = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true,
                                                 attributeFilter: ['data-test-script-state']});
})();
"""


def first_page_s(browser, url: str, timeout_ms: float = 60_000) -> float:
    """A new browser profile opens `url`; seconds from navigation start to the end of the first script run."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fr-FR")
    try:
        context.add_init_script(READY_TIMER_JS)
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => window.__benchReady !== null", timeout=timeout_ms)
        if page.get_by_test_id("stException").count():
            raise RuntimeError(f"an exception box on {url}")
        return float(page.evaluate("window.__benchReady")) / 1000
    finally:
        context.close()


def measure(workdir: Path, warm_runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    db = workdir / "inventory.duckdb"
    subprocess.run([sys.executable, "-m", "inventory", "init", "--db", str(db)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            with Server(db, workdir / "server.log", {}) as server:
                cold = first_page_s(browser, server.url)  # the server's first session: all cold
                warm = [first_page_s(browser, server.url) for _ in range(warm_runs)]
        finally:
            browser.close()
    return {"cold_s": round(cold, 3), "warm_median_s": round(statistics.median(warm), 3),
            "warm_s": [round(w, 3) for w in warm], "goal_s": 2.5}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm-runs", type=int, default=3)
    parser.add_argument("--workdir", help="where the demo database and the server's log go (default: a temp dir)")
    parser.add_argument("--out", help="also write the JSON result to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.workdir or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        result = measure(workdir, args.warm_runs)
    text = json.dumps(result)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
