"""Entry point: page config, navigation between the views, the shared sidebar and the demo banner."""
import streamlit as st

import app_state
from inventory import texts as T

st.set_page_config(page_title=T.APP_TITLE, page_icon="🤝", layout="wide", initial_sidebar_state="auto")

PAGES = [
    st.Page("pages/accueil.py", title=T.PAGE_ACCUEIL, icon="🏠", url_path="accueil", default=True),
    st.Page("pages/besoins.py", title=T.PAGE_BESOINS, icon="🗺️", url_path="besoins"),
    st.Page("pages/couverture.py", title=T.PAGE_COUVERTURE, icon="🧩", url_path="couverture"),
    st.Page("pages/collectif.py", title=T.PAGE_COLLECTIF, icon="🤝", url_path="collectif"),
    st.Page("pages/defis.py", title=T.PAGE_DEFIS, icon="🎯", url_path="defis"),
    st.Page("pages/evolution.py", title=T.PAGE_EVOLUTION, icon="📈", url_path="evolution"),
    st.Page("pages/importer.py", title=T.PAGE_IMPORTER, icon="📥", url_path="importer"),
]
page = st.navigation(PAGES)
app_state.sidebar()
page.run()
