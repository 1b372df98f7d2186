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
import pyarrow.csv as pacsv
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


def _read_file(name: str, data: bytes) -> list[tuple[str, list[list[Any]] | pa.Table]]:
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
    return _decoded(data)[0]


def _decoded(data: bytes) -> tuple[str, bytes | None]:
    """The text of a CSV file, and its bytes without the BOM when they already are that text in UTF-8."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), None
    if data[:3] == b"\xef\xbb\xbf":
        return data[3:].decode("utf-8"), data[3:]
    if b"\x00" in data[:4096]:  # UTF-16 saved without its BOM: every other byte of Latin text is zero
        for encoding, high in (("utf-16-le", data[1:4096:2]), ("utf-16-be", data[0:4096:2])):
            if high.count(0) >= 0.9 * len(high):
                try:
                    return data.decode(encoding), None
                except UnicodeDecodeError:
                    break  # binary after all: refused by the caller
    try:
        return data.decode("utf-8"), data
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), None


def _read_csv(data: bytes) -> list[list[Any]] | pa.Table:
    """The CSV's rows: an Arrow table of strings (first row = header) when pyarrow reads exactly what Python's
    csv module would, else the csv module's own list of rows (and its errors, in French)."""
    text, utf8 = _decoded(data)
    if "\x00" in text:
        raise FileRefused(texts.ERR_NOT_READABLE.format(detail="contenu binaire"))
    eol = text.find("\n")
    first = text if eol < 0 else text[:eol]
    delimiter = max(("\t", ";", ","), key=first.count)
    cut = first.find("\r")
    table = _read_csv_arrow(text, utf8, delimiter, (first if cut < 0 else first[:cut]).count(delimiter) + 1)
    if table is not None:
        return table
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise FileRefused(texts.ERR_CSV_UNREADABLE.format(detail=_csv_detail(exc))) from None


def _read_csv_arrow(text: str, utf8: bytes | None, delimiter: str, columns: int) -> pa.Table | None:
    """The fast path of ``_read_csv``: pyarrow's reader, every column as strings, empty fields as "".

    None (the caller then uses the csv module) whenever pyarrow could read something else than the csv module
    with ``strict=True`` or fail differently: a quote that does not open or close a field by the book, a
    ragged row, a field over the csv module's size limit, a BOM left after decoding (pyarrow would drop it),
    any pyarrow error; also a first line far wider than any sheet (no need for thousands of column types).
    Empty lines become rows of "" instead of [] (both blank, both dropped later)."""
    if text.startswith("\ufeff") or columns > 4 * limits.MAX_COLUMNS:
        return None
    data = utf8 if utf8 is not None else text.encode("utf-8")
    if not _quotes_by_the_book(data, delimiter):
        return None
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={f"f{i}": pa.string() for i in range(columns)},
                                                 strings_can_be_null=False),
        )
    except Exception:  # ragged rows, an unterminated quote, bad UTF-8…: the csv module says it in its words
        return None
    if not all(t == pa.string() for t in table.schema.types) or table.num_columns == 0:
        return None
    limit = csv.field_size_limit()
    for col in table.columns:  # bytes ≥ characters: under the limit in bytes is under it for the csv module
        longest = pc.max(pc.binary_length(col)).as_py()
        if longest is not None and longest > limit:
            return None
    return table


def _quotes_by_the_book(data: bytes, delimiter: str) -> bool:
    """True when every double quote of the file opens a quoted field (right after a delimiter, a line break or
    at the start), closes one (right before a delimiter, a line break or the end) or is doubled inside one,
    and no quoted field is left open: then Python's csv (strict) and pyarrow read the same fields. Judged on
    the runs of consecutive quotes with numpy, without a pass of Python code over the characters."""
    if b'"' not in data:
        return True
    buf = np.frombuffer(data, dtype=np.uint8)
    pos = np.flatnonzero(buf == 0x22)
    breaks = np.flatnonzero(np.diff(pos) != 1) + 1
    starts = pos[np.concatenate(([0], breaks))]
    ends = pos[np.concatenate((breaks - 1, [len(pos) - 1]))] + 1  # one past each run
    odd = (ends - starts) & 1
    if odd.sum() & 1:  # a quoted field still open at the end of the file
        return False
    outside = ((np.cumsum(odd) - odd) & 1) == 0  # the run starts outside any quoted field
    boundary = np.zeros(256, dtype=bool)
    boundary[[ord(delimiter), 0x0A, 0x0D]] = True
    after = np.where(ends < len(buf), buf[np.minimum(ends, len(buf) - 1)], 0x0A)  # the end is a boundary too
    before = boundary[buf[starts - 1]] | (starts == 0)
    # outside, a run opens a field (an even run also closes it: "" or """"); inside, an odd run closes it
    closes = np.where(outside, odd == 0, odd == 1)
    return bool(before[outside].all() and boundary[after[closes]].all())


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


