"""Files we hand back to people: the template workbook, snapshot exports, table downloads, and the uploaded
workbook annotated with its errors.

Every text cell that a spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@``, tab, carriage
return at its start) is written with a leading apostrophe; the importer removes it again, so an export
re-imports as the same inventory.
"""
from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pandas as pd
import xlsxwriter

from inventory.intake import catalogues
from inventory import reference
from inventory.formats import date as shown_date
from inventory import texts as T
from inventory.models import SHEETS, Issue
from inventory.parsing import FORMULA_STARTS, LIST_SEPARATOR
from inventory.intake.reading.sheet import header_names
from inventory.reference import default_themes, fold


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would evaluate gets a leading apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    """A value as it leaves the tool: lists joined, dates as dates, and every text (a joined list too) through
    ``neutralise``, the one formula guard."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        items = value.tolist() if hasattr(value, "tolist") else value
        if isinstance(items, list):
            return neutralise(LIST_SEPARATOR.join(str(v) for v in items)) or None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    return neutralise(value)


def _write_sheet(wb: xlsxwriter.Workbook, ws, frame: pd.DataFrame, formats: dict) -> None:
    for c, name in enumerate(frame.columns):
        ws.write_string(0, c, str(name), formats["header"])
        ws.set_column(c, c, max(12, min(40, len(str(name)) + 4)))
    for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
        for c, value in enumerate(row):
            v = _cell(value)
            if v is None:
                continue
            if isinstance(v, (dt.date, dt.datetime)):
                ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), formats["date"])
            elif isinstance(v, bool):
                ws.write_boolean(r, c, v)
            elif isinstance(v, (int, float)):
                ws.write_number(r, c, v)
            else:
                ws.write_string(r, c, str(v))
    ws.freeze_panes(1, 0)


def _formats(wb: xlsxwriter.Workbook) -> dict:
    return {
        "header": wb.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1}),
        "date": wb.add_format({"num_format": "dd/mm/yyyy"}),
        "date_left": wb.add_format({"num_format": "dd/mm/yyyy", "align": "left"}),
        "bad": wb.add_format({"bg_color": "#F8CBAD", "font_color": "#9C0006"}),
        "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
    }


def workbook_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    """A workbook of the contract (one sheet per frame), re-importable as is."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    formats = _formats(wb)
    for sheet, frame in frames.items():
        _write_sheet(wb, wb.add_worksheet(sheet), frame, formats)
    wb.close()
    return buf.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV as French Excel opens it: UTF-8 with BOM, ';' separated, dates JJ/MM/AAAA, decimal comma, yes/no
    in words (« oui »/« non »); plain rows, for machines too: no context line above the headers."""
    out = french_booleans(frame)
    for col in out.columns:
        out[col] = [_csv_cell(v) for v in out[col].tolist()]
    return out.to_csv(sep=";", index=False, lineterminator="\r\n").encode("utf-8-sig")


def _csv_cell(value: Any) -> Any:
    v = _cell(value)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, float):
        return ("%d" % v) if v.is_integer() else repr(v).replace(".", ",")
    return v


@dataclass
class DownloadContext:
    """What a downloaded table was cut from: the inventory and its date, the filters of the view (name, value as
    in the URL), the view's address."""

    label: str
    as_of: dt.date | None
    created_by: str | None = None
    filters: list[tuple[str, str]] = field(default_factory=list)
    url: str | None = None
    downloaded: dt.datetime | None = None


