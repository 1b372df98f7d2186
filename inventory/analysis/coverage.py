"""Coverage and white zones: the territory × theme matrix every page, the report and the command line read."""
from __future__ import annotations

import pandas as pd

from inventory.store import Store
from inventory.analysis.base import ALL, LEVEL_CELLS, LEVEL_GRID, NeedFilter, check_level, level_expr, levels_sql


def need_matrix(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """One row per territory × theme with needs or coverage: the numbers ``matrix`` prints.

    Columns: territoire, nom, thematique, acteurs, score, intensite_moyenne, programmes, tension,
    zone_blanche, investisseurs, score_couvert, part_couverte, alliance, then the follow-through's engagements,
    beneficiaires, taux_atteinte (``_with_followup``). ``programmes`` counts the programmes
    in the territory; ``score_couvert`` the score of the need rows they actually reach (so a region whose only
    programme sits in another département than its need is a white zone); ``part_couverte`` = score_couvert /
    score (none without needs).
    """
    check_level(level)
    where, params = needs.sql("a")
    theme_where, theme_params = ("", [])
    if needs.thematiques:
        theme_where = f" AND c.thematique IN ({', '.join('?' * len(needs.thematiques))})"
        theme_params = list(needs.thematiques)
    sql = f"""
    WITH n AS (
        SELECT {level_expr(level, 'a')} AS territoire, a.thematique,
               sum(a.acteurs)::BIGINT AS acteurs, sum(a.score)::BIGINT AS score,
               coalesce(sum(a.score) FILTER (WHERE r.atteint), 0)::BIGINT AS score_couvert
        FROM need_agg a
        LEFT JOIN (SELECT territoire, thematique, atteint FROM coverage WHERE snapshot_id = ?) r
          ON r.territoire = a.territoire AND r.thematique = a.thematique
        WHERE a.snapshot_id = ? {where}
        GROUP BY ALL
    ), c AS (
        SELECT c.territoire, c.thematique, c.programmes, c.investisseurs
        FROM coverage c JOIN territoires t ON t.key = c.territoire
        WHERE c.snapshot_id = ? {theme_where}
          AND (t.level IN {levels_sql(LEVEL_GRID[level])} OR c.territoire IN (SELECT territoire FROM n))
    )
    SELECT coalesce(n.territoire, c.territoire) AS territoire, t.nom,
           coalesce(n.thematique, c.thematique) AS thematique,
           coalesce(n.acteurs, 0)::BIGINT AS acteurs, coalesce(n.score, 0)::BIGINT AS score,
           n.score / n.acteurs AS intensite_moyenne,
           coalesce(c.programmes, 0)::BIGINT AS programmes,
           coalesce(n.score, 0) / (1 + coalesce(c.programmes, 0)) AS tension,
           coalesce(n.acteurs, 0) > 0 AND coalesce(n.score_couvert, 0) = 0 AS zone_blanche,
           coalesce(c.investisseurs, 0)::BIGINT AS investisseurs,
           coalesce(n.score_couvert, 0)::BIGINT AS score_couvert,
           n.score_couvert / nullif(n.score, 0) AS part_couverte,
           coalesce(c.programmes, 0) >= 2 AND coalesce(c.investisseurs, 0) >= 2 AS alliance
    FROM n FULL JOIN c ON n.territoire = c.territoire AND n.thematique = c.thematique
    JOIN territoires t ON t.key = coalesce(n.territoire, c.territoire)
    ORDER BY t.ordre, thematique
    """
    return _with_followup(store, snapshot_id, level,
                          store.read(sql, [snapshot_id, snapshot_id, *params, snapshot_id, *theme_params]))


def white_zones(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL,
                limit: int | None = None) -> pd.DataFrame:
    """Cells with needs none of which is reached, worst (highest score) first."""
    m = need_matrix(store, snapshot_id, level=level, needs=needs)
    out = m[m["zone_blanche"]].sort_values(["score", "acteurs"], ascending=False, kind="stable")
    return out.head(limit).reset_index(drop=True) if limit else out.reset_index(drop=True)


def coverage_gaps(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL,
                  limit: int | None = None) -> pd.DataFrame:
    """Cells whose need is not wholly reached (white zones and partly covered cells), the largest unreached
    score (``score_non_couvert`` = score − score_couvert) first."""
    m = need_matrix(store, snapshot_id, level=level, needs=needs)
    out = m[(m["score"] > 0) & (m["score_couvert"] < m["score"])]
    out = out.assign(score_non_couvert=out["score"] - out["score_couvert"])
    out = out.sort_values(["score_non_couvert", "score"], ascending=False, kind="stable").reset_index(drop=True)
    return out.head(limit) if limit else out


def tension_ranking(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL,
                    limit: int | None = 20) -> pd.DataFrame:
    m = need_matrix(store, snapshot_id, level=level, needs=needs)
    out = m[m["acteurs"] > 0].sort_values(["tension", "score"], ascending=False).reset_index(drop=True)
    return out.head(limit) if limit else out


def commitment_cells(store: Store, snapshot_id: int, *, level: str = "region") -> pd.DataFrame:
    """territoire, thematique, engagements: open commitments reaching each cell (at the level: regions and FR, or
    départements, FR and the regions' own rows)."""
    check_level(level)
    return store.read(
        f"""
        SELECT c.territoire, c.thematique, c.ouverts AS engagements
        FROM engagement_cells c JOIN territoires t ON t.key = c.territoire
        WHERE c.snapshot_id = ? AND t.level IN {levels_sql(LEVEL_CELLS[level])}
        """,
        [snapshot_id],
    )


def white_zones_with_commitments(store: Store, snapshot_id: int, *, level: str = "region",
                                 needs: NeedFilter = ALL) -> pd.DataFrame:
    """The white zones, worst first, with ``engagements`` (open commitments reaching them) and
    ``en_voie_de_couverture`` (at least one)."""
    out = white_zones(store, snapshot_id, level=level, needs=needs)
    out = out.drop(columns=["engagements"], errors="ignore").merge(
        commitment_cells(store, snapshot_id, level=level), on=["territoire", "thematique"], how="left")
    out["engagements"] = out["engagements"].fillna(0).astype("int64")
    out["en_voie_de_couverture"] = out["engagements"] > 0
    return out


def need_matrix_if_honoured(store: Store, snapshot_id: int, *, level: str = "region",
                            needs: NeedFilter = ALL) -> pd.DataFrame:
    """The matrix as it would read if every open commitment were honoured (« avec les engagements »): a white
    zone an open commitment reaches is ``en_voie_de_couverture`` and no longer a ``zone_blanche``."""
    m = need_matrix(store, snapshot_id, level=level, needs=needs)
    on_track = m["zone_blanche"] & (m["engagements"] > 0)
    return m.assign(en_voie_de_couverture=on_track, zone_blanche=m["zone_blanche"] & ~on_track)


def _with_followup(store: Store, snapshot_id: int, level: str, matrix: pd.DataFrame) -> pd.DataFrame:
    """The matrix's follow-through columns: ``engagements`` (open commitments reaching the cell),
    ``beneficiaires`` (declared results, rolled up like needs, whatever the need filters) and ``taux_atteinte``
    (beneficiaires / acteurs, None without actors in need)."""
    cells = commitment_cells(store, snapshot_id, level=level)
    reached = store.read(
        f"""
        SELECT {level_expr(level, 'r')} AS territoire, r.thematique, sum(r.beneficiaires)::BIGINT AS beneficiaires
        FROM result_agg r WHERE r.snapshot_id = ? GROUP BY ALL
        """,
        [snapshot_id],
    )
    out = matrix.merge(cells, on=["territoire", "thematique"], how="left").merge(
        reached, on=["territoire", "thematique"], how="left")
    out["engagements"] = out["engagements"].fillna(0).astype("int64")
    out["beneficiaires"] = out["beneficiaires"].fillna(0).astype("int64")
    actors = out["acteurs"].astype("float64")
    out["taux_atteinte"] = (out["beneficiaires"] / actors).where(actors > 0).astype(object)
    out.loc[actors <= 0, "taux_atteinte"] = None
    return out
