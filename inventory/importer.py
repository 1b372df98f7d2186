"""Files → rows → validation report → store.

Three steps the import page shows one by one: ``read_upload`` (bytes to raw sheets, refusing bad files
before expensive work), ``check`` (headers, every cell against the models, cross-references; collects
every problem) and ``commit`` (one transaction, only when the report is clean). ``import_files`` chains
them for the command line.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import TypeAdapter, ValidationError

from inventory import cell_errors, limits, texts
from inventory.models import SHEETS, ImportResult, Issue, Programme, Row
from inventory import parsing
from inventory.parsing import is_blank, show
from inventory.reference import default_themes, fold
from inventory.store import SHEET_COLUMNS, Store

SHEET_NAMES = {fold(m.sheet): m.sheet for m in SHEETS.values()} | {fold(m.sheet_en): m.sheet for m in SHEETS.values()}
SHEET_NAMES |= {"programs": "programmes", "need": "besoins", "besoin": "besoins", "theme": "thematiques",
                "thematique": "thematiques", "investisseur": "investisseurs", "investor": "investisseurs",
                "programme": "programmes", "program": "programmes"}
TEMPLATE_SHEETS = {"lisez moi", "listes"}  # the template's own sheets: ignored without a warning


@dataclass
class RawSheet:
    """One sheet as read: headers as typed, data rows keyed by their spreadsheet row number."""

    sheet: str  # contract name
    name: str  # as found in the file
    file: str
    headers: list[str]
    rows: pd.DataFrame  # columns = positions 0..n-1, index = spreadsheet row number
    header_row: int = 1


@dataclass
class Upload:
    files: list[str] = field(default_factory=list)
    sha256: str = ""
    sheets: dict[str, RawSheet] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Checked:
    upload: Upload
    tables: dict[str, pa.Table] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    carried_over: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues

    def counts(self) -> dict[str, int]:
        return {sheet: t.num_rows for sheet, t in self.tables.items()}


# --- reading ------------------------------------------------------------------------------------------
def read_upload(files: list[tuple[str, bytes]]) -> Upload:
    """Read every file; problems with a file become issues, never exceptions."""
    up = Upload(files=[name for name, _ in files])
    digest = hashlib.sha256()
    found: dict[str, list[str]] = {}
    unknown: list[str] = []
    if len(files) > limits.MAX_FILES:
        up.issues.append(Issue(sheet="", message=f"au plus {limits.MAX_FILES} fichiers par import", kind="fichier"))
        return up
    for name, data in files:
        digest.update(data)
        try:
            sheets = _read_file(name, data)
        except FileRefused as exc:
            up.issues.append(Issue(sheet=name, message=str(exc), kind="fichier"))
            continue
        except Exception as exc:  # any parser failure is a bad file, not a crash
            # the parser's own words (CalamineError, XmlError…) mean nothing to a facilitator
            up.issues.append(Issue(sheet=name, message=texts.ERR_NOT_READABLE.format(detail=texts.DETAIL_DAMAGED),
                                   kind="fichier"))
            continue
        for sheet_name, grid in sheets:
            key = SHEET_NAMES.get(fold(sheet_name))
            if key is None:
                if fold(sheet_name) not in TEMPLATE_SHEETS:
                    unknown.append(sheet_name)
                continue
            found.setdefault(key, []).append(name)
            raw = _to_raw_sheet(key, sheet_name, name, grid, up.issues)
            if raw is not None:
                up.sheets[key] = raw
    up.sha256 = digest.hexdigest()
    for key, where in found.items():
        if len(where) > 1:
            up.issues.append(Issue(sheet=key, message=texts.ERR_SHEET_TWICE.format(sheet=key, files=", ".join(where)),
                                   kind="fichier"))
    if not found and not up.issues:
        up.issues.append(Issue(sheet=", ".join(up.files),
                               message=texts.ERR_NO_KNOWN_SHEET.format(found=", ".join(unknown) or "aucune"),
                               kind="fichier"))
    elif unknown:
        up.warnings.append(texts.WARN_UNKNOWN_SHEETS.format(sheets=", ".join(unknown)))
    return up


class FileRefused(ValueError):
    """A file refused with a French sentence."""


def _read_file(name: str, data: bytes) -> list[tuple[str, list[list[Any]]]]:
    ext = Path(name).suffix.lower()
    if len(data) > limits.MAX_FILE_BYTES:
        raise FileRefused(texts.ERR_TOO_BIG.format(size=len(data) // 2**20, limit=limits.MAX_FILE_BYTES // 2**20))
    if not data.strip():
        raise FileRefused(texts.ERR_EMPTY_FILE)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE container: old .xls or an encrypted workbook
        if "EncryptionInfo".encode("utf-16-le") in data[:65536] or b"E\x00n\x00c\x00r\x00y\x00p\x00t" in data:
            raise FileRefused(texts.ERR_ENCRYPTED)
        raise FileRefused(texts.ERR_XLS)
    if ext in (".xlsx", ".xlsm", ".ods"):
        return _read_workbook(data)
    if ext in (".csv", ".txt", ".tsv"):
        stem = Path(name).stem
        return [(stem, _read_csv(data))]
    if ext == ".xls":
        raise FileRefused(texts.ERR_XLS)
    raise FileRefused(texts.ERR_UNKNOWN_EXTENSION.format(ext=ext or name))


def _read_workbook(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    from python_calamine import CalamineWorkbook

    if data[:2] != b"PK":
        raise FileRefused(texts.ERR_NOT_READABLE.format(detail="ce n'est pas un classeur"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise FileRefused(texts.ERR_NOT_READABLE.format(detail="archive endommagée")) from None
    inflated = sum(i.file_size for i in infos)
    suspicious = any(i.file_size > 2**20 and i.file_size > limits.MAX_COMPRESSION_RATIO * max(i.compress_size, 1)
                     for i in infos)
    if inflated > limits.MAX_UNCOMPRESSED_BYTES or suspicious:
        raise FileRefused(texts.ERR_ZIP_BOMB.format(size=inflated // 2**20))
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:  # calamine reads error cells (#N/A…) as blanks: find them so they are reported
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            error_cells = cell_errors.workbook_errors(zf)
    except Exception:
        error_cells = {}
    out = []
    for sheet_name in wb.sheet_names:
        if SHEET_NAMES.get(fold(sheet_name)) is None:
            out.append((sheet_name, []))
            continue
        sheet = wb.get_sheet_by_name(sheet_name)
        merged = [m for m in (getattr(sheet, "merged_cell_ranges", None) or []) if m[1][0] >= 1]  # below row 1
        if merged:  # merged cells leave all but their first cell blank: the rows would not say what they show
            cells = ", ".join(f"{_a1(*m[0])}:{_a1(*m[1])}" for m in merged[:5]) + (" …" if len(merged) > 5 else "")
            raise FileRefused(texts.ERR_MERGED_CELLS.format(sheet=sheet_name, cells=cells))
        grid = sheet.to_python(skip_empty_area=False)
        out.append((sheet_name, cell_errors.restore(grid, error_cells.get(sheet_name, {}))))
    return out


def _decode(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    if data[:3] == b"\xef\xbb\xbf":
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes) -> list[list[Any]]:
    text = _decode(data)
    if "\x00" in text:
        raise FileRefused(texts.ERR_NOT_READABLE.format(detail="contenu binaire"))
    first = text.split("\n", 1)[0]
    delimiter = max(("\t", ";", ","), key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise FileRefused(texts.ERR_CSV_UNREADABLE.format(detail=_csv_detail(exc))) from None


def _a1(row: int, col: int) -> str:
    """0-based (row, column) → « B12 »."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _csv_detail(exc: csv.Error) -> str:
    msg = str(exc)
    if "field limit" in msg:  # a cell over 128 KiB: an open quote swallowing the rest, or a pasted document
        return texts.ERR_CSV_CELL_TOO_LONG.format(limit=limits.MAX_CELL_CHARS)
    if "EOF" in msg or "end of data" in msg:
        return "un guillemet ouvert n'est jamais refermé"
    return "guillemets mal placés"


