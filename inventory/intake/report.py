"""The import page's validation report, in the manner of 360Giving's data-quality tool: problems grouped by
kind with counts, every occurrence in a table, the first ones in a small grid of their neighbouring cells, and
a preview of what a clean upload would change."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

import pandas as pd
from pandas.io.formats.style import Styler
from xlsxwriter.utility import xl_col_to_name

from inventory.intake import catalogues, reading
from inventory import formats, reference
from inventory import texts as T
import datetime as dt

from inventory.intake.importer import MAIN_SHEETS, Checked
from inventory.models import SHEETS, Issue, Snapshot
from inventory.parsing import is_blank, show
from inventory.intake.reading import RawSheet
from inventory.store import Store, changes

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


# a sheet that loses more than this share of its rows is called out in words before the commit
LARGE_REMOVAL = 1 / 3
# rows whose ``date`` says when the data was true: a need when it was collected, a commitment when it was decided.
# A result's ``date`` is the end of the period it reports (an HXL ``#date+end``), and ends are never proposed: a
# snapshot dated at the end of a period would deactivate the programmes just imported that end before it.
DATED_SHEETS = ("besoins", "engagements")


def large_removals(preview: pd.DataFrame) -> list[tuple[str, int, int]]:
    """(sheet, rows now, rows after) for each sheet of ``change_preview`` that would lose more than a third of
    its rows: the new inventory replaces the active one, and such a loss is most often a wrong or partial file."""
    c = T.IMP_PREVIEW_COLUMNS
    return [(sheet, int(before), int(after))
            for sheet, before, after in preview[[c["feuille"], c["actuel"], c["nouveau"]]].itertuples(index=False)
            if before > 0 and before - after > before * LARGE_REMOVAL]


def data_dates(checked: Checked) -> dict[str, dt.date]:
    """The latest date of the rows each uploaded sheet carries (needs, results, commitments), for proposing the
    new inventory's date instead of today's."""
    out = {}
    for sheet in DATED_SHEETS:
        table = checked.tables.get(sheet)
        if table is None or "date" not in table.column_names or table.num_rows == 0:
            continue
        latest = pa_max(table.column("date"))
        if latest is not None:
            out[sheet] = latest
    return out


def pa_max(column) -> dt.date | None:
    import pyarrow.compute as pc

    value = pc.max(column).as_py()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def audit_frame(log: pd.DataFrame) -> pd.DataFrame:
    """The store's audit log as the import page shows it: when, who, what (in words), which inventory."""
    c = T.IMP_AUDIT_COLUMNS
    return pd.DataFrame({
        c["happened_at"]: log["happened_at"],
        c["who"]: log["who"],
        c["action"]: [{**T.IMP_AUDIT_ACTIONS, **T.SESSION_AUDIT_ACTIONS}.get(a, a) for a in log["action"]],
        c["snapshot_id"]: log["snapshot_id"].astype("Int64"),
        c["detail"]: log["detail"].fillna(""),
    })


def catalogue_frames(checked: Checked) -> tuple[list[str], pd.DataFrame, pd.DataFrame]:
    """What the import page says of an upload's formats: each file and the format recognised (a catalogue, else
    the inventory's own workbook or CSV), the correspondences applied with their counts, the rows set aside."""
    report = checked.catalogue
    names = {catalogues.aides_territoires.NAME: T.CAT_AIDES_TERRITOIRES, catalogues.hxl.NAME: T.CAT_HXL}
    found = report.formats if report else []
    lines = [T.IMP_FORMAT_LINE.format(file=f["file"], format=names.get(f["format"], f["format"])) for f in found]
    lines += [T.IMP_FORMAT_LINE.format(file=f, format=T.IMP_FORMAT_CONTRACT)
              for f in checked.upload.files if f not in {c["file"] for c in found}]
    m, a = T.IMP_MAPPING_COLUMNS, T.IMP_SET_ASIDE_COLUMNS
    rows = report.mapping if report else []
    mapping = pd.DataFrame({
        m["source"]: [r["source"] for r in rows],
        m["valeur"]: [r["valeur"] for r in rows],
        m["thematique"]: [T.IMP_MAPPING_NONE if r["thematique"] is None else
                          (" ; ".join(r["thematique"]) or T.IMP_MAPPING_OUTSIDE) for r in rows],
        m["lignes"]: pd.array([r["lignes"] for r in rows], dtype="Int64"),
    })
    aside = report.set_aside if report else []
    set_aside = pd.DataFrame({  # which aid, and why, first: the file and where in it last
        a["item"]: [" · ".join(w for w in (s.ref, s.title) if w) for s in aside],
        a["message"]: [s.message for s in aside],
        a["value"]: [s.value for s in aside],
        a["sheet"]: [s.sheet for s in aside],
        a["row"]: [(T.PREVIEW_WHERE_POSITION if s.positional else T.PREVIEW_WHERE_LINE).format(n=s.row)
                   for s in aside],
    }, columns=[a[k] for k in ("item", "message", "value", "sheet", "row")])
    return lines, mapping, set_aside


def snapshots_frame(snaps: Iterable[Snapshot]) -> pd.DataFrame:
    """The snapshot list as the import page shows it (French headers), newest first."""
    rows = [(s.id, s.title, s.as_of, s.created_at, s.created_by or "", s.files or "", s.counts.get("besoins", 0),
             s.counts.get("programmes", 0), s.counts.get("investisseurs", 0), s.active) for s in snaps]
    frame = pd.DataFrame(rows, columns=list(T.IMP_SNAPSHOT_COLUMNS.values()))
    return frame.iloc[::-1].reset_index(drop=True)


