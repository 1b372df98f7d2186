"""Checking (inventory/checking): headers matched in any case, accent or language, every cell validated once
per distinct value, each problem reported with its row and the column as typed; Arrow and Python columns alike."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from inventory.intake.importer import check, import_files, read_upload
from tests.builders import content, errors, inventory_sheets, table_counts, write_csvs, write_xlsx
from tests.uploads import JUNE, bad_inventory, imported


def test_sheet_and_column_names_any_case_accent_space_or_english(store, tmp_path):
    base = imported(store, tmp_path / "a", inventory_sheets())
    sh = inventory_sheets()
    variant = {
        "Investors ": [["ID", "Name", "TYPE", " Website"]] + sh["investisseurs"][1:],
        "PROGRAMMES": [["Identifiant", "nom", "Investors", "Phase", "Support type", "Thèmes", "Territories",
                        "Audiences", "Budget (€)", "Start", "END", "SDG", "Lien", "Description"]] + sh["programmes"][1:],
        " Besoins": [["Territoire ", "SOURCE", "Thématique", "INTENSITÉ", "Nombre d’acteurs", "audience", "Secteur",
                      "date", "description", "ODD", "identifiant"]] + sh["besoins"][1:],
    }
    result = import_files(store, [write_xlsx(tmp_path / "v.xlsx", variant)], as_of=JUNE, label="test")
    assert result.ok, result.errors
    assert content(store, result.snapshot_id) == content(store, base.snapshot_id)



def test_columns_in_any_order_and_optional_columns_absent(store, tmp_path):
    sheets = {
        "investisseurs": [["type", "id", "nom"], ["fondation", "F1", "Fondation"]],
        "programmes": [["territoires", "thematiques", "phase", "investisseurs", "nom", "id"],
                       ["Rhône", "numerique", "relance", "F1", "Prog", "P1"]],
        "besoins": [["intensite", "thematique", "source", "territoire"], [3, "numerique", "terrain", "69"]],
    }
    result = imported(store, tmp_path, sheets)
    assert result.ok, result.errors
    need = content(store, result.snapshot_id)["besoins"][0]
    assert (need["territoire"], need["nb_acteurs"], need["odd"], need["id"]) == ("DEP-69", 1, (), None)
    prog = content(store, result.snapshot_id)["programmes"][0]
    assert (prog["territoires"], prog["nature"], prog["budget_eur"]) == (("DEP-69",), (), None)



def test_unknown_columns_and_sheets_are_ignored_with_a_warning(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"][0].append("Commentaire interne")
    sh["besoins"][1].append("à revoir")
    sh["Notes"] = [["libre"], ["texte"]]
    result = imported(store, tmp_path, sh)
    assert result.ok
    assert any("Commentaire interne" in w for w in result.warnings)
    assert any("Notes" in w for w in result.warnings)



def test_territories_any_spelling_and_overseas_lands(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"] = [sh["besoins"][0]] + [
        [t, "terrain", "numerique", 3, 1] for t in
        ["Rhône", "rhone", "DEP-69", "69", 69, "Auvergne-Rhône-Alpes", "REG-84", "2A", "1", "National", "FR",
         "La Réunion", "REG-04", "974", "la reunion"]]
    result = imported(store, tmp_path, sh)
    assert result.ok, result.errors
    got = [r["territoire"] for r in content(store, result.snapshot_id)["besoins"]]
    assert got == ["DEP-69"] * 5 + ["REG-84"] * 2 + ["DEP-2A", "DEP-01", "FR", "FR"] + ["DEP-974"] * 4



def test_dates_real_french_and_iso_numbers_french_and_english(store, tmp_path):
    sh = inventory_sheets()
    sh["programmes"][1][8:11] = ["1 234 567,5", "01/03/2020", "2020-12-31"]
    sh["programmes"][2][8:11] = ["25000.5", dt.date(2020, 4, 1), None]
    sh["besoins"][1][3:5] = ["4,0", "3"]
    result = imported(store, tmp_path, sh, "xlsx")
    assert result.ok, result.errors
    progs = content(store, result.snapshot_id)["programmes"]
    assert [(p["budget_eur"], p["date_debut"], p["date_fin"]) for p in progs] == [
        (1234567.5, dt.date(2020, 3, 1), dt.date(2020, 12, 31)), (25000.5, dt.date(2020, 4, 1), None)]
    assert content(store, result.snapshot_id)["besoins"][0]["intensite"] == 4



def test_blank_optional_cells_take_their_defaults(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"][1][4] = None  # nb_acteurs: 1 by default
    sh["besoins"][1][9] = None  # odd: no goal
    sh["programmes"][1][4] = None  # nature: none
    result = imported(store, tmp_path, sh, "ods")
    assert result.ok, result.errors
    got = content(store, result.snapshot_id)
    assert (got["besoins"][0]["nb_acteurs"], got["besoins"][0]["odd"]) == (1, ())
    assert got["programmes"][0]["nature"] == ()



def test_the_column_is_reported_as_the_user_typed_it(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"][0][3] = "Intensité"
    sh["besoins"][1][3] = 6
    result = imported(store, tmp_path, sh)
    assert errors(result) == {("besoins", 2, "Intensité", "6")}



def test_error_texts_in_csv_are_reported(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"][1][4] = "#N/A"
    result = imported(store, tmp_path, sh, "csv")
    assert errors(result) == {("besoins", 2, "nb_acteurs", "#N/A")}
    assert result.errors[0].message == (
        "Nombre d'acteurs : la cellule contient l'erreur Excel #N/A : remplacez-la par une valeur")



def test_missing_and_duplicated_columns_are_reported_on_row_one(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"] = [[c for i, c in enumerate(r) if i != 3] for r in sh["besoins"]]  # no intensite
    sh["investisseurs"][0][3] = "Nom"  # nom twice
    result = imported(store, tmp_path, sh)
    got = {(e.sheet, e.row, e.column) for e in result.errors}
    assert got == {("besoins", 1, "intensite"), ("investisseurs", 1, "Nom")}
    missing = next(e for e in result.errors if e.sheet == "besoins")
    assert missing.message.startswith("colonne obligatoire « intensite » absente de la feuille")



def test_an_invalid_theme_code_is_reported_not_a_crash(tmp_path):
    sh = inventory_sheets()
    sh["thematiques"] = [["code", "libelle"], ["#N/A", "Erreur"], ["mobilite", None]]
    checked = check(read_upload([(p.name, p.read_bytes()) for p in write_csvs(tmp_path, sh)]))
    assert {(i.sheet, i.row, i.column) for i in checked.issues} == {("thematiques", 2, "code"),
                                                                    ("thematiques", 3, "libelle")}



@pytest.mark.parametrize("sheets", [inventory_sheets, bad_inventory], ids=["clean", "with-problems"])
@pytest.mark.parametrize("with_store", [False, True], ids=["no-store", "store"])
def test_check_gives_the_same_report_and_tables_for_xlsx_and_csv(demo_store, tmp_path, sheets, with_store):
    """The same content typed in Excel or saved as CSV (read by pyarrow): same issues, rows, messages, tables."""
    book = write_xlsx(tmp_path / "inventaire.xlsx", sheets())
    csvs = write_csvs(tmp_path / "csv", sheets())
    from_xlsx = read_upload([(book.name, book.read_bytes())])
    from_csv = read_upload([(p.name, p.read_bytes()) for p in csvs])
    assert all(isinstance(t, pd.ArrowDtype) for raw in from_csv.sheets.values() for t in raw.rows.dtypes)
    store = demo_store if with_store else None
    a, c = check(from_xlsx, store), check(from_csv, store)
    assert [i.model_dump() for i in a.issues] == [i.model_dump() for i in c.issues]
    assert a.carried_over == c.carried_over
    assert list(a.tables) == list(c.tables)
    for sheet in a.tables:
        assert a.tables[sheet].equals(c.tables[sheet]), sheet
    assert bool(a.issues) == (sheets is bad_inventory)



def test_a_large_needs_sheet_imports_quickly(store, tmp_path):
    """A smoke check of the vectorised path (the 100k-row bar is measured by the benchmarks)."""
    sh = inventory_sheets()
    header = sh["besoins"][0]
    terr = ["DEP-69", "Rhône", "REG-84", "FR", "974", "2A"]
    sh["besoins"] = [header] + [[terr[i % 6], "terrain", "numerique", 1 + i % 5, 1 + i % 3, None, None,
                                 dt.date(2020, 6, 1 + i % 28), None, "8", f"B{i}"] for i in range(5000)]
    result = imported(store, tmp_path, sh, "csv")
    assert result.ok and result.counts["besoins"] == 5000
    assert table_counts(store)["besoins"] == 5000
