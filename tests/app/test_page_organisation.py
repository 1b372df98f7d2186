"""The organisation page and Jouer collectif › Écosystème on the hand-worked inventory of
tests/organisations_inventory.py (its docstring works the numbers out)."""
from __future__ import annotations

import pytest

from inventory import texts as T
from inventory.store import Store
from tests import organisations_inventory as inv
from tests.app.pagetools import assert_clean, figures, metrics, table, texts, values


@pytest.fixture(scope="module")
def org_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("organisations")
    store = Store(tmp / "inventory.duckdb")
    inv.build(store, tmp / "files")
    store.close()
    return tmp / "inventory.duckdb"


def test_a_funder_page_shows_its_programmes_cofunders_budget_commitments_and_results(org_db, open_page):
    at = open_page(org_db, "organisation", organisation="F1")
    assert_clean(at)
    assert at.header[0].value == "Fondation Horizon (fictive)"
    assert T.ORG_ROLES_LINE.format(roles="Financeur") in texts(at)
    # P1 1 000 000 shared with F2 → 500 000, P2 300 000 alone: 800 000; results declared on P2: 40
    assert metrics(at) == {T.ORG_METRIC_PROGRAMMES: "2", T.ORG_METRIC_BUDGET: "800\u202f000",
                           T.ORG_METRIC_COFUNDERS: "1", T.ORG_METRIC_BENEFICIARIES: "40"}
    assert table(at, 0)[T.ORG_HEADINGS["id"]].tolist() == ["P1", "P2"]
    cofunders = table(at, 1)
    assert cofunders[T.ORG_HEADINGS["nom"]].tolist() == ["Institut Beta (fictif)"]
    assert cofunders[T.ORG_HEADINGS["fiche"]].tolist() == ["organisation?organisation=F2&inventaire=1"]


def test_an_operator_page_shows_its_funders_cells_and_dependence(org_db, open_page):
    at = open_page(org_db, "organisation", organisation="OP1")
    assert_clean(at)
    # F1 800 000 of 1 300 000 = 61,5 %
    assert metrics(at) == {T.ORG_METRIC_DELIVERED: "2", T.ORG_METRIC_FUNDERS: "2", T.ORG_METRIC_DEPENDENCE: "61,5\u202f%"}
    assert T.ORG_DEPENDENCE_DETAIL.format(nom="Fondation Horizon (fictive)", share="61,5\u202f%", total="1\u202f300\u202f000") \
        in texts(at)
    assert T.FORMULAS["part_premier_financeur"] in texts(at)  # the Méthode page's sentence
    funders = table(at, 1)
    assert funders[[T.ORG_HEADINGS["nom"], T.ORG_HEADINGS["budget_eur"], T.ORG_HEADINGS["part"]]].values.tolist() == [
        ["Fondation Horizon (fictive)", 800_000, 61.5], ["Institut Beta (fictif)", 500_000, 38.5]]


def test_one_organisation_in_two_roles_shows_both(org_db, open_page):
    at = open_page(org_db, "organisation", organisation="OP4")  # F3's SIREN: the same organisation
    assert_clean(at)
    assert at.header[0].value == "Entreprise Gamma (fictive)"
    assert T.ORG_ROLES_LINE.format(roles="Financeur, Opérateur") in texts(at)
    assert [s.value for s in at.subheader] == [T.ORG_AS_FUNDER, T.ORG_AS_OPERATOR]


def test_an_unknown_organisation_is_one_sentence(org_db, open_page):
    at = open_page(org_db, "organisation", organisation="NOPE")
    assert_clean(at)
    assert [w.value for w in at.warning] == [T.ORG_UNKNOWN.format(id="NOPE")]


