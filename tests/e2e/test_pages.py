"""Every view renders in a real browser with the internet cut off: no exception box, the app's own navigation
and demo banner, and maps actually drawn from the outlines the app serves itself (regions and départements)."""
import pytest
from playwright.sync_api import Page, expect

from inventory import texts as T

from .helpers import (MIN_DEPARTEMENT_PATHS, MIN_REGION_PATHS, PAGES, assert_no_exception, expect_charts_drawn,
                      expect_map_drawn, goto_app, main, nav_labels)

# Pages that draw a map of France by default, and the URL showing it by département.
MAP_PAGES = {
    "besoins": "/besoins?niveau=departement",
    "couverture": "/couverture?niveau=departement",
    "defis": "/defis?niveau=departement",
}


@pytest.mark.parametrize("path,title", PAGES, ids=[p for p, _ in PAGES])
def test_every_page_renders_offline(page: Page, base_url: str, external_requests: list[str], path: str, title: str):
    goto_app(page, f"{base_url}/{path}")
    assert_no_exception(page)
    expect(main(page).locator("h1").first).to_be_visible()
    # app.py ran (st.navigation, shared sidebar): the seven views by their French titles, current one first-class
    assert nav_labels(page) == [t for _, t in PAGES]
    expect(page.get_by_text(T.DEMO_BANNER)).to_be_visible()
    charts = expect_charts_drawn(page)
    if path in MAP_PAGES:
        assert charts >= 1
        assert expect_map_drawn(page, MIN_REGION_PATHS) >= 18, "every region outline should be drawn"
    assert_no_exception(page)
    assert external_requests == []


@pytest.mark.parametrize("path", list(MAP_PAGES))
def test_maps_draw_departements_offline(page: Page, base_url: str, external_requests: list[str], path: str):
    goto_app(page, base_url + MAP_PAGES[path])
    assert_no_exception(page)
    assert expect_map_drawn(page, MIN_DEPARTEMENT_PATHS) >= 101, "every département outline should be drawn"
    assert external_requests == []
