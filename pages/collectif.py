"""Jouer collectif: who acts where, where several investors act separately (alliance opportunities), who
already co-funds, « se positionner » (one investor's footprint, likely allies and reachable white zones), the
missing links of support pathways (« parcours ») and the commitments board (« engagements »), where a
facilitator notes a commitment during a session."""
import streamlit as st

from inventory import reference
from inventory.analysis import base, collective, coverage, followup, organisations, pathways, prospect
from ui.figures import charts, organisation_charts, within
from inventory import texts as T
from inventory.models import STATUTS
from ui import (percent, chart_table, counted, enter_through_app, date_text, number, organisation_links, q,
                require_snapshot, show_table, theme_labels, url_multiselect, url_radio, url_select, workshop_mode)
from ui.noting import commitment_form, follow_up

enter_through_app()  # first: a deep link on a fresh server runs this file alone

# the columns that answer each table's question first (whole at 1280 px), names before codes, codes last
ALLIANCE_COLUMNS = ["nom", "thematique", "noms_investisseurs", "investisseurs", "acteurs", "score", "programmes"]
UNCOVERED_COLUMNS = ["nom", "thematique", "tension", "intensite_moyenne", "acteurs", "score"]
STEP_COLUMNS = ["nom", "investisseurs", "phase", "nature", "territoires", "date_fin", "id"]
INVESTOR_COLUMNS = ["nom", "type", "programmes", "programmes_inactifs", "budget_eur", "id"]
ALLY_COLUMNS = ["nom", "type", "cases_communes", "cofinancements", "thematiques"]
ON_TRACK_COLUMNS = ["nom", "thematique", "acteurs", "score", "engagements"]
ECO_OPERATORS_DRAWN = 30  # the Sankey draws the operators that receive the most; a thousand would be a blur
ECO_ROWS = 100  # the Écosystème's tables show their first rows (largest first)


def pathways_view() -> None:
    """The missing links of support pathways, for field needs or the support ecosystem's own."""
    st.header(T.PATHWAY_HEADER)
    st.caption(T.PATHWAY_INTRO)
    left, right = st.columns(2)
    source = url_radio(left, T.PATHWAY_SOURCE, list(reference.SOURCES), "source", default="terrain",
                       format_func=reference.SOURCES.get, horizontal=True)
    level = url_radio(right, T.FILTER_LEVEL, list(base.LEVELS), "niveau", default="region",
                      format_func=T.LEVEL_LABELS.get, horizontal=True)
    if source == "ingenierie":
        st.info(T.PATHWAY_ECOSYSTEM_NOTE, icon=":material/engineering:")
    cells = within(q(pathways.pathways, snap.id, level=level, source=source), territory)
    if cells.empty:
        st.info(T.PATHWAY_NO_NEEDS)
        return
    kinds = charts.pathway_kind(cells).value_counts()
    for col, kind in zip(st.columns(4), [*pathways.MISSING_LINKS, "zone_blanche"]):
        col.metric(T.PATHWAY_METRICS[kind], number(int(kinds.get(kind, 0))), border=True,
                   help=T.PATHWAY_KIND_LABELS[kind])
    st.caption(T.FORMULAS["parcours"])
    st.caption(T.FORMULAS["maillon_manquant"])
    st.markdown(f"**{T.PATHWAY_HEATMAP}**")
    st.caption(T.PATHWAY_HEATMAP_CAPTION)
    st.plotly_chart(charts.pathway_heatmap(cells, theme_labels=themes, large=large), width="stretch",
                    config=charts.OFFLINE)
    every = charts.pathway_table(cells, theme_labels=themes)  # the heatmap's cells, each kind in words
    every[T.PATHWAY_COLUMNS["maillon_manquant"]] = charts.pathway_kind(cells).map(T.PATHWAY_KIND_LABELS).to_numpy()
    chart_table(every, f"parcours_cases_{source}_{level}")
    st.subheader(T.PATHWAY_RANKED)
    ranked = within(q(pathways.missing_links, snap.id, level=level, source=source), territory)
    show_table(charts.pathway_table(ranked, theme_labels=themes), f"maillons_manquants_{source}_{level}",
               empty=T.PATHWAY_NO_GAP, deciding=4)

    st.subheader(T.PATHWAY_CELL_HEADER)
    ordered = cells.assign(_gap=cells["maillon_manquant"].notna()).sort_values(["_gap", "score"], ascending=False)
    kind_of = dict(zip(ordered["territoire"] + "|" + ordered["thematique"], charts.pathway_kind(ordered)))
    name_of = dict(zip(ordered["territoire"], ordered["nom"]))
    cell = url_select(st, T.PATHWAY_CELL, ["", *kind_of], "case", default="", format_func=lambda k: (
        T.PATHWAY_CELL_OPTION.format(nom=name_of[k.split("|")[0]], theme=themes.get(k.split("|")[1], k.split("|")[1]),
                                     kind=T.PATHWAY_KIND_LABELS[kind_of[k]]) if k else T.NONE_CHOSEN))
    if not cell:
        st.caption(T.PATHWAY_CELL_PROMPT)
        return
    place, theme = cell.split("|")
    steps = q(pathways.pathway_programmes, snap.id, place, theme, level=level, source=source)
    show_table(charts.table_view(steps, STEP_COLUMNS, theme_labels=themes, headings=T.PROGRAMME_HEADINGS),
               f"parcours_{place}_{theme}", empty=T.PATHWAY_CELL_NONE, deciding=3)


