"""Workshop mode (`?atelier=1`) on a 1280×720 projector: larger text and chart fonts, the whole width for the
content, a band naming the inventory and its date, nothing that writes; the sidebar toggle switches it."""
import re

from playwright.sync_api import Page, expect

from inventory import texts as T

from .helpers import (PAGES, assert_no_exception, eventually, expect_charts_drawn, expect_nav, goto_app, main,
                      nav_labels, selected_option, sidebar, url_with, wait_for_app)


def looks(page: Page) -> dict:
    """What a projector shows: root font, chart font, content width, horizontal overflow (waiting, while a
    rerun redraws the charts, until a chart's layout can be read)."""
    for _ in range(40):
        seen = _looks(page)
        if seen["chart"] != float("inf"):
            return seen
        page.wait_for_timeout(250)
    return seen


def _looks(page: Page) -> dict:
    return page.evaluate("""() => ({
        root: parseFloat(getComputedStyle(document.documentElement).fontSize),
        chart: Math.min(...[...document.querySelectorAll('.js-plotly-plot')].filter(gd => gd._fullLayout)
                                .map(gd => gd._fullLayout.font.size)),
        content: document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect().width,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
    })""")


def test_workshop_mode_is_readable_on_a_projector(tab: Page, base_url: str, external_requests: list[str]):
    goto_app(tab, f"{base_url}/besoins")
    expect_charts_drawn(tab)
    usual = looks(tab)
    assert eventually(tab, lambda: selected_option(tab, T.SIDEBAR_SNAPSHOT, sidebar(tab)))
    shown = selected_option(tab, T.SIDEBAR_SNAPSHOT, sidebar(tab)).removesuffix(T.SNAPSHOT_ACTIVE_SUFFIX)
    option = re.escape(T.SNAPSHOT_OPTION).replace(re.escape("{label}"), "(?P<label>.+)")
    option = option.replace(re.escape("{as_of}"), "(?P<as_of>[0-9/]+)")
    label, as_of = (re.fullmatch(option, shown).group(k) for k in ("label", "as_of"))

    goto_app(tab, f"{base_url}/besoins?atelier=1")
    assert_no_exception(tab)
    expect_charts_drawn(tab)
    big = looks(tab)
    assert big["root"] >= 1.2 * usual["root"], (usual, big)
    assert big["chart"] >= 18 > usual["chart"], (usual, big)
    assert big["content"] >= 1200 > usual["content"], "the content should take the whole width (sidebar folded)"
    assert big["overflow"] <= 0, "nothing should stick out sideways at 1280 px"
    expect(sidebar(tab)).to_have_attribute("data-collapsed", "true")
    # a clean header: the inventory's label and date in one band, the demo notice with it
    band = tab.locator(".st-key-atelier_header")
    expect(band).to_contain_text(T.WORKSHOP_HEADER.format(label=label, as_of=as_of))
    expect(band).to_contain_text(T.DEMO_BANNER)
    box = band.bounding_box()
    assert box and box["y"] < 150, f"the band should open the screen, not sit at y={box}"
    # pages in a bar at the top, the import page left out; nothing on screen writes
    expect_nav(tab, [t for p, t in PAGES if p != "importer"])
    assert tab.locator("input[type=file]").count() == 0
    assert external_requests == []


def test_the_sidebar_toggle_switches_workshop_mode_on_and_off(tab: Page, base_url: str,
                                                               external_requests: list[str]):
    goto_app(tab, f"{base_url}/besoins?source=terrain")
    sidebar(tab).get_by_text(T.SIDEBAR_WORKSHOP).click()
    wait_for_app(tab)
    expect(tab).to_have_url(url_with("atelier=1", "source=terrain"))
    # the toggle reruns the app once more: the navigation changes when that second run lands
    assert eventually(tab, lambda: T.PAGE_IMPORTER not in nav_labels(tab)), nav_labels(tab)
    expect(tab.locator(".st-key-atelier_header")).to_be_visible()
    # the folded sidebar opens again to leave the mode
    tab.get_by_test_id("stExpandSidebarButton").click()
    sidebar(tab).get_by_text(T.SIDEBAR_WORKSHOP).click()
    wait_for_app(tab)
    expect(tab).to_have_url(url_with("source=terrain", absent=("atelier",)))
    assert eventually(tab, lambda: T.PAGE_IMPORTER in nav_labels(tab)), nav_labels(tab)
    expect(main(tab).get_by_text(T.DEMO_BANNER)).to_be_visible()
    assert_no_exception(tab)
    assert external_requests == []
