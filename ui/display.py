"""Numbers, dates and tables as people read them (French forms), with their downloads."""
from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from inventory import charts, exports
from inventory import texts as T


def fr_number(value: Any, decimals: int = 0) -> str:
    """1234567.8 → « 1 234 567,8 » (French separators; decimals rounded half-up: 2.525 → « 2,53 »)."""
    return charts.fr_number(value, decimals)  # the one formatting rule, shared with charts and tables


def fr_date(value: Any) -> str:
    return "–" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%d/%m/%Y")


def download_table(frame: pd.DataFrame, name: str, *, where=None) -> None:
    """CSV and XLSX downloads of a table as shown (filters applied). The files are made on click (and the
    click does not rerun the page), not on every rerun: a 10,000-row table costs seconds to write as XLSX."""
    where = where or st
    c1, c2 = where.columns(2)
    c1.download_button(T.DOWNLOAD_CSV, lambda: exports.csv_bytes(frame), file_name=f"{name}.csv", mime="text/csv",
                       key=f"dl_csv_{name}", width="stretch", on_click="ignore")
    c2.download_button(T.DOWNLOAD_XLSX, lambda: exports.table_xlsx(frame, name), file_name=f"{name}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"dl_xlsx_{name}", width="stretch", on_click="ignore")


def column_width(values: pd.Series) -> int:
    """A column's width in pixels: its heading and its values in full, but a long text (a name, a list) at most
    220 px, so that the columns after it, which decide, stay on screen at 1280 px (a click shows the whole text)."""
    chars = max([len(str(values.name)), *values.head(200).map(lambda v: len(str(v))).tolist()])
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
        chars = max(len(str(values.name)), min(chars, 12))
    return int(min(8 * chars + 28, 220))


def show_table(view: pd.DataFrame, name: str, *, empty: str | None = None, where=None) -> None:
    """A table as shown to people (French headings, numbers and dates in French form) and its downloads;
    ``empty`` is the sentence shown instead when there is no row."""
    where = where or st
    if empty is not None and view.empty:
        where.info(empty)
        return
    config: dict[str, Any] = {}
    for col in view.columns:
        width = column_width(view[col])
        if pd.api.types.is_bool_dtype(view[col]):
            config[col] = st.column_config.CheckboxColumn(width=width)
        elif pd.api.types.is_datetime64_any_dtype(view[col]):
            config[col] = st.column_config.DateColumn(format="DD/MM/YYYY", width=width)
        elif pd.api.types.is_numeric_dtype(view[col]):
            config[col] = st.column_config.NumberColumn(format="localized", width=width)
        else:
            config[col] = st.column_config.TextColumn(width=width)
    where.dataframe(view, hide_index=True, column_config=config, width="stretch", placeholder="–")
    download_table(view, name, where=where)
