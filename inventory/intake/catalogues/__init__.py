"""Public catalogues read as they are published: aides-territoires exports and HXL (3W) sheets → contract rows.

Pure functions from a file's bytes (or a sheet's rows) to a ``Converted``: rows per contract sheet, the rows set
aside with their reason, the investors created, and how many rows each correspondence applied to. Nothing here
reads or writes the store: the importer merges the rows with the active snapshot's and checks them with the
same models as any sheet.
"""
from __future__ import annotations

from typing import Any, Iterable

from inventory import texts
from inventory.intake.catalogues import aides_territoires, hxl
from inventory.intake.catalogues.common import CatalogueRefused, Converted, Investors, SetAside, csv_rows
from inventory.intake.catalogues.correspondences import SOURCES, Correspondences, shipped

FORMATS = {aides_territoires.NAME: texts.CAT_AIDES_TERRITOIRES, hxl.NAME: texts.CAT_HXL}
PREFIXES = {aides_territoires.NAME: aides_territoires.PREFIX, hxl.NAME: hxl.PREFIX}
SHAPES = {aides_territoires.NAME: aides_territoires.SHAPES, hxl.NAME: hxl.SHAPES}  # the files each is published as

__all__ = ["FORMATS", "PREFIXES", "SHAPES", "CatalogueRefused", "Converted", "Correspondences", "Investors",
           "SetAside", "convert", "convert_grid", "recognise", "recognise_grid", "shipped"]


def recognise(data: bytes) -> str | None:
    """The catalogue a file's content is (``aides-territoires``, ``hxl``), or None for an ordinary sheet.
    A JSON file is only ever an aides-territoires export here (a broken one is refused by ``convert``)."""
    if aides_territoires.looks_like_json(data):
        return aides_territoires.NAME
    try:
        rows = csv_rows(data[:256 * 1024].rsplit(b"\n", 1)[0] if len(data) > 256 * 1024 else data)
    except CatalogueRefused:
        return None
    return recognise_grid(rows)


def recognise_grid(grid: list[list[Any]]) -> str | None:
    """The catalogue a sheet's rows are, from its hashtag row or its header row; None for anything else."""
    if hxl.is_hxl(grid):
        return hxl.NAME
    if grid and aides_territoires.is_csv_export(grid[0]):
        return aides_territoires.NAME
    return None


def convert(data: bytes, *, file: str, format: str | None = None,
            investors: Iterable[tuple[str, str]] | Investors = (), table: Correspondences | None = None) -> Converted:
    """A catalogue file → contract rows. ``format`` forces the catalogue; ``investors`` are the (id, name) pairs
    already known, matched by name. Raises ``CatalogueRefused`` (a French sentence) for a file it cannot read."""
    book = investors if isinstance(investors, Investors) else Investors(investors)
    kind = format or recognise(data)
    if kind == aides_territoires.NAME:
        if aides_territoires.looks_like_json(data):
            return aides_territoires.convert_json(data, file=file, investors=book, table=table)
        return aides_territoires.convert_csv(data, file=file, investors=book, table=table)
    if kind == hxl.NAME:
        if aides_territoires.looks_like_json(data):
            raise CatalogueRefused(texts.ERR_HXL_NO_TAGS)
        return hxl.convert_csv(data, file=file, investors=book, table=table)
    rows = csv_rows(data)
    raise CatalogueRefused(texts.ERR_CATALOGUE_CSV_COLUMNS.format(
        missing=", ".join(_missing(rows[0] if rows else []))))


def convert_grid(grid: list[list[Any]], *, file: str, format: str | None = None,
                 investors: Iterable[tuple[str, str]] | Investors = (),
                 table: Correspondences | None = None) -> Converted:
    """A workbook sheet's rows (an aides-territoires .xlsx export, a 3W sheet) → contract rows."""
    book = investors if isinstance(investors, Investors) else Investors(investors)
    kind = format or recognise_grid(grid)
    if kind == hxl.NAME:
        return hxl.convert_grid(grid, file=file, investors=book, table=table)
    if kind == aides_territoires.NAME:
        return aides_territoires.convert_csv(grid, file=file, investors=book, table=table)
    raise CatalogueRefused(texts.ERR_CATALOGUE_CSV_COLUMNS.format(missing=", ".join(_missing(grid[0] if grid else []))))


