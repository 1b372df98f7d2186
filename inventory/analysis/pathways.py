"""Pathways: the steps (phases, kinds of support) reaching each cell with needs, and its missing link."""
from __future__ import annotations

import pandas as pd

from inventory.store import Store
from inventory.analysis.base import NeedFilter, check_level, level_expr
from inventory.analysis.catalogue import ProgrammeFilter, programmes


# Kinds of support along a pathway: money, and the accompaniment that makes it land ("autre" is neither).
MONEY = ("subvention", "pret", "garantie", "mecenat_competences")


ACCOMPANIMENT = ("accompagnement", "formation", "outil")


# The missing links, in the order a cell reports them (the first that applies is its ``maillon_manquant``).
MISSING_LINKS = ("urgence_sans_suite", "argent_sans_accompagnement", "accompagnement_sans_argent")


def _pathway_steps(snapshot_id: int, level: str, source: str | None) -> tuple[str, list]:
    """SQL CTEs ``cells`` (the need rows' territories with their actors and score) and ``steps`` (each cell ×
    active programme of its theme reaching one of its need rows, once), read off the store's programme_reach."""
    where, params = NeedFilter(source=source).sql("a")
    cell = level_expr(level, "c")
    return f"""cells AS (
        SELECT a.territoire, a.region_key, a.thematique, sum(a.acteurs) AS acteurs, sum(a.score) AS score
        FROM need_agg a WHERE a.snapshot_id = ? {where} GROUP BY ALL
    ), hits AS (  -- (cell, programme) once, for the active programmes reaching one of the cell's need rows
        SELECT DISTINCT {cell} AS territoire, c.thematique, r.programme_id AS id
        FROM programme_reach r JOIN cells c ON c.territoire = r.territoire AND c.thematique = r.thematique
        WHERE r.snapshot_id = ? AND r.reaches_need
    ), steps AS (  -- phases and natures joined after the DISTINCT (no DISTINCT over lists)
        SELECT h.territoire, h.thematique, h.id, p.phase, p.nature
        FROM hits h JOIN programmes p ON p.snapshot_id = ? AND p.id = h.id
    )""", [snapshot_id, *params, snapshot_id, snapshot_id]


def pathways(store: Store, snapshot_id: int, *, level: str = "region", source: str | None = None) -> pd.DataFrame:
    """One row per cell with needs: the steps of the pathway that reach it and the missing link, if any.

    The steps are the active programmes with the cell's theme that reach at least one of its need rows (a
    département's need is reached from FR, its region or itself; a region's from FR or itself; a national one
    from FR). Columns: territoire, nom, thematique, acteurs, score, programmes, phases and natures (the distinct
    phases and support types present, as lists), urgence, relance, structurel (programmes of each phase),
    argent, accompagnement (programmes giving each kind of support), the three
    missing-link flags of ``MISSING_LINKS`` and ``maillon_manquant`` (the first that applies, else None). A cell
    no programme reaches is a white zone, not a missing link."""
    check_level(level)
    steps, params = _pathway_steps(snapshot_id, level, source)
    sql = f"""
    WITH {steps}, n AS (
        SELECT {level_expr(level, "c")} AS territoire, c.thematique, sum(c.acteurs)::BIGINT AS acteurs,
               sum(c.score)::BIGINT AS score
        FROM cells c GROUP BY ALL
    ), k AS (
        SELECT territoire, thematique, count(*) AS programmes,
               count(*) FILTER (WHERE phase = 'urgence') AS urgence,
               count(*) FILTER (WHERE phase = 'relance') AS relance,
               count(*) FILTER (WHERE phase = 'structurel') AS structurel,
               count(*) FILTER (WHERE len(list_intersect(nature, ?)) > 0) AS argent,
               count(*) FILTER (WHERE len(list_intersect(nature, ?)) > 0) AS accompagnement,
               list_sort(list_distinct(list(phase))) AS phases, list_sort(list_distinct(flatten(list(nature)))) AS natures
        FROM steps GROUP BY ALL
    )
    SELECT n.territoire, t.nom, n.thematique, n.acteurs, n.score,
           coalesce(k.programmes, 0)::BIGINT AS programmes, coalesce(k.phases, []) AS phases,
           coalesce(k.natures, []) AS natures, coalesce(k.urgence, 0)::BIGINT AS urgence,
           coalesce(k.relance, 0)::BIGINT AS relance, coalesce(k.structurel, 0)::BIGINT AS structurel,
           coalesce(k.argent, 0)::BIGINT AS argent, coalesce(k.accompagnement, 0)::BIGINT AS accompagnement
    FROM n LEFT JOIN k USING (territoire, thematique) JOIN territoires t ON t.key = n.territoire
    ORDER BY t.ordre, n.thematique
    """
    out = store.read(sql, [*params, list(MONEY), list(ACCOMPANIMENT)])
    out["urgence_sans_suite"] = (out["urgence"] > 0) & (out["relance"] == 0) & (out["structurel"] == 0)
    out["argent_sans_accompagnement"] = (out["argent"] > 0) & (out["accompagnement"] == 0)
    out["accompagnement_sans_argent"] = (out["accompagnement"] > 0) & (out["argent"] == 0)
    first = pd.Series([None] * len(out), index=out.index, dtype=object)
    for code in reversed(MISSING_LINKS):
        first = first.mask(out[code], code)
    out["maillon_manquant"] = first
    return out


def missing_links(store: Store, snapshot_id: int, *, level: str = "region", source: str | None = None) -> pd.DataFrame:
    """The cells with a missing link, the largest need first (the ranked list beside the heatmap)."""
    p = pathways(store, snapshot_id, level=level, source=source)
    out = p[p["maillon_manquant"].notna()]
    return out.sort_values(["score", "acteurs"], ascending=False).reset_index(drop=True)


def pathway_programmes(store: Store, snapshot_id: int, territoire: str, thematique: str, *, level: str = "region",
                       source: str | None = None) -> pd.DataFrame:
    """The steps of one cell's pathway: the active programmes counted by ``pathways`` for that cell, as the
    catalogue lists them (id, nom, phase, investisseurs, nature, territoires, …), by phase then id."""
    check_level(level)
    steps, params = _pathway_steps(snapshot_id, level, source)
    ids = [r[0] for r in store.rows(
        f"WITH {steps} SELECT DISTINCT id FROM steps WHERE territoire = ? AND thematique = ?",
        [*params, territoire, thematique])]
    catalogue = programmes(store, snapshot_id, ProgrammeFilter(thematique=thematique))
    out = catalogue[catalogue["id"].isin(ids)]
    order = {phase: k for k, phase in enumerate(("urgence", "relance", "structurel"))}
    return out.sort_values(["phase", "id"], key=lambda c: c.map(order) if c.name == "phase" else c).reset_index(drop=True)
