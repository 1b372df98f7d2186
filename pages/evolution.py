"""Évolution: what changed between two snapshots — needs up and down by territory and theme, white zones closed
and opened, commitments kept, late and dropped, programmes added, ended, withdrawn and changed."""
import streamlit as st

from inventory import reference, seances
from inventory.analysis import base, collective, evolution, needs
from ui.figures import charts
from inventory import texts as T
from inventory.analysis.base import NeedFilter
from ui.display import plain
import ui
from ui import enter_through_app, date_text, number, q, show_table, url_radio, url_select, workshop_mode

enter_through_app()  # first: a deep link on a fresh server runs this file alone

# the columns that answer each table's question first (whole at 1280 px), names before codes, codes last
NEED_COLUMNS = ["nom", "thematique", "ecart_score", "ecart_acteurs", "score_avant", "score_apres", "acteurs_avant",
                "acteurs_apres", "territoire"]
COMMIT_COLUMNS = ["changement", "investisseurs", "statut_avant", "statut_apres", "en_retard", "thematiques",
                  "territoires", "id"]
PROGRAMME_COLUMNS = ["nom", "changement", "fin_avant", "fin_apres", "id"]

shown = ui.require_snapshot()
large = workshop_mode()
st.title(T.EVOL_TITLE)

snaps = ui.snapshots()
if len(snaps) < 2:
    st.info(T.EVOL_NEED_TWO)
    st.stop()

# one entry per import and per séance (the states a séance went through, undone ones included, are not compared)
labels = ui.picker_labels(snaps, shown)
by_id = {s.id: s for s in snaps}
if len(labels) < 2:
    st.info(T.EVOL_NEED_TWO)
    st.stop()
ids = list(reversed(list(labels)))
baseline, since = seances.since(snaps, shown.id, shown=plain)
# the shown snapshot against what it is compared with everywhere; the oldest one against the next
default_before, default_after = ((baseline.id, shown.id) if baseline is not None
                                 else (shown.id, next(i for i in reversed(ids) if i != shown.id)))
if baseline is not None and shown.id not in labels:
    default_after = shown.id
c1, c2 = st.columns(2)
before = by_id[url_select(c1, T.EVOL_BEFORE, ids, "avant", default=default_before, format_func=labels.get)]
after = by_id[url_select(c2, T.EVOL_AFTER, ids, "apres", default=default_after, format_func=labels.get)]
if before.id == after.id:
    st.info(T.EVOL_SAME)
    st.stop()
if before.as_of > after.as_of:  # "added", "ended" and "closed" read backwards would say the opposite
    st.warning(T.EVOL_START_AFTER_END.format(before=plain(before.title), before_date=date_text(before.as_of),
                                             after=plain(after.title), after_date=date_text(after.as_of)))
    st.stop()
st.caption(T.EVOL_COMPARING.format(before=plain(before.title), before_date=date_text(before.as_of),
                                   after=plain(after.title), after_date=date_text(after.as_of)))
if (before.id, after.id) == (default_before, default_after) and baseline is not None:
    st.caption(since)

was, now = q(needs.counts, before.id), q(needs.counts, after.id)
metrics = [(T.EVOL_METRIC_SIGNALS, "besoins"), (T.EVOL_METRIC_ACTORS, "acteurs"),
           (T.EVOL_METRIC_ACTIVE, "programmes_actifs"), (T.EVOL_METRIC_INVESTORS, "investisseurs")]
for col, (label, key) in zip(st.columns(len(metrics)), metrics):
    delta = now.get(key, 0) - was.get(key, 0)
    col.metric(label, number(now.get(key, 0)), delta=f"{'+' if delta > 0 else ''}{number(delta)}",
               delta_color="off", border=True)

st.header(T.EVOL_NEEDS_HEADER)
f1, f2 = st.columns(2)
level = url_radio(f1, T.DEFIS_LEVEL, list(base.LEVELS), "niveau", default="region",
                  format_func=T.LEVEL_LABELS.get, horizontal=True)
source = url_select(f2, T.EVOL_SOURCE, ["", *reference.SOURCES], "source", default="",
                    format_func=lambda s: reference.SOURCES.get(s, T.EVOL_SOURCE_ALL))
