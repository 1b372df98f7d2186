"""The sidebar every page shares (snapshot picker, workshop toggle), the line at the top of every page naming the
inventory shown (and saying when it is not the active one), the demo banner or workshop band, and the stop a page
makes when there is no snapshot to show."""
from __future__ import annotations

import streamlit as st

from inventory import seances, snapshot_labels
from inventory import texts as T
from inventory.models import Snapshot
from ui.display import plain
from ui.access import workshop_mode
from ui import css
from ui.data import StoreBusy, active_snapshot, snapshots
from ui.display import counted, date_text
from ui.language import language_switch
from ui.widgets import url_select


def sidebar() -> Snapshot | None:
    """Snapshot picker, language switch and workshop toggle, bound to the URL; demo banner and workshop header."""
    try:
        snaps = snapshots()
    except StoreBusy:
        st.warning(T.DB_BUSY)
        st.stop()
    snap = active_snapshot()
    if snaps:
        labels = picker_labels(snaps, snap)
        active_id = next((s.id for s in snaps if s.active), snaps[-1].id)
        chosen = url_select(st.sidebar, T.SIDEBAR_SNAPSHOT, list(reversed(list(labels))), "inventaire",
                            default=active_id, format_func=labels.get, pin=True)
        snap = next(s for s in snaps if s.id == chosen)
    st.html(css.print_style(T.PRINT_TABLE_NOTE))  # static CSS and one sentence of ours, never user text
    st.sidebar.html(css.BASE_CSS)  # static CSS only: text contrast at WCAG AA on every page
    language_switch(st.sidebar)
    on = st.sidebar.toggle(T.SIDEBAR_WORKSHOP, value=workshop_mode(), help=T.SIDEBAR_WORKSHOP_HELP, key="toggle_atelier")
    if on != workshop_mode():
        if on:
            st.query_params["atelier"] = "1"
        else:
            del st.query_params["atelier"]
        st.rerun()
    st.html(css.interface_css(T.language()))  # static CSS only: Streamlit's own words in the page's language
    if workshop_mode():
        st.html(css.WORKSHOP_CSS)  # static CSS only, never user text
        if snap is not None:  # one slim band instead of a caption and a banner: the screen is for the charts
            with st.container(key="atelier_header", horizontal=True, horizontal_alignment="distribute",
                              vertical_alignment="center"):
                st.markdown(f"**{T.WORKSHOP_HEADER.format(label=plain(snap.title), as_of=date_text(snap.as_of))}**")
                if older := not_the_active(snap, snaps):
                    st.markdown(older)
                if snap.demo:
                    st.caption(T.DEMO_BANNER)
            return snap
    if snap is not None:
        line = T.SHOWN_INVENTORY.format(label=plain(snap.title), as_of=date_text(snap.as_of))
        if older := not_the_active(snap, snaps):
            st.warning(f"{line} {older}", icon=":material/history:")
            newest = next(s for s in snaps if s.active)
            if st.button(T.SESSION_TO_NEWEST.format(id=newest.id), key="to_newest", icon=":material/update:"):
                st.query_params["inventaire"] = str(newest.id)
                st.rerun()
        else:
            st.caption(line)
        if snap.demo:
            st.info(T.DEMO_BANNER, icon=":material/info:")
    return snap


def picker_labels(snaps: list[Snapshot], shown: Snapshot | None) -> dict[int, str]:
    """Snapshot id → its line in the picker, oldest first: each import, each séance once (« Séance du 06/12 –
    3 engagements notés », by its last state); an earlier state of a séance only when a link shows it."""
    labels: dict[int, str] = {}
    for entry in seances.entries(snaps):
        s = entry.shown
        noted = counted(T.SEANCE_NOTED, n=entry.noted)
        text = (T.SEANCE_OPTION.format(seance=snapshot_labels.shown(entry.seance), noted=noted, as_of=date_text(s.as_of))
                if entry.seance
                else T.SNAPSHOT_OPTION.format(label=s.title, as_of=date_text(s.as_of)))
        if shown is not None and entry.holds(shown.id) and shown.id != s.id:  # a pinned earlier state
            labels[shown.id] = T.SNAPSHOT_OPTION.format(label=shown.title, as_of=date_text(shown.as_of))
        labels[s.id] = text + (T.SNAPSHOT_ACTIVE_SUFFIX if s.active else "")
    return labels


def not_the_active(snap: Snapshot, snaps: list[Snapshot]) -> str | None:
    """The sentence saying the shown snapshot is not the one the views show by default (a link to an older one,
    a choice in the picker), naming the active one; None when it is the active one."""
    active = next((s for s in snaps if s.active), None)
    if active is None or active.id == snap.id:
        return None
    words = T.OLDER_INVENTORY if (snap.as_of, snap.id) < (active.as_of, active.id) else T.INACTIVE_INVENTORY
    return words.format(as_of=date_text(active.as_of), label=plain(active.title))


def require_snapshot() -> Snapshot:
    """The shown snapshot, or an explanation and a stop when the inventory is empty."""
    snap = active_snapshot()
    if snap is None:
        st.info(T.NO_SNAPSHOT)
        st.stop()
    return snap
