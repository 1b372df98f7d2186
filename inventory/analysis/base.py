"""What every analysis shares: the territory levels and the filters on need signals."""
from __future__ import annotations

from dataclasses import dataclass

from inventory.parsing import LIST_SEPARATOR


LEVELS = ("region", "departement")


SEP = f"'{LIST_SEPARATOR}'"  # the list separator as a SQL literal


# The territory levels whose cells a level shows: at département level a region row holds the needs entered for
# the whole region only (its own row), beside FR and the départements.
LEVEL_CELLS = {"region": ("pays", "region"), "departement": ("pays", "region", "departement")}
# The grid's cells at a level without the regions' own rows at département level: where the matrix shows
# coverage with no need, and where allies meet.
LEVEL_GRID = {"region": ("pays", "region"), "departement": ("pays", "departement")}


def levels_sql(levels: tuple[str, ...]) -> str:
    """A set of territory levels as a SQL list: ``('pays', 'region')``."""
    return "(" + ", ".join(f"'{level}'" for level in levels) + ")"


@dataclass(frozen=True)
class NeedFilter:
    """Filters on need signals; None means all."""

    source: str | None = None
    public: str | None = None
    secteur: str | None = None
    thematiques: tuple[str, ...] | None = None

    def sql(self, alias: str = "") -> tuple[str, list]:
        a = f"{alias}." if alias else ""
        where, params = [], []
        for col in ("source", "public", "secteur"):
            value = getattr(self, col)
            if value:
                where.append(f"{a}{col} = ?")
                params.append(value)
        if self.thematiques:
            where.append(f"{a}thematique IN ({', '.join('?' * len(self.thematiques))})")
            params.extend(self.thematiques)
        return (" AND " + " AND ".join(where)) if where else "", params


ALL = NeedFilter()


def level_expr(level: str, alias: str = "") -> str:
    a = f"{alias}." if alias else ""
    return f"{a}region_key" if level == "region" else f"{a}territoire"


def check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
