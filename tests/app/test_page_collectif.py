"""Jouer collectif: who acts where, alliance opportunities, co-funding, and « se positionner » (numbers in tiny.py)."""
from __future__ import annotations

import pytest

from inventory.outputs import charts
from inventory import reference
from inventory import texts as T
from inventory.texts import FORMULAS
from tests.app.pagetools import (assert_clean, chart_configs, figures, map_values, maps, metrics, table, texts,
                                 values)

ALPHA, BETA = "Fondation Alpha (fictive)", "Institut Beta (fictif)"


@pytest.mark.parametrize("view", list(T.TOGETHER_VIEWS))
def test_every_view_of_the_demo_opens_without_error(demo_db, open_page, view):
    at = open_page(demo_db, "collectif", vue=view, investisseur="FDN3")
    assert_clean(at)
    assert figures(at)
    assert all(config == charts.OFFLINE for config in chart_configs(at))
    if maps(at):
        assert reference.MAP_ATTRIBUTION in texts(at)


def test_an_empty_inventory_is_one_sentence(empty_db, open_page):
    at = open_page(empty_db, "collectif")
    assert_clean(at)
    assert [i.value for i in at.info] == [T.NO_SNAPSHOT]


def test_investors_by_theme_count_their_active_programmes(tiny_db, open_page):
    at = open_page(tiny_db, "collectif")
    assert_clean(at)
    by_theme, by_region = (f["data"][0] for f in figures(at))
    assert by_theme["y"] == [ALPHA, BETA]
    assert [x.replace("<br>", " ") for x in by_theme["x"]] == ["Outils numériques", "Juridique"]
    assert values(by_theme["z"]) == [[1, None], [1, 1]]  # P1 for Alpha; P2 (two themes) for Beta; P3 has ended
    regions = dict(zip(by_region["y"], values(by_region["z"])))
    assert sum(v is not None for v in regions[ALPHA]) == 1  # Auvergne-Rhône-Alpes only
    assert all(v == 2 for v in regions[BETA])  # national: every region, two themes
    investors = table(at)
    # active programmes only (P3, co-funded by both, ended on 31/05: listed as not active); budgets of the active
    # ones, shared equally between co-funders: P1 10 000 → FA, P2 500 000 → IB (sum 510 000 = P1 + P2)
    assert investors[["Identifiant", "Programmes", T.TABLE_LABELS["programmes_inactifs"], "Budget (€)"]] \
        .values.tolist() == [["FA", 1, 1, 10_000.0], ["IB", 1, 1, 500_000.0]]
    assert FORMULAS["budget"] in texts(at)


def test_alliance_cells_and_cofunding_rate(tiny_db, open_page):
    at = open_page(tiny_db, "collectif", vue="alliances")
    assert_clean(at)
    alliances = table(at, 0)
    assert alliances[["Territoire", "Thématique", "Programmes", "Investisseurs", "Investisseurs présents"]] \
        .values.tolist() == [["Auvergne-Rhône-Alpes", "Outils numériques", 2, 2, f"{ALPHA} ; {BETA}"]]
    # the only co-funded programme, P3, ended on 31/05: 0 of the 2 active programmes
    assert metrics(at) == {T.TOGETHER_COFUNDING_RATE: "0,0\u202f%"}
    shown = texts(at)
    assert "0 programme cofinancé sur 2." in shown
    assert FORMULAS["alliance"] in shown and FORMULAS["cofinancement"] in shown
    assert T.TOGETHER_NO_COFUNDING in shown


def test_the_cofunding_network_of_the_demo_links_investors_of_active_programmes(demo_db, open_page):
    at = open_page(demo_db, "collectif", vue="alliances")
    assert_clean(at)
    assert metrics(at) == {T.TOGETHER_COFUNDING_RATE: "35,0\u202f%"}  # 7 of the 20 active programmes on 30/06
    assert "7 programmes cofinancés sur 20." in texts(at)
    assert figures(at)[0]["data"][-1]["text"]  # the network's nodes


