"""What every reader hands over, and how it becomes a raw sheet: headers as typed, data rows by row number.

A reader returns its file's sheets as ``(name, grid)`` pairs. A grid is the sheet's rows from its first one
(the header row): a list of rows of Python values, or an Arrow table of strings (the CSV fast path). The
checks that do not depend on the format (sheet names, limits on rows and columns, header row, blank rows)
are made here, once for every reader.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from inventory import limits
from inventory import texts as T
from inventory.models import OPTIONAL_SHEETS, SHEETS, Issue, Row
from inventory.parsing import is_blank, show
from inventory.intake.reading.blanks import arrow_blank_rows, blank_rows
from inventory.reference import fold

Grid = list[list[Any]] | pa.Table  # a sheet's rows, header row first

SHEET_NAMES = {fold(m.sheet): m.sheet for m in SHEETS.values()} | {fold(m.sheet_en): m.sheet for m in SHEETS.values()}
SHEET_NAMES |= {"programs": "programmes", "need": "besoins", "besoin": "besoins", "theme": "thematiques",
                "thematique": "thematiques", "investisseur": "investisseurs", "investor": "investisseurs",
                "programme": "programmes", "program": "programmes", "engagement": "engagements",
                "commitment": "engagements", "realisation": "realisations", "result": "realisations",
                "operateur": "operateurs", "operator": "operateurs"}
# The sheets and columns the tool adds to the files it hands out, in every language: the template's read-me and
# lists, the annotated workbook's rows set aside and its errors column. Ignored without a warning when such a file
# comes back: a facilitator who fixed the annotated workbook uploads it as it is.
TEMPLATE_SHEETS = {"lisez moi", "read me", "listes"} | {fold(t["SET_ASIDE_SHEET"]) for t in T.TABLES.values()}
ANNOTATION_COLUMNS = {fold(t["ANNOTATED_ERRORS_COLUMN"]) for t in T.TABLES.values()}


class FileRefused(ValueError):
    """A file refused with a French sentence."""


def sheet_key(name: str) -> str | None:
    """The contract sheet a sheet (or CSV file) name means, in any case, accent or language; None if none."""
    return SHEET_NAMES.get(fold(name))


def is_template_sheet(name: str) -> bool:
    return fold(name) in TEMPLATE_SHEETS


def is_annotation_column(header: str) -> bool:
    """The annotated workbook's own column (« erreurs »), not one of the facilitator's."""
    return fold(header) in ANNOTATION_COLUMNS


@dataclass
class RawSheet:
    """One sheet as read: headers as typed, data rows keyed by their spreadsheet row number."""

    sheet: str  # contract name
    name: str  # as found in the file
    file: str
    headers: list[str]
    rows: pd.DataFrame  # columns = positions 0..n-1, index = spreadsheet row number
    header_row: int = 1


def header_names(model: type[Row]) -> dict[str, str]:
    """Folded header → field name: the field name, its French title or its English alias."""
    out = {}
    for name, col in model.columns().items():
        for alias in (name, col["title"], col["en"]):
            if alias:
                out[fold(alias)] = name
    return out


def to_raw_sheet(key: str, sheet_name: str, file: str, grid: Grid, issues: list[Issue]) -> RawSheet | None:
    """Rows as read (a list of rows, or for a CSV an Arrow table of strings) → headers and data rows."""
    model = SHEETS[key]
    known = header_names(model)
    table = grid if isinstance(grid, pa.Table) else None
    # drop trailing blank rows cheaply (formatted but empty rows)
    if table is not None:
        nonblank = np.flatnonzero(~arrow_blank_rows(table.columns, table.num_rows))
        end = int(nonblank[-1]) + 1 if len(nonblank) else 0
    else:
        end = len(grid)
        while end and all(is_blank(c) for c in grid[end - 1]):
            end -= 1
        grid = grid[:end]
    if not end:
        if key not in OPTIONAL_SHEETS:  # an optional sheet left empty (as in the template) is as if absent
            issues.append(Issue(sheet=key, message=T.ERR_NO_DATA, kind="fichier"))
        return None
    if end - 1 > limits.MAX_ROWS:
        issues.append(Issue(sheet=key, message=T.ERR_TOO_MANY_ROWS.format(rows=end - 1, limit=limits.MAX_ROWS),
                            kind="fichier"))
        return None
    first = _table_rows(table, 0, 1)[0] if table is not None else grid[0]
    headers = ["" if is_blank(h) else show(h).strip() for h in first]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > limits.MAX_COLUMNS:
        issues.append(Issue(sheet=key, message=T.ERR_TOO_MANY_COLUMNS.format(columns=len(headers),
                                                                            limit=limits.MAX_COLUMNS), kind="fichier"))
        return None
    if not any(fold(h) in known for h in headers):
        for i, row in enumerate(_table_rows(table, 1, min(end, 10)) if table is not None else grid[1:10], start=2):
            if sum(fold(show(c)) in known for c in row if not is_blank(c)) >= 2:
                issues.append(Issue(sheet=key, row=i, message=T.ERR_HEADER_NOT_FIRST_ROW.format(row=i), kind="colonne"))
                return None
    width = len(headers)
    if table is not None:
        frame = _arrow_frame(table, end, width)
    else:
        rows = grid[1:]
        lengths = set(map(len, rows))
        if len(lengths) == 1 and min(lengths) >= width:  # the usual rectangular grid: no per-row padding
            frame = pd.DataFrame(rows, dtype=object)
            if frame.shape[1] > width:
                frame = frame.iloc[:, :width]
            frame.columns = range(width)
        else:
            body = [(r + [None] * (width - len(r)))[:width] for r in rows]
            frame = pd.DataFrame(body, columns=range(width), dtype=object) if body else pd.DataFrame(columns=range(width))
        frame.index = range(2, len(rows) + 2)
        if len(frame):
            frame = frame[~blank_rows(frame)]
    if key in OPTIONAL_SHEETS and frame.empty:  # an optional sheet left empty: as if absent
        return None
    return RawSheet(sheet=key, name=sheet_name, file=file, headers=headers, rows=frame)


def _table_rows(table: pa.Table, start: int, stop: int) -> list[list[Any]]:
    """A few rows of an Arrow table as lists of Python values."""
    part = table.slice(start, max(stop - start, 0))
    return [list(r) for r in zip(*(c.to_pylist() for c in part.columns))]


def _arrow_frame(table: pa.Table, end: int, width: int) -> pd.DataFrame:
    """Data rows 2..end of an Arrow table of strings, its first ``width`` columns, without its blank rows:
    Arrow-backed string columns 0..width-1, index = spreadsheet row number."""
    body = table.slice(1, end - 1)
    columns = [body.column(i) for i in range(width)]
    keep = np.flatnonzero(~arrow_blank_rows(columns, body.num_rows))
    if len(keep) < body.num_rows:
        columns = [c.take(keep) for c in columns]
    return pd.DataFrame({i: pd.arrays.ArrowExtensionArray(c) for i, c in enumerate(columns)},
                        index=pd.Index(keep + 2), columns=range(width))
