"""Les trois défis: listen, train, evaluate — each with its demand, its first leads and its indicators."""
import streamlit as st

from inventory import reference
from inventory.analysis import base, challenges, followup, needs
from ui.figures import charts
from inventory import texts as T
from inventory.analysis.challenges import AUDIENCE_GROUPS
from inventory.analysis.base import NeedFilter
import ui
from ui import chart_table, enter_through_app, q, show_table, url_radio, url_tabs, workshop_mode

enter_through_app()  # first: a deep link on a fresh server runs this file alone

snap = ui.require_snapshot()
large = workshop_mode()
theme_labels = ui.theme_labels(snap.id)
sdg_names = reference.sdgs()
need_measures = ["acteurs", "score", "intensite_moyenne"]

st.title(T.DEFIS_TITLE)
st.caption(T.DEFIS_INTRO)
measure = url_radio(st, T.DEFIS_MEASURE, need_measures, "mesure", default="score",
                    format_func=T.MEASURE_LABELS.get, horizontal=True)
st.caption(T.FORMULAS[measure])


def challenge_text(challenge: dict) -> None:
    demand, leads = st.columns(2)
    demand.markdown(f"**{T.DEFIS_DEMAND}**")
    demand.write(challenge["exigence"])
    leads.markdown(f"**{T.DEFIS_LEADS}**")
    for lead in challenge["pistes"]:
        leads.markdown(f"- {lead}")
    st.divider()


def listen() -> None:
    st.header(T.DEFIS_LISTEN_HEADER)
    level = url_radio(st, T.DEFIS_LEVEL, list(base.LEVELS), "niveau", default="region",
                      format_func=T.LEVEL_LABELS.get, horizontal=True)
    by_territory = q(needs.needs_by_territory, snap.id, level=level, needs=NeedFilter(source="terrain"))
    if by_territory.empty:
        st.info(T.DEFIS_LISTEN_EMPTY)
        return
    st.caption(T.DEFIS_LISTEN_CAPTION)
    national = by_territory[by_territory["territoire"] == reference.NATIONAL]
    if not national.empty:
        st.caption(T.DEFIS_LISTEN_NATIONAL.format(acteurs=ui.number(national["acteurs"].iloc[0]),
                                                  score=ui.number(national["score"].iloc[0])))
    left, right = st.columns(2)
    left.plotly_chart(charts.france_map(by_territory, measure, level, large=large), width="stretch", config=charts.OFFLINE)
    left.caption(reference.MAP_ATTRIBUTION)
    right.plotly_chart(charts.ranked_bars(by_territory, label="nom", value=measure, large=large),
                       width="stretch", config=charts.OFFLINE)
    show_table(charts.table_view(by_territory, ["nom", "acteurs", "score", "intensite_moyenne", "territoire"]),
               "besoins_terrain_par_territoire", deciding=4)


def train() -> None:
    st.header(T.DEFIS_TRAIN_NEEDS_HEADER)
    by_theme = q(needs.needs_by_theme, snap.id, needs=NeedFilter(source="ingenierie"))
    if by_theme.empty:
        st.info(T.DEFIS_TRAIN_NEEDS_EMPTY)
    else:
        by_theme.insert(1, "libelle", by_theme["thematique"].map(theme_labels).fillna(by_theme["thematique"]))
        st.plotly_chart(charts.ranked_bars(by_theme, label="libelle", value=measure, large=large),
                        width="stretch", config=charts.OFFLINE)
        table = charts.table_view(by_theme.drop(columns="thematique"), [c for c in by_theme.columns if c != "thematique"],
                                  headings={"libelle": T.COLUMN_LABELS["thematique"]})
        show_table(table, "besoins_ingenierie_par_thematique", deciding=4)

    st.header(T.DEFIS_TRAIN_AUDIENCE_HEADER)
    offer = q(challenges.programmes_by_audience, snap.id)
    if offer.empty:
        st.info(T.DEFIS_TRAIN_AUDIENCE_EMPTY)
        return
    st.caption(T.DEFIS_TRAIN_AUDIENCE_CAPTION)
    st.plotly_chart(charts.audience_bars(offer, theme_labels=theme_labels, audience_labels=AUDIENCE_GROUPS,
                                         large=large), width="stretch", config=charts.OFFLINE)
    table = (offer.pivot_table(index="thematique", columns="public", values="programmes", aggfunc="sum")
             .reindex(index=[t for t in theme_labels if t in set(offer["thematique"])] or None,
                      columns=list(AUDIENCE_GROUPS))
             .fillna(0).astype(int).rename(columns=AUDIENCE_GROUPS))
    table.index = table.index.map(lambda code: theme_labels.get(code, code))
    show_table(table.rename_axis(T.COLUMN_LABELS["thematique"]).reset_index(), "programmes_par_public",
               deciding=1 + len(AUDIENCE_GROUPS))


