"""Write real spreadsheet files from rows, the way facilitators' tools write them.

A *sheet* is a list of rows whose first row is the header (so the spreadsheet row number of ``rows[i]`` is
``i + 1``). ``None`` is an empty cell; ``[]`` is a blank row. Dates may be ``datetime.date`` objects: the
workbook writers store them as real date cells.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

Sheets = dict[str, list[list[Any]]]


class CellError(str):
    """A real error cell (the result of a failed formula), e.g. ``CellError("#N/A")``."""


CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

INVESTISSEURS = [
    ["id", "nom", "type", "site_web"],
    ["INV1", "Fondation Alpha (fictive)", "fondation", "https://exemple.org/alpha"],
    ["INV2", "Institut Beta (fictif)", "institution", None],
    ["INV3", "Entreprise Gamma (fictive)", "entreprise", None],
]
PROGRAMMES = [
    ["id", "nom", "investisseurs", "phase", "nature", "thematiques", "territoires", "publics", "budget_eur",
     "date_debut", "date_fin", "odd", "url", "description"],
    ["P1", "Fonds national", "INV1;INV2", "urgence", "subvention", "modele_socio_eco", "FR", "association",
     1000000, dt.date(2020, 3, 1), dt.date(2020, 12, 31), "8;17", None, "Programme national"],
    ["P2", "Numérique régional", "INV3", "relance", "formation;outil", "numerique;competences", "REG-84",
     None, 25000.5, dt.date(2020, 4, 1), None, "9", "https://exemple.org/p2", None],
]
BESOINS = [
    ["territoire", "source", "thematique", "intensite", "nb_acteurs", "public", "secteur", "date", "description",
     "odd", "id"],
    ["DEP-69", "terrain", "modele_socio_eco", 4, 3, "association", "culture", dt.date(2020, 6, 1), "Trésorerie",
     "8", "B1"],
    ["REG-84", "ingenierie", "numerique", 2, 1, None, None, None, None, None, "B2"],
    ["FR", "terrain", "juridique", 5, 10, "structure_ess", "social", dt.date(2020, 5, 15), None, "16;17", "B3"],
]


def inventory_sheets() -> Sheets:
    """A small valid inventory (fresh copies, so tests may edit them)."""
    return {"investisseurs": [list(r) for r in INVESTISSEURS], "programmes": [list(r) for r in PROGRAMMES],
            "besoins": [list(r) for r in BESOINS]}


def write_xlsx(path: Path, sheets: Sheets) -> Path:
    """An Excel workbook written by openpyxl, dates as real date cells."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                if isinstance(value, CellError):
                    cell = ws.cell(row=r, column=c, value=str(value))
                    cell.data_type = "e"
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
    wb.save(path)
    return path


def write_ods(path: Path, sheets: Sheets) -> Path:
    """A LibreOffice workbook (odfpy), dates as real date cells, numbers as float cells."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    tc = TableCell()
                elif isinstance(value, CellError):  # as LibreOffice saves =NA()
                    tc = TableCell(formula="of:=NA()", valuetype="string", stringvalue="")
                    tc.setAttrNS(CALCEXT, "value-type", "error")
                    tc.addElement(P(text=str(value)))
                elif isinstance(value, bool):
                    tc = TableCell(valuetype="boolean", booleanvalue=str(value).lower())
                    tc.addElement(P(text=str(value)))
                elif isinstance(value, (int, float)):
                    tc = TableCell(valuetype="float", value=value)
                    tc.addElement(P(text=str(value)))
                elif isinstance(value, dt.date):
                    tc = TableCell(valuetype="date", datevalue=value.isoformat())
                    tc.addElement(P(text=value.strftime("%d/%m/%Y")))
                else:
                    tc = TableCell(valuetype="string")
                    tc.addElement(P(text=str(value)))
                tr.addElement(tc)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def _csv_text(value: Any, decimal: str) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return (repr(value) if not value.is_integer() else str(int(value))).replace(".", decimal)
    return str(value)


def csv_bytes(rows: list[list[Any]], *, sep: str = ";", encoding: str = "utf-8", bom: bool = False,
              decimal: str = ",", newline: str = "\r\n") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator=newline)
    for row in rows:
        writer.writerow([_csv_text(v, decimal) for v in row])
    data = buf.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def write_csvs(directory: Path, sheets: Sheets, **kw: Any) -> list[Path]:
    """One CSV per sheet, named after it."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rows in sheets.items():
        path = directory / f"{name}.csv"
        path.write_bytes(csv_bytes(rows, **kw))
        paths.append(path)
    return paths


def write(fmt: str, tmp: Path, sheets: Sheets, **kw: Any) -> list[Path]:
    """The upload's files for one format: ``xlsx``, ``ods`` or ``csv``."""
    tmp.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [write_xlsx(tmp / "inventaire.xlsx", sheets)]
    if fmt == "ods":
        return [write_ods(tmp / "inventaire.ods", sheets)]
    return write_csvs(tmp / "csv", sheets, **kw)


def errors(result) -> set[tuple]:
    """(sheet, row, column, value) of every problem of an ImportResult, for exact assertions."""
    return {(e.sheet, e.row, e.column, e.value) for e in result.errors}


def _plain(value: Any) -> Any:
    import math

    import pandas as pd

    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def plain(frame) -> list[dict[str, Any]]:
    """A stored sheet as plain Python rows (lists as tuples, NaN/NaT as None, timestamps as dates)."""
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def content(store, snapshot_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every sheet of a snapshot, as plain rows: two snapshots with equal content hold the same inventory."""
    return {sheet: plain(store.sheet(snapshot_id, sheet))
            for sheet in ("investisseurs", "programmes", "besoins", "thematiques")}


def table_counts(store) -> dict[str, int]:
    """Row count of every table of the database (to prove a refused or failed write changed nothing)."""
    from inventory.store.schema import SNAPSHOT_TABLES, STORED_TABLES

    tables = (*SNAPSHOT_TABLES, *STORED_TABLES, "snapshots")
    counts = {t: store.rows(f"SELECT count(*) FROM {t}")[0][0] for t in tables}
    counts["active"] = store.active_snapshot_id()
    return counts


def frames(investisseurs: list[dict], programmes: list[dict], besoins: list[dict],
           thematiques: list[dict] | None = None) -> dict:
    """Contract frames (typed values, lists as lists) from short dicts; absent columns get their defaults."""
    import pandas as pd

    from inventory.intake.importer import to_tables
    from inventory.models import SHEETS
    from inventory.store import SHEET_COLUMNS

    def frame(sheet: str, rows: list[dict]) -> pd.DataFrame:
        model = SHEETS[sheet]
        out = []
        for row in rows:
            full = {}
            for name in SHEET_COLUMNS[sheet]:
                info = model.model_fields[name]
                default = None if info.is_required() else info.get_default(call_default_factory=True)
                full[name] = row.get(name, default)
            out.append(full)
        return pd.DataFrame(out, columns=SHEET_COLUMNS[sheet])

    got = {"investisseurs": frame("investisseurs", investisseurs), "programmes": frame("programmes", programmes),
           "besoins": frame("besoins", besoins)}
    if thematiques is not None:
        got["thematiques"] = frame("thematiques", thematiques)
    return to_tables(got)
