"""Entry point: page config, navigation between the views, the shared sidebar and the demo banner."""
import streamlit as st

import app_state
from inventory import texts as T

workshop = app_state.workshop_mode()
# In workshop mode the screen goes to the charts: pages in a bar at the top, the sidebar (filters) folded away.
st.set_page_config(page_title=T.APP_TITLE, page_icon="🤝", layout="wide",
                   initial_sidebar_state="collapsed" if workshop else "auto")

PAGES = [
    st.Page("pages/accueil.py", title=T.PAGE_ACCUEIL, icon=":material/home:", url_path="accueil", default=True),
    st.Page("pages/besoins.py", title=T.PAGE_BESOINS, icon=":material/map:", url_path="besoins"),
    st.Page("pages/couverture.py", title=T.PAGE_COUVERTURE, icon=":material/extension:", url_path="couverture"),
    st.Page("pages/collectif.py", title=T.PAGE_COLLECTIF, icon=":material/handshake:", url_path="collectif"),
    st.Page("pages/defis.py", title=T.PAGE_DEFIS, icon=":material/flag:", url_path="defis"),
    st.Page("pages/evolution.py", title=T.PAGE_EVOLUTION, icon=":material/trending_up:", url_path="evolution"),
    st.Page("pages/importer.py", title=T.PAGE_IMPORTER, icon=":material/upload_file:", url_path="importer"),
]
# Workshop mode is read-only: the import page (the only one that writes) is not even listed.
page = st.navigation([p for p in PAGES if not (workshop and p.url_path == "importer")],
                     position="top" if workshop else "sidebar")
app_state.sidebar()
page.run()
