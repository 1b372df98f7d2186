"""Méthode: every definition shown beside a number anywhere, for the shown snapshot's date. Read from the same
table as the captions (``texts.FORMULAS``), so a caption and the method can never disagree."""
import streamlit as st

from app_state import fr_date, require_snapshot
from inventory import texts as T
from inventory.report import plain

snap = require_snapshot()
st.title(T.METHOD_TITLE)
st.caption(T.METHOD_INTRO.format(label=plain(snap.label), as_of=fr_date(snap.as_of)))
for sentence in T.FORMULAS.values():
    st.markdown(f"- {sentence}")
