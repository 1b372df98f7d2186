"""HXL-tagged sheets (a "3W": who does what, where) → programmes, results and needs of the contract.

HXL, the Humanitarian Exchange Language (hxlstandard.org), adds one row of hashtags under a sheet's headers;
the hashtags, not the header words, say what a column holds. As libhxl-python reads them
(github.com/HXLStandard/libhxl-python, ``hxl/model.py`` and ``hxl/input.py``): a hashtag is ``#tag`` followed
by ``+attribute``s (``#adm1+name``, ``#org+impl``, ``#date+start``), letters, digits and ``_``, case-insensitive,
attributes in any order; the hashtag row is the first of the first 25 rows in which at least half of the
non-blank cells are hashtags; the data rows follow it. The 3W core used here (HXL dictionary):
``#org`` (``+funder`` the funder, ``+impl`` the implementer), ``#sector``, ``#activity``, ``#country`` /
``#adm1`` (French regions) / ``#adm2`` (départements) / ``#adm3``… with ``+name`` or ``+code``, ``#date+start``,
``#date+end``, ``#reached``, ``#inneed``, ``#targeted``, ``#value``, ``#status``, ``#severity``.

A row is one programme: organisation × activity × place (rows repeating the triple, e.g. one per reporting
period, are one programme). Its investor is ``#org+funder`` when the sheet has one, else ``#org``; its themes
come from ``#sector`` through the correspondence table; its territory is the finest of ``#adm2``, ``#adm1``,
``#country``; ``#value`` adds to its budget, ``#date+start`` / ``#date+end`` bound it. A row with ``#reached``
also gives a result (beneficiaries = the count, dated ``#date+end``); one with ``#inneed`` a field need
(actors = the count, intensity ``#severity`` or 3, id ``<programme>-L<row>`` so that a refresh replaces it). ``#targeted`` and ``#status`` are read by nobody here. A row
placed below a département (a value in ``#adm3``, ``#adm4`` or ``#loc``), in another country, with a sector
that maps to no theme or a count that is not a whole number is set aside with its reason.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from inventory import formats, texts
from inventory.intake.catalogues.common import (CatalogueRefused, Converted, Investors, SetAside, as_date, csv_rows,
                                         fold, one_line, plain_text, shorten)
from inventory.intake.catalogues.correspondences import Correspondences, shipped
from inventory.parsing import is_blank, show
from inventory.reference import NATIONAL, overseas_region_to_departement, resolve_territory, territories

NAME = "hxl"
PREFIX = "HXL-"
SHAPES = ("csv", "workbook")  # a tagged sheet, as CSV or as any sheet of a workbook
DEFAULT_PHASE = "urgence"
DEFAULT_INTENSITY = 3
SCAN_ROWS = 25  # libhxl looks for the hashtag row in the first 25 rows
HASHTAG = re.compile(r"^\s*#([A-Za-z][A-Za-z0-9_]*)((?:\s*\+\s*[A-Za-z][A-Za-z0-9_]*)*)\s*$")
FINER_TAGS = ("adm5", "adm4", "adm3", "loc")
FRANCE = {"france", "fr", "fra", "250"}


@dataclass(frozen=True)
class Column:
    index: int
    tag: str  # without '#', lower case
    attributes: frozenset[str]


def hashtag(cell: Any) -> tuple[str, frozenset[str]] | None:
    if not isinstance(cell, str):
        return None
    m = HASHTAG.match(cell)
    if not m:
        return None
    attrs = frozenset(a.strip().lower() for a in m.group(2).split("+") if a.strip())
    return m.group(1).lower(), attrs


def tag_row(grid: list[list[Any]]) -> int | None:
    """Index of the hashtag row in the first 25 rows, or None."""
    for i, row in enumerate(grid[:SCAN_ROWS]):
        cells = [c for c in row if not is_blank(c)]
        if cells and 2 * sum(hashtag(c) is not None for c in cells) >= len(cells):
            return i
    return None


class Columns:
    def __init__(self, row: list[Any]):
        self.all = [Column(i, *parsed) for i, c in enumerate(row) if (parsed := hashtag(c)) is not None]

    def find(self, tag: str, *, having: tuple[str, ...] = (), without: tuple[str, ...] = ()) -> Column | None:
        for col in self.all:
            if col.tag == tag and all(a in col.attributes for a in having) and not any(
                    a in col.attributes for a in without):
                return col
        return None

    def every(self, tag: str) -> list[Column]:
        return [c for c in self.all if c.tag == tag]

    def has(self, tag: str) -> bool:
        return any(c.tag == tag for c in self.all)


def is_hxl(grid: list[list[Any]]) -> bool:
    return tag_row(grid) is not None


def convert_csv(data: bytes, *, file: str = NAME, investors: Investors | None = None,
                table: Correspondences | None = None) -> Converted:
    return convert_grid(csv_rows(data), file=file, investors=investors, table=table)


def convert_grid(grid: list[list[Any]], *, file: str = NAME, investors: Investors | None = None,
                 table: Correspondences | None = None) -> Converted:
    """A sheet's rows (as read; row 1 first) → contract rows; row numbers in reports are the sheet's."""
    investors = investors if investors is not None else Investors()
    table = table if table is not None else shipped()
    at = tag_row(grid)
    if at is None:
        raise CatalogueRefused(texts.ERR_HXL_NO_TAGS)
    cols = Columns(grid[at])
    for tag in ("org", "sector"):
        if not cols.has(tag):
            raise CatalogueRefused(texts.ERR_HXL_MISSING.format(tag="#" + tag))
    if not any(cols.has(t) for t in ("adm1", "adm2", "country", "adm0")):
        raise CatalogueRefused(texts.ERR_HXL_MISSING.format(tag="#adm1, #adm2 ou #country"))
    data = [(n, row) for n, row in enumerate(grid[at + 1:], start=at + 2) if not all(is_blank(c) for c in row)]
    if not data:
        raise CatalogueRefused(texts.ERR_HXL_NO_DATA.format(row=at + 1))

    pick = _Picker(cols)
    out = Converted(catalogue=NAME, prefix=PREFIX)
    default = table.lookup("phase", NAME)
    phase = default.targets[0] if default is not None and default.targets else DEFAULT_PHASE
    programmes: dict[str, dict[str, Any]] = {}
    defaulted = 0
    for n, row in data:
        out.read += 1
        reasons: list[tuple[str, str]] = []
        used: list[tuple[str, str, tuple[str, ...] | None]] = []
        org = one_line(pick.value(row, "funder")) or one_line(pick.value(row, "org"))
        org_code = one_line(pick.value(row, "funder_code" if pick.value(row, "funder") else "org_code"))
        if not org:
            reasons.append(("", texts.SET_ASIDE_NO_ORG))
        territory, value, why = pick.place(row)
        if territory is None:
            reasons.append((value, why))
        sectors = [s for s in re.split(r"[;|\n]", show(pick.value(row, "sector") or "")) if s.strip()]
        sectors = [" ".join(s.split()) for s in sectors]
        themes, unknown, outside = [], [], []
        for sector in sectors:
            entry = table.lookup("secteur", sector)
            used.append(("secteur", entry.valeur if entry else sector, entry.targets if entry else None))
            if entry is None:
                unknown.append(sector)
            elif not entry.targets:
                outside.append(sector)
            themes += [t for t in (entry.targets if entry else ()) if t not in themes]
        if not sectors:
            reasons.append(("", texts.SET_ASIDE_NO_THEME.format(values=texts.SET_ASIDE_EMPTY_SECTOR, source="secteur")))
        elif not themes and unknown:
            reasons.append((", ".join(unknown), texts.SET_ASIDE_NO_THEME.format(
                values=", ".join(texts.QUOTED.format(value=s) for s in unknown), source="secteur")))
        elif not themes:
            reasons.append((", ".join(outside), texts.SET_ASIDE_OUT_OF_SCOPE.format(
                values=", ".join(texts.QUOTED.format(value=s) for s in outside))))
        counts = {}
        for tag in ("reached", "inneed"):
            raw, number = pick.count(row, tag)
            if raw is not None and number is None:
                reasons.append((raw, texts.SET_ASIDE_BAD_COUNT.format(tag="#" + tag, value=raw)))
            counts[tag] = number
        start, end = as_date(pick.value(row, "start")), as_date(pick.value(row, "end"))
        when = as_date(pick.value(row, "date"))
        for d in (start, end, when):
            if isinstance(d, str):
                reasons.append((d, texts.SET_ASIDE_BAD_DATE.format(value=d)))
        if reasons:
            doer = one_line(pick.value(row, "org")) or org  # who acts there names the row, else who funds it
            what = " – ".join(w for w in (doer, one_line(pick.value(row, "activity"))) if w)
            out.set_aside += [SetAside(file, n, v, m, title=what) for v, m in reasons]
            continue
        for item in used:
            out.tally.add(*item)
        activity = one_line(pick.value(row, "activity")) or one_line(pick.value(row, "activity_code"))
        name = activity or shorten(f"{org} – {', '.join(sectors)}", 100)
        key = "|".join((fold(org), fold(activity or ", ".join(sectors)), territory))
        pid = PREFIX + hashlib.sha1(key.encode()).hexdigest()[:8].upper()
        budget = pick.number(row, "value")
        prog = programmes.get(pid)
        if prog is None:
            out.tally.add("phase", default.valeur if default else NAME, (phase,))
            prog = {"id": pid, "nom": name, "investisseurs": [investors.id_for(org, org_code)], "phase": phase, "nature": [],
                    "thematiques": themes, "territoires": [territory], "publics": [], "budget_eur": budget,
                    "date_debut": start, "date_fin": end, "odd": [], "url": None,
                    "description": plain_text(pick.value(row, "description"))}
            programmes[pid] = prog
            out.add("programmes", prog, n)
        else:  # the same programme on another row (another period): widen it
            prog["thematiques"] += [t for t in themes if t not in prog["thematiques"]]
            if budget is not None:
                prog["budget_eur"] = (prog["budget_eur"] or 0) + budget
            if start and (prog["date_debut"] is None or start < prog["date_debut"]):
                prog["date_debut"] = start
            if prog["date_fin"] is not None and (end is None or end > prog["date_fin"]):
                prog["date_fin"] = end
        if counts["reached"] is not None:
            out.add("realisations", {
                "programme": pid, "territoire": territory, "thematique": themes[0],
                "beneficiaires": counts["reached"], "montant_verse_eur": None, "date": end or when, "odd": [],
                "indicateur": None, "valeur": None, "commentaire": activity}, n)
        if counts["inneed"]:
            severity = pick.count(row, "severity")[1]
            if severity is None or not 1 <= severity <= 5:
                severity, defaulted = DEFAULT_INTENSITY, defaulted + 1
            out.add("besoins", {
                "territoire": territory, "source": "terrain", "thematique": themes[0], "intensite": severity,
                "nb_acteurs": counts["inneed"], "public": None, "secteur": ", ".join(sectors),
                "date": when or start, "description": activity, "odd": [], "id": f"{pid}-L{n}"}, n)
    for prog in programmes.values():
        if prog["date_debut"] and prog["date_fin"] and prog["date_fin"] < prog["date_debut"]:
            prog["date_fin"] = None  # rows disagree about the period: left open rather than refused
    for inv in investors.new:
        out.add("investisseurs", inv, 0)
    out.new_investors = list(investors.new)
    if defaulted:
        out.warnings.append(formats.counted(texts.WARN_HXL_DEFAULT_INTENSITY, n=defaulted, value=DEFAULT_INTENSITY))
    return out


class _Picker:
    """Which column gives what, chosen once from the hashtags."""

    def __init__(self, cols: Columns):
        self.cols = cols
        orgs = cols.every("org")
        self.col = {
            "funder": cols.find("org", having=("funder",), without=("code",)),
            # an organisation's register number (SIREN, RNA) beside its name: matched by it first (issue 25)
            "funder_code": cols.find("org", having=("funder", "code")),
            "org_code": cols.find("org", having=("code",), without=("funder",)),
            "org": next((c for c in orgs if "code" not in c.attributes and "funder" not in c.attributes), None)
            or (orgs[0] if orgs else None),
            "sector": cols.find("sector", without=("code",)) or cols.find("sector"),
            "activity": cols.find("activity", without=("code",)),
            "activity_code": cols.find("activity", having=("code",)),
            "description": cols.find("description"),
            "start": cols.find("date", having=("start",)),
            "end": cols.find("date", having=("end",)),
            "date": cols.find("date", without=("start", "end")),
            "value": cols.find("value"),
        }
        for tag in ("reached", "inneed", "severity"):
            total = cols.find(tag, having=("total",)) or next(
                (c for c in cols.every(tag) if not c.attributes), None)
            self.col[tag] = [total] if total else cols.every(tag)  # no total: the disaggregated columns add up

    def value(self, row: list[Any], what: str) -> Any:
        col = self.col.get(what)
        return row[col.index] if col is not None and col.index < len(row) else None

    def _cell(self, row: list[Any], col: Column | None) -> Any:
        return row[col.index] if col is not None and col.index < len(row) else None

    def number(self, row: list[Any], what: str) -> float | None:
        raw = self.value(row, what)
        if is_blank(raw):
            return None
        try:
            n = float(str(raw).replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", "."))
        except ValueError:
            return None
        return n if n >= 0 else None

    def count(self, row: list[Any], tag: str) -> tuple[str | None, int | None]:
        """(the raw text, the whole number) of a count column; (None, None) when blank."""
        cells = [self._cell(row, c) for c in self.col[tag]]
        cells = [c for c in cells if not is_blank(c)]
        if not cells:
            return None, None
        total = 0
        for c in cells:
            s = show(c).replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
            if not re.fullmatch(r"\d+(?:[.,]0+)?", s):
                return show(c), None
            total += int(re.split(r"[.,]", s)[0])
        return " + ".join(show(c) for c in cells), total

    def place(self, row: list[Any]) -> tuple[str | None, str, str]:
        """(territory key, the value read, "") or (None, the value, why it is set aside)."""
        for tag in FINER_TAGS:
            for col in self.cols.every(tag):
                cell = self._cell(row, col)
                if not is_blank(cell):
                    return None, show(cell), texts.SET_ASIDE_FINER.format(scale="#" + tag)
        for tag, level in (("adm2", "DEP"), ("adm1", "REG")):
            code_col = self.cols.find(tag, having=("code",))
            name_col = self.cols.find(tag, without=("code",))
            code, name = self._cell(row, code_col), self._cell(row, name_col)
            if is_blank(code) and is_blank(name):
                continue
            key = None
            if not is_blank(code):
                key = _admin_code(show(code), level)
            if key is None and not is_blank(name):
                key = resolve_territory(show(name))
                single = set(overseas_region_to_departement().values())
                if key is not None and not (key.startswith(level + "-") or level == "REG" and key in single):
                    key = None
            if key is None:
                return None, show(code if not is_blank(code) else name), texts.SET_ASIDE_UNKNOWN_PERIMETER
            return key, show(code if not is_blank(code) else name), ""
        for tag in ("country", "adm0"):
            for col in self.cols.every(tag):
                cell = self._cell(row, col)
                if not is_blank(cell):
                    if fold(cell) in FRANCE:
                        return NATIONAL, show(cell), ""
                    return None, show(cell), texts.SET_ASIDE_NOT_FRANCE.format(value=show(cell))
        return None, "", texts.SET_ASIDE_NO_PLACE


def _admin_code(code: str, level: str) -> str | None:
    """``84``, ``FR84``, ``FRA84``, ``REG-84`` (adm1: a region) or ``69``, ``FR69``, ``2A`` (adm2: a
    département) → its key; the level decides, since a bare 84 is also a département."""
    s = fold(code).replace(" ", "").upper()
    s = re.sub(r"^(?:FRA|FR)(?=[0-9]|2A|2B)", "", s)
    s = re.sub(r"^(?:REG|DEP|R|D)-?", "", s)
    if not re.fullmatch(r"[0-9]{1,3}|2A|2B", s):
        return None
    if s.isdigit() and len(s) < 2:
        s = s.zfill(2)
    key = f"{level}-{s}"
    if key not in territories():
        return None
    return overseas_region_to_departement().get(key, key)
