"""Playing together: investors, their footprints, co-funding and likely allies."""
from __future__ import annotations

import pandas as pd

from inventory.store import Store
from inventory.analysis.base import LEVEL_CELLS, LEVEL_GRID, SEP, check_level, levels_sql
from inventory.analysis.coverage import need_matrix


def investors(store: Store, snapshot_id: int) -> pd.DataFrame:
    """id, nom, type of each investor; ``programmes``: its active programmes; ``budget_eur``: its share of their
    budgets, each split equally between its distinct co-funders (so the column adds up to the active programmes'
    total); ``programmes_inactifs``: its programmes not active at the snapshot's date (ended or not started)."""
    return store.read(
        """
        WITH p AS (
            SELECT p.id, p.budget_eur, list_distinct(p.investisseurs) AS invs, p.actif
            FROM programme_activity p WHERE p.snapshot_id = ?
        ), x AS (SELECT unnest(invs) AS inv, id, actif, budget_eur / len(invs) AS part FROM p)
        SELECT i.id, i.nom, i.type, count(x.id) FILTER (WHERE x.actif) AS programmes,
               sum(x.part) FILTER (WHERE x.actif) AS budget_eur,  -- none known: unknown (« – »), never 0
               count(x.id) FILTER (WHERE NOT x.actif) AS programmes_inactifs
        FROM investisseurs i LEFT JOIN x ON x.inv = i.id
        WHERE i.snapshot_id = ? GROUP BY ALL ORDER BY i.id
        """,
        [snapshot_id, snapshot_id],
    )


def investor_themes(store: Store, snapshot_id: int) -> pd.DataFrame:
    """Long table investisseur, nom, thematique, programmes (active at the snapshot's date)."""
    return store.read(
        """
        WITH pi AS (
            SELECT p.id, unnest(list_distinct(p.investisseurs)) AS inv, list_distinct(p.thematiques) AS thematiques
            FROM active_programmes p WHERE p.snapshot_id = ?
        )
        SELECT x.inv AS investisseur, i.nom, x.thematique, count(*) AS programmes
        FROM (SELECT inv, unnest(thematiques) AS thematique FROM pi) x
        JOIN investisseurs i ON i.snapshot_id = ? AND i.id = x.inv
        GROUP BY ALL ORDER BY investisseur, thematique
        """,
        [snapshot_id, snapshot_id],
    )


def investor_regions(store: Store, snapshot_id: int) -> pd.DataFrame:
    """Long table investisseur, nom, territoire (region key or FR), nom_territoire, thematiques (count of
    themes the investor covers there)."""
    return store.read(
        f"""
        SELECT r.investisseur, i.nom, r.territoire, t.nom AS nom_territoire, count(DISTINCT r.thematique) AS thematiques
        FROM investor_reach r JOIN territoires t ON t.key = r.territoire
        JOIN investisseurs i ON i.snapshot_id = r.snapshot_id AND i.id = r.investisseur
        WHERE r.snapshot_id = ? AND t.level IN {levels_sql(LEVEL_CELLS['region'])}
        GROUP BY r.investisseur, i.nom, r.territoire, t.nom, t.ordre ORDER BY r.investisseur, t.ordre
        """,
        [snapshot_id],
    )


def alliance_cells(store: Store, snapshot_id: int, *, level: str = "region") -> pd.DataFrame:
    """Cells where several investors act through separate programmes, with who they are and the need there."""
    m = need_matrix(store, snapshot_id, level=level)
    cells = m[m["alliance"]][["territoire", "nom", "thematique", "acteurs", "score", "programmes", "investisseurs"]]
    if cells.empty:
        return cells.assign(noms_investisseurs=[])
    names = store.read(
        f"""
        SELECT r.territoire, r.thematique, string_agg(DISTINCT i.nom, {SEP} ORDER BY i.nom) AS noms_investisseurs
        FROM investor_reach r JOIN investisseurs i ON i.snapshot_id = r.snapshot_id AND i.id = r.investisseur
        WHERE r.snapshot_id = ? AND list_contains(?, r.territoire) GROUP BY ALL
        """,
        [snapshot_id, sorted(set(cells["territoire"]))],  # only the alliance cells' territories
    )
    out = cells.merge(names, on=["territoire", "thematique"], how="left")
    return out.sort_values(["investisseurs", "score"], ascending=False).reset_index(drop=True)


# active programmes and the distinct investors each names: the co-funding rule's one home in this module
ACTIVE_FUNDERS = "SELECT id, list_distinct(investisseurs) AS invs FROM active_programmes WHERE snapshot_id = ?"


def cofunding(store: Store, snapshot_id: int) -> dict[str, float]:
    """programmes (active), cofinances (active, with ≥ 2 distinct investors) and taux (share, 0–1)."""
    row = store.rows(f"SELECT count(*), count(*) FILTER (WHERE len(invs) >= 2) FROM ({ACTIVE_FUNDERS})",
                     [snapshot_id])[0]
    total, co = int(row[0]), int(row[1])
    return {"programmes": total, "cofinances": co, "taux": (co / total) if total else 0.0}


