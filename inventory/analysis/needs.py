"""Where the needs are: counts at a glance, the themes that stand out, needs by territory and theme."""
from __future__ import annotations

import pandas as pd

from inventory.store import Store
from inventory.analysis.base import ALL, NeedFilter, check_level, level_expr


def counts(store: Store, snapshot_id: int) -> dict[str, int]:
    """Counts at a glance: need signals, actors, programmes (all rows), active programmes (at the snapshot's
    date: the "now" figure), investors, territories."""
    row = store.rows(
        """
        SELECT s.n_besoins, s.n_programmes, s.n_investisseurs,
               (SELECT coalesce(sum(acteurs), 0) FROM need_agg WHERE snapshot_id = s.id),
               (SELECT count(DISTINCT territoire) FROM need_agg WHERE snapshot_id = s.id),
               (SELECT count(*) FROM active_programmes a WHERE a.snapshot_id = s.id)
        FROM snapshots s WHERE s.id = ?
        """,
        [snapshot_id],
    )
    if not row:
        return {}
    b, p, i, a, t, active = row[0]
    return {"besoins": int(b or 0), "programmes": int(p or 0), "investisseurs": int(i or 0), "acteurs": int(a),
            "territoires": int(t), "programmes_actifs": int(active)}


def top_needs(store: Store, snapshot_id: int, *, n: int = 3) -> pd.DataFrame:
    """The themes that stand out: highest score nationally, with their share of all needs and where they peak."""
    return store.read(
        """
        WITH th AS (
            SELECT thematique, sum(acteurs)::BIGINT AS acteurs, sum(score)::BIGINT AS score FROM need_agg
            WHERE snapshot_id = ? GROUP BY thematique
        ), peak AS (
            SELECT thematique, arg_max(region_key, s) AS territoire FROM (
                SELECT thematique, region_key, sum(score) AS s FROM need_agg WHERE snapshot_id = ?
                GROUP BY ALL) GROUP BY thematique
        )
        SELECT th.thematique, l.libelle, th.acteurs, th.score,
               100.0 * th.score / sum(th.score) OVER () AS part, th.score / th.acteurs AS intensite_moyenne,
               peak.territoire AS territoire_max, t.nom AS territoire_max_nom
        FROM th JOIN peak USING (thematique) JOIN territoires t ON t.key = peak.territoire
        LEFT JOIN thematiques l ON l.snapshot_id = ? AND l.code = th.thematique
        ORDER BY th.score DESC LIMIT ?
        """,
        [snapshot_id, snapshot_id, snapshot_id, n],
    )


def themes(store: Store, snapshot_id: int) -> pd.DataFrame:
    """code, libelle of the snapshot's themes, in order."""
    return store.read("SELECT code, libelle FROM thematiques WHERE snapshot_id = ? ORDER BY ordre", [snapshot_id])


def sectors(store: Store, snapshot_id: int) -> list[str]:
    return [r[0] for r in store.rows(
        "SELECT DISTINCT secteur FROM need_agg WHERE snapshot_id = ? AND secteur IS NOT NULL ORDER BY 1", [snapshot_id])]


def need_rows(store: Store, snapshot_id: int, territoire: str, *, level: str = "region", needs: NeedFilter = ALL,
              limit: int = 1000) -> pd.DataFrame:
    """The need signals behind a territory's row at ``level``, largest first: at region level a region includes
    its départements; at département level a region row holds only the needs entered for the whole region."""
    check_level(level)
    where, params = needs.sql("b")
    with_departements = level == "region"
    return store.read(
        f"""
        SELECT b.territoire, t.nom, b.source, b.thematique, b.intensite, b.nb_acteurs,
               b.nb_acteurs * b.intensite AS score, b.public, b.secteur, b.date, b.description, b.id
        FROM besoins b JOIN territoires t ON t.key = b.territoire
        WHERE b.snapshot_id = ? {where} AND b.territoire IN (  -- a handful of keys, then a semi-join
            SELECT key FROM territoires WHERE key = ? OR (? AND level = 'departement' AND region_key = ?))
        ORDER BY score DESC, b.id LIMIT ?
        """,
        [snapshot_id, *params, territoire, with_departements, territoire, limit],
    )


def needs_by_territory(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """territoire, nom, acteurs, score, intensite_moyenne summed over themes."""
    where, params = needs.sql("a")
    return store.read(
        f"""
        SELECT {level_expr(level, 'a')} AS territoire, t.nom, sum(a.acteurs)::BIGINT AS acteurs, sum(a.score)::BIGINT AS score,
               sum(a.score) / sum(a.acteurs) AS intensite_moyenne
        FROM need_agg a JOIN territoires t ON t.key = {level_expr(level, 'a')}
        WHERE a.snapshot_id = ? {where} GROUP BY ALL ORDER BY score DESC
        """,
        [snapshot_id, *params],
    )


def needs_by_theme(store: Store, snapshot_id: int, *, needs: NeedFilter = ALL) -> pd.DataFrame:
    where, params = needs.sql("a")
    return store.read(
        f"""
        SELECT a.thematique, sum(a.acteurs)::BIGINT AS acteurs, sum(a.score)::BIGINT AS score,
               sum(a.score) / sum(a.acteurs) AS intensite_moyenne
        FROM need_agg a WHERE a.snapshot_id = ? {where} GROUP BY ALL ORDER BY score DESC
        """,
        [snapshot_id, *params],
    )