def _columns_for(model: type[Row]) -> dict[str, str]:
    """Folded header → field name: the field name, its French title or its English alias."""
    out = {}
    for name, col in model.columns().items():
        for alias in (name, col["title"], col["en"]):
            if alias:
                out[fold(alias)] = name
    return out


def _to_raw_sheet(key: str, sheet_name: str, file: str, grid: list[list[Any]], issues: list[Issue]) -> RawSheet | None:
    model = SHEETS[key]
    known = _columns_for(model)
    # drop trailing blank rows cheaply (formatted but empty rows)
    end = len(grid)
    while end and all(is_blank(c) for c in grid[end - 1]):
        end -= 1
    grid = grid[:end]
    if not grid:
        if key != "thematiques":  # the optional sheet left empty (as in the template) is as if absent
            issues.append(Issue(sheet=key, message=texts.ERR_NO_DATA, kind="fichier"))
        return None
    if len(grid) - 1 > limits.MAX_ROWS:
        issues.append(Issue(sheet=key, message=texts.ERR_TOO_MANY_ROWS.format(rows=len(grid) - 1, limit=limits.MAX_ROWS),
                            kind="fichier"))
        return None
    headers = ["" if is_blank(h) else show(h).strip() for h in grid[0]]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > limits.MAX_COLUMNS:
        issues.append(Issue(sheet=key, message=texts.ERR_TOO_MANY_COLUMNS.format(columns=len(headers),
                                                                                limit=limits.MAX_COLUMNS), kind="fichier"))
        return None
    if not any(fold(h) in known for h in headers):
        for i, row in enumerate(grid[1:10], start=2):
            if sum(fold(show(c)) in known for c in row if not is_blank(c)) >= 2:
                issues.append(Issue(sheet=key, row=i, message=texts.ERR_HEADER_NOT_FIRST_ROW.format(row=i), kind="colonne"))
                return None
    width = len(headers)
    rows = grid[1:]
    if rows and min(map(len, rows)) >= width:  # the usual rectangular grid: no per-row padding
        frame = pd.DataFrame(rows, dtype=object)
        if frame.shape[1] > width:
            frame = frame.iloc[:, :width]
        frame.columns = range(width)
    else:
        body = [(r + [None] * (width - len(r)))[:width] for r in rows]
        frame = pd.DataFrame(body, columns=range(width), dtype=object) if body else pd.DataFrame(columns=range(width))
    frame.index = range(2, len(rows) + 2)
    if len(frame):
        frame = frame[~_blank_rows(frame)]
    if key == "thematiques" and frame.empty:  # the optional sheet left empty: as if absent
        return None
    return RawSheet(sheet=key, name=sheet_name, file=file, headers=headers, rows=frame)


