"""The importer on real files written into tmp_path: xlsx, ods and one CSV per sheet, as people save them."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from inventory import importer
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
    assert result.counts == {"besoins": 3, "programmes": 2, "investisseurs": 3}
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
    assert result.counts == {"besoins": 1, "programmes": 2, "investisseurs": 3}
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
