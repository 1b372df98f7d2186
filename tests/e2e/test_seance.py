"""A séance in a real browser (issue 22): a facilitator notes three commitments, withdraws the second, marks the
first « réalisé »; the picker, the home page's « Ce qui a changé », Évolution and the session report tell that
story (three noted, one withdrawn, two new against the state before the séance, nothing « retiré »)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from inventory import texts as T

from .helpers import (FACILITATOR_PASSWORD, assert_no_exception, eventually, goto_app, main, options_of,
                      pick_option, pick_radio, selected_option, sidebar, wait_for_app)

SEANCE = "Séance e2e"
INVESTORS = ["Fondation Élan Associatif (fictive)", "Banque Coopérative du Lien (fictive)",
             "Fondation Élan Associatif (fictive)"]


def amounts(page: Page) -> list[str]:
    """What the amount field shows (a rerun may briefly draw the form twice)."""
    return page.evaluate("label => [...document.querySelectorAll('[data-testid=stMain] input')]"
                         ".filter(e => e.getAttribute('aria-label') === label).map(e => e.value)", T.NOTE_AMOUNT)


def metric(page: Page, label: str):
    return main(page).get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


@pytest.mark.writes_inventory
def test_three_noted_one_withdrawn_one_done_and_every_view_tells_the_story(tab: Page, base_url: str,
                                                                           external_requests: list[str], tmp_path):
    goto_app(tab, f"{base_url}/importer")
    main(tab).get_by_role("textbox", name=T.IMP_NAME).fill("Dominique (e2e)")
    main(tab).get_by_label(T.IMP_PASSWORD).fill(FACILITATOR_PASSWORD)
    main(tab).get_by_role("button", name=T.IMP_LOGIN).click()
    expect(main(tab).get_by_role("button", name=T.IMP_LOGOUT)).to_be_visible(timeout=20_000)
    sidebar(tab).get_by_role("link", name=T.PAGE_COLLECTIF).click()
    wait_for_app(tab)
    pick_radio(tab, T.FILTER_VIEW, T.TOGETHER_VIEWS["engagements"], main(tab))
    expect(main(tab).get_by_role("button", name=T.NOTE_SUBMIT)).to_be_visible()

    # 1. three commitments in one séance
    main(tab).get_by_role("textbox", name=T.NOTE_SESSION, exact=True).fill(SEANCE)
    for k, investor in enumerate(INVESTORS):
        # typed first: the list draws only the options in view, and which those are depends on the page's layout
        pick_option(tab, T.NOTE_INVESTORS, investor, main(tab), typed=investor.split(" (")[0])
        pick_option(tab, T.NOTE_THEMES, "Juridique", main(tab), typed="Juridique")
        pick_option(tab, T.NOTE_TERRITORIES, "Bretagne", main(tab), typed="Bretagne")
        main(tab).get_by_role("textbox", name=T.NOTE_AMOUNT, exact=True).fill(f"{k + 1} 000")
        main(tab).get_by_role("button", name=T.NOTE_SUBMIT).click()
        expect(main(tab).get_by_text("Engagement enregistré", exact=False)).to_be_visible(timeout=20_000)
        assert_no_exception(tab)
        # the form is empty again, the séance kept
        assert eventually(tab, lambda: amounts(tab) == [""]), (k, amounts(tab))
        assert main(tab).get_by_role("textbox", name=T.NOTE_SESSION, exact=True).input_value() == SEANCE
    picker = lambda: selected_option(tab, T.SIDEBAR_SNAPSHOT, sidebar(tab))  # noqa: E731
    assert eventually(tab, lambda: f"{SEANCE} – 3 engagements notés" in picker()), picker()
    # the address pins the inventory shown
    expect(tab).to_have_url(re.compile(r"inventaire=\d+"))

    # 2. the second is withdrawn (newest first in the list: third, second, first)
    noted = options_of(tab, T.SESSION_PICK, main(tab))[:3]
    second, first = noted[1], noted[2]
    pick_option(tab, T.SESSION_PICK, second, main(tab))
    main(tab).get_by_role("button", name=T.SESSION_RETIRE).click()
    expect(main(tab).get_by_text("retiré : l'inventaire", exact=False)).to_be_visible(timeout=20_000)
    assert eventually(tab, lambda: f"{SEANCE} – 2 engagements notés" in picker()), picker()

    # 3. the first is done
    pick_option(tab, T.SESSION_PICK, first, main(tab))
    pick_option(tab, T.SESSION_NEW_STATUS, T.STATUS_LABELS["realise"], main(tab))
    main(tab).get_by_role("button", name=T.SESSION_UPDATE).click()
    expect(main(tab).get_by_text("mis à jour : l'inventaire", exact=False)).to_be_visible(timeout=20_000)
    assert eventually(tab, lambda: f"{SEANCE} – 2 engagements notés" in picker()), picker()
    assert_no_exception(tab)

    # 4. the home page compares with the state before the séance, and says so
    sidebar(tab).get_by_role("link", name=T.PAGE_ACCUEIL).click()
    wait_for_app(tab)
    expect(main(tab).get_by_text(f"l'état d'avant la séance « {SEANCE} »", exact=False)).to_be_visible(
        timeout=20_000)

    # 5. Évolution: two new commitments against the state before the séance, none withdrawn
    sidebar(tab).get_by_role("link", name=T.PAGE_EVOLUTION).click()
    wait_for_app(tab)
    expect(metric(tab, T.EVOL_COMMIT_LABELS["nouveau"])).to_have_text("2", timeout=20_000)
    expect(metric(tab, T.EVOL_COMMIT_LABELS["retire"])).to_have_text("0")

    # 6. the report says the same
    sidebar(tab).get_by_role("link", name=T.PAGE_ACCUEIL).click()
    wait_for_app(tab)
    with tab.expect_download(timeout=120_000) as got:
        main(tab).get_by_role("button", name=T.HOME_REPORT_HTML).click()
    report = (tmp_path / "rapport.html")
    got.value.save_as(report)
    text = report.read_text(encoding="utf-8")
    assert f"l&#x27;état d&#x27;avant la séance « {SEANCE} »" in text or f"l'état d'avant la séance « {SEANCE} »" in text
    assert "nouveaux : 2" in text
    assert external_requests == []
