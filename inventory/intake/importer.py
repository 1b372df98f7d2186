"""An import, in three steps the import page shows one by one: files → report → store.

``read_upload`` (``inventory.intake.reading``: bytes to raw sheets, refusing bad files before expensive work),
``check`` (``inventory.intake.checking``: headers and every cell against the models; ``inventory.intake.cross_references``:
the cross-references; every problem collected) and ``commit`` (one transaction, only when the report is
clean). ``import_files`` chains them for the command line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa

from inventory.intake import cross_references
from inventory.intake.catalogue_merge import CatalogueReport, locate, take_in
from inventory import formats, memory, snapshot_labels
from inventory import texts as T
from inventory.intake.checking import ParsedSheet, parse_sheet, repeated_investors, to_tables
from inventory.models import SHEETS, ImportResult, Issue
from inventory.intake.reading import FileRefused, RawSheet, Upload, read_upload
from inventory.store import SHEET_COLUMNS, Store

__all__ = ["Checked", "FileRefused", "RawSheet", "Upload", "check", "commit", "import_files", "read_upload",
           "to_tables"]

MAIN_SHEETS = ("investisseurs", "programmes", "besoins")  # required unless carried over from the active snapshot
OPTIONAL_FOLLOWUP = ("engagements", "realisations")


@dataclass
class Checked:
    """An upload checked: its issues and warnings, and when it is clean the Arrow tables to write."""

    upload: Upload
    tables: dict[str, pa.Table] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    carried_over: list[str] = field(default_factory=list)
    catalogue: CatalogueReport | None = None  # formats recognised, mapping applied, rows set aside
    duplicates: list[dict] = field(default_factory=list)  # organisations sharing an identifier or a folded name

    @property
    def ok(self) -> bool:
        return not self.issues

    def counts(self) -> dict[str, int]:
        return {sheet: t.num_rows for sheet, t in self.tables.items()}


def check(upload: Upload, store: Store | None = None) -> Checked:
    """Validate every sheet of an upload; collect every problem; carry over absent sheets. A clean upload is
    then held as its Arrow tables only, and the memory its rows took goes back to the system before the commit
    needs its own."""
    result = _check(upload, store)
    if result.ok:
        memory.release()
    return result


def _check(upload: Upload, store: Store | None) -> Checked:
    result = Checked(upload=upload, issues=list(upload.issues), warnings=list(upload.warnings))
    if upload.issues and not upload.sheets and not upload.catalogues:
        return result
    result.catalogue = take_in(upload, store, result.issues, result.warnings)
    frames = _parsed(upload, result)
    refused = {i.sheet for i in upload.issues if i.sheet in SHEETS}  # found but unreadable: not absent
    for sheet in refused - set(frames):
        frames[sheet] = None
    _carry_over(result, refused, store)
    known = cross_references.known(store, frames, upload, result.issues)
    parsed = {k: v for k, v in frames.items() if v is not None}
    result.issues += cross_references.check(parsed, known)
    result.duplicates = cross_references.organisation_duplicates(parsed)
    result.warnings += cross_references.probable_duplicate_warnings(result.duplicates)
    result.issues = locate(result.issues, result.catalogue)
    result.issues.sort(key=lambda i: (list(SHEETS).index(i.sheet) if i.sheet in SHEETS else -1, i.row or 0))
    if not result.issues:
        _leave_out_unfit_follow_through(result, frames, known)  # reads the checked sheets: before they are consumed
        # the sheets' rows go first, then each long column's texts as they become Arrow (never held twice); the
        # import page keeps a check until its commit
        upload.let_go_of_rows()
        result.tables = {**to_tables(frames, consume=True), **result.tables}
    return result


def _parsed(upload: Upload, result: Checked) -> dict[str, ParsedSheet | None]:
    """Each sheet of the upload checked (a function of its own: a loop variable left holding the last sheet would
    keep its rows alive after ``let_go_of_rows``)."""
    frames: dict[str, ParsedSheet | None] = {}
    for sheet, raw in upload.sheets.items():
        frames[sheet] = parse_sheet(raw, result.issues, result.warnings)
        result.warnings += repeated_investors(raw, frames[sheet])
    return frames


def _carry_over(result: Checked, refused: set[str], store: Store | None) -> None:
    """Sheets absent from the upload come from the active snapshot; without one, the main ones are missing."""
    active = store.active_snapshot_id() if store is not None else None
    uploaded = result.upload.sheets
    for sheet in MAIN_SHEETS:
        if sheet not in uploaded and sheet not in refused:
            if active is None:
                result.issues.append(Issue(sheet=sheet, message=T.ERR_NO_ACTIVE_FOR.format(sheet=sheet), kind="fichier"))
            else:
                result.carried_over.append(sheet)
                result.warnings.append(T.WARN_CARRIED.format(sheet=sheet))
    if "thematiques" not in uploaded and "thematiques" not in refused and active is not None:
        result.carried_over.append("thematiques")
    snap = store.snapshot(active) if active is not None else None
    for sheet in OPTIONAL_FOLLOWUP:  # commitments and results: carried over when the active snapshot has some
        if sheet not in uploaded and sheet not in refused and snap is not None and snap.counts.get(sheet):
            result.carried_over.append(sheet)
            result.warnings.append(T.WARN_CARRIED.format(sheet=sheet))
    if ("operateurs" not in uploaded and "operateurs" not in refused and snap is not None
            and len(store.sheet(active, "operateurs"))):  # the operators: carried over when there are some
        result.carried_over.append("operateurs")
        result.warnings.append(T.WARN_CARRIED.format(sheet="operateurs"))


def _leave_out_unfit_follow_through(result: Checked, frames: dict[str, ParsedSheet | None], known) -> None:
    """Commitments or results that no longer fit a new catalogue are not carried over: the new snapshot gets
    the sheet empty (the active snapshot keeps it) and the report says why."""
    unfit: dict[str, list[Issue]] = {}
    for issue in cross_references.unfit_carried_follow_through({k: v for k, v in frames.items() if v is not None},
                                                                known):
        unfit.setdefault(issue.sheet, []).append(issue)
    for sheet, issues in unfit.items():
        result.tables[sheet] = to_tables({sheet: pd.DataFrame(columns=SHEET_COLUMNS[sheet])})[sheet]
        if sheet in result.carried_over:
            result.carried_over.remove(sheet)
        result.warnings = [w for w in result.warnings if w != T.WARN_CARRIED.format(sheet=sheet)]
        result.warnings.append(formats.counted(
            T.WARN_FOLLOWUP_NOT_CARRIED, sheet=sheet, n=len({i.row for i in issues}), row=str(issues[0].row),
            message=issues[0].message))


def commit(store: Store, checked: Checked, *, label: str, as_of: dt.date | None = None,
           created_by: str | None = None) -> ImportResult:
    """Write a clean check as a new active snapshot (one transaction); refuse one with issues."""
    set_aside = [s.as_dict() for s in checked.catalogue.set_aside] if checked.catalogue else []
    if not checked.ok:
        return ImportResult(ok=False, errors=checked.issues, warnings=checked.warnings, set_aside=set_aside,
                            duplicates=checked.duplicates)
    sid, carried = store.write_snapshot(
        checked.tables, label=label, as_of=as_of or dt.date.today(), files=", ".join(checked.upload.files),
        sha256=checked.upload.sha256, created_by=created_by,
    )
    snap = store.snapshot(sid)
    return ImportResult(ok=True, snapshot_id=sid, counts=snap.counts if snap else {},
                        carried_over=[c for c in carried if c != "thematiques"], warnings=checked.warnings,
                        set_aside=set_aside, duplicates=checked.duplicates)


def import_files(store: Store, paths: list[str | Path], *, label: str | None = None,
                 as_of: dt.date | None = None, format: str | None = None) -> ImportResult:
    """Read, check and commit files from disk (the command line); ``format`` forces a catalogue format."""
    files = [(Path(p).name, Path(p).read_bytes()) for p in paths]
    checked = check(read_upload(files, format), store)
    as_of = as_of or dt.date.today()
    label = label or snapshot_labels.written("IMP_LABEL_DEFAULT", date=f"{as_of:%d/%m/%Y}")
    return commit(store, checked, label=label, as_of=as_of)
