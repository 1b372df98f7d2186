"""The numbers of the views (DESIGN section 4), computed in SQL over the per-snapshot aggregate tables.

Every function takes the ``Store`` and a snapshot id and returns a small DataFrame. The formulas are
named once here; their one-sentence explanations live in ``FORMULAS`` and are shown beside them on screen.

- need: ``acteurs`` = Σ nb_acteurs; ``score`` = Σ nb_acteurs × intensite; mean intensity = score / acteurs.
  Département needs roll up into their region; national needs stay national.
- coverage: programmes active at the snapshot's date whose themes include the cell's and whose territories
  reach it (FR reaches everything; a region reaches itself and its départements; a département reaches
  itself and counts for its region).
- tension = score / (1 + programmes); white zone = needs and no programme.
- overlap: distinct investors reaching a cell; alliance opportunity = at least two investors acting through
  at least two programmes in a cell; co-funding rate = share of programmes with two or more investors.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from inventory.store import Store

LEVELS = ("region", "departement")
MEASURES = ("acteurs", "score", "intensite_moyenne", "tension", "programmes", "investisseurs")

FORMULAS = {
    "acteurs": "Acteurs : nombre total d'acteurs ayant exprimé un besoin (somme de « nombre d'acteurs »).",
    "score": "Score : somme, pour chaque signalement, du nombre d'acteurs multiplié par l'intensité (1 à 5).",
    "intensite_moyenne": "Intensité moyenne : score divisé par le nombre d'acteurs (de 1 à 5).",
    "programmes": "Programmes : programmes actifs à la date de l'inventaire qui couvrent la thématique et atteignent le territoire (un programme national atteint tout, un programme régional ses départements, un programme départemental compte pour sa région).",
    "tension": "Tension : score divisé par (1 + nombre de programmes qui couvrent la case) ; plus elle est haute, moins le besoin est couvert.",
    "zone_blanche": "Zone blanche : case où des besoins sont exprimés et où aucun programme n'intervient.",
    "investisseurs": "Investisseurs : nombre d'investisseurs distincts présents dans la case à travers leurs programmes.",
    "alliance": "Opportunité d'alliance : case où au moins deux investisseurs interviennent à travers au moins deux programmes distincts.",
    "cofinancement": "Taux de cofinancement : part des programmes financés par au moins deux investisseurs.",
}


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
    zone_blanche, investisseurs, alliance.
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
               sum(a.acteurs)::BIGINT AS acteurs, sum(a.score)::BIGINT AS score
        FROM need_agg a WHERE a.snapshot_id = ? {where}
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
           round(n.score / n.acteurs, 2) AS intensite_moyenne,
           coalesce(c.programmes, 0)::BIGINT AS programmes,
           round(coalesce(n.score, 0) / (1 + coalesce(c.programmes, 0)), 2) AS tension,
           coalesce(n.acteurs, 0) > 0 AND coalesce(c.programmes, 0) = 0 AS zone_blanche,
           coalesce(c.investisseurs, 0)::BIGINT AS investisseurs,
           coalesce(c.programmes, 0) >= 2 AND coalesce(c.investisseurs, 0) >= 2 AS alliance
    FROM n FULL JOIN c ON n.territoire = c.territoire AND n.thematique = c.thematique
    JOIN territoires t ON t.key = coalesce(n.territoire, c.territoire)
    ORDER BY t.ordre, thematique
    """
    return store.read(sql, [snapshot_id, *params, snapshot_id, *theme_params])


def white_zones(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL,
                limit: int | None = None) -> pd.DataFrame:
    """Cells with needs and no programme, worst (highest score) first."""
    m = need_matrix(store, snapshot_id, level=level, needs=needs)
    out = m[m["zone_blanche"]].sort_values(["score", "acteurs"], ascending=False)
    return out.head(limit) if limit else out.reset_index(drop=True)


def tension_ranking(store: Store, snapshot_id: int, *, level: str = "region", needs: NeedFilter = ALL,
                    limit: int | None = 20) -> pd.DataFrame:
    m = need_matrix(store, snapshot_id, level=level, needs=needs)
    out = m[m["acteurs"] > 0].sort_values(["tension", "score"], ascending=False).reset_index(drop=True)
    return out.head(limit) if limit else out


