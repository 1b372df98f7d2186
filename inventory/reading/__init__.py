"""Reading: uploaded files (bytes) → the contract's sheets as typed, or a French sentence per refused file.

One module per kind of file, each with the same two functions:

- ``recognises(name, data) -> bool``: this reader is the one for that file (by extension or content);
- ``read(name, data) -> list[(sheet name, Grid)]``: the file's sheets (``sheet.Grid``: rows from the header
  row, as Python values or an Arrow table of strings), or ``sheet.FileRefused`` with the French reason.

``READERS`` lists them; the first that recognises a file reads it. A new format is a new module added there.
What does not depend on the format (size limits, sheet names, header row, blank rows) is done here and in
``sheet``, once.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from inventory import limits
from inventory import texts as T
from inventory.models import Issue
from inventory.reading import csv, legacy, workbook
from inventory.reading.sheet import FileRefused, Grid, RawSheet, is_template_sheet, sheet_key, to_raw_sheet



class Reader(Protocol):
    """What a reader module provides (a module, not a class: ``legacy``, ``workbook``, ``csv``)."""

    def recognises(self, name: str, data: bytes) -> bool: ...

    def read(self, name: str, data: bytes) -> list[tuple[str, Grid]]: ...


READERS: tuple[Reader, ...] = (legacy, workbook, csv)  # asked in this order

__all__ = ["READERS", "FileRefused", "Grid", "RawSheet", "Reader", "Upload", "read_file", "read_upload"]


@dataclass
class Upload:
    """What an upload holds: its files, their digest, the contract sheets found, and what was refused."""

    files: list[str] = field(default_factory=list)
    sha256: str = ""
    sheets: dict[str, RawSheet] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_upload(files: list[tuple[str, bytes]]) -> Upload:
    """Read every file; problems with a file become issues, never exceptions."""
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
            sheets = read_file(name, data)
        except FileRefused as exc:
            up.issues.append(Issue(sheet=name, message=str(exc), kind="fichier"))
            continue
        except Exception:  # any parser failure is a bad file, not a crash
            # the parser's own words (CalamineError, XmlError…) mean nothing to a facilitator
            up.issues.append(Issue(sheet=name, message=T.ERR_NOT_READABLE.format(detail=T.DETAIL_DAMAGED),
                                   kind="fichier"))
            continue
        for sheet_name, grid in sheets:
            key = sheet_key(sheet_name)
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
    if not found and not up.issues:
        up.issues.append(Issue(sheet=", ".join(up.files),
                               message=T.ERR_NO_KNOWN_SHEET.format(found=", ".join(unknown) or T.NO_SHEET_FOUND),
                               kind="fichier"))
    elif unknown:
        up.warnings.append(T.WARN_UNKNOWN_SHEETS.format(sheets=", ".join(unknown)))
    return up


def read_file(name: str, data: bytes) -> list[tuple[str, Grid]]:
    """The sheets of one file, read by the first reader that recognises it."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise FileRefused(T.ERR_TOO_BIG.format(size=len(data) // 2**20, limit=limits.MAX_FILE_BYTES // 2**20))
    if not data.strip():
        raise FileRefused(T.ERR_EMPTY_FILE)
    for reader in READERS:
        if reader.recognises(name, data):
            return reader.read(name, data)
    raise FileRefused(T.ERR_UNKNOWN_EXTENSION.format(ext=Path(name).suffix.lower() or name))