def _to_raw_sheet(key: str, sheet_name: str, file: str, grid: list[list[Any]] | pa.Table,
                  issues: list[Issue]) -> RawSheet | None:
    """Rows as read (a list of rows, or for a CSV an Arrow table of strings) → headers and data rows."""
    model = SHEETS[key]
    known = _columns_for(model)
    table = grid if isinstance(grid, pa.Table) else None
    # drop trailing blank rows cheaply (formatted but empty rows)
    if table is not None:
        nonblank = np.flatnonzero(~_arrow_blank_rows(table.columns, table.num_rows))
        end = int(nonblank[-1]) + 1 if len(nonblank) else 0
    else:
        end = len(grid)
        while end and all(is_blank(c) for c in grid[end - 1]):
            end -= 1
        grid = grid[:end]
    if not end:
        if key != "thematiques":  # the optional sheet left empty (as in the template) is as if absent
            issues.append(Issue(sheet=key, message=texts.ERR_NO_DATA, kind="fichier"))
        return None
    if end - 1 > limits.MAX_ROWS:
        issues.append(Issue(sheet=key, message=texts.ERR_TOO_MANY_ROWS.format(rows=end - 1, limit=limits.MAX_ROWS),
                            kind="fichier"))
        return None
    first = _table_rows(table, 0, 1)[0] if table is not None else grid[0]
    headers = ["" if is_blank(h) else show(h).strip() for h in first]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > limits.MAX_COLUMNS:
        issues.append(Issue(sheet=key, message=texts.ERR_TOO_MANY_COLUMNS.format(columns=len(headers),
                                                                                limit=limits.MAX_COLUMNS), kind="fichier"))
        return None
    if not any(fold(h) in known for h in headers):
        for i, row in enumerate(_table_rows(table, 1, min(end, 10)) if table is not None else grid[1:10], start=2):
            if sum(fold(show(c)) in known for c in row if not is_blank(c)) >= 2:
                issues.append(Issue(sheet=key, row=i, message=texts.ERR_HEADER_NOT_FIRST_ROW.format(row=i), kind="colonne"))
                return None
    width = len(headers)
    if table is not None:
        frame = _arrow_frame(table, end, width)
    else:
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


def _table_rows(table: pa.Table, start: int, stop: int) -> list[list[Any]]:
    """A few rows of an Arrow table as lists of Python values."""
    part = table.slice(start, max(stop - start, 0))
    return [list(r) for r in zip(*(c.to_pylist() for c in part.columns))]


def _arrow_frame(table: pa.Table, end: int, width: int) -> pd.DataFrame:
    """Data rows 2..end of an Arrow table of strings, its first ``width`` columns, without its blank rows:
    Arrow-backed string columns 0..width-1, index = spreadsheet row number."""
    body = table.slice(1, end - 1)
    columns = [body.column(i) for i in range(width)]
    keep = np.flatnonzero(~_arrow_blank_rows(columns, body.num_rows))
    if len(keep) < body.num_rows:
        columns = [c.take(keep) for c in columns]
    return pd.DataFrame({i: pd.arrays.ArrowExtensionArray(c) for i, c in enumerate(columns)},
                        index=pd.Index(keep + 2), columns=range(width))


# Python's str.isspace() characters, so that Arrow judges blank strings exactly as ``is_blank`` (a test checks
# the list against every code point). RE2's own \s is ASCII only.
_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
               "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_BLANK_RE = "^[" + "".join(f"\\x{{{ord(c):x}}}" for c in _WHITESPACE) + "]*$"


