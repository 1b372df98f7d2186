"""Entry point: page config, navigation between the views, the shared sidebar and the demo banner."""
import streamlit as st

import ui
from inventory import texts as T

T.use(ui.chosen_language())  # first: every text of this run (page titles in the navigation too) in its language
workshop = ui.workshop_mode()
# In workshop mode the screen goes to the charts: pages in a bar at the top, the sidebar (filters) folded away.
st.set_page_config(page_title=T.APP_TITLE, page_icon="🤝", layout="wide",
                   initial_sidebar_state="collapsed" if workshop else "auto")
page = st.navigation(ui.pages(workshop), position="top" if workshop else "sidebar")
ui.sidebar()
with ui.routed():
    page.run()
