"""Table downloads carry their context: named after the view, the inventory's date and the main filter; the
XLSX opens on a « contexte » sheet; yes/no in words (the tiny « juin » inventory of tiny.py, as of 30/06/2020)."""
from __future__ import annotations

import io

import openpyxl

from inventory import reference
from inventory import texts as T


def test_a_territorys_need_rows_download_with_the_date_the_filter_and_a_context_sheet(tiny_db, open_page, downloads):
    at = open_page(tiny_db, "besoins", territoire="REG-84", source="terrain")
    assert not at.exception
    assert {"besoins_2020-06-30_REG-84.csv", "besoins_2020-06-30_REG-84.xlsx"} <= set(downloads)
    book = openpyxl.load_workbook(io.BytesIO(downloads["besoins_2020-06-30_REG-84.xlsx"]()))
    assert book.sheetnames[0] == T.CONTEXT_SHEET
    rows = dict((a, b) for a, b in book[T.CONTEXT_SHEET].iter_rows(values_only=True) if a)
    assert rows[T.CONTEXT_AS_OF].date().isoformat() == "2020-06-30"
    # the filters by the names the page shows, never their codes (which stay in the file's name and its address)
    named = {"Territoire : Auvergne-Rhône-Alpes", f"Source des besoins : {reference.SOURCES['terrain']}"}
    assert rows[T.CONTEXT_FILTERS] in named
    filters = [b for a, b in book[T.CONTEXT_SHEET].iter_rows(values_only=True) if b and " : " in str(b)]
    assert named <= set(filters)
    assert "territoire=REG-84" in rows[T.CONTEXT_URL] and "source=terrain" in rows[T.CONTEXT_URL]
    assert "inventaire=2" in rows[T.CONTEXT_URL]  # the inventory shown, so the address keeps showing these numbers
    csv_text = downloads["besoins_2020-06-30_REG-84.csv"]().decode("utf-8-sig")
    assert not csv_text.startswith(T.CONTEXT_TITLE)  # the CSV stays plain rows