PROSPECT = "nouveau"  # « se positionner » for an investor not yet in the inventory


def allies_table(allies, columns: list[str], name: str) -> None:
    """Likely allies, who then why, each with the link to its organisation page."""
    show_table(charts.table_view(allies.assign(fiche=organisation_links(allies["id"])), [*columns, "fiche"],
                                 theme_labels=themes, headings={**T.INVESTOR_HEADINGS, "fiche": T.ORG_HEADINGS["fiche"]}),
               name, empty=T.TOGETHER_NO_ALLIES, deciding=4, links={T.ORG_HEADINGS["fiche"]: T.ORG_LINK})


def prospect_view() -> None:
    """An investor preparing to join tries its themes, territories and audience (nothing is saved, the choices
    live in the URL only) and sees, as a member would, who already acts there and the white zones within reach."""
    st.caption(T.SCREEN_PROSPECT_INTRO)
    left, middle, right = st.columns(3)
    regions = {k: v for k, v in places.items() if not k.startswith("DEP-")}
    chosen_themes = url_multiselect(left, T.FILTER_THEMES, list(themes), "thematiques", format_func=themes.get,
                                    placeholder=T.FILTER_THEMES_PLACEHOLDER)
    chosen_places = url_multiselect(middle, T.SCREEN_PROSPECT_TERRITORIES, list(regions), "territoires",
                                    format_func=regions.get, placeholder=T.SCREEN_PROSPECT_TERRITORIES_PLACEHOLDER)
    public = url_select(right, T.FILTER_AUDIENCE, ["", *reference.AUDIENCES], "public", default="",
                        format_func=lambda k: reference.AUDIENCES.get(k, T.ALL_OPTION))
    if not chosen_themes and not chosen_places:
        st.info(T.SCREEN_PROSPECT_PROMPT)
        return
    st.header(T.TOGETHER_ALLIES, help=T.TOGETHER_ALLIES_HELP)
    allies = q(prospect.prospect_allies, snap.id, tuple(chosen_themes), tuple(chosen_places))
    allies_table(allies, ["nom", "type", "cases_communes", "thematiques"], "allies_nouveau")
    st.header(T.TOGETHER_UNCOVERED, help=T.TOGETHER_UNCOVERED_HELP)
    gaps = within(q(prospect.prospect_gaps, snap.id, tuple(chosen_themes), tuple(chosen_places),
                    public=public or None), territory)
    if gaps.empty:
        st.info(T.TOGETHER_NO_UNCOVERED)
    else:
        st.caption(T.FORMULAS["tension"])
        show_table(charts.table_view(gaps, UNCOVERED_COLUMNS, theme_labels=themes), "a_couvrir", filter=PROSPECT,
                   deciding=6)


