"""Every view renders in a real browser with the internet cut off: no exception box, the app's own navigation
and demo banner, charts drawn, and maps drawn from the outlines the app serves itself (regions, then départements)."""
import re

import pytest
from playwright.sync_api import Page, expect

from inventory import texts as T

from .helpers import (MIN_DEPARTEMENT_PATHS, MIN_REGION_PATHS, PAGES, assert_no_exception, colour_scales,
                      expect_charts_drawn, expect_map_drawn, expect_nav, goto_app, main, pick_radio, url_with)

MAP_PAGES = {"besoins", "couverture", "defis"}  # a map of France as they open, by region; « Échelle » switches
# Scales that stay ordered for colour-blind readers and in greyscale (ends of plotly's Viridis and Cividis), and
# the flat grey of territories without data.
READABLE_SCALES = {("#440154", "#fde725"), ("#00224e", "#fee838"), ("#e4e4e4", "#e4e4e4")}


@pytest.mark.parametrize("path,title", PAGES, ids=[p for p, _ in PAGES])
def test_every_page_renders_offline(tab: Page, base_url: str, external_requests: list[str], path: str, title: str):
    goto_app(tab, f"{base_url}/{path}?inventaire=1")
    assert_no_exception(tab)
    expect(tab).to_have_url(url_with("inventaire=1"))  # the shared link's query string survives
    expect(main(tab).locator("h1").first).to_be_visible()
    # app.py ran (st.navigation, shared sidebar): the seven views by their French titles, this one current
    expect_nav(tab, [t for _, t in PAGES])
    expect(tab.get_by_test_id("stSidebarNavLink").filter(has_text=title)).to_have_attribute("aria-current", "page")
    expect(tab.get_by_text(T.DEMO_BANNER)).to_be_visible()
    charts = expect_charts_drawn(tab)
    assert colour_scales(tab) <= READABLE_SCALES, f"unexpected colour scale: {colour_scales(tab) - READABLE_SCALES}"
    if path in MAP_PAGES:
        assert charts >= 1
        assert expect_map_drawn(tab, MIN_REGION_PATHS) >= 18, "every region outline should be drawn"
        pick_radio(tab, T.FILTER_LEVEL, T.LEVEL_LABELS["departement"])
        expect(tab).to_have_url(url_with("niveau=departement", "inventaire=1"))
        assert expect_map_drawn(tab, MIN_DEPARTEMENT_PATHS) >= 101, "every département outline should be drawn"
        expect_charts_drawn(tab)
    assert_no_exception(tab)
    assert tab.get_by_text("Page not found").count() == 0  # /accueil too: the home page by its name
    assert external_requests == []


def test_the_home_page_by_its_name(tab: Page, base_url: str, external_requests: list[str]):
    """/accueil, typed or shared, opens the home page with its query string, without Streamlit's « Page not
    found » (which it showed when the session had already been on another page)."""
    goto_app(tab, f"{base_url}/besoins")
    goto_app(tab, f"{base_url}/accueil?inventaire=1")
    expect(tab.get_by_test_id("stSidebarNavLink").filter(has_text=T.PAGE_ACCUEIL)).to_have_attribute(
        "aria-current", "page")
    tab.wait_for_timeout(500)  # the dialog comes with the run's last messages
    assert tab.get_by_text("Page not found").count() == 0
    expect(tab).to_have_url(re.compile(r"/\?inventaire=1$"))
    assert_no_exception(tab)
    assert external_requests == []
