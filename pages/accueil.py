"""Accueil: the shown snapshot at a glance — counts, late commitments and the share of needs reached, the needs
that stand out, the worst white zones, and what changed since the previous snapshot."""
import streamlit as st

from inventory.analysis import coverage, evolution, followup, needs, signals
from ui.figures import charts
from ui.display import plain
from ui.report_downloads import report_downloads
from inventory import seances
from inventory import texts as T
from ui import (counted, percent, current_store, enter_through_app, number, q, require_snapshot, snapshots,
                theme_labels)

enter_through_app()  # first: a deep link on a fresh server runs this file alone

snap = require_snapshot()
st.title(T.HOME_TITLE)
themes = theme_labels(snap.id)
# links keep the snapshot and workshop mode the reader is in
keep = {k: st.query_params[k] for k in ("inventaire", "atelier") if k in st.query_params}
# what the inventory is, who feeds it, and three doors in
st.markdown(T.SCREEN_HOME_WHAT)
with st.container(horizontal=True, vertical_alignment="center", key="home_start"):
    st.markdown(f"**{T.SCREEN_HOME_START}**")
    for target, label, view in (("pages/besoins.py", T.SCREEN_HOME_START_NEEDS, None),
                                ("pages/couverture.py", T.SCREEN_HOME_START_GAPS, "lacunes"),
                                ("pages/collectif.py", T.SCREEN_HOME_START_POSITION, "positionner")):
        st.page_link(target, label=label, icon=":material/arrow_forward:",
                     query_params={**keep, **({"vue": view} if view else {})})

c = q(needs.counts, snap.id)
cols = st.columns(5)
cols[0].metric(T.HOME_METRIC_NEEDS, number(c.get("besoins", 0)), border=True)
cols[1].metric(T.HOME_METRIC_ACTORS, number(c.get("acteurs", 0)), border=True)
cols[2].metric(T.HOME_METRIC_PROGRAMMES, number(c.get("programmes_actifs", 0)), border=True,
               help=T.HOME_METRIC_PROGRAMMES_HELP.format(
                   total=number(c.get("programmes", 0)),
                   inactive=number(c.get("programmes", 0) - c.get("programmes_actifs", 0))))
cols[3].metric(T.HOME_METRIC_INVESTORS, number(c.get("investisseurs", 0)), border=True)
cols[4].metric(T.HOME_METRIC_TERRITORIES, number(c.get("territoires", 0)), border=True,
               help=T.HOME_METRIC_TERRITORIES_HELP)

# follow-through, one line each: late commitments, the share of needs reached (declared)
follow = q(followup.followup_summary, snap.id)
late_line, late_link = st.columns([3, 1], vertical_alignment="center")  # the link's words whole
if follow["engagements"]:
    late_line.markdown(T.HOME_LATE_LINE.format(late=number(follow["en_retard"]),
                                               total=number(follow["engagements"])), help=T.FORMULAS["en_retard"])
else:
    late_line.markdown(T.HOME_NO_COMMITMENT_LINE)
late_link.page_link("pages/collectif.py", label=T.HOME_COMMITMENTS_LINK, icon=":material/arrow_forward:",
                    query_params={**keep, "vue": "engagements"})
if follow["beneficiaires"] and follow["taux_atteinte"] is not None:
    st.markdown(T.HOME_REACHED_LINE.format(taux=percent(follow["taux_atteinte"], "taux_atteinte"),
                                           beneficiaires=number(follow["beneficiaires"]),
                                           acteurs=number(follow["acteurs"])), help=T.FORMULAS["taux_atteinte"])
else:
    st.markdown(T.HOME_NO_RESULT_LINE)

# signals since the previous import, one line (the Signaux page has them, each with who is best placed)
found = q(signals.signal_counts, q(signals.previous_import, snap.id), snap.id)
signal_line, signal_link = st.columns([4, 1], vertical_alignment="center")
signal_line.markdown(counted(
    T.HOME_SIGNALS_LINE, total=found["total"], zones=found["zone_blanche_ouverte"], fins=found["fin_de_programme"],
    hausses=found["besoin_en_hausse"], retards=found["engagement_en_retard"], anciennes=found["donnees_anciennes"])
    if found["total"] else T.SIGNALS_NONE)
signal_link.page_link("pages/signaux.py", label=T.HOME_SIGNALS_LINK, icon=":material/notifications:",
                      query_params=keep)

st.header(T.HOME_TOP_NEEDS, help=T.HOME_TOP_NEEDS_HELP)
top = q(needs.top_needs, snap.id)
if top.empty:
    st.info(T.HOME_NO_NEEDS)
else:
    st.caption(T.FORMULAS["score"])
    for col, need in zip(st.columns(3), top.itertuples()):
        col.metric(themes.get(need.thematique, need.thematique), percent(need.part / 100, "part"), border=True)
        col.caption(T.HOME_TOP_NEED_DETAIL.format(acteurs=number(need.acteurs),
                                                  intensite=number(need.intensite_moyenne, 2),
                                                  territoire=need.territoire_max_nom))

    st.header(T.HOME_WHITE_ZONES, help=T.FORMULAS["zone_blanche"])
    worst = q(coverage.white_zones, snap.id, limit=5)
    if worst.empty:
        st.success(T.HOME_NO_WHITE_ZONE)
    for zone, words in zip(worst.itertuples(), charts.coverage_words(worst)):
        line, link = st.columns([4, 1], vertical_alignment="center")
        line.markdown(T.HOME_WHITE_ZONE_LINE.format(nom=zone.nom, theme=themes.get(zone.thematique, zone.thematique),
                                                    acteurs=number(zone.acteurs), score=number(zone.score),
                                                    couverture=words))
        link.page_link("pages/couverture.py", label=T.HOME_WHITE_ZONE_LINK, icon=":material/arrow_forward:",
                       query_params={**keep, "vue": "territoire", "territoire": zone.territoire})

st.header(T.HOME_CHANGES)
before, since = seances.since(snapshots(), snap.id, shown=plain)  # a séance against the state it started from
if before is None:
    st.info(since)
else:
    st.caption(since)
    moves = q(evolution.compare_needs, before.id, snap.id)
    changes = q(evolution.programme_change_counts, before.id, snap.id)
    cols = st.columns(4)
    cols[0].metric(T.HOME_CELLS_UP, number(int((moves["ecart_score"] > 0).sum())), help=T.HOME_CELLS_HELP)
    cols[1].metric(T.HOME_CELLS_DOWN, number(int((moves["ecart_score"] < 0).sum())), help=T.HOME_CELLS_HELP)
    cols[2].metric(T.HOME_PROG_ADDED, number(changes["ajouté"] + changes["démarré"]))
    cols[3].metric(T.HOME_PROG_ENDED, number(changes["terminé"] + changes["retiré"]))
    rise = moves[moves["ecart_score"] > 0].head(1)
    for r in rise.itertuples():
        st.markdown(T.HOME_BIGGEST_RISE.format(nom=r.nom, theme=plain(themes.get(r.thematique, r.thematique)),
                                               avant=number(r.score_avant), apres=number(r.score_apres)))
    st.page_link("pages/evolution.py", label=T.HOME_EVOLUTION_LINK, icon=":material/trending_up:", query_params=keep)

st.header(T.HOME_REPORT, help=T.HOME_REPORT_HELP)
# made on click (a few seconds at 1M needs), in the reader's language, from the store this page reads
report_downloads(current_store(), snap, T.language())  # one render at a time: a waiting reader sees their place