def commitments_view() -> None:
    """The commitments board: by status, late ones first, the white zones they will close, the alliance premium;
    and the facilitator's form."""
    st.header(T.COMMIT_HEADER)
    st.caption(T.COMMIT_INTRO)
    items = q(followup.commitments, snap.id)
    if items.empty:
        st.info(T.COMMIT_NONE)
    else:
        board = q(followup.commitments_by_status, snap.id)
        counts = dict(zip(board["statut"], board["engagements"]))
        late = int(board["en_retard"].sum())
        cols = st.columns(len(counts) + 1)
        cols[0].metric(T.COMMIT_METRIC_LATE, number(late), border=True)
        for col, (status, n) in zip(cols[1:], counts.items()):
            col.metric(STATUTS[status], number(int(n)), border=True)
        if late:
            st.warning(counted(T.COMMIT_LATE_WARNING, n=late, as_of=date_text(snap.as_of)))
        st.caption(T.FORMULAS["en_retard"])
        st.plotly_chart(charts.commitment_bars(board, large=large), width="stretch", config=charts.OFFLINE)
        st.markdown(f"**{T.COMMIT_LIST}**")
        listed = within(items, territory, "territoires")
        if territory:
            st.caption(counted(T.SCREEN_COMMITMENTS_IN, n=len(listed), total=len(items), place=places[territory]))
        show_table(charts.commitment_table(listed, theme_labels=themes), "engagements", deciding=4,
                   filter=territory or None)

        st.subheader(T.COMMIT_ON_TRACK)
        st.caption(T.FORMULAS["en_voie_de_couverture"])
        zones = within(q(coverage.white_zones_with_commitments, snap.id), territory)
        on_track = zones[zones["en_voie_de_couverture"]]
        st.caption(counted(T.COMMIT_ON_TRACK_COUNT, on_track=len(on_track), total=len(zones),
                           remaining=len(zones) - len(on_track)))
        show_table(charts.table_view(on_track, ON_TRACK_COLUMNS, theme_labels=themes), "zones_en_voie_de_couverture",
                   empty=T.COMMIT_NO_ON_TRACK, deciding=5)

        st.subheader(T.COMMIT_PREMIUM)
        st.caption(T.FORMULAS["prime_alliance"])
        premium = q(followup.alliance_premium, snap.id)
        share, amount, detail = st.columns([1, 1, 2], vertical_alignment="center")
        share.metric(T.COMMIT_PREMIUM_COUNT, percent(premium["part_engagements"], "part_engagements"), border=True)
        amount.metric(T.COMMIT_PREMIUM_AMOUNT, percent(premium["part_montant"], "part_montant"), border=True)
        detail.caption(counted(T.COMMIT_PREMIUM_DETAIL, joint=premium["conjoints"], total=premium["engagements"],
                               joint_amount=premium["montant_conjoint"], amount=premium["montant_eur"]))
    commitment_form(snap, names, themes, places)
    follow_up(snap)


def ecosystem_view() -> None:
    """Who funds whom to deliver what: funders → operators → themes, the operators living on one funder, and
    the cells with needs where an operator is present but no active programme funds it there."""
    st.header(T.ECO_HEADER)
    st.caption(T.ECO_INTRO)
    flows = q(organisations.flows, snap.id)
    if flows.empty:
        st.info(T.ECO_NONE)
    else:
        st.markdown(f"**{T.ECO_FLOWS}**")
        drawn = organisation_charts.largest_flows(flows, ECO_OPERATORS_DRAWN)
        every = flows.loc[flows["etape"] == "financement", "cible"].nunique()
        if every > ECO_OPERATORS_DRAWN:
            st.caption(T.ECO_DRAWN.format(shown=number(ECO_OPERATORS_DRAWN), total=number(every)))
        st.plotly_chart(organisation_charts.ecosystem_sankey(drawn, theme_labels=themes, large=large),
                        width="stretch", config=charts.OFFLINE)
        st.caption(T.FORMULAS["flux"])
        show_table(organisation_charts.flow_table(drawn, theme_labels=themes), "ecosysteme_flux")
    ops = q(organisations.operators, snap.id)
    ops = ops.assign(fiche=organisation_links(ops["id"]))
    link = {T.ORG_HEADINGS["fiche"]: T.ORG_LINK}
    st.subheader(T.ECO_SINGLE)
    st.caption(T.FORMULAS["part_premier_financeur"])
    single = ops[ops["financeurs"] == 1].sort_values(["budget_eur", "id"], ascending=[False, True])
    if len(single) > ECO_ROWS:
        st.caption(T.ECO_ROWS_SHOWN.format(shown=number(ECO_ROWS), total=number(len(single))))
    show_table(organisation_charts.operator_table(single.head(ECO_ROWS), ["nom", "type", "premier_financeur", "programmes",
                                                           "budget_eur", "fiche"]),
               "operateurs_un_financeur", empty=T.ECO_SINGLE_NONE, links=link)
    st.markdown(f"**{T.ECO_DEPENDENCE}**")
    ranked = ops[ops["financeurs"] > 0].sort_values(["part_premier_financeur", "id"], ascending=[False, True])
    if len(ranked) > ECO_ROWS:
        st.caption(T.ECO_ROWS_SHOWN.format(shown=number(ECO_ROWS), total=number(len(ranked))))
    show_table(organisation_charts.operator_table(ranked.head(ECO_ROWS), ["nom", "type", "financeurs", "premier_financeur",
                                                           "part_premier_financeur", "budget_eur", "fiche"]),
               "operateurs_dependance", empty=T.ORG_NONE, links=link)
    st.subheader(T.ECO_PRESENT_UNFUNDED, help=T.ECO_PRESENT_UNFUNDED_HELP)
    st.caption(T.FORMULAS["operateurs_presents"])
    cells = q(organisations.present_unfunded_cells, snap.id)
    if len(cells) > ECO_ROWS:
        st.caption(T.ECO_ROWS_SHOWN.format(shown=number(ECO_ROWS), total=number(len(cells))))
    show_table(charts.table_view(cells.head(ECO_ROWS).rename(columns={"noms_operateurs": "operateurs_presents"}),
                                 ["nom_territoire", "thematique", "acteurs", "score", "operateurs_presents"],
                                 theme_labels=themes,
                                 headings={**T.ECO_HEADINGS, "operateurs_presents": T.ECO_HEADINGS["operateurs"]}),
               "operateurs_presents_non_finances", empty=T.ECO_PRESENT_UNFUNDED_NONE)


