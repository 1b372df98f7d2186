"""The support ecosystem's figures (inventory/analysis/organisations.py) on the hand-worked inventory of
tests/organisations_inventory.py."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from inventory.analysis import organisations as org
from tests import organisations_inventory as inv


@pytest.fixture
def sid(store, tmp_path):
    return inv.build(store, tmp_path)


def test_an_operator_depends_on_its_first_funder_share_of_equal_share_budgets(store, sid):
    ops = org.operators(store, sid).set_index("id")
    assert ops.loc["OP1", ["programmes", "financeurs", "budget_eur", "premier_financeur"]].tolist() == [
        2, 2, 1_300_000, "F1"]
    assert ops.loc["OP1", "part_premier_financeur"] == pytest.approx(800_000 / 1_300_000)
    assert ops.loc["OP2", ["programmes", "financeurs", "budget_eur", "premier_financeur"]].tolist() == [
        1, 1, 300_000, "F1"]  # P3 has ended
    assert ops.loc["OP2", "part_premier_financeur"] == 1
    assert ops.loc["OP3", "programmes"] == 0 and pd.isna(ops.loc["OP3", "part_premier_financeur"])
    assert list(org.single_funder_operators(store, sid)["id"]) == ["OP2"]


def test_flows_go_from_funders_to_operators_to_themes_and_what_enters_an_operator_leaves_it(store, sid):
    f = org.flows(store, sid)
    got = {(r.etape, r.source, r.cible): (r.montant_eur, r.programmes) for r in f.itertuples()}
    assert got == {
        ("financement", "F1", "OP1"): (650_000, 2), ("financement", "F2", "OP1"): (500_000, 1),
        ("financement", "F1", "OP2"): (150_000, 1),
        ("thematique", "OP1", "modele_socio_eco"): (1_000_000, 1), ("thematique", "OP1", "numerique"): (75_000, 1),
        ("thematique", "OP1", "competences"): (75_000, 1), ("thematique", "OP2", "numerique"): (75_000, 1),
        ("thematique", "OP2", "competences"): (75_000, 1)}
    assert f.loc[f["source"] == "F1", "nom_source"].iloc[0] == "Fondation Horizon (fictive)"


def test_cells_where_an_operator_is_present_but_unfunded(store, sid):
    cells = org.present_unfunded_cells(store, sid)
    assert [(r.territoire, r.thematique, r.score, list(r.operateurs), r.atteint) for r in cells.itertuples()] == [
        ("REG-84", "numerique", 10, ["OP1", "OP3"], True), ("DEP-69", "numerique", 8, ["OP3"], True),
        ("DEP-69", "juridique", 3, ["OP1", "OP2", "OP3"], False)]


def test_a_funder_profile(store, sid):
    progs = org.funded_programmes(store, sid, "F1")
    assert list(progs["id"]) == ["P1", "P2"] and progs["part_budget_eur"].sum() == 800_000
    assert progs["operateurs"].tolist() == ["Réseau Delta (fictif)", "Maison Epsilon (fictive) ; Réseau Delta (fictif)"]
    assert org.cofunders(store, sid, "F1")[["id", "programmes_communs"]].values.tolist() == [["F2", 1]]
    assert list(org.investor_commitments(store, sid, "F1")["id"]) == ["E1"]
    assert org.investor_results(store, sid, "F1")["beneficiaires"].tolist() == [40]


def test_an_operator_profile(store, sid):
    assert org.delivered_programmes(store, sid, "OP2")[["id", "actif"]].values.tolist() == [["P2", True], ["P3", False]]
    funders = org.operator_funders(store, sid, "OP1")
    assert funders[["id", "programmes", "budget_eur"]].values.tolist() == [["F1", 2, 800_000], ["F2", 1, 500_000]]
    assert funders["part"].tolist() == pytest.approx([800 / 1300, 500 / 1300])
    assert org.operator_cells(store, sid, "OP2")[["territoire", "thematique"]].values.tolist() == [
        ["DEP-69", "competences"], ["DEP-69", "numerique"]]


def test_an_investor_and_an_operator_with_one_siren_are_one_organisation(store, sid):
    orgs = {o["id"]: o for o in org.organisations(store, sid)}
    assert sorted(orgs) == ["F1", "F2", "F3", "OP1", "OP2", "OP3"]
    assert orgs["F3"]["roles"] == ["financeur", "operateur"] and orgs["F3"]["operateur"] == "OP4"
    assert orgs["F1"]["programmes_finances"] == ["P1", "P2"] and orgs["F2"]["programmes_finances"] == ["P1"]
    assert orgs["OP1"]["financeurs"] == ["F1", "F2"] and orgs["OP1"]["programmes_operes"] == ["P1", "P2"]
    assert orgs["OP1"]["part_premier_financeur"] == pytest.approx(800 / 1300)
    assert org.organisation(store, sid, "OP4")["id"] == "F3"


def test_the_command_line_lists_the_demo_operators_with_their_funders_and_dependence(tmp_path):
    db = tmp_path / "demo.duckdb"
    run = [sys.executable, "-m", "inventory"]
    subprocess.run([*run, "init", "--db", str(db)], check=True, capture_output=True)
    done = subprocess.run([*run, "organisations", "--db", str(db), "--json"], check=True, capture_output=True,
                          text=True)
    orgs = json.loads(done.stdout)
    assert all(set(o) == {"id", "nom", "roles", "siren", "siret", "rna", "programmes_finances", "programmes_operes",
                          "financeurs", "part_premier_financeur", "doublons_probables"} for o in orgs)
    operators = {o["id"]: (o["programmes_operes"], o["financeurs"], o["part_premier_financeur"])
                 for o in orgs if "operateur" in o["roles"]}
    # active on 30/06/2020 (demo.py): OPN1 P06 (INS2, FDN2, ENT1: 2 M each), P07 (INS1 12 M), P13 (FDN1 0,5 M), its P01
    # ended on 31/05 → INS1 12 / 18,5; OPN2 P04 (FDN3 1,5 M), P15 (ENT4, FDN3: 0,6 M each), P24 (FDN3, FDN1, ENT4:
    # 2/3 M each), P03 ended → FDN3 2,7667 / 4,7; OPT1 P09 and OPT3 P18 live on one foundation; OPT2 P21 (INS3, FDN2
    # halves: the first by id); OPT4 delivers nothing
    assert operators == {
        "OPN1": (["P06", "P07", "P13"], ["ENT1", "FDN1", "FDN2", "INS1", "INS2"], pytest.approx(12 / 18.5)),
        "OPN2": (["P04", "P15", "P24"], ["ENT4", "FDN1", "FDN3"], pytest.approx((1.5 + 0.6 + 2 / 3) / 4.7)),
        "OPT1": (["P09"], ["FDN2"], 1.0), "OPT2": (["P21"], ["FDN2", "INS3"], 0.5), "OPT3": (["P18"], ["FDN4"], 1.0),
        "OPT4": ([], [], None)}
