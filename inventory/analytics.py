"""The numbers of the views (DESIGN section 4), computed in SQL over the per-snapshot aggregate tables.

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
    zone_blanche, investisseurs, score_couvert, part_couverte, alliance. ``programmes`` counts the programmes
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
    return store.read(sql, [snapshot_id, snapshot_id, *params, snapshot_id, *theme_params])


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