def table_xlsx(frame: pd.DataFrame, sheet: str = "export", context: DownloadContext | None = None) -> bytes:
    """One table as a workbook, for the dashboard's download buttons; with a ``context``, a first sheet
    « contexte » says which inventory, which date, which filters, which view, and what the columns mean."""
    frame = french_booleans(frame)
    if context is None:
        return workbook_bytes({sheet[:31]: frame})
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    formats = _formats(wb)
    ws = wb.add_worksheet(T.CONTEXT_SHEET)
    ws.set_column(0, 0, 26)
    ws.set_column(1, 1, 110, formats["wrap"])
    lines: list[tuple[str, Any]] = [(T.CONTEXT_TITLE, ""), (T.CONTEXT_TABLE, sheet),
                                    (T.CONTEXT_INVENTORY, context.label), (T.CONTEXT_AS_OF, context.as_of)]
    if context.created_by:
        lines.append((T.CONTEXT_BY, context.created_by))
    filters = [f"{name}{T.COLON}{value}" for name, value in context.filters] or [T.CONTEXT_NO_FILTER]
    lines += [(T.CONTEXT_FILTERS if i == 0 else "", f) for i, f in enumerate(filters)]
    if context.url:
        lines.append((T.CONTEXT_URL, context.url))
    downloaded = context.downloaded or dt.datetime.now()
    lines.append((T.CONTEXT_DOWNLOADED, f"{shown_date(downloaded)} {downloaded:%H:%M}"))
    lines += [("", ""), (T.CONTEXT_COLUMN, T.CONTEXT_DEFINITION)]
    lines += column_definitions(frame.columns)
    for r, (name, value) in enumerate(lines):
        bold = r == 0 or name == T.CONTEXT_COLUMN
        if name:
            ws.write_string(r, 0, str(name), formats["header"] if bold else None)
        if isinstance(value, dt.date):
            ws.write_datetime(r, 1, dt.datetime(value.year, value.month, value.day), formats["date_left"])
        elif value not in (None, ""):
            ws.write_string(r, 1, str(neutralise(value)), formats["header"] if bold else formats["wrap"])
    _write_sheet(wb, wb.add_worksheet(_sheet_name(sheet)), frame, formats)
    wb.close()
    return buf.getvalue()


def _sheet_name(name: str) -> str:
    """A worksheet name Excel accepts (at most 31 characters, none of ``[]:*?/\\``), never « contexte »."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "-", name)[:31] or "export"
    return cleaned if cleaned != T.CONTEXT_SHEET else "tableau"


def column_definitions(columns: Iterable[str]) -> list[tuple[str, str]]:
    """Each column of a table as shown, with the sentence that defines it (``texts.FORMULAS``: the one
    explaining the number beside it on screen and on the Méthode page), blank when it has none. A column is
    known by its heading (« Zone blanche ») or its name (``zone_blanche``); « Score avant » is a score."""
    heading_to_key: dict[str, str] = {}
    for table in (T.TABLE_LABELS, T.COLUMN_LABELS, T.EVOL_COLUMNS, T.DEFIS_COLUMNS):
        for key, heading in table.items():
            heading_to_key.setdefault(str(heading), key)
    out = []
    for col in columns:
        key = heading_to_key.get(str(col), str(col))
        base = re.sub(r"^ecart_|_(avant|apres)$", "", key)
        out.append((str(col), T.FORMULAS.get(key) or T.FORMULAS.get(base) or ""))
    return out


def french_booleans(frame: pd.DataFrame) -> pd.DataFrame:
    """Yes/no columns in words (« oui »/« non »), as people read them, instead of True/False."""
    out = None
    for col in frame.columns:
        values = frame[col]
        if pd.api.types.is_bool_dtype(values) or (
                values.dtype == object and len(values) and all(isinstance(v, bool) or v is None for v in values)
                and any(isinstance(v, bool) for v in values)):
            out = frame.copy() if out is None else out
            out[col] = [None if v is None or v is pd.NA else (T.YES if v else T.NO) for v in values.tolist()]
    return frame if out is None else out


def download_name(view: str, as_of: dt.date | None, main_filter: str | None = None, ext: str = "csv") -> str:
    """``besoins_2020-06-30_REG-76.csv``: the view, the inventory's date, the main filter, in characters every
    file system and mail client keeps."""
    parts = [view, as_of.isoformat() if as_of else None, main_filter]
    ascii_ = [unicodedata.normalize("NFKD", str(p)).encode("ascii", "ignore").decode() for p in parts if p]
    safe = [re.sub(r"[^A-Za-z0-9_-]+", "-", p).strip("-") for p in ascii_]
    return "_".join(p for p in safe if p) + f".{ext}"


def snapshot_frames(store, snapshot_id: int) -> dict[str, pd.DataFrame]:
    frames = {sheet: store.sheet(snapshot_id, sheet) for sheet in ("investisseurs", "programmes", "besoins")}
    defaults = {(t.code, t.libelle) for t in default_themes()}
    themes = store.sheet(snapshot_id, "thematiques")
    own = themes[[(c, l) not in defaults for c, l in zip(themes["code"], themes["libelle"])]]
    if len(own):
        frames["thematiques"] = own.reset_index(drop=True)
    for sheet in ("engagements", "realisations", "operateurs"):  # optional: written when the snapshot has some
        rows = store.sheet(snapshot_id, sheet)
        if len(rows):
            frames[sheet] = rows
    return frames


def export_snapshot(store, snapshot_id: int, path: str | Path) -> list[Path]:
    """``PATH.xlsx``: one workbook; otherwise a directory with one CSV per sheet."""
    path = Path(path)
    frames = snapshot_frames(store, snapshot_id)
    if path.suffix.lower() == ".xlsx":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(workbook_bytes(frames))
        return [path]
    path.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet, frame in frames.items():
        target = path / f"{sheet}.csv"
        target.write_bytes(csv_bytes(frame))
        written.append(target)
    return written


def template_bytes() -> bytes:
    """The empty template (in the run's language; its sheet and column names stay the contract's): a read-me
    sheet, one sheet per contract sheet with its headers, help comments and drop-down lists for every closed value (multi-value cells accept a list typed by hand)."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    formats = _formats(wb)
    guide = _Guide(wb, formats)
    for sheet, model in SHEETS.items():
        ws = wb.add_worksheet(sheet)
        for c, (name, col) in enumerate(model.columns().items()):
            col = {**col, "title": model.column_label(name), "help": model.column_help(name)}  # the run's language
            ws.write_string(0, c, name, formats["header"])
            ws.set_column(c, c, max(14, len(name) + 4))
            ws.write_comment(0, c, f"{model.column_label(name)} — {model.column_help(name)}"
                                   + (T.TEMPLATE_REQUIRED_NOTE if col["required"] else ""))
            guide.validate(ws, c, sheet, name)
        ws.freeze_panes(1, 0)
    wb.get_worksheet_by_name("thematiques").write_comment(1, 0, T.TEMPLATE_THEMES_COMMENT)
    wb.close()
    return buf.getvalue()