snap = require_snapshot()
large = workshop_mode()
st.title(T.TOGETHER_TITLE)
st.caption(T.TOGETHER_INTRO)
themes = theme_labels(snap.id)
investors = q(collective.investors, snap.id)
if investors.empty:
    st.info(T.TOGETHER_NO_INVESTORS)
    st.stop()
names = dict(zip(investors["id"], investors["nom"]))
views = {**T.TOGETHER_VIEWS, "ecosysteme": T.ECO_VIEW}
view = url_radio(st, T.FILTER_VIEW, list(views), "vue", default="paysage",
                 format_func=views.get, horizontal=True, label_visibility="collapsed")
places = {t.key: t.nom if t.level != "departement" else f"{t.nom} ({t.code})" for t in reference.territories().values()}
# the territory every view but the landscape can be narrowed to; it follows from page to page (ui.widgets.SHARED)
territory = "" if view == "paysage" else url_select(
    st, T.FILTER_TERRITORY, ["", *places], "territoire", default="",
    format_func=lambda k: places.get(k, T.SCREEN_ALL_TERRITORIES))

if view == "paysage":
    by_theme = q(collective.investor_themes, snap.id)
    if by_theme.empty:
        st.info(T.TOGETHER_NO_PROGRAMMES)
    else:
        st.header(T.TOGETHER_BY_THEME)
        st.plotly_chart(charts.investor_heatmap(by_theme, cols="thematique", value="programmes",
                                                value_label=T.TOGETHER_VALUE_PROGRAMMES, col_labels=themes,
                                                large=large), width="stretch", config=charts.OFFLINE)
        chart_table(charts.table_view(by_theme, ["nom", "thematique", "programmes"], theme_labels=themes,
                                      headings=T.INVESTOR_HEADINGS), "investisseurs_thematiques")
        st.header(T.TOGETHER_BY_REGION)
        by_region = q(collective.investor_regions, snap.id)
        st.plotly_chart(charts.investor_heatmap(by_region, cols="nom_territoire", value="thematiques",
                                                value_label=T.TOGETHER_VALUE_THEMES, col_title=T.CHART_TERRITORY,
                                                large=large), width="stretch", config=charts.OFFLINE)
        chart_table(charts.table_view(by_region, ["nom", "nom_territoire", "thematiques"],
                                      headings={**T.INVESTOR_HEADINGS, "thematiques": T.CHART_THEMES_COVERED}),
                    "investisseurs_regions")
    show_table(charts.table_view(investors.assign(fiche=organisation_links(investors["id"])), [*INVESTOR_COLUMNS, "fiche"],
                                 headings={**T.INVESTOR_HEADINGS, "fiche": T.ORG_HEADINGS["fiche"]}), "investisseurs",
               links={T.ORG_HEADINGS["fiche"]: T.ORG_LINK}, deciding=5)
    st.caption(T.FORMULAS["budget"])
    st.caption(T.FORMULAS["actif"])

