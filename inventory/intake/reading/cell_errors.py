"""Find the error cells (``#N/A``, ``#DIV/0!``…) of a workbook, which the fast reader returns as blanks.

python-calamine reads an Excel or LibreOffice error cell as an empty string, so a failed ``RECHERCHEV``
would pass for an empty optional cell. This module scans the workbook's XML for error cells (only when
the file contains any) so the workbook reader can put the error text back and report it. Likewise for a formula
saved without its result (workbooks written by a program, never opened in a spreadsheet): calamine reads
it as blank; it comes back as ``parsing.Uncalculated`` (its formula), which the parsers refuse.
"""
from __future__ import annotations

import html
import re
import zipfile
from xml.etree.ElementTree import iterparse

from inventory.parsing import Uncalculated

Errors = dict[str, dict[tuple[int, int], str]]  # sheet name -> (row, column) 0-based -> error text or formula

_XLSX_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*\bt="e"[^>]*>')
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
_VALUE = re.compile(rb'<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>')
_CLOSE = re.compile(rb'</(?:\w+:)?c>')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*>')
_ATTR = re.compile(rb'\b([\w:]+)="([^"]*)"')
_FORMULA = re.compile(rb'<((?:\w+:)?)f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)')
_CELL_OPEN = re.compile(rb'<(?:\w+:)?c\b[^>]*>')


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def xlsx_errors(zf: zipfile.ZipFile) -> Errors:
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    targets = {}
    for m in re.finditer(rb'<(?:\w+:)?Relationship\b[^>]*>', zf.read("xl/_rels/workbook.xml.rels")):
        attrs = dict(_ATTR.findall(m.group(0)))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        targets[attrs.get(b"Id", b"")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    out: Errors = {}
    for m in _SHEET.finditer(zf.read("xl/workbook.xml")):
        attrs = dict(_ATTR.findall(m.group(0)))
        rid = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
        part = targets.get(rid)
        if part not in names:
            continue
        xml = zf.read(part)
        cells: dict[tuple[int, int], str] = _uncalculated(xml) if b"<f" in xml else {}
        if b't="e"' not in xml:
            if cells:
                out[html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))] = cells
            continue
        for cell in _XLSX_ERROR_CELL.finditer(xml):
            ref = _REF.search(cell.group(0))
            if ref is None or cell.group(0).endswith(b"/>"):
                continue
            close = _CLOSE.search(xml, cell.end())
            value = _VALUE.search(xml, cell.end(), close.start() if close else len(xml))
            text = value.group(1).decode("utf-8", "replace") if value else "#N/A"
            cells[(int(ref.group(2)) - 1, _col_index(ref.group(1)))] = html.unescape(text) or "#N/A"
        if cells:
            out[html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))] = cells
    return out


def _uncalculated(xml: bytes) -> dict[tuple[int, int], str]:
    """Formula cells with no saved result: no ``<v>``, or an empty one on a cell that is not a text result
    (a formula whose result is the empty text is saved as ``t="str"`` with an empty ``<v>``). Found from
    each ``<f>`` back to its cell, so a sheet without formulas costs one search."""
    cells: dict[tuple[int, int], str] = {}
    for f in _FORMULA.finditer(xml):
        prefix = f.group(1)
        start = xml.rfind(b"<" + prefix + b"c ", 0, f.start())
        opening = _CELL_OPEN.match(xml, start) if start >= 0 else None
        if opening is None or opening.group(0).endswith(b"/>") or \
                xml.find(b"</" + prefix + b"c>", opening.end(), f.start()) >= 0:
            continue  # not inside a cell
        close = xml.find(b"</" + prefix + b"c>", f.end())
        value = _VALUE.search(xml, f.end(), close if close >= 0 else len(xml))
        attrs = opening.group(0)
        if value is not None and (value.group(1) or b't="str"' in attrs or b't="inlineStr"' in attrs):
            continue
        ref = _REF.search(attrs)
        if ref is None:
            continue
        text = html.unescape(f.group(2).decode("utf-8", "replace")) if f.group(2) else ""
        cells[(int(ref.group(2)) - 1, _col_index(ref.group(1)))] = Uncalculated("=" + text if text else "=…")
    return cells


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
_CALCEXT_TYPE = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"


def _contains(zf: zipfile.ZipFile, part: str, needle: bytes) -> bool:
    """Whether a (possibly large) part holds ``needle``, read in chunks."""
    tail = b""
    with zf.open(part) as fh:
        while chunk := fh.read(1 << 20):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle):]
    return False


def ods_errors(zf: zipfile.ZipFile) -> Errors:
    if "content.xml" not in zf.namelist():
        return {}
    if not _contains(zf, "content.xml", b'value-type="error"'):
        return {}
    out: Errors = {}
    sheet, row, col = "", -1, 0
    with zf.open("content.xml") as fh:
        for event, el in iterparse(fh, events=("start", "end")):
            tag = el.tag
            if event == "start":
                if tag == _TABLE + "table":
                    sheet, row = el.get(_TABLE + "name", ""), -1
                elif tag == _TABLE + "table-row":
                    row, col = row + 1, 0
                continue
            if tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
                repeat = int(el.get(_TABLE + "number-columns-repeated", "1"))
                if el.get(_CALCEXT_TYPE) == "error":
                    p = el.find(_TEXT_P)
                    text = (p.text if p is not None else None) or "#N/A"
                    for k in range(min(repeat, 1000)):
                        out.setdefault(sheet, {})[(row, col + k)] = text
                col += repeat
                el.clear()
            elif tag == _TABLE + "table-row":
                row += int(el.get(_TABLE + "number-rows-repeated", "1")) - 1
                el.clear()
    return out


def workbook_errors(zf: zipfile.ZipFile) -> Errors:
    """Error cells of an .xlsx or .ods workbook, by sheet name; empty when there are none."""
    return ods_errors(zf) if "content.xml" in zf.namelist() else xlsx_errors(zf)


def restore(grid: list[list], cells: dict[tuple[int, int], str]) -> list[list]:
    """Put error texts back into a grid read from A1 (``to_python(skip_empty_area=False)``)."""
    for (r, c), text in cells.items():
        while len(grid) <= r:
            grid.append([])
        row = grid[r]
        if len(row) <= c:
            row.extend([""] * (c + 1 - len(row)))
        row[c] = text
    return grid
