"""Couverture et lacunes: who already covers the needs, where nobody acts, the programme catalogue, and one
territory's needs beside the programmes that reach it (first mile ↔ last mile)."""
from functools import partial

import streamlit as st

from inventory import reference
from inventory.analysis import base, catalogue, collective, coverage, needs
from inventory.analysis.places import ranked_themes
from ui.figures import charts, within
from inventory import texts as T
from ui.display import plain
from ui import (url_date, url_toggle, chart_table, counted, enter_through_app, number, q, require_snapshot, show_table,
                theme_labels, url_radio, url_select, workshop_mode)

enter_through_app()  # first: a deep link on a fresh server runs this file alone

# the columns that decide first (visible at 1280 px without scrolling), the details after them
CELL_COLUMNS = ["nom", "thematique", "tension", "programmes", "zone_blanche", "part_couverte", "acteurs", "score",
                "intensite_moyenne", "score_couvert"]
GAP_COLUMNS = ["nom", "thematique", "acteurs", "score", "score_couvert", "part_couverte", "couverture", "zone_blanche"]
# one territory's themes: its white zones first, then the deciding figures
TERRITORY_COLUMNS = ["thematique", "zone_blanche", "tension", "acteurs", "score", "programmes", "part_couverte",
                     "couverture", "intensite_moyenne", "score_couvert"]
PROGRAMME_COLUMNS = ["nom", "investisseurs", "thematiques", "territoires", "phase", "publics", "nature",
                     "budget_eur", "date_debut", "date_fin", "date_limite_candidature", "actif", "odd", "url", "id"]
REACHING_COLUMNS = ["nom", "investisseurs", "thematiques", "phase", "nature", "publics", "date_fin",
                    "date_limite_candidature"]
ON_TRACK_COLUMNS = ["nom", "thematique", "acteurs", "score", "programmes", "engagements"]
NEED_ROW_COLUMNS = ["nom", "thematique", "intensite", "nb_acteurs", "score", "source", "public", "secteur", "date",
                    "description"]


def open_territory(map_key: str) -> None:
    """A click on the coverage map opens that territory's first and last mile."""
    key = charts.map_location(st.session_state.get(map_key))
    if key:
        st.query_params["vue"], st.query_params["territoire"] = "territoire", key


snap = require_snapshot()
large = workshop_mode()
st.title(T.COVER_TITLE)
st.caption(T.COVER_INTRO)
themes = theme_labels(snap.id)
places = {t.key: t.nom if t.level != "departement" else f"{t.nom} ({t.code})" for t in reference.territories().values()}

side = st.sidebar
side.header(T.FILTERS_HEADER)
level = url_radio(side, T.FILTER_LEVEL, list(base.LEVELS), "niveau", default="region",
                  format_func=T.LEVEL_LABELS.get, horizontal=True)
source = url_radio(side, T.FILTER_SOURCE, ["", *reference.SOURCES], "source", default="",
                   format_func=lambda k: reference.SOURCES.get(k, T.ALL_OPTION))
chosen_needs = base.NeedFilter(source=source or None)
view = url_radio(st, T.FILTER_VIEW, list(T.COVER_VIEWS), "vue", default="carte", format_func=T.COVER_VIEWS.get,
                 horizontal=True, label_visibility="collapsed")
# « avec les engagements »: the white zones that would remain if open commitments are honoured
honoured = view in ("carte", "lacunes") and url_toggle(st, T.COVER_WITH_COMMITMENTS, "engagements",
                                                       help=T.COVER_WITH_COMMITMENTS_HELP)
# the territory every view is narrowed to (« Un territoire » shows it whole); it follows from page to page
territory = url_select(st, T.FILTER_TERRITORY, ["", *places], "territoire", default="", format_func=lambda k: places.get(
    k, T.NONE_CHOSEN if view == "territoire" else T.SCREEN_ALL_TERRITORIES))
no_programmes = not q(needs.counts, snap.id).get("programmes")
if no_programmes and view != "catalogue":
    st.info(T.COVER_NO_PROGRAMMES)


