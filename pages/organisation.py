"""Organisation: one investor or operator of the inventory, its roles, what it funds and what it delivers."""
import streamlit as st

from inventory import texts as T
from inventory.analysis import organisations as org
from ui.figures import charts
from inventory.outputs.organisation_charts import percent_column
from ui import (enter_through_app, number, organisation_links, percent, q, require_snapshot, show_table,
                theme_labels, url_select)

enter_through_app()  # first: a deep link on a fresh server runs this file alone

snap = require_snapshot()
themes = theme_labels(snap.id)
st.title(T.ORG_TITLE)
everyone = q(org.organisations, snap.id)
names = {o["investisseur"]: o["nom"] for o in everyone if o["investisseur"]}
names |= {o["operateur"]: o["nom"] for o in everyone if o["operateur"] and o["operateur"] not in names}
wanted = st.query_params.get("organisation")
if wanted and wanted not in names:
    st.warning(T.ORG_UNKNOWN.format(id=wanted))
chosen = url_select(st, T.ORG_PICK, ["", *names], "organisation", default="",
                    format_func=lambda k: names.get(k, T.NONE_CHOSEN) if k else T.NONE_CHOSEN)
if not chosen:
    st.info(T.ORG_PICK_PROMPT)
    st.stop()
one = org.find_organisation(everyone, chosen)

st.header(one["nom"])
st.caption(T.ORG_ROLES_LINE.format(roles=", ".join(T.ORG_ROLES[r] for r in one["roles"])))
none = T.ORG_NO_IDENTIFIER
st.caption(T.ORG_IDENTITY.format(siren=one["siren"] or none, siret=one["siret"] or none, rna=one["rna"] or none))
if one["doublons_probables"]:
    st.warning(T.ORG_PROBABLE_DUPLICATES.format(names=", ".join(names.get(i, i) for i in one["doublons_probables"])))

if one["investisseur"]:
    investor = one["investisseur"]
    st.subheader(T.ORG_AS_FUNDER)
    funded = q(org.funded_programmes, snap.id, investor)
    partners = q(org.cofunders, snap.id, investor)
    results = q(org.investor_results, snap.id, investor)
    cols = st.columns(4)
    cols[0].metric(T.ORG_METRIC_PROGRAMMES, number(len(funded)), border=True)
    cols[1].metric(T.ORG_METRIC_BUDGET, number(funded["part_budget_eur"].sum()), border=True)
    cols[2].metric(T.ORG_METRIC_COFUNDERS, number(len(partners)), border=True)
    cols[3].metric(T.ORG_METRIC_BENEFICIARIES, number(results["beneficiaires"].sum()), border=True)
    st.caption(T.FORMULAS["budget"])
    st.markdown(f"**{T.ORG_FUNDED_PROGRAMMES}**")
    show_table(charts.table_view(funded, ["id", "nom", "budget_eur", "part_budget_eur", "investisseurs", "operateurs"],
                                 headings=T.ORG_HEADINGS), f"programmes_finances_{investor}", empty=T.ORG_NONE)
    st.markdown(f"**{T.ORG_COFUNDERS}**")
    show_table(charts.table_view(partners.assign(fiche=organisation_links(partners["id"])),
                                 ["nom", "programmes_communs", "fiche"], headings=T.ORG_HEADINGS),
               f"cofinanceurs_{investor}", empty=T.ORG_NONE, links={T.ORG_HEADINGS["fiche"]: T.ORG_LINK})
    st.markdown(f"**{T.ORG_COMMITMENTS}**")
    show_table(charts.commitment_table(q(org.investor_commitments, snap.id, investor), theme_labels=themes),
               f"engagements_{investor}", empty=T.ORG_NONE)
    st.markdown(f"**{T.ORG_RESULTS}**")
    show_table(charts.table_view(results, ["programme", "nom", "nom_territoire", "thematique", "beneficiaires",
                                           "montant_verse_eur"], theme_labels=themes, headings=T.ORG_HEADINGS),
               f"realisations_{investor}", empty=T.ORG_NONE)

if one["operateur"]:
    operator = one["operateur"]
    st.subheader(T.ORG_AS_OPERATOR)
    delivered = q(org.delivered_programmes, snap.id, operator)
    funders = q(org.operator_funders, snap.id, operator)
    share = one["part_premier_financeur"]
    cols = st.columns(3)
    cols[0].metric(T.ORG_METRIC_DELIVERED, number(int(delivered["actif"].sum())), border=True)
    cols[1].metric(T.ORG_METRIC_FUNDERS, number(len(funders)), border=True)
    cols[2].metric(T.ORG_METRIC_DEPENDENCE, percent(share, "part_premier_financeur"), border=True)
    if share is not None:
        st.caption(T.ORG_DEPENDENCE_DETAIL.format(nom=funders["nom"].iloc[0],
                                                  share=percent(share, "part_premier_financeur"),
                                                  total=number(funders["budget_eur"].sum())))
    st.caption(T.FORMULAS["part_premier_financeur"])
    st.markdown(f"**{T.ORG_DELIVERED}**")
    show_table(charts.table_view(delivered, ["id", "nom", "actif", "budget_eur", "investisseurs"],
                                 headings=T.ORG_HEADINGS), f"programmes_operes_{operator}", empty=T.ORG_NONE)
    st.markdown(f"**{T.ORG_FUNDERS}**")
    show_table(charts.table_view(percent_column(funders, "part").assign(fiche=organisation_links(funders["id"])),
                                 ["nom", "programmes", "budget_eur", "part", "fiche"], headings=T.ORG_HEADINGS),
               f"financeurs_{operator}", empty=T.ORG_NONE, links={T.ORG_HEADINGS["fiche"]: T.ORG_LINK})
    st.markdown(f"**{T.ORG_CELLS}**")
    show_table(charts.table_view(q(org.operator_cells, snap.id, operator),
                                 ["nom_territoire", "thematique", "programmes"], theme_labels=themes,
                                 headings=T.ORG_HEADINGS), f"cases_{operator}", empty=T.ORG_NONE)
