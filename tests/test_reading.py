"""Reading (inventory/reading): real files written into tmp_path (xlsx, ods, CSV as people save them) become
raw sheets, or a French sentence per refused file; the fast CSV path reads exactly what the csv module reads."""
from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from contextlib import contextmanager
from unittest import mock

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inventory.outputs import exports
from inventory.intake import reading, report
from inventory import texts as T
from inventory.intake.importer import check, import_files, read_upload
from inventory.parsing import is_blank
from inventory.intake.reading import FileRefused, blanks
from inventory.intake.reading import csv as csv_reading
from tests import builders as b
from tests.corpus import generate as corpus
from tests.builders import CellError, content, errors, inventory_sheets, write_csvs, write_xlsx
from tests.uploads import EXPECTED_BESOINS, EXPECTED_PROGRAMMES, FORMATS, JUNE, bad_inventory, imported


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



@pytest.mark.parametrize("name, data, expected", [
    ("inventaire.pdf", b"%PDF-1.4 ...", "format « .pdf » non pris en charge"),
    ("inventaire.xlsx", b"ceci n'est pas un classeur", "n'est pas un classeur lisible"),
    ("inventaire.xlsx", b"PK\x03\x04 tronque", "n'est pas un classeur lisible"),
    ("vieux.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ancien format Excel .xls"),
    ("besoins.csv", b"", "le fichier est vide"),
    ("besoins.csv", b'territoire;source\n"DEP-69;terrain\n', "guillemet"),
    ("notes.csv", b"a;b\n1;2\n", "ni le nom du fichier ni sa ligne d'en-têtes"),
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


def test_merged_cells_are_refused_and_named_as_the_spreadsheet_names_them():
    sheet = [b.BESOINS[0], *[need(id=f"M{i}") for i in range(8)]]

    def named(merges: list[str]) -> list[str]:
        up = read_upload([("inventaire.xlsx", corpus.xlsx_bytes({"besoins": sheet}, merges={"besoins": merges}))])
        assert [i.kind for i in up.issues] == ["fichier"] and not up.sheets
        before, after = T.ERR_MERGED_CELLS.split("{cells}")
        message = up.issues[0].message
        assert message.startswith(before.format(sheet="besoins")) and message.endswith(after)
        return message[len(before.format(sheet="besoins")):-len(after)].split(", ")

    assert sorted(named(["A2:A4", "AA7:AB7"])) == ["A2:A4", "AA7:AB7"]  # in the order the reader lists them
    six = named(["A2:A4", "C3:D3", "E5:E6", "F5:F6", "G5:G6", "AA7:AB7"])
    assert len(six) == 5 and six[-1].endswith(" …")  # the first five, then an ellipsis


def test_a_new_kind_of_file_is_one_more_reader_in_the_list(monkeypatch):
    """A reader is a module with ``recognises`` and ``read``: listed in READERS, its sheets go through the same
    checks as a workbook's (sheet names, header row, blank rows, row numbers); refused files keep their words."""
    import json
    import types

    def read(name, data):
        records = json.loads(data)
        if not isinstance(records, list):
            raise FileRefused("une liste d'objets est attendue")
        header = list(records[0])
        return [("needs", [header] + [[r.get(c) for c in header] for r in records])]

    json_reader = types.SimpleNamespace(recognises=lambda name, data: name.endswith(".json"), read=read)
    monkeypatch.setattr(reading, "READERS", (json_reader, *reading.READERS))  # first: the catalogues read JSON too
    need = dict(zip(b.BESOINS[0], ["DEP-69", "terrain", "numerique", 3]))
    up = read_upload([("catalogue.json", json.dumps([need, {}, dict(need, intensite=9)]).encode())])
    assert up.issues == [] and list(up.sheets) == ["besoins"]
    assert up.sheets["besoins"].rows.index.tolist() == [2, 4]  # the blank record is row 3, dropped
    assert [(i.row, i.column, i.value) for i in check(up).issues if i.sheet == "besoins"] == [(4, "intensite", "9")]
    refused = read_upload([("catalogue.json", b'{"a": 1}')])
    assert [i.message for i in refused.issues] == ["une liste d'objets est attendue"]



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
    from inventory.intake.reading.cell_errors import _uncalculated

    xml = f'<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c>{cell}</row></sheetData>' \
          '<dataValidations><dataValidation><formula1>"a,b"</formula1></dataValidation></dataValidations></worksheet>'
    assert _uncalculated(xml.encode()) == ({(1, 1): formula} if formula else {})



@contextmanager
def python_csv_only():
    """The importer as it was before the fast path: every CSV read by the csv module."""
    with mock.patch.object(csv_reading, "_arrow_rows", return_value=None):
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
        return isinstance(csv_reading.rows(data), pa.Table)
    except FileRefused:
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



def test_blank_is_judged_alike_in_arrow_and_in_python():
    spaces = blanks.WHITESPACE
    assert spaces == "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    values = ["", " ", "\t\r\n", spaces, "x", " x ", "\u200b", "\ufeff", "_", spaces + "a", "\x00", None]
    got = blanks.arrow_blank(pa.array(values, type=pa.string())).tolist()
    assert got == [is_blank(v) for v in values]
    frame = pd.DataFrame({0: values, 1: ["", None] * (len(values) // 2)}, dtype=object)
    arrow = frame.astype(pd.ArrowDtype(pa.string()))
    assert blanks.blank_rows(arrow).tolist() == blanks.blank_rows(frame).tolist()



# Cells mixing every character the two readers could disagree on.
CELL = st.text(alphabet=st.sampled_from(list('ab ;,\t"\r\n\'é\u00a0\u2028\x85\ufeff\x0b')), max_size=8)



def python_rows(data: bytes) -> list[list[str]] | str:
    text = csv_reading.decoded(data)[0]
    first = text.split("\n", 1)[0]
    delimiter = csv_reading.delimiter_of(first)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return csv_reading.csv_detail(exc)



def compare_readers(data: bytes) -> None:
    """pyarrow's table, when the fast path takes the file, holds the csv module's rows (an empty line, [] for
    the csv module, is a row of "" for pyarrow: both blank); and the whole upload reads the same either way."""
    try:
        got = csv_reading.rows(data)
    except FileRefused:
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