# --- what the upload is, in words: the catalogues recognised, the kinds of file accepted -------------------------
def _counted(template: str, n: int) -> str:
    return T.plural(template, n=n).format(n=formats.number(n))


def catalogues_recognised(checked: Checked) -> str | None:
    """« 2 catalogues reconnus : aides-territoires (9 aides), 3W HXL (12 lignes) », or None without a catalogue
    read (a refused one is in the report's problems)."""
    found = checked.catalogue.formats if checked.catalogue else []
    if not found:
        return None
    parts = [_counted(T.PREVIEW_CATALOGUE_READ[f["format"]], f["read"]) for f in found]
    return T.plural(T.PREVIEW_CATALOGUES, n=len(found)).format(n=formats.number(len(found)),
                                                                catalogues=", ".join(parts))


def accepted_files() -> str:
    """Every kind of file the readers take, in words: a kind that comes in one shape with its extensions
    (« classeur du modèle (.xlsx, .xlsm, .ods) »), one published in several with their names (« catalogue
    aides-territoires (JSON, CSV ou classeur) »)."""
    kinds = []
    for kind, shapes in reading.accepted():
        if len(shapes) == 1:
            described = ", ".join(next(iter(shapes.values())))
        else:
            names = [T.PREVIEW_SHAPES[s] for s in shapes]
            described = T.PREVIEW_OR.join([", ".join(names[:-1]), names[-1]])
        kinds.append(T.PREVIEW_KIND.format(kind=T.PREVIEW_KINDS[kind], shapes=described))
    return T.PREVIEW_UPLOADER.format(kinds=T.PREVIEW_KINDS_JOIN.join(kinds))


# --- the rows an upload changes -----------------------------------------------------------------------------
ROWS_SHOWN = 100  # rows of each kind (added, removed, changed) listed per sheet; the counts count them all
TERRITORY_COLUMNS = ("territoire", "territoires")


def row_changes(checked: Checked, store: Store, *, limit: int = ROWS_SHOWN) -> list[changes.SheetChanges]:
    """For each sheet the upload replaces (in the contract's order), its rows added, removed and changed against
    the active snapshot; the sheets carried over change nothing and are left out."""
    active = store.active_snapshot_id()
    return [changes.sheet_changes(store, active, sheet, checked.tables[sheet], limit=limit)
            for sheet in SHEETS if sheet in checked.tables]


def changes_line(sheet: changes.SheetChanges) -> str:
    """« besoins : 3 ajouts, 1 retrait, 2 modifications », the kinds with none left out."""
    if not sheet.total:
        return T.PREVIEW_NO_CHANGE.format(sheet=sheet.sheet)
    parts = [_counted(template, sheet.counts[kind]) for kind, template in
             (("ajoute", T.PREVIEW_ADDED), ("retire", T.PREVIEW_REMOVED), ("modifie", T.PREVIEW_CHANGED))
             if sheet.counts[kind]]
    return T.PREVIEW_SHEET_LINE.format(sheet=sheet.sheet, parts=", ".join(parts))


def cell_shown(column: str | None, value: object) -> str:
    """A stored value as the preview shows it: territories by name, lists joined, numbers and dates as people
    read them, none as « – »."""
    if value is None or (isinstance(value, (list, tuple)) and not value) or is_blank(value):
        return formats.NO_VALUE
    if isinstance(value, (list, tuple)):
        return " ; ".join(cell_shown(column, v) for v in value)
    if column in TERRITORY_COLUMNS:
        known = reference.territories().get(str(value))
        return known.nom if known is not None else str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return formats.date(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return formats.number(value, 0 if value.is_integer() else 2)
    if isinstance(value, int):
        return formats.number(value)
    return str(value)


def row_label(sheet: str, row: dict) -> str:
    """A row named as a person reads it: its id and name (« P1 · Numérique pour tous »), else what its natural key
    says (« Rhône · terrain · numerique »)."""
    model = SHEETS[sheet]
    parts = [str(row[model.key])] if model.key and not is_blank(row.get(model.key)) else []
    name = row.get("nom") or row.get("libelle")
    if name:
        parts.append(str(name))
    else:
        parts += [cell_shown(c, row.get(c)) for c in model.natural_key if not is_blank(row.get(c)) and row.get(c) != []]
    return " · ".join(parts)


def changes_frame(sheet: changes.SheetChanges) -> pd.DataFrame:
    """The listed rows of a sheet's changes, one line per row added or removed and per cell changed: which row,
    what happens to it, and for a changed cell its column, before and after."""
    c, kinds = T.PREVIEW_COLUMNS, T.PREVIEW_CHANGE_LABELS
    model = SHEETS[sheet.sheet]
    lines = []
    for row in sheet.rows:
        label = row_label(sheet.sheet, row.after if row.after is not None else row.before)
        if row.change != "modifie":
            lines.append((label, kinds[row.change], "", "", ""))
            continue
        for column in row.columns:
            lines.append((label, kinds[row.change], model.column_label(column),
                          cell_shown(column, row.before[column]), cell_shown(column, row.after[column])))
    return pd.DataFrame(lines, columns=[c[k] for k in ("ligne", "changement", "colonne", "avant", "apres")])
