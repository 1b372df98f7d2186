"""A workshop's first minute: the facilitator starts the server and a dozen people open the shared links in the
same second, then each changes a filter. Nobody sees an error box, the server logs no traceback, every page
settles with app.py's navigation and sidebar around it."""
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

from inventory import texts as T

from .helpers import PAGES, assert_no_exception, log_tail, main, nav_labels, streamlit_server, wait_for_app

# (link opened, the radio clicked as (label, option), what the URL holds once the click's rerun settled).
# Links keep query strings and workshop mode; on the home page the click is its first white zone's link.
RUSH = [
    ("/", None, r"/couverture\?.*vue=territoire"),
    ("/?atelier=1", None, r"/couverture\?.*vue=territoire"),
    ("/besoins?source=terrain", (T.FILTER_LEVEL, T.LEVEL_LABELS["departement"]), r"/besoins\?.*niveau=departement"),
    ("/besoins?inventaire=1", (T.FILTER_LEVEL, T.LEVEL_LABELS["departement"]), r"/besoins\?.*niveau=departement"),
    ("/couverture", (T.FILTER_VIEW, T.COVER_VIEWS["lacunes"]), r"/couverture\?.*vue=lacunes"),
    ("/couverture?atelier=1&niveau=departement", (T.FILTER_VIEW, T.COVER_VIEWS["catalogue"]),
     r"/couverture\?.*vue=catalogue"),
    ("/collectif?atelier=1", (T.FILTER_VIEW, T.TOGETHER_VIEWS["alliances"]), r"/collectif\?.*vue=alliances"),
    ("/collectif?inventaire=1", (T.FILTER_VIEW, T.TOGETHER_VIEWS["alliances"]), r"/collectif\?.*vue=alliances"),
    ("/defis", (T.DEFIS_MEASURE, T.MEASURE_LABELS["acteurs"]), r"/defis\?.*mesure=acteurs"),
    ("/defis?atelier=1", (T.DEFIS_MEASURE, T.MEASURE_LABELS["acteurs"]), r"/defis\?.*mesure=acteurs"),
    ("/evolution", (T.DEFIS_LEVEL, T.LEVEL_LABELS["departement"]), r"/evolution\?.*niveau=departement"),
    ("/evolution?atelier=1", (T.DEFIS_LEVEL, T.LEVEL_LABELS["departement"]), r"/evolution\?.*niveau=departement"),
]
TITLES = [title for _, title in PAGES]
WORKSHOP_TITLES = [title for path, title in PAGES if path != "importer"]  # workshop mode lists no import page


@pytest.fixture(scope="session")
def base_url():
    """Nothing here uses the shared dashboard server: no base URL, so none is started for this test."""
    return None


def click_filter(page: Page, radio: tuple[str, str] | None) -> None:
    """Click, without waiting for the rerun: everyone clicks at about the same time."""
    if radio is None:
        main(page).get_by_role("link", name=T.HOME_WHITE_ZONE_LINK).first.click()
        return
    label, option = radio
    group = page.get_by_test_id("stRadio").filter(has=page.get_by_text(label, exact=True))
    group.get_by_text(option, exact=True).click()


def settled(page: Page, link: str, url_after: str | None = None) -> None:
    """The page finished its runs, drawn by app.py (French navigation, its sidebar's banner), without error."""
    wait_for_app(page, timeout=90_000)
    assert_no_exception(page)
    if url_after:
        expect(page).to_have_url(re.compile(url_after), timeout=30_000)
        wait_for_app(page, timeout=90_000)
    expect(main(page).locator("h1").first).to_be_visible(timeout=30_000)
    workshop = "atelier=1" in link
    expect(page.locator('[data-testid="stSidebarNavLink"], [data-testid="stTopNavLink"]')).to_have_count(
        len(WORKSHOP_TITLES if workshop else TITLES), timeout=30_000)
    assert nav_labels(page) == (WORKSHOP_TITLES if workshop else TITLES), link
    banner = page.locator(".st-key-atelier_header") if workshop else page.get_by_text(T.DEMO_BANNER)
    expect(banner.first).to_be_visible()
    assert_no_exception(page)


def test_a_dozen_people_opening_links_in_the_same_second_on_a_fresh_server_see_no_error(
        new_context, e2e_env, demo_template, tmp_path, external_requests: list[str]):
    db = tmp_path / "inventory.duckdb"
    env = {**e2e_env["env"], "INVENTORY_DB": str(db)}
    log = tmp_path / "server.log"
    shutil.copyfile(demo_template, db)  # the demo inventory, as `python -m inventory init` lays it out
    tabs = [new_context().new_page() for _ in RUSH]  # twelve browser profiles, twelve sessions
    with streamlit_server(env, log) as url:
        started = log.read_text(errors="replace")
        for tab, (link, _, _) in zip(tabs, RUSH):  # a cold server: nothing imported, cached or routed yet
            tab.goto(url + link, wait_until="commit")
        for tab, (link, _, _) in zip(tabs, RUSH):
            settled(tab, link)
        for tab, (_, radio, _) in zip(tabs, RUSH):
            click_filter(tab, radio)
        for tab, (link, _, url_after) in zip(tabs, RUSH):
            settled(tab, link, url_after)
        served = log.read_text(errors="replace")[len(started):]
    assert "Traceback" not in served and "Error" not in served, log_tail(log, 80)
    assert external_requests == []
