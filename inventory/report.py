"""The import page's validation report, in the manner of 360Giving's data-quality tool: problems grouped by
kind with counts, every occurrence in a table, the first ones in a small grid of their neighbouring cells, and
a preview of what a clean upload would change."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

import pandas as pd
from pandas.io.formats.style import Styler
from xlsxwriter.utility import xl_col_to_name

from inventory import texts as T
from inventory.importer import MAIN_SHEETS, Checked
from inventory.models import Issue, Snapshot
from inventory.parsing import is_blank, show
from inventory.reading import RawSheet

MARK = "▶ "
BAD_CELL_STYLE = "background-color: #F8CBAD; color: #9C0006; font-weight: bold"
CELL_CHARS = 60


def issues_frame(issues: Iterable[Issue]) -> pd.DataFrame:
    """Every occurrence, one row each: sheet, row, column, value, message (French headers)."""
    rows = [(i.sheet, i.row, i.column or "", i.value or "", i.message) for i in issues]
    frame = pd.DataFrame(rows, columns=list(T.IMP_REPORT_COLUMNS.values()))
    frame[T.IMP_REPORT_COLUMNS["row"]] = frame[T.IMP_REPORT_COLUMNS["row"]].astype("Int64")
    return frame


def by_kind(issues: Iterable[Issue]) -> list[tuple[str, list[Issue]]]:
    """Issues grouped by kind, in the order of ``texts.KIND_LABELS`` (unknown kinds last)."""
    groups: dict[str, list[Issue]] = {}
    for issue in issues:
        groups.setdefault(issue.kind, []).append(issue)
    order = list(T.KIND_LABELS)
    return sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))


def kind_label(kind: str) -> str:
    return T.KIND_LABELS.get(kind, kind)


def kind_counts(issues: Iterable[Issue]) -> pd.DataFrame:
    return pd.DataFrame([(kind_label(k), len(v)) for k, v in by_kind(issues)],
                        columns=list(T.IMP_KIND_COLUMNS.values()))


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as the spreadsheet names it (xlsxwriter's, as the exports use)."""
    return xl_col_to_name(index)


@dataclass
class Neighbourhood:
    """A few rows and columns around a bad cell, as text; ``row``/``column`` label the bad cell."""

    frame: pd.DataFrame
    row: int
    column: str

    def styled(self) -> Styler:
        """The grid with the bad cell highlighted (the ▶ marker stays for greyscale and screen readers)."""
        def paint(frame: pd.DataFrame) -> pd.DataFrame:
            css = pd.DataFrame("", index=frame.index, columns=frame.columns)
            css.loc[self.row, self.column] = BAD_CELL_STYLE
            return css
        return self.frame.style.apply(paint, axis=None)


def _text(value: object) -> str:
    if is_blank(value):
        return ""
    text = show(value)
    return text if len(text) <= CELL_CHARS else text[:CELL_CHARS - 1] + "…"


def neighbourhood(raw: RawSheet, issue: Issue, *, rows: int = 2, cols: int = 2) -> Neighbourhood | None:
    """The cells around an issue's cell, the bad one marked; None when the issue has no cell (a missing
    column, a whole file) or its row is not among the data rows."""
    if issue.row is None or issue.row <= raw.header_row or issue.column not in raw.headers:
        return None
    index = raw.rows.index
    if issue.row not in index:
        return None
    pos = index.get_loc(issue.row)
    col = raw.headers.index(issue.column)
    row_slice = raw.rows.iloc[max(0, pos - rows): pos + rows + 1]
    first, last = max(0, col - cols), min(len(raw.headers), col + cols + 1)
    names = [f"{column_letter(c)} · {raw.headers[c] or '–'}" for c in range(first, last)]
    grid = row_slice.loc[:, list(range(first, last))].map(_text)
    grid.columns = names
    grid.index = pd.Index([int(r) for r in grid.index], name=T.IMP_REPORT_COLUMNS["row"])
    bad = names[col - first]
    shown = grid.at[issue.row, bad]
    grid.at[issue.row, bad] = MARK + (shown or T.IMP_EMPTY_CELL)
    return Neighbourhood(frame=grid, row=issue.row, column=bad)


def examples(checked: Checked, issues: Iterable[Issue], *, limit: int = 3) -> list[tuple[Issue, Neighbourhood]]:
    """The first issues (at most ``limit``) that can be shown among their neighbouring cells."""
    out = []
    for issue in issues:
        raw = checked.upload.sheets.get(issue.sheet)
        grid = neighbourhood(raw, issue) if raw is not None else None
        if grid is not None:
            out.append((issue, grid))
            if len(out) >= limit:
                break
    return out


def change_preview(checked: Checked, current: Mapping[str, int] | None) -> pd.DataFrame:
    """Rows per sheet in the active snapshot and in the snapshot the upload would make, with the origin of
    each sheet (uploaded or carried over)."""
    current = current or {}
    uploaded = checked.counts()
    rows = []
    for sheet in MAIN_SHEETS:
        before = int(current.get(sheet, 0))
        carried = sheet in checked.carried_over
        after = before if carried else int(uploaded.get(sheet, 0))
        rows.append((sheet, before, after, after - before, T.IMP_ORIGIN_CARRIED if carried else T.IMP_ORIGIN_UPLOADED))
    return pd.DataFrame(rows, columns=list(T.IMP_PREVIEW_COLUMNS.values()))


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def plain(text: object) -> str:
    """Text typed by a user, made inert for a Markdown element (alerts, captions): every character Markdown
    could read as syntax is backslash-escaped, so it shows exactly as typed and never becomes a link or image."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def snapshots_frame(snaps: Iterable[Snapshot]) -> pd.DataFrame:
    """The snapshot list as the import page shows it (French headers), newest first."""
    rows = [(s.id, s.label, s.as_of, s.created_at, s.created_by or "", s.files or "", s.counts.get("besoins", 0),
             s.counts.get("programmes", 0), s.counts.get("investisseurs", 0), s.active) for s in snaps]
    frame = pd.DataFrame(rows, columns=list(T.IMP_SNAPSHOT_COLUMNS.values()))
    return frame.iloc[::-1].reset_index(drop=True)