def cofunding_edges(store: Store, snapshot_id: int) -> pd.DataFrame:
    """Pairs of investors funding the same active programmes: source, cible, nom_source, nom_cible, programmes."""
    return store.read(
        f"""
        WITH pi AS (SELECT id, unnest(invs) AS inv FROM ({ACTIVE_FUNDERS}))
        SELECT a.inv AS source, b.inv AS cible, ia.nom AS nom_source, ib.nom AS nom_cible, count(*) AS programmes
        FROM pi a JOIN pi b ON a.id = b.id AND a.inv < b.inv
        JOIN investisseurs ia ON ia.snapshot_id = ? AND ia.id = a.inv
        JOIN investisseurs ib ON ib.snapshot_id = ? AND ib.id = b.inv
        GROUP BY ALL ORDER BY programmes DESC, source, cible
        """,
        [snapshot_id, snapshot_id, snapshot_id],
    )


def investor_footprint(store: Store, snapshot_id: int, investisseur: str, *, level: str = "region") -> pd.DataFrame:
    """The cells an investor reaches (territoire at the level, thematique, programmes)."""
    check_level(level)
    key = "t.region_key" if level == "region" else "r.territoire"
    return store.read(
        f"""
        SELECT DISTINCT {key} AS territoire, r.thematique, r.programmes
        FROM investor_reach r JOIN territoires t ON t.key = r.territoire
        WHERE r.snapshot_id = ? AND r.investisseur = ?
          AND t.level IN {levels_sql(LEVEL_CELLS[level])}
        ORDER BY 1, 2
        """,
        [snapshot_id, investisseur],
    )


def likely_allies(store: Store, snapshot_id: int, investisseur: str, *, level: str = "region") -> pd.DataFrame:
    """Other investors present in the investor's cells: id, nom, type, cases_communes (cells at ``level`` both
    reach: FR and regions × themes at region level), cofinancements (active programmes funded together),
    thematiques."""
    check_level(level)
    return store.read(
        f"""
        WITH cells AS (
            SELECT r.investisseur, r.territoire, r.thematique FROM investor_reach r
            JOIN territoires t ON t.key = r.territoire
            WHERE r.snapshot_id = ? AND t.level IN {levels_sql(LEVEL_GRID[level])}
        ), mine AS (SELECT territoire, thematique FROM cells WHERE investisseur = ?),
        shared AS (
            SELECT c.investisseur, count(*) AS cases_communes,
                   string_agg(DISTINCT c.thematique, {SEP} ORDER BY c.thematique) AS thematiques
            FROM cells c JOIN mine USING (territoire, thematique)
            WHERE c.investisseur <> ? GROUP BY 1
        ), co AS (
            SELECT o.inv AS investisseur, count(*) AS cofinancements FROM (
                SELECT unnest(invs) AS inv FROM ({ACTIVE_FUNDERS}) WHERE list_contains(invs, ?)) o
            WHERE o.inv <> ? GROUP BY 1
        )
        SELECT i.id, i.nom, i.type, coalesce(s.cases_communes, 0) AS cases_communes,
               coalesce(co.cofinancements, 0) AS cofinancements, s.thematiques
        FROM investisseurs i LEFT JOIN shared s ON s.investisseur = i.id LEFT JOIN co ON co.investisseur = i.id
        WHERE i.snapshot_id = ? AND i.id <> ? AND (s.cases_communes > 0 OR co.cofinancements > 0)
        ORDER BY cases_communes DESC, cofinancements DESC, i.id
        """,
        [snapshot_id, investisseur, investisseur, snapshot_id, investisseur, investisseur, snapshot_id, investisseur],
    )


def uncovered_for(store: Store, snapshot_id: int, investisseur: str, *, level: str = "region",
                  limit: int = 15) -> pd.DataFrame:
    """The highest-tension white zones in the themes and territories of the investor's active programmes (where
    it could act next)."""
    m = need_matrix(store, snapshot_id, level=level)
    mine = store.rows(  # the cells its active programmes reach (investor_reach, from programme_reach)
        "SELECT DISTINCT CASE WHEN ? = 'region' THEN t.region_key ELSE t.key END, r.thematique "
        "FROM investor_reach r JOIN territoires t ON t.key = r.territoire WHERE r.snapshot_id = ? AND r.investisseur = ?",
        [level, snapshot_id, investisseur])
    return within_reach(m, {r[1] for r in mine}, {r[0] for r in mine}, limit)


def within_reach(matrix: pd.DataFrame, thematiques, territoires, limit: int = 15) -> pd.DataFrame:
    """The white zones of ``matrix`` within an investor's reach: in one of its themes or one of its territories,
    the highest tension first."""
    out = matrix[matrix["zone_blanche"] & (matrix["thematique"].isin(set(thematiques))
                                           | matrix["territoire"].isin(set(territoires)))]
    return out.sort_values("tension", ascending=False).head(limit).reset_index(drop=True)