class _Guide:
    """The template's « lisez-moi » sheet (how to fill, every column) and its hidden « listes » sheet (the closed
    values), written into a workbook; ``validate`` gives a column of a contract sheet its drop-down list. The
    template and the annotated error workbook share them, so a corrected file keeps its drop-downs."""

    def __init__(self, wb: xlsxwriter.Workbook, formats: dict) -> None:
        readme = wb.add_worksheet(T.TEMPLATE_README_SHEET)
        readme.set_column(0, 0, 22)
        readme.set_column(1, 4, 45)
        lines = [
            (T.TEMPLATE_TITLE, ""),
            ("", ""),
            (T.TEMPLATE_HOW, T.TEMPLATE_HOW_TEXT),
            (T.TEMPLATE_LISTS, T.TEMPLATE_LISTS_TEXT),
            (T.TEMPLATE_DATES, T.TEMPLATE_DATES_TEXT),
            (T.TEMPLATE_TERRITORIES, T.TEMPLATE_TERRITORIES_TEXT),
            (T.TEMPLATE_ABSENT, T.TEMPLATE_ABSENT_TEXT),
            (T.TEMPLATE_FOLLOWUP, T.TEMPLATE_FOLLOWUP_TEXT),
            ("", ""),
            T.TEMPLATE_README_HEADINGS,
        ]
        for r, line in enumerate(lines):
            for c, v in enumerate(line):
                readme.write_string(r, c, v, formats["header"] if r in (0, len(lines) - 1) else formats["wrap"])
        r = len(lines)
        choices_ws = wb.add_worksheet("listes")
        choices_ws.write_string(0, 0, "thematiques.code", formats["header"])  # default themes: a drop-down that
        choices_ws.write_column(1, 0, [t.code for t in default_themes()])  # still accepts the sheet's own codes
        self.themes_source = f"=listes!$A$2:$A${len(default_themes()) + 1}"
        self.sources: dict[tuple[str, str], str] = {}
        list_col = 1
        for sheet, model in SHEETS.items():
            for name, col in model.columns().items():
                readme.write_row(r, 0, [sheet, name, T.YES if col["required"] else T.NO,
                                        model.column_help(name),
                                        ", ".join(col["choices"] or [])], formats["wrap"])
                r += 1
                if col["choices"]:
                    choices_ws.write_string(0, list_col, f"{sheet}.{name}", formats["header"])
                    choices_ws.write_column(1, list_col, col["choices"])
                    letter = xlsxwriter.utility.xl_col_to_name(list_col)
                    self.sources[(sheet, name)] = f"=listes!${letter}$2:${letter}${len(col['choices']) + 1}"
                    list_col += 1
        for i, t in enumerate(default_themes(), start=1):
            readme.write_row(r + i, 0, [T.TEMPLATE_DEFAULT_THEME, t.code, "", reference.theme_label(t.code, t.libelle)],
                             formats["wrap"])
        choices_ws.hide()

    def validate(self, ws, c: int, sheet: str, name: str, *, rows: int = 5000, present: Iterable[str] = SHEETS) -> None:
        """Column ``c`` of ``ws`` holds the contract column ``sheet.name``: its drop-down list and bounds
        (ids of another sheet only when that sheet is ``present`` in the workbook: Excel refuses a list that
        points at no sheet)."""
        model = SHEETS[sheet]
        col = {**model.columns()[name], "title": model.column_label(name), "help": model.column_help(name)}
        prompt = {"input_title": col["title"][:32], "input_message": col["help"][:255]}
        if (sheet, name) in self.sources:
            ws.data_validation(1, c, rows, c, {"validate": "list", "source": self.sources[(sheet, name)],
                                               "error_type": "information" if col["is_list"] else "stop", **prompt})
        if col["refers"] and col["refers"] in present:  # ids typed in another sheet: offered, not imposed
            ws.data_validation(1, c, rows, c, {"validate": "list", "source": f"={col['refers']}!$A$2:$A$5000",
                                               "error_type": "information", **prompt})
        if col["themes"]:
            ws.data_validation(1, c, rows, c, {"validate": "list", "source": self.themes_source,
                                               "error_type": "information", **prompt})
        if col["bounds"]:
            lo, hi = col["bounds"]
            rule = {"criteria": "between", "minimum": lo, "maximum": hi} if hi else {"criteria": ">=", "value": lo}
            ws.data_validation(1, c, rows, c, {"validate": "integer", **rule, "error_type": "stop",
                                               "error_title": col["title"][:32], "error_message": col["help"][:255],
                                               **prompt})


