"""Cell parsers: turn what people type in spreadsheets into typed values, or say in French what is expected.

Each parser takes one raw cell (str, float, int, datetime, None) and returns the typed value or raises
``PydanticCustomError`` whose message is the French sentence a facilitator reads. They are used as
``BeforeValidator``s by the models, so the models stay the single definition of the contract.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from pydantic_core import PydanticCustomError

from inventory import identifiers, limits
from inventory import texts as T
from inventory.reference import fold, former_region, resolve_territory

EXCEL_ERRORS = {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# How the house writes a list in one cell (exports, tables, SQL string_agg); reading accepts ';' ',' or a newline.
LIST_SEPARATOR = " ; "
# What no text may hold, in a cell or typed in the dashboard or on the command line: control characters (NUL,
# ESC that drives terminals, C1 controls) and the invisible marks that change how text reads without being seen
# (bidirectional overrides and isolates such as U+202E, zero-width space, word joiner, a stray byte-order mark),
# and half a surrogate pair (a JSON escape « \ud800 » alone), which no file can store.
# Line breaks and tabs are allowed in cells (a description may have lines), never in a one-line entry.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\t\n\r\x85\u2028\u2029]")


def fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("contract", message)


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def show(value: Any) -> str:
    """A value as the user typed it, for messages (half a surrogate pair, which no page or terminal can print,
    shown as « � »)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else f"{value:g}"  # 1e+300, not 301 digits
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    return _SURROGATE.sub("�", str(value))


_SURROGATE = re.compile("[\ud800-\udfff]")


class Uncalculated(str):
    """A formula cell saved without its result (a workbook written by a program and never opened in a
    spreadsheet): the string is the formula, for the report."""


def text(value: Any) -> str | None:
    """Plain text, stored as typed. Excel error cells and formulas without a result are refused; the
    export's formula guard is undone."""
    if isinstance(value, Uncalculated):
        raise fail(T.ERR_UNCALCULATED)
    if is_blank(value):
        return None
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise fail(T.ERR_NOT_FINITE_CELL)
        value = show(value)
    elif isinstance(value, (dt.datetime, dt.date)):
        value = value.isoformat()[:10]
    s = str(value).strip()
    if s in EXCEL_ERRORS:
        raise fail(T.ERR_EXCEL_ERROR.format(value=s))
    if len(s) > 1 and s[0] == "'" and s[1] in FORMULA_STARTS:
        s = s[1:]  # undo the neutralisation our exports add
    if _CONTROL.search(s):
        raise fail(T.ERR_CONTROL_CHARACTERS)
    if len(s) > limits.MAX_CELL_CHARS:
        raise fail(T.ERR_TEXT_TOO_LONG.format(length=len(s), limit=limits.MAX_CELL_CHARS))
    return s


def entry(value: Any, *, limit: int) -> str:
    """A one-line text typed in the dashboard or on the command line (a snapshot's label, a facilitator's name):
    the cell rule (``text``), no line break or tab, not empty, at most ``limit`` characters. Raises ``ValueError``
    whose message is the French sentence to show."""
    raw = "" if value is None else str(value)
    if _LINE_BREAKS.search(raw.strip()):
        raise ValueError(T.ERR_ONE_LINE)
    try:
        s = text(raw)
    except PydanticCustomError as exc:
        raise ValueError(exc.message()) from None
    if s is None:
        raise ValueError(T.ERR_ENTRY_REQUIRED)
    if len(s) > limit:
        raise ValueError(T.ERR_ENTRY_TOO_LONG.format(length=len(s), limit=limit))
    return s


def visible(value: Any, limit: int = 200) -> str:
    """Text that may not be clean (a refused name) made safe for a log line: every control character, invisible
    mark and line break shown as « � », cut at ``limit`` characters."""
    return _LINE_BREAKS.sub("�", _CONTROL.sub("�", str(value)))[:limit]


def web_address(value: Any) -> str | None:
    """A web address (``url``, ``site_web``): only ``http://`` and ``https://`` (never ``javascript:``,
    ``data:``, ``vbscript:`` or a file path), with a host, without spaces."""
    s = text(value)
    if s is None:
        return None
    scheme, _, rest = s.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or rest.startswith("/") or any(c.isspace() for c in s):
        raise fail(T.ERR_URL_SCHEME)
    return s