def evaluate() -> None:
    st.header(T.DEFIS_EVAL_SDG_HEADER)
    coverage = q(challenges.sdg_coverage, snap.id)
    coverage.insert(1, "objectif", coverage["odd"].map(sdg_names))
    st.caption(T.DEFIS_EVAL_SDG_CAPTION)
    uncovered = coverage[(coverage["besoins"] > 0) & (coverage["programmes"] == 0)]
    if not uncovered.empty:
        st.warning(T.DEFIS_EVAL_UNCOVERED.format(
            odds=", ".join(f"{n} ({sdg_names.get(n, '')})" for n in uncovered["odd"])))
    if coverage["programmes"].sum() == 0:
        st.info(T.DEFIS_EVAL_NO_SDG)
        show_table(coverage.rename(columns=T.DEFIS_COLUMNS), "couverture_odd", deciding=5)
        return
    st.plotly_chart(charts.sdg_bars(coverage, sdg_names, large=large), width="stretch", config=charts.OFFLINE)
    show_table(coverage.rename(columns=T.DEFIS_COLUMNS), "couverture_odd", deciding=5)

    st.header(T.DEFIS_EVAL_HEATMAP_HEADER)
    by_investor = q(challenges.investor_sdgs, snap.id)
    st.caption(T.DEFIS_EVAL_HEATMAP_CAPTION)
    st.plotly_chart(charts.investor_sdg_heatmap(by_investor, sdg_names, large=large), width="stretch",
                    config=charts.OFFLINE)
    table = by_investor.assign(objectif=by_investor["odd"].map(sdg_names))
    table = table.rename(columns={**T.DEFIS_COLUMNS, "nom": T.CHART_INVESTOR})
    chart_table(table, "investisseurs_odd")


def evaluate_results() -> None:
    """Declared results: actors in need → actors reached, disbursed beside budgeted, results by SDG."""
    st.header(T.DEFIS_RESULTS_HEADER)
    st.caption(T.DECLARED_NOTE)
    summary = q(followup.followup_summary, snap.id)
    if not q(followup.disbursed_by_programme, snap.id).shape[0]:
        st.info(T.DEFIS_RESULTS_NONE)
        return
    level = url_radio(st, T.DEFIS_LEVEL, list(base.LEVELS), "niveau", default="region",
                      format_func=T.LEVEL_LABELS.get, horizontal=True)
    if summary["taux_atteinte"] is not None:
        st.markdown(T.DEFIS_RESULTS_TOTAL.format(beneficiaires=ui.number(summary["beneficiaires"]),
                                                 acteurs=ui.number(summary["acteurs"]),
                                                 taux=ui.percent(summary["taux_atteinte"], "taux_atteinte")))
    cells = q(followup.result_cells, snap.id, level=level)
    st.plotly_chart(charts.reach_bars(cells, theme_labels=theme_labels, large=large), width="stretch",
                    config=charts.OFFLINE)
    st.caption(T.FORMULAS["beneficiaires"])
    st.caption(T.FORMULAS["taux_atteinte"])
    show_table(charts.table_view(cells, ["nom", "thematique", "acteurs", "beneficiaires", "taux_atteinte",
                                         "montant_verse_eur"], theme_labels=theme_labels,
                                 headings={"acteurs": T.CHART_IN_NEED}), f"acteurs_atteints_{level}", deciding=5)

    st.header(T.DEFIS_DISBURSED_HEADER)
    st.caption(T.FORMULAS["montant_verse"])
    st.caption(T.FORMULAS["part_versee"])
    # one above the other: side by side, at 1280 px, each table would hide the columns that say how much
    by_programme, by_investor = st.container(), st.container()
    by_programme.markdown(f"**{T.DEFIS_DISBURSED_BY_PROGRAMME}**")
    show_table(charts.table_view(q(followup.disbursed_by_programme, snap.id),
                                 ["nom", "budget_eur", "montant_verse_eur", "part_versee", "beneficiaires", "actif",
                                  "id"], headings=T.PROGRAMME_HEADINGS),
               "verse_par_programme", where=by_programme, deciding=5)
    by_investor.markdown(f"**{T.DEFIS_DISBURSED_BY_INVESTOR}**")
    show_table(charts.table_view(q(followup.disbursed_by_investor, snap.id),
                                 ["nom", "budget_eur", "montant_verse_eur", "part_versee", "investisseur"],
                                 headings={**T.INVESTOR_HEADINGS, "investisseur": T.DEFIS_COLUMNS["investisseur"]}),
               "verse_par_investisseur", where=by_investor, deciding=4)

    st.header(T.DEFIS_RESULTS_SDG_HEADER)
    st.caption(T.FORMULAS["resultats_odd"])
    by_sdg = q(challenges.results_by_sdg, snap.id)
    by_sdg.insert(1, "objectif", by_sdg["odd"].map(sdg_names))
    shown = by_sdg[by_sdg["resultats"] > 0]
    st.plotly_chart(charts.ranked_bars(shown.assign(libelle=[f"{T.CHART_SDG_SHORT.format(n=int(n))} · {o}"
                                                             for n, o in zip(shown["odd"], shown["objectif"])]),
                                       label="libelle", value="beneficiaires", value_label=T.DEFIS_RESULTS_SDG_VALUE,
                                       large=large), width="stretch", config=charts.OFFLINE)
    show_table(charts.table_view(by_sdg, ["odd", "objectif", "resultats", "beneficiaires", "montant_verse_eur"],
                                 headings=T.DEFIS_COLUMNS), "realisations_par_odd", deciding=5)


def evaluate_all() -> None:
    evaluate()
    evaluate_results()


INDICATORS = {"ecouter": listen, "former": train, "evaluer": evaluate_all}
the_three = reference.challenges()
chosen, tabs = url_tabs({c["code"]: c["titre"] for c in the_three}, "defi")
for challenge in the_three:
    if challenge["code"] != chosen:  # only the chosen challenge is computed and drawn
        continue
    with tabs[chosen]:
        challenge_text(challenge)
        INDICATORS.get(challenge["code"], lambda: None)()
