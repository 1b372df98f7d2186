"""Correspondence tables: a catalogue's own words (categories, sectors, audiences, aid types) → the contract's codes.

The shipped table is ``data/reference/correspondances.csv`` (columns ``source, valeur, thematique, note``);
a facilitator overrides or extends it with a ``correspondances`` sheet of the same columns uploaded with the
catalogue: a row of the sheet replaces the shipped row with the same ``source`` and ``valeur`` (matched case-,
accent- and space-insensitively), the other shipped rows stay. The column keeps the contract's name,
``thematique``, for every source; it holds the code(s) the value becomes, separated by ``;``:

- ``categorie`` (an aides-territoires category, ``Thème|Sous-catégorie`` or either half) and ``secteur``
  (a 3W sheet's ``#sector``) → theme codes;
- ``public`` (aides-territoires ``targeted_audiences``) → audiences; ``nature`` (``aid_types``) → kinds of
  support;
- ``phase`` (the catalogue's name: ``aides-territoires``, ``hxl``) → the phase its programmes get, and
  ``programme`` (aides-territoires ``programs``, e.g. France Relance) → a phase that wins over it.

An empty ``thematique`` says "known, and deliberately outside the inventory" (an aid about water networks):
such a value is never reported as missing, and a row left with no theme because of it is set aside with that
reason. A value with no row at all is counted as "sans correspondance"; a category or sector value equal to a
theme's code or label maps to it without a row.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from inventory import texts
from inventory.models import Issue
from inventory.parsing import is_blank, show
from inventory.reference import AUDIENCES, PHASES, REFERENCE_DIR, SUPPORT_TYPES, default_themes
from inventory.reference import fold as _fold_uncached

fold = lru_cache(maxsize=65536)(_fold_uncached)  # catalogue values repeat: fold each once

SHIPPED = REFERENCE_DIR / "correspondances.csv"
SHEET = "correspondances"
THEME_SOURCES = ("categorie", "secteur")
SOURCES = ("categorie", "secteur", "public", "nature", "phase", "programme")
CLOSED: dict[str, dict[str, str]] = {"public": AUDIENCES, "nature": SUPPORT_TYPES, "phase": PHASES,
                                     "programme": PHASES}
HEADERS = {"source": "source", "valeur": "valeur", "value": "valeur", "thematique": "thematique",
           "theme": "thematique", "cible": "thematique", "target": "thematique"}


@dataclass(frozen=True)
class Entry:
    source: str
    valeur: str  # as written in the table
    targets: tuple[str, ...]  # empty: deliberately outside the inventory
    shipped: bool = True


@dataclass
class Tally:
    """How many catalogue rows each correspondence applied to (and each value that had none)."""

    counts: dict[tuple[str, str], list[Any]] = field(default_factory=dict)  # (source, folded) → [valeur, targets, n]

    def add(self, source: str, valeur: str, targets: tuple[str, ...] | None) -> None:
        key = (source, fold(valeur))
        slot = self.counts.get(key)
        if slot is None:
            self.counts[key] = [valeur, targets, 1]
        else:
            slot[2] += 1

    def rows(self) -> list[dict[str, Any]]:
        """``{"source", "valeur", "thematique" (codes, or None when the value has no correspondence),
        "lignes"}``, by source then most used first."""
        out = [{"source": s, "valeur": v, "thematique": None if t is None else list(t), "lignes": n}
               for (s, _), (v, t, n) in self.counts.items()]
        return sorted(out, key=lambda r: (SOURCES.index(r["source"]), -r["lignes"], fold(r["valeur"])))


class Correspondences:
    """The table in force: the shipped rows, possibly overridden by an uploaded sheet."""

    def __init__(self, entries: dict[tuple[str, str], Entry], themes: dict[str, str]):
        self.entries = entries
        self.themes = themes  # folded code or label → theme code

    def lookup(self, source: str, value: str) -> Entry | None:
        """The correspondence of one value; for categories ``Thème|Sous-catégorie``, the whole value, else its
        sub-category, else its theme. Category and sector values naming a theme map to it."""
        key = fold(value)
        entry = self.entries.get((source, key))
        if entry is None and source == "categorie" and "|" in key:
            theme, _, sub = key.partition("|")
            entry = self.entries.get((source, sub.strip())) or self.entries.get((source, theme.strip()))
        if entry is None and source in THEME_SOURCES:
            code = self.themes.get(key) or self.themes.get(key.rpartition("|")[2].strip())
            if code is not None:
                entry = Entry(source, value, (code,), shipped=True)
        return entry

    def overridden(self, rows: Iterable[tuple[int, dict[str, Any]]],
                   themes: dict[str, str] | None = None) -> tuple["Correspondences", list[Issue]]:
        """This table with an uploaded ``correspondances`` sheet's rows (row number, {header: cell}) on top,
        and the problems of the sheet (unknown source, unknown code), each located as the user sees it."""
        themes = themes if themes is not None else self.themes
        entries = dict(self.entries)
        issues: list[Issue] = []
        for row, cells in rows:
            cells = {HEADERS.get(fold(k), fold(k)): v for k, v in cells.items() if k is not None}
            if all(is_blank(v) for v in cells.values()):
                continue
            entry, problems = _entry(row, cells, themes, shipped=False)
            issues += problems
            if entry is not None:
                entries[(entry.source, fold(entry.valeur))] = entry
        return Correspondences(entries, themes), issues


def theme_lookup(extra: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Folded theme code or label → code: the default themes and any others (code, label) in force."""
    out: dict[str, str] = {}
    for code, label in [(t.code, t.libelle) for t in default_themes()] + list(extra):
        if code:
            out[fold(code)] = code
            if label:
                out.setdefault(fold(label), code)
    return out


