"""Exports re-import as the same inventory; formulas are neutralised; the template derives from the models."""
from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from inventory.analysis import coverage
from inventory.outputs import exports
from inventory.intake.importer import import_files
from inventory.models import SHEETS
from tests.builders import content, inventory_sheets, write

JUNE = dt.date(2020, 6, 30)
EVIL = {"nom": "=SOMME(A1:A9)", "description": '=HYPERLINK("http://exemple.org";"clic")',
        "secteur": "-5 % de recettes", "besoin": "@moi", "programme": "+33 1 23 45 67 89"}


def reimport(store, sid, target):
    exports.export_snapshot(store, sid, target)
    paths = [target] if target.suffix else sorted(target.glob("*.csv"))
    snap = store.snapshot(sid)
    result = import_files(store, paths, as_of=snap.as_of, label="relu")
    assert result.ok, result.errors
    assert result.carried_over == []
    return result.snapshot_id


def assert_same_inventory(store, a, b):
    assert content(store, a) == content(store, b)
    for level in ("region", "departement"):
        assert coverage.need_matrix(store, a, level=level).equals(coverage.need_matrix(store, b, level=level))


@pytest.mark.parametrize("target", ["inventaire.xlsx", "dossier_csv"])
def test_demo_export_then_import_gives_the_same_inventory(demo_store, tmp_path, target):
    sid = demo_store.active_snapshot_id()
    again = reimport(demo_store, sid, tmp_path / target)
    assert again != sid
    assert_same_inventory(demo_store, sid, again)


