"""End-to-end helpers: run the Streamlit server, keep the browser offline, wait for reruns."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from inventory import texts as T
from ui import registry

REPO_ROOT = Path(__file__).resolve().parents[2]
FACILITATOR_PASSWORD = "e2e-secret"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# Schemes that never leave the browser (route() does not see most of them anyway).
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "devtools"}

# Chromium switches: no sandbox (containers), no GPU, and no background traffic of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Offline: every non-local request goes to a proxy that is not there (Chromium never proxies loopback), so
    # it fails without the network; block_external records it. Routing requests instead would disable the cache.
    "--proxy-server=http://127.0.0.1:9",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def run_checked(cmd: list[str], env: dict, log: Path, what: str, timeout: float = 120.0) -> None:
    """Run a setup command, appending its output to `log`; raise with the tail if it fails."""
    with log.open("a") as out:
        out.write(f"$ {' '.join(cmd)}\n")
        out.flush()
        try:
            rc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            rc = f"timeout after {timeout:.0f}s"
    if rc:
        raise RuntimeError(f"{what} failed (exit {rc}): {' '.join(cmd)}\n--- {log} ---\n{log_tail(log)}")


@contextmanager
def streamlit_server(env: dict, log: Path, script: str = "app.py", cwd: Path = REPO_ROOT,
                     timeout: float = 60.0) -> Iterator[str]:
    """Start `python -m ui.launch script` (`streamlit run` with the app imported first, as `make run`) on a free
    local port, yield its base URL, kill it afterwards."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "ui.launch", script,
        "--server.port", str(port),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        # Test-only: no reruns when files change under our feet, full tracebacks in error boxes.
        "--server.fileWatcherType", "none",
        "--client.showErrorDetails", "full",
        # Only the environment's password: never the .streamlit/secrets.toml that `make run` writes in the checkout.
        "--secrets.files", str(log.parent / "no-secrets.toml"),
    ]
    url = f"http://127.0.0.1:{port}"
    with log.open("a") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early (code {proc.returncode})\n"
                                   f"--- {log} ---\n{log_tail(log)}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read().decode().strip() == "ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit not healthy after {timeout:.0f}s on {url}\n"
                                   f"--- {log} ---\n{log_tail(log)}")
            time.sleep(0.2)
        yield url
    finally:
        stop_process_group(proc)


def stop_process_group(proc: subprocess.Popen, grace: float = 10.0) -> None:
    if proc.poll() is not None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)  # our own session: the server and anything it spawned
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


# Any URL but the local ones above; JavaScript syntax too, as Playwright hands it to the browser.
_HOSTS = "|".join(re.escape(f"[{h}]" if ":" in h else h) for h in sorted(LOCAL_HOSTS))
NOT_LOCAL = re.compile(rf"^(?!(?:{'|'.join(sorted(LOCAL_SCHEMES))}):)"
                       rf"(?![a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?(?:{_HOSTS})(?::\d+)?(?:[/?#]|$))", re.IGNORECASE)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


def block_external(context: BrowserContext, sink: list[str]) -> None:
    """Record in `sink` every non-local request of `context` (HTTP and WebSocket), and make sure it fails.

    HTTP: CHROMIUM_ARGS send non-local requests to a proxy that does not exist; the context's "request" event
    records them. `context.route` would do both but turns the browser's HTTP cache off, which made every page
    load fetch Streamlit's scripts again (the e2e suite ran 1.7x slower). WebSockets: `route_web_socket` (matched
    in the browser by a regular expression, so Streamlit's local /_stcore/stream is untouched) closes non-local
    sockets before they reach the network.
    """
    def on_request(request):
        if not is_local(request.url):
            sink.append(request.url)

    def on_socket(ws):
        sink.append(ws.url)
        ws.close()

    context.on("request", on_request)
    context.route_web_socket(NOT_LOCAL, on_socket)


# compilationError ends a run too; assert_no_exception then reports it.
_RUN_DONE = re.compile(r"^(notRunning|compilationError)$")


def wait_for_app(page: Page, timeout: float = 30_000, settle_ms: int = 100) -> None:
    """Wait until Streamlit is connected, has finished its script run and shows no placeholder.

    `settle_ms` gives a rerun triggered by a just-made interaction the time to start.
    """
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    app = page.locator('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')
    expect(app).to_have_count(1, timeout=timeout)
    expect(app).to_have_attribute("data-test-script-state", _RUN_DONE, timeout=timeout)
    expect(page.get_by_test_id("stStatusWidgetRunningIcon")).to_have_count(0, timeout=timeout)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout)


