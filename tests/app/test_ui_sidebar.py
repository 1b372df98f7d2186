"""The sidebar every page shares (ui/sidebar.py): which inventory a page shows, said once at the top of every
page, with a warning when a link or the picker shows an older one than the active inventory."""
from __future__ import annotations

from pathlib import Path

import pytest

from inventory import texts as T
from tests.app.pagetools import assert_clean
from ui import registry
from tests.app.tiny import APRIL, JUNE, TINY_LABELS

VIEWS = [Path(p.file).stem for p in registry.PAGES if not p.writes]  # every page that reads
JUNE_LINE = T.SHOWN_INVENTORY.format(label=TINY_LABELS[JUNE], as_of="30/06/2020")


@pytest.mark.parametrize("page", VIEWS)
def test_every_page_names_the_inventory_it_shows_and_its_date_at_the_top(tiny_db, open_page, page):
    at = open_page(tiny_db, page)
    assert_clean(at)
    # the first element of the main area, before the page's title
    assert at.main.children[0].value == JUNE_LINE
    assert not at.warning


@pytest.mark.parametrize("page", ["besoins", "collectif"])
def test_a_link_to_an_older_inventory_says_so_and_names_the_most_recent(tiny_db, open_page, page):
    at = open_page(tiny_db, page, inventaire="1")  # « avril », while « juin » is the active inventory
    assert_clean(at)
    april_line = T.SHOWN_INVENTORY.format(label=TINY_LABELS[APRIL], as_of="30/04/2020")
    older = T.OLDER_INVENTORY.format(as_of="30/06/2020", label=TINY_LABELS[JUNE])
    assert [w.value for w in at.warning] == [f"{april_line} {older}"]
    assert "Ancien inventaire — le plus récent est celui du 30/06/2020" in at.warning[0].value


@pytest.mark.parametrize("lang, dates", [("fr", ["30/06/2020", "30/04/2020"]), ("en", ["30 Jun 2020", "30 Apr 2020"])])
def test_the_picker_entries_start_with_the_date_so_a_narrow_sidebar_tells_them_apart(demo_db, open_page, lang,
                                                                                      dates):
    at = open_page(demo_db, "accueil", lang=lang)
    picker = at.sidebar.selectbox(key="url_inventaire")
    shown = list(picker.options)  # as the browser receives them
    # the demo's two labels start alike (« Démo fictive – inventaire au 30/0… » once cut at 33 characters)
    assert [s[:len(d)] for s, d in zip(shown, dates)] == dates
    assert len({s[:33] for s in shown}) == 2
