"""Follow-through: commitments (late, joint, reaching white zones) and declared results."""
from __future__ import annotations

import pandas as pd

from inventory.models import STATUTS, Engagement
from inventory.store import Store
from inventory.analysis.base import ALL, LEVEL_CELLS, NeedFilter, check_level, level_expr, levels_sql
from inventory.analysis.coverage import white_zones


def commitment_rows(snapshot_id: int) -> tuple[str, list]:
    """SQL of the snapshot's commitments with their decision date (the snapshot's date by default), whether
    they are late, and how many distinct investors made them."""
    return """
        SELECT e.ordre, e.id, e.investisseurs, e.thematiques, e.territoires, e.statut, e.montant_eur,
               coalesce(e.date, s.as_of) AS date, e.echeance, e.programme, e.session, e.description,
               e.echeance IS NOT NULL AND e.echeance < s.as_of AND is_open(e.statut) AS en_retard,
               len(list_distinct(e.investisseurs)) AS nb_investisseurs
        FROM engagements e JOIN snapshots s ON s.id = e.snapshot_id
        WHERE e.snapshot_id = ?
    """, [snapshot_id]


def commitment_key(alias: str) -> str:
    """SQL naming one commitment across snapshots: its id, else its natural key (``Engagement.natural_key``: its
    investors, themes and territories; a commitment may lack an id)."""
    lists = " || '|' || ".join(f"array_to_string({alias}.{c}, ';')" for c in Engagement.natural_key)
    return f"coalesce({alias}.id, {lists})"


def commitments(store: Store, snapshot_id: int) -> pd.DataFrame:
    """One row per commitment, late ones first then by due date: ordre, id, investisseurs, noms_investisseurs,
    thematiques, territoires (resolved codes), statut, montant_eur, date, echeance, en_retard, programme,
    session, description, nb_investisseurs, conjoint (≥ 2 distinct investors), zones_blanches (the white zones at
    region level it reaches: a list of {territoire, thematique})."""
    rows, params = commitment_rows(snapshot_id)
    out = store.read(
        f"""
        WITH e AS ({rows}),
        x AS (SELECT e.ordre, unnest(e.investisseurs) AS inv, generate_subscripts(e.investisseurs, 1) AS pos,
                     e.investisseurs AS invs FROM e),
        names AS (  -- each investor once, in the order typed
            SELECT x.ordre, string_agg(coalesce(i.nom, x.inv), ' ; ' ORDER BY x.pos) AS noms_investisseurs
            FROM x LEFT JOIN investisseurs i ON i.snapshot_id = ? AND i.id = x.inv
            WHERE list_position(x.invs, x.inv) = x.pos GROUP BY x.ordre
        )
        SELECT e.*, names.noms_investisseurs, e.nb_investisseurs >= 2 AS conjoint
        FROM e LEFT JOIN names USING (ordre)
        ORDER BY e.en_retard DESC, e.echeance NULLS LAST, e.ordre
        """,
        [*params, snapshot_id],
    )
    zones = _white_zones_reached(store, snapshot_id)
    out["zones_blanches"] = [zones.get(o, []) for o in out["ordre"]]
    return out


def _white_zones_reached(store: Store, snapshot_id: int) -> dict[int, list[dict[str, str]]]:
    """Commitment row (ordre) → the region-level white zones it reaches, in reference order."""
    white = white_zones(store, snapshot_id, level="region")
    if white.empty:
        return {}
    reached = store.read(
        f"""
        SELECT r.ordre, r.territoire, r.thematique FROM engagement_reach r JOIN territoires t ON t.key = r.territoire
        WHERE r.snapshot_id = ? AND t.level IN {levels_sql(LEVEL_CELLS['region'])} AND list_contains(?, r.territoire || '|' || r.thematique)
        ORDER BY r.ordre, t.ordre, r.thematique
        """,
        [snapshot_id, sorted(set(white["territoire"] + "|" + white["thematique"]))],
    )
    out: dict[int, list[dict[str, str]]] = {}
    for ordre, territoire, thematique in reached.itertuples(index=False, name=None):
        out.setdefault(int(ordre), []).append({"territoire": territoire, "thematique": thematique})
    return out


def commitments_by_status(store: Store, snapshot_id: int) -> pd.DataFrame:
    """statut (every status, in the contract's order), engagements, montant_eur, en_retard: the board's counts."""
    rows, params = commitment_rows(snapshot_id)
    got = store.read(
        f"""
        WITH e AS ({rows})
        SELECT statut, count(*) AS engagements, coalesce(sum(montant_eur), 0) AS montant_eur,
               count(*) FILTER (WHERE en_retard) AS en_retard
        FROM e GROUP BY statut
        """,
        params,
    ).set_index("statut")
    out = got.reindex(list(STATUTS)).fillna(0).rename_axis("statut").reset_index()
    return out.astype({"engagements": "int64", "en_retard": "int64", "montant_eur": "float64"})


def alliance_premium(store: Store, snapshot_id: int) -> dict[str, float | int | None]:
    """engagements, conjoints (made by ≥ 2 distinct investors), part_engagements (0–1, None without any),
    montant_eur, montant_conjoint, part_montant (0–1, None when no amount is given)."""
    rows, params = commitment_rows(snapshot_id)
    n, joint, amount, joint_amount = store.rows(
        f"""
        WITH e AS ({rows})
        SELECT count(*), count(*) FILTER (WHERE nb_investisseurs >= 2), coalesce(sum(montant_eur), 0),
               coalesce(sum(montant_eur) FILTER (WHERE nb_investisseurs >= 2), 0)
        FROM e
        """,
        params,
    )[0]
    return {"engagements": int(n), "conjoints": int(joint), "part_engagements": joint / n if n else None,
            "montant_eur": float(amount), "montant_conjoint": float(joint_amount),
            "part_montant": joint_amount / amount if amount else None}