def _entry(row: int, cells: dict[str, Any], themes: dict[str, str], *, shipped: bool) -> tuple[Entry | None, list[Issue]]:
    def issue(column: str, value: Any, message: str) -> Issue:
        return Issue(sheet=SHEET, row=row, column=column, value=None if value is None else show(value),
                     message=message, kind="valeur")

    source = fold(cells.get("source") or "")
    valeur = "" if is_blank(cells.get("valeur")) else show(cells["valeur"]).strip()
    if source not in SOURCES:
        return None, [issue("source", cells.get("source"),
                            texts.ERR_CORRESPONDENCE_SOURCE.format(value=show(cells.get("source") or ""),
                                                                   known=", ".join(SOURCES)))]
    if not valeur:
        return None, [issue("valeur", None, texts.ERR_REQUIRED)]
    raw = "" if is_blank(cells.get("thematique")) else show(cells["thematique"])
    targets: list[str] = []
    problems = []
    for item in (p.strip() for p in raw.replace(",", ";").split(";")):
        if not item:
            continue
        if source in THEME_SOURCES:
            code = themes.get(fold(item))
            known = sorted(set(themes.values()))
        else:
            options = CLOSED[source]
            code = next((c for c in options if fold(c) == fold(item) or fold(options[c]) == fold(item)), None)
            known = list(options)
        if code is None:
            problems.append(issue("thematique", item, texts.ERR_CORRESPONDENCE_TARGET.format(
                value=item, source=source, known=", ".join(known))))
        elif code not in targets:
            targets.append(code)
    if problems:
        return None, problems
    if source in ("phase", "programme") and len(targets) > 1:
        return None, [issue("thematique", raw, texts.ERR_CORRESPONDENCE_ONE_PHASE.format(value=raw))]
    return Entry(source, valeur, tuple(targets), shipped=shipped), []


@lru_cache(maxsize=1)
def shipped() -> Correspondences:
    """The table shipped in data/reference/correspondances.csv (checked by the tests against the contract)."""
    themes = theme_lookup()
    entries: dict[tuple[str, str], Entry] = {}
    with open(SHIPPED, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            entry, problems = _entry(n, dict(row), themes, shipped=True)
            if problems:  # a broken shipped table is a bug of ours, not the user's file
                raise ValueError(f"{SHIPPED.name} ligne {n} : {problems[0].message}")
            entries[(entry.source, fold(entry.valeur))] = entry
    return Correspondences(entries, themes)


def with_themes(table: Correspondences, extra: Iterable[tuple[str, str]]) -> Correspondences:
    """The same table, knowing the themes an upload adds (a ``thematiques`` sheet)."""
    return Correspondences(table.entries, theme_lookup(extra))
