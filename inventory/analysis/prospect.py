"""« Se positionner » for an investor not yet in the inventory: the themes, territories and audience it has in
mind stand for its programmes; nothing is saved. The same questions as for a member: who already acts in those
cells (likely allies), and which white zones are within its reach."""
from __future__ import annotations

from typing import Sequence

import pandas as pd

from inventory.store import Store
from inventory.analysis.base import LEVEL_GRID, SEP, NeedFilter, check_level, levels_sql
from inventory.analysis.collective import within_reach
from inventory.analysis.coverage import need_matrix


def prospect_allies(store: Store, snapshot_id: int, thematiques: Sequence[str], territoires: Sequence[str], *,
                    level: str = "region") -> pd.DataFrame:
    """The investors already present in the cells the prospect has in mind (its themes × its territories; all
    territories when it names none, all themes when it names none): id, nom, type, cases_communes (cells at
    ``level`` both would reach, as ``collective.likely_allies`` counts them), thematiques. Most shared cells first."""
    check_level(level)
    if not thematiques and not territoires:
        return pd.DataFrame(columns=["id", "nom", "type", "cases_communes", "thematiques"])
    return store.read(
        f"""
        WITH cells AS (
            SELECT DISTINCT r.investisseur, r.territoire, r.thematique FROM investor_reach r
            JOIN territoires t ON t.key = r.territoire
            WHERE r.snapshot_id = ? AND t.level IN {levels_sql(LEVEL_GRID[level])}
        ), shared AS (
            SELECT investisseur, count(*) AS cases_communes,
                   string_agg(DISTINCT thematique, {SEP} ORDER BY thematique) AS thematiques
            FROM cells
            WHERE (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], thematique))
              AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], territoire))
            GROUP BY 1
        )
        SELECT i.id, i.nom, i.type, s.cases_communes, s.thematiques
        FROM investisseurs i JOIN shared s ON s.investisseur = i.id
        WHERE i.snapshot_id = ?
        ORDER BY s.cases_communes DESC, i.id
        """,
        [snapshot_id, list(thematiques), list(thematiques), list(territoires), list(territoires), snapshot_id],
    )


def prospect_gaps(store: Store, snapshot_id: int, thematiques: Sequence[str], territoires: Sequence[str], *,
                  public: str | None = None, level: str = "region", limit: int = 15) -> pd.DataFrame:
    """The white zones within the prospect's reach (``collective.within_reach``: in one of its themes or one of
    its territories), highest tension first, counting only the needs of its audience when it names one."""
    m = need_matrix(store, snapshot_id, level=level, needs=NeedFilter(public=public or None))
    return within_reach(m, thematiques, territoires, limit)