def _blank_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose every cell is blank, judged once per distinct value of a column rather than per cell, and
    only on the rows still blank after the previous columns (None and NaN, the grids' only missing markers,
    are blank)."""
    candidates = np.arange(len(frame))
    for col in frame.columns:
        if not len(candidates):
            break
        codes, uniques = pd.factorize(frame[col].to_numpy(dtype=object)[candidates], use_na_sentinel=True)
        blank = np.fromiter((is_blank(u) for u in uniques), dtype=bool, count=len(uniques))
        candidates = candidates[np.append(blank, True)[codes]]
    mask = np.zeros(len(frame), dtype=bool)
    mask[candidates] = True
    return mask


# --- checking -----------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _adapter(model: type[Row], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata])


def _message(err: ValidationError) -> str:
    e = err.errors()[0]
    if e["type"] == "contract":
        return e["msg"]
    if e["type"] == "too_short":
        return "indiquez au moins une valeur"
    return "valeur non conforme"


def _parse_column(model: type[Row], name: str, raw: pd.Series, sheet: str, header: str,
                  issues: list[Issue]) -> np.ndarray:
    """Validate a column once per distinct value; return the parsed values aligned with ``raw``."""
    col = model.columns()[name]
    info = model.model_fields[name]
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    codes, uniques = pd.factorize(raw.to_numpy(dtype=object), use_na_sentinel=True)
    adapter = _adapter(model, name)
    parsed = np.empty(len(uniques) + 1, dtype=object)
    bad: dict[int, str] = {}
    todo: Any = range(len(uniques))
    plain = _plain_words(model, name, uniques, adapter)
    if plain is not None:  # e.g. 100,000 distinct need ids: no per-value validation for plain words
        parsed[:-1][plain] = uniques[plain]
        todo = np.flatnonzero(~plain).tolist()
    for i in todo:
        value = uniques[i]
        if is_blank(value):
            bad_blank = info.is_required()
            parsed[i] = None if bad_blank else default
            if bad_blank:
                bad[i] = texts.ERR_REQUIRED
            continue
        try:
            parsed[i] = adapter.validate_python(value)
        except ValidationError as exc:
            bad[i] = _message(exc)
    parsed[-1] = default  # blank cells (NA sentinel -1 lands on the last slot)
    if info.is_required() and (codes == -1).any():
        for row in raw.index[codes == -1]:
            issues.append(Issue(sheet=sheet, row=int(row), column=header, value="",
                                message=f"{col['title']} : {texts.ERR_REQUIRED}"))
    if bad:
        order = np.argsort(codes, kind="stable")  # rows of each bad value without a scan per value
        bounds = np.searchsorted(codes[order], np.fromiter(bad, dtype=np.intp, count=len(bad)), side="left")
        ends = np.searchsorted(codes[order], np.fromiter(bad, dtype=np.intp, count=len(bad)), side="right")
        for (code, msg), lo, hi in zip(bad.items(), bounds, ends):
            for row in raw.index[order[lo:hi]]:
                issues.append(Issue(sheet=sheet, row=int(row), column=header, value=show(uniques[code]),
                                    message=f"{col['title']} : {msg}"))
    return parsed[codes]


# Plain words: ASCII letters and digits with _ . / - and inner spaces, 1 to 100 characters. Every text rule
# (Excel errors, formula guard, control characters, lengths, surrounding spaces) leaves them as they are.
_PLAIN_WORD = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z_./ -]{0,98}[0-9A-Za-z_./-])?")


def _plain_words(model: type[Row], name: str, uniques: np.ndarray, adapter: TypeAdapter) -> np.ndarray | None:
    """For a free-text or code column, the distinct values that are plain words, which validate to
    themselves; None for other columns (or if the parser ever stops leaving such a word as it is)."""
    funcs = [getattr(m, "func", None) for m in model.model_fields[name].metadata]
    if not any(f in (parsing.text, parsing.code) for f in funcs):
        return None
    if len(uniques) > 1000 and pd.api.types.infer_dtype(uniques, skipna=False) == "string":  # all str: in C
        pattern = f"^(?:{_PLAIN_WORD.pattern})$"
        mask = pc.match_substring_regex(pa.array(uniques, type=pa.string()), pattern).to_numpy(zero_copy_only=False)
    else:
        match = _PLAIN_WORD.fullmatch
        mask = np.fromiter((type(u) is str and match(u) is not None for u in uniques), dtype=bool, count=len(uniques))
    if not all(adapter.validate_python(u) == u for u in uniques[mask][:3]):
        return None
    return mask


def _parse_sheet(raw: RawSheet, issues: list[Issue], warnings: list[str]) -> pd.DataFrame | None:
    model = SHEETS[raw.sheet]
    known = _columns_for(model)
    position: dict[str, int] = {}
    header_of: dict[str, str] = {}
    ignored = []
    before = len(issues)
    for i, header in enumerate(raw.headers):
        if not header:
            continue
        name = known.get(fold(header))
        if name is None:
            ignored.append(header)
        elif name in position:
            issues.append(Issue(sheet=raw.sheet, row=1, column=header, value=header,
                                message=texts.ERR_DUPLICATE_COLUMN.format(column=header), kind="colonne"))
        else:
            position[name], header_of[name] = i, header
    expected = ", ".join(n for n, c in model.columns().items())
    for name, col in model.columns().items():
        if col["required"] and name not in position and not (name == "nb_acteurs"):
            issues.append(Issue(sheet=raw.sheet, row=1, column=name,
                                message=texts.ERR_MISSING_COLUMN.format(column=name, expected=expected), kind="colonne"))
    if ignored:
        warnings.append(texts.WARN_UNKNOWN_COLUMNS.format(sheet=raw.sheet, columns=", ".join(ignored)))
    if len(issues) > before:
        return None
    if raw.rows.empty:
        issues.append(Issue(sheet=raw.sheet, message=texts.ERR_NO_DATA, kind="fichier"))
        return None
    out = pd.DataFrame(index=raw.rows.index)
    for name in model.columns():
        if name in position:
            out[name] = _parse_column(model, name, raw.rows[position[name]], raw.sheet, header_of[name], issues)
        else:
            info = model.model_fields[name]
            default = info.get_default(call_default_factory=True)
            out[name] = pd.Series([default] * len(out), index=out.index, dtype=object)
    out.attrs["headers"] = header_of
    return out


def _check_references(frames: dict[str, pd.DataFrame], known: dict[str, Any], issues: list[Issue]) -> None:
    """Duplicate ids, unknown investors and themes, end before start."""
    for sheet, frame in frames.items():
        key = SHEETS[sheet].key
        if key is None or frame is None or key not in frame:
            continue
        values = frame[key]
        present = values[values.notna()]
        dup = present.duplicated(keep=False)
        if dup.any():
            twins = present[dup]  # the first row of each duplicated value, grouped in C (not one apply per value)
            first = pd.Series(twins.index, index=twins.to_numpy(dtype=object)).groupby(level=0).min().to_dict()
            header = frame.attrs["headers"].get(key, key)
            for row, value in present[present.duplicated(keep="first")].items():
                issues.append(Issue(sheet=sheet, row=int(row), column=header, value=str(value), kind="doublon",
                                    message=texts.ERR_DUPLICATE.format(value=value, first=int(first[value]))))
    theme_lookup: dict[str, str] = known["themes"]
    investors: set[str] | None = known["investors"]
    known_themes = ", ".join(sorted(set(theme_lookup.values())))

    def themes_of(frame: pd.DataFrame, column: str, sheet: str, listed: bool) -> None:
        header = frame.attrs["headers"].get(column, column)
        resolved = []
        for row, value in frame[column].items():
            items = value if listed else [value]
            if not items or items[0] is None:
                resolved.append(value)
                continue
            codes = []
            for item in items:
                code = theme_lookup.get(fold(item))
                if code is None:
                    issues.append(Issue(sheet=sheet, row=int(row), column=header, value=str(item), kind="reference",
                                        message=texts.ERR_UNKNOWN_THEME.format(value=item, known=known_themes)))
                elif code not in codes:
                    codes.append(code)
            resolved.append(codes if listed else (codes[0] if codes else None))
        frame[column] = pd.Series(resolved, index=frame.index, dtype=object)

    if frames.get("programmes") is not None:
        prog = frames["programmes"]
        themes_of(prog, "thematiques", "programmes", listed=True)
        header = prog.attrs["headers"].get("investisseurs", "investisseurs")
        for row, ids in prog["investisseurs"].items():
            for inv in ids or []:
                if investors is not None and inv not in investors:
                    issues.append(Issue(sheet="programmes", row=int(row), column=header, value=inv, kind="reference",
                                        message=texts.ERR_UNKNOWN_INVESTOR.format(value=inv)))
        start, end = prog["date_debut"], prog["date_fin"]
        both = start.notna() & end.notna()
        header = prog.attrs["headers"].get("date_fin", "date_fin")
        for row in prog.index[both]:
            if end[row] < start[row]:
                issues.append(Issue(sheet="programmes", row=int(row), column=header, value=show(end[row]),
                                    kind="coherence", message="Date de fin : " + Programme.END_BEFORE_START.format(
                                        fin=show(end[row]), debut=show(start[row]))))
    if frames.get("besoins") is not None:
        # needs share few distinct theme values: resolve per distinct value
        needs = frames["besoins"]
        codes, uniques = pd.factorize(needs["thematique"].to_numpy(dtype=object))
        resolved = np.array([theme_lookup.get(fold(u)) for u in uniques] + [None], dtype=object)
        header = needs.attrs["headers"].get("thematique", "thematique")
        unknown = [i for i in range(len(uniques)) if resolved[i] is None]
        if unknown:  # the rows of each unknown value, without a scan of the column per value
            order = np.argsort(codes, kind="stable")
            starts = np.searchsorted(codes[order], unknown, side="left")
            ends = np.searchsorted(codes[order], unknown, side="right")
            for i, lo, hi in zip(unknown, starts, ends):
                u = uniques[i]
                for row in needs.index[order[lo:hi]]:
                    issues.append(Issue(sheet="besoins", row=int(row), column=header, value=str(u), kind="reference",
                                        message=texts.ERR_UNKNOWN_THEME.format(value=u, known=known_themes)))
        needs["thematique"] = resolved[codes]


ARROW_TYPES: dict[str, pa.DataType] = {
    "budget_eur": pa.float64(), "date_debut": pa.date32(), "date_fin": pa.date32(), "date": pa.date32(),
    "intensite": pa.int8(), "nb_acteurs": pa.int32(), "odd": pa.list_(pa.int32()),
    "investisseurs": pa.list_(pa.string()), "nature": pa.list_(pa.string()), "thematiques": pa.list_(pa.string()),
    "territoires": pa.list_(pa.string()), "publics": pa.list_(pa.string()),
}


def _to_arrow(sheet: str, frame: pd.DataFrame) -> pa.Table:
    cols = SHEET_COLUMNS[sheet]
    arrays = [pa.array(frame[c].tolist(), type=ARROW_TYPES.get(c, pa.string()), from_pandas=True) for c in cols]
    return pa.Table.from_arrays(arrays, names=cols)


def to_tables(frames: dict[str, pd.DataFrame]) -> dict[str, pa.Table]:
    """Contract frames (typed values, lists as lists) as the Arrow tables the store writes."""
    return {sheet: _to_arrow(sheet, frame) for sheet, frame in frames.items()}


def _known_from_store(store: Store | None, frames: dict[str, pd.DataFrame]) -> dict[str, Any]:
    active = store.active_snapshot_id() if store is not None else None
    if "thematiques" in frames and frames["thematiques"] is not None:
        own = frames["thematiques"]
        theme_rows = [(t.code, t.libelle) for t in default_themes()] + list(zip(own["code"], own["libelle"]))
    elif active is not None:
        theme_rows = list(store.sheet(active, "thematiques").itertuples(index=False, name=None))
    else:
        theme_rows = [(t.code, t.libelle) for t in default_themes()]
    themes = {}
    for code, libelle in theme_rows:
        if code:
            themes[fold(code)] = code
            if libelle:
                themes.setdefault(fold(libelle), code)
    if "investisseurs" in frames and frames["investisseurs"] is not None:
        investors = set(frames["investisseurs"]["id"].dropna())
    elif "investisseurs" in frames:  # uploaded but unreadable: its own problems are reported, no cascade
        investors = None
    elif active is not None:
        investors = set(store.sheet(active, "investisseurs")["id"])
    else:
        investors = set()
    return {"themes": themes, "investors": investors}


def check(upload: Upload, store: Store | None = None) -> Checked:
    """Validate every sheet of an upload; collect every problem; carry over absent sheets."""
    result = Checked(upload=upload, issues=list(upload.issues), warnings=list(upload.warnings))
    if upload.issues and not upload.sheets:
        return result
    frames: dict[str, pd.DataFrame | None] = {}
    for sheet, raw in upload.sheets.items():
        frames[sheet] = _parse_sheet(raw, result.issues, result.warnings)
    refused = {i.sheet for i in upload.issues if i.sheet in SHEETS}  # found but unreadable: not absent
    for sheet in refused - set(frames):
        frames[sheet] = None
    active = store.active_snapshot_id() if store is not None else None
    for sheet in ("investisseurs", "programmes", "besoins"):
        if sheet not in upload.sheets and sheet not in refused:
            if active is None:
                result.issues.append(Issue(sheet=sheet, message=texts.ERR_NO_ACTIVE_FOR.format(sheet=sheet), kind="fichier"))
            else:
                result.carried_over.append(sheet)
                result.warnings.append(texts.WARN_CARRIED.format(sheet=sheet))
    if "thematiques" not in upload.sheets and "thematiques" not in refused and active is not None:
        result.carried_over.append("thematiques")
    _check_references({k: v for k, v in frames.items() if v is not None},
                      _known_from_store(store, frames), result.issues)
    result.issues.sort(key=lambda i: (list(SHEETS).index(i.sheet) if i.sheet in SHEETS else -1, i.row or 0))
    if not result.issues:
        result.tables = to_tables(frames)
    return result


def commit(store: Store, checked: Checked, *, label: str, as_of: dt.date | None = None,
           created_by: str | None = None) -> ImportResult:
    """Write a clean check as a new active snapshot (one transaction); refuse one with issues."""
    if not checked.ok:
        return ImportResult(ok=False, errors=checked.issues, warnings=checked.warnings)
    sid, carried = store.write_snapshot(
        checked.tables, label=label, as_of=as_of or dt.date.today(), files=", ".join(checked.upload.files),
        sha256=checked.upload.sha256, created_by=created_by,
    )
    snap = store.snapshot(sid)
    return ImportResult(ok=True, snapshot_id=sid, counts=snap.counts if snap else {},
                        carried_over=[c for c in carried if c != "thematiques"], warnings=checked.warnings)


def import_files(store: Store, paths: list[str | Path], *, label: str | None = None,
                 as_of: dt.date | None = None) -> ImportResult:
    files = [(Path(p).name, Path(p).read_bytes()) for p in paths]
    checked = check(read_upload(files), store)
    as_of = as_of or dt.date.today()
    return commit(store, checked, label=label or f"Inventaire au {as_of:%d/%m/%Y}", as_of=as_of)
