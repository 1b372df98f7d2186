"""Screenshots of every view at 1280×720, as the suite sees them offline, into docs/screenshots/: `make screenshots`
(SCREENSHOTS=1) runs them. `make test` skips them: they take pictures, and what they check on the way (every view
opens without an exception box, its charts drawn, the import report of a workbook with errors, the session report
offline) the browser tests of test_pages, test_accessibility, test_display, test_import and test_report check."""
import os
from pathlib import Path

import pytest

from playwright.sync_api import Page, expect

from inventory.intake import demo
from inventory.outputs import session_report
from inventory import texts as T
from inventory.store import Store

from .helpers import (FACILITATOR_PASSWORD, PAGES, assert_no_exception, expect_charts_drawn, goto_app, main,
                      wait_for_app)
from .test_import import ERRORS, GOOD, log_in, with_errors, write_needs
from .test_report import open_report

pytestmark = pytest.mark.skipif(os.environ.get("SCREENSHOTS") != "1", reason="pictures: `make screenshots`")

# The state each screenshot shows: the view as it opens, except where a choice makes it telling.
VIEWS = {
    "accueil": "/",
    "besoins": "/besoins?territoire=REG-84",
    "couverture": "/couverture?vue=territoire&territoire=REG-75",
    "zones_blanches": "/couverture?thematique_carte=juridique",
    "collectif": "/collectif",
    "defis": "/defis",
    "evolution": "/evolution",
    "methode": "/methode",
    "signaux": "/signaux",
    "atelier": "/besoins?atelier=1&niveau=departement&mesure=score",
    "english": "/besoins?lang=en&territoire=REG-84",
}


def shoot(page: Page, path: Path) -> Path:
    """A 1280×720 picture once every chart and font is drawn and nothing is hovered."""
    assert_no_exception(page)
    expect_charts_drawn(page)
    page.evaluate("document.fonts.ready")
    page.mouse.move(0, 719)
    page.wait_for_timeout(400)  # plotly's and Streamlit's last transitions
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000, f"{path} looks empty"
    return path


def test_screenshots_of_every_view(tab: Page, base_url: str, external_requests: list[str], screenshots_dir: Path,
                                   tmp_path: Path):
    assert set(VIEWS) >= {p for p, _ in PAGES} - {"importer"}
    for name, view in VIEWS.items():
        goto_app(tab, base_url + view)
        shoot(tab, screenshots_dir / f"{name}.png")

    # the import page as a facilitator sees it after uploading a workbook with errors (nothing is saved)
    goto_app(tab, f"{base_url}/importer")
    log_in(tab, FACILITATOR_PASSWORD)
    tab.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(
        write_needs(tmp_path / "besoins.xlsx", with_errors(GOOD)))
    wait_for_app(tab)
    report = main(tab).get_by_text(T.plural(T.IMP_REJECTED, n=len(ERRORS)).format(n=len(ERRORS)))
    expect(report).to_be_visible()
    main(tab).get_by_role("heading", name=T.IMP_REPORT_HEADER).evaluate("h => h.scrollIntoView()")
    shoot(tab, screenshots_dir / "importer.png")
    assert external_requests == []


def test_screenshot_of_the_session_report(new_context, external_requests: list[str], screenshots_dir: Path,
                                          tmp_path: Path):
    """The report of the demo inventory, opened offline from its file, at its map."""
    store = Store(tmp_path / "demo.duckdb")
    try:
        demo.load_demo(store)
        path = session_report.write(store, tmp_path / "rapport.html")
    finally:
        store.close()
    page = open_report(new_context(), path, external_requests)
    page.evaluate("document.fonts.ready")
    page.locator("#carte").evaluate("s => window.scrollTo(0, s.offsetTop - 16)")
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots_dir / "rapport.png"))
    assert (screenshots_dir / "rapport.png").stat().st_size > 10_000
    assert external_requests == []