def _missing(headers: list[Any]) -> list[str]:
    known = {aides_territoires.COLUMNS.get(aides_territoires.fold(h)) for h in headers if isinstance(h, str)}
    return [r for r in aides_territoires.REQUIRED if r not in known] or list(aides_territoires.REQUIRED)


def contract_section() -> list[str]:
    """The catalogues and the correspondence table in force, for docs/contract.md (generated, never retyped)."""
    lines = [
        "## Public catalogues", "",
        "Uploaded as they are published, alone or with the sheets above (`--format aides-territoires|hxl` forces",
        "the format of JSON and CSV files on the command line; otherwise it is recognised from the content, and a",
        "workbook's sheet that is not one of the contract's is a catalogue when its first 25 rows say so):", "",
        "- **aides-territoires**: the JSON of its API (`{\"count\", \"next\", \"previous\", \"results\": [...]}` or a",
        "  list of aids), or a CSV/workbook export with the API's field names or the site's French headers",
        "  (`Nom`, `Porteurs d’aides`, `Périmètre`, `Sous-thématiques`, `Bénéficiaires de l’aide`, `Types d’aide`,",
        "  `Date d’ouverture`, `Date de clôture`…). Each aid that can be placed becomes the programme",
        f"  `{aides_territoires.PREFIX}<id>`; `financers` become investors (matched by name, accent- and",
        "  case-insensitively; new ones are created and listed), `perimeter` its territory, `start_date` its",
        "  `date_debut`, `submission_deadline` its `date_limite_candidature` (the deadline to apply, never its end:",
        "  the aid stays active after its call closes), `origin_url` its link, the HTML `description` its text.",
        "- **HXL** (a row of hashtags under the headers, e.g. a 3W sheet, as CSV or as a sheet of a workbook",
        "  whatever its name and whatever title rows sit above its headers): the hashtags decide the columns",
        "  (`#org`, `#org+funder`, `#sector`, `#activity`, `#adm1+name`/`+code` for a region, `#adm2` for a",
        "  département, `#country`, `#date+start`, `#date+end`, `#reached`, `#inneed`, `#severity`, `#value`).",
        f"  A row is one programme `{hxl.PREFIX}…` (organisation × activity × place), with a result when it has",
        "  `#reached` and a field need when it has `#inneed` (intensity from `#severity`, else 3).", "",
        "A catalogue row that cannot be placed is **set aside**, never guessed, and listed with its reason: a",
        "perimeter finer than a département (a commune, an EPCI, `#adm3`), one that is not a whole territory",
        "(overseas or mainland France only, a drainage basin, an ad-hoc list), a category or sector with no",
        "theme, audiences none of which is the inventory's. Re-importing a catalogue replaces the programmes",
        "carrying its prefix and keeps the hand-made ones.", "",
        "### Correspondence table", "",
        "Categories and sectors become themes, audiences publics, aid types kinds of support, and `programs`",
        "a phase through `data/reference/correspondances.csv` (below). To change it, upload with the catalogue a",
        "sheet (or CSV) named `correspondances` with the columns `source`, `valeur`, `thematique`: each of its",
        "rows replaces the shipped row with the same `source` and `valeur` (matched case-, accent- and",
        "space-insensitively) or adds one; `thematique` holds the code(s) the value becomes, separated by `;`,",
        "or nothing to say \"known, outside the inventory\". A category `Thème|Catégorie` is looked up whole,",
        "then by its category, then by its theme; a category or sector spelled as a theme's code or label needs",
        f"no row. Sources: {', '.join(f'`{s}`' for s in SOURCES)}.", "",
        "| source | valeur | thematique |", "|---|---|---|",
    ]
    for entry in shipped().entries.values():
        target = ", ".join(f"`{t}`" for t in entry.targets) or "(outside the inventory)"
        lines.append(f"| `{entry.source}` | {entry.valeur.replace('|', chr(92) + '|')} | {target} |")
    return lines + [""]
