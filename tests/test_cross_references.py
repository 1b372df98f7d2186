"""Cross-references (inventory/cross_references): unknown investors and themes, duplicate ids, themes by code or
label, against the upload's own sheets or the active snapshot's."""
from __future__ import annotations

from tests.builders import content, errors, inventory_sheets
from tests.uploads import imported


def test_cross_references_unknown_investor_theme_territory_and_duplicates(store, tmp_path):
    sh = inventory_sheets()
    sh["programmes"][2][2] = "INV3; INV7"
    sh["programmes"][2][5] = "numerique;robotique"
    sh["besoins"][2][2] = "Numérique"  # a theme's label matches too
    sh["besoins"][3][10] = "B1"
    result = imported(store, tmp_path, sh)
    assert errors(result) == {("programmes", 3, "investisseurs", "INV7"),
                              ("programmes", 3, "thematiques", "robotique"),
                              ("besoins", 4, "id", "B1")}



def test_themes_match_by_code_or_label_any_case(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"][1][2] = "MODELE_SOCIO_ECO"
    sh["besoins"][2][2] = "Numérique"
    sh["programmes"][2][5] = "Numérique ; Compétences"
    result = imported(store, tmp_path, sh)
    assert result.ok, result.errors
    got = content(store, result.snapshot_id)
    assert [r["thematique"] for r in got["besoins"]] == ["modele_socio_eco", "numerique", "juridique"]
    assert got["programmes"][1]["thematiques"] == ("numerique", "competences")



def test_thematiques_sheet_extends_the_themes(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"].append(["DEP-13", "terrain", "mobilite", 3, 1, None, None, None, None, None, "B4"])
    refused = imported(store, tmp_path / "without", sh)
    assert errors(refused) == {("besoins", 5, "thematique", "mobilite")}
    sh["thematiques"] = [["code", "libelle"], ["mobilite", "Mobilité solidaire"]]
    sh["programmes"][2][5] = "numerique;Mobilité solidaire"
    result = imported(store, tmp_path / "with", sh)
    assert result.ok, result.errors
    themes = content(store, result.snapshot_id)["thematiques"]
    assert [t["code"] for t in themes][-1] == "mobilite" and len(themes) == 9
    assert content(store, result.snapshot_id)["programmes"][1]["thematiques"] == ("numerique", "mobilite")
    # a later upload of needs only still knows the theme (carried over)
    later = imported(store, tmp_path / "later", {"besoins": sh["besoins"]})
    assert later.ok, later.errors



def test_duplicate_theme_codes_are_reported(store, tmp_path):
    sh = inventory_sheets()
    sh["thematiques"] = [["code", "libelle"], ["mobilite", "Mobilité"], ["mobilite", "Autre"]]
    result = imported(store, tmp_path, sh)
    assert errors(result) == {("thematiques", 3, "code", "mobilite")}



def test_programmes_only_are_checked_against_the_carried_investors(store, tmp_path):
    imported(store, tmp_path / "first", inventory_sheets())
    progs = inventory_sheets()["programmes"]
    progs[2][2] = "INV9"
    result = imported(store, tmp_path / "p", {"programmes": progs})
    assert errors(result) == {("programmes", 3, "investisseurs", "INV9")}



def test_a_refused_thematiques_sheet_does_not_make_its_themes_unknown_everywhere(store, tmp_path):
    """The sheet's own problem is reported once; rows using the themes it defines get no error on top."""
    sh = inventory_sheets()
    sh["thematiques"] = [["code", "intitule"], ["mobilite", "Mobilité"]]  # « libelle » misspelt
    sh["besoins"][1][2] = "mobilite"
    sh["besoins"][2][2] = "inconnue"  # a theme defined nowhere is still reported
    result = imported(store, tmp_path, sh)
    assert {(e.sheet, e.row, e.column) for e in result.errors} == {("thematiques", 1, "libelle"),
                                                                   ("besoins", 3, "thematique")}