theme_labels = ui.theme_labels(after.id)
moves = q(evolution.compare_needs, before.id, after.id, level=level, needs=NeedFilter(source=source or None))
moves = moves[moves["ecart_score"] != 0]
if moves.empty:
    st.info(T.EVOL_NO_NEED_CHANGE)
else:
    st.caption(T.EVOL_NEEDS_CAPTION)
    st.plotly_chart(charts.change_bars(moves, theme_labels=theme_labels, large=large), width="stretch",
                    config=charts.OFFLINE)
    table = moves.assign(thematique=moves["thematique"].map(theme_labels).fillna(moves["thematique"]))
    table = table[NEED_COLUMNS].rename(columns=T.EVOL_COLUMNS)
    up, down = table[moves["ecart_score"].to_numpy() > 0], table[moves["ecart_score"].to_numpy() < 0]
    for title, part, empty, name in ((T.EVOL_UP, up, T.EVOL_NO_UP, "besoins_en_hausse"),
                                     (T.EVOL_DOWN, down, T.EVOL_NO_DOWN, "besoins_en_baisse")):
        st.markdown(f"**{title}**")
        if part.empty:
            st.caption(empty)
            continue
        show_table(part, name, deciding=4)

st.header(T.EVOL_WZ_HEADER)
st.caption(T.FORMULAS["zone_blanche"])
zones = q(evolution.compare_white_zones, before.id, after.id, level=level, needs=NeedFilter(source=source or None))
if zones.empty:
    st.info(T.EVOL_NO_WZ_CHANGE)
else:
    moved = zones["changement"].value_counts()
    closed, opened = st.columns(2)
    closed.metric(T.EVOL_WZ_CLOSED, number(int(moved.get("fermée", 0))), border=True)
    opened.metric(T.EVOL_WZ_OPENED, number(int(moved.get("ouverte", 0))), border=True)
    show_table(charts.table_view(zones, ["nom", "thematique", "changement", "score_avant", "score_apres",
                                         "part_couverte_avant", "part_couverte_apres"], theme_labels=theme_labels),
               "zones_blanches_changements", deciding=3)

st.header(T.EVOL_COMMIT_HEADER)
kept = q(evolution.compare_commitments, before.id, after.id)
if kept.empty:
    st.info(T.EVOL_NO_COMMIT)
else:
    st.caption(T.FORMULAS["suivi_engagements"])
    moved = kept["changement"].value_counts()
    for col, (kind, label) in zip(st.columns(len(T.EVOL_COMMIT_LABELS)), T.EVOL_COMMIT_LABELS.items()):
        col.metric(label, number(int(moved.get(kind, 0))), border=True)
    shown = kept.assign(changement=kept["changement"].map(T.EVOL_COMMIT_WORDS),
                        **{c: kept[c].map(charts.joined) for c in ("investisseurs", "thematiques", "territoires")})
    investor_names = {**dict(q(collective.investors, before.id)[["id", "nom"]].itertuples(index=False)),
                      **dict(q(collective.investors, after.id)[["id", "nom"]].itertuples(index=False))}
    show_table(charts.table_view(shown, COMMIT_COLUMNS, theme_labels=theme_labels, headings=T.EVOL_COMMIT_COLUMNS,
                                 investor_names=investor_names), "engagements_changements", deciding=4)

st.header(T.EVOL_PROG_HEADER)
changes = q(evolution.compare_programmes, before.id, after.id)
if changes.empty:
    st.info(T.EVOL_NO_PROG_CHANGE)
else:
    counted = q(evolution.programme_change_counts, before.id, after.id)
    st.caption(T.EVOL_PROG_CAPTION.format(avant=number(counted["actifs_avant"]),
                                          apres=number(counted["actifs_apres"])))
    for col, kind in zip(st.columns(len(evolution.PROGRAMME_CHANGES)), evolution.PROGRAMME_CHANGES):
        col.metric(T.EVOL_CHANGE_LABELS[kind], number(counted[kind]), border=True)
    changes = changes.assign(changement=changes["changement"].map(T.CHANGE_WORDS).fillna(changes["changement"]))
    show_table(changes[PROGRAMME_COLUMNS].rename(columns=T.EVOL_PROG_COLUMNS), "programmes_changements",
               deciding=3)
