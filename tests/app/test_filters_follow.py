"""Filters that mean the same thing on two pages follow the reader (ui/widgets.py): the navigation drops the query
string, and the next page starts from the filters set on the last one, and writes them back to its URL."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import PAGES_DIR
from tests.app.pagetools import assert_clean


def navigate(at: AppTest, page: str) -> AppTest:
    """Open another page from the navigation, as a click on its link does: the query string is dropped."""
    at.query_params.clear()
    at.switch_page(f"{PAGES_DIR}/{page}.py")
    return at.run()


def test_level_and_source_set_on_besoins_follow_to_couverture_and_stay_in_its_url(tiny_db, open_page):
    at = open_page(tiny_db, "besoins")
    at.sidebar.radio(key="url_niveau").set_value("departement").run()
    at.sidebar.radio(key="url_source").set_value("terrain").run()
    assert_clean(at)

    at = navigate(at, "couverture")
    assert_clean(at)
    assert at.sidebar.radio(key="url_niveau").value == "departement"
    assert at.sidebar.radio(key="url_source").value == "terrain"
    assert (at.query_params["niveau"], at.query_params["source"]) == ("departement", "terrain")


def test_a_territory_and_a_theme_chosen_on_besoins_are_couvertures_and_a_choice_back_to_all_is_kept(tiny_db,
                                                                                                   open_page):
    at = open_page(tiny_db, "besoins")
    at.selectbox(key="url_territoire").set_value("REG-84").run()
    at.sidebar.multiselect(key="url_thematiques").set_value(["numerique"]).run()
    assert_clean(at)

    at = navigate(at, "couverture")
    assert at.selectbox(key="url_thematique_carte").value == "numerique"  # the map's theme
    at.radio(key="url_vue").set_value("territoire").run()
    assert at.selectbox(key="url_territoire").value == "REG-84"

    # back to « all levels » on one page is remembered too: the next page opens on the default
    at.sidebar.radio(key="url_niveau").set_value("departement").run()
    at.sidebar.radio(key="url_niveau").set_value("region").run()
    at = navigate(at, "evolution")
    assert_clean(at)
    assert at.radio(key="url_niveau").value == "region"
    assert "niveau" not in at.query_params


def test_an_older_inventory_chosen_in_the_picker_stays_chosen_on_the_next_page(tiny_db, open_page):
    at = open_page(tiny_db, "accueil")
    at.sidebar.selectbox(key="url_inventaire").set_value(1).run()
    at = navigate(at, "methode")
    assert at.sidebar.selectbox(key="url_inventaire").value == 1
    assert at.query_params["inventaire"] == "1"
