"""Besoins par territoire: where needs are, by territory and theme, on a map and a matrix; then the need
rows of one territory (picked in the list or by clicking the map)."""
from functools import partial

import streamlit as st

from inventory import reference
from inventory.analysis import base, coverage, needs
from inventory.analysis.places import ranked_needs
from ui.figures import charts
from inventory import texts as T
from ui import (chart_table, enter_through_app, number, q, require_snapshot, show_table, theme_labels,
                url_multiselect, url_radio, url_select, workshop_mode)

enter_through_app()  # first: a deep link on a fresh server runs this file alone

NEED_MEASURES = ["acteurs", "score", "intensite_moyenne"]
# the columns that decide first (whole at 1280 px), the details after them, codes last
ROW_COLUMNS = ["nom", "thematique", "intensite", "nb_acteurs", "score", "source", "public", "secteur", "date",
               "description", "id"]
ROW_LIMIT = 1000


def pick_from_map(map_key: str) -> None:
    """A click on the map chooses the territory, as the list below would."""
    key = charts.map_location(st.session_state.get(map_key))
    if key:
        st.query_params["territoire"] = key


snap = require_snapshot()
large = workshop_mode()
st.title(T.NEEDS_TITLE)
st.caption(T.NEEDS_INTRO)
themes = theme_labels(snap.id)

side = st.sidebar
side.header(T.FILTERS_HEADER)
source = url_radio(side, T.FILTER_SOURCE, ["", *reference.SOURCES], "source", default="",
                   format_func=lambda k: reference.SOURCES.get(k, T.ALL_OPTION))
public = url_select(side, T.FILTER_AUDIENCE, ["", *reference.AUDIENCES], "public", default="",
                    format_func=lambda k: reference.AUDIENCES.get(k, T.ALL_OPTION))
secteur = url_select(side, T.FILTER_SECTOR, ["", *q(needs.sectors, snap.id)], "secteur", default="",
                     format_func=lambda s: s or T.ALL_OPTION)
picked_themes = url_multiselect(side, T.FILTER_THEMES, list(themes), "thematiques", format_func=themes.get,
                                placeholder=T.FILTER_THEMES_PLACEHOLDER)
level = url_radio(side, T.FILTER_LEVEL, list(base.LEVELS), "niveau", default="region",
                  format_func=T.LEVEL_LABELS.get, horizontal=True)
measure = url_radio(side, T.FILTER_MEASURE, NEED_MEASURES, "mesure", default="acteurs",
                    format_func=T.MEASURE_LABELS.get)

chosen = base.NeedFilter(source=source or None, public=public or None, secteur=secteur or None,
                             thematiques=tuple(picked_themes) or None)
cells = q(coverage.need_matrix, snap.id, level=level, needs=chosen)
cells = cells[cells["acteurs"] > 0]
if cells.empty:
    st.info(T.NEEDS_NONE if not q(needs.counts, snap.id).get("besoins") else T.NEEDS_NONE_FOR_FILTERS)
    st.stop()
totals = q(needs.needs_by_territory, snap.id, level=level, needs=chosen)
st.caption(T.FORMULAS[measure])

map_column, territory_column = st.columns([3, 2])
with territory_column:  # chosen first, so that the map drawn beside it highlights the territory just picked
    st.header(T.NEEDS_TERRITORY)
    st.caption(T.CLICK_MAP_HINT)
    names = dict(zip(cells["territoire"], cells["nom"]))
    territory = url_select(st, T.FILTER_TERRITORY, ["", *names], "territoire", default="",
                           format_func=lambda k: names.get(k, T.NONE_CHOSEN))
    # the chosen row as the map and the matrix show it: at département level a region row holds only the needs
    # entered for the whole region (as its need rows below)
    whole = q(needs.needs_by_territory, snap.id, level=level, needs=chosen)
    if territory.startswith("REG") and level == "departement":
        st.caption(T.FORMULAS["ligne_region"])
    for total in whole[whole["territoire"] == territory].itertuples():
        a, b, c = st.columns(3)
        a.metric(T.COLUMN_LABELS["acteurs"], number(total.acteurs))
        b.metric(T.COLUMN_LABELS["score"], number(total.score))
        c.metric(T.NEEDS_METRIC_INTENSITY, number(total.intensite_moyenne, 2),
                 help=T.FORMULAS["intensite_moyenne"])
with map_column:
    # one map widget per chosen territory: a choice made in the list leaves no old click highlighted
    map_key = f"carte_besoins_{territory}"
    st.header(T.NEEDS_MAP.format(measure=T.MEASURE_LABELS[measure]))
    st.plotly_chart(charts.france_map(totals, measure, level, selected=territory, large=large), width="stretch",
                    config=charts.OFFLINE, key=map_key, on_select=partial(pick_from_map, map_key),
                    selection_mode="points")
    chart_table(charts.table_view(totals, ["nom", "acteurs", "score", "intensite_moyenne"]), "carte_besoins")
    st.caption(reference.MAP_ATTRIBUTION)
    for national in totals[totals["territoire"] == reference.NATIONAL].itertuples():
        st.caption(T.NATIONAL_NOTE.format(acteurs=number(national.acteurs), score=number(national.score)))

st.header(T.NEEDS_HEATMAP.format(measure=T.MEASURE_LABELS[measure]))
st.plotly_chart(charts.need_heatmap(cells, measure, theme_labels=themes, large=large), width="stretch",
                config=charts.OFFLINE)
chart_table(charts.table_view(cells, ["nom", "thematique", "acteurs", "score", "intensite_moyenne"],
                              theme_labels=themes), "matrice_besoins")

if territory:
    st.header(T.SCREEN_NEEDS_THEMES.format(nom=names[territory]))
    show_table(charts.table_view(ranked_needs(cells[cells["territoire"] == territory]),
                                 ["thematique", "acteurs", "score", "intensite_moyenne"], theme_labels=themes),
               "besoins_thematiques", filter=territory, deciding=4)
    st.header(T.NEEDS_ROWS.format(nom=names[territory]))
    rows = q(needs.need_rows, snap.id, territory, level=level, needs=chosen, limit=ROW_LIMIT)
    if rows.empty:
        st.info(T.NEEDS_ROWS_NONE)
    else:
        show_table(charts.table_view(rows, ROW_COLUMNS, theme_labels=themes), "besoins", filter=territory,
                   deciding=5)
        if len(rows) >= ROW_LIMIT:
            st.caption(T.NEEDS_ROWS_TRUNCATED.format(n=number(ROW_LIMIT)))
