"""Public catalogues (an aides-territoires export, an HXL sheet), recognised from their content.

They are not sheets of the contract: the file is handed over whole (``CatalogueFile``) and converted during the
check by ``inventory.intake.catalogues``, which needs the investors already known to match financers by name.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inventory.intake import catalogues
from inventory.intake.reading import csv
from inventory.intake.reading.naming import EXTRA_SHEETS
from inventory.intake.reading.sheet import SHEET_NAMES, Grid
from inventory.reference import fold

EXTENSIONS = (".json",)
# what it accepts: (kind, the shapes of file it comes as), each catalogue as its module declares
ACCEPTS = tuple(catalogues.SHAPES.items())


@dataclass(frozen=True)
class CatalogueFile:
    name: str
    data: bytes
    format: str | None  # None: recognised again from the content when converted
    grid: list[list] | None = None  # a workbook's sheet, as read (``data`` is then empty)


SNIFF_ROWS = 25  # a workbook sheet's first rows, enough to find a title, its headers and its hashtag row


def in_workbook(first_rows: list[list]) -> bool:
    """A sheet of a workbook that is not the contract's is a catalogue when its first rows say so (a 3W sheet's
    hashtag row, the aides-territoires export's headers)."""
    return catalogues.recognise_grid(first_rows) is not None


def sheet_name(file: str, sheet: str) -> str:
    """How a catalogue sheet of a workbook is named in the report: the file, then the sheet."""
    return f"{file} / {sheet}"


def recognises(name: str, data: bytes) -> bool:
    ext = Path(name).suffix.lower()
    if ext in EXTENSIONS:
        return True  # a JSON file can only be a catalogue: a broken one is told so by the converter
    return ext in csv.EXTENSIONS and catalogues.recognise(data) is not None


def forced(name: str) -> bool:
    """With ``--format``: a JSON or CSV file whose name is not a contract sheet's is the catalogue."""
    ext = Path(name).suffix.lower()
    stem = fold(Path(name).stem)
    return (ext in EXTENSIONS or ext in csv.EXTENSIONS) and stem not in SHEET_NAMES and stem not in EXTRA_SHEETS


def read(name: str, data: bytes, format: str | None = None) -> list[tuple[str, Grid | CatalogueFile]]:
    return [(name, CatalogueFile(name, data, format))]
