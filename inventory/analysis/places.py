"""One territory's share of a table: the rows in it (or in one of its départements), and its themes ranked by
what calls for action first. Pure pandas over frames the other analysis modules return."""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from inventory import reference


def inside(key: object, territory: str) -> bool:
    """True when ``key`` is ``territory`` or lies in it (a département of that region): « DEP-31 » is inside
    « REG-76 »; a region is not inside one of its départements, and France holds only itself."""
    if not isinstance(key, str):
        return False
    if key == territory:
        return True
    place = reference.territories().get(key)
    return place is not None and place.level == "departement" and place.region_key == territory


def within(frame: pd.DataFrame, territory: str | None, column: str = "territoire") -> pd.DataFrame:
    """The rows of ``frame`` whose ``column`` (one territory key, or a list of keys such as a commitment's
    territories) is ``territory`` or lies in it; every row when no territory is chosen."""
    if not territory or frame.empty or column not in frame:
        return frame

    def keeps(value: object) -> bool:
        if isinstance(value, str):
            return inside(value, territory)
        if isinstance(value, Iterable):
            return any(inside(v, territory) for v in value)
        return False

    return frame[frame[column].map(keeps).astype(bool)]


def ranked_needs(cells: pd.DataFrame) -> pd.DataFrame:
    """One territory's rows of the need matrix, the biggest need first: the largest score, then the most actors."""
    if cells.empty:
        return cells
    return cells.sort_values(["score", "acteurs"], ascending=False, kind="stable").reset_index(drop=True)


def ranked_themes(cells: pd.DataFrame) -> pd.DataFrame:
    """One territory's rows of the need matrix, what calls for action first: its white zones, then the highest
    tension (score per programme + 1), then the largest score."""
    if cells.empty:
        return cells
    return cells.sort_values(["zone_blanche", "tension", "score"], ascending=False, kind="stable").reset_index(drop=True)