if view == "carte":
    cells = q(coverage.need_matrix_if_honoured if honoured else coverage.need_matrix, snap.id, level=level,
              needs=chosen_needs)
    if cells.empty:
        st.info(T.COVER_NO_NEEDS_NO_PROGRAMMES)
        st.stop()
    map_column, legend_column = st.columns([3, 2])
    with legend_column:
        map_theme = url_select(st, T.COVER_MAP_THEME, ["", *themes], "thematique_carte", default="",
                               format_func=lambda c: themes.get(c, T.ALL_THEMES_OPTION))
        zero_label = None
        if map_theme:
            st.caption(T.COVER_MAP_THEME_CAPTION.format(theme=plain(themes[map_theme])))
            shown = cells[(cells["thematique"] == map_theme) & (cells["score"] > 0)]
            shown = shown.assign(part_couverte=100 * shown["part_couverte"])  # the map speaks in %
            measure, scale, label = "part_couverte", charts.COVER_SCALE, T.MEASURE_LABELS["part_couverte"]
            zero_label = T.CHART_WHITE_ZONE_LEGEND
        else:
            st.caption(T.COVER_MAP_WHITE)
            shown, measure, label = charts.per_territory(cells), "zones_blanches", T.CHART_WHITE_ZONES
            scale = charts.NEED_SCALE
        # the figures beside the map follow its theme, and say so
        tallied = cells[cells["thematique"] == map_theme] if map_theme else cells
        a, b = st.columns(2)
        if honoured:
            a.metric(T.COVER_METRIC_REMAINING, number(int(tallied["zone_blanche"].sum())),
                     help=T.FORMULAS["zones_restantes"])
        else:
            a.metric(T.CHART_WHITE_ZONES, number(int(tallied["zone_blanche"].sum())))
        b.metric(T.COLUMN_LABELS["alliance"], number(int(tallied["alliance"].sum())))
        st.caption(T.COVER_MAP_FIGURES_THEME.format(theme=plain(themes[map_theme])) if map_theme
                   else T.COVER_MAP_FIGURES_ALL)
        for formula in ("programmes", "part_couverte", "zone_blanche", "investisseurs", "alliance"):
            st.caption(T.FORMULAS[formula])
    with map_column:
        st.plotly_chart(charts.france_map(shown, measure, level, value_label=label, colorscale=scale,
                                          zero_label=zero_label, selected=territory or None, large=large),
                        width="stretch", config=charts.OFFLINE, key=f"carte_couverture_{territory}",
                        on_select=partial(open_territory, f"carte_couverture_{territory}"),
                        selection_mode="points")
        if map_theme:
            chart_table(charts.table_view(cells[(cells["thematique"] == map_theme) & (cells["score"] > 0)],
                                          ["nom", "acteurs", "score", "programmes", "part_couverte"]), "carte_couverture")
        else:
            chart_table(charts.table_view(shown, ["nom", "zones_blanches", "acteurs", "score"]), "carte_zones_blanches")
        st.caption(reference.MAP_ATTRIBUTION)
        st.caption(T.COVER_MAP_CLICK)
    st.header(T.COVER_HEATMAP)
    st.caption(T.COVER_HEATMAP_CAPTION)
    if map_theme:
        st.caption(T.COVER_HEATMAP_ALL_THEMES.format(theme=plain(themes[map_theme])))
    st.plotly_chart(charts.coverage_heatmap(cells, theme_labels=themes, large=large), width="stretch",
                    config=charts.OFFLINE)
    chart_table(charts.table_view(cells[cells["score"] > 0], ["nom", "thematique", "part_couverte", "programmes",
                                                              "zone_blanche", "couverture"], theme_labels=themes),
                "matrice_couverture")

elif view == "lacunes" and honoured:
    zones = within(q(coverage.white_zones_with_commitments, snap.id, level=level, needs=chosen_needs), territory)
    st.header(T.COVER_REMAINING)
    st.caption(T.FORMULAS["zones_restantes"])
    show_table(charts.table_view(zones[~zones["en_voie_de_couverture"]], ON_TRACK_COLUMNS, theme_labels=themes),
               "zones_blanches_restantes", empty=T.COVER_NO_REMAINING, deciding=6)
    st.header(T.COVER_ON_TRACK)
    st.caption(T.FORMULAS["en_voie_de_couverture"])
    show_table(charts.table_view(zones[zones["en_voie_de_couverture"]], ON_TRACK_COLUMNS, theme_labels=themes),
               "zones_blanches_en_voie_de_couverture", empty=T.COMMIT_NO_ON_TRACK, deciding=6)

elif view == "lacunes":
    st.header(T.COVER_WHITE_ZONES)
    st.caption(T.FORMULAS["zone_blanche"])
    st.caption(T.FORMULAS["part_couverte"])
    zones = within(q(coverage.coverage_gaps, snap.id, level=level, needs=chosen_needs), territory)
    if zones.empty:
        st.success(T.COVER_NO_WHITE_ZONE)
    else:
        show_table(charts.table_view(zones, GAP_COLUMNS, theme_labels=themes), "zones_blanches", deciding=4)
    st.header(T.COVER_TENSION)
    st.caption(T.FORMULAS["tension"])
    tension = (within(q(coverage.tension_ranking, snap.id, level=level, needs=chosen_needs, limit=None), territory)
               if territory else q(coverage.tension_ranking, snap.id, level=level, needs=chosen_needs))
    show_table(charts.table_view(tension, CELL_COLUMNS, theme_labels=themes), "tension", empty=T.COVER_NO_TENSION,
               deciding=5)

