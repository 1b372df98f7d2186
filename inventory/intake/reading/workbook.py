"""Workbooks (``.xlsx``, ``.xlsm``, ``.ods``) read with python-calamine, every sheet as a grid of Python values.

Before opening: a zip archive whose size once inflated is plausible (no zip bomb). While reading: merged
cells are refused (all but their first cell would read as blank), and error cells and formulas saved without
their result, which calamine reads as blanks, are put back from the XML (``cell_errors``) to be reported.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from xlsxwriter.utility import xl_rowcol_to_cell

from inventory import limits
from inventory import texts as T
from inventory.intake.reading import catalogue, cell_errors
from inventory.intake.reading.catalogue import CatalogueFile
from inventory.intake.reading.naming import EXTRA_SHEETS
from inventory.intake.reading.sheet import FileRefused, Grid, sheet_key
from inventory.reference import fold

EXTENSIONS = (".xlsx", ".xlsm", ".ods")
ACCEPTS = (("workbook", ("workbook",)),)  # the template's workbook


def recognises(name: str, data: bytes) -> bool:
    return Path(name).suffix.lower() in EXTENSIONS


def read(name: str, data: bytes) -> list[tuple[str, Grid]]:
    """Every sheet of the workbook; a public catalogue's sheet handed over whole (``CatalogueFile``); other
    sheets with a name outside the contract as an empty grid (not read)."""
    from python_calamine import CalamineWorkbook

    if data[:2] != b"PK":
        raise FileRefused(T.ERR_NOT_READABLE.format(detail=T.DETAIL_NOT_A_WORKBOOK))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise FileRefused(T.ERR_NOT_READABLE.format(detail=T.DETAIL_BAD_ARCHIVE)) from None
    inflated = sum(i.file_size for i in infos)
    suspicious = any(i.file_size > 2**20 and i.file_size > limits.MAX_COMPRESSION_RATIO * max(i.compress_size, 1)
                     for i in infos)
    if inflated > limits.MAX_UNCOMPRESSED_BYTES or suspicious:
        raise FileRefused(T.ERR_ZIP_BOMB.format(size=inflated // 2**20))
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:  # calamine reads error cells (#N/A…) as blanks: find them so they are reported
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            error_cells = cell_errors.workbook_errors(zf)
    except Exception:
        error_cells = {}
    out: list[tuple[str, Grid | CatalogueFile]] = []
    for sheet_name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(sheet_name)
        if sheet_key(sheet_name) is None and fold(sheet_name) not in EXTRA_SHEETS:  # correspondances: read too
            if catalogue.in_workbook(sheet.to_python(skip_empty_area=False, nrows=catalogue.SNIFF_ROWS)):
                # a public catalogue saved as a workbook (a 3W sheet from HDX, an export opened in a spreadsheet):
                # its hashtags or headers decide the columns, and titles merged above them do no harm
                out.append((sheet_name, catalogue.CatalogueFile(
                    catalogue.sheet_name(name, sheet_name), b"", None,
                    grid=cell_errors.restore(sheet.to_python(skip_empty_area=False),
                                             error_cells.get(sheet_name, {})))))
            else:
                out.append((sheet_name, []))  # not read
            continue
        merged = [m for m in (getattr(sheet, "merged_cell_ranges", None) or []) if m[1][0] >= 1]  # below row 1
        if merged:  # merged cells leave all but their first cell blank: the rows would not say what they show
            cells = ", ".join(f"{xl_rowcol_to_cell(*m[0])}:{xl_rowcol_to_cell(*m[1])}" for m in merged[:5])
            cells += " …" if len(merged) > 5 else ""
            raise FileRefused(T.ERR_MERGED_CELLS.format(sheet=sheet_name, cells=cells))
        grid = sheet.to_python(skip_empty_area=False)
        out.append((sheet_name, cell_errors.restore(grid, error_cells.get(sheet_name, {}))))
    return out