def _arrow_blank(strings: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Per value of an Arrow string array: blank (null, empty or only whitespace), as ``is_blank``."""
    return pc.fill_null(pc.match_substring_regex(strings, _BLANK_RE), True).to_numpy(zero_copy_only=False)


def _arrow_blank_rows(columns: list[pa.ChunkedArray], n: int) -> np.ndarray:
    """Rows whose every cell is blank, judged column by column on the rows still blank."""
    candidates = np.arange(n)
    for col in columns:
        if not len(candidates):
            break
        part = col if len(candidates) == n else col.take(candidates)
        candidates = candidates[_arrow_blank(part)]
    mask = np.zeros(n, dtype=bool)
    mask[candidates] = True
    return mask


def _arrow_strings(raw: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow strings behind an Arrow-backed string column (CSV), None for an object column."""
    dtype = raw.dtype
    if isinstance(dtype, pd.ArrowDtype) and pa.types.is_string(dtype.pyarrow_dtype) or \
            isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        got = pa.array(raw.array)
        return got if isinstance(got, pa.ChunkedArray) else pa.chunked_array([got])
    return None


def _blank_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose every cell is blank, judged once per distinct value of a column rather than per cell, and
    only on the rows still blank after the previous columns (None and NaN, the grids' only missing markers,
    are blank). Arrow string columns are judged in Arrow."""
    candidates = np.arange(len(frame))
    for col in frame.columns:
        if not len(candidates):
            break
        strings = _arrow_strings(frame[col])
        if strings is not None:
            candidates = candidates[_arrow_blank(strings.take(candidates))]
            continue
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


class ParsedColumn:
    """A checked column, kept per distinct value: ``values`` holds the parsed value of each distinct cell
    value and, in its last slot, the column's default (for blank cells); ``codes`` gives each row's slot.

    ``words``: when every distinct value was a plain word (its own parsed value), those values as the Arrow
    strings they were read as; ``values`` is then only made (as Python objects) if asked for."""

    def __init__(self, codes: np.ndarray, values: np.ndarray | None = None, *, words: pa.Array | None = None,
                 default: Any = None) -> None:
        self.codes = codes  # one slot number per row, 0 <= code < len(values)
        self._values = values
        self.words = words
        self.default = default

    @property
    def values(self) -> np.ndarray:  # object: parsed values, then the default
        if self._values is None:
            values = np.empty(len(self.words) + 1, dtype=object)
            values[:-1] = self.words.to_numpy(zero_copy_only=False)
            values[-1] = self.default
            self._values = values
        return self._values

    @values.setter
    def values(self, values: np.ndarray) -> None:
        self._values, self.words = values, None

    def per_row(self) -> np.ndarray:
        return self.values[self.codes]

    def rows_with(self, slots: list[int] | np.ndarray) -> np.ndarray:
        """Positions of the rows whose value is in one of ``slots``, in row order."""
        hit = np.zeros(len(self.values), dtype=bool)
        hit[np.asarray(slots, dtype=np.intp)] = True
        return np.flatnonzero(hit[self.codes])

    def to_arrow(self, type_: pa.DataType) -> pa.Array:
        """The column as Arrow: the distinct values converted once, then taken per row."""
        if self.words is not None and type_ == pa.string() and (self.default is None or isinstance(self.default, str)):
            values = pa.concat_arrays([self.words.cast(pa.string()), pa.array([self.default], type=pa.string())])
        else:
            values = pa.array(self.values, type=type_, from_pandas=True)
        return values.take(pa.array(self.codes))


@dataclass
class ParsedSheet:
    """A checked sheet: its spreadsheet row numbers, its columns (contract order) and the headers as typed."""

    index: np.ndarray
    columns: dict[str, ParsedColumn]
    headers: dict[str, str]

    def __contains__(self, name: str) -> bool:
        return name in self.columns

    def __getitem__(self, name: str) -> np.ndarray:
        """The parsed values of a column, one per row (object array)."""
        return self.columns[name].per_row()


def _parse_column(model: type[Row], name: str, raw: pd.Series, sheet: str, header: str,
                  issues: list[Issue]) -> ParsedColumn:
    """Validate a column once per distinct value; return the parsed values with each row's slot among them."""
    col = model.columns()[name]
    info = model.model_fields[name]
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    strings = _arrow_strings(raw)
    adapter = _adapter(model, name)
    if strings is not None:  # CSV: Arrow hashes the strings (blank cells are "", nulls would be blank too)
        encoded = strings.combine_chunks().dictionary_encode()
        codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.intp)
        dictionary = encoded.dictionary
        plain = _plain_words(model, name, None, adapter, dictionary)
        if plain is not None and plain.all() and not (codes == -1).any():  # e.g. 100,000 distinct need ids
            return ParsedColumn(codes, words=dictionary, default=default)
        uniques = dictionary.to_numpy(zero_copy_only=False)
    else:
        codes, uniques = pd.factorize(raw.to_numpy(dtype=object), use_na_sentinel=True)
        plain = _plain_words(model, name, uniques, adapter)
    parsed = np.empty(len(uniques) + 1, dtype=object)
    bad: dict[int, str] = {}
    todo: Any = range(len(uniques))
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
    codes[codes == -1] = len(uniques)
    column = ParsedColumn(codes, parsed)
    for pos in column.rows_with(list(bad)):  # the rows of each bad value, without a scan per value
        code = codes[pos]
        issues.append(Issue(sheet=sheet, row=int(raw.index[pos]), column=header, value=show(uniques[code]),
                            message=f"{col['title']} : {bad[code]}"))
    return column


