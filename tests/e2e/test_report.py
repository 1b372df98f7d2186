"""The session report and paper in Chromium, offline: the report downloaded from the home page opens with every
outside request blocked, draws its maps and prints on A4 landscape; every page prints whole without the sidebar;
a chart downloads as PNG through plotly's own button."""
from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from inventory import texts as T

from .helpers import expect_charts_drawn, goto_app, main

REGIONS = 18


def pdf_pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def open_report(context: BrowserContext, path: Path, external_requests: list[str]) -> Page:
    """The report file in a tab of an offline context, drawn: the file itself is the only thing it loaded that is
    not inside it (no script, style, font or map outline from a host or from another file)."""
    page = context.new_page()
    page.goto(path.as_uri())
    expect(page.locator("body")).to_have_attribute("data-drawn", re.compile(r"^[1-9]"), timeout=30_000)
    assert external_requests[:1] == [path.as_uri()], external_requests
    del external_requests[0]  # the offline context records file:// requests too; this one is the report's own
    return page


def test_the_home_page_report_opens_offline_draws_its_maps_and_prints_on_a4(tab: Page, base_url: str,
                                                                              new_context, external_requests,
                                                                              tmp_path: Path):
    goto_app(tab, base_url)
    with tab.expect_download(timeout=60_000) as got:
        main(tab).get_by_role("button", name=T.HOME_REPORT_HTML).click()
    assert got.value.suggested_filename == "rapport_de_seance_2020-06-30.html"
    report = tmp_path / "rapport.html"
    got.value.save_as(report)
    with tab.expect_download(timeout=120_000) as got_pdf:  # the machine has Chromium: the PDF too
        main(tab).get_by_role("button", name=T.HOME_REPORT_PDF).click()
    assert got_pdf.value.suggested_filename.endswith(".pdf")
    assert Path(got_pdf.value.path()).read_bytes().startswith(b"%PDF")

    page = open_report(new_context(), report, external_requests)
    expect(page.get_by_role("heading", name=T.REPORT_TITLE, level=1)).to_be_visible()
    # the needs map and the white-zones map, every region outlined (the outlines come from the file itself)
    expect(page.locator(".js-plotly-plot")).to_have_count(3)
    maps = page.locator(".js-plotly-plot:has(.choroplethlayer)")
    expect(maps).to_have_count(2)
    for k in range(2):
        assert maps.nth(k).locator(".choroplethlayer path").count() >= REGIONS
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert 5 <= pdf_pages(pdf) <= 30
    assert re.search(rb"/MediaBox \[0 0 841\.9\d* 594\.9\d*\]", pdf)  # A4 landscape
    assert external_requests == []


def test_a_page_prints_whole_without_sidebar_or_toolbars(tab: Page, base_url: str, external_requests):
    goto_app(tab, f"{base_url}/couverture")
    expect_charts_drawn(tab)
    on_screen = pdf_pages(tab.pdf(format="A4", landscape=True))
    tab.emulate_media(media="print")
    styles = tab.evaluate("""() => {
        const shown = sel => { const e = document.querySelector(sel); return e ? getComputedStyle(e).display : null; };
        const main = getComputedStyle(document.querySelector('[data-testid="stMain"]'));
        return {sidebar: shown('[data-testid="stSidebar"]'), header: shown('[data-testid="stHeader"]'),
                overflow: main.overflowY, height: main.height};
    }""")
    assert styles["sidebar"] == "none" and styles["header"] == "none"
    assert styles["overflow"] == "visible"
    # the map, the legend column and the coverage heatmap: more than the first screen
    assert on_screen >= 2

    goto_app(tab, f"{base_url}/couverture?vue=lacunes")
    tab.emulate_media(media="print")
    grid = tab.get_by_test_id("stDataFrame").first
    expect(grid).to_be_attached()
    note = grid.evaluate("g => getComputedStyle(g, '::after').content")
    assert T.PRINT_TABLE_NOTE in note
    assert external_requests == []


def test_a_chart_downloads_as_png_with_plotlys_own_button_offline(tab: Page, base_url: str, external_requests):
    goto_app(tab, f"{base_url}/besoins")
    assert expect_charts_drawn(tab) == 2  # the map (geo) and the heatmap
    for k in range(2):
        chart = tab.get_by_test_id("stPlotlyChart").nth(k)
        chart.hover()
        with tab.expect_download(timeout=30_000) as got:
            chart.get_by_role("button", name=re.compile("png", re.I)).click()
        assert got.value.suggested_filename.endswith(".png")
        data = Path(got.value.path()).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 10_000
    assert external_requests == []
