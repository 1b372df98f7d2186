"""Follow-through (docs/contract.md, texts.FORMULAS, README command line): commitments, support pathways and declared results, on the small
hand-checked inventory of tests/followup_inventory.py (snapshot of 30/06/2020)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from inventory.analysis import challenges, coverage, evolution, followup, pathways
from inventory import texts as T
from inventory.__main__ import main
from tests import followup_inventory as inv


@pytest.fixture
def followed(store):
    return store, inv.load(store)


def cell(frame, territoire, thematique):
    got = frame[(frame["territoire"] == territoire) & (frame["thematique"] == thematique)]
    assert len(got) == 1, (territoire, thematique)
    return got.iloc[0]


# --- pathways ------------------------------------------------------------------------------------------------
def test_each_missing_link_kind_is_named(followed):
    store, sid = followed
    p = pathways.pathways(store, sid)
    # 8 cells with needs at region level
    assert len(p) == 8
    # Occitanie × juridique: only P1 (urgence, subvention) reaches the Hérault need → the cliff after the emergency
    # (and money without accompaniment too; the cliff is named first)
    occ = cell(p, "REG-76", "juridique")
    assert (occ["programmes"], occ["urgence"], occ["relance"], occ["structurel"]) == (1, 1, 0, 0)
    assert occ["urgence_sans_suite"] and occ["argent_sans_accompagnement"]
    assert occ["maillon_manquant"] == "urgence_sans_suite"
    # Île-de-France × juridique: P5 (relance, subvention) → money without accompaniment
    assert cell(p, "REG-11", "juridique")["maillon_manquant"] == "argent_sans_accompagnement"
    # AURA × numerique: P2 (relance, accompagnement) reaches both needs; P4 ended on 31/05 and does not count
    aura = cell(p, "REG-84", "numerique")
    assert (aura["programmes"], aura["argent"], aura["accompagnement"]) == (1, 0, 1)
    assert aura["maillon_manquant"] == "accompagnement_sans_argent"
    assert list(aura["phases"]) == ["relance"] and list(aura["natures"]) == ["accompagnement"]
    # PACA × modele_socio_eco: P3 (FR, structurel, subvention + accompagnement) → a whole pathway
    paca = cell(p, "REG-93", "modele_socio_eco")
    assert paca["programmes"] == 1 and paca["maillon_manquant"] is None
    # a white zone is not a missing link
    assert cell(p, "REG-75", "cooperation")["programmes"] == 0
    assert cell(p, "REG-75", "cooperation")["maillon_manquant"] is None
    assert set(pathways.missing_links(store, sid)["territoire"] + "/" + pathways.missing_links(store, sid)["thematique"]) == {
        "REG-76/juridique", "REG-11/juridique", "REG-84/numerique"}
    assert set(T.MISSING_LINK_LABELS) == set(pathways.MISSING_LINKS)


def test_a_departement_programme_does_not_reach_a_regions_own_need(followed):
    store, sid = followed
    # N9 is an Île-de-France need at region level; P6 only lists the Hauts-de-Seine: coverage counts it for the
    # region's cell, but it reaches none of the cell's need rows, so the pathway is empty
    p = pathways.pathways(store, sid)
    assert cell(p, "REG-11", "numerique")["programmes"] == 0
    m = coverage.need_matrix(store, sid)
    assert cell(m, "REG-11", "numerique")["programmes"] == 1


def test_the_support_ecosystem_cells_get_the_same_reading(followed):
    store, sid = followed
    eco = pathways.pathways(store, sid, source="ingenierie")
    # only N7 (Haute-Garonne, competences, 2 actors × 3): nobody funds that engineering
    assert eco[["territoire", "thematique", "acteurs", "score", "programmes"]].values.tolist() == [
        ["REG-76", "competences", 2, 6, 0]]


def test_pathways_at_departement_level(followed):
    store, sid = followed
    p = pathways.pathways(store, sid, level="departement")
    # the Rhône's need (N2) and AURA's own need (N3) are separate rows, both reached by P2
    assert cell(p, "DEP-69", "numerique")["maillon_manquant"] == "accompagnement_sans_argent"
    assert cell(p, "REG-84", "numerique")["programmes"] == 1
    assert cell(p, "DEP-34", "juridique")["maillon_manquant"] == "urgence_sans_suite"


# --- commitments -----------------------------------------------------------------------------------------------
def test_late_dropped_and_joint_commitments(followed):
    store, sid = followed
    c = followup.commitments(store, sid).set_index("id")
    # late first: E2 (due 31/05, still envisaged at 30/06)
    assert followup.commitments(store, sid)["id"].iloc[0] == "E2"
    assert c["en_retard"].to_dict() == {"E2": True, "E3": False, "E4": False, "E1": False, "E5": False}
    # dropped and done are never late, even past their due date
    assert c.loc["E3", "statut"] == "abandonne" and c.loc["E4", "statut"] == "realise"
    # joint: E1 (A, B) and E4 (B, C); E5 cites A twice: one investor
    assert c["conjoint"].to_dict() == {"E2": False, "E3": False, "E4": True, "E1": True, "E5": False}
    assert c.loc["E5", "noms_investisseurs"] == "Fondation A (fictive)"
    # no date: the snapshot's
    assert c.loc["E5", "date"].date() == inv.AS_OF and c.loc["E1", "date"].date() == dt.date(2020, 4, 24)


def test_the_board_counts_by_status_and_the_alliance_premium(followed):
    store, sid = followed
    board = followup.commitments_by_status(store, sid)
    assert board.values.tolist() == [
        ["envisage", 1, 20_000.0, 1], ["engage", 2, 100_000.0, 0], ["realise", 1, 30_000.0, 0],
        ["abandonne", 1, 50_000.0, 0]]
    # 2 joint commitments of 5; 130 000 € (E1 100 000 + E4 30 000) of 200 000 €
    assert followup.alliance_premium(store, sid) == {
        "engagements": 5, "conjoints": 2, "part_engagements": 0.4, "montant_eur": 200_000.0,
        "montant_conjoint": 130_000.0, "part_montant": 0.65}


def test_white_zones_en_voie_de_couverture_and_those_that_would_remain(followed):
    store, sid = followed
    w = coverage.white_zones_with_commitments(store, sid)
    # REG-75 × cooperation: E1 (open); REG-76 × competences: E2 (open, Haute-Garonne counts for Occitanie);
    # REG-76 × numerique: only E3, dropped
    assert cell(w, "REG-75", "cooperation")["en_voie_de_couverture"]
    assert cell(w, "REG-76", "competences")["engagements"] == 1
    assert not cell(w, "REG-76", "numerique")["en_voie_de_couverture"]
    zones = coverage.white_zones_with_commitments(store, sid)
    on_track, remaining = zones[zones["en_voie_de_couverture"]], zones[~zones["en_voie_de_couverture"]]
    assert set(on_track["territoire"] + "/" + on_track["thematique"]) == {"REG-75/cooperation", "REG-76/competences"}
    assert "REG-76/numerique" in set(remaining["territoire"] + "/" + remaining["thematique"])
    assert not set(remaining["territoire"] + "/" + remaining["thematique"]) & set(
        on_track["territoire"] + "/" + on_track["thematique"])


def test_each_commitment_lists_the_white_zones_it_reaches(followed):
    store, sid = followed
    zones = followup.commitments(store, sid).set_index("id")["zones_blanches"].to_dict()
    assert zones == {
        "E1": [{"territoire": "REG-75", "thematique": "cooperation"}],
        "E2": [{"territoire": "REG-76", "thematique": "competences"}],
        "E3": [{"territoire": "REG-76", "thematique": "numerique"}],
        "E4": [], "E5": []}  # FR × juridique and AURA × numerique are covered


def test_the_matrix_counts_open_commitments_reaching_each_cell(followed):
    store, sid = followed
    m = coverage.need_matrix(store, sid)
    assert cell(m, "REG-75", "cooperation")["engagements"] == 1
    assert cell(m, "REG-76", "competences")["engagements"] == 1
    assert cell(m, "REG-76", "numerique")["engagements"] == 0  # dropped
    assert cell(m, "REG-11", "juridique")["engagements"] == 0  # E4 (FR) is done
    assert cell(m, "REG-84", "numerique")["engagements"] == 1  # E5
    d = coverage.need_matrix(store, sid, level="departement")
    assert cell(d, "DEP-31", "competences")["engagements"] == 1


def test_commitments_kept_late_and_dropped_between_two_snapshots(store):
    april = [dict(e, statut="engage") for e in inv.ENGAGEMENTS[:4]]
    store.write_snapshot(inv.tables(investisseurs=inv.INVESTISSEURS, programmes=inv.PROGRAMMES, besoins=inv.BESOINS,
                                    engagements=april), label="avril", as_of=dt.date(2020, 4, 30))
    before = store.active_snapshot_id()
    after = inv.load(store)
    got = evolution.compare_commitments(store, before, after).set_index("id")["changement"].to_dict()
    # E2 now late, E3 dropped, E4 done, E1 still open and on time, E5 new
    assert got == {"E1": "en_cours", "E2": "en_retard", "E3": "abandonne", "E4": "tenu", "E5": "nouveau"}


# --- results -----------------------------------------------------------------------------------------------------
def test_results_roll_up_from_departements_to_regions(followed):
    store, sid = followed
    r = followup.result_cells(store, sid)
    # PACA: 4 reached in the Bouches-du-Rhône + 2 at region level = 6, for 8 actors in need → 0.75
    paca = cell(r, "REG-93", "modele_socio_eco")
    assert (paca["acteurs"], paca["beneficiaires"], paca["taux_atteinte"], paca["montant_verse_eur"]) == (8, 6, 0.75, 50_000.0)
    # Occitanie × juridique: 3 of 5 → 0.6; AURA × numerique: 1 of 3 (N2 2 + N3 1)
    assert cell(r, "REG-76", "juridique")["taux_atteinte"] == 0.6
    assert cell(r, "REG-84", "numerique")["taux_atteinte"] == pytest.approx(1 / 3)
    d = followup.result_cells(store, sid, level="departement")
    assert cell(d, "DEP-13", "modele_socio_eco")["taux_atteinte"] == 0.5
    own = cell(d, "REG-93", "modele_socio_eco")  # the region's own row: results, no need → no rate
    assert own["beneficiaires"] == 2 and own["acteurs"] == 0 and own["taux_atteinte"] != own["taux_atteinte"]


def test_the_matrix_carries_beneficiaries_and_taux_atteinte(followed):
    store, sid = followed
    m = coverage.need_matrix(store, sid)
    assert (cell(m, "REG-93", "modele_socio_eco")[["beneficiaires", "taux_atteinte"]].tolist()) == [6, 0.75]
    assert cell(m, "REG-76", "juridique")["taux_atteinte"] == 0.6
    assert cell(m, "FR", "modele_socio_eco")["taux_atteinte"] is None  # no actor in need: no rate


def test_disbursed_beside_budgeted_by_programme_and_investor(followed):
    store, sid = followed
    prog = followup.disbursed_by_programme(store, sid).set_index("id")
    assert prog.loc["P3", ["montant_verse_eur", "budget_eur", "part_versee", "beneficiaires"]].tolist() == [
        50_000.0, 200_000.0, 0.25, 6]
    assert prog.loc["P1", "part_versee"] == 0.25
    assert prog.loc["P2", "part_versee"] != prog.loc["P2", "part_versee"]  # no budget: no share
    inv_ = followup.disbursed_by_investor(store, sid).set_index("investisseur")
    # A: P1 (40 000 / 10 000) + half of P3 (100 000 / 25 000); B: half of P3 + P2's 5 000 (no budget)
    assert inv_.loc["A", ["budget_eur", "montant_verse_eur"]].tolist() == [140_000.0, 35_000.0]
    assert inv_.loc["B", ["budget_eur", "montant_verse_eur"]].tolist() == [100_000.0, 30_000.0]


def test_results_by_sdg_use_the_programmes_sdgs_when_a_result_has_none(followed):
    store, sid = followed
    sdg = challenges.results_by_sdg(store, sid).set_index("odd")
    assert len(sdg) == 17
    # SDG 8: the Bouches-du-Rhône result (P3's SDG) and PACA's (its own 8 and 17); 16: P1's; 4: P2's result
    assert sdg.loc[8, ["resultats", "beneficiaires"]].tolist() == [2, 6]
    assert sdg.loc[17, ["resultats", "beneficiaires"]].tolist() == [1, 2]
    assert sdg.loc[16, "beneficiaires"] == 3 and sdg.loc[4, "beneficiaires"] == 1 and sdg.loc[1, "resultats"] == 0


def test_the_home_pages_two_lines(followed):
    store, sid = followed
    # 25 actors in need in all; 10 reached (3 + 4 + 2 + 1)
    assert followup.followup_summary(store, sid) == {"engagements": 5, "en_retard": 1, "acteurs": 25, "beneficiaires": 10,
                                               "taux_atteinte": 0.4}


def test_results_are_labelled_declared_never_audited():
    import inventory.texts as texts

    followup_texts = [v for k, v in vars(texts).items() if k.startswith(("FORMULA_", "DECLARED"))]
    assert all("audit" not in t.lower() for t in followup_texts)
    for key in ("beneficiaires", "taux_atteinte", "montant_verse", "resultats_odd"):
        assert "déclaré" in T.FORMULAS[key]


def test_an_inventory_without_commitments_or_results_has_empty_follow_through(store):
    sid = store.write_snapshot(inv.tables(investisseurs=inv.INVESTISSEURS, programmes=inv.PROGRAMMES,
                                          besoins=inv.BESOINS), label="sans suivi", as_of=inv.AS_OF)[0]
    assert followup.commitments(store, sid).empty
    assert followup.commitments_by_status(store, sid)["engagements"].tolist() == [0, 0, 0, 0]
    assert followup.alliance_premium(store, sid)["part_engagements"] is None
    m = coverage.need_matrix(store, sid)
    assert (m["engagements"] == 0).all() and (m["beneficiaires"] == 0).all()
    assert challenges.results_by_sdg(store, sid)["resultats"].sum() == 0


# --- command line ------------------------------------------------------------------------------------------------
def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_commitments_json_has_the_shape_of_design_section_6(followed, capsys):
    store, sid = followed
    store.close()
    code, out, err = run(capsys, "commitments", "--json", "--db", str(store.path))
    assert code == 0, err
    rows = json.loads(out)
    assert all(list(r) == ["id", "investisseurs", "thematiques", "territoires", "statut", "montant_eur", "date",
                           "echeance", "en_retard", "zones_blanches"] for r in rows)
    assert rows[0] == {"id": "E2", "investisseurs": ["C"], "thematiques": ["competences"], "territoires": ["DEP-31"],
                       "statut": "envisage", "montant_eur": 20000.0, "date": "2020-04-24", "echeance": "2020-05-31",
                       "en_retard": True, "zones_blanches": [{"territoire": "REG-76", "thematique": "competences"}]}
    e5 = next(r for r in rows if r["id"] == "E5")
    assert e5["montant_eur"] is None and e5["echeance"] is None and e5["date"] == "2020-06-30"


def test_pathways_json_one_row_per_cell_with_needs(followed, capsys):
    store, sid = followed
    store.close()
    code, out, err = run(capsys, "pathways", "--json", "--db", str(store.path))
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 8
    occ = next(r for r in rows if r["territoire"] == "REG-76" and r["thematique"] == "juridique")
    assert occ == {"territoire": "REG-76", "nom": "Occitanie", "thematique": "juridique", "acteurs": 5, "score": 20,
                   "programmes": 1, "phases": ["urgence"], "natures": ["subvention"], "urgence": 1, "relance": 0,
                   "structurel": 0, "argent": 1, "accompagnement": 0, "maillon_manquant": "urgence_sans_suite"}
    assert next(r for r in rows if r["territoire"] == "REG-93")["maillon_manquant"] is None
    code, out, _ = run(capsys, "pathways", "--json", "--level", "departement", "--source", "ingenierie",
                       "--db", str(store.path))
    assert code == 0 and [(r["territoire"], r["thematique"]) for r in json.loads(out)] == [("DEP-31", "competences")]


def test_matrix_json_gains_engagements_beneficiaires_taux_atteinte(followed, capsys):
    store, sid = followed
    store.close()
    code, out, err = run(capsys, "matrix", "--json", "--db", str(store.path))
    assert code == 0, err
    rows = json.loads(out)
    assert all({"engagements", "beneficiaires", "taux_atteinte"} <= set(r) for r in rows)
    paca = next(r for r in rows if r["territoire"] == "REG-93" and r["thematique"] == "modele_socio_eco")
    assert (paca["engagements"], paca["beneficiaires"], paca["taux_atteinte"]) == (0, 6, 0.75)
    national = next(r for r in rows if r["territoire"] == "FR")
    assert national["taux_atteinte"] is None


def test_commitments_and_pathways_without_a_snapshot_say_so(tmp_path, capsys):
    for command in ("commitments", "pathways"):
        code, _, err = run(capsys, command, "--db", str(tmp_path / "vide.duckdb"))
        assert code != 0 and T.CLI_NO_SNAPSHOT in err


# --- import: validation, carry-over, exports ---------------------------------------------------------------
from tests.builders import content, errors, inventory_sheets, write  # noqa: E402
from tests.uploads import imported  # noqa: E402

ENGAGEMENTS_SHEET = [
    ["id", "investisseurs", "thematiques", "territoires", "statut", "montant_eur", "date", "echeance", "programme",
     "session", "description"],
    ["E1", "INV1; INV2", "Juridique", "Occitanie", "Engagé", "1 500", dt.date(2020, 4, 24), dt.date(2020, 12, 31),
     None, "Séance du 24/04", None],
    ["E2", "INV3", "numerique", "69", "envisagé", None, None, None, "P2", None, None],
    ["E3", "INV1", "cooperation", "REG-75", "ABANDONNÉ", 0, None, None, None, None, None],
    [None, "INV2", "evaluation", "FR", "réalisé", None, None, None, None, None, "sans identifiant"],
]
REALISATIONS_SHEET = [
    ["programme", "territoire", "thematique", "beneficiaires", "montant_verse_eur", "date", "odd", "indicateur",
     "valeur", "commentaire"],
    ["P1", "rhône", "modele_socio_eco", 2, "10 000", dt.date(2020, 6, 30), "8", "structures aidées", 2, None],
    ["P2", "REG-84", "Compétences", 0, None, None, None, None, None, "déclaré par le porteur"],
]


def with_followup() -> dict:
    sh = inventory_sheets()
    sh["engagements"] = [list(r) for r in ENGAGEMENTS_SHEET]
    sh["realisations"] = [list(r) for r in REALISATIONS_SHEET]
    return sh


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_commitments_and_results_import_as_people_type_them(store, tmp_path, fmt):
    result = imported(store, tmp_path, with_followup(), fmt=fmt)
    assert result.ok, result.errors
    assert (result.counts["engagements"], result.counts["realisations"]) == (4, 2)
    got = content(store, result.snapshot_id)
    stored = store.sheet(result.snapshot_id, "engagements")
    assert stored["statut"].tolist() == ["engage", "envisage", "abandonne", "realise"]  # accents and case
    assert [list(t) for t in stored["territoires"]] == [["REG-76"], ["DEP-69"], ["REG-75"], ["FR"]]
    assert [list(t) for t in stored["thematiques"]] == [["juridique"], ["numerique"], ["cooperation"], ["evaluation"]]
    assert stored["montant_eur"].tolist()[0] == 1500.0
    res = store.sheet(result.snapshot_id, "realisations")
    assert res["territoire"].tolist() == ["DEP-69", "REG-84"] and res["thematique"].tolist()[1] == "competences"
    assert got["investisseurs"]  # the rest as usual


def test_every_follow_through_problem_is_reported_at_once(store, tmp_path):
    sh = with_followup()
    e, r = sh["engagements"], sh["realisations"]
    e[1][1] = "INV1; INV9"  # unknown investor
    e[2][8] = "P42"  # unknown programme
    e[2][4] = "promis"  # unknown status
    e[3][2] = "robotique"  # unknown theme
    e[3][3] = "Atlantide"  # unknown territory
    e[3][0] = "E1"  # duplicate id
    e[4][5] = "-5"  # negative amount
    e[4][6], e[4][7] = dt.date(2020, 6, 1), dt.date(2020, 5, 1)  # due before the decision
    r[1][0] = "P7"  # unknown programme
    r[2][2] = "juridique"  # P2 covers numerique and competences only
    r[2][3] = -1  # negative count
    r[1][4] = "-10"  # negative disbursement
    result = imported(store, tmp_path, sh)
    assert not result.ok
    assert errors(result) == {
        ("engagements", 2, "investisseurs", "INV9"),
        ("engagements", 3, "programme", "P42"),
        ("engagements", 3, "statut", "promis"),
        ("engagements", 4, "thematiques", "robotique"),
        ("engagements", 4, "territoires", "Atlantide"),
        ("engagements", 4, "id", "E1"),
        ("engagements", 5, "montant_eur", "-5"),
        ("engagements", 5, "echeance", "01/05/2020"),
        ("realisations", 2, "programme", "P7"),
        ("realisations", 3, "thematique", "juridique"),
        ("realisations", 3, "beneficiaires", "-1"),
        ("realisations", 2, "montant_verse_eur", "-10"),
    }
    messages = {(e.sheet, e.row, e.column): e.message for e in result.errors}
    assert messages[("engagements", 5, "echeance")] == (
        "Échéance : l'échéance 01/05/2020 précède la date de la décision 01/06/2020")
    assert messages[("realisations", 3, "thematique")] == (
        "le programme P2 ne couvre pas la thématique « juridique » (ses thématiques : competences, numerique)")
    assert messages[("engagements", 3, "programme")] == T.ERR_UNKNOWN_PROGRAMME.format(value="P42")
    assert store.snapshots() == []  # nothing written


def test_follow_through_sheets_are_carried_over_and_checked_against_the_active_snapshot(store, tmp_path):
    first = imported(store, tmp_path / "a", with_followup())
    assert first.ok, first.errors
    needs_only = imported(store, tmp_path / "b", {"besoins": inventory_sheets()["besoins"]})
    assert needs_only.ok and set(needs_only.carried_over) == {"investisseurs", "programmes", "engagements",
                                                              "realisations"}
    assert T.WARN_CARRIED.format(sheet="engagements") in needs_only.warnings
    assert content(store, needs_only.snapshot_id) == content(store, first.snapshot_id) | {
        "besoins": content(store, needs_only.snapshot_id)["besoins"]}
    assert store.sheet(needs_only.snapshot_id, "engagements").equals(store.sheet(first.snapshot_id, "engagements"))
    # a commitments-only upload is checked against the carried-over investors and programmes
    bad = [list(r) for r in ENGAGEMENTS_SHEET[:2]]
    bad[1][8] = "P9"
    refused = imported(store, tmp_path / "c", {"engagements": bad})
    assert errors(refused) == {("engagements", 2, "programme", "P9")}
    results_only = imported(store, tmp_path / "d", {"realisations": REALISATIONS_SHEET})
    assert results_only.ok, results_only.errors


def test_an_inventory_without_follow_through_reports_nothing_carried(store, tmp_path):
    first = imported(store, tmp_path / "a", inventory_sheets())
    later = imported(store, tmp_path / "b", {"besoins": inventory_sheets()["besoins"]})
    assert first.ok and later.ok and set(later.carried_over) == {"investisseurs", "programmes"}


@pytest.mark.parametrize("target", ["export.xlsx", "csv"])
def test_exports_include_commitments_and_results_and_reimport_as_is(store, tmp_path, target):
    from inventory.outputs.exports import export_snapshot
    from inventory.intake.importer import import_files
    from inventory.store import Store

    first = imported(store, tmp_path / "in", with_followup())
    paths = export_snapshot(store, first.snapshot_id, tmp_path / target)
    assert {p.stem for p in paths} >= {"engagements", "realisations"} or paths[0].suffix == ".xlsx"
    other = Store(tmp_path / "other.duckdb")
    try:
        again = import_files(other, paths, as_of=dt.date(2020, 6, 30))
        assert again.ok, again.errors
        for sheet in ("engagements", "realisations"):
            from tests.builders import plain
            assert plain(other.sheet(again.snapshot_id, sheet)) == plain(store.sheet(first.snapshot_id, sheet)), sheet
    finally:
        other.close()


def test_the_template_offers_statuses_investors_and_themes(tmp_path):
    import io

    import openpyxl

    from inventory.outputs.exports import template_bytes

    wb = openpyxl.load_workbook(io.BytesIO(template_bytes()))
    ws = wb["engagements"]
    formulas = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1 for dv in ws.data_validations.dataValidation}
    headers = [c.value for c in ws[1]]
    col = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(headers)}
    assert formulas[col["investisseurs"]] == "investisseurs!$A$2:$A$5000"
    assert formulas[col["programme"]] == "programmes!$A$2:$A$5000"
    assert formulas[col["thematiques"]].startswith("listes!")
    statuses = wb["listes"][formulas[col["statut"]].split("!")[1].replace("$", "")]
    assert [c.value for row in statuses for c in row] == ["envisage", "engage", "realise", "abandonne"]


def test_the_annotated_workbook_marks_follow_through_errors(store, tmp_path):
    import io

    import openpyxl

    from inventory.outputs.exports import annotated_workbook
    from inventory.intake.importer import check, read_upload

    sh = with_followup()
    sh["engagements"][2][4] = "promis"
    paths = write("xlsx", tmp_path, sh)
    checked = check(read_upload([(p.name, p.read_bytes()) for p in paths]), store)
    wb = openpyxl.load_workbook(io.BytesIO(annotated_workbook(checked.upload.sheets.values(), checked.issues)))
    ws = wb["engagements"]
    assert ws["E3"].value == "promis" and "n'est pas une valeur permise" in ws["E3"].comment.text


# --- noting a commitment during a session -------------------------------------------------------------------
def test_a_noted_commitment_becomes_a_snapshot_sharing_everything_else(followed):
    from inventory.intake.noting import note_commitment

    store, sid = followed
    before = {t: store.rows(f"SELECT count(*) FROM {t}_rows")[0][0] for t in ("besoins", "programmes", "realisations")}
    got = note_commitment(store, {"investisseurs": ["A", "C"], "thematiques": "numerique", "territoires": "Hérault",
                                  "statut": "engagé", "montant_eur": "12 000", "echeance": "31/12/2020",
                                  "session": "Séance du 30/06"}, at=dt.datetime(2020, 6, 30, 10, 42))
    assert got.ok, got.errors
    snap = store.snapshot(got.snapshot_id)
    assert snap.active and snap.label == "Séance du 30/06 – engagement noté à 10:42" and snap.as_of == inv.AS_OF
    assert snap.counts["engagements"] == 6 and snap.counts["besoins"] == 9 and snap.counts["realisations"] == 4
    # no need, programme or result row copied
    assert {t: store.rows(f"SELECT count(*) FROM {t}_rows")[0][0] for t in before} == before
    # the Hérault × numerique white zone is now en voie de couverture
    w = coverage.white_zones_with_commitments(store, got.snapshot_id)
    assert cell(w, "REG-76", "numerique")["en_voie_de_couverture"]
    assert followup.alliance_premium(store, got.snapshot_id)["conjoints"] == 3
    # undo: activate the previous snapshot
    store.activate(sid)
    assert followup.commitments(store, store.active_snapshot_id())["id"].tolist() == ["E2", "E3", "E4", "E1", "E5"]


def test_a_bad_commitment_is_explained_and_nothing_is_written(followed):
    from inventory.intake.noting import note_commitment

    store, sid = followed
    before = store.snapshots()
    got = note_commitment(store, {"id": "E1", "investisseurs": "Z", "thematiques": "numerique", "territoires": "FR",
                                  "statut": "promis", "date": "30/06/2020", "echeance": "01/06/2020"})
    assert not got.ok
    assert errors(got) == {("engagements", 2, "investisseurs", "Z"), ("engagements", 2, "statut", "promis"),
                           ("engagements", 2, "echeance", "01/06/2020")}
    duplicate = note_commitment(store, {"id": "E1", "investisseurs": "A", "thematiques": "numerique",
                                        "territoires": "FR", "statut": "engage"})
    assert errors(duplicate) == {("engagements", 2, "id", "E1")}
    assert store.snapshots() == before


def test_noting_twice_keeps_the_session_in_the_label(followed):
    from inventory.intake.noting import note_commitment

    store, _ = followed
    row = {"investisseurs": "A", "thematiques": "numerique", "territoires": "FR", "statut": "envisage"}
    first = note_commitment(store, row, at=dt.datetime(2020, 6, 30, 10, 0))
    second = note_commitment(store, row, at=dt.datetime(2020, 6, 30, 10, 5))
    assert store.snapshot(first.snapshot_id).label == "Suivi au 30/06 – engagement noté à 10:00"
    assert store.snapshot(second.snapshot_id).label == "Suivi au 30/06 – engagement noté à 10:05"
    assert store.snapshot(second.snapshot_id).counts["engagements"] == 7


def test_a_new_catalogue_leaves_out_commitments_that_no_longer_fit_and_says_so(followed, tmp_path):
    store, sid = followed
    # the builders' inventory has investors INV1–INV3 and programmes P1, P2: the commitments name A, B, C and a
    # result names P3
    result = imported(store, tmp_path, inventory_sheets())
    assert result.ok, result.errors
    assert "engagements" not in result.carried_over and "realisations" not in result.carried_over
    assert any(w.startswith("Feuille engagements non reprise : 5 lignes de l'inventaire actif citent") for w in result.warnings)
    assert store.snapshot(result.snapshot_id).counts["engagements"] == 0
    assert store.snapshot(sid).counts["engagements"] == 5  # still in the previous snapshot
    # a needs-only refresh of the old catalogue keeps carrying them
    store.activate(sid)
    later = imported(store, tmp_path / "needs", {"besoins": inventory_sheets()["besoins"]})
    assert later.ok and {"engagements", "realisations"} <= set(later.carried_over)


def test_a_cells_pathway_lists_the_programmes_it_counts(followed):
    store, sid = followed
    # Occitanie × juridique: P1 only (urgence, subvention, in the Hérault)
    assert pathways.pathway_programmes(store, sid, "REG-76", "juridique")["id"].tolist() == ["P1"]
    # Île-de-France × numerique: P6 sits in the Hauts-de-Seine and reaches none of the region's own need rows
    assert pathways.pathway_programmes(store, sid, "REG-11", "numerique").empty
    # AURA × numerique: P2 (P4 ended on 31/05); PACA × modele_socio_eco: P3 (national)
    assert pathways.pathway_programmes(store, sid, "REG-84", "numerique")["id"].tolist() == ["P2"]
    assert pathways.pathway_programmes(store, sid, "REG-93", "modele_socio_eco")["id"].tolist() == ["P3"]
    # the support ecosystem's own cell: nobody
    assert pathways.pathway_programmes(store, sid, "REG-76", "competences", source="ingenierie").empty


def test_the_matrix_if_commitments_are_honoured_keeps_only_the_remaining_white_zones(followed):
    store, sid = followed
    m = coverage.need_matrix_if_honoured(store, sid)
    # REG-75 × cooperation (E1) and REG-76 × competences (E2) are en voie de couverture; REG-76 × numerique
    # (only E3, dropped) stays white
    assert cell(m, "REG-75", "cooperation")[["zone_blanche", "en_voie_de_couverture"]].tolist() == [False, True]
    assert cell(m, "REG-76", "numerique")[["zone_blanche", "en_voie_de_couverture"]].tolist() == [True, False]
    zones = coverage.white_zones_with_commitments(store, sid)
    assert int(m["zone_blanche"].sum()) == int((~zones["en_voie_de_couverture"]).sum())
