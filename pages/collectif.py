"""Jouer collectif: who acts where, where several investors act separately (alliance opportunities), who
already co-funds, and « se positionner »: one investor's footprint, likely allies and reachable white zones."""
import streamlit as st

from inventory import analytics, charts, reference
from inventory import texts as T
from ui import (chart_table, enter_through_app, fr_number, q, require_snapshot, show_table, theme_labels, url_radio, url_select,
                workshop_mode)

enter_through_app()  # first: a deep link on a fresh server runs this file alone

ALLIANCE_COLUMNS = ["nom", "thematique", "acteurs", "score", "programmes", "investisseurs", "noms_investisseurs"]
UNCOVERED_COLUMNS = ["nom", "thematique", "acteurs", "score", "intensite_moyenne", "tension"]

snap = require_snapshot()
large = workshop_mode()
st.title(T.TOGETHER_TITLE)
st.caption(T.TOGETHER_INTRO)
themes = theme_labels(snap.id)
investors = q(analytics.investors, snap.id)
if investors.empty:
    st.info(T.TOGETHER_NO_INVESTORS)
    st.stop()
names = dict(zip(investors["id"], investors["nom"]))
view = url_radio(st, T.FILTER_VIEW, list(T.TOGETHER_VIEWS), "vue", default="paysage",
                 format_func=T.TOGETHER_VIEWS.get, horizontal=True, label_visibility="collapsed")

if view == "paysage":
    by_theme = q(analytics.investor_themes, snap.id)
    if by_theme.empty:
        st.info(T.TOGETHER_NO_PROGRAMMES)
    else:
        st.subheader(T.TOGETHER_BY_THEME)
        st.plotly_chart(charts.investor_heatmap(by_theme, cols="thematique", value="programmes",
                                                value_label=T.TOGETHER_VALUE_PROGRAMMES, col_labels=themes,
                                                large=large), width="stretch", config=charts.OFFLINE)
        chart_table(charts.table_view(by_theme, ["nom", "thematique", "programmes"], theme_labels=themes,
                                      headings=T.INVESTOR_HEADINGS), "investisseurs_thematiques")
        st.subheader(T.TOGETHER_BY_REGION)
        by_region = q(analytics.investor_regions, snap.id)
        st.plotly_chart(charts.investor_heatmap(by_region, cols="nom_territoire", value="thematiques",
                                                value_label=T.TOGETHER_VALUE_THEMES, col_title=T.CHART_TERRITORY,
                                                large=large), width="stretch", config=charts.OFFLINE)
        chart_table(charts.table_view(by_region, ["nom", "nom_territoire", "thematiques"],
                                      headings={**T.INVESTOR_HEADINGS, "thematiques": T.CHART_THEMES_COVERED}),
                    "investisseurs_regions")
    show_table(charts.table_view(investors, ["id", "nom", "type", "programmes", "programmes_inactifs", "budget_eur"],
                                 headings=T.INVESTOR_HEADINGS), "investisseurs")
    st.caption(T.FORMULAS["budget"])
    st.caption(T.FORMULAS["actif"])

elif view == "alliances":
    st.subheader(T.TOGETHER_ALLIANCES)
    st.caption(T.FORMULAS["alliance"])
    cells = q(analytics.alliance_cells, snap.id)
    show_table(charts.table_view(cells, ALLIANCE_COLUMNS, theme_labels=themes), "alliances",
               empty=T.TOGETHER_NO_ALLIANCE)
    st.subheader(T.TOGETHER_COFUNDING)
    co = q(analytics.cofunding, snap.id)
    rate, network = st.columns([1, 3])
    rate.metric(T.TOGETHER_COFUNDING_RATE, f"{fr_number(100 * co['taux'], 1)} %", border=True)
    rate.caption(T.TOGETHER_COFUNDING_DETAIL.format(co=fr_number(co["cofinances"]), total=fr_number(co["programmes"])))
    rate.caption(T.FORMULAS["cofinancement"])
    edges = q(analytics.cofunding_edges, snap.id)
    with network:
        if edges.empty:
            st.info(T.TOGETHER_NO_COFUNDING)
        else:
            st.markdown(f"**{T.TOGETHER_NETWORK}**", help=T.TOGETHER_NETWORK_HELP)
            st.plotly_chart(charts.cofunding_network(edges, investors, large=large), width="stretch",
                            config=charts.OFFLINE)
    if not edges.empty:
        show_table(edges[["nom_source", "nom_cible", "programmes"]].rename(columns=T.COFUNDING_COLUMNS),
                   "cofinancements")

else:  # se positionner
    investor = url_select(st, T.TOGETHER_PICK_INVESTOR, ["", *names], "investisseur", default="",
                          format_func=lambda k: names.get(k, T.NONE_CHOSEN))
    if not investor:
        st.info(T.TOGETHER_PICK_PROMPT)
        st.stop()
    footprint = q(analytics.investor_footprint, snap.id, investor)
    st.subheader(T.TOGETHER_FOOTPRINT)
    if footprint.empty:
        st.info(T.TOGETHER_NO_FOOTPRINT)
    else:
        own = investors[investors["id"] == investor].iloc[0]
        st.caption(T.TOGETHER_FOOTPRINT_SUMMARY.format(
            programmes=fr_number(own["programmes"]), territoires=fr_number(footprint["territoire"].nunique()),
            thematiques=fr_number(footprint["thematique"].nunique())))
        st.plotly_chart(charts.footprint_map(footprint, large=large), width="stretch", config=charts.OFFLINE)
        counts = charts.footprint_counts(footprint)
        counts.insert(1, "nom", counts["territoire"].map(lambda k: reference.territories()[k].nom))
        chart_table(charts.table_view(counts, ["nom", "thematiques"], headings={"thematiques": T.CHART_THEMES_COVERED}),
                    f"empreinte_{investor}")
        st.caption(reference.MAP_ATTRIBUTION)
    allies_column, uncovered_column = st.columns(2)
    with allies_column:
        st.subheader(T.TOGETHER_ALLIES, help=T.TOGETHER_ALLIES_HELP)
        st.caption(T.FORMULAS["cases_communes"])
        allies = q(analytics.likely_allies, snap.id, investor, level="region")
        show_table(charts.table_view(allies, ["nom", "type", "cases_communes", "cofinancements", "thematiques"],
                                     theme_labels=themes, headings=T.INVESTOR_HEADINGS),
                   f"allies_{investor}", empty=T.TOGETHER_NO_ALLIES)
    with uncovered_column:
        st.subheader(T.TOGETHER_UNCOVERED, help=T.TOGETHER_UNCOVERED_HELP)
        uncovered = q(analytics.uncovered_for, snap.id, investor)
        if uncovered.empty:
            st.info(T.TOGETHER_NO_UNCOVERED)
        else:
            st.caption(T.FORMULAS["tension"])
            show_table(charts.table_view(uncovered, UNCOVERED_COLUMNS, theme_labels=themes), f"a_couvrir_{investor}")
