"""The app side's navigation (ui/navigation.py): a page that Streamlit runs alone (a deep link on a fresh server;
AppTest starts every run that way) is drawn inside app.py, with its sidebar and the link's query string."""
from inventory import texts as T
from tests.app.pagetools import assert_clean


def test_a_deep_link_on_a_fresh_server_shows_the_page_inside_app_py_with_its_query_string(tiny_db, open_page):
    at = open_page(tiny_db, "besoins", niveau="departement", inventaire="1")
    assert_clean(at)
    assert [t.value for t in at.title] == [T.NEEDS_TITLE]
    # app.py's sidebar: the snapshot picker (on the link's snapshot) and the workshop toggle, then the page's filters
    assert at.sidebar.selectbox(key="url_inventaire").value == 1
    assert [t.label for t in at.sidebar.toggle] == [T.SIDEBAR_WORKSHOP]
    assert at.sidebar.radio(key="url_niveau").value == "departement"
    assert (at.query_params["niveau"], at.query_params["inventaire"]) == ("departement", "1")

