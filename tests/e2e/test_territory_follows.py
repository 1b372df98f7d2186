"""The territory follows the reader (issue 23): Occitanie chosen on Besoins is still chosen on Couverture and on
Jouer collectif, reached from the navigation (which drops the query string), and it narrows what each shows."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from inventory import texts as T

from .helpers import (assert_no_exception, eventually, goto_app, main, page_tables, selected_option, table_rows,
                      url_with, wait_for_app)

OCCITANIE = "Occitanie"


def open_from_navigation(tab: Page, title: str) -> None:
    tab.locator('[data-testid="stSidebarNavLink"]').filter(has_text=title).click()
    wait_for_app(tab)
    assert_no_exception(tab)


def choose_view(tab: Page, label: str) -> None:
    main(tab).get_by_test_id("stRadio").first.get_by_text(label, exact=True).click()
    wait_for_app(tab)
    assert_no_exception(tab)


def first_column(tab: Page, index: int = 0) -> list[str]:
    rows = table_rows(page_tables(main(tab)).nth(index))
    return [r[0] for r in rows[1:]]


def test_occitanie_follows_from_besoins_to_couverture_to_jouer_collectif(tab: Page, base_url: str,
                                                                        external_requests: list[str]):
    goto_app(tab, base_url + "/besoins?territoire=REG-76")
    assert selected_option(tab, T.FILTER_TERRITORY, main(tab)) == OCCITANIE
    # its themes ranked, the biggest need first
    expect(main(tab).get_by_role("heading", name=T.SCREEN_NEEDS_THEMES.format(nom=OCCITANIE))).to_be_visible()

    open_from_navigation(tab, T.PAGE_COUVERTURE)
    expect(tab).to_have_url(url_with("/couverture", "territoire=REG-76"))
    assert eventually(tab, lambda: selected_option(tab, T.FILTER_TERRITORY, main(tab)) == OCCITANIE)
    choose_view(tab, T.COVER_VIEWS["lacunes"])
    # the demo's 21 cells not wholly reached, Occitanie's one (Juridique); the tension ranking, its 8 themes
    assert first_column(tab, 0) == [OCCITANIE]
    assert first_column(tab, 1) == [OCCITANIE] * 8

    open_from_navigation(tab, T.PAGE_COLLECTIF)
    choose_view(tab, T.TOGETHER_VIEWS["alliances"])
    expect(tab).to_have_url(url_with("/collectif", "territoire=REG-76", "vue=alliances"))
    assert selected_option(tab, T.FILTER_TERRITORY, main(tab)) == OCCITANIE
    # 5 of the demo's 70 alliance opportunities are in Occitanie
    assert first_column(tab, 0) == [OCCITANIE] * 5
    assert external_requests == []
