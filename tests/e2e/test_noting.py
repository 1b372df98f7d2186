"""Noting a commitment during a session, in a real browser: a facilitator fills the short form on Jouer collectif ›
Engagements, sees the commitment on the board in the new snapshot, then undoes it (the previous snapshot is
withdrawn: a new snapshot without it)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from inventory import texts as T

from .helpers import (FACILITATOR_PASSWORD, assert_no_exception, chosen_tags, eventually, goto_app, main,
                      pick_option, pick_radio, selected_option, sidebar, table_rows, wait_for_app)

INVESTORS = ["Fondation Élan Associatif (fictive)", "Banque Coopérative du Lien (fictive)"]


def board(page: Page) -> list[str]:
    """The commitments board's rows (the first table of the view), each as one line of text."""
    return [" | ".join(r) for r in table_rows(main(page).get_by_test_id("stDataFrame").first)[1:]]


def board_size(page: Page) -> int:
    return len(board(page))


@pytest.mark.writes_inventory
def test_a_facilitator_notes_a_commitment_sees_it_on_the_board_then_undoes_it(tab: Page, base_url: str,
                                                                                external_requests: list[str]):
    goto_app(tab, f"{base_url}/importer")
    main(tab).get_by_role("textbox", name=T.IMP_NAME).fill("Camille (e2e)")
    main(tab).get_by_label(T.IMP_PASSWORD).fill(FACILITATOR_PASSWORD)
    main(tab).get_by_role("button", name=T.IMP_LOGIN).click()
    expect(main(tab).get_by_role("button", name=T.IMP_LOGOUT)).to_be_visible(timeout=20_000)
    shown_before = selected_option(tab, T.SIDEBAR_SNAPSHOT, sidebar(tab))

    # the same session (the login lives in it) moves to the board through the navigation
    sidebar(tab).get_by_role("link", name=T.PAGE_COLLECTIF).click()
    wait_for_app(tab)
    pick_radio(tab, T.FILTER_VIEW, T.TOGETHER_VIEWS["engagements"], main(tab))
    expect(main(tab).get_by_role("button", name=T.NOTE_SUBMIT)).to_be_visible()
    assert eventually(tab, lambda: board_size(tab) >= 1)
    before = board_size(tab)

    # 1. a commitment without an investor nor a territory is explained field by field, and nothing is written
    pick_option(tab, T.NOTE_THEMES, "Juridique", main(tab))
    main(tab).get_by_role("button", name=T.NOTE_SUBMIT).click()
    expect(main(tab).get_by_text(T.plural(T.NOTE_REJECTED, n=2).format(n=2))).to_be_visible(timeout=20_000)
    problems = main(tab).get_by_test_id("stMarkdownContainer").locator("li")
    expect(problems).to_have_count(2)
    expect(problems.first).to_contain_text(T.NOTE_INVESTORS)
    expect(problems.last).to_contain_text(T.NOTE_TERRITORIES)
    assert selected_option(tab, T.SIDEBAR_SNAPSHOT, sidebar(tab)) == shown_before

    # 2. a joint commitment in Bretagne: saved as a new active snapshot, on the board
    for investor in INVESTORS:
        pick_option(tab, T.NOTE_INVESTORS, investor, main(tab))
    assert eventually(tab, lambda: chosen_tags(tab, T.NOTE_INVESTORS, main(tab)) == INVESTORS), \
        chosen_tags(tab, T.NOTE_INVESTORS, main(tab))
    assert chosen_tags(tab, T.NOTE_THEMES, main(tab)) == ["Juridique"]
    # over a hundred territories: the list shows the ones that match what is typed
    pick_option(tab, T.NOTE_TERRITORIES, "Bretagne", main(tab), typed="Bretagne")
    assert eventually(tab, lambda: len(chosen_tags(tab, T.NOTE_TERRITORIES, main(tab))) == 1)
    main(tab).get_by_role("textbox", name=T.NOTE_AMOUNT, exact=True).fill("12 000")
    main(tab).get_by_role("button", name=T.NOTE_SUBMIT).click()
    expect(main(tab).get_by_text("Engagement enregistré", exact=False)).to_be_visible(timeout=20_000)
    assert_no_exception(tab)
    assert eventually(tab, lambda: board_size(tab) == before + 1), board_size(tab)
    # the grid draws the deciding columns first: investors, status, due date, late, themes
    noted = f"{' ; '.join(INVESTORS)} | {T.STATUS_LABELS['engage']} |  | false | Juridique"
    assert eventually(tab, lambda: any(row.startswith(noted) for row in board(tab))), "\n".join(board(tab))
    expect(sidebar(tab).get_by_role("combobox", name=T.SIDEBAR_SNAPSHOT)).to_have_value(
        re.compile("1 engagement noté"))

    # 3. undo: the commitment is withdrawn (a new snapshot of the séance), the board as it was
    main(tab).get_by_role("button", name=T.NOTE_UNDO).click()
    expect(main(tab).get_by_text("retiré : l'inventaire", exact=False)).to_be_visible(timeout=20_000)
    expect(main(tab).get_by_role("button", name=T.NOTE_UNDO)).to_have_count(0)
    assert eventually(tab, lambda: board_size(tab) == before), board_size(tab)
    assert not any(row.startswith(noted) for row in board(tab))
    assert eventually(tab, lambda: "0 engagements notés" in selected_option(tab, T.SIDEBAR_SNAPSHOT, sidebar(tab)))
    assert_no_exception(tab)
    assert external_requests == []
