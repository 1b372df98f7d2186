"""The numbers of the views, computed in SQL over the per-snapshot aggregate tables (their definitions in words:
texts.FORMULAS, listed on the Méthode page).

Every function takes the ``Store`` and a snapshot id and returns a small DataFrame of exact numbers (ratios
unrounded: rounding is for display). The rules they share live once in the store's schema: ``active_at``
(a programme active at the snapshot's date), ``territory_reach`` (which territories a programme reaches, and
whose need rows), ``coverage.atteint`` (a cell's own need rows are reached). The sentence explaining each
number is ``texts.FORMULAS``, shown beside it and on the Méthode page.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from inventory import texts as T
from inventory.models import STATUTS
from inventory.parsing import LIST_SEPARATOR
from inventory.store import Store

LEVELS = ("region", "departement")
SEP = f"'{LIST_SEPARATOR}'"  # the list separator as a SQL literal
# the territory levels whose cells a level shows: at département level a region row holds its own needs only
LEVEL_CELLS = {"region": "('pays', 'region')", "departement": "('pays', 'region', 'departement')"}


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


def _level_expr(level: str, alias: str = "") -> str:
    a = f"{alias}." if alias else ""
    return f"{a}region_key" if level == "region" else f"{a}territoire"


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")


def need_matrix(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """One row per territory × theme with needs or coverage: the numbers ``matrix`` prints.

    Columns: territoire, nom, thematique, acteurs, score, intensite_moyenne, programmes, tension,
    zone_blanche, investisseurs, score_couvert, part_couverte, alliance, then the follow-through's engagements,
    beneficiaires, taux_atteinte (``_with_followup``). ``programmes`` counts the programmes
    in the territory; ``score_couvert`` the score of the need rows they actually reach (so a region whose only
    programme sits in another département than its need is a white zone); ``part_couverte`` = score_couvert /
    score (none without needs).
    """
    _check_level(level)
    where, params = needs.sql("a")
    theme_where, theme_params = ("", [])
    if needs.thematiques:
        theme_where = f" AND c.thematique IN ({', '.join('?' * len(needs.thematiques))})"
        theme_params = list(needs.thematiques)
    own_levels = "('pays', 'region')" if level == "region" else "('pays', 'departement')"
    sql = f"""
    WITH n AS (
        SELECT {_level_expr(level, 'a')} AS territoire, a.thematique,
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
          AND (t.level IN {own_levels} OR c.territoire IN (SELECT territoire FROM n))
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


def counts(store: Store, snapshot_id: int) -> dict[str, int]:
    """Counts at a glance: need signals, actors, programmes (all rows), active programmes (at the snapshot's
    date: the "now" figure), investors, territories."""
    row = store.rows(
        """
        SELECT s.n_besoins, s.n_programmes, s.n_investisseurs,
               (SELECT coalesce(sum(acteurs), 0) FROM need_agg WHERE snapshot_id = s.id),
               (SELECT count(DISTINCT territoire) FROM need_agg WHERE snapshot_id = s.id),
               (SELECT count(*) FROM programmes p WHERE p.snapshot_id = s.id
                  AND active_at(p.date_debut, p.date_fin, s.as_of))
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
    _check_level(level)
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


@dataclass(frozen=True)
class ProgrammeFilter:
    phase: str | None = None
    investisseur: str | None = None
    thematique: str | None = None
    territoire: str | None = None  # programmes reaching this territory
    public: str | None = None
    nature: str | None = None
    actif_le: dt.date | None = None


def programmes(store: Store, snapshot_id: int, f: ProgrammeFilter = ProgrammeFilter()) -> pd.DataFrame:
    """The programme catalogue with filters; lists joined for display; ``actif``: active at the snapshot's date
    (the catalogue lists ended and future programmes too, and says so)."""
    where, params = [], []
    if f.phase:
        where.append("p.phase = ?"); params.append(f.phase)
    if f.investisseur:
        where.append("list_contains(p.investisseurs, ?)"); params.append(f.investisseur)
    if f.thematique:
        where.append("list_contains(p.thematiques, ?)"); params.append(f.thematique)
    if f.public:
        where.append("(len(p.publics) = 0 OR list_contains(p.publics, ?))"); params.append(f.public)
    if f.nature:
        where.append("list_contains(p.nature, ?)"); params.append(f.nature)
    if f.actif_le:
        where.append("active_at(p.date_debut, p.date_fin, ?)")
        params.append(f.actif_le)
    if f.territoire:
        where.append("p.id IN (SELECT programme_id FROM reach WHERE snapshot_id = ? AND territoire = ?)")
        params += [snapshot_id, f.territoire]
    clause = (" AND " + " AND ".join(where)) if where else ""
    return store.read(
        f"""
        WITH sel AS (SELECT p.*, active_at(p.date_debut, p.date_fin, s.as_of) AS actif
                     FROM programmes p JOIN snapshots s ON s.id = p.snapshot_id WHERE p.snapshot_id = ? {clause}),
        x AS (  -- names of the selected programmes only; unnest in the select list (a LATERAL join: 30× slower)
            SELECT sel.id, unnest(sel.investisseurs) AS inv, generate_subscripts(sel.investisseurs, 1) AS pos
            FROM sel
        ), names AS (
            SELECT x.id, string_agg(coalesce(i.nom, x.inv), {SEP} ORDER BY x.pos) AS noms
            FROM x LEFT JOIN investisseurs i ON i.snapshot_id = ? AND i.id = x.inv
            GROUP BY x.id
        )
        SELECT p.id, p.nom, p.phase, names.noms AS investisseurs,
               len(list_distinct(p.investisseurs)) AS nb_investisseurs,
               array_to_string(p.thematiques, {SEP}) AS thematiques,
               array_to_string(p.territoires, {SEP}) AS territoires,
               array_to_string(p.publics, {SEP}) AS publics, array_to_string(p.nature, {SEP}) AS nature,
               p.budget_eur, p.date_debut, p.date_fin, p.actif,
               array_to_string(p.odd::VARCHAR[], {SEP}) AS odd, p.url, p.description
        FROM sel p LEFT JOIN names USING (id)
        ORDER BY p.id
        """,
        [snapshot_id, *params, snapshot_id],
    )


def programme_dates(store: Store, snapshot_id: int) -> tuple[dt.date, dt.date] | None:
    """The first and last dates at which the snapshot's set of active programmes changes (any start or end date),
    widened to the snapshot's own date. Before the first and after the last, the same programmes are active as at
    those dates: a date picker bounded by them offers every distinct answer and opens near the inventory."""
    row = store.rows(
        """
        SELECT least(min(p.date_debut), min(p.date_fin), any_value(s.as_of)),
               greatest(max(p.date_debut), max(p.date_fin), any_value(s.as_of))
        FROM snapshots s LEFT JOIN programmes p ON p.snapshot_id = s.id WHERE s.id = ?
        """,
        [snapshot_id],
    )
    return (row[0][0], row[0][1]) if row and row[0][0] else None


def programmes_reaching(store: Store, snapshot_id: int, territoire: str, *, thematique: str | None = None,
                        active_only: bool = True) -> pd.DataFrame:
    """Programmes that reach a territory (active at the snapshot's date unless told otherwise)."""
    as_of = store.rows("SELECT as_of FROM snapshots WHERE id = ?", [snapshot_id])
    return programmes(store, snapshot_id, ProgrammeFilter(
        territoire=territoire, thematique=thematique, actif_le=as_of[0][0] if (as_of and active_only) else None))


# --- playing together ---------------------------------------------------------------------------------
def investors(store: Store, snapshot_id: int) -> pd.DataFrame:
    """id, nom, type of each investor; ``programmes``: its active programmes; ``budget_eur``: its share of their
    budgets, each split equally between its distinct co-funders (so the column adds up to the active programmes'
    total); ``programmes_inactifs``: its programmes not active at the snapshot's date (ended or not started)."""
    return store.read(
        """
        WITH p AS (
            SELECT p.id, p.budget_eur, list_distinct(p.investisseurs) AS invs,
                   active_at(p.date_debut, p.date_fin, s.as_of) AS actif
            FROM programmes p JOIN snapshots s ON s.id = p.snapshot_id WHERE p.snapshot_id = ?
        ), x AS (SELECT unnest(invs) AS inv, id, actif, budget_eur / len(invs) AS part FROM p)
        SELECT i.id, i.nom, i.type, count(x.id) FILTER (WHERE x.actif) AS programmes,
               coalesce(sum(x.part) FILTER (WHERE x.actif), 0) AS budget_eur,
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
            SELECT p.id, unnest(list_distinct(p.investisseurs)) AS inv, p.thematiques FROM programmes p, snapshots s
            WHERE p.snapshot_id = ? AND s.id = p.snapshot_id AND active_at(p.date_debut, p.date_fin, s.as_of)
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
        """
        SELECT r.investisseur, i.nom, r.territoire, t.nom AS nom_territoire, count(DISTINCT r.thematique) AS thematiques
        FROM investor_reach r JOIN territoires t ON t.key = r.territoire
        JOIN investisseurs i ON i.snapshot_id = r.snapshot_id AND i.id = r.investisseur
        WHERE r.snapshot_id = ? AND t.level IN ('pays', 'region')
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
_ACTIVE_FUNDERS = """
    SELECT p.id, list_distinct(p.investisseurs) AS invs FROM programmes p JOIN snapshots s ON s.id = p.snapshot_id
    WHERE p.snapshot_id = ? AND active_at(p.date_debut, p.date_fin, s.as_of)
"""


def cofunding(store: Store, snapshot_id: int) -> dict[str, float]:
    """programmes (active), cofinances (active, with ≥ 2 distinct investors) and taux (share, 0–1)."""
    row = store.rows(f"SELECT count(*), count(*) FILTER (WHERE len(invs) >= 2) FROM ({_ACTIVE_FUNDERS})",
                     [snapshot_id])[0]
    total, co = int(row[0]), int(row[1])
    return {"programmes": total, "cofinances": co, "taux": (co / total) if total else 0.0}


def cofunding_edges(store: Store, snapshot_id: int) -> pd.DataFrame:
    """Pairs of investors funding the same active programmes: source, cible, nom_source, nom_cible, programmes."""
    return store.read(
        f"""
        WITH pi AS (SELECT id, unnest(invs) AS inv FROM ({_ACTIVE_FUNDERS}))
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
    _check_level(level)
    key = "t.region_key" if level == "region" else "r.territoire"
    return store.read(
        f"""
        SELECT DISTINCT {key} AS territoire, r.thematique, r.programmes
        FROM investor_reach r JOIN territoires t ON t.key = r.territoire
        WHERE r.snapshot_id = ? AND r.investisseur = ?
          AND t.level IN {"('pays', 'region')" if level == "region" else "('pays', 'region', 'departement')"}
        ORDER BY 1, 2
        """,
        [snapshot_id, investisseur],
    )


def likely_allies(store: Store, snapshot_id: int, investisseur: str, *, level: str = "region") -> pd.DataFrame:
    """Other investors present in the investor's cells: id, nom, type, cases_communes (cells at ``level`` both
    reach: FR and regions × themes at region level), cofinancements (active programmes funded together),
    thematiques."""
    _check_level(level)
    return store.read(
        f"""
        WITH cells AS (
            SELECT r.investisseur, r.territoire, r.thematique FROM investor_reach r
            JOIN territoires t ON t.key = r.territoire
            WHERE r.snapshot_id = ? AND t.level IN {"('pays', 'region')" if level == "region" else "('pays', 'departement')"}
        ), mine AS (SELECT territoire, thematique FROM cells WHERE investisseur = ?),
        shared AS (
            SELECT c.investisseur, count(*) AS cases_communes,
                   string_agg(DISTINCT c.thematique, {SEP} ORDER BY c.thematique) AS thematiques
            FROM cells c JOIN mine USING (territoire, thematique)
            WHERE c.investisseur <> ? GROUP BY 1
        ), co AS (
            SELECT o.inv AS investisseur, count(*) AS cofinancements FROM (
                SELECT unnest(invs) AS inv FROM ({_ACTIVE_FUNDERS}) WHERE list_contains(invs, ?)) o
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
    mine = (f"SELECT p.* FROM programmes p JOIN ({_ACTIVE_FUNDERS}) a USING (id) "
            "WHERE p.snapshot_id = ? AND list_contains(a.invs, ?)")
    th = store.rows(f"SELECT DISTINCT unnest(thematiques) FROM ({mine})", [snapshot_id, snapshot_id, investisseur])
    terr = store.rows(
        f"""
        SELECT DISTINCT CASE WHEN ? = 'region' THEN t.region_key ELSE t.key END
        FROM (SELECT unnest(territoires) AS k FROM ({mine})) p
        JOIN territory_reach r ON r.src = p.k JOIN territoires t ON t.key = r.territoire
        """,
        [level, snapshot_id, snapshot_id, investisseur])
    themes_set, terr_set = {r[0] for r in th}, {r[0] for r in terr}
    out = m[m["zone_blanche"] & (m["thematique"].isin(themes_set) | m["territoire"].isin(terr_set))]
    return out.sort_values("tension", ascending=False).head(limit).reset_index(drop=True)


# --- the three challenges -------------------------------------------------------------------------------
def needs_by_territory(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """territoire, nom, acteurs, score, intensite_moyenne summed over themes."""
    where, params = needs.sql("a")
    return store.read(
        f"""
        SELECT {_level_expr(level, 'a')} AS territoire, t.nom, sum(a.acteurs)::BIGINT AS acteurs, sum(a.score)::BIGINT AS score,
               sum(a.score) / sum(a.acteurs) AS intensite_moyenne
        FROM need_agg a JOIN territoires t ON t.key = {_level_expr(level, 'a')}
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


AUDIENCE_GROUPS = {"association": "Associations", "tpe_pme": "TPE / PME", "collectivite": "Collectivités"}


def programmes_by_audience(store: Store, snapshot_id: int) -> pd.DataFrame:
    """thematique, public (association, tpe_pme, collectivite), programmes: active programmes offered to each
    audience, theme by theme (a programme with no audience listed is open to all)."""
    return store.read(
        """
        WITH p AS (SELECT p.id, p.thematiques, p.publics FROM programmes p JOIN snapshots s ON s.id = p.snapshot_id
                   WHERE p.snapshot_id = ? AND active_at(p.date_debut, p.date_fin, s.as_of)),
        aud AS (SELECT unnest(['association', 'tpe_pme', 'collectivite']) AS public)
        SELECT th.thematique, aud.public, count(DISTINCT p.id) AS programmes
        FROM p, aud, (SELECT DISTINCT unnest(thematiques) AS thematique FROM p) th
        WHERE list_contains(p.thematiques, th.thematique) AND (len(p.publics) = 0 OR list_contains(p.publics, aud.public))
        GROUP BY ALL ORDER BY th.thematique, aud.public
        """,
        [snapshot_id],
    )


def sdg_coverage(store: Store, snapshot_id: int) -> pd.DataFrame:
    """odd (1–17), programmes and investisseurs (active programmes citing it, their distinct investors),
    besoins (signals citing it) — every goal listed, even at zero."""
    return store.read(
        """
        WITH g AS (SELECT range AS odd FROM range(1, 18)),
        p AS (SELECT p.id, unnest(p.odd) AS odd, p.investisseurs FROM programmes p
              JOIN snapshots s ON s.id = p.snapshot_id
              WHERE p.snapshot_id = ? AND active_at(p.date_debut, p.date_fin, s.as_of)),
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
        WITH p AS (SELECT a.id, unnest(a.invs) AS inv, p.odd FROM ({_ACTIVE_FUNDERS}) a
                   JOIN programmes p ON p.snapshot_id = ? AND p.id = a.id)
        SELECT x.inv AS investisseur, i.nom, x.odd, count(*) AS programmes
        FROM (SELECT inv, unnest(odd) AS odd FROM p) x JOIN investisseurs i ON i.snapshot_id = ? AND i.id = x.inv
        GROUP BY ALL ORDER BY investisseur, odd
        """,
        [snapshot_id, snapshot_id, snapshot_id],
    )


# --- evolution -------------------------------------------------------------------------------------------
def compare_needs(store: Store, before: int, after: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """territoire, nom, thematique, acteurs/score before and after, and their differences; biggest moves first."""
    _check_level(level)
    where, params = needs.sql("a")
    sql = f"""
    WITH x AS (
        SELECT a.snapshot_id, {_level_expr(level, 'a')} AS territoire, a.thematique,
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


def compare_programmes(store: Store, before: int, after: int) -> pd.DataFrame:
    """id, nom, changement (ajouté, retiré, terminé, modifié) between two snapshots. 'terminé' means active at
    the first snapshot's date and no longer active at the second's."""
    return store.read(
        """
        WITH b AS (SELECT p.*, s.as_of FROM programmes p JOIN snapshots s ON s.id = p.snapshot_id WHERE p.snapshot_id = ?),
             a AS (SELECT p.*, s.as_of FROM programmes p JOIN snapshots s ON s.id = p.snapshot_id WHERE p.snapshot_id = ?)
        SELECT coalesce(a.id, b.id) AS id, coalesce(a.nom, b.nom) AS nom,
               CASE WHEN b.id IS NULL THEN 'ajouté'
                    WHEN a.id IS NULL THEN 'retiré'
                    WHEN active_at(b.date_debut, b.date_fin, b.as_of) AND a.date_fin < a.as_of THEN 'terminé'
                    ELSE 'modifié' END AS changement,
               b.date_fin AS fin_avant, a.date_fin AS fin_apres
        FROM b FULL JOIN a ON a.id = b.id
        WHERE b.id IS NULL OR a.id IS NULL
           OR (active_at(b.date_debut, b.date_fin, b.as_of) AND a.date_fin < a.as_of)
           OR (a.nom, a.investisseurs, a.phase, a.nature, a.thematiques, a.territoires, a.publics, a.budget_eur,
               a.date_debut, a.date_fin, a.odd) IS DISTINCT FROM
              (b.nom, b.investisseurs, b.phase, b.nature, b.thematiques, b.territoires, b.publics, b.budget_eur,
               b.date_debut, b.date_fin, b.odd)
        ORDER BY changement, id
        """,
        [before, after],
    )


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


# --- follow-through: pathways, commitments, results (texts.FORMULAS) ------------------------------------------
# Kinds of support along a pathway: money, and the accompaniment that makes it land ("autre" is neither).
MONEY = ("subvention", "pret", "garantie", "mecenat_competences")
ACCOMPANIMENT = ("accompagnement", "formation", "outil")
# The missing links, in the order a cell reports them (the first that applies is its ``maillon_manquant``).
MISSING_LINKS = ("urgence_sans_suite", "argent_sans_accompagnement", "accompagnement_sans_argent")


def _pathway_steps(snapshot_id: int, level: str, source: str | None) -> tuple[str, list]:
    """SQL CTEs ``cells`` (the need rows' territories with their actors and score) and ``steps`` (each cell ×
    active programme of its theme reaching one of its need rows, once): the one home of the pathway's reach."""
    where, params = NeedFilter(source=source).sql("a")
    cell = _level_expr(level, "c")
    return f"""cells AS (
        SELECT a.territoire, a.region_key, a.thematique, sum(a.acteurs) AS acteurs, sum(a.score) AS score
        FROM need_agg a WHERE a.snapshot_id = ? {where} GROUP BY ALL
    ), pt AS (  -- active programmes, one row per listed territory and theme
        SELECT p.id, unnest(p.territoires) AS src, unnest(p.thematiques) AS thematique
        FROM programmes p JOIN snapshots s ON s.id = p.snapshot_id
        WHERE p.snapshot_id = ? AND active_at(p.date_debut, p.date_fin, s.as_of)
    ), hits AS (  -- (cell, programme) once, for the programmes reaching one of the cell's need rows
        SELECT DISTINCT {cell} AS territoire, c.thematique, pt.id
        FROM pt JOIN territory_reach r ON r.src = pt.src AND r.reaches_need
        JOIN cells c ON c.territoire = r.territoire AND c.thematique = pt.thematique
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
    _check_level(level)
    steps, params = _pathway_steps(snapshot_id, level, source)
    sql = f"""
    WITH {steps}, n AS (
        SELECT {_level_expr(level, "c")} AS territoire, c.thematique, sum(c.acteurs)::BIGINT AS acteurs,
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
    _check_level(level)
    steps, params = _pathway_steps(snapshot_id, level, source)
    ids = [r[0] for r in store.rows(
        f"WITH {steps} SELECT DISTINCT id FROM steps WHERE territoire = ? AND thematique = ?",
        [*params, territoire, thematique])]
    catalogue = programmes(store, snapshot_id, ProgrammeFilter(thematique=thematique))
    out = catalogue[catalogue["id"].isin(ids)]
    order = {phase: k for k, phase in enumerate(("urgence", "relance", "structurel"))}
    return out.sort_values(["phase", "id"], key=lambda c: c.map(order) if c.name == "phase" else c).reset_index(drop=True)


_OPEN = "('envisage', 'engage')"


def _commitment_rows(snapshot_id: int) -> tuple[str, list]:
    """SQL of the snapshot's commitments with their decision date (the snapshot's date by default), whether
    they are late, and how many distinct investors made them."""
    return f"""
        SELECT e.ordre, e.id, e.investisseurs, e.thematiques, e.territoires, e.statut, e.montant_eur,
               coalesce(e.date, s.as_of) AS date, e.echeance, e.programme, e.session, e.description,
               e.echeance IS NOT NULL AND e.echeance < s.as_of AND e.statut IN {_OPEN} AS en_retard,
               len(list_distinct(e.investisseurs)) AS nb_investisseurs
        FROM engagements e JOIN snapshots s ON s.id = e.snapshot_id
        WHERE e.snapshot_id = ?
    """, [snapshot_id]


def commitments(store: Store, snapshot_id: int) -> pd.DataFrame:
    """One row per commitment, late ones first then by due date: ordre, id, investisseurs, noms_investisseurs,
    thematiques, territoires (resolved codes), statut, montant_eur, date, echeance, en_retard, programme,
    session, description, nb_investisseurs, conjoint (≥ 2 distinct investors), zones_blanches (the white zones at
    region level it reaches: a list of {territoire, thematique})."""
    rows, params = _commitment_rows(snapshot_id)
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
        """
        SELECT r.ordre, r.territoire, r.thematique FROM engagement_reach r JOIN territoires t ON t.key = r.territoire
        WHERE r.snapshot_id = ? AND t.level IN ('pays', 'region') AND list_contains(?, r.territoire || '|' || r.thematique)
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
    rows, params = _commitment_rows(snapshot_id)
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
    rows, params = _commitment_rows(snapshot_id)
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


def commitment_cells(store: Store, snapshot_id: int, *, level: str = "region") -> pd.DataFrame:
    """territoire, thematique, engagements: open commitments reaching each cell (at the level: regions and FR, or
    départements, FR and the regions' own rows)."""
    _check_level(level)
    levels = "('pays', 'region')" if level == "region" else "('pays', 'region', 'departement')"
    return store.read(
        f"""
        SELECT c.territoire, c.thematique, c.ouverts AS engagements
        FROM engagement_cells c JOIN territoires t ON t.key = c.territoire
        WHERE c.snapshot_id = ? AND t.level IN {levels}
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


def white_zones_on_track(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """White zones « en voie de couverture »: an open commitment reaches them."""
    w = white_zones_with_commitments(store, snapshot_id, level=level, needs=needs)
    return w[w["en_voie_de_couverture"]].reset_index(drop=True)


def white_zones_remaining(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """The white zones that would remain if every open commitment were honoured."""
    w = white_zones_with_commitments(store, snapshot_id, level=level, needs=needs)
    return w[~w["en_voie_de_couverture"]].reset_index(drop=True)


def result_cells(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL) -> pd.DataFrame:
    """Actors in need → actors reached, per territory × theme with needs or results (declared figures):
    territoire, nom, thematique, acteurs, beneficiaires, taux_atteinte (beneficiaires / acteurs, None without
    needs), montant_verse_eur. Results roll up like needs: a département's count for its region."""
    _check_level(level)
    where, params = needs.sql("a")
    theme_where, theme_params = "", []
    if needs.thematiques:
        theme_where = f" AND r.thematique IN ({', '.join('?' * len(needs.thematiques))})"
        theme_params = list(needs.thematiques)
    return store.read(
        f"""
        WITH n AS (
            SELECT {_level_expr(level, 'a')} AS territoire, a.thematique, sum(a.acteurs)::BIGINT AS acteurs
            FROM need_agg a WHERE a.snapshot_id = ? {where} GROUP BY ALL
        ), r AS (
            SELECT {_level_expr(level, 'r')} AS territoire, r.thematique, sum(r.beneficiaires)::BIGINT AS beneficiaires,
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
               (p.date_debut IS NULL OR p.date_debut <= s.as_of) AND (p.date_fin IS NULL OR p.date_fin >= s.as_of) AS actif,
               p.budget_eur, r.montant_verse_eur,
               CASE WHEN p.budget_eur > 0 THEN r.montant_verse_eur / p.budget_eur END AS part_versee,
               r.beneficiaires, r.resultats
        FROM r JOIN programmes p ON p.snapshot_id = ? AND p.id = r.programme JOIN snapshots s ON s.id = p.snapshot_id
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


def followup_summary(store: Store, snapshot_id: int) -> dict[str, float | int | None]:
    """The home page's two lines: engagements, en_retard; acteurs, beneficiaires and taux_atteinte (declared,
    over the whole inventory; None without needs)."""
    rows, params = _commitment_rows(snapshot_id)
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


def compare_commitments(store: Store, before: int, after: int) -> pd.DataFrame:
    """Commitments between two snapshots (matched by id, else by investors, themes and territories): id,
    investisseurs, thematiques, territoires, statut_avant, statut_apres, en_retard (after), changement: tenu
    (now réalisé), abandonne (now abandonné), en_retard (late after), nouveau, retire, or en_cours (still open, on time)."""
    b_rows, _ = _commitment_rows(before)
    a_rows, _ = _commitment_rows(after)
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


def _with_followup(store: Store, snapshot_id: int, level: str, matrix: pd.DataFrame) -> pd.DataFrame:
    """The matrix's follow-through columns: ``engagements`` (open commitments reaching the cell),
    ``beneficiaires`` (declared results, rolled up like needs, whatever the need filters) and ``taux_atteinte``
    (beneficiaires / acteurs, None without actors in need)."""
    cells = commitment_cells(store, snapshot_id, level=level)
    reached = store.read(
        f"""
        SELECT {_level_expr(level, 'r')} AS territoire, r.thematique, sum(r.beneficiaires)::BIGINT AS beneficiaires
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
