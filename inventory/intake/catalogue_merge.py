"""Catalogues taken into an upload: converted, then merged with the rows they refresh, so that whole sheets
go through the normal check as if typed in one workbook.

A refresh replaces that catalogue's rows (programmes, needs and results whose id carries its prefix) and keeps
the hand-made ones, taken from the same upload's sheet when there is one, else from the active snapshot;
financers no known investor matches are added to the investors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from inventory.intake import catalogues
from inventory.intake.catalogues.common import (CatalogueRefused, Converted, Investors, SetAside, cell_text,
                                                register_number)
from inventory.intake.catalogues.correspondences import shipped, theme_lookup
from inventory.intake.reading.sheet import RawSheet, header_names
from inventory.models import SHEETS, Issue
from inventory.store import SHEET_COLUMNS

OWNER = {"programmes": "id", "besoins": "id", "realisations": "programme"}  # the id saying which catalogue
FILLED = ("investisseurs", "programmes", "besoins", "realisations")


@dataclass
class CatalogueReport:
    """What the import page and ``import --json`` say about the catalogues of an upload."""

    formats: list[dict[str, Any]] = field(default_factory=list)  # {"file", "format", "read": catalogue rows read}
    mapping: list[dict[str, Any]] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    new_investors: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # rows each sheet got from the catalogues
    origins: dict[str, dict[int, tuple[str, int]]] = field(default_factory=dict)  # sheet → row → (file, row)
    # each financer as written: the investor it became and how (« identifiant », « nom », « nouveau »)
    matches: list[dict[str, str]] = field(default_factory=list)


def take_in(upload, store, issues: list[Issue], warnings: list[str]) -> CatalogueReport | None:
    """Convert the upload's catalogues and put the merged sheets in ``upload.sheets`` (``RawSheet``s checked
    like any other); problems go to ``issues``. None when the upload holds no catalogue."""
    if not upload.catalogues:
        return None
    report = CatalogueReport()
    active = store.active_snapshot_id() if store is not None else None
    supported = _stored_sheets()

    def base(sheet: str) -> pd.DataFrame | None:
        raw = upload.sheets.get(sheet)
        if raw is not None:
            known = header_names(SHEETS[sheet])
            position = {}
            for i, h in enumerate(raw.headers):
                name = known.get(catalogues.aides_territoires.fold(h))
                if name is not None and name not in position:
                    position[name] = i
            return pd.DataFrame({c: raw.rows[position[c]] if c in position else None for c in SHEETS[sheet].model_fields},
                                index=raw.rows.index)
        if active is not None and sheet in supported:
            frame = store.sheet(active, sheet)
            frame.index = range(2, len(frame) + 2)
            return frame
        return None

    themes = []
    if "thematiques" in upload.sheets:
        t = base("thematiques")
        themes = list(zip(t["code"], t["libelle"])) if t is not None else []
    elif active is not None:
        themes = list(store.sheet(active, "thematiques").itertuples(index=False, name=None))
    table = shipped()
    if upload.correspondences is not None:
        table, problems = table.overridden(upload.correspondences, theme_lookup(themes))
        issues += problems
    elif themes:
        table = catalogues.correspondences.with_themes(table, themes)
    bases = {s: base(s) for s in FILLED}
    inv = bases["investisseurs"]
    book = Investors([] if inv is None else zip(inv["id"].astype(object), inv["nom"].astype(object)),
                     [] if inv is None else [(register_number(v), i) for column in ("siren", "rna") if column in inv
                                             for v, i in zip(inv[column].astype(object), inv["id"].astype(object))
                                             if isinstance(v, str)])
    converted: list[Converted] = []
    files: dict[int, str] = {}
    for cf in upload.catalogues:
        try:
            if cf.grid is not None:  # a workbook's sheet
                out = catalogues.convert_grid(cf.grid, file=cf.name, format=cf.format, investors=book, table=table)
            else:
                out = catalogues.convert(cf.data, file=cf.name, format=cf.format, investors=book, table=table)
        except CatalogueRefused as exc:
            issues.append(Issue(sheet=cf.name, message=str(exc), kind="fichier"))
            continue
        converted.append(out)
        files[id(out)] = cf.name
        report.formats.append({"file": cf.name, "format": out.catalogue, "read": out.read})
        report.set_aside += out.set_aside
        warnings += out.warnings
    if not converted:
        return report
    tally = catalogues.correspondences.Tally()
    for out in converted:
        for key, (valeur, targets, n) in out.tally.counts.items():
            slot = tally.counts.setdefault(key, [valeur, targets, 0])
            slot[2] += n
    report.mapping = tally.rows()
    report.new_investors = list(book.new)
    report.matches = [{"financeur": name, "investisseur": inv_id, "rapprochement": how}
                      for name, (inv_id, how) in book.matches.items()]
    if book.new:
        warnings.append(catalogues.texts.WARN_NEW_INVESTORS.format(
            n=len(book.new), names=", ".join(f"{i['nom']} ({i['id']})" for i in book.new)))
    prefixes = tuple({out.prefix for out in converted})
    for sheet in FILLED:
        rows = [(out, r, n) for out in converted for r, n in zip(out.sheets[sheet], out.rows[sheet])]
        if sheet == "investisseurs":
            rows = [(None, r, 0) for r in book.new]
        if not rows and sheet != "programmes" or sheet not in supported:
            continue
        cols = list(SHEETS[sheet].model_fields)
        kept = bases[sheet]
        body: list[list[Any]] = []
        index: list[int] = []
        if kept is not None and len(kept):
            owner = OWNER.get(sheet)
            if owner is not None:
                ids = kept[owner].astype("string").fillna("")
                kept = kept[~ids.str.startswith(prefixes)]
            stored = sheet not in upload.sheets
            for number, record in zip(kept.index, kept.reindex(columns=cols).itertuples(index=False, name=None)):
                body.append([_stored_text(v) for v in record] if stored else list(record))
                index.append(int(number))
        start = max(index, default=1) + 1
        origin = report.origins.setdefault(sheet, {})
        for k, (out, row, source_row) in enumerate(rows):
            body.append([cell_text(row.get(c)) for c in cols])
            index.append(start + k)
            if out is not None:
                origin[start + k] = (files[id(out)], source_row)
        report.counts[sheet] = len(rows)
        frame = pd.DataFrame(body, columns=range(len(cols)), index=index, dtype=object)
        name = upload.sheets[sheet].name if sheet in upload.sheets else sheet
        upload.sheets[sheet] = RawSheet(sheet=sheet, name=name, file=", ".join(f["file"] for f in report.formats),
                                        headers=cols, rows=frame)
    return report


def locate(issues: list[Issue], report: CatalogueReport | None) -> list[Issue]:
    """Issues on catalogue rows located in the catalogue file (file, its row) instead of the merged sheet."""
    if report is None or not report.origins:
        return issues
    out = []
    for issue in issues:
        where = report.origins.get(issue.sheet, {}).get(issue.row or -1)
        out.append(issue if where is None else issue.model_copy(update={"sheet": where[0], "row": where[1]}))
    return out


def _stored_sheets() -> set[str]:
    """The sheets the store keeps (results arrive with the follow-up work; until then they are not filled)."""
    return set(SHEET_COLUMNS)


def _stored_text(value: Any) -> str:
    """A stored value as a cell (lists from DuckDB come as arrays or lists)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, pd.Timestamp):
        value = value.date()
    return cell_text(value)