def test_ecosystem_flows_dependence_and_unfunded_presence(org_db, open_page):
    at = open_page(org_db, "collectif", vue="ecosysteme")
    assert_clean(at)
    shown = texts(at)  # each derived figure explained by the Méthode page's sentence
    assert all(T.FORMULAS[k] in shown for k in ("flux", "part_premier_financeur", "operateurs_presents"))
    sankey = next(f["data"][0] for f in figures(at) if f["data"][0]["type"] == "sankey")
    labels = sankey["node"]["label"]
    links = {(labels[s], labels[t]): v for s, t, v in zip(values(sankey["link"]["source"]),
                                                          values(sankey["link"]["target"]),
                                                          values(sankey["link"]["value"]))}
    assert links[("Fondation Horizon (fictive)", "Réseau Delta (fictif)")] == 650_000
    assert links[("Institut Beta (fictif)", "Réseau Delta (fictif)")] == 500_000
    assert links[("Réseau Delta (fictif)", "Modèle socio-économique et financement")] == 1_000_000
    flows = table(at, 0)
    assert len(flows) == 8 and flows[T.ECO_FLOW_COLUMNS["montant_eur"]].sum() == 2_600_000
    single = table(at, 1)
    assert single[T.ECO_HEADINGS["nom"]].tolist() == ["Maison Epsilon (fictive)"]
    assert single[T.ECO_HEADINGS["premier_financeur"]].tolist() == ["Fondation Horizon (fictive)"]
    dependence = table(at, 2)
    # each operator's link under the heading the page shows as links (raw addresses otherwise)
    assert single.columns[-1] == dependence.columns[-1] == T.ORG_HEADINGS["fiche"]
    assert dependence[T.ORG_HEADINGS["fiche"]].str.startswith("organisation?organisation=OP").all()
    assert dependence[[T.ECO_HEADINGS["nom"], T.ECO_HEADINGS["part_premier_financeur"]]].values.tolist() == [
        ["Maison Epsilon (fictive)", 100.0], ["Réseau Delta (fictif)", 61.5]]
    unfunded = table(at, 3)
    assert unfunded[[T.ECO_HEADINGS["nom_territoire"], T.ECO_HEADINGS["score"]]].values.tolist() == [
        ["Auvergne-Rhône-Alpes", 10], ["Rhône", 8], ["Rhône", 3]]


def test_the_investors_table_links_to_their_pages(org_db, open_page):
    at = open_page(org_db, "collectif")
    assert_clean(at)
    investors = table(at)
    assert investors[T.ORG_HEADINGS["fiche"]].tolist() == [f"organisation?organisation={i}&inventaire=1" for i in ("F1", "F2", "F3")]


def test_the_pages_speak_english_one_click_away(org_db, open_page):
    at = open_page(org_db, "organisation", organisation="OP1", lang="en")
    assert_clean(at)
    assert at.title[0].value == T.TABLES["en"]["ORG_TITLE"]
    assert set(metrics(at)) == {T.TABLES["en"][k] for k in ("ORG_METRIC_DELIVERED", "ORG_METRIC_FUNDERS",
                                                            "ORG_METRIC_DEPENDENCE")}
    at = open_page(org_db, "collectif", vue="ecosysteme", lang="en")
    assert_clean(at)
    assert T.TABLES["en"]["ECO_HEADER"] in [s.value for s in at.header]
    assert table(at, 0).columns.tolist() == list(T.TABLES["en"]["ECO_FLOW_COLUMNS"].values())


def test_the_demo_tells_the_ecosystem_story(demo_db, open_page):
    at = open_page(demo_db, "collectif", vue="ecosysteme")
    assert_clean(at)
    single = table(at, 1)[T.ECO_HEADINGS["nom"]].tolist()
    assert "Maison des associations du Rhône (fictive)" in single
    present = table(at, 3)[T.ECO_HEADINGS["operateurs"]].tolist()
    assert any("Agence solidaire des Hauts-de-France (fictive)" in (p or "") for p in present)


def test_an_investor_without_commitments_or_results_opens(demo_db, open_page):
    at = open_page(demo_db, "organisation", organisation="INS4")  # no commitment, no declared result
    assert_clean(at)
    assert at.header[0].value == "Fonds public d'innovation sociale (fictif)"
