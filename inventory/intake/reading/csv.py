"""CSV files (``.csv``, ``.txt``, ``.tsv``), one sheet each, named after the file.

Encodings as people save them (UTF-8 with or without BOM, Windows-1252, UTF-16 with or without BOM) and the
separator of the first line (tab, ``;`` or ``,``). The fast path reads with pyarrow whenever pyarrow reads
exactly what Python's csv module (``strict=True``) would; otherwise the csv module reads, and says what is
wrong in French.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from inventory import limits
from inventory import texts as T
from inventory.parsing import visible
from inventory.intake.reading.sheet import FileRefused, Grid

EXTENSIONS = (".csv", ".txt", ".tsv")
ACCEPTS = (("csv", ("csv",)),)  # one sheet of the template
DELIMITERS = ("\t", ";", ",")


def recognises(name: str, data: bytes) -> bool:
    return Path(name).suffix.lower() in EXTENSIONS


def read(name: str, data: bytes) -> list[tuple[str, Grid]]:
    return [(Path(name).stem, rows(data))]


def decoded(data: bytes) -> tuple[str, bytes | None]:
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
    except UnicodeDecodeError as exc:
        _refuse_mixed(data, exc.start)
        return data.decode("cp1252", errors="replace"), None


# a well-formed UTF-8 sequence for a character beyond ASCII (2 to 4 bytes): a file in Windows-1252 almost never
# holds one (« Ã© » would have to be typed), so one beside a byte that is not UTF-8 means two encodings
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _refuse_mixed(data: bytes, bad: int) -> None:
    """Refuse a file whose lines are partly UTF-8 and partly Windows-1252 (rows pasted from two exports): read
    as either, half of it would be stored garbled (« été » as « Ã©tÃ© »). Names a line of each."""
    found = None if b"\x00" in data else _UTF8_CHARACTER.search(data)  # binary is refused as such, later
    if found is None:
        return
    line_of = lambda offset: data.count(b"\n", 0, offset) + 1  # noqa: E731
    start = data.rfind(b"\n", 0, bad) + 1
    end = data.find(b"\n", bad)
    sample = visible(data[start:end if end >= 0 else len(data)].decode("cp1252", errors="replace").strip())
    sample = sample if len(sample) <= 40 else sample[:39] + "…"
    raise FileRefused(T.ERR_MIXED_ENCODINGS.format(utf8=line_of(found.start()), other=line_of(bad), sample=sample))


def delimiter_of(first_line: str) -> str:
    """The separator the first line uses most."""
    return max(DELIMITERS, key=first_line.count)


def rows(data: bytes) -> list[list[Any]] | pa.Table:
    """The CSV's rows: an Arrow table of strings (first row = header) when pyarrow reads exactly what Python's
    csv module would, else the csv module's own list of rows (and its errors, in French)."""
    text, utf8 = decoded(data)
    if "\x00" in text:
        raise FileRefused(T.ERR_NOT_READABLE.format(detail=T.DETAIL_BINARY))
    eol = text.find("\n")
    first = text if eol < 0 else text[:eol]
    delimiter = delimiter_of(first)
    cut = first.find("\r")
    table = _arrow_rows(text, utf8, delimiter, (first if cut < 0 else first[:cut]).count(delimiter) + 1)
    if table is not None:
        return table
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise FileRefused(T.ERR_CSV_UNREADABLE.format(detail=csv_detail(exc))) from None


def _arrow_rows(text: str, utf8: bytes | None, delimiter: str, columns: int) -> pa.Table | None:
    """The fast path of ``rows``: pyarrow's reader, every column as strings, empty fields as "".

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


def csv_detail(exc: csv.Error) -> str:
    """The csv module's error, in French."""
    msg = str(exc)
    if "field limit" in msg:  # a cell over 128 KiB: an open quote swallowing the rest, or a pasted document
        return T.ERR_CSV_CELL_TOO_LONG.format(limit=limits.MAX_CELL_CHARS)
    if "EOF" in msg or "end of data" in msg:
        return T.DETAIL_OPEN_QUOTE
    return T.DETAIL_MISPLACED_QUOTES
