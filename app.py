"""Entry point: page config, navigation between the views, the shared sidebar and the demo banner."""
import streamlit as st

import ui
from inventory import texts as T

T.use(ui.chosen_language())  # first: every text of this run (page titles in the navigation too) in its language
workshop = ui.workshop_mode()
# In workshop mode the screen goes to the charts: pages in a bar at the top, the sidebar (filters) folded away.
st.set_page_config(page_title=T.APP_TITLE, page_icon="🤝", layout="wide",
                   initial_sidebar_state="collapsed" if workshop else "auto")

PAGES = [
    st.Page("pages/accueil.py", title=T.PAGE_ACCUEIL, icon=":material/home:", url_path="home", default=True),
    st.Page("pages/besoins.py", title=T.PAGE_BESOINS, icon=":material/map:", url_path="besoins"),
    st.Page("pages/couverture.py", title=T.PAGE_COUVERTURE, icon=":material/extension:", url_path="couverture"),
    st.Page("pages/collectif.py", title=T.PAGE_COLLECTIF, icon=":material/handshake:", url_path="collectif"),
    st.Page("pages/defis.py", title=T.PAGE_DEFIS, icon=":material/flag:", url_path="defis"),
    st.Page("pages/evolution.py", title=T.PAGE_EVOLUTION, icon=":material/trending_up:", url_path="evolution"),
    st.Page("pages/methode.py", title=T.PAGE_METHODE, icon=":material/menu_book:", url_path="methode"),
    st.Page("pages/importer.py", title=T.PAGE_IMPORTER, icon=":material/upload_file:", url_path="importer"),
]
# An organisation's page is reached from the tables and views that name one (?organisation=ID), not listed.
ORGANISATION = st.Page("pages/organisation.py", title=T.PAGE_ORGANISATION, icon=":material/corporate_fare:",
                       url_path="organisation", visibility="hidden")


def _home_by_name() -> None:
    """/accueil, as people type it, leads home with its query string (the home page is served at /; Streamlit
    would answer « Page not found » for its name)."""
    st.switch_page(PAGES[0], query_params=st.query_params.to_dict())


# Workshop mode is read-only: the import page (the only one that writes) is not even listed.
listed = [p for p in PAGES if not (workshop and p.url_path == "importer")]
page = st.navigation(listed + [ORGANISATION,
                              st.Page(_home_by_name, title=T.PAGE_ACCUEIL, url_path="accueil", visibility="hidden")],
                     position="top" if workshop else "sidebar")
ui.sidebar()
with ui.routed():  # the page knows app.py drew around it (see ui.enter_through_app)
    page.run()