def test_positioning_an_investor_shows_footprint_allies_and_reachable_white_zones(tiny_db, open_page):
    at = open_page(tiny_db, "collectif", vue="positionner", investisseur="FA")
    assert_clean(at)
    # active programmes only: P1 (P3 ended on 31/05)
    assert "1 programme, présent dans 1 territoire sur 1 thématique." in texts(at)
    assert map_values(maps(at)[0]) == {"REG-84": 1}
    assert reference.MAP_ATTRIBUTION in texts(at)
    allies = table(at, 0)
    # Beta's national P2 meets Alpha's P1 at region level in one cell, Auvergne-Rhône-Alpes × numerique (its
    # départements are not counted on top); the programme they co-funded, P3, has ended
    assert allies.iloc[:, :5].values.tolist() == [[BETA, "Institution", 1, 0, "Outils numériques"]]  # who, then why
    assert allies[T.ORG_HEADINGS["fiche"]].str.startswith("organisation?organisation=IB&").tolist() == [True]  # its page
    assert FORMULAS["cases_communes"] in texts(at)
    uncovered = table(at, 1)
    # white zones in the themes (numerique) or territories (REG-84) of its active programme
    assert uncovered[["Territoire", "Thématique", "Tension"]].values.tolist() == [
        ["Auvergne-Rhône-Alpes", "Modèle socio-économique et financement", 10.0]]


def test_an_investor_not_yet_in_the_inventory_tries_its_themes_and_territories_and_sees_the_same_answers(
        tiny_db, open_page):
    at = open_page(tiny_db, "collectif", vue="positionner", investisseur="nouveau")
    assert_clean(at)
    assert T.SCREEN_PROSPECT_PROMPT in texts(at)  # nothing chosen yet: nothing to cross
    # Alpha's own cells (numerique in Auvergne-Rhône-Alpes), chosen by hand: the answers Alpha gets as a member
    at = open_page(tiny_db, "collectif", vue="positionner", investisseur="nouveau", thematiques="numerique",
                   territoires="REG-84")
    assert_clean(at)
    allies = table(at, 0)
    # both investors reach Auvergne-Rhône-Alpes × numerique at region level (Beta through its national P2)
    assert sorted(allies.iloc[:, :4].values.tolist()) == [[ALPHA, "Fondation", 1, "Outils numériques"],
                                                          [BETA, "Institution", 1, "Outils numériques"]]
    uncovered = table(at, 1)
    assert uncovered[["Territoire", "Thématique", "Tension"]].values.tolist() == [
        ["Auvergne-Rhône-Alpes", "Modèle socio-économique et financement", 10.0]]
    assert at.query_params["investisseur"] == "nouveau"  # nothing saved: the choices live in the URL


def test_no_investor_chosen_asks_for_one(tiny_db, open_page):
    at = open_page(tiny_db, "collectif", vue="positionner")
    assert_clean(at)
    assert T.TOGETHER_PICK_PROMPT in texts(at)


def test_a_snapshot_without_programmes_is_sentences(no_programmes_db, open_page):
    at = open_page(no_programmes_db, "collectif")
    assert_clean(at)
    assert T.TOGETHER_NO_PROGRAMMES in texts(at)
    at = open_page(no_programmes_db, "collectif", vue="alliances")
    assert_clean(at)
    assert T.TOGETHER_NO_ALLIANCE in texts(at) and T.TOGETHER_NO_COFUNDING in texts(at)
    assert metrics(at) == {T.TOGETHER_COFUNDING_RATE: "0,0\u202f%"}
    at = open_page(no_programmes_db, "collectif", vue="positionner", investisseur="FA")
    assert_clean(at)
    shown = texts(at)
    assert T.TOGETHER_NO_FOOTPRINT in shown and T.TOGETHER_NO_ALLIES in shown and T.TOGETHER_NO_UNCOVERED in shown


def test_a_shared_url_reopens_the_same_investor_and_a_new_choice_updates_it(tiny_db, open_page):
    at = open_page(tiny_db, "collectif", vue="positionner", investisseur="IB")
    assert at.radio(key="url_vue").value == "positionner"
    assert at.selectbox(key="url_investisseur").value == "IB"
    assert "1 programme, présent dans 19 territoires sur 2 thématiques." in texts(at)
    at.selectbox(key="url_investisseur").set_value("FA").run()
    assert at.query_params["investisseur"] == "FA"
    assert map_values(maps(at)[0]) == {"REG-84": 1}
