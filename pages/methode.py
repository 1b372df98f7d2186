"""Méthode: every definition shown beside a number anywhere, for the shown snapshot's date. Read from the same
table as the captions (``texts.FORMULAS``), so a caption and the method can never disagree."""
import streamlit as st

from inventory import texts as T
from ui.display import plain
from inventory.outputs import digest
from ui import enter_through_app, date_text, require_snapshot

enter_through_app()  # first: a deep link on a fresh server runs this file alone

snap = require_snapshot()
st.title(T.METHOD_TITLE)
st.caption(T.METHOD_INTRO.format(label=plain(snap.title), as_of=date_text(snap.as_of)))
for sentence in T.FORMULAS.values():
    st.markdown(f"- {sentence}")
st.markdown(f"- {digest.thresholds_sentence()}")
