"""The import's preview and words (issue 23, part 6): the rows an upload changes against the active snapshot, the
annotated workbook coming back silently, what a catalogue upload was read as, the rows set aside named by their
aid, and every kind of file the uploader takes.

April → June (tests/app/handmade.py), worked out by hand:
  investisseurs  A, B, C in both                                   → no change
  programmes     P1 budget 1 000 → 2 000; P2 end – → 31/05/2020;   → 1 added (P4), 1 removed (P3), 2 changed
                 P3 gone; P4 new
  besoins        (no id: matched on territory, source, theme, audience, sector)
                 DEP-69 terrain numerique actors 3 → 5; DEP-01 gone → 1 removed, 1 changed
  thematiques    not uploaded: carried over, not compared
"""
from __future__ import annotations

import io

import openpyxl

from inventory import texts as T
from inventory.intake import importer, reading, report
from inventory.outputs import exports
from tests.app.handmade import APRIL_SHEETS, JUNE_SHEETS, april
from tests.builders import write_xlsx
from tests.test_catalogues import AIDS, THREE_W, page

NNBSP = "\u202f"  # French thousands


def checked(store, tmp_path, sheets, name="juin.xlsx"):
    return importer.check(importer.read_upload([(name, write_xlsx(tmp_path / name, sheets).read_bytes())]), store)


def by_sheet(changes):
    return {c.sheet: c for c in changes}


def test_the_preview_lists_the_rows_added_removed_and_the_cells_changed_per_sheet(store, tmp_path):
    april(store, tmp_path)
    june = checked(store, tmp_path, JUNE_SHEETS)
    assert june.ok, june.issues
    changes = by_sheet(report.row_changes(june, store))
    assert list(changes) == ["investisseurs", "programmes", "besoins"]  # thematiques carried over: not compared
    assert [report.changes_line(c) for c in changes.values()] == [
        "investisseurs : aucun changement", "programmes : 1 ajout, 1 retrait, 2 modifications",
        "besoins : 1 retrait, 1 modification"]
    c = T.PREVIEW_COLUMNS
    rows = report.changes_frame(changes["programmes"])[[c[k] for k in ("ligne", "changement", "colonne", "avant",
                                                                          "apres")]]
    assert rows.values.tolist() == [
        ["P4 · Coopérer", "ajout", "", "", ""],
        ["P3 · Atelier numérique", "retrait", "", "", ""],
        ["P1 · Numérique pour tous", "modification", "Budget (€)", f"1{NNBSP}000", f"2{NNBSP}000"],
        ["P2 · Aide juridique", "modification", "Date de fin", "–", "31/05/2020"],
    ]
    assert report.changes_frame(changes["besoins"]).values.tolist() == [
        ["Ain · terrain · juridique", "retrait", "", "", ""],
        ["Rhône · terrain · numerique", "modification", "Nombre d'acteurs", "3", "5"],
    ]
    assert changes["investisseurs"].rows == [] and not changes["programmes"].cut
    with T.speaking("en"):
        assert report.changes_line(changes["programmes"]) == "programmes: 1 added, 1 removed, 2 changed"


def test_needs_without_an_id_match_one_for_one_and_counts_are_exact_beyond_the_rows_listed(store, tmp_path):
    april(store, tmp_path)
    sheets = {k: [list(r) for r in v] for k, v in APRIL_SHEETS.items()}
    sheets["besoins"].append(["DEP-69", "terrain", "numerique", 4, 3, "9"])  # the same need typed a second time
    sheets["besoins"] += [["DEP-13", "terrain", "juridique", 1, n, None] for n in range(1, 4)]  # three new ones
    changes = by_sheet(report.row_changes(checked(store, tmp_path, sheets), store, limit=2))
    needs = changes["besoins"]
    # the first DEP-69 row matches April's one; the second, and the three DEP-13 ones, are added: 4, 2 listed
    assert needs.counts == {"ajoute": 4, "retire": 0, "modifie": 0} and len(needs.rows) == 2 and needs.cut
    assert changes["programmes"].total == 0


def test_results_and_commitments_without_an_id_are_matched_on_their_natural_key(store, tmp_path):
    results = [["programme", "territoire", "thematique", "beneficiaires"], ["P1", "FR", "numerique", 10]]
    commitments = [["investisseurs", "thematiques", "territoires", "statut"], ["A;B", "numerique", "REG-84", "envisage"]]
    april(store, tmp_path)
    first = checked(store, tmp_path, {**APRIL_SHEETS, "realisations": results, "engagements": commitments}, "r1.xlsx")
    importer.commit(store, first, label="avec suivi")
    results = [*results[:1], ["P1", "FR", "numerique", 12], ["P2", "REG-84", "juridique", 3]]
    commitments = [commitments[0], ["A;B", "numerique", "REG-84", "engagé"]]
    changes = by_sheet(report.row_changes(
        checked(store, tmp_path, {"realisations": results, "engagements": commitments}, "r2.xlsx"), store))
    assert list(changes) == ["engagements", "realisations"]  # the rest is carried over
    assert report.changes_frame(changes["realisations"]).values.tolist() == [
        ["P2 · Auvergne-Rhône-Alpes · juridique", "ajout", "", "", ""],
        ["P1 · France · numerique", "modification", "Bénéficiaires", "10", "12"]]
    assert report.changes_frame(changes["engagements"]).values.tolist() == [
        ["A ; B · numerique · Auvergne-Rhône-Alpes", "modification", "Statut", "envisage", "engage"]]


