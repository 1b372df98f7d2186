"""Evolution: what changed between two snapshots (needs, programmes, white zones, commitments)."""
from __future__ import annotations

import pandas as pd

from inventory.store import Store
from inventory.analysis.base import ALL, NeedFilter, check_level, level_expr
from inventory.analysis.coverage import need_matrix
from inventory.analysis.followup import commitment_rows


def compare_needs(store: Store, before: int, after: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """territoire, nom, thematique, acteurs/score before and after, and their differences; biggest moves first."""
    check_level(level)
    where, params = needs.sql("a")
    sql = f"""
    WITH x AS (
        SELECT a.snapshot_id, {level_expr(level, 'a')} AS territoire, a.thematique,
               sum(a.acteurs)::BIGINT AS acteurs, sum(a.score)::BIGINT AS score
        FROM need_agg a WHERE a.snapshot_id IN (?, ?) {where} GROUP BY ALL
    )
    SELECT coalesce(b.territoire, a.territoire) AS territoire, t.nom, coalesce(b.thematique, a.thematique) AS thematique,
           coalesce(b.acteurs, 0) AS acteurs_avant, coalesce(a.acteurs, 0) AS acteurs_apres,
           coalesce(a.acteurs, 0) - coalesce(b.acteurs, 0) AS ecart_acteurs,
           coalesce(b.score, 0) AS score_avant, coalesce(a.score, 0) AS score_apres,
           coalesce(a.score, 0) - coalesce(b.score, 0) AS ecart_score
    FROM (SELECT * FROM x WHERE snapshot_id = ?) b
    FULL JOIN (SELECT * FROM x WHERE snapshot_id = ?) a ON a.territoire = b.territoire AND a.thematique = b.thematique
    JOIN territoires t ON t.key = coalesce(b.territoire, a.territoire)
    ORDER BY abs(ecart_score) DESC, territoire, thematique
    """
    return store.read(sql, [before, after, *params, before, after])


# The kinds of programme change between two snapshots, in the order pages count them. Each programme of either
# snapshot that changed is in exactly one: added (new row), started (was there, not active, now active), ended
# (was active, no longer), removed (row gone), changed (same activity, other details). So the active
# programmes add up: active after = active before + added active + started − ended − removed active.
PROGRAMME_CHANGES = ("ajouté", "démarré", "terminé", "retiré", "modifié")


def compare_programmes(store: Store, before: int, after: int) -> pd.DataFrame:
    """id, nom, changement (one of ``PROGRAMME_CHANGES``), actif_avant, actif_apres (at each snapshot's date; None
    where the programme is absent), fin_avant, fin_apres between two snapshots."""
    return store.read(
        """
        WITH b AS (SELECT * FROM programme_activity WHERE snapshot_id = ?),
             a AS (SELECT * FROM programme_activity WHERE snapshot_id = ?)
        SELECT coalesce(a.id, b.id) AS id, coalesce(a.nom, b.nom) AS nom,
               CASE WHEN b.id IS NULL THEN 'ajouté'
                    WHEN a.id IS NULL THEN 'retiré'
                    WHEN b.actif AND NOT a.actif THEN 'terminé'
                    WHEN a.actif AND NOT b.actif THEN 'démarré'
                    ELSE 'modifié' END AS changement,
               b.actif AS actif_avant, a.actif AS actif_apres, b.date_fin AS fin_avant, a.date_fin AS fin_apres
        FROM b FULL JOIN a ON a.id = b.id
        WHERE b.id IS NULL OR a.id IS NULL OR b.actif <> a.actif
           OR (a.nom, a.investisseurs, a.phase, a.nature, a.thematiques, a.territoires, a.publics, a.budget_eur,
               a.date_debut, a.date_fin, a.odd) IS DISTINCT FROM
              (b.nom, b.investisseurs, b.phase, b.nature, b.thematiques, b.territoires, b.publics, b.budget_eur,
               b.date_debut, b.date_fin, b.odd)
        ORDER BY changement, id
        """,
        [before, after],
    )


def programme_change_counts(store: Store, before: int, after: int) -> dict[str, int]:
    """How many programmes of each kind of ``PROGRAMME_CHANGES``, with ``actifs_avant`` and ``actifs_apres`` (active
    programmes at each date), which they explain: actifs_apres − actifs_avant = ajoutés actifs + démarrés −
    terminés − retirés actifs. Home, Évolution and the report all count from here."""
    changes = compare_programmes(store, before, after)
    counted = changes["changement"].value_counts()
    out = {kind: int(counted.get(kind, 0)) for kind in PROGRAMME_CHANGES}
    active = dict(store.rows("SELECT snapshot_id, count(*) FROM active_programmes WHERE snapshot_id IN (?, ?) "
                             "GROUP BY ALL", [before, after]))
    return out | {"actifs_avant": int(active.get(before, 0)), "actifs_apres": int(active.get(after, 0))}


def compare_white_zones(store: Store, before: int, after: int, *, level: str = "region",
                        needs: NeedFilter = ALL) -> pd.DataFrame:
    """White zones closed (white before, not after) and opened (white after, not before) between two snapshots:
    territoire, nom, thematique, changement ('fermée' or 'ouverte'), score and part_couverte before and after."""
    keep = ["territoire", "nom", "thematique", "score", "part_couverte", "zone_blanche"]
    was = need_matrix(store, before, level=level, needs=needs)[keep]
    now = need_matrix(store, after, level=level, needs=needs)[keep]
    both = was.merge(now, on=["territoire", "nom", "thematique"], how="outer", suffixes=("_avant", "_apres"))
    white_before = both["zone_blanche_avant"].astype("boolean").fillna(False).astype(bool)
    white_after = both["zone_blanche_apres"].astype("boolean").fillna(False).astype(bool)
    changed = (white_before != white_after).to_numpy()
    out = both[changed].assign(changement=["ouverte" if w else "fermée" for w in white_after[changed]])
    out = out[["territoire", "nom", "thematique", "changement", "score_avant", "score_apres",
               "part_couverte_avant", "part_couverte_apres"]]
    return out.sort_values(["changement", "score_apres", "score_avant"], ascending=[False, False, False],
                           kind="stable").reset_index(drop=True)


def compare_commitments(store: Store, before: int, after: int) -> pd.DataFrame:
    """Commitments between two snapshots (matched by id, else by investors, themes and territories): id,
    investisseurs, thematiques, territoires, statut_avant, statut_apres, en_retard (after), changement: tenu
    (now réalisé), abandonne (now abandonné), en_retard (late after), nouveau, retire, or en_cours (still open, on time)."""
    b_rows, _ = commitment_rows(before)
    a_rows, _ = commitment_rows(after)
    return store.read(
        f"""
        WITH b AS ({b_rows}), a AS ({a_rows}),
        bk AS (SELECT *, coalesce(id, array_to_string(investisseurs, ';') || '|' || array_to_string(thematiques, ';')
                                   || '|' || array_to_string(territoires, ';')) AS k FROM b),
        ak AS (SELECT *, coalesce(id, array_to_string(investisseurs, ';') || '|' || array_to_string(thematiques, ';')
                                   || '|' || array_to_string(territoires, ';')) AS k FROM a)
        SELECT coalesce(ak.id, bk.id) AS id, coalesce(ak.investisseurs, bk.investisseurs) AS investisseurs,
               coalesce(ak.thematiques, bk.thematiques) AS thematiques,
               coalesce(ak.territoires, bk.territoires) AS territoires,
               bk.statut AS statut_avant, ak.statut AS statut_apres, coalesce(ak.en_retard, false) AS en_retard,
               CASE WHEN bk.k IS NULL THEN 'nouveau'
                    WHEN ak.k IS NULL THEN 'retire'
                    WHEN ak.statut = 'realise' THEN 'tenu'
                    WHEN ak.statut = 'abandonne' THEN 'abandonne'
                    WHEN ak.en_retard THEN 'en_retard'
                    ELSE 'en_cours' END AS changement
        FROM bk FULL JOIN ak ON ak.k = bk.k
        ORDER BY changement, id
        """,
        [before, after],
    )