elif view == "alliances":
    st.header(T.TOGETHER_ALLIANCES)
    st.caption(T.FORMULAS["alliance"])
    cells = within(q(collective.alliance_cells, snap.id), territory)
    show_table(charts.table_view(cells, ALLIANCE_COLUMNS, theme_labels=themes), "alliances",
               empty=T.TOGETHER_NO_ALLIANCE, deciding=4, filter=territory or None)
    st.header(T.TOGETHER_COFUNDING)
    co = q(collective.cofunding, snap.id)
    # in workshop mode the network takes the whole width, so that its names stay large and apart
    rate, network = (st.container(), st.container()) if large else st.columns([1, 3])
    rate.metric(T.TOGETHER_COFUNDING_RATE, percent(co["taux"], "taux"), border=True)
    rate.caption(counted(T.TOGETHER_COFUNDING_DETAIL, co=co["cofinances"], total=co["programmes"]))
    rate.caption(T.FORMULAS["cofinancement"])
    edges = q(collective.cofunding_edges, snap.id)
    with network:
        if edges.empty:
            st.info(T.TOGETHER_NO_COFUNDING)
        else:
            st.markdown(f"**{T.TOGETHER_NETWORK}**", help=T.TOGETHER_NETWORK_HELP)
            st.plotly_chart(charts.cofunding_network(edges, investors, large=large), width="stretch",
                            config=charts.OFFLINE)
    if not edges.empty:
        show_table(edges[["nom_source", "nom_cible", "programmes"]].rename(columns=T.COFUNDING_COLUMNS),
                   "cofinancements", deciding=3)

elif view == "parcours":
    pathways_view()

elif view == "engagements":
    commitments_view()

elif view == "ecosysteme":
    ecosystem_view()

else:  # se positionner
    investor = url_select(st, T.TOGETHER_PICK_INVESTOR, ["", *names, PROSPECT], "investisseur", default="",
                          format_func=lambda k: T.SCREEN_PROSPECT_OPTION if k == PROSPECT
                          else names.get(k, T.NONE_CHOSEN))
    if not investor:
        st.info(T.TOGETHER_PICK_PROMPT)
        st.stop()
    if investor == PROSPECT:
        prospect_view()
        st.stop()
    footprint = q(collective.investor_footprint, snap.id, investor)
    st.header(T.TOGETHER_FOOTPRINT)
    if footprint.empty:
        st.info(T.TOGETHER_NO_FOOTPRINT)
    else:
        own = investors[investors["id"] == investor].iloc[0]
        st.caption(counted(T.TOGETHER_FOOTPRINT_SUMMARY, programmes=own["programmes"],
                           territoires=footprint["territoire"].nunique(),
                           thematiques=footprint["thematique"].nunique()))
        st.plotly_chart(charts.footprint_map(footprint, large=large), width="stretch", config=charts.OFFLINE)
        counts = charts.footprint_counts(footprint)
        counts.insert(1, "nom", counts["territoire"].map(lambda k: reference.territories()[k].nom))
        chart_table(charts.table_view(counts, ["nom", "thematiques"], headings={"thematiques": T.CHART_THEMES_COVERED}),
                    f"empreinte_{investor}")
        st.caption(reference.MAP_ATTRIBUTION)
    # one above the other: side by side, at 1280 px, each table would hide the columns that say why
    allies_column, uncovered_column = st.container(), st.container()
    with allies_column:
        st.header(T.TOGETHER_ALLIES, help=T.TOGETHER_ALLIES_HELP)
        st.caption(T.FORMULAS["cases_communes"])
        allies = q(collective.likely_allies, snap.id, investor, level="region")
        allies_table(allies, ALLY_COLUMNS, f"allies_{investor}")
    with uncovered_column:
        st.header(T.TOGETHER_UNCOVERED, help=T.TOGETHER_UNCOVERED_HELP)
        uncovered = within(q(collective.uncovered_for, snap.id, investor), territory)
        if uncovered.empty:
            st.info(T.TOGETHER_NO_UNCOVERED)
        else:
            st.caption(T.FORMULAS["tension"])
            show_table(charts.table_view(uncovered, UNCOVERED_COLUMNS, theme_labels=themes), "a_couvrir",
                       filter=investor, deciding=6)
