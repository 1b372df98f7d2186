"""Signaux (« affaire à suivre »): what changed since the previous import that needs someone, each signal with the
members best placed to act, most pressing first; « pour l'investisseur » narrows it to one member's own."""
import pandas as pd
import streamlit as st

from inventory import texts as T
from inventory.analysis import collective, signals
from inventory.outputs import digest
from ui import counted, enter_through_app, date_text, q, require_snapshot, show_table, snapshots, url_select

enter_through_app()  # first: a deep link on a fresh server runs this file alone

CARDS = 20  # the most pressing signals drawn as cards; the table holds them all (1,880 cards took 1.5 s a run)

snap = require_snapshot()
st.title(T.SIGNALS_TITLE)
before = q(signals.previous_import, snap.id)
earlier = next((s for s in snapshots() if s.id == before), None)
st.caption(T.SIGNALS_INTRO.format(after=date_text(snap.as_of), before=date_text(earlier.as_of)) if earlier
           else T.SIGNALS_INTRO_NO_BEFORE.format(after=date_text(snap.as_of)))

members = q(collective.investors, snap.id)
names = dict(zip(members["id"], members["nom"]))
member = url_select(st, T.SIGNALS_FOR, ["", *names], "investisseur", default="",
                    format_func=lambda k: names.get(k, T.SIGNALS_FOR_ALL))
found = q(signals.signals, before, snap.id, investisseur=member or None)
themes = q(digest.theme_names, snap.id)
st.header(counted(T.SIGNALS_COUNT, n=len(found)))
if found.empty:
    st.info(T.SIGNALS_NONE)
for s in found.head(CARDS).to_dict(orient="records"):
    with st.container(border=True):
        st.markdown(f"**{s['rang']}. {T.SIGNAL_TYPES[s['type']]}** — {digest.sentence(s, themes)}")
        st.caption(T.SIGNALS_FOR_LINE.format(members=digest.members_line(s)))
if len(found) > CARDS:
    st.caption(counted(T.SIGNALS_MORE, n=len(found), shown=CARDS))
if not found.empty:
    view = pd.DataFrame({
        T.SIGNALS_TABLE["rang"]: found["rang"].astype("int64"),
        T.SIGNALS_TABLE["type"]: [T.SIGNAL_TYPES[t] for t in found["type"]],
        T.SIGNALS_TABLE["territoire"]: found["nom"].where(found["nom"].notna(), found["objet"]),
        T.SIGNALS_TABLE["thematique"]: [themes.get(t, t) if t else "" for t in found["thematique"]],
        T.SIGNALS_TABLE["pour"]: [" ; ".join(p["nom"] for p in pour) for pour in found["pour"]],
    })
    show_table(view, "signaux", filter=member or None)
st.caption(digest.thresholds_sentence())
