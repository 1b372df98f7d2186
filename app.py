"""Entry point: page config, navigation between the views, the shared sidebar and the demo banner."""
import streamlit as st

import app_state
from inventory import texts as T

workshop = app_state.workshop_mode()
# In workshop mode the screen goes to the charts: pages in a bar at the top, the sidebar (filters) folded away.
st.set_page_config(page_title=T.APP_TITLE, page_icon="🤝", layout="wide",
                   initial_sidebar_state="collapsed" if workshop else "auto")
page = st.navigation(app_state.pages(workshop), position="top" if workshop else "sidebar")
app_state.sidebar()
with app_state.routed():
    page.run()