def name(value: Any) -> str | None:
    """A name (of an investor, a programme, a theme): text of at most ``limits.MAX_NAME_CHARS`` characters."""
    s = text(value)
    if s is not None and len(s) > limits.MAX_NAME_CHARS:
        raise fail(T.ERR_NAME_TOO_LONG.format(length=len(s), limit=limits.MAX_NAME_CHARS))
    return s


def code(value: Any) -> str | None:
    """A short identifier: text without surrounding spaces."""
    s = text(value)
    if s is not None and len(s) > limits.MAX_CODE_CHARS:
        raise fail(T.ERR_CODE_TOO_LONG.format(limit=limits.MAX_CODE_CHARS))
    return s


# an e-mail address as a mail server accepts it: one @, a local part without spaces, a domain with a dot
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")


def email(value: Any) -> str | None:
    """An e-mail address (``Prénom.Nom@exemple.org``), kept as typed without surrounding spaces; a
    ``mailto:`` prefix, as a spreadsheet's hyperlink gives it, is dropped."""
    s = text(value)
    if s is None:
        return None
    if s.lower().startswith("mailto:"):
        s = s[len("mailto:"):].strip()
    if not _EMAIL.fullmatch(s) or ".." in s:
        raise fail(T.ERR_EMAIL.format(value=s))
    return s


def choice(options: dict[str, str]):
    """A parser for one value of a closed list: matches the code or its label (in any language, for a
    ``reference.Labels``), any case or accent."""
    labelled = options.every_language() if hasattr(options, "every_language") else options.items()
    lookup = {fold(v): k for k, v in labelled} | {fold(k): k for k in options}
    listed = ", ".join(options)

    def parse(value: Any) -> str | None:
        s = text(value)
        if s is None:
            return None
        found = lookup.get(fold(s))
        if found is None:
            raise fail(T.ERR_NOT_ALLOWED.format(value=s, allowed=listed))
        return found

    return parse


def split_list(value: Any) -> list[str]:
    """Items of a list cell, separated by ';' or ','."""
    if is_blank(value):
        return []
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    s = text(value) or ""
    return [item.strip() for item in re.split(r"[;,\n]", s) if item.strip()]


def distinct_list(value: Any) -> list[str]:
    """Items of a list cell, each once, in the order typed (``I3 ; I3`` is one investor)."""
    return list(dict.fromkeys(split_list(value)))


def repeated_items(value: Any) -> list[str]:
    """The items a list cell names more than once (``I3 ; I1 ; I3`` → ``["I3"]``)."""
    items = split_list(value)
    return [item for item in dict.fromkeys(items) if items.count(item) > 1]


def choice_list(options: dict[str, str]):
    one = choice(options)

    def parse(value: Any) -> list[str]:
        out: list[str] = []
        for item in split_list(value):
            found = one(item)
            if found not in out:
                out.append(found)
        return out

    return parse


def territory(value: Any) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, str):
        text(value)  # Excel error cells, control characters, overlong text: their own message
    key = resolve_territory(value)
    if key is not None:
        return key
    if re.fullmatch(r"(dep|d)? ?20", fold(show(value))):
        raise fail(T.ERR_OLD_CORSICA.format(value=show(value)))
    region = former_region(show(value))
    if region is not None:
        raise fail(T.ERR_OLD_REGION.format(value=show(value), region=region))
    raise fail(T.ERR_UNKNOWN_TERRITORY.format(value=show(value)))


def territory_list(value: Any) -> list[str]:
    out: list[str] = []
    for item in split_list(value):
        key = territory(item)
        if key not in out:
            out.append(key)
    return out


_GROUPED = re.compile(r"[-+]?\d{1,3}(?:\.\d{3}){2,}|[-+]?\d{1,3}(?:,\d{3}){2,}")


def brief(value: Any, limit: int = 40) -> str:
    """A value for a message: as typed (``show``), cut at ``limit`` characters (a 4 000-digit count is not
    echoed in full)."""
    s = show(value)
    return s if len(s) <= limit else f"{s[:limit - 1]}…"