def counts(store: Store, snapshot_id: int) -> dict[str, int]:
    """Counts at a glance: need signals, actors, programmes, investors, active programmes, territories."""
    row = store.rows(
        """
        SELECT s.n_besoins, s.n_programmes, s.n_investisseurs,
               (SELECT coalesce(sum(acteurs), 0) FROM need_agg WHERE snapshot_id = s.id),
               (SELECT count(DISTINCT territoire) FROM need_agg WHERE snapshot_id = s.id),
               (SELECT count(*) FROM programmes p WHERE p.snapshot_id = s.id
                  AND (p.date_debut IS NULL OR p.date_debut <= s.as_of)
                  AND (p.date_fin IS NULL OR p.date_fin >= s.as_of))
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
               round(100.0 * th.score / sum(th.score) OVER (), 1) AS part, round(th.score / th.acteurs, 2) AS intensite_moyenne,
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


def territory_options(store: Store) -> pd.DataFrame:
    """key, level, nom, region_key of every territory, in reference order."""
    return store.read("SELECT key, level, nom, region_key FROM territoires ORDER BY ordre")


def _cells_of(territoire: str) -> str:
    """SQL predicate on a stored territory column ``x`` meaning 'lies in territoire' (a region holds its
    départements; FR holds only national rows)."""
    return "x IN (SELECT key FROM territoires WHERE key = ? OR (? LIKE 'REG-%' AND region_key = ?))"


def need_rows(store: Store, snapshot_id: int, territoire: str, *, needs: NeedFilter = ALL,
              limit: int = 1000) -> pd.DataFrame:
    """The need signals behind a territory (a region includes its départements), largest first."""
    where, params = needs.sql("b")
    pred = _cells_of(territoire).replace("x", "b.territoire")
    return store.read(
        f"""
        SELECT b.territoire, t.nom, b.source, b.thematique, b.intensite, b.nb_acteurs,
               b.nb_acteurs * b.intensite AS score, b.public, b.secteur, b.date, b.description, b.id
        FROM besoins b JOIN territoires t ON t.key = b.territoire
        WHERE b.snapshot_id = ? AND {pred} {where}
        ORDER BY score DESC, b.id LIMIT ?
        """,
        [snapshot_id, territoire, territoire, territoire, *params, limit],
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
    """The programme catalogue with filters; lists joined for display."""
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
        where.append("(p.date_debut IS NULL OR p.date_debut <= ?) AND (p.date_fin IS NULL OR p.date_fin >= ?)")
        params += [f.actif_le, f.actif_le]
    if f.territoire:
        where.append("p.id IN (SELECT programme_id FROM reach WHERE snapshot_id = ? AND territoire = ?)")
        params += [snapshot_id, f.territoire]
    clause = (" AND " + " AND ".join(where)) if where else ""
    return store.read(
        f"""
        WITH sel AS (SELECT * FROM programmes p WHERE p.snapshot_id = ? {clause}),
        x AS (  -- names of the selected programmes only; unnest in the select list (a LATERAL join: 30× slower)
            SELECT sel.id, unnest(sel.investisseurs) AS inv, generate_subscripts(sel.investisseurs, 1) AS pos
            FROM sel
        ), names AS (
            SELECT x.id, string_agg(coalesce(i.nom, x.inv), ' ; ' ORDER BY x.pos) AS noms
            FROM x LEFT JOIN investisseurs i ON i.snapshot_id = ? AND i.id = x.inv
            GROUP BY x.id
        )
        SELECT p.id, p.nom, p.phase, names.noms AS investisseurs,
               len(p.investisseurs) AS nb_investisseurs,
               array_to_string(p.thematiques, ' ; ') AS thematiques,
               array_to_string(p.territoires, ' ; ') AS territoires,
               array_to_string(p.publics, ' ; ') AS publics, array_to_string(p.nature, ' ; ') AS nature,
               p.budget_eur, p.date_debut, p.date_fin,
               array_to_string(p.odd::VARCHAR[], ' ; ') AS odd, p.url, p.description
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
    """id, nom, type, programmes (count), budget_eur of each investor."""
    return store.read(
        """
        SELECT i.id, i.nom, i.type, count(p.id) AS programmes, coalesce(sum(p.budget_eur), 0) AS budget_eur
        FROM investisseurs i
        LEFT JOIN programmes p ON p.snapshot_id = i.snapshot_id AND list_contains(p.investisseurs, i.id)
        WHERE i.snapshot_id = ? GROUP BY ALL ORDER BY i.id
        """,
        [snapshot_id],
    )


def investor_themes(store: Store, snapshot_id: int) -> pd.DataFrame:
    """Long table investisseur, nom, thematique, programmes (active at the snapshot's date)."""
    return store.read(
        """
        WITH pi AS (
            SELECT p.id, unnest(p.investisseurs) AS inv, p.thematiques FROM programmes p, snapshots s
            WHERE p.snapshot_id = ? AND s.id = p.snapshot_id
              AND (p.date_debut IS NULL OR p.date_debut <= s.as_of) AND (p.date_fin IS NULL OR p.date_fin >= s.as_of)
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
        """
        SELECT r.territoire, r.thematique, string_agg(DISTINCT i.nom, ' ; ' ORDER BY i.nom) AS noms_investisseurs
        FROM investor_reach r JOIN investisseurs i ON i.snapshot_id = r.snapshot_id AND i.id = r.investisseur
        WHERE r.snapshot_id = ? AND list_contains(?, r.territoire) GROUP BY ALL
        """,
        [snapshot_id, sorted(set(cells["territoire"]))],  # only the alliance cells' territories
    )
    out = cells.merge(names, on=["territoire", "thematique"], how="left")
    return out.sort_values(["investisseurs", "score"], ascending=False).reset_index(drop=True)


def cofunding(store: Store, snapshot_id: int) -> dict[str, float]:
    """programmes, cofinances (with ≥ 2 investors) and taux (share, 0–1)."""
    row = store.rows(
        "SELECT count(*), count(*) FILTER (WHERE len(investisseurs) >= 2) FROM programmes WHERE snapshot_id = ?",
        [snapshot_id],
    )[0]
    total, co = int(row[0]), int(row[1])
    return {"programmes": total, "cofinances": co, "taux": (co / total) if total else 0.0}


def cofunding_edges(store: Store, snapshot_id: int) -> pd.DataFrame:
    """Pairs of investors funding the same programmes: source, cible, nom_source, nom_cible, programmes."""
    return store.read(
        """
        WITH pi AS (SELECT id, unnest(investisseurs) AS inv FROM programmes WHERE snapshot_id = ?)
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


def likely_allies(store: Store, snapshot_id: int, investisseur: str) -> pd.DataFrame:
    """Other investors present in the investor's cells: id, nom, type, cases_communes, cofinancements, thematiques."""
    return store.read(
        """
        WITH mine AS (SELECT territoire, thematique FROM investor_reach WHERE snapshot_id = ? AND investisseur = ?),
        shared AS (
            SELECT r.investisseur, count(*) AS cases_communes,
                   string_agg(DISTINCT r.thematique, ' ; ' ORDER BY r.thematique) AS thematiques
            FROM investor_reach r JOIN mine USING (territoire, thematique)
            WHERE r.snapshot_id = ? AND r.investisseur <> ? GROUP BY 1
        ), co AS (
            SELECT o.inv AS investisseur, count(*) AS cofinancements FROM (
                SELECT unnest(investisseurs) AS inv FROM programmes
                WHERE snapshot_id = ? AND list_contains(investisseurs, ?)) o
            WHERE o.inv <> ? GROUP BY 1
        )
        SELECT i.id, i.nom, i.type, coalesce(s.cases_communes, 0) AS cases_communes,
               coalesce(co.cofinancements, 0) AS cofinancements, s.thematiques
        FROM investisseurs i LEFT JOIN shared s ON s.investisseur = i.id LEFT JOIN co ON co.investisseur = i.id
        WHERE i.snapshot_id = ? AND i.id <> ? AND (s.cases_communes > 0 OR co.cofinancements > 0)
        ORDER BY cases_communes DESC, cofinancements DESC, i.id
        """,
        [snapshot_id, investisseur, snapshot_id, investisseur, snapshot_id, investisseur, investisseur,
         snapshot_id, investisseur],
    )


def uncovered_for(store: Store, snapshot_id: int, investisseur: str, *, level: str = "region",
                  limit: int = 15) -> pd.DataFrame:
    """The highest-tension white zones in the investor's themes and territories (where it could act next)."""
    m = need_matrix(store, snapshot_id, level=level)
    th = store.rows(
        "SELECT DISTINCT unnest(thematiques) FROM programmes WHERE snapshot_id = ? AND list_contains(investisseurs, ?)",
        [snapshot_id, investisseur])
    terr = store.rows(
        """
        SELECT DISTINCT CASE WHEN ? = 'region' THEN t.region_key ELSE t.key END
        FROM (SELECT unnest(territoires) AS k FROM programmes WHERE snapshot_id = ? AND list_contains(investisseurs, ?)) p
        JOIN territoires src ON src.key = p.k
        JOIN territoires t ON (src.key = 'FR' OR t.key = src.key OR t.region_key = src.key OR t.key = src.region_key)
        """,
        [level, snapshot_id, investisseur])
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
               round(sum(a.score) / sum(a.acteurs), 2) AS intensite_moyenne
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
               round(sum(a.score) / sum(a.acteurs), 2) AS intensite_moyenne
        FROM need_agg a WHERE a.snapshot_id = ? {where} GROUP BY ALL ORDER BY score DESC
        """,
        [snapshot_id, *params],
    )


AUDIENCE_GROUPS = {"association": "Associations", "tpe_pme": "TPE / PME", "collectivite": "Collectivités"}


def programmes_by_audience(store: Store, snapshot_id: int) -> pd.DataFrame:
    """thematique, public (association, tpe_pme, collectivite), programmes: programmes offered to each audience,
    theme by theme (a programme with no audience listed is open to all)."""
    return store.read(
        """
        WITH p AS (SELECT id, thematiques, publics FROM programmes WHERE snapshot_id = ?),
        aud AS (SELECT unnest(['association', 'tpe_pme', 'collectivite']) AS public)
        SELECT th.thematique, aud.public, count(DISTINCT p.id) AS programmes
        FROM p, aud, (SELECT DISTINCT unnest(thematiques) AS thematique FROM programmes WHERE snapshot_id = ?) th
        WHERE list_contains(p.thematiques, th.thematique) AND (len(p.publics) = 0 OR list_contains(p.publics, aud.public))
        GROUP BY ALL ORDER BY th.thematique, aud.public
        """,
        [snapshot_id, snapshot_id],
    )


def sdg_coverage(store: Store, snapshot_id: int) -> pd.DataFrame:
    """odd (1–17), programmes, investisseurs, besoins (signals citing it) — every goal listed, even at zero."""
    return store.read(
        """
        WITH g AS (SELECT range AS odd FROM range(1, 18)),
        p AS (SELECT id, unnest(odd) AS odd, investisseurs FROM programmes WHERE snapshot_id = ?),
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
    """investisseur, nom, odd, programmes."""
    return store.read(
        """
        WITH p AS (SELECT id, unnest(investisseurs) AS inv, odd FROM programmes WHERE snapshot_id = ?)
        SELECT x.inv AS investisseur, i.nom, x.odd, count(*) AS programmes
        FROM (SELECT inv, unnest(odd) AS odd FROM p) x JOIN investisseurs i ON i.snapshot_id = ? AND i.id = x.inv
        GROUP BY ALL ORDER BY investisseur, odd
        """,
        [snapshot_id, snapshot_id],
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
                    WHEN (b.date_fin IS NULL OR b.date_fin >= b.as_of) AND a.date_fin IS NOT NULL AND a.date_fin < a.as_of
                         THEN 'terminé'
                    ELSE 'modifié' END AS changement,
               b.date_fin AS fin_avant, a.date_fin AS fin_apres
        FROM b FULL JOIN a ON a.id = b.id
        WHERE b.id IS NULL OR a.id IS NULL
           OR ((b.date_fin IS NULL OR b.date_fin >= b.as_of) AND a.date_fin IS NOT NULL AND a.date_fin < a.as_of)
           OR (a.nom, a.investisseurs, a.phase, a.nature, a.thematiques, a.territoires, a.publics, a.budget_eur,
               a.date_debut, a.date_fin, a.odd) IS DISTINCT FROM
              (b.nom, b.investisseurs, b.phase, b.nature, b.thematiques, b.territoires, b.publics, b.budget_eur,
               b.date_debut, b.date_fin, b.odd)
        ORDER BY changement, id
        """,
        [before, after],
    )