def test_a_first_import_adds_every_row(store, tmp_path):
    changes = by_sheet(report.row_changes(checked(store, tmp_path, APRIL_SHEETS, "avril.xlsx"), store))
    assert {s: c.counts["ajoute"] for s, c in changes.items()} == {"investisseurs": 3, "programmes": 3, "besoins": 6}


def test_the_annotated_workbook_fixed_in_a_spreadsheet_comes_back_without_a_word_about_its_annotations(
        store, tmp_path):
    april(store, tmp_path)
    sheets = {k: [list(r) for r in v] for k, v in APRIL_SHEETS.items()}
    sheets["besoins"][2][3] = 9  # D3, intensite: not within 1–5
    sheets["programmes"][1][2] = "A;Z"  # C2, investisseurs: Z is nobody
    refused = checked(store, tmp_path, sheets, "inventaire.xlsx")
    assert len(refused.issues) == 2
    aside = [{"sheet": "aides.json", "row": 4, "value": "Montpellier", "message": "Plus fin qu'un département"}]
    annotated = exports.annotated_workbook(list(refused.upload.sheets.values()), refused.issues, aside)
    book = openpyxl.load_workbook(io.BytesIO(annotated))
    assert {T.SET_ASIDE_SHEET, "lisez-moi", "listes"} <= set(book.sheetnames)  # its own sheets, and the errors
    assert book["besoins"].cell(1, len(APRIL_SHEETS["besoins"][0]) + 1).value == T.ANNOTATED_ERRORS_COLUMN
    book["besoins"]["D3"] = 2  # the facilitator fixes the two cells, leaves the rest as the tool wrote it
    book["programmes"]["C2"] = "A;B"
    fixed = io.BytesIO()
    book.save(fixed)
    again = importer.check(importer.read_upload([("erreurs_inventaire.xlsx", fixed.getvalue())]), store)
    assert again.ok, again.issues
    assert again.warnings == []
    assert again.counts() == {"investisseurs": 3, "programmes": 3, "besoins": 6}


def test_a_catalogue_upload_says_which_catalogues_it_recognised_and_how_many_rows(demo_store):
    files = [("aides.json", page(AIDS)), ("3w.csv", THREE_W.encode())]
    both = importer.check(importer.read_upload(files), demo_store)
    # AIDS holds 8 aids, THREE_W 5 data rows under its hashtags
    assert report.catalogues_recognised(both) == "2 catalogues reconnus : aides-territoires (8 aides), 3W HXL (5 lignes)"
    with T.speaking("en"):
        assert report.catalogues_recognised(both) == "2 catalogues recognised: aides-territoires (8 aids), 3W HXL (5 rows)"
    one = importer.check(importer.read_upload([("aides.json", page(AIDS[:1]))]), demo_store)
    assert report.catalogues_recognised(one) == "1 catalogue reconnu : aides-territoires (1 aide)"


def test_rows_set_aside_name_the_aid_and_where_it_is_first_by_position_in_json_by_line_in_a_sheet(demo_store):
    files = [("aides.json", page(AIDS)), ("3w.csv", THREE_W.encode())]
    _, _, aside = report.catalogue_frames(importer.check(importer.read_upload(files), demo_store))
    a = T.IMP_SET_ASIDE_COLUMNS
    assert list(aside.columns) == [a["item"], a["message"], a["value"], a["sheet"], a["row"]]
    first = aside.iloc[0]
    assert (first[a["item"]], first[a["row"]], first[a["message"]]) == (
        "104 · Numériser la médiathèque", "aide n° 4 du fichier", T.SET_ASIDE_FINER.format(scale="Commune"))
    croix_rouge = aside[aside[a["sheet"]] == "3w.csv"].iloc[0]
    assert (croix_rouge[a["item"]], croix_rouge[a["row"]]) == ("Croix-Rouge – Soins de premier secours", "ligne 6")


def test_the_uploader_names_every_kind_of_file_the_readers_take():
    assert report.accepted_files() == (
        "Fichiers acceptés : catalogue aides-territoires (JSON, CSV ou classeur) ; tableau HXL (3W) (CSV ou classeur) ; "
        "classeur du modèle (.xlsx, .xlsm, .ods) ; une feuille du modèle en CSV (.csv, .txt, .tsv)")
    assert reading.extensions() == ["xlsx", "xlsm", "ods", "csv", "txt", "tsv", "json"]
    # derived from the readers: each reader's kinds are there, and nothing else
    assert [kind for kind, _ in reading.accepted()] == [k for r in reading.READERS for k, _ in r.ACCEPTS]
