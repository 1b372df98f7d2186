"""Needs spreadsheets as a facilitator would upload them: xlsx (Excel), ods (LibreOffice), csv (French Excel).

The frames come from ``inventory.intake.demo`` in contract form (typed values, lists as lists); cells are written
the way people type them: real dates, numbers as numbers, lists joined with " ; ".

ODS is written by hand (a zip of ``mimetype``, ``content.xml`` and a manifest): pandas/odfpy take minutes
for 100,000 rows.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pandas as pd
import xlsxwriter

from inventory.outputs import exports
from inventory.parsing import LIST_SEPARATOR

SHEET = "besoins"


def _cells(frame: pd.DataFrame) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of spreadsheet cells (None for an empty cell)."""
    cols = list(frame.columns)
    columns = []
    for c in cols:
        values = frame[c].tolist()
        if c == "odd":
            values = [LIST_SEPARATOR.join(map(str, v)) if v else None for v in values]
        columns.append([None if (v is None or (isinstance(v, float) and v != v)) else v for v in values])
    return cols, [list(r) for r in zip(*columns)]


def xlsx_bytes(frame: pd.DataFrame, sheet: str = SHEET) -> bytes:
    header, rows = _cells(frame)
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                   "strings_to_numbers": False})
    ws = wb.add_worksheet(sheet)
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, header)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, dt.date):
                ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), date_fmt)
            elif isinstance(v, str):
                ws.write_string(r, c, v)
            else:
                ws.write_number(r, c, v)
    wb.close()
    return buf.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """As French Excel saves it (the product's own export format): UTF-8 with BOM, ';', dates JJ/MM/AAAA."""
    return exports.csv_bytes(frame)


_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
_ODS_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def _ods_cell(v: Any) -> str:
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, dt.date):
        d = v.isoformat()[:10]
        return (f'<table:table-cell office:value-type="date" office:date-value="{d}">'
                f"<text:p>{v:%d/%m/%Y}</text:p></table:table-cell>")
    if isinstance(v, str):
        return f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'


def ods_bytes(frame: pd.DataFrame, sheet: str = SHEET) -> bytes:
    header, rows = _cells(frame)
    parts = [_ODS_HEAD, f"<table:table table:name={quoteattr(sheet)}>"]
    parts.append("<table:table-row>" + "".join(_ods_cell(h) for h in header) + "</table:table-row>")
    parts.extend("<table:table-row>" + "".join(map(_ods_cell, row)) + "</table:table-row>" for row in rows)
    parts.append("</table:table>" + _ODS_TAIL)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", _ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", "".join(parts), compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


WRITERS = {"xlsx": xlsx_bytes, "ods": ods_bytes, "csv": csv_bytes}