def number(value: Any) -> float | None:
    """A number as typed in France or elsewhere: ``1 234,5``, ``1234.5``, ``1.234,5``, ``12.345.678``
    (one separator alone stays a decimal one: ``1,5`` and ``1.5`` are one and a half)."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise fail(T.ERR_NOT_A_NUMBER.format(value=value))
    if isinstance(value, (int, float)):
        f = float(value)
    else:
        s = text(value) or ""
        s = re.sub(r"[\s\u00a0\u202f€]", "", s)
        if "," in s and "." in s:
            s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
        elif _GROUPED.fullmatch(s):  # 12.345.678 or 12,345,678: two separators or more can only group thousands
            s = re.sub(r"[.,]", "", s)
        else:
            s = s.replace(",", ".")
        try:
            f = float(s)
        except ValueError:
            raise fail(T.ERR_NOT_A_NUMBER.format(value=brief(value))) from None
        if math.isinf(f) and not re.search(r"[a-zA-Z]", s):  # digits beyond any float: huge, not « infinite »
            f = math.copysign(limits.MAX_NUMBER * 10, f)
    if math.isnan(f) or math.isinf(f):
        raise fail(T.ERR_NOT_FINITE.format(value=brief(value)))
    if abs(f) > limits.MAX_NUMBER:
        raise fail(T.ERR_TOO_LARGE.format(value=brief(value), limit=f"{limits.MAX_NUMBER:,.0f}".replace(",", " ")))
    return f


def integer(lo: int | None = None, hi: int | None = None):
    def parse(value: Any) -> int | None:
        f = number(value)
        if f is None:
            return None
        if not f.is_integer():
            raise fail(T.ERR_NOT_AN_INTEGER.format(value=brief(value)))
        i = int(f)
        if lo is not None and hi is not None and not lo <= i <= hi:
            raise fail(T.ERR_NOT_BETWEEN.format(value=show(value), lo=lo, hi=hi))
        if lo is not None and i < lo:
            raise fail(T.ERR_AT_LEAST.format(value=show(value), lo=lo))
        return i

    return parse


def non_negative(value: Any) -> float | None:
    f = number(value)
    if f is not None and f < 0:
        raise fail(T.ERR_NEGATIVE.format(value=show(value)))
    return f


def integer_list(lo: int, hi: int):
    one = integer(lo, hi)

    def parse(value: Any) -> list[int]:
        out: list[int] = []
        for item in split_list(value):
            i = one(item)
            if i not in out:
                out.append(i)
        return sorted(out)

    return parse


_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")


def date(value: Any) -> dt.date | None:
    """Real spreadsheet dates, ``30/06/2020`` or ``2020-06-30``."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # an Excel serial date that arrived as a number
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        raise fail(T.ERR_NUMBER_NOT_A_DATE.format(value=show(value)))
    s = (text(value) or "").split(" ")[0].split("T")[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{1,2}-\d{1,2}", s):
        raise fail(T.ERR_NO_SUCH_DATE.format(value=show(value)))
    raise fail(T.ERR_NOT_A_DATE.format(value=show(value)))


# --- organisations' legal identity (inventory.identifiers) ----------------------------------------------------
def _identifier(check, width: int, message_key: str, upper: bool = False):
    """A parser for a register's identifier as typed (spaces, dots, a number without its leading zeros),
    checked by ``check``; the message names what the register expects."""

    def parse(value: Any) -> str | None:
        if isinstance(value, str):
            text(value)  # Excel error cells, control characters: their own message
            value = value.strip().upper() if upper else value
        if is_blank(value):
            return None
        s = identifiers.digits_of(value, width)
        if not check(s):
            raise fail(getattr(T, message_key).format(value=show(value)))
        return s

    return parse


siren = _identifier(identifiers.is_siren, 9, "ERR_SIREN")
siret = _identifier(identifiers.is_siret, 14, "ERR_SIRET")
rna = _identifier(identifiers.is_rna, 10, "ERR_RNA", upper=True)  # « W » and 9 digits, any case
