"""A catalogue's rows merged with the active snapshot's: a refresh replaces that catalogue's rows and keeps the
hand-made ones, so that the whole sheet goes through the normal check as if typed in one workbook."""
from __future__ import annotations

from typing import Any

import pandas as pd

from inventory.catalogues.common import Converted, cell_text

# the column holding the id that says which catalogue a row came from
OWNER = {"programmes": "id", "besoins": "id", "realisations": "programme"}


def merged_grids(converted: Converted, active: dict[str, pd.DataFrame | None],
                 columns: dict[str, list[str]]) -> dict[str, tuple[list[list[str]], list[int | None]]]:
    """For each sheet the catalogue fills: (grid = header row then rows of text, the catalogue row of each data
    row or None for a kept row). ``active`` holds the active snapshot's sheets (None or absent: none);
    ``columns`` the contract columns of each sheet. Investors: every active investor, then the new ones.
    Programmes, needs, results: the active rows not carrying this catalogue's prefix, then the catalogue's."""
    out: dict[str, tuple[list[list[str]], list[int | None]]] = {}
    for sheet, rows in converted.sheets.items():
        if sheet not in columns:
            continue
        kept = active.get(sheet)
        if not rows and sheet != "programmes":
            continue  # nothing of this catalogue in the sheet: it is carried over as it is
        cols = columns[sheet]
        grid: list[list[str]] = [list(cols)]
        origin: list[int | None] = []
        if kept is not None and len(kept):
            frame = kept
            owner = OWNER.get(sheet)
            if owner is not None and owner in frame:
                ids = frame[owner].astype("string").fillna("")
                frame = frame[~ids.str.startswith(converted.prefix)]
            for record in frame.reindex(columns=cols).itertuples(index=False, name=None):
                grid.append([_text(v) for v in record])
                origin.append(None)
        for row, source_row in zip(rows, converted.rows[sheet]):
            grid.append([cell_text(row.get(c)) for c in cols])
            origin.append(source_row)
        out[sheet] = (grid, origin)
    return out


def _text(value: Any) -> str:
    """A stored value as a cell (lists from DuckDB come as arrays or lists)."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if hasattr(value, "date") and callable(value.date) and not isinstance(value, str):
        value = value.date()
    return cell_text(value)