def annotated_workbook(sheets: Iterable, issues: list[Issue], set_aside: Iterable[dict] = ()) -> bytes:
    """The uploaded sheets as read, each bad cell filled red with the message as a comment, and an
    « erreurs » column per row, so the facilitator fixes the file in Excel and uploads it again; the catalogue
    rows set aside (``{"sheet", "row", "value", "message"}``) in a sheet of their own. The template's
    « lisez-moi » and « listes » sheets come along, so the contract columns keep their drop-down lists."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    formats = _formats(wb)
    by_sheet: dict[str, list[Issue]] = {}
    for issue in issues:
        by_sheet.setdefault(issue.sheet, []).append(issue)
    sheets = list(sheets)
    guide = _Guide(wb, formats) if sheets else None
    for raw in sheets:
        ws = wb.add_worksheet(raw.sheet[:31])
        headers = list(raw.headers)
        if guide is not None and raw.sheet in SHEETS:
            known = header_names(SHEETS[raw.sheet])
            last = max([int(r) for r in raw.rows.index] + [1]) + 500
            for c, h in enumerate(headers):
                name = known.get(fold(h)) if isinstance(h, str) else None
                if name is not None:
                    guide.validate(ws, c, raw.sheet, name, rows=max(last, 5000), present=[r.sheet for r in sheets])
        err_col = len(headers)
        for c, h in enumerate(headers + [T.ANNOTATED_ERRORS_COLUMN]):
            ws.write_string(0, c, h, formats["header"])
            ws.set_column(c, c, 16)
        ws.set_column(err_col, err_col, 60)
        cell_issues: dict[tuple[int, int], list[str]] = {}
        row_issues: dict[int, list[str]] = {}
        col_of = {h: i for i, h in enumerate(headers)}
        for issue in by_sheet.get(raw.sheet, []):
            if issue.row is None:
                continue
            row_issues.setdefault(issue.row, []).append(issue.message)
            if issue.column in col_of:
                cell_issues.setdefault((issue.row, col_of[issue.column]), []).append(issue.message)
        for row_no, values in zip(raw.rows.index, raw.rows.itertuples(index=False, name=None)):
            r = int(row_no) - 1
            for c, value in enumerate(values):
                v = _cell(value)
                fmt = formats["bad"] if (row_no, c) in cell_issues else None
                if v is None:
                    ws.write_blank(r, c, None, fmt)
                elif isinstance(v, (dt.date, dt.datetime)):
                    ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), fmt or formats["date"])
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    ws.write_number(r, c, v, fmt)
                else:
                    ws.write_string(r, c, str(v), fmt)
            if row_no in row_issues:
                ws.write_string(r, err_col, " | ".join(row_issues[row_no]), formats["bad"])
        for (row_no, c), msgs in cell_issues.items():
            ws.write_comment(int(row_no) - 1, c, "\n".join(msgs)[:30000])
        for issue in by_sheet.get(raw.sheet, []):
            if issue.row == 1 and issue.column in col_of:
                ws.write_comment(0, col_of[issue.column], issue.message)
        ws.freeze_panes(1, 0)
    if sheets:
        wb.get_worksheet_by_name(sheets[0].sheet[:31]).activate()  # opens on the errors, not on the read-me
    aside = list(set_aside)
    if aside:
        ws = wb.add_worksheet(T.SET_ASIDE_SHEET)
        for c, h in enumerate(T.SET_ASIDE_COLUMNS):
            ws.write_string(0, c, h, formats["header"])
        ws.set_column(0, 1, 14)
        ws.set_column(2, 2, 40)
        ws.set_column(3, 3, 90)
        for r, a in enumerate(aside, start=1):
            ws.write_string(r, 0, str(a["sheet"]))
            ws.write_number(r, 1, int(a["row"]))
            ws.write_string(r, 2, str(neutralise(a["value"] or "")))
            ws.write_string(r, 3, str(a["message"]))
        ws.freeze_panes(1, 0)
    wb.close()
    return buf.getvalue()


def contract_markdown() -> str:
    """docs/contract.md, generated from the models (``python -m inventory contract``): the spreadsheet contract
    as a newcomer reads it, never written twice."""
    lines = [
        "# The spreadsheet contract",
        "",
        "Generated from `inventory/models.py` by `python -m inventory contract > docs/contract.md`; a test keeps",
        "it in step. One workbook (`.xlsx`, `.ods`) with these sheets, or one CSV per sheet named after it",
        "(UTF-8 with or without BOM, Windows-1252, or UTF-16 as Excel's « Texte Unicode »; `;`, `,` or tab",
        "separated). Sheet and column names match case-, accent- and space-insensitively; the French label",
        "and the English alias are accepted too.",
        "Lists in a cell are separated by `;` or `,`. Dates: `30/06/2020`, `2020-06-30` or real spreadsheet",
        "dates. Numbers: `1 234,5`, `1234.5`, `1.234,5` or `12.345.678` (a lone `,` or `.` is the decimal one).",
        "Territories: `FR`, a region or département by name (any case, with or without accents), `REG-84`,",
        "`DEP-69` or a bare département number (`69`, `2A`, `974`).",
        "A sheet left out of an upload is carried over from the active snapshot.",
        "",
    ]
    for sheet, model in SHEETS.items():
        lines += [f"## `{sheet}` ({model.sheet_en})", "", "| column | alias | label | required | expected | values |",
                  "|---|---|---|---|---|---|"]
        for name, col in model.columns().items():
            values = ", ".join(f"`{c}`" for c in col["choices"] or [])
            if col["bounds"]:
                lo, hi = col["bounds"]
                values = f"{lo} to {hi}" if hi is not None else f"≥ {lo}"
            lines.append(f"| `{name}` | `{col['en']}` | {col['title']} | {'yes' if col['required'] else 'no'} | "
                         f"{col['help']} | {values} |")
        lines.append("")
    lines += ["## Default themes", "", "| code | label |", "|---|---|"]
    lines += [f"| `{t.code}` | {t.libelle} |" for t in default_themes()]
    lines += [""] + catalogues.contract_section()
    return "\n".join(lines).rstrip("\n") + "\n"