def test_csv_export_is_what_french_excel_opens(demo_store, tmp_path):
    sid = demo_store.active_snapshot_id()
    written = exports.export_snapshot(demo_store, sid, tmp_path / "csv")
    assert sorted(p.name for p in written) == ["besoins.csv", "engagements.csv", "investisseurs.csv", "operateurs.csv",
                                               "programmes.csv", "realisations.csv"]
    raw = (tmp_path / "csv" / "programmes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == list(SHEETS["programmes"].columns())
    by_id = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert by_id["P01"]["date_debut"] == "20/03/2020"  # JJ/MM/AAAA
    assert by_id["P01"]["investisseurs"] == "INS1 ; FDN1"
    assert by_id["P01"]["budget_eur"] == "20000000"


def test_xlsx_export_has_real_dates_and_numbers(demo_store, tmp_path):
    sid = demo_store.active_snapshot_id()
    exports.export_snapshot(demo_store, sid, tmp_path / "inv.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "inv.xlsx")
    assert wb.sheetnames == ["investisseurs", "programmes", "besoins", "engagements", "realisations", "operateurs"]
    ws = wb["programmes"]
    headers = [c.value for c in ws[1]]
    assert headers == list(SHEETS["programmes"].columns())
    first = {h: c.value for h, c in zip(headers, ws[2])}
    assert first["date_debut"] == dt.datetime(2020, 3, 20)
    assert first["budget_eur"] == 20_000_000


def evil_inventory():
    sh = inventory_sheets()
    sh["investisseurs"][1][1] = EVIL["nom"]
    sh["programmes"][1][13] = EVIL["description"]
    sh["programmes"][2][1] = EVIL["programme"]
    sh["besoins"][1][6] = EVIL["secteur"]
    sh["besoins"][1][8] = EVIL["besoin"]
    return sh


@pytest.mark.parametrize("target", ["inv.xlsx", "csv"])
def test_formulas_are_neutralised_in_exports_and_restored_on_reimport(store, tmp_path, target):
    first = import_files(store, write("csv", tmp_path / "in", evil_inventory()), as_of=JUNE)
    assert first.ok, first.errors
    stored = content(store, first.snapshot_id)
    assert stored["investisseurs"][0]["nom"] == EVIL["nom"]  # text is stored as typed, never evaluated
    assert stored["besoins"][0]["secteur"] == EVIL["secteur"]
    exports.export_snapshot(store, first.snapshot_id, tmp_path / target)
    if target.endswith(".xlsx"):
        wb = openpyxl.load_workbook(tmp_path / target)
        cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
        assert not [c for c in cells if c.data_type == "f"]  # no formula at all
        texts = {c.value for c in cells}
    else:
        texts = set()
        for path in (tmp_path / target).glob("*.csv"):
            for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"):
                texts.update(row)
    for value in EVIL.values():
        assert "'" + value in texts
        assert value not in texts
    assert not [t for t in texts if isinstance(t, str) and t and t[0] in "=+-@"]
    again = reimport(store, first.snapshot_id, tmp_path / f"again_{target}")
    assert content(store, again) == stored


def test_neutralise():
    assert exports.neutralise("=1+1") == "'=1+1"
    assert exports.neutralise("-x") == "'-x"
    assert exports.neutralise("\tx") == "'\tx"
    assert exports.neutralise("ok =1") == "ok =1"
    assert exports.neutralise(-5) == -5


def test_own_themes_are_exported_and_reimported(store, tmp_path):
    sh = inventory_sheets()
    sh["thematiques"] = [["code", "libelle"], ["mobilite", "Mobilité solidaire"], ["numerique", "Numérique et données"]]
    sh["besoins"][1][2] = "mobilite"
    first = import_files(store, write("xlsx", tmp_path / "in", sh), as_of=JUNE)
    assert first.ok, first.errors
    frames = exports.snapshot_frames(store, first.snapshot_id)
    assert frames["thematiques"].to_dict("records") == [
        {"code": "numerique", "libelle": "Numérique et données"}, {"code": "mobilite", "libelle": "Mobilité solidaire"}]
    for target in ("inv.xlsx", "csv"):
        again = reimport(store, first.snapshot_id, tmp_path / target)
        assert_same_inventory(store, first.snapshot_id, again)


def test_table_downloads_are_neutralised_too():
    import pandas as pd

    frame = pd.DataFrame({"nom": ["=cmd|' /C calc'!A0", "ok"], "n": [1.5, 2.0], "d": [dt.date(2020, 6, 30), None]})
    text = exports.csv_bytes(frame).decode("utf-8-sig")
    assert "'=cmd" in text and "1,5" in text and "30/06/2020" in text
    wb = openpyxl.load_workbook(io.BytesIO(exports.table_xlsx(frame, "tableau")))
    assert wb["tableau"]["A2"].value == "'=cmd|' /C calc'!A0"
    assert wb["tableau"]["A2"].data_type == "s"


# --- the template ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def template():
    return openpyxl.load_workbook(io.BytesIO(exports.template_bytes()))


def test_template_has_the_sheets_and_the_headers_of_the_models(template):
    assert template.sheetnames == ["lisez-moi", "listes", "investisseurs", "programmes", "besoins", "thematiques",
                                   "engagements", "realisations", "operateurs"]
    assert template["listes"].sheet_state == "hidden"
    for sheet, model in SHEETS.items():
        ws = template[sheet]
        assert [c.value for c in ws[1]] == list(model.columns())
        assert ws.max_row == 1 or all(c.value is None for c in ws[2])  # empty
        assert all(ws.cell(1, i + 1).comment for i in range(len(model.columns())))  # help on each header


def test_template_read_me_explains_every_column(template):
    readme = template["lisez-moi"]
    text = "\n".join(str(c.value) for row in readme.iter_rows() for c in row if c.value)
    for phrase in ("Listes", "Dates", "Territoires", "Feuilles absentes"):
        assert phrase in text
    rows = {(r[0].value, r[1].value) for r in readme.iter_rows() if r[0].value in SHEETS}
    assert rows == {(s, c) for s, m in SHEETS.items() for c in m.columns()}


def _validations(ws):
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in str(dv.sqref).split():
            out[openpyxl.utils.cell.coordinate_from_string(rng.split(":")[0])[0]] = dv
    return out


def _list_values(template, formula):
    ref = formula.split("!")[1].replace("$", "")
    return [c.value for row in template["listes"][ref] for c in row]


def test_template_drop_downs_for_every_closed_value(template):
    for sheet, model in SHEETS.items():
        ws = template[sheet]
        dvs = _validations(ws)
        for i, (name, col) in enumerate(model.columns().items()):
            letter = openpyxl.utils.get_column_letter(i + 1)
            if col["choices"]:
                dv = dvs[letter]
                assert dv.type == "list"
                assert _list_values(template, dv.formula1) == col["choices"], (sheet, name)
                # a list cell may hold several values typed by hand: warn, don't block
                assert (dv.errorStyle == "information") == col["is_list"]
            elif col["themes"]:
                assert _list_values(template, dvs[letter].formula1)[:3] == ["modele_socio_eco", "numerique",
                                                                            "juridique"]
            elif col["bounds"]:
                assert dvs[letter].type == "whole"
            elif col["refers"]:  # commitments' investors and programme, results' programme: ids of that sheet
                assert dvs[letter].formula1 == f"{col['refers']}!$A$2:$A$5000", (sheet, name)
                assert dvs[letter].errorStyle == "information"
            else:
                assert letter not in dvs, (sheet, name)
    assert SHEETS["engagements"].columns()["statut"]["choices"] == ["envisage", "engage", "realise", "abandonne"]
    besoins = _validations(template["besoins"])
    assert (besoins["D"].formula1, besoins["D"].formula2) == ("1", "5")  # intensite


def test_a_filled_template_imports(store, tmp_path, template):
    wb = openpyxl.load_workbook(io.BytesIO(exports.template_bytes()))
    for sheet, rows in inventory_sheets().items():
        for r in rows[1:]:
            wb[sheet].append(r)
    wb.save(tmp_path / "rempli.xlsx")
    result = import_files(store, [tmp_path / "rempli.xlsx"], as_of=JUNE)
    assert result.ok, result.errors
    assert result.counts == {"besoins": 3, "programmes": 2, "investisseurs": 3, "engagements": 0, "realisations": 0}
    assert result.warnings == []  # the template's own sheets (lisez-moi, listes) raise no warning


def test_an_empty_template_is_refused_in_french(store, tmp_path):
    path = tmp_path / "vide.xlsx"
    path.write_bytes(exports.template_bytes())
    result = import_files(store, [path], as_of=JUNE)
    assert not result.ok
    assert {e.sheet for e in result.errors} == {"investisseurs", "programmes", "besoins"}  # the other sheets are optional
    assert all("aucune ligne de données" in e.message for e in result.errors)


def test_annotated_workbook_marks_bad_cells(store, tmp_path):
    from inventory.intake.importer import check, read_upload

    sh = inventory_sheets()
    sh["besoins"][2][3] = 9
    paths = write("xlsx", tmp_path, sh)
    checked = check(read_upload([(p.name, p.read_bytes()) for p in paths]), store)
    wb = openpyxl.load_workbook(io.BytesIO(exports.annotated_workbook(checked.upload.sheets.values(), checked.issues)))
    ws = wb["besoins"]
    assert ws["D3"].value == 9 and "Intensité : 9 n'est pas entre 1 et 5" in ws["D3"].comment.text
    assert "Intensité" in ws.cell(3, ws.max_column).value


def test_the_contract_doc_is_generated_from_the_models_and_up_to_date():
    from pathlib import Path

    doc = Path(__file__).resolve().parent.parent / "docs" / "contract.md"
    assert doc.read_text(encoding="utf-8") == exports.contract_markdown(), "run: python -m inventory contract > docs/contract.md"


def test_the_annotated_workbook_keeps_the_read_me_and_the_drop_down_lists(store, tmp_path):
    from inventory.intake.importer import check, read_upload

    sh = inventory_sheets()
    sh["besoins"][2][3] = 9
    headers = sh["besoins"][0]
    sh["besoins"][0] = [{"thematique": "Thématique ", "source": "SOURCE"}.get(h, h) for h in headers]  # as typed
    paths = write("xlsx", tmp_path, {"besoins": sh["besoins"]})  # a needs-only upload
    checked = check(read_upload([(p.name, p.read_bytes()) for p in paths]), store)
    wb = openpyxl.load_workbook(io.BytesIO(exports.annotated_workbook(checked.upload.sheets.values(), checked.issues)))
    assert wb.sheetnames[:3] == ["lisez-moi", "listes", "besoins"]
    assert wb.active.title == "besoins"  # it opens on the errors
    ws = wb["besoins"]
    dvs = _validations(ws)
    letter = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(sh["besoins"][0])}
    # the closed lists of the headers as the facilitator typed them still drop down from « listes »
    assert _list_values(wb, dvs[letter["SOURCE"]].formula1) == SHEETS["besoins"].columns()["source"]["choices"]
    assert _list_values(wb, dvs[letter["Thématique "]].formula1)[:2] == ["modele_socio_eco", "numerique"]
    assert (dvs[letter["intensite"]].formula1, dvs[letter["intensite"]].formula2) == ("1", "5")
    # no list points at a sheet the workbook lacks (Excel would refuse to open it)
    assert all(dv.formula1.split("!")[0].lstrip("=") in wb.sheetnames
               for sheet in wb.worksheets for dv in sheet.data_validations.dataValidation if "!" in (dv.formula1 or ""))


# --- table downloads carry their context -----------------------------------------------------------------
def test_a_download_is_named_after_the_view_the_inventory_date_and_the_main_filter():
    assert exports.download_name("besoins", dt.date(2020, 6, 30), "REG-76") == "besoins_2020-06-30_REG-76.csv"
    assert exports.download_name("zones_blanches", dt.date(2020, 6, 30), None, "xlsx") == "zones_blanches_2020-06-30.xlsx"
    # accents and characters a file system or a mail client would mangle become plain ones
    assert exports.download_name("a_couvrir", dt.date(2020, 4, 30), "Fondation Été/Hiver") == \
        "a_couvrir_2020-04-30_Fondation-Ete-Hiver.csv"


def test_yes_no_columns_say_oui_and_non_in_csv_and_xlsx():
    import pandas as pd

    frame = pd.DataFrame({"Territoire": ["Rhône", "Ain"], "Zone blanche": [True, False]})
    text = exports.csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines() == ["Territoire;Zone blanche", "Rhône;oui", "Ain;non"]  # plain rows, no context
    wb = openpyxl.load_workbook(io.BytesIO(exports.table_xlsx(frame, "zones")))
    assert [c.value for c in wb["zones"]["B"]] == ["Zone blanche", "oui", "non"]


def test_an_xlsx_download_opens_on_a_context_sheet_naming_the_inventory_filters_view_and_columns():
    import pandas as pd

    from inventory import texts as T

    frame = pd.DataFrame({"Territoire": ["Normandie"], "Score": [12], "Zone blanche": [True], "Notes": ["libre"]})
    context = exports.DownloadContext(
        label="=Inventaire de juin", as_of=dt.date(2020, 6, 30), created_by="Camille (tableau de bord)",
        filters=[("Territoire", "REG-28"), ("Source des besoins", "terrain")],
        url="http://localhost:8501/besoins?territoire=REG-28&source=terrain",
        downloaded=dt.datetime(2020, 7, 1, 9, 30))
    wb = openpyxl.load_workbook(io.BytesIO(exports.table_xlsx(frame, "besoins", context)))
    assert wb.sheetnames == ["contexte", "besoins"]
    rows = [(a, b) for a, b in wb["contexte"].iter_rows(values_only=True)]
    assert (T.CONTEXT_INVENTORY, "'=Inventaire de juin") in rows  # formulas neutralised here too
    assert rows[rows.index((T.CONTEXT_INVENTORY, "'=Inventaire de juin")) + 1] == (T.CONTEXT_AS_OF, dt.datetime(2020, 6, 30))
    assert (T.CONTEXT_BY, "Camille (tableau de bord)") in rows
    assert (T.CONTEXT_FILTERS, "Territoire : REG-28") in rows and (None, "Source des besoins : terrain") in rows
    assert (T.CONTEXT_URL, "http://localhost:8501/besoins?territoire=REG-28&source=terrain") in rows
    assert (T.CONTEXT_DOWNLOADED, "01/07/2020 09:30") in rows
    definitions = dict(rows[rows.index((T.CONTEXT_COLUMN, T.CONTEXT_DEFINITION)) + 1:])
    assert definitions["Score"] == T.FORMULAS["score"]
    assert definitions["Zone blanche"] == T.FORMULAS["zone_blanche"]
    assert definitions["Notes"] is None and "Territoire" in definitions  # every column listed, defined or not
    assert [c.value for c in wb["besoins"][2]] == ["Normandie", 12, "oui", "libre"]