# Plain words: ASCII letters and digits with _ . / - and inner spaces, 1 to 100 characters. Every text rule
# (Excel errors, formula guard, control characters, lengths, surrounding spaces) leaves them as they are.
_PLAIN_WORD = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z_./ -]{0,98}[0-9A-Za-z_./-])?")


def _plain_words(model: type[Row], name: str, uniques: np.ndarray | None, adapter: TypeAdapter,
                 dictionary: pa.Array | None = None) -> np.ndarray | None:
    """For a free-text or code column, the distinct values that are plain words, which validate to
    themselves; None for other columns (or if the parser ever stops leaving such a word as it is).
    ``dictionary``: the distinct values as Arrow strings, when the column came as such (then ``uniques``
    may be None)."""
    funcs = [getattr(m, "func", None) for m in model.model_fields[name].metadata]
    if not any(f in (parsing.text, parsing.code) for f in funcs):
        return None
    pattern = f"^(?:{_PLAIN_WORD.pattern})$"
    if dictionary is not None:
        mask = pc.match_substring_regex(dictionary, pattern).to_numpy(zero_copy_only=False)
        sample = dictionary.filter(pa.array(mask)).slice(0, 3).to_pylist()
        return mask if all(adapter.validate_python(u) == u for u in sample) else None
    if len(uniques) > 1000 and pd.api.types.infer_dtype(uniques, skipna=False) == "string":  # all str: in C
        mask = pc.match_substring_regex(pa.array(uniques, type=pa.string()), pattern).to_numpy(zero_copy_only=False)
    else:
        match = _PLAIN_WORD.fullmatch
        mask = np.fromiter((type(u) is str and match(u) is not None for u in uniques), dtype=bool, count=len(uniques))
    if not all(adapter.validate_python(u) == u for u in uniques[mask][:3]):
        return None
    return mask


def _parse_sheet(raw: RawSheet, issues: list[Issue], warnings: list[str]) -> ParsedSheet | None:
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
    columns: dict[str, ParsedColumn] = {}
    for name in model.columns():
        if name in position:
            columns[name] = _parse_column(model, name, raw.rows[position[name]], raw.sheet, header_of[name], issues)
        else:
            default = model.model_fields[name].get_default(call_default_factory=True)
            values = np.empty(1, dtype=object)
            values[0] = default
            columns[name] = ParsedColumn(codes=np.zeros(len(raw.rows), dtype=np.intp), values=values)
    return ParsedSheet(index=raw.rows.index.to_numpy(), columns=columns, headers=header_of)


def _repeated_investors(raw: RawSheet, parsed: ParsedSheet | None, shown: int = 10) -> list[str]:
    """A warning naming the rows whose ``investisseurs`` cell cites an investor twice (the model keeps it once:
    ``parsing.distinct_list``), checked once per distinct cell value."""
    header = parsed.headers.get("investisseurs") if parsed is not None else None
    if header is None or "investisseurs" not in SHEETS[raw.sheet].model_fields:
        return []
    cells = raw.rows[raw.headers.index(header)]
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object))
    repeated = {k: parsing.repeated_items(v) for k, v in enumerate(uniques)}
    repeated = {k: ids for k, ids in repeated.items() if ids}
    if not repeated:
        return []
    hit = np.flatnonzero(np.isin(codes, list(repeated)))
    rows = [texts.WARN_REPEATED_INVESTOR_ROW.format(row=int(cells.index[pos]), ids=", ".join(repeated[codes[pos]]))
            for pos in hit[:shown]]
    if len(hit) > shown:
        rows.append(texts.WARN_REPEATED_INVESTOR_MORE.format(n=len(hit) - shown))
    return [texts.WARN_REPEATED_INVESTOR.format(sheet=raw.sheet, rows=parsing.LIST_SEPARATOR.join(rows))]


