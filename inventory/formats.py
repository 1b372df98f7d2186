"""Numbers and dates as people read them, in the language of the run: the one home of every displayed number.

French: « 1 234,5 » (narrow no-break space between thousands, decimal comma) and « 30/06/2020 »; English:
« 1,234.5 » and « 30 Jun 2020 ». Decimals are rounded half-up on the decimal number people read. Charts (plotly's
``separators``), tables (Streamlit's column formats) and sentences all ask here; nothing here imports Streamlit.
"""
from __future__ import annotations

import datetime as dt
from numbers import Number
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
# One rule per kind of number, read the same on every page, in the report and in the exports:
# amounts in euros to the euro (no cents on screen); each kind of share (0–1) in % with its own decimals.
AMOUNTS = ("budget_eur", "montant_eur", "montant_verse_eur", "montant_conjoint")
SHARE_DECIMALS = {"part_couverte": 0, "part_couverte_avant": 0, "part_couverte_apres": 0, "part_versee": 0,
                  "taux_atteinte": 0, "taux": 1, "part_engagements": 1, "part_montant": 1}
OVER_FULL_MARK = "⚠"  # beside a declared rate above 100 % (its reason: texts.RATE_ABOVE_FULL)
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


def percent(share: Any, kind: str, language: str | None = None) -> str:
    """A share (0–1) as people read it: 0.375 → « 37,5 % » in French, « 37.5% » in English, with the decimals of
    its kind (``SHARE_DECIMALS``); none: « – ». A declared reach rate above 100 % carries ``OVER_FULL_MARK``."""
    if _missing(share):
        return NO_VALUE
    words = T.TABLES[language]["PERCENT"] if language in T.TABLES else T.PERCENT  # the sign as the language sets it
    text = words.format(value=number(100 * float(share), SHARE_DECIMALS.get(kind, 1), language))
    return f"{text} {OVER_FULL_MARK}" if kind == "taux_atteinte" and share > 1 else text


def counted(template: str, **values: Any) -> str:
    """``template`` (a text with ``{{n|one|many}}`` choices, see ``texts.plural``) with each choice made by its
    number and every number written as people read it: « 0 programme » and « 1 234 programmes » in French,
    « 0 programmes » and « 1,234 programmes » in English."""
    numbers = {k: v for k, v in values.items() if isinstance(v, Number) and not isinstance(v, bool)}
    return T.plural(template, **numbers).format(**{**values, **{k: number(v) for k, v in numbers.items()}})


def over_full(rates: Any) -> Any:
    """Which declared reach rates exceed 100 %: more actors declared reached than actors who expressed a need."""
    return rates > 1


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
