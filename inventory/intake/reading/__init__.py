"""Reading: uploaded files (bytes) → the contract's sheets as typed, or a French sentence per refused file.

One module per kind of file, each with the same two functions:

- ``recognises(name, data) -> bool``: this reader is the one for that file (by extension or content);
- ``read(name, data) -> list[(sheet name, Grid)]``: the file's sheets (``sheet.Grid``: rows from the header
  row, as Python values or an Arrow table of strings), or ``sheet.FileRefused`` with the French reason;
- ``ACCEPTS``: the kinds of file it takes, each with the shapes of file it comes as (``accepted``: the
  uploader's hint and filter).

``READERS`` lists them; the first that recognises a file reads it. A new format is a new module added there.
What does not depend on the format (size limits, sheet names, header row, blank rows) is done here and in
``sheet``, once.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from inventory import limits
from inventory import texts as T
from inventory.models import Issue
from inventory.reference import fold
from inventory.intake.reading import catalogue, csv, legacy, workbook
from inventory.intake.reading.catalogue import CatalogueFile
from inventory.intake.reading.naming import EXTRA_SHEETS, sheet_of_csv
from inventory.intake.reading.sheet import FileRefused, Grid, RawSheet, is_template_sheet, sheet_key, to_raw_sheet



class Reader(Protocol):
    """What a reader module provides (a module, not a class: ``legacy``, ``workbook``, ``csv``)."""

    def recognises(self, name: str, data: bytes) -> bool: ...

    def read(self, name: str, data: bytes) -> list[tuple[str, Grid]]: ...

    ACCEPTS: tuple[tuple[str, tuple[str, ...]], ...]


READERS: tuple[Reader, ...] = (catalogue, legacy, workbook, csv)  # asked in this order
SHAPES = {"workbook": workbook.EXTENSIONS, "csv": csv.EXTENSIONS, "json": catalogue.EXTENSIONS}  # shape → extensions

__all__ = ["READERS", "SHAPES", "FileRefused", "Grid", "RawSheet", "Reader", "Upload", "accepted", "extensions",
           "read_file", "read_upload"]


@dataclass
class Upload:
    """What an upload holds: its files, their digest, the contract sheets found, and what was refused."""

    files: list[str] = field(default_factory=list)
    sha256: str = ""
    sheets: dict[str, RawSheet] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    catalogues: list[CatalogueFile] = field(default_factory=list)  # converted during the check
    correspondences: list[tuple[int, dict]] | None = None  # an uploaded correspondances sheet: (row, {header: cell})

    def let_go_of_rows(self) -> None:
        """Drop the sheets' rows and the catalogues' bytes, once a clean check holds the upload as Arrow tables:
        they are its largest part (a Python object per cell, several times the file), and after a clean check
        nothing reads them (the report's examples and annotated workbook are for refused uploads)."""
        self.sheets = {key: replace(raw, rows=raw.rows.iloc[:0].copy()) for key, raw in self.sheets.items()}
        self.catalogues = [replace(c, data=b"", grid=[] if c.grid is not None else None) for c in self.catalogues]


def accepted() -> list[tuple[str, dict[str, tuple[str, ...]]]]:
    """Every kind of file the readers take, in the readers' order: (kind, {shape: its extensions})."""
    return [(kind, {shape: SHAPES[shape] for shape in shapes}) for reader in READERS for kind, shapes in reader.ACCEPTS]


def extensions() -> list[str]:
    """Every extension a reader takes (without the dot), workbooks first: the uploader's filter."""
    used = {shape for _, shapes in accepted() for shape in shapes}
    return [e.lstrip(".") for shape, exts in SHAPES.items() if shape in used for e in exts]


def read_upload(files: list[tuple[str, bytes]], format: str | None = None) -> Upload:
    """Read every file; problems with a file become issues, never exceptions. ``format`` forces the catalogue
    format of the files that are not named after a contract sheet."""
    up = Upload(files=[name for name, _ in files])
    digest = hashlib.sha256()
    found: dict[str, list[str]] = {}
    unknown: list[str] = []
    if len(files) > limits.MAX_FILES:
        up.issues.append(Issue(sheet="", message=T.ERR_TOO_MANY_FILES.format(limit=limits.MAX_FILES), kind="fichier"))
        return up
    for name, data in files:
        digest.update(data)
        try:
            sheets = read_file(name, data, format)
        except FileRefused as exc:
            up.issues.append(Issue(sheet=name, message=str(exc), kind="fichier"))
            continue
        except Exception:  # any parser failure is a bad file, not a crash
            # the parser's own words (CalamineError, XmlError…) mean nothing to a facilitator
            up.issues.append(Issue(sheet=name, message=T.ERR_NOT_READABLE.format(detail=T.DETAIL_DAMAGED),
                                   kind="fichier"))
            continue
        for sheet_name, grid in sheets:
            if isinstance(grid, CatalogueFile):
                up.catalogues.append(grid)
                continue
            key = sheet_key(sheet_name)
            if Path(name).suffix.lower() in csv.EXTENSIONS:  # a CSV is named after its sheet, or headed like it
                try:
                    key = sheet_of_csv(sheet_name, _header(grid))
                except FileRefused as exc:
                    up.issues.append(Issue(sheet=name, message=str(exc), kind="fichier"))
                    continue
            elif key is None:
                key = EXTRA_SHEETS.get(fold(sheet_name))
            if key == "correspondances":
                up.correspondences = _records(grid)
                continue
            if key is None:
                if not is_template_sheet(sheet_name):
                    unknown.append(sheet_name)
                continue
            found.setdefault(key, []).append(name)
            raw = to_raw_sheet(key, sheet_name, name, grid, up.issues)
            if raw is not None:
                up.sheets[key] = raw
    up.sha256 = digest.hexdigest()
    for key, where in found.items():
        if len(where) > 1:
            up.issues.append(Issue(sheet=key, message=T.ERR_SHEET_TWICE.format(sheet=key, files=", ".join(where)),
                                   kind="fichier"))
    if not found and not up.issues and not up.catalogues:
        up.issues.append(Issue(sheet=", ".join(up.files),
                               message=T.ERR_NO_KNOWN_SHEET.format(found=", ".join(unknown) or T.NO_SHEET_FOUND),
                               kind="fichier"))
    elif unknown:
        up.warnings.append(T.WARN_UNKNOWN_SHEETS.format(sheets=", ".join(unknown)))
    return up


def read_file(name: str, data: bytes, format: str | None = None) -> list[tuple[str, Grid]]:
    """The sheets of one file, read by the first reader that recognises it (the catalogue reader for any
    file not named after a sheet when ``format`` forces a catalogue)."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise FileRefused(T.ERR_TOO_BIG.format(size=len(data) // 2**20, limit=limits.MAX_FILE_BYTES // 2**20))
    if not data or data.isspace():  # data.strip() would copy a large file that ends with a line break
        raise FileRefused(T.ERR_EMPTY_FILE)
    if format and catalogue.forced(name):
        return catalogue.read(name, data, format)
    for reader in READERS:
        if reader.recognises(name, data):
            return reader.read(name, data)
    raise FileRefused(T.ERR_UNKNOWN_EXTENSION.format(ext=Path(name).suffix.lower() or name))


def _rows(grid: Grid) -> list[list]:
    if isinstance(grid, list):
        return grid
    return [list(r) for r in zip(*(c.to_pylist() for c in grid.columns))]


def _header(grid: Grid) -> list:
    if isinstance(grid, list):
        return grid[0] if grid else []
    return [c[0].as_py() if len(c) else None for c in grid.columns]


def _records(grid: Grid) -> list[tuple[int, dict]]:
    """A small sheet as (spreadsheet row number, {header: cell}) records."""
    rows = _rows(grid)
    if not rows:
        return []
    header = ["" if h is None else str(h) for h in rows[0]]
    return [(n, dict(zip(header, row))) for n, row in enumerate(rows[1:], start=2)]
