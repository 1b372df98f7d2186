"""Checking: every cell of a raw sheet against the models, once per distinct value of its column.

``parse_sheet`` matches the headers to the contract's columns (any case, accent or language), then
``parse_column`` validates each distinct value with the model's own parsers and reports every row holding a
bad one, with the column as the user typed it. The result keeps each column as its distinct parsed values
and each row's slot among them (``ParsedColumn``): the cross-references work on those, and ``to_tables``
turns them into the Arrow tables the store writes without a Python object per row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import TypeAdapter, ValidationError

from inventory import formats, limits, memory, parsing
from inventory import texts as T
from inventory.models import SHEETS, Issue, Row, storage
from inventory.parsing import is_blank, show
from inventory.intake.reading.blanks import arrow_strings
from inventory.intake.reading.sheet import RawSheet, header_names, is_annotation_column
from inventory.reference import fold
from inventory.store import SHEET_COLUMNS
from inventory.store.database import with_later_columns


@lru_cache(maxsize=None)
def _adapter(model: type[Row], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)


def _message(err: ValidationError) -> str:
    e = err.errors()[0]
    if e["type"] == "contract":
        return e["msg"]
    if e["type"] == "too_short":
        return T.ERR_AT_LEAST_ONE
    return T.ERR_INVALID


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

    def to_arrow(self, type_: pa.DataType, *, consume: bool = False) -> pa.Array | pa.ChunkedArray:
        """The column as Arrow: the distinct values converted once, then taken per row; a column of mostly
        distinct Python values (ids, descriptions) converted row by row instead, never held twice as Arrow.
        ``consume``: such a column lets go of its Python values as they are converted (it is empty after), so
        that the texts of a large upload are not held both as Python strings and as Arrow."""
        if self.words is not None and type_ == pa.string() and (self.default is None or isinstance(self.default, str)):
            values = pa.concat_arrays([self.words.cast(pa.string()), pa.array([self.default], type=pa.string())])
        elif 2 * len(self.values) > len(self.codes):
            rows = self.per_row()
            if consume:
                self._values, self.words = np.empty(0, dtype=object), None
            return _arrow(rows, type_, consume=consume)
        else:
            values = _arrow(self.values, type_)
        return values.take(pa.array(self.codes))


TRIM_EVERY = 8 * 2**20  # converted bytes between two hand-backs (malloc_trim walks the heap: up to ~80 ms)


def _arrow(values: np.ndarray, type_: pa.DataType, chunk: int = 2048, *,
           consume: bool = False) -> pa.Array | pa.ChunkedArray:
    """Python values as Arrow, a few thousand at a time; texts as ``_texts`` lays them out. ``consume``: each part's
    values are dropped from ``values`` once converted, and their memory handed back to the system every
    ``TRIM_EVERY`` bytes."""
    converted = [0]

    def part(i: int) -> pa.Array:
        some = values[i:i + chunk]
        if type_ == pa.string() and all(v is None or type(v) is str for v in some):
            got = _texts(some)
        else:
            got = pa.array(some, type=type_, from_pandas=True)
        if consume:
            values[i:i + chunk] = None
            del some
            converted[0] += got.nbytes
            if converted[0] >= TRIM_EVERY:
                memory.trim()
                converted[0] = 0
        return got

    if len(values) <= chunk:
        return part(0)
    return pa.chunked_array([part(i) for i in range(0, len(values), chunk)], type=type_)


def _texts(values: np.ndarray) -> pa.Array:
    """Strings (or None) as an Arrow string array laid out at its exact size. ``pa.array`` grows its buffer by
    doublings (a column of long texts passed through four times its size) and asks each string for its UTF-8,
    which Python then keeps inside every string with an accent for as long as the string lives."""
    encoded = [None if v is None else v.encode("utf-8") for v in values]
    present = np.fromiter((b is not None for b in encoded), dtype=bool, count=len(encoded))
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum(np.fromiter((len(b) if b is not None else 0 for b in encoded), dtype=np.int64, count=len(encoded)),
              out=offsets[1:])
    data = b"".join(b for b in encoded if b is not None)
    del encoded
    nulls = len(present) - int(present.sum())
    validity = pa.array(present).buffers()[1] if nulls else None
    return pa.StringArray.from_buffers(len(present), pa.py_buffer(offsets), pa.py_buffer(data), validity, nulls)


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


def parse_column(model: type[Row], name: str, raw: pd.Series, sheet: str, header: str,
                 issues: list[Issue]) -> ParsedColumn:
    """Validate a column once per distinct value; return the parsed values with each row's slot among them."""
    info = model.model_fields[name]
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    strings = arrow_strings(raw)
    adapter = _adapter(model, name)
    if strings is not None:  # CSV: Arrow hashes the strings (blank cells are "", nulls would be blank too)
        encoded = strings.combine_chunks().dictionary_encode()
        codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.intp)
        dictionary = encoded.dictionary
        plain = _plain_words(model, name, None, adapter, dictionary)
        if plain is not None and plain.all() and not (codes == -1).any():  # e.g. 100,000 distinct need ids
            return ParsedColumn(codes, words=dictionary, default=default)
        uniques = dictionary.to_numpy(zero_copy_only=False)
    elif _free_text(model, name):  # long text, mostly distinct (descriptions): see _factorized
        codes, uniques = _factorized(raw.to_numpy(dtype=object))
        plain = _plain_words(model, name, uniques, adapter)
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
                bad[i] = T.ERR_REQUIRED
            continue
        try:
            parsed[i] = adapter.validate_python(value)
        except ValidationError as exc:
            bad[i] = _message(exc)
    parsed[-1] = default  # blank cells (NA sentinel -1 lands on the last slot)
    if info.is_required() and (codes == -1).any():
        for row in raw.index[codes == -1]:
            issues.append(Issue(sheet=sheet, row=int(row), column=header, value="", message=T.ERR_IN_COLUMN.format(
                column=model.column_label(name), message=T.ERR_REQUIRED)))
    codes[codes == -1] = len(uniques)
    column = ParsedColumn(codes, parsed)
    for pos in column.rows_with(list(bad)):  # the rows of each bad value, without a scan per value
        code = codes[pos]
        issues.append(Issue(sheet=sheet, row=int(raw.index[pos]), column=header, value=show(uniques[code]),
                            message=T.ERR_IN_COLUMN.format(column=model.column_label(name), message=bad[code])))
    return column