def _check_references(frames: dict[str, ParsedSheet], known: dict[str, Any], issues: list[Issue]) -> None:
    """Duplicate ids, unknown investors and themes, end before start.

    Each check runs once per distinct value of a column, then reports the rows holding a bad one (in row
    order, as the report lists them)."""
    for sheet, frame in frames.items():
        key = SHEETS[sheet].key
        if key is None or frame is None or key not in frame:
            continue
        _report_duplicates(sheet, frame, key, issues)
    theme_lookup: dict[str, str] = known["themes"]
    investors: set[str] | None = known["investors"]
    known_themes = ", ".join(sorted(set(theme_lookup.values())))

    def unknown_theme(sheet: str, row: int, header: str, item: Any) -> Issue:
        return Issue(sheet=sheet, row=row, column=header, value=str(item), kind="reference",
                     message=texts.ERR_UNKNOWN_THEME.format(value=item, known=known_themes))

    if frames.get("programmes") is not None:
        prog = frames["programmes"]
        # themes: each distinct list resolved once (codes, without repeats); every unknown item reported
        col = prog.columns["thematiques"]
        header = prog.headers.get("thematiques", "thematiques")
        resolved = np.empty(len(col.values), dtype=object)
        unknown: dict[int, list[Any]] = {}
        for slot, items in enumerate(col.values):
            if not items or items[0] is None:
                resolved[slot] = items
                continue
            codes = []
            for item in items:
                code = theme_lookup.get(fold(item))
                if code is None:
                    unknown.setdefault(slot, []).append(item)
                elif code not in codes:
                    codes.append(code)
            resolved[slot] = codes
        for pos in col.rows_with(list(unknown)):
            for item in unknown[col.codes[pos]]:
                issues.append(unknown_theme("programmes", int(prog.index[pos]), header, item))
        col.values = resolved
        # investors: each distinct list once
        col = prog.columns["investisseurs"]
        header = prog.headers.get("investisseurs", "investisseurs")
        strangers: dict[int, list[str]] = {}
        for slot, ids in enumerate(col.values if investors is not None else []):
            missing = [inv for inv in ids or [] if inv not in investors]
            if missing:
                strangers[slot] = missing
        for pos in col.rows_with(list(strangers)):
            for inv in strangers[col.codes[pos]]:
                issues.append(Issue(sheet="programmes", row=int(prog.index[pos]), column=header, value=inv,
                                    kind="reference", message=texts.ERR_UNKNOWN_INVESTOR.format(value=inv)))
        # end before start: dates compared as day numbers, per row
        start, end = prog.columns["date_debut"], prog.columns["date_fin"]
        header = prog.headers.get("date_fin", "date_fin")
        def days(col: ParsedColumn) -> np.ndarray:
            return np.array([-1 if d is None else d.toordinal() for d in col.values], dtype=np.int64)[col.codes]

        first, last = days(start), days(end)
        for pos in np.flatnonzero((first >= 0) & (last >= 0) & (last < first)):
            s, e = start.values[start.codes[pos]], end.values[end.codes[pos]]
            issues.append(Issue(sheet="programmes", row=int(prog.index[pos]), column=header, value=show(e),
                                kind="coherence", message="Date de fin : " + Programme.END_BEFORE_START.format(
                                    fin=show(e), debut=show(s))))
    if frames.get("besoins") is not None:
        # needs share few distinct theme values: resolve per distinct value
        needs = frames["besoins"]
        col = needs.columns["thematique"]
        header = needs.headers.get("thematique", "thematique")
        resolved = np.empty(len(col.values), dtype=object)
        resolved[:] = [None if v is None else theme_lookup.get(fold(v)) for v in col.values]
        unknown_slots = [slot for slot, v in enumerate(col.values) if v is not None and resolved[slot] is None]
        for pos in col.rows_with(unknown_slots):
            issues.append(unknown_theme("besoins", int(needs.index[pos]), header, col.values[col.codes[pos]]))
        col.values = resolved


