"""Blank cells and blank rows, judged alike whether a sheet came as Arrow strings (CSV) or as Python values.

Blank rows are dropped (row numbers stay those of the spreadsheet); a blank cell takes its column's default.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from inventory.parsing import is_blank

# Python's str.isspace() characters, so that Arrow judges blank strings exactly as ``is_blank`` (a test checks
# the list against every code point). RE2's own \s is ASCII only.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_BLANK_RE = "^[" + "".join(f"\\x{{{ord(c):x}}}" for c in WHITESPACE) + "]*$"


def arrow_blank(strings: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Per value of an Arrow string array: blank (null, empty or only whitespace), as ``is_blank``."""
    return pc.fill_null(pc.match_substring_regex(strings, _BLANK_RE), True).to_numpy(zero_copy_only=False)


def arrow_blank_rows(columns: list[pa.ChunkedArray], n: int) -> np.ndarray:
    """Rows whose every cell is blank, judged column by column on the rows still blank."""
    candidates = np.arange(n)
    for col in columns:
        if not len(candidates):
            break
        part = col if len(candidates) == n else col.take(candidates)
        candidates = candidates[arrow_blank(part)]
    mask = np.zeros(n, dtype=bool)
    mask[candidates] = True
    return mask


def arrow_strings(raw: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow strings behind an Arrow-backed string column (CSV), None for an object column."""
    dtype = raw.dtype
    if isinstance(dtype, pd.ArrowDtype) and pa.types.is_string(dtype.pyarrow_dtype) or \
            isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        got = pa.array(raw.array)
        return got if isinstance(got, pa.ChunkedArray) else pa.chunked_array([got])
    return None


def blank_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose every cell is blank, judged once per distinct value of a column rather than per cell, and
    only on the rows still blank after the previous columns (None and NaN, the grids' only missing markers,
    are blank). Arrow string columns are judged in Arrow."""
    candidates = np.arange(len(frame))
    for col in frame.columns:
        if not len(candidates):
            break
        strings = arrow_strings(frame[col])
        if strings is not None:
            candidates = candidates[arrow_blank(strings.take(candidates))]
            continue
        codes, uniques = pd.factorize(frame[col].to_numpy(dtype=object)[candidates], use_na_sentinel=True)
        blank = np.fromiter((is_blank(u) for u in uniques), dtype=bool, count=len(uniques))
        candidates = candidates[np.append(blank, True)[codes]]
    mask = np.zeros(len(frame), dtype=bool)
    mask[candidates] = True
    return mask