def result_cells(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """Actors in need → actors reached, per territory × theme with needs or results (declared figures):
    territoire, nom, thematique, acteurs, beneficiaires, taux_atteinte (beneficiaires / acteurs, None without
    needs), montant_verse_eur. Results roll up like needs: a département's count for its region."""
    check_level(level)
    where, params = needs.sql("a")
    theme_where, theme_params = "", []
    if needs.thematiques:
        theme_where = f" AND r.thematique IN ({', '.join('?' * len(needs.thematiques))})"
        theme_params = list(needs.thematiques)
    return store.read(
        f"""
        WITH n AS (
            SELECT {level_expr(level, 'a')} AS territoire, a.thematique, sum(a.acteurs)::BIGINT AS acteurs
            FROM need_agg a WHERE a.snapshot_id = ? {where} GROUP BY ALL
        ), r AS (
            SELECT {level_expr(level, 'r')} AS territoire, r.thematique, sum(r.beneficiaires)::BIGINT AS beneficiaires,
                   sum(r.montant_verse_eur) AS montant_verse_eur
            FROM result_agg r WHERE r.snapshot_id = ? {theme_where} GROUP BY ALL
        )
        SELECT coalesce(n.territoire, r.territoire) AS territoire, t.nom,
               coalesce(n.thematique, r.thematique) AS thematique, coalesce(n.acteurs, 0)::BIGINT AS acteurs,
               coalesce(r.beneficiaires, 0)::BIGINT AS beneficiaires,
               CASE WHEN coalesce(n.acteurs, 0) > 0 THEN coalesce(r.beneficiaires, 0) / n.acteurs END AS taux_atteinte,
               r.montant_verse_eur
        FROM n FULL JOIN r ON n.territoire = r.territoire AND n.thematique = r.thematique
        JOIN territoires t ON t.key = coalesce(n.territoire, r.territoire)
        ORDER BY t.ordre, thematique
        """,
        [snapshot_id, *params, snapshot_id, *theme_params],
    )


def disbursed_by_programme(store: Store, snapshot_id: int) -> pd.DataFrame:
    """Programmes with declared results: id, nom, actif (at the snapshot's date), budget_eur, montant_verse_eur,
    part_versee (None without a budget), beneficiaires, resultats; largest disbursement first."""
    return store.read(
        """
        WITH r AS (
            SELECT programme, sum(montant_verse_eur) AS montant_verse_eur, sum(beneficiaires)::BIGINT AS beneficiaires,
                   count(*) AS resultats
            FROM realisations WHERE snapshot_id = ? GROUP BY programme
        )
        SELECT p.id, p.nom,
               p.actif,
               p.budget_eur, r.montant_verse_eur,
               CASE WHEN p.budget_eur > 0 THEN r.montant_verse_eur / p.budget_eur END AS part_versee,
               r.beneficiaires, r.resultats
        FROM r JOIN programme_activity p ON p.snapshot_id = ? AND p.id = r.programme
        ORDER BY r.montant_verse_eur DESC NULLS LAST, p.id
        """,
        [snapshot_id, snapshot_id],
    )


def disbursed_by_investor(store: Store, snapshot_id: int) -> pd.DataFrame:
    """investisseur, nom, budget_eur, montant_verse_eur, part_versee over the programmes with declared results;
    each programme's budget and disbursement split equally between its distinct investors, so investors add up
    to the programmes' totals."""
    return store.read(
        """
        WITH r AS (
            SELECT programme, sum(montant_verse_eur) AS verse FROM realisations WHERE snapshot_id = ? GROUP BY programme
        ), shares AS (
            SELECT unnest(list_distinct(p.investisseurs)) AS inv, p.budget_eur / len(list_distinct(p.investisseurs)) AS budget,
                   r.verse / len(list_distinct(p.investisseurs)) AS verse
            FROM r JOIN programmes p ON p.snapshot_id = ? AND p.id = r.programme
        )
        SELECT s.inv AS investisseur, i.nom, sum(s.budget) AS budget_eur, sum(s.verse) AS montant_verse_eur,
               CASE WHEN sum(s.budget) > 0 THEN sum(s.verse) / sum(s.budget) END AS part_versee
        FROM shares s LEFT JOIN investisseurs i ON i.snapshot_id = ? AND i.id = s.inv
        GROUP BY ALL ORDER BY montant_verse_eur DESC NULLS LAST, investisseur
        """,
        [snapshot_id, snapshot_id, snapshot_id],
    )


def followup_summary(store: Store, snapshot_id: int) -> dict[str, float | int | None]:
    """The home page's two lines: engagements, en_retard; acteurs, beneficiaires and taux_atteinte (declared,
    over the whole inventory; None without needs)."""
    rows, params = commitment_rows(snapshot_id)
    n, late, actors, reached = store.rows(
        f"""
        WITH e AS ({rows})
        SELECT (SELECT count(*) FROM e), (SELECT count(*) FROM e WHERE en_retard),
               (SELECT coalesce(sum(acteurs), 0) FROM need_agg WHERE snapshot_id = ?),
               (SELECT coalesce(sum(beneficiaires), 0) FROM result_agg WHERE snapshot_id = ?)
        """,
        [*params, snapshot_id, snapshot_id],
    )[0]
    return {"engagements": int(n), "en_retard": int(late), "acteurs": int(actors), "beneficiaires": int(reached),
            "taux_atteinte": reached / actors if actors else None}