elif view == "catalogue":
    st.header(T.COVER_CATALOGUE)
    investors = dict(q(collective.investors, snap.id)[["id", "nom"]].itertuples(index=False))
    row1, row2 = st.columns(3), st.columns(4)
    phase = url_select(row1[0], T.FILTER_PHASE, ["", *reference.PHASES], "phase", default="",
                       format_func=lambda k: reference.PHASES.get(k, T.ALL_OPTION))
    investor = url_select(row1[1], T.FILTER_INVESTOR, ["", *investors], "investisseur", default="",
                          format_func=lambda k: investors.get(k, T.ALL_OPTION))
    theme = url_select(row1[2], T.FILTER_THEME, ["", *themes], "thematique", default="",
                       format_func=lambda k: themes.get(k, T.ALL_THEMES_OPTION))
    public = url_select(row2[0], T.FILTER_AUDIENCE, ["", *reference.AUDIENCES], "public", default="",
                        format_func=lambda k: reference.AUDIENCES.get(k, T.ALL_OPTION))
    nature = url_select(row2[1], T.FILTER_NATURE, ["", *reference.SUPPORT_TYPES], "nature", default="",
                        format_func=lambda k: reference.SUPPORT_TYPES.get(k, T.ALL_OPTION))
    if investor:  # the chosen investor's own page: its roles, co-funders, commitments, results
        row2[3].page_link("pages/organisation.py", label=T.ORG_TITLE, icon=":material/corporate_fare:",
                          query_params={"organisation": investor})
    first, last = q(catalogue.programme_dates, snap.id) or (None, None)  # the calendar opens near the inventory
    active_on = url_date(row2[2], T.FILTER_ACTIVE_ON, "actif_le", min_value=first, max_value=last, format="DD/MM/YYYY",
                         help=T.FILTER_ACTIVE_ON_HELP)
    chosen = catalogue.ProgrammeFilter(phase=phase or None, investisseur=investor or None, thematique=theme or None,
                                       territoire=territory or None, public=public or None, nature=nature or None,
                                       actif_le=active_on)
    listed = q(catalogue.programmes, snap.id, chosen)
    if listed.empty:
        st.info(T.COVER_CATALOGUE_NONE)
    else:
        st.caption(counted(T.COVER_CATALOGUE_COUNT, n=len(listed)))
        st.caption(T.FORMULAS["actif"])
        show_table(charts.table_view(listed, PROGRAMME_COLUMNS, theme_labels=themes,
                                     headings=T.PROGRAMME_HEADINGS), "programmes", deciding=4)

else:  # one territory: its needs (first mile) beside the programmes that reach it (last mile)
    if not territory:
        st.info(T.COVER_TERRITORY_PICK)
        st.stop()
    # a région at département level is its own row: the needs entered for the whole region only
    own_level = "departement" if territory.startswith("DEP") or level == "departement" else "region"
    cells = q(coverage.need_matrix, snap.id, level=own_level, needs=chosen_needs)
    cells = cells[(cells["territoire"] == territory) & (cells["acteurs"] > 0)]
    # one above the other: side by side, at 1280 px, each table would hide its deciding columns
    first, last = st.container(), st.container()
    with first:
        st.header(T.COVER_FIRST_MILE)
        if cells.empty:
            st.info(T.COVER_TERRITORY_NO_NEEDS)
        else:
            if territory.startswith("REG") and own_level == "departement":
                st.caption(T.FORMULAS["ligne_region"])
            st.caption(T.FORMULAS["part_couverte"])
            show_table(charts.table_view(ranked_themes(cells), TERRITORY_COLUMNS, theme_labels=themes),
                       "besoins_par_thematique", filter=territory, deciding=6)
    with last:
        st.header(T.COVER_LAST_MILE, help=T.COVER_LAST_MILE_HELP)
        reaching = q(catalogue.programmes_reaching, snap.id, territory)
        show_table(charts.table_view(reaching, REACHING_COLUMNS, theme_labels=themes, headings=T.PROGRAMME_HEADINGS),
                   "programmes", filter=territory, empty=T.COVER_TERRITORY_NO_PROGRAMMES, deciding=3)
    if not cells.empty:
        with st.expander(T.COVER_NEED_ROWS.format(nom=places[territory])):
            rows = q(needs.need_rows, snap.id, territory, level=own_level, needs=chosen_needs)
            show_table(charts.table_view(rows, NEED_ROW_COLUMNS, theme_labels=themes), "signalements",
                       filter=territory, deciding=5)
