"""The importer on real files written into tmp_path: xlsx, ods and one CSV per sheet, as people save them."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import sys
from contextlib import contextmanager
from unittest import mock

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inventory import exports, importer, report
from inventory.importer import check, import_files, read_upload
from tests import builders as b
from tests.builders import CellError, content, errors, inventory_sheets, table_counts, write, write_csvs, write_xlsx

JUNE = dt.date(2020, 6, 30)
FORMATS = ["xlsx", "ods", "csv"]

EXPECTED_BESOINS = [  # the inventory of builders.BESOINS as stored
    {"territoire": "DEP-69", "source": "terrain", "thematique": "modele_socio_eco", "intensite": 4, "nb_acteurs": 3,
     "public": "association", "secteur": "culture", "date": dt.date(2020, 6, 1), "description": "Trésorerie",
     "odd": (8,), "id": "B1"},
    {"territoire": "REG-84", "source": "ingenierie", "thematique": "numerique", "intensite": 2, "nb_acteurs": 1,
     "public": None, "secteur": None, "date": None, "description": None, "odd": (), "id": "B2"},
    {"territoire": "FR", "source": "terrain", "thematique": "juridique", "intensite": 5, "nb_acteurs": 10,
     "public": "structure_ess", "secteur": "social", "date": dt.date(2020, 5, 15), "description": None,
     "odd": (16, 17), "id": "B3"},
]
EXPECTED_PROGRAMMES = [
    {"id": "P1", "nom": "Fonds national", "investisseurs": ("INV1", "INV2"), "phase": "urgence",
     "nature": ("subvention",), "thematiques": ("modele_socio_eco",), "territoires": ("FR",),
     "publics": ("association",), "budget_eur": 1_000_000.0, "date_debut": dt.date(2020, 3, 1),
     "date_fin": dt.date(2020, 12, 31), "odd": (8, 17), "url": None, "description": "Programme national"},
    {"id": "P2", "nom": "Numérique régional", "investisseurs": ("INV3",), "phase": "relance",
     "nature": ("formation", "outil"), "thematiques": ("numerique", "competences"), "territoires": ("REG-84",),
     "publics": (), "budget_eur": 25000.5, "date_debut": dt.date(2020, 4, 1), "date_fin": None, "odd": (9,),
     "url": "https://exemple.org/p2", "description": None},
]


def imported(store, tmp_path, sheets, fmt="xlsx", **kw):
    return import_files(store, write(fmt, tmp_path / fmt, sheets, **kw), as_of=JUNE, label="test")


# --- every format lands as the same inventory ------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_valid_workbook_becomes_the_active_snapshot(store, tmp_path, fmt):
    result = imported(store, tmp_path, inventory_sheets(), fmt)
    assert result.ok, result.errors
    assert result.counts == {"besoins": 3, "programmes": 2, "investisseurs": 3, "engagements": 0, "realisations": 0}
    assert result.carried_over == []
    assert store.active_snapshot_id() == result.snapshot_id
    got = content(store, result.snapshot_id)
    assert got["besoins"] == EXPECTED_BESOINS
    assert got["programmes"] == EXPECTED_PROGRAMMES
    assert [r["id"] for r in got["investisseurs"]] == ["INV1", "INV2", "INV3"]
    assert got["investisseurs"][0]["site_web"] == "https://exemple.org/alpha"
    assert len(got["thematiques"]) == 8  # the default themes
    snap = store.snapshot(result.snapshot_id)
    assert (snap.label, snap.as_of) == ("test", JUNE)


def test_who_when_which_file_and_its_sha256_are_recorded(store, tmp_path):
    paths = write("csv", tmp_path, inventory_sheets())
    result = import_files(store, paths)  # no --as-of: today, and a default label
    snap = store.snapshot(result.snapshot_id)
    digest = hashlib.sha256()
    for p in paths:
        digest.update(p.read_bytes())
    assert snap.sha256 == digest.hexdigest()
    assert snap.files == ", ".join(p.name for p in paths)
    assert snap.created_by
    assert snap.as_of == dt.date.today()
    assert snap.label == f"Inventaire au {dt.date.today():%d/%m/%Y}"
    assert abs((dt.datetime.now() - snap.created_at).total_seconds()) < 120


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


# --- values as people type them ---------------------------------------------------------------------------
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


def test_windows_1252_semicolon_csv_with_decimal_commas_and_accents(store, tmp_path):
    sh = inventory_sheets()
    sh["programmes"][2][8] = "25\u00a0000,5"  # French Excel: non-breaking space thousands, decimal comma
    sh["programmes"][2][1] = "Numérique régional – été"
    sh["besoins"].append(["Rhône", "terrain", "juridique", "3", "2", "Collectivités", "santé", "01/06/2020",
                          "Élan d'été", "8; 17", None])
    paths = write_csvs(tmp_path, sh, encoding="cp1252", sep=";", decimal=",")
    raw = paths[1].read_bytes()
    assert b"Num\xe9rique" in raw and b"25\xa0000,5" in raw  # really Windows-1252
    result = import_files(store, paths, as_of=JUNE)
    assert result.ok, result.errors
    got = content(store, result.snapshot_id)
    assert got["programmes"][1]["budget_eur"] == 25000.5
    assert got["programmes"][1]["nom"] == "Numérique régional – été"
    assert got["besoins"][-1] == {
        "territoire": "DEP-69", "source": "terrain", "thematique": "juridique", "intensite": 3, "nb_acteurs": 2,
        "public": "collectivite", "secteur": "santé", "date": dt.date(2020, 6, 1), "description": "Élan d'été",
        "odd": (8, 17), "id": None}


@pytest.mark.parametrize("options", [
    {"encoding": "utf-8", "bom": True, "sep": ";", "decimal": ","},
    {"encoding": "utf-8", "bom": False, "sep": ",", "decimal": "."},
    {"encoding": "utf-8", "bom": True, "sep": ",", "decimal": ".", "newline": "\n"},
    {"encoding": "cp1252", "sep": ",", "decimal": "."},
], ids=["utf8-bom-semicolon", "utf8-comma", "utf8-bom-comma-lf", "cp1252-comma"])
def test_csv_encodings_and_separators_are_detected(store, tmp_path, options):
    result = import_files(store, write_csvs(tmp_path, inventory_sheets(), **options), as_of=JUNE)
    assert result.ok, result.errors
    got = content(store, result.snapshot_id)
    assert got["besoins"] == EXPECTED_BESOINS
    assert got["programmes"] == EXPECTED_PROGRAMMES


@pytest.mark.parametrize("fmt", FORMATS)
def test_blank_rows_are_skipped_and_row_numbers_stay_those_of_the_spreadsheet(store, tmp_path, fmt):
    sh = inventory_sheets()
    sh["besoins"].insert(2, [])  # row 3 blank
    sh["besoins"].insert(3, [None, "", "  "])  # row 4 blank too
    sh["besoins"].append([])  # trailing blank rows
    sh["besoins"].append([])
    sh["besoins"].append(["DEP-13", "terrain", "numerique", 9, 1])  # row 9
    sh["besoins"].append([])
    result = imported(store, tmp_path, sh, fmt)
    assert not result.ok
    assert errors(result) == {("besoins", 9, "intensite", "9")}
    assert result.errors[0].message == "Intensité : 9 n'est pas entre 1 et 5"
    del sh["besoins"][-2]
    result = imported(store, tmp_path / "ok", sh, fmt)
    assert result.ok and result.counts["besoins"] == 3


# --- every problem at once --------------------------------------------------------------------------------
def bad_inventory():
    sh = inventory_sheets()
    sh["investisseurs"].append(["INV1", "Doublon", "fondation", None])  # row 5: duplicate id
    sh["investisseurs"].append(["INV4", "Banque", "banque", None])  # row 6: bad type
    sh["programmes"].append(["P3", "Mauvais", "INV9", "urgence", None, "inconnue", "Atlantide", None, "-5",
                             "30/06/2020", "01/06/2020", "18", None, None])  # row 4
    sh["programmes"].append(["P1", "Doublon", "INV1", "relance", None, "numerique", "FR", None, None, None, None,
                             None, None, None])  # row 5
    sh["besoins"].append([])  # row 5: blank
    sh["besoins"].append(["DEP-13", "terrain", "numerique", 7, 0, None, None, "demain", None, None, None])  # row 6
    sh["besoins"].append(["Atlantide", "terrain", "pas_un_theme", "3", 1, None, None, None, None, None, "B1"])  # 7
    sh["besoins"].append([None, "presse", "numerique", None, 1, None, None, None, None, None, None])  # row 8
    return sh


EXPECTED_PROBLEMS = {
    ("investisseurs", 5, "id", "INV1"),
    ("investisseurs", 6, "type", "banque"),
    ("programmes", 4, "investisseurs", "INV9"),
    ("programmes", 4, "thematiques", "inconnue"),
    ("programmes", 4, "territoires", "Atlantide"),
    ("programmes", 4, "budget_eur", "-5"),
    ("programmes", 4, "odd", "18"),
    ("programmes", 4, "date_fin", "01/06/2020"),
    ("programmes", 5, "id", "P1"),
    ("besoins", 6, "intensite", "7"),
    ("besoins", 6, "nb_acteurs", "0"),
    ("besoins", 6, "date", "demain"),
    ("besoins", 7, "territoire", "Atlantide"),
    ("besoins", 7, "thematique", "pas_un_theme"),
    ("besoins", 7, "id", "B1"),
    ("besoins", 8, "territoire", ""),
    ("besoins", 8, "source", "presse"),
    ("besoins", 8, "intensite", ""),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_problem_at_once_with_sheet_row_column_and_value(store, tmp_path, fmt):
    imported(store, tmp_path / "first", inventory_sheets(), fmt)
    before = table_counts(store)
    result = imported(store, tmp_path, bad_inventory(), fmt)
    assert not result.ok and result.snapshot_id is None
    assert errors(result) == EXPECTED_PROBLEMS
    assert table_counts(store) == before  # an upload with any error writes nothing


def test_problem_messages_are_french_sentences(store, tmp_path):
    result = imported(store, tmp_path, bad_inventory())
    msg = {(e.sheet, e.row, e.column): e.message for e in result.errors}
    assert msg[("besoins", 6, "intensite")] == "Intensité : 7 n'est pas entre 1 et 5"
    assert msg[("besoins", 6, "nb_acteurs")] == "Nombre d'acteurs : 0 doit être au moins 1"
    assert msg[("besoins", 8, "territoire")] == "Territoire : valeur obligatoire manquante"
    assert msg[("investisseurs", 5, "id")] == "identifiant « INV1 » en double (déjà utilisé ligne 2)"
    assert msg[("programmes", 5, "id")] == "identifiant « P1 » en double (déjà utilisé ligne 2)"
    assert msg[("programmes", 4, "investisseurs")] == (
        "investisseur « INV9 » inconnu : il doit figurer dans la feuille investisseurs")
    assert msg[("programmes", 4, "thematiques")].startswith("thématique « inconnue » inconnue (thématiques connues :")
    assert msg[("programmes", 4, "date_fin")] == (
        "Date de fin : la date de fin 01/06/2020 précède la date de début 30/06/2020")
    assert msg[("besoins", 7, "territoire")].startswith("Territoire : territoire « Atlantide » inconnu")
    assert all(e.message[0].isupper() or e.message.startswith(("identifiant", "investisseur", "thématique"))
               for e in result.errors)
    # the report is in sheet order, then row order
    order = [(["investisseurs", "programmes", "besoins"].index(e.sheet), e.row) for e in result.errors]
    assert order == sorted(order)


def test_the_column_is_reported_as_the_user_typed_it(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"][0][3] = "Intensité"
    sh["besoins"][1][3] = 6
    result = imported(store, tmp_path, sh)
    assert errors(result) == {("besoins", 2, "Intensité", "6")}


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_real_error_cells_are_reported_not_taken_for_blanks(store, tmp_path, fmt):
    sh = inventory_sheets()
    sh["besoins"][1][0] = CellError("#N/A")  # required column
    sh["besoins"][2][7] = CellError("#DIV/0!")  # optional date
    sh["programmes"][1][8] = CellError("#VALUE!")  # optional budget
    result = imported(store, tmp_path, sh, fmt)
    assert errors(result) == {("besoins", 2, "territoire", "#N/A"), ("besoins", 3, "date", "#DIV/0!"),
                              ("programmes", 2, "budget_eur", "#VALUE!")}
    assert all("erreur Excel" in e.message for e in result.errors)


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


def test_headers_below_the_first_row_are_explained(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"] = [["Inventaire des besoins au 30/06"], []] + sh["besoins"]
    result = imported(store, tmp_path, sh)
    assert [(e.sheet, e.row) for e in result.errors] == [("besoins", 3)]
    assert "ligne 1" in result.errors[0].message


def test_a_sheet_without_data_rows_is_refused(store, tmp_path):
    sh = inventory_sheets()
    sh["besoins"] = sh["besoins"][:1] + [[], []]
    result = imported(store, tmp_path, sh)
    assert [(e.sheet, e.message) for e in result.errors] == [
        ("besoins", "la feuille ne contient aucune ligne de données")]


# --- cross-references -------------------------------------------------------------------------------------
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


# --- partial uploads --------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_uploading_only_the_needs_carries_the_other_sheets_over(store, tmp_path, fmt):
    first = imported(store, tmp_path / "first", inventory_sheets(), fmt)
    needs = inventory_sheets()["besoins"][:2]
    result = imported(store, tmp_path / "needs", {"besoins": needs}, fmt)
    assert result.ok, result.errors
    assert sorted(result.carried_over) == ["investisseurs", "programmes"]
    assert result.counts == {"besoins": 1, "programmes": 2, "investisseurs": 3, "engagements": 0, "realisations": 0}
    before, after = content(store, first.snapshot_id), content(store, result.snapshot_id)
    assert after["programmes"] == before["programmes"]
    assert after["investisseurs"] == before["investisseurs"]
    assert after["thematiques"] == before["thematiques"]
    assert after["besoins"] == before["besoins"][:1]
    assert content(store, first.snapshot_id) == before  # the older snapshot is untouched


def test_programmes_only_are_checked_against_the_carried_investors(store, tmp_path):
    imported(store, tmp_path / "first", inventory_sheets())
    progs = inventory_sheets()["programmes"]
    progs[2][2] = "INV9"
    result = imported(store, tmp_path / "p", {"programmes": progs})
    assert errors(result) == {("programmes", 3, "investisseurs", "INV9")}


def test_a_partial_upload_without_an_active_snapshot_is_refused(store, tmp_path):
    result = imported(store, tmp_path, {"besoins": inventory_sheets()["besoins"]})
    assert not result.ok
    assert {e.sheet for e in result.errors} == {"investisseurs", "programmes"}
    assert all("absente" in e.message for e in result.errors)
    assert store.snapshots() == []


# --- bad files --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, data, expected", [
    ("inventaire.pdf", b"%PDF-1.4 ...", "format « .pdf » non pris en charge"),
    ("inventaire.xlsx", b"ceci n'est pas un classeur", "n'est pas un classeur lisible"),
    ("inventaire.xlsx", b"PK\x03\x04 tronque", "n'est pas un classeur lisible"),
    ("vieux.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ancien format Excel .xls"),
    ("besoins.csv", b"", "le fichier est vide"),
    ("besoins.csv", b'territoire;source\n"DEP-69;terrain\n', "guillemet"),
    ("notes.csv", b"a;b\n1;2\n", "aucune feuille reconnue"),
])
def test_bad_files_are_explained_never_crash(store, tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    result = import_files(store, [path], as_of=JUNE)
    assert not result.ok
    assert any(expected in e.message for e in result.errors), result.errors
    assert store.snapshots() == []


def test_the_same_sheet_twice_is_refused(store, tmp_path):
    csvs = write_csvs(tmp_path / "csv", inventory_sheets())
    book = write_xlsx(tmp_path / "b.xlsx", {"besoins": inventory_sheets()["besoins"]})
    result = import_files(store, [*csvs, book], as_of=JUNE)
    assert any("fournie deux fois" in e.message for e in result.errors)


def test_check_without_store_and_counts_of_a_clean_upload(tmp_path):
    paths = write("xlsx", tmp_path, inventory_sheets())
    checked = check(read_upload([(p.name, p.read_bytes()) for p in paths]))
    assert checked.ok
    assert checked.counts() == {"investisseurs": 3, "programmes": 2, "besoins": 3}


def test_refused_commit_writes_nothing(store, tmp_path):
    paths = write("xlsx", tmp_path, bad_inventory())
    checked = check(read_upload([(p.name, p.read_bytes()) for p in paths]), store)
    result = importer.commit(store, checked, label="x", as_of=JUNE)
    assert not result.ok and result.errors
    assert store.snapshots() == []


def test_a_large_needs_sheet_imports_quickly(store, tmp_path):
    """A smoke check of the vectorised path (the 100k-row bar is measured by the benchmarks)."""
    sh = inventory_sheets()
    header = sh["besoins"][0]
    terr = ["DEP-69", "Rhône", "REG-84", "FR", "974", "2A"]
    sh["besoins"] = [header] + [[terr[i % 6], "terrain", "numerique", 1 + i % 5, 1 + i % 3, None, None,
                                 dt.date(2020, 6, 1 + i % 28), None, "8", f"B{i}"] for i in range(5000)]
    result = imported(store, tmp_path, sh, "csv")
    assert result.ok and result.counts["besoins"] == 5000
    assert b.table_counts(store)["besoins"] == 5000


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


# --- the fast CSV path (pyarrow) reads exactly what the csv module reads -----------------------------------
@contextmanager
def python_csv_only():
    """The importer as it was before the fast path: every CSV read by the csv module."""
    with mock.patch.object(importer, "_read_csv_arrow", return_value=None):
        yield


def read_both(files):
    fast = read_upload(files)
    with python_csv_only():
        slow = read_upload(files)
    return fast, slow


def raw_rows(raw) -> tuple:
    return (raw.sheet, raw.name, raw.file, raw.headers, list(raw.rows.columns), raw.rows.index.tolist(),
            raw.rows.astype(object).to_numpy().tolist())


def assert_same_upload(fast, slow):
    assert [i.model_dump() for i in fast.issues] == [i.model_dump() for i in slow.issues]
    assert (fast.warnings, fast.sha256, list(fast.sheets)) == (slow.warnings, slow.sha256, list(slow.sheets))
    for key in fast.sheets:
        assert raw_rows(fast.sheets[key]) == raw_rows(slow.sheets[key])


def assert_same_check(a, b):
    assert [i.model_dump() for i in a.issues] == [i.model_dump() for i in b.issues]
    assert (a.warnings, a.carried_over, list(a.tables)) == (b.warnings, b.carried_over, list(b.tables))
    for sheet in a.tables:
        assert a.tables[sheet].equals(b.tables[sheet]), sheet


def takes_fast_path(data: bytes) -> bool:
    try:
        return isinstance(importer._read_csv(data), pa.Table)
    except importer.FileRefused:
        return False


def needs_csv(rows, *, sep=";", newline="\r\n", encoding="utf-8", bom=False) -> bytes:
    return b.csv_bytes([b.BESOINS[0], *rows], sep=sep, newline=newline, encoding=encoding, bom=bom, decimal=",")


NEED = ["DEP-69", "terrain", "numerique", 3, 1, None, None, "01/06/2020", None, "8", "N1"]


def need(**cells):
    row = list(NEED)
    for name, value in cells.items():
        row[b.BESOINS[0].index(name)] = value
    return row


FAST_CASES = {  # name → (bytes, read by pyarrow?)
    "quoted-separators-and-newlines": (needs_csv([
        need(description="a;b, « c »\tet \"guillemets\"", id="Q1"), need(description="ligne 1\nligne 2", id="Q2"),
        need(description="ligne 1\r\nligne 2\r\n", id="Q3"), need(description='"', id="Q4"),
        need(description='""', id="Q5"), need(secteur="  espaces autour  ", id="Q6")]), True),
    "crlf-bom": (needs_csv([need(id="C1"), need(id="C2")], bom=True), True),
    "lf-comma": (needs_csv([need(id="L1", odd="8;17"), need(id="L2", odd="1, 2")], sep=",", newline="\n"), True),
    "tabs": (needs_csv([need(id="T1", description="avec ; et ,")], sep="\t"), True),
    "old-mac-cr": (needs_csv([need(id="M1"), need(id="M2")], newline="\r"), True),
    "cp1252-accents": (needs_csv([need(territoire="Rhône", secteur="santé – œuvres", description="Élan à 5 €",
                                       id="W1")], encoding="cp1252"), True),
    "utf16-excel-unicode-text": (b"\xff\xfe" + needs_csv([need(id="U1", description="Été")], sep="\t")
                                 .decode().encode("utf-16-le"), True),
    "utf16-le-without-bom": (needs_csv([need(id="U2", description="Été")], sep="\t").decode().encode("utf-16-le"),
                             True),
    "utf16-be-without-bom": (needs_csv([need(id="U3")], sep=";").decode().encode("utf-16-be"), True),
    "trailing-blank-lines": (needs_csv([need(id="E1")]) + b"\r\n\r\n;;;;;;;;;;\r\n\r\n", True),
    "blank-rows-in-the-middle": (needs_csv([need(id="B1"), [], [None] * 11, ["", " ", "\u00a0", "\u3000"] + [""] * 7,
                                            need(id="B2", intensite=9)]), True),
    "no-final-newline": (needs_csv([need(id="F1")]).rstrip(b"\r\n"), True),
    "header-only": (needs_csv([]), True),
    "only-blank-rows": (needs_csv([[None] * 11, [None] * 11]), True),
    "unknown-and-blank-headers": (b"territoire;;source;thematique;intensite;Notes;\r\n69;x;terrain;numerique;3;y;\r\n",
                                  True),
    "ragged-short-row": (needs_csv([need(id="R1"), ["DEP-13", "terrain"], need(id="R2")]), False),
    "ragged-long-row": (needs_csv([need(id="R1"), need(id="R2") + ["en trop"]]), False),
    "whitespace-line": (needs_csv([need(id="S1")]) + b"   \r\n" + needs_csv([need(id="S2")]).split(b"\r\n", 1)[1],
                        False),
    "quote-inside-an-unquoted-cell": (b'territoire;source;thematique;intensite\r\n69;ter"rain;numerique;3\r\n', False),
    "text-after-a-closing-quote": (b'territoire;source;thematique;intensite\r\n69;"terrain"x;numerique;3\r\n', False),
    "unterminated-quote": (b'territoire;source;thematique;intensite\r\n69;"terrain;numerique;3\r\n', False),
    "unterminated-quote-one-column": (b'territoire\r\n"69\r\n', False),
    "two-boms": (b"\xef\xbb\xbf\xef\xbb\xbf" + needs_csv([need(id="D1")]), False),
    "cell-over-the-csv-field-limit": (needs_csv([need(description="x" * 200_000)]), False),
    "title-above-the-headers": (b"Inventaire des besoins au 30/06\r\n\r\n" + needs_csv([need(id="H1")]), True),
}


@pytest.mark.parametrize("name", list(FAST_CASES))
def test_fast_csv_path_reads_what_the_csv_module_reads(name):
    data, fast = FAST_CASES[name]
    assert takes_fast_path(data) is fast
    files = [("besoins.csv", data)]
    got, expected = read_both(files)
    assert_same_upload(got, expected)
    if fast and got.sheets:
        assert all(isinstance(t, pd.ArrowDtype) for t in got.sheets["besoins"].rows.dtypes)
    with python_csv_only():
        slow_check = check(expected)
    assert_same_check(check(got), slow_check)


def test_fast_csv_path_refuses_with_the_same_french_sentences():
    for name, detail in [("text-after-a-closing-quote", "guillemets mal placés"),
                         ("unterminated-quote", "un guillemet ouvert n'est jamais refermé"),
                         ("cell-over-the-csv-field-limit", "cellule")]:
        got, expected = read_both([("besoins.csv", FAST_CASES[name][0])])
        assert [i.message for i in got.issues] == [i.message for i in expected.issues]
        assert detail in got.issues[0].message and got.issues[0].kind == "fichier"


def test_fast_csv_path_keeps_row_numbers_across_blank_lines_and_quoted_newlines():
    data = needs_csv([need(id="A1", description="sur\ndeux lignes"), [], need(id="A2", intensite=9), [],
                      need(id="A3")]) + b"\r\n\r\n"
    assert takes_fast_path(data)
    up = read_upload([("besoins.csv", data)])
    assert up.sheets["besoins"].rows.index.tolist() == [2, 4, 6]
    checked = check(up)
    assert [(i.row, i.column, i.value) for i in checked.issues if i.sheet == "besoins"] == [(4, "intensite", "9")]


def test_report_and_annotated_workbook_are_the_same_from_either_csv_path(tmp_path):
    sh = bad_inventory()
    files = [(p.name, p.read_bytes()) for p in write_csvs(tmp_path, sh)]
    fast, slow = read_both(files)
    checked_fast = check(fast)
    with python_csv_only():
        checked_slow = check(slow)
    assert_same_check(checked_fast, checked_slow)
    for issue in checked_fast.issues:
        got = report.neighbourhood(fast.sheets[issue.sheet], issue)
        expected = report.neighbourhood(slow.sheets[issue.sheet], issue)
        assert (got is None) == (expected is None)
        if got is not None:
            assert got.frame.astype(object).equals(expected.frame.astype(object))
    from python_calamine import CalamineWorkbook

    def cells(data: bytes) -> dict:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}

    assert cells(exports.annotated_workbook(list(fast.sheets.values()), checked_fast.issues)) == cells(
        exports.annotated_workbook(list(slow.sheets.values()), checked_slow.issues))


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


def test_blank_is_judged_alike_in_arrow_and_in_python():
    spaces = importer._WHITESPACE
    assert spaces == "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    values = ["", " ", "\t\r\n", spaces, "x", " x ", "\u200b", "\ufeff", "_", spaces + "a", "\x00", None]
    got = importer._arrow_blank(pa.array(values, type=pa.string())).tolist()
    assert got == [importer.is_blank(v) for v in values]
    frame = pd.DataFrame({0: values, 1: ["", None] * (len(values) // 2)}, dtype=object)
    arrow = frame.astype(pd.ArrowDtype(pa.string()))
    assert importer._blank_rows(arrow).tolist() == importer._blank_rows(frame).tolist()


def test_an_invalid_theme_code_is_reported_not_a_crash(tmp_path):
    sh = inventory_sheets()
    sh["thematiques"] = [["code", "libelle"], ["#N/A", "Erreur"], ["mobilite", None]]
    checked = check(read_upload([(p.name, p.read_bytes()) for p in write_csvs(tmp_path, sh)]))
    assert {(i.sheet, i.row, i.column) for i in checked.issues} == {("thematiques", 2, "code"),
                                                                    ("thematiques", 3, "libelle")}


# Cells mixing every character the two readers could disagree on.
CELL = st.text(alphabet=st.sampled_from(list('ab ;,\t"\r\n\'é\u00a0\u2028\x85\ufeff\x0b')), max_size=8)


def python_rows(data: bytes) -> list[list[str]] | str:
    text = importer._decode(data)
    first = text.split("\n", 1)[0]
    delimiter = max(("\t", ";", ","), key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return importer._csv_detail(exc)


def compare_readers(data: bytes) -> None:
    """pyarrow's table, when the fast path takes the file, holds the csv module's rows (an empty line, [] for
    the csv module, is a row of "" for pyarrow: both blank); and the whole upload reads the same either way."""
    try:
        got = importer._read_csv(data)
    except importer.FileRefused:
        got = None
    if isinstance(got, pa.Table):
        rows = [list(r) for r in zip(*(c.to_pylist() for c in got.columns))] if got.num_columns else []
        expected = python_rows(data)
        assert isinstance(expected, list), expected
        assert len(rows) == len(expected)
        for a, e in zip(rows, expected):
            assert a == e or (e == [] and not any(a)), (a, e)
    fast, slow = read_both([("besoins.csv", data)])
    assert_same_upload(fast, slow)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(CELL, min_size=1, max_size=4), min_size=1, max_size=6),
       sep=st.sampled_from([";", ",", "\t"]), newline=st.sampled_from(["\r\n", "\n", "\r"]),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]), encoding=st.sampled_from(["utf-8", "cp1252"]),
       ragged=st.booleans())
def test_property_fast_path_equals_the_csv_module_on_written_files(rows, sep, newline, quoting, encoding, ragged):
    if not ragged:
        width = max(map(len, rows))
        rows = [r + [""] * (width - len(r)) for r in rows]
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator=newline, quoting=quoting).writerows(rows)
    text = buf.getvalue()
    if not text.strip():
        return
    compare_readers(text.encode(encoding, errors="replace"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from(list('ab ;"\r\n\té\ufeff')), min_size=1, max_size=40))
def test_property_fast_path_equals_the_csv_module_on_any_text(text):
    data = text.encode("utf-8")
    if not data.strip():
        return
    compare_readers(data)


# --- formulas saved without their result ---------------------------------------------------------------------
def test_formulas_saved_without_their_result_are_explained_not_taken_for_blanks(store, tmp_path):
    """A workbook written by a program (openpyxl here) and never opened in a spreadsheet holds formulas
    without results, which the reader sees as blanks: each is reported with its formula."""
    sh = inventory_sheets()
    sh["besoins"][1][4] = "=1+1"  # optional number: would silently become the default 1
    sh["besoins"][2][0] = '=CONCATENATE("DEP-","69")'  # required territory: would be "missing"
    result = imported(store, tmp_path, sh, "xlsx")
    assert errors(result) == {("besoins", 2, "nb_acteurs", "=1+1"),
                              ("besoins", 3, "territoire", '=CONCATENATE("DEP-","69")')}
    assert {e.message for e in result.errors} == {
        f"{label} : formule sans résultat enregistré (fichier produit par un programme) : ouvrez le fichier "
        "dans Excel ou LibreOffice et enregistrez-le, ou tapez la valeur" for label in ("Nombre d'acteurs", "Territoire")}


def test_formulas_with_their_saved_result_are_read_as_that_result(store, tmp_path):
    """As Excel or LibreOffice save them (xlsxwriter here, with the results given): the result is read."""
    import xlsxwriter

    sh = inventory_sheets()
    results = {("besoins", 1, 4): ("=1+2", 3), ("besoins", 2, 0): ('=CONCATENATE("DEP-","38")', "DEP-38")}
    path = tmp_path / "calcule.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    day = wb.add_format({"num_format": "dd/mm/yyyy"})
    for name, rows in sh.items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if (name, r, c) in results:
                    ws.write_formula(r, c, results[name, r, c][0], None, results[name, r, c][1])
                elif isinstance(value, dt.date):
                    ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), day)
                elif value is not None:
                    ws.write(r, c, value)
    wb.close()
    result = import_files(store, [path], as_of=JUNE, label="calculé")
    assert result.ok, result.errors
    needs = content(store, result.snapshot_id)["besoins"]
    assert (needs[0]["nb_acteurs"], needs[1]["territoire"]) == (3, "DEP-38")


@pytest.mark.parametrize("cell, formula", [
    ('<c r="B2"><f>1+1</f><v></v></c>', "=1+1"),  # openpyxl: an empty result on a number cell
    ('<c r="B2" s="3"><f>A1&amp;"x"</f></c>', '=A1&"x"'),  # no result at all
    ('<c r="B2"><f t="shared" si="0"/></c>', "=…"),  # a copy of a shared formula: its text is elsewhere
    ('<c r="B2" t="str"><f>IF(1&gt;2,"x","")</f><v></v></c>', None),  # Excel: the empty text is a result
    ('<c r="B2"><f>1+2</f><v>3</v></c>', None),
    ('<x:c r="B2"><x:f>1+1</x:f></x:c>', "=1+1"),  # a namespace prefix
])
def test_formula_cells_without_a_result_are_found_in_the_sheet_xml(cell, formula):
    from inventory.cell_errors import _uncalculated

    xml = f'<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c>{cell}</row></sheetData>' \
          '<dataValidations><dataValidation><formula1>"a,b"</formula1></dataValidation></dataValidations></worksheet>'
    assert _uncalculated(xml.encode()) == ({(1, 1): formula} if formula else {})


def test_a_refused_thematiques_sheet_does_not_make_its_themes_unknown_everywhere(store, tmp_path):
    """The sheet's own problem is reported once; rows using the themes it defines get no error on top."""
    sh = inventory_sheets()
    sh["thematiques"] = [["code", "intitule"], ["mobilite", "Mobilité"]]  # « libelle » misspelt
    sh["besoins"][1][2] = "mobilite"
    sh["besoins"][2][2] = "inconnue"  # a theme defined nowhere is still reported
    result = imported(store, tmp_path, sh)
    assert {(e.sheet, e.row, e.column) for e in result.errors} == {("thematiques", 1, "libelle"),
                                                                   ("besoins", 3, "thematique")}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_saved_without_its_bom_is_read(store, tmp_path, encoding):
    sheets = inventory_sheets()
    sheets["besoins"][1][8] = "Trésorerie d'été"
    reference = import_files(store, write_csvs(tmp_path / "utf8", sheets), as_of=JUNE, label="utf-8")
    result = import_files(store, write_csvs(tmp_path / encoding, sheets, encoding=encoding, sep="\t"),
                          as_of=JUNE, label=encoding)
    assert result.ok, result.errors
    assert content(store, result.snapshot_id) == content(store, reference.snapshot_id)
    assert content(store, result.snapshot_id)["besoins"][0]["description"] == "Trésorerie d'été"
