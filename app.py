"""Entry point: page config, navigation between the views, the shared sidebar and the demo banner."""
import streamlit as st

import ui
from ui import registry
from inventory import texts as T

T.use(ui.chosen_language())  # first: every text of this run (page titles in the navigation too) in its language
workshop = ui.workshop_mode()
# In workshop mode the screen goes to the charts: pages in a bar at the top, the sidebar (filters) folded away.
st.set_page_config(page_title=T.APP_TITLE, page_icon="🤝", layout="wide",
                   initial_sidebar_state="collapsed" if workshop else "auto")

PAGES = {entry.url_path: st.Page(entry.file, title=entry.title_text, icon=entry.icon, url_path=entry.url_path,
                                 default=entry.default, visibility="hidden" if entry.hidden else "visible")
         for entry in registry.PAGES}


def _home_by_name() -> None:
    """/accueil, as people type it, leads home with its query string (the home page is served at /; Streamlit
    would answer « Page not found » for its name)."""
    st.switch_page(PAGES["home"], query_params=st.query_params.to_dict())


# Workshop mode is read-only: the import page (the only one that writes) is not even listed.
listed = [PAGES[entry.url_path] for entry in registry.routed(workshop)]
page = st.navigation(listed + [st.Page(_home_by_name, title=T.PAGE_ACCUEIL, url_path="accueil", visibility="hidden")],
                     position="top" if workshop else "sidebar")
ui.sidebar()
with ui.routed():  # the page knows app.py drew around it (see ui.enter_through_app)
    page.run()