def _free_text(model: type[Row], name: str) -> bool:
    """A free-text column (``parsing.text``: descriptions, comments), whose cells may be long."""
    return any(getattr(m, "func", None) is parsing.text for m in model.model_fields[name].metadata)


def _factorized(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize`` for long text, by Python's own hashing: pandas hashes strings as UTF-8, which makes Python
    keep a UTF-8 copy inside every string with an accent for as long as it lives (a second copy of every
    description of an upload). Blank cells (None, NaN) get -1, as with ``use_na_sentinel``."""
    slots: dict[Any, int] = {}
    codes = np.empty(len(values), dtype=np.intp)
    for i, v in enumerate(values):
        codes[i] = -1 if v is None or (type(v) is float and v != v) else slots.setdefault(v, len(slots))
    uniques = np.empty(len(slots), dtype=object)
    uniques[:] = list(slots)
    return codes, uniques


# Plain words: ASCII letters and digits with _ . / - and inner spaces, 1 to MAX_CODE_CHARS characters. Every
# text rule (Excel errors, formula guard, control characters, lengths, surrounding spaces) leaves them as they are.
_PLAIN_WORD = re.compile(rf"[0-9A-Za-z](?:[0-9A-Za-z_./ -]{{0,{limits.MAX_CODE_CHARS - 2}}}[0-9A-Za-z_./-])?")


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
    if len(uniques) > 1000 and not _free_text(model, name) and pd.api.types.infer_dtype(uniques, skipna=False) == "string":
        # all short strings: in C (free text is left to the loop below, which fails at once on a long text,
        # instead of being copied whole to Arrow)
        mask = pc.match_substring_regex(pa.array(uniques, type=pa.string()), pattern).to_numpy(zero_copy_only=False)
    else:
        match = _PLAIN_WORD.fullmatch
        mask = np.fromiter((type(u) is str and match(u) is not None for u in uniques), dtype=bool, count=len(uniques))
    if not all(adapter.validate_python(u) == u for u in uniques[mask][:3]):
        return None
    return mask


def parse_sheet(raw: RawSheet, issues: list[Issue], warnings: list[str]) -> ParsedSheet | None:
    model = SHEETS[raw.sheet]
    known = header_names(model)
    position: dict[str, int] = {}
    header_of: dict[str, str] = {}
    ignored = []
    before = len(issues)
    for i, header in enumerate(raw.headers):
        if not header:
            continue
        name = known.get(fold(header))
        if name is None:
            if not is_annotation_column(header):
                ignored.append(header)
        elif name in position:
            issues.append(Issue(sheet=raw.sheet, row=1, column=header, value=header,
                                message=T.ERR_DUPLICATE_COLUMN.format(column=header), kind="colonne"))
        else:
            position[name], header_of[name] = i, header
    expected = ", ".join(n for n, c in model.columns().items())
    for name, col in model.columns().items():
        if col["required"] and name not in position and not (name == "nb_acteurs"):
            issues.append(Issue(sheet=raw.sheet, row=1, column=name,
                                message=T.ERR_MISSING_COLUMN.format(column=name, expected=expected), kind="colonne"))
    if ignored:
        warnings.append(T.WARN_UNKNOWN_COLUMNS.format(sheet=raw.sheet, columns=", ".join(ignored)))
    if len(issues) > before:
        return None
    if raw.rows.empty:
        issues.append(Issue(sheet=raw.sheet, message=T.ERR_NO_DATA, kind="fichier"))
        return None
    columns: dict[str, ParsedColumn] = {}
    for name in model.columns():
        if name in position:
            columns[name] = parse_column(model, name, raw.rows[position[name]], raw.sheet, header_of[name], issues)
        else:
            default = model.model_fields[name].get_default(call_default_factory=True)
            values = np.empty(1, dtype=object)
            values[0] = default
            columns[name] = ParsedColumn(codes=np.zeros(len(raw.rows), dtype=np.intp), values=values)
    return ParsedSheet(index=raw.rows.index.to_numpy(), columns=columns, headers=header_of)


def repeated_investors(raw: RawSheet, parsed: ParsedSheet | None, shown: int = 10) -> list[str]:
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
    rows = [T.WARN_REPEATED_INVESTOR_ROW.format(row=int(cells.index[pos]), ids=", ".join(repeated[codes[pos]]))
            for pos in hit[:shown]]
    if len(hit) > shown:
        rows.append(formats.counted(T.WARN_REPEATED_INVESTOR_MORE, n=len(hit) - shown))
    return [T.WARN_REPEATED_INVESTOR.format(sheet=raw.sheet, rows=parsing.LIST_SEPARATOR.join(rows))]


def _to_arrow(sheet: str, frame: pd.DataFrame | ParsedSheet, consume: bool = False) -> pa.Table:
    cols = SHEET_COLUMNS[sheet]
    types = {name: storage(info.annotation)[1] for name, info in SHEETS[sheet].model_fields.items()}
    if isinstance(frame, ParsedSheet):  # no Python object per row: distinct values, then taken per row
        arrays = [frame.columns[c].to_arrow(types[c], consume=consume) for c in cols]
    else:
        frame = with_later_columns(sheet, frame)  # a hand-built frame older than an optional column
        arrays = [pa.array(frame[c].tolist(), type=types[c], from_pandas=True) for c in cols]
    return pa.Table.from_arrays(arrays, names=cols)


def to_tables(frames: dict[str, pd.DataFrame | ParsedSheet], *, consume: bool = False) -> dict[str, pa.Table]:
    """Contract frames (typed values, lists as lists) as the Arrow tables the store writes. ``consume``: checked
    sheets let go of their mostly distinct columns as they are converted (ParsedColumn.to_arrow)."""
    return {sheet: _to_arrow(sheet, frame, consume) for sheet, frame in frames.items()}
