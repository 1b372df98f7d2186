"""The workshop screen (`?atelier=1`) on a 1280×720 projector and a 1920×1080 screen: every heatmap names every one
of its rows (a fixed height once lost every other region's name when the font grew) with its numbers at the body
text's size, every page is in the top bar in both languages, and no link's words are cut."""
import pytest
from playwright.sync_api import Page

from inventory import texts as T

from .helpers import PAGES, expect_charts_drawn, goto_app

SIZES = [(1280, 720), (1920, 1080)]
HEATMAP_VIEWS = ["/besoins", "/couverture", "/collectif", "/collectif?vue=parcours"]
HEATMAPS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(gd => gd.querySelector('.hm'))
    .map(gd => ({rows: gd.data[0].y.map(String),
                 ticks: [...gd.querySelectorAll('.ytick text')].map(t => t.textContent),
                 cells: Math.min(...[...gd.querySelectorAll('.heatmaplayer text')]
                                 .map(t => parseFloat(getComputedStyle(t).fontSize)))}))"""
BODY_PX_JS = """() => parseFloat(getComputedStyle(document.querySelector('[data-testid="stMarkdownContainer"] p')).fontSize)"""
# Words shown cut: wider than their box (Streamlit ends them with « … »).
CUT_JS = """() => [...document.querySelectorAll('[data-testid="stPageLink-NavLink"] p, [data-testid="stTopNavLink"] p')]
    .filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.innerText)"""
FOLDED_JS = """() => [...document.querySelectorAll('[data-testid="stTopNav"] .rc-overflow-item')]
    .filter(item => item.querySelector('[data-testid="stTopNavLink"]') && item.getAttribute('aria-hidden') === 'true')
    .map(item => item.innerText.trim())"""
# The bar is laid out again once the fonts and the workshop's style arrived: wait for that state, then read it.
SETTLED_JS = """() => document.fonts.status === 'loaded'
    && [...document.querySelectorAll('[data-testid="stTopNavLink"] p')].every(p => parseFloat(getComputedStyle(p).fontSize) >= 16)"""
FREE_PX_JS = """() => { const nav = document.querySelector('[data-testid="stTopNav"]');
    const used = [...nav.querySelectorAll('.rc-overflow-item')].reduce((w, item) => w + item.getBoundingClientRect().width, 0);
    return nav.getBoundingClientRect().width - used; }"""


# The sidebar's right edge, once it has stopped moving (two animation frames alike), compared with the state wanted
# (null: any state, once still).
SIDEBAR_SETTLED_JS = """opened => { const s = document.querySelector('[data-testid="stSidebar"]');
    const right = s ? Math.round(s.getBoundingClientRect().right) : 0;
    const still = window.__sidebarRight === right; window.__sidebarRight = right;
    return still && (opened === null || (right > 50) === opened); }"""
SIDEBAR_OPEN_JS = """() => { const s = document.querySelector('[data-testid="stSidebar"]');
    return !!s && s.getBoundingClientRect().right > 50; }"""


def _sidebar(tab: Page, opened: bool) -> None:
    """Open or close the sidebar and wait until it has (the browser remembers a reader's choice from page to page,
    and applies it after the page is drawn: on CI an earlier test had left it open, and the bar had 300 px less)."""
    if tab.evaluate(SIDEBAR_OPEN_JS) != opened:
        if opened:
            tab.get_by_test_id("stExpandSidebarButton").click()
        else:
            tab.get_by_test_id("stSidebar").hover()
            tab.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    tab.wait_for_function(SIDEBAR_SETTLED_JS, arg=opened, timeout=10_000)


def _url(base_url: str, view: str, extra: str = "atelier=1") -> str:
    return base_url + view + ("&" if "?" in view else "?") + extra


@pytest.mark.parametrize("width,height", SIZES)
def test_every_workshop_heatmap_names_every_row_at_the_body_size(tab: Page, base_url: str, width: int, height: int,
                                                                  external_requests: list[str]):
    tab.set_viewport_size({"width": width, "height": height})
    for view in HEATMAP_VIEWS:
        goto_app(tab, _url(base_url, view))
        expect_charts_drawn(tab)
        heatmaps = tab.evaluate(HEATMAPS_JS)
        body = tab.evaluate(BODY_PX_JS)
        assert heatmaps, view
        for chart in heatmaps:
            assert chart["ticks"] == chart["rows"], view
            assert chart["cells"] >= body, (view, chart["cells"], body)
    assert external_requests == []


@pytest.mark.parametrize("width,height", SIZES)
def test_the_workshop_top_bar_shows_every_page_and_cuts_no_link(tab: Page, base_url: str, width: int, height: int,
                                                               external_requests: list[str]):
    tab.set_viewport_size({"width": width, "height": height})
    for language in ("fr", "en"):
        goto_app(tab, _url(base_url, "/", f"atelier=1&lang={language}"))
        tab.wait_for_function(SIDEBAR_SETTLED_JS, arg=None, timeout=10_000)
        with T.speaking(language):  # workshop mode lists no import page
            titles = [getattr(T, f"PAGE_{path.upper()}") for path, _ in PAGES if path != "importer"]
        tab.wait_for_function(SETTLED_JS, timeout=15_000)  # words of 16 px at least: read from the back of the room
        shown = tab.get_by_test_id("stTopNavLink").all_inner_texts()
        assert [s.strip() for s in shown] == titles, language
        for opened in (False, True):  # a facilitator may open the sidebar during the workshop
            _sidebar(tab, opened)
            tab.wait_for_function(f"() => ({FOLDED_JS})().length === 0", timeout=10_000)
            if width == 1280:  # room to spare, so another font or a longer name does not fold a page away
                assert tab.evaluate(FREE_PX_JS) >= (100 if opened else 250), (language, opened)
        assert tab.evaluate(CUT_JS) == [], language
    # the browser now remembers a choice: leave it as a wide screen opens the sidebar outside workshop mode, since the
    # next tests click the sidebar's links
    _sidebar(tab, True)
    assert external_requests == []
