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

from inventory import limits
from inventory.reference import fold, resolve_territory

EXCEL_ERRORS = {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# How the house writes a list in one cell (exports, tables, SQL string_agg); reading accepts ';' ',' or a newline.
LIST_SEPARATOR = " ; "
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("contract", message)


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def show(value: Any) -> str:
    """A value as the user typed it, for messages."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else f"{value:g}"  # 1e+300, not 301 digits
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    return str(value)


class Uncalculated(str):
    """A formula cell saved without its result (a workbook written by a program and never opened in a
    spreadsheet): the string is the formula, for the report."""


def text(value: Any) -> str | None:
    """Plain text, stored as typed. Excel error cells and formulas without a result are refused; the
    export's formula guard is undone."""
    if isinstance(value, Uncalculated):
        raise fail("formule sans résultat enregistré (fichier produit par un programme) : ouvrez le fichier dans "
                   "Excel ou LibreOffice et enregistrez-le, ou tapez la valeur")
    if is_blank(value):
        return None
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise fail("valeur numérique invalide")
        value = show(value)
    elif isinstance(value, (dt.datetime, dt.date)):
        value = value.isoformat()[:10]
    s = str(value).strip()
    if s in EXCEL_ERRORS:
        raise fail(f"la cellule contient l'erreur Excel {s} : remplacez-la par une valeur")
    if len(s) > 1 and s[0] == "'" and s[1] in FORMULA_STARTS:
        s = s[1:]  # undo the neutralisation our exports add
    if _CONTROL.search(s):
        raise fail("le texte contient des caractères de contrôle invisibles : retapez-le")
    if len(s) > limits.MAX_CELL_CHARS:
        raise fail(f"texte trop long ({len(s)} caractères, au plus {limits.MAX_CELL_CHARS})")
    return s


def code(value: Any) -> str | None:
    """A short identifier: text without surrounding spaces."""
    s = text(value)
    if s is not None and len(s) > 100:
        raise fail("identifiant trop long (au plus 100 caractères)")
    return s


def choice(options: dict[str, str]):
    """A parser for one value of a closed list: matches the code or the French label, any case or accent."""
    lookup = {fold(k): k for k in options} | {fold(v): k for k, v in options.items()}
    listed = ", ".join(options)

    def parse(value: Any) -> str | None:
        s = text(value)
        if s is None:
            return None
        found = lookup.get(fold(s))
        if found is None:
            raise fail(f"« {s} » n'est pas une valeur permise (valeurs possibles : {listed})")
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


# The regions merged on 1 January 2016, still typed by many: their name → the region to write instead.
OLD_REGIONS = {fold(k): v for k, v in {
    "Alsace": "Grand Est", "Champagne-Ardenne": "Grand Est", "Lorraine": "Grand Est",
    "Aquitaine": "Nouvelle-Aquitaine", "Limousin": "Nouvelle-Aquitaine", "Poitou-Charentes": "Nouvelle-Aquitaine",
    "Auvergne": "Auvergne-Rhône-Alpes", "Rhône-Alpes": "Auvergne-Rhône-Alpes",
    "Bourgogne": "Bourgogne-Franche-Comté", "Franche-Comté": "Bourgogne-Franche-Comté",
    "Languedoc-Roussillon": "Occitanie", "Midi-Pyrénées": "Occitanie",
    "Nord-Pas-de-Calais": "Hauts-de-France", "Picardie": "Hauts-de-France",
    "Basse-Normandie": "Normandie", "Haute-Normandie": "Normandie", "Centre": "Centre-Val de Loire",
}.items()}


def territory(value: Any) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, str):
        text(value)  # Excel error cells, control characters, overlong text: their own message
    key = resolve_territory(value)
    if key is None and re.fullmatch(r"(dep|d)? ?20", fold(show(value))):
        raise fail(f"« {show(value)} » désignait toute la Corse avant 1976 : indiquez 2A (Corse-du-Sud), "
                   "2B (Haute-Corse) ou Corse pour la région")
    if key is None and fold(show(value)) in OLD_REGIONS:
        raise fail(f"« {show(value)} » est une ancienne région (avant 2016) : indiquez "
                   f"{OLD_REGIONS[fold(show(value))]}")
    if key is None:
        raise fail(
            f"territoire « {show(value)} » inconnu : indiquez FR, le nom d'une région ou d'un département, "
            "REG-84, DEP-69 ou un numéro de département"
        )
    return key


def territory_list(value: Any) -> list[str]:
    out: list[str] = []
    for item in split_list(value):
        key = territory(item)
        if key not in out:
            out.append(key)
    return out


_GROUPED = re.compile(r"[-+]?\d{1,3}(?:\.\d{3}){2,}|[-+]?\d{1,3}(?:,\d{3}){2,}")


def number(value: Any) -> float | None:
    """A number as typed in France or elsewhere: ``1 234,5``, ``1234.5``, ``1.234,5``, ``12.345.678``
    (one separator alone stays a decimal one: ``1,5`` and ``1.5`` are one and a half)."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise fail(f"« {value} » n'est pas un nombre")
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
            raise fail(f"« {show(value)} » n'est pas un nombre") from None
    if math.isnan(f) or math.isinf(f):
        raise fail(f"« {show(value)} » n'est pas un nombre fini")
    if abs(f) > limits.MAX_NUMBER:
        raise fail(f"{show(value)} est démesuré (au plus {limits.MAX_NUMBER:,.0f})".replace(",", " "))
    return f


def integer(lo: int | None = None, hi: int | None = None):
    def parse(value: Any) -> int | None:
        f = number(value)
        if f is None:
            return None
        if not f.is_integer():
            raise fail(f"{show(value)} n'est pas un nombre entier")
        i = int(f)
        if lo is not None and hi is not None and not lo <= i <= hi:
            raise fail(f"{show(value)} n'est pas entre {lo} et {hi}")
        if lo is not None and i < lo:
            raise fail(f"{show(value)} doit être au moins {lo}")
        return i

    return parse


def non_negative(value: Any) -> float | None:
    f = number(value)
    if f is not None and f < 0:
        raise fail(f"{show(value)} est négatif : indiquez un montant positif ou nul")
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
        raise fail(f"{show(value)} n'est pas une date (attendu : JJ/MM/AAAA)")
    s = (text(value) or "").split(" ")[0].split("T")[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{1,2}-\d{1,2}", s):
        raise fail(f"la date {show(value)} n'existe pas")
    raise fail(f"« {show(value)} » n'est pas une date (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)")