def assert_no_exception(page: Page) -> None:
    boxes = page.get_by_test_id("stException")
    n = boxes.count()
    assert n == 0, f"{n} Streamlit exception box(es):\n" + "\n---\n".join(boxes.all_inner_texts())


def goto_app(page: Page, url: str, **wait) -> None:
    """Open `url` and wait for the first run to finish."""
    page.goto(url)
    wait_for_app(page, **wait)



# --- reading and driving pages -------------------------------------------------------------------------
# Every page as (url path, title in the navigation), from the one registry; home by its typed name.
PAGES = [("accueil" if p.default else p.url_path, p.title_text) for p in registry.PAGES if not p.hidden]
# Plotly draws one <path> per territory outline in this layer once the outlines (served by the app) arrived.
MAP_PATHS = ".js-plotly-plot .choroplethlayer path"
# France has 18 regions and 101 départements (outre-mer included).
MIN_REGION_PATHS, MIN_DEPARTEMENT_PATHS = 10, 50


def main(page: Page):
    return page.get_by_test_id("stMain")


def sidebar(page: Page):
    return page.get_by_test_id("stSidebar")


def expect_map_drawn(page: Page, min_paths: int, timeout: float = 20_000) -> int:
    """Wait until the page's choropleths have more than `min_paths` outlines drawn; return the count."""
    paths = page.locator(MAP_PATHS)
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length > n", arg=[MAP_PATHS, min_paths], timeout=timeout)
    return paths.count()


def expect_charts_drawn(page: Page, timeout: float = 20_000) -> int:
    """Wait until every plotly chart on the page has drawn its SVG (maps: their outlines); return how many."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => {
                const gd = c.querySelector('.js-plotly-plot');
                if (!gd || !gd.querySelector('.main-svg')) return false;
                return !(gd.data || []).some(t => t.type === 'choropleth')
                       || gd.querySelectorAll('.choroplethlayer path').length > 0;
            })""", timeout=timeout)
    return page.get_by_test_id("stPlotlyChart").count()


def nav_labels(page: Page) -> list[str]:
    """The page titles offered by the navigation (sidebar or top bar)."""
    links = page.locator('[data-testid="stSidebarNavLink"], [data-testid="stTopNavLink"]')
    # the label sits beside a Material icon whose ligature name ("home") is text too
    return [t.strip() for t in links.locator('[data-testid="stMarkdownContainer"]').all_inner_texts()]


def pick_radio(page: Page, label: str, option: str, where=None) -> None:
    """Click `option` in the radio group labelled `label` and wait for the rerun."""
    group = (where or page).get_by_test_id("stRadio").filter(has=page.get_by_text(label, exact=True))
    group.get_by_text(option, exact=True).click()
    expect(group.locator("label:has(input:checked)")).to_have_text(option)
    wait_for_app(page)


def radio_value(page: Page, label: str, where=None) -> str:
    group = (where or page).get_by_test_id("stRadio").filter(has=page.get_by_text(label, exact=True))
    return group.locator('label:has(input:checked)').inner_text().strip()


def combobox(page: Page, label: str, where=None):
    """The input of the selectbox or multiselect labelled `label`."""
    return (where or page).get_by_role("combobox", name=label, exact=True).first


def open_options(page: Page, label: str, where=None) -> None:
    """Open the option list of the selectbox (or multiselect) labelled `label`."""
    box = combobox(page, label, where)
    box.click()
    try:
        page.get_by_role("option").first.wait_for(timeout=1_500)
    except PlaywrightTimeout:  # a click that only scrolled the box into view leaves it closed
        box.press("ArrowDown")
        page.get_by_role("option").first.wait_for()


def pick_option(page: Page, label: str, option: str, where=None, typed: str | None = None,
                attempts: int = 4) -> None:
    """Open the selectbox (or multiselect) labelled `label`, choose `option`, wait for the rerun and for the
    choice to show (the multiselect's tag, the selectbox's value).

    `typed` is written in the box first (long lists show only the options that match). On a busy machine the list
    can close or re-render under the pointer (a rerun started by an earlier interaction, a grid that re-lays out
    the page): the option detaches, or the click lands on nothing. The list is then opened again and the option
    chosen again, unless the widget shows it chosen already."""
    choice = page.get_by_role("option", name=option, exact=True)
    for attempt in range(attempts):
        if _shows_chosen(page, label, option, where):
            return
        open_options(page, label, where)
        if typed is not None:
            combobox(page, label, where).fill(typed)
        try:
            choice.click(timeout=10_000)
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
        page.keyboard.press("Escape")  # a multiselect stays open after a choice
        wait_for_app(page)
        if eventually(page, lambda: _shows_chosen(page, label, option, where), timeout_ms=3_000):
            return
    raise AssertionError(f"« {option} » could not be chosen in « {label} »")


