"""The import page's preview and words (issue 23, part 6): the rows that change before the commit, the annotated
workbook uploaded again once fixed, what a catalogue upload was read as, and the uploader's hint.
(April → June, worked out by hand: tests/test_preview.py.)"""
from __future__ import annotations

import io

import openpyxl

from inventory import texts as T
from inventory.intake import report
from tests.app.handmade import JUNE_SHEETS, april, texts
from tests.app.test_page_importer import bad_workbook, logged_in, upload
from tests.builders import write_xlsx
from tests.test_catalogues import AIDS, page as aides_page

NNBSP = "\u202f"


def test_the_preview_lists_the_rows_that_change_per_sheet_before_the_commit(store, tmp_path, monkeypatch):
    april(store, tmp_path)
    at = upload(logged_in(store.path, monkeypatch),
                ("juin.xlsx", write_xlsx(tmp_path / "juin.xlsx", JUNE_SHEETS).read_bytes()))
    lines = ["investisseurs : aucun changement", "programmes : 1 ajout, 1 retrait, 2 modifications",
             "besoins : 1 retrait, 1 modification"]
    assert "\n".join(f"- {line}" for line in lines) in texts(at.markdown)  # the counts first
    assert [e.label for e in at.expander if e.label in lines] == lines[1:]  # then each sheet's rows
    c = T.PREVIEW_COLUMNS
    programmes = next(d.value for d in at.dataframe if c["avant"] in getattr(d.value, "columns", [])
                      and "P1 · Numérique pour tous" in d.value[c["ligne"]].tolist())
    assert list(programmes.columns) == [c[k] for k in ("ligne", "changement", "colonne", "avant", "apres")]
    assert programmes.values.tolist()[2:] == [
        ["P1 · Numérique pour tous", "modification", "Budget (€)", f"1{NNBSP}000", f"2{NNBSP}000"],
        ["P2 · Aide juridique", "modification", "Date de fin", "–", "31/05/2020"]]
    assert next(b for b in at.button if b.label == T.IMP_COMMIT)  # all of it before the commit button


def test_the_annotated_workbook_fixed_and_uploaded_again_is_accepted_without_a_warning(
        store, tmp_path, monkeypatch, downloads):
    april(store, tmp_path)
    at = upload(logged_in(store.path, monkeypatch), ("inventaire.xlsx", bad_workbook(tmp_path)))
    assert at.error
    book = openpyxl.load_workbook(io.BytesIO(downloads["erreurs_inventaire.xlsx"]()))
    book["besoins"]["D3"] = 2  # back to April's values: intensity 2, a known territory, known investors
    book["besoins"]["A5"] = "FR"
    book["programmes"]["C2"] = "A;B"
    fixed = io.BytesIO()
    book.save(fixed)
    upload(at, ("erreurs_inventaire.xlsx", fixed.getvalue()))
    assert not at.error and not at.warning
    assert T.IMP_CLEAN in texts(at.success)


def test_a_catalogue_upload_reads_as_the_catalogues_recognised_and_names_each_aid_set_aside(
        demo_store, monkeypatch):
    at = upload(logged_in(demo_store.path, monkeypatch), ("aides.json", aides_page(AIDS)))
    assert at.get("status")[0].label == "Lecture : 1 catalogue reconnu : aides-territoires (8 aides)"
    a = T.IMP_SET_ASIDE_COLUMNS
    aside = next(d for d in at.dataframe if a["message"] in getattr(d.value, "columns", []))
    assert aside.value[a["item"]].iloc[0] == "104 · Numériser la médiathèque"
    assert aside.value[a["row"]].iloc[0] == "aide n° 4 du fichier"
    assert aside.proto.row_height > 64  # Streamlit's grid wraps text only in rows taller than 4rem: the reason wraps


def test_the_uploader_names_every_kind_of_file_accepted(demo_store, monkeypatch):
    at = logged_in(demo_store.path, monkeypatch)
    assert at.file_uploader[0].label == report.accepted_files()
    assert "aides-territoires (JSON, CSV ou classeur)" in at.file_uploader[0].label
