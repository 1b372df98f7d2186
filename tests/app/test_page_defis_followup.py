"""Les trois défis › Évaluer: declared results — actors in need → actors reached (taux d'atteinte), disbursed
beside budgeted, results by SDG — on the hand-checked follow-through inventory (tests/followup_inventory.py,
numbers in tests/test_followup.py) and on the demo."""
from __future__ import annotations

import pytest

from inventory import reference
from inventory import texts as T
from tests.app.followup_db import build_followup
from tests.app.handmade import open_page, table, texts

PAGE = "pages/defis.py"
EVALUATE = [c["titre"] for c in reference.challenges()][2]


@pytest.fixture(scope="module")
def followup_db(tmp_path_factory):
    return build_followup(tmp_path_factory.mktemp("followup") / "inventory.duckdb")


def test_actors_reached_disbursed_and_results_by_sdg_are_declared(followup_db, monkeypatch):
    at = open_page(PAGE, followup_db, monkeypatch, {"defi": "evaluer"})
    assert not at.exception
    shown = texts(at.markdown) + texts(at.caption)
    assert T.DECLARED_NOTE in shown
    # 10 actors reached (3 + 4 + 2 + 1) for 25 in need: 40 %
    assert T.DEFIS_RESULTS_TOTAL.format(beneficiaires="10", acteurs="25", taux="40\u202f%") in shown
    for key in ("beneficiaires", "taux_atteinte", "montant_verse", "part_versee", "resultats_odd"):
        assert T.FORMULAS[key] in shown
    reach = {(r["Territoire"], r["Thématique"]): r for r in table(at, "Territoire").to_dict("records")}
    # PACA: 4 in the Bouches-du-Rhône + 2 at region level for 8 in need → 75 %; Occitanie × juridique 3 of 5
    paca = reach[("Provence-Alpes-Côte d'Azur", "Modèle socio-économique et financement")]
    assert (paca[T.CHART_IN_NEED], paca["Acteurs atteints (déclaré)"], paca["Taux d'atteinte (déclaré, %)"],
            paca["Montant versé (déclaré, €)"]) == (8, 6, 75.0, 50_000.0)
    assert reach[("Occitanie", "Juridique")]["Taux d'atteinte (déclaré, %)"] == 60.0
    by_programme = table(at, T.PROGRAMME_HEADINGS["nom"]).set_index("Identifiant")  # names first, codes last
    # P3: 50 000 € of 200 000 € (25 %), 6 reached; P2 has no budget: no share
    assert by_programme.loc["P3", ["Montant versé (déclaré, €)", "Budget (€)", "Part versée (déclaré, %)"]] \
        .tolist() == [50_000.0, 200_000.0, 25.0]
    by_investor = next(f.value for f in at.dataframe if list(f.value.columns)[-1] == T.DEFIS_COLUMNS["investisseur"]
                       and "Part versée (déclaré, %)" in f.value.columns).set_index(T.DEFIS_COLUMNS["investisseur"])
    # A: P1 40 000 / 10 000 + half of P3 100 000 / 25 000 → 35 000 of 140 000 (25 %)
    assert by_investor.loc["A", ["Budget (€)", "Montant versé (déclaré, €)", "Part versée (déclaré, %)"]] \
        .tolist() == [140_000.0, 35_000.0, 25.0]
    sdg_tables = [f.value for f in at.dataframe if "Réalisations déclarées" in f.value.columns]
    by_sdg = sdg_tables[0].set_index(T.DEFIS_COLUMNS["odd"])
    assert by_sdg.loc[8, ["Réalisations déclarées", "Acteurs atteints (déclaré)"]].tolist() == [2, 6]
    assert len(by_sdg) == 17
    # every heading of a result figure says it is declared, none says audited
    headings = [c for f in at.dataframe for c in f.value.columns]
    assert not [h for h in headings if "audit" in h.lower()]


def test_the_demo_evaluates_without_error_and_an_inventory_without_results_says_so(demo_db, tiny_db, monkeypatch):
    at = open_page(PAGE, demo_db, monkeypatch, {"defi": "evaluer"})
    assert not at.exception and T.DEFIS_RESULTS_HEADER in texts(at.header)
    at = open_page(PAGE, tiny_db, monkeypatch, {"defi": "evaluer"})
    assert not at.exception and T.DEFIS_RESULTS_NONE in texts(at.info)