def _shows_chosen(page: Page, label: str, option: str, where=None) -> bool:
    multi = (where or page).get_by_test_id("stMultiSelect").filter(has=page.get_by_role("combobox", name=label))
    if multi.count():
        return option in chosen_tags(page, label, where)
    return selected_option(page, label, where) == option


def options_of(page: Page, label: str, where=None) -> list[str]:
    """The options a selectbox offers (opened, read, closed)."""
    open_options(page, label, where)
    names = [o.strip() for o in page.get_by_role("option").all_inner_texts()]
    page.keyboard.press("Escape")
    return names


def selected_option(page: Page, label: str, where=None) -> str:
    """The text the selectbox labelled `label` shows."""
    return combobox(page, label, where).input_value().strip()


def chosen_tags(page: Page, label: str, where=None) -> list[str]:
    """The values chosen in the multiselect labelled `label`."""
    box = (where or page).get_by_test_id("stMultiSelect").filter(has=page.get_by_role("combobox", name=label))
    return [t.get_attribute("aria-label") for t in box.locator("[data-tag]:visible").all()]


# The page's own tables: not the folded copies of a chart's numbers (ui.chart_table, in an expander under each chart)
PAGE_TABLES = 'xpath=.//*[@data-testid="stDataFrame"][not(ancestor::*[@data-testid="stExpander"])]'


def page_tables(locator):
    """The st.dataframe grids inside ``locator`` that the page shows as tables, in order."""
    return locator.locator(PAGE_TABLES)


def table_rows(frame_locator, min_rows: int = 2, timeout_ms: int = 15_000) -> list[list[str]]:
    """The rows of a st.dataframe as text, from the accessible table the grid keeps beside its canvas
    (header row first; only the rows and columns the grid has rendered, enough for a few dozen rows). Waits until
    the grid has drawn at least `min_rows` rows (the header and one row by default)."""
    table = frame_locator.locator("table").first
    rows: list[list[str]] = []
    for _ in range(timeout_ms // 250 + 1):
        if table.count():
            rows = table.evaluate("t => [...t.rows].map(r => [...r.cells].map(c => c.innerText.trim()))")
            if len(rows) >= min_rows:
                break
        frame_locator.page.wait_for_timeout(250)
    return rows


def figure_data(page: Page) -> list[list[dict]]:
    """Per plotly chart, its traces' type, locations and z values as the browser holds them."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => (gd.data || []).map(t => ({
                type: t.type, locations: t.locations ? [...t.locations] : null,
                z: t.z ? JSON.parse(JSON.stringify(t.z)) : null,
                x: t.x ? [...t.x] : null, y: t.y ? [...t.y] : null})))""")


def colour_scales(page: Page) -> set[tuple[str, str]]:
    """(first, last) colour of every continuous colour scale the page's charts drew with."""
    # plotly's resolved traces (``_fullData``, private: the colour scale as drawn, defaults applied) are read; a
    # plotly that no longer has them makes this fail loudly rather than find no colour scale and pass
    pairs = page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(gd => {
                if (!Array.isArray(gd._fullData)) throw new Error("plotly's gd._fullData is gone: update colour_scales");
                return gd._fullData
                    .filter(t => Array.isArray(t.colorscale) && t.colorscale.length)
                    .map(t => [t.colorscale[0][1], t.colorscale[t.colorscale.length - 1][1]]); })""")
    return {(a.lower(), b.lower()) for a, b in pairs}


def url_with(*present: str, absent: tuple[str, ...] = ()) -> re.Pattern:
    """A pattern for `expect(page).to_have_url(...)`: every `present` fragment in the URL, in any order, and none
    of `absent`. After a click the URL changes when the rerun lands: wait for it, never read `page.url` at once."""
    return re.compile("^" + "".join(f"(?!.*{re.escape(a)})" for a in absent)
                      + "".join(f"(?=.*{re.escape(p)})" for p in present))


def expect_nav(page: Page, titles: list[str], timeout: float = 15_000) -> None:
    """Wait until the navigation (sidebar or top bar) offers exactly these page titles, in this order."""
    links = page.locator('[data-testid="stSidebarNavLink"], [data-testid="stTopNavLink"]')
    expect(links).to_have_count(len(titles), timeout=timeout)
    assert eventually(page, lambda: nav_labels(page) == titles, int(timeout)), nav_labels(page)


def eventually(page: Page, condition, timeout_ms: int = 15_000) -> bool:
    """Poll a condition on the page while Streamlit finishes a rerun (a click can trigger a second run)."""
    for _ in range(timeout_ms // 250):
        if condition():
            return True
        page.wait_for_timeout(250)
    return condition()
