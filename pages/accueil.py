"""Accueil: the active snapshot at a glance (placeholder until the dashboard issue lands)."""
import streamlit as st

from app_state import fr_number, q, require_snapshot
from inventory import analytics
from inventory import texts as T

st.title(T.APP_TITLE)
snap = require_snapshot()
c = q(analytics.counts, snap.id)
cols = st.columns(3)
cols[0].metric("Besoins signalés", fr_number(c["besoins"]))
cols[1].metric("Programmes", fr_number(c["programmes"]))
cols[2].metric("Investisseurs", fr_number(c["investisseurs"]))
