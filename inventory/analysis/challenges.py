"""The three challenges: audiences side by side, and the SDGs (programmes, needs, declared results)."""
from __future__ import annotations

import pandas as pd

from inventory.store import Store
from inventory.analysis.collective import ACTIVE_FUNDERS


AUDIENCE_GROUPS = {"association": "Associations", "tpe_pme": "TPE / PME", "collectivite": "Collectivités"}


def programmes_by_audience(store: Store, snapshot_id: int) -> pd.DataFrame:
    """thematique, public (association, tpe_pme, collectivite), programmes: active programmes offered to each
    audience, theme by theme (a programme with no audience listed is open to all)."""
    return store.read(
        """
        WITH p AS (SELECT id, thematiques, publics FROM active_programmes WHERE snapshot_id = ?),
        aud AS (SELECT unnest(?::VARCHAR[]) AS public)
        SELECT th.thematique, aud.public, count(DISTINCT p.id) AS programmes
        FROM p, aud, (SELECT DISTINCT unnest(thematiques) AS thematique FROM p) th
        WHERE list_contains(p.thematiques, th.thematique) AND (len(p.publics) = 0 OR list_contains(p.publics, aud.public))
        GROUP BY ALL ORDER BY th.thematique, aud.public
        """,
        [snapshot_id, list(AUDIENCE_GROUPS)],
    )


def sdg_coverage(store: Store, snapshot_id: int) -> pd.DataFrame:
    """odd (1–17), programmes and investisseurs (active programmes citing it, their distinct investors),
    besoins (signals citing it) — every goal listed, even at zero."""
    return store.read(
        """
        WITH g AS (SELECT range AS odd FROM range(1, 18)),
        p AS (SELECT id, unnest(odd) AS odd, investisseurs FROM active_programmes WHERE snapshot_id = ?),
        pi AS (SELECT odd, unnest(investisseurs) AS inv FROM p),
        b AS (SELECT unnest(odd) AS odd FROM besoins WHERE snapshot_id = ?)
        SELECT g.odd,
               (SELECT count(DISTINCT id) FROM p WHERE p.odd = g.odd) AS programmes,
               (SELECT count(DISTINCT inv) FROM pi WHERE pi.odd = g.odd) AS investisseurs,
               (SELECT count(*) FROM b WHERE b.odd = g.odd) AS besoins
        FROM g ORDER BY g.odd
        """,
        [snapshot_id, snapshot_id],
    )


def investor_sdgs(store: Store, snapshot_id: int) -> pd.DataFrame:
    """investisseur, nom, odd, programmes (active programmes of the investor citing the goal)."""
    return store.read(
        f"""
        WITH p AS (SELECT a.id, unnest(a.invs) AS inv, p.odd FROM ({ACTIVE_FUNDERS}) a
                   JOIN programmes p ON p.snapshot_id = ? AND p.id = a.id)
        SELECT x.inv AS investisseur, i.nom, x.odd, count(*) AS programmes
        FROM (SELECT inv, unnest(odd) AS odd FROM p) x JOIN investisseurs i ON i.snapshot_id = ? AND i.id = x.inv
        GROUP BY ALL ORDER BY investisseur, odd
        """,
        [snapshot_id, snapshot_id, snapshot_id],
    )


def results_by_sdg(store: Store, snapshot_id: int) -> pd.DataFrame:
    """odd (1–17, every goal listed), resultats, beneficiaires, montant_verse_eur: declared results under the
    result's own SDGs, else its programme's."""
    return store.read(
        """
        WITH r AS (
            SELECT unnest(CASE WHEN len(r.odd) > 0 THEN r.odd ELSE coalesce(p.odd, []) END) AS odd,
                   r.beneficiaires, r.montant_verse_eur
            FROM realisations r LEFT JOIN programmes p ON p.snapshot_id = r.snapshot_id AND p.id = r.programme
            WHERE r.snapshot_id = ?
        )
        SELECT g.range AS odd, count(r.odd) AS resultats, coalesce(sum(r.beneficiaires), 0)::BIGINT AS beneficiaires,
               sum(r.montant_verse_eur) AS montant_verse_eur
        FROM range(1, 18) g LEFT JOIN r ON r.odd = g.range
        GROUP BY g.range ORDER BY g.range
        """,
        [snapshot_id],
    )