def _report_duplicates(sheet: str, frame: ParsedSheet, key: str, issues: list[Issue]) -> None:
    """Each row repeating the key of an earlier row, with the first row of that key."""
    col = frame.columns[key]

    def present_and_repeated(per_row: np.ndarray) -> tuple[np.ndarray, bool]:
        present = np.flatnonzero(per_row >= 0)
        return present, bool(len(present)) and np.bincount(per_row[present]).max() >= 2

    if col.words is not None and col.default is None:  # distinct words, read once each: a key per slot
        if not present_and_repeated(np.where(col.codes < len(col.words), col.codes, -1))[1]:
            return
    try:  # keys are strings: hashed by Arrow
        encoded = pa.array(col.values, type=pa.string(), from_pandas=True).dictionary_encode()
        ids = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.intp)
        keys = encoded.dictionary.to_numpy(zero_copy_only=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        ids, keys = pd.factorize(col.values, use_na_sentinel=True)
    per_row = ids[col.codes]  # distinct parsed key of each row, -1 without one
    present, repeated = present_and_repeated(per_row)
    if not repeated:
        return
    seen, first_pos = np.unique(per_row[present], return_index=True)
    first_row = np.zeros(len(keys), dtype=np.int64)
    first_row[seen] = frame.index[present[first_pos]]
    repeat = np.ones(len(present), dtype=bool)
    repeat[first_pos] = False
    header = frame.headers.get(key, key)
    for pos in present[repeat]:
        value = keys[per_row[pos]]
        issues.append(Issue(sheet=sheet, row=int(frame.index[pos]), column=header, value=str(value), kind="doublon",
                            message=texts.ERR_DUPLICATE.format(value=value, first=int(first_row[per_row[pos]]))))


ARROW_TYPES: dict[str, pa.DataType] = {
    "budget_eur": pa.float64(), "date_debut": pa.date32(), "date_fin": pa.date32(), "date": pa.date32(),
    "intensite": pa.int8(), "nb_acteurs": pa.int32(), "odd": pa.list_(pa.int32()),
    "investisseurs": pa.list_(pa.string()), "nature": pa.list_(pa.string()), "thematiques": pa.list_(pa.string()),
    "territoires": pa.list_(pa.string()), "publics": pa.list_(pa.string()),
}


def _to_arrow(sheet: str, frame: pd.DataFrame | ParsedSheet) -> pa.Table:
    cols = SHEET_COLUMNS[sheet]
    if isinstance(frame, ParsedSheet):  # no Python object per row: distinct values, then taken per row
        arrays = [frame.columns[c].to_arrow(ARROW_TYPES.get(c, pa.string())) for c in cols]
    else:
        arrays = [pa.array(frame[c].tolist(), type=ARROW_TYPES.get(c, pa.string()), from_pandas=True) for c in cols]
    return pa.Table.from_arrays(arrays, names=cols)


def to_tables(frames: dict[str, pd.DataFrame | ParsedSheet]) -> dict[str, pa.Table]:
    """Contract frames (typed values, lists as lists) as the Arrow tables the store writes."""
    return {sheet: _to_arrow(sheet, frame) for sheet, frame in frames.items()}


def _known_from_store(store: Store | None, frames: dict[str, ParsedSheet | None]) -> dict[str, Any]:
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
        investors = {i for i in frames["investisseurs"]["id"] if i is not None}
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
    frames: dict[str, ParsedSheet | None] = {}
    for sheet, raw in upload.sheets.items():
        frames[sheet] = _parse_sheet(raw, result.issues, result.warnings)
        result.warnings += _repeated_investors(raw, frames[sheet])
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
    known = _known_from_store(store, frames)
    if "thematiques" in upload.sheets and any(i.sheet == "thematiques" for i in result.issues):
        # the sheet's own problems are reported; the themes it means to define are not "unknown" on top
        for value in upload.sheets["thematiques"].rows.to_numpy(dtype=object).ravel():
            if not is_blank(value):
                known["themes"].setdefault(fold(show(value)), show(value).strip())
    _check_references({k: v for k, v in frames.items() if v is not None}, known, result.issues)
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
