"""Which contract sheet a CSV file is, from its name as people's tools write it, else from its header row.

LibreOffice exports each sheet as ``<classeur>-<Feuille>.csv`` (``inventaire 30-06-Besoins.csv``), browsers
number a second download (``inventaire_besoins (2).csv``), Excel saves the active sheet as ``Classeur1.csv``:
a sheet name (or its English or singular form) as a separate word of the file name names the sheet; when no
word does, the header row does (the sheet whose required columns are all there). None, or more than one
candidate, is an error that names them.
"""
from __future__ import annotations

import re
from typing import Any

from inventory import texts as T
from inventory.models import SHEETS
from inventory.parsing import is_blank, show
from inventory.intake.reading.sheet import SHEET_NAMES, FileRefused, header_names
from inventory.reference import fold

EXTRA_SHEETS = {"correspondances": "correspondances", "correspondance": "correspondances"}  # read by catalogues


def sheet_of_csv(stem: str, header: list[Any]) -> str:
    """The contract sheet (or ``correspondances``) a CSV file holds; ``FileRefused`` naming the candidates."""
    names = SHEET_NAMES | EXTRA_SHEETS
    whole = names.get(fold(stem))
    if whole is not None:
        return whole
    by_word = sorted({names[w] for w in re.findall(r"[a-z]+", fold(stem)) if w in names})
    if len(by_word) == 1:
        return by_word[0]
    if len(by_word) > 1:
        raise FileRefused(T.ERR_CSV_NAME_TWO.format(sheets=", ".join(by_word)))
    by_header = sheets_with_headers(header)
    if len(by_header) == 1:
        return by_header[0]
    if len(by_header) > 1:
        raise FileRefused(T.ERR_CSV_HEADERS_TWO.format(sheets=", ".join(by_header)))
    raise FileRefused(T.ERR_CSV_NO_SHEET.format(sheets=", ".join(list(SHEETS) + ["correspondances"])))


def sheets_with_headers(header: list[Any]) -> list[str]:
    """The sheets whose required columns all appear in a header row."""
    present = {fold(show(h)) for h in header if not is_blank(h)}
    out = []
    for sheet, model in SHEETS.items():
        known = header_names(model)
        fields = {known[h] for h in present if h in known}
        required = {n for n, c in model.columns().items() if c["required"] and n != "nb_acteurs"}
        if required and required <= fields:
            out.append(sheet)
    if {"source", "valeur", "thematique"} <= present:
        out.append("correspondances")
    return out
