"""Numbers and dates as people read them, in the language of the run: the one home of every displayed number.

French: « 1 234,5 » (narrow no-break space between thousands, decimal comma) and « 30/06/2020 »; English:
« 1,234.5 » and « 30 Jun 2020 ». Decimals are rounded half-up on the decimal number people read. Charts (plotly's
``separators``), tables (Streamlit's column formats) and sentences all ask here; nothing here imports Streamlit.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from inventory import texts as T

NO_VALUE = "–"
# plotly's layout.separators: the decimal mark then the thousands separator
SEPARATORS = {"fr": ",\u202f", "en": ".,"}
# Streamlit's DateColumn format (momentjs tokens)
DATE_COLUMN = {"fr": "DD/MM/YYYY", "en": "D MMM YYYY"}
# plotly.js locale names (plotly's config ``locale``)
PLOTLY_LOCALE = {"fr": "fr", "en": "en"}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def half_up(value, decimals: int = 0):
    """Round half away from zero on the decimal number people read (2.525 → 2.53, 4.125 → 4.13), not on its
    binary approximation (2.525 is stored as 2.52499…, which Python's and the browser's formats round down).
    Works on a number, a numpy array or a pandas Series: the one rounding rule of every displayed decimal."""
    factor = 10.0 ** decimals
    scaled = np.round(np.abs(value) * factor, 6)  # 252.49999999999997 → 252.5
    return np.sign(value) * np.floor(scaled + 0.5) / factor


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (
        isinstance(value, (float, np.floating)) and np.isnan(value))


def number(value: Any, decimals: int = 0, language: str | None = None) -> str:
    """1234567.8 → « 1 234 567,8 » in French, « 1,234,567.8 » in English (half-up rounding); none: « – »."""
    if _missing(value):
        return NO_VALUE
    if isinstance(value, (float, np.floating)) or decimals:
        value = float(half_up(float(value), decimals)) + 0.0  # + 0.0: no « -0 »
    text = f"{value:,.{decimals}f}"
    if (language or T.language()) == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text


def date(value: Any, language: str | None = None) -> str:
    """30/06/2020 in French, 30 Jun 2020 in English; none → « – »."""
    if _missing(value) or (not isinstance(value, (dt.date, dt.datetime)) and pd.isna(value)):
        return NO_VALUE
    day = pd.Timestamp(value)
    if (language or T.language()) == "fr":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def separators(language: str | None = None) -> str:
    """plotly's ``layout.separators`` for the language."""
    return SEPARATORS.get(language or T.language(), SEPARATORS["fr"])


def date_column(language: str | None = None) -> str:
    """Streamlit's DateColumn ``format`` for the language."""
    return DATE_COLUMN.get(language or T.language(), DATE_COLUMN["fr"])


def plotly_locale(language: str | None = None) -> str:
    return PLOTLY_LOCALE.get(language or T.language(), "fr")
