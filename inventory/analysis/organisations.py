"""The support ecosystem: organisations (investors and operators, one organisation when they share a SIREN or an
RNA), who funds which operator to deliver what, each operator's dependence on its first funder, and the cells
with needs where an operator is present but no active programme funds it there.

Budgets are shared as everywhere else: a programme's budget split equally between its distinct investors (so an
investor's budget here is the one of ``collective.investors``). An operator's dependence is the share of the
budgets of the active programmes it delivers that comes from its first funder; the flows of the Écosystème view
also split a programme's budget equally between its operators and its themes, so that what enters an operator
leaves it. In words, on screen and on the Méthode page: texts.FORMULAS["part_premier_financeur"], ["flux"] and
["operateurs_presents"].
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from inventory.analysis.base import SEP
from inventory.analysis.followup import commitments
from inventory.identifiers import name_key
from inventory.store import Store

# The active programmes of snapshot $sid (the store's ``active_programmes``), with their investors and operators.
ACTIVE = """
active AS (  -- investors and operators are distinct in a cell (parsing.distinct_list): no list_distinct (60 ms
            -- on 10,000 programmes)
    SELECT p.id, p.nom, p.budget_eur, p.thematiques, p.territoires,
           p.investisseurs AS invs, coalesce(p.operateurs, []) AS ops
    FROM active_programmes p WHERE p.snapshot_id = $sid
), by_op AS (  -- (operator, active programme it delivers)
    SELECT unnest(ops) AS op, id, budget_eur, invs, thematiques, territoires, len(ops) AS n_ops FROM active
), delivered AS (  -- (operator, programme, investor, the investor's equal share of the budget)
    SELECT op, id AS programme, unnest(invs) AS inv, coalesce(budget_eur, 0) / len(invs) AS part, n_ops FROM by_op
)
"""


def _sql(query: str, snapshot_id: int) -> str:
    return query.replace("$sid", str(int(snapshot_id)))


def operators(store: Store, snapshot_id: int) -> pd.DataFrame:
    """One row per operator: id, nom, type, siren, siret, rna, territoires; ``programmes``: the active programmes
    it delivers; ``financeurs``: their distinct investors; ``noms_financeurs``; ``budget_eur``: their budgets;
    ``premier_financeur`` (id) and ``nom_premier_financeur``: the investor whose equal shares of those budgets
    are largest (ties: the first id); ``part_premier_financeur``: that share of ``budget_eur`` (None without
    budget)."""
    return store.read(_sql(f"""
        WITH {ACTIVE}, per_funder AS (
            SELECT op, inv, sum(part) AS part, count(DISTINCT programme) AS programmes FROM delivered GROUP BY ALL
        ), first AS (
            SELECT op, inv FROM per_funder QUALIFY row_number() OVER (PARTITION BY op ORDER BY part DESC, inv) = 1
        ), totals AS (
            SELECT d.op, count(DISTINCT d.programme) AS programmes, count(DISTINCT d.inv) AS financeurs,
                   string_agg(DISTINCT coalesce(i.nom, d.inv), {SEP} ORDER BY coalesce(i.nom, d.inv)) AS noms
            FROM delivered d LEFT JOIN investisseurs i ON i.snapshot_id = $sid AND i.id = d.inv GROUP BY d.op
        ), budgets AS (
            SELECT op, sum(coalesce(budget_eur, 0)) AS budget_eur FROM by_op GROUP BY op
        )
        SELECT o.id, o.nom, o.type, o.siren, o.siret, o.rna, o.territoires,
               coalesce(t.programmes, 0) AS programmes, coalesce(t.financeurs, 0) AS financeurs,
               t.noms AS noms_financeurs, coalesce(b.budget_eur, 0) AS budget_eur,
               f.inv AS premier_financeur, i.nom AS nom_premier_financeur,
               CASE WHEN b.budget_eur > 0 THEN pf.part / b.budget_eur END AS part_premier_financeur
        FROM operateurs o
        LEFT JOIN totals t ON t.op = o.id LEFT JOIN budgets b ON b.op = o.id LEFT JOIN first f ON f.op = o.id
        LEFT JOIN per_funder pf ON pf.op = o.id AND pf.inv = f.inv
        LEFT JOIN investisseurs i ON i.snapshot_id = $sid AND i.id = f.inv
        WHERE o.snapshot_id = $sid ORDER BY o.id
        """, snapshot_id))


def single_funder_operators(store: Store, snapshot_id: int) -> pd.DataFrame:
    """The operators whose active programmes all come from one investor, largest budget first."""
    ops = operators(store, snapshot_id)
    return ops[ops["financeurs"] == 1].sort_values(["budget_eur", "id"], ascending=[False, True]).reset_index(drop=True)


def flows(store: Store, snapshot_id: int) -> pd.DataFrame:
    """The Sankey's links, funders → operators then operators → themes: etape (« financement » or « thematique »),
    source, nom_source, cible, nom_cible, montant_eur (each active programme's budget split equally between its
    investors, its operators and its themes), programmes (distinct active programmes behind the link)."""
    return store.read(_sql(f"""
        WITH {ACTIVE}, funding AS (
            SELECT d.inv AS source, d.op AS cible, sum(d.part / d.n_ops) AS montant_eur,
                   count(DISTINCT d.programme) AS programmes
            FROM delivered d GROUP BY ALL
        ), themes AS (
            SELECT op AS source, th AS cible, sum(share) AS montant_eur, count(DISTINCT id) AS programmes
            FROM (SELECT op, id, coalesce(budget_eur, 0) / n_ops / len(thematiques) AS share,
                         unnest(thematiques) AS th FROM by_op WHERE len(invs) > 0)
            GROUP BY ALL
        )
        SELECT 'financement' AS etape, f.source, coalesce(i.nom, f.source) AS nom_source, f.cible,
               coalesce(o.nom, f.cible) AS nom_cible, f.montant_eur, f.programmes
        FROM funding f
        LEFT JOIN (SELECT id, nom FROM investisseurs WHERE snapshot_id = $sid) i ON i.id = f.source
        LEFT JOIN (SELECT id, nom FROM operateurs WHERE snapshot_id = $sid) o ON o.id = f.cible
        UNION ALL
        SELECT 'thematique', t.source, coalesce(o.nom, t.source), t.cible, coalesce(th.libelle, t.cible),
               t.montant_eur, t.programmes
        FROM themes t
        LEFT JOIN (SELECT id, nom FROM operateurs WHERE snapshot_id = $sid) o ON o.id = t.source
        LEFT JOIN (SELECT code, libelle FROM thematiques WHERE snapshot_id = $sid) th ON th.code = t.cible
        ORDER BY 1, 6 DESC, 2, 4
        """, snapshot_id))


def present_unfunded_cells(store: Store, snapshot_id: int) -> pd.DataFrame:
    """Cells with needs (territoire as the need rows place them × thematique) where an operator is present (its
    territories reach the cell's need rows by the programmes' rule) but none of the active programmes it delivers
    reaches them: territoire, nom_territoire, thematique, acteurs, score, operateurs (ids), noms_operateurs,
    atteint (whether another active programme reaches the cell's needs). Highest score first."""
    return store.read(_sql(f"""
        WITH {ACTIVE}, needs AS (
            SELECT territoire, thematique, sum(acteurs) AS acteurs, sum(score) AS score
            FROM need_agg WHERE snapshot_id = $sid GROUP BY ALL
        ), present AS (  -- where each operator's territories reach need rows, by the programmes' rule
            SELECT DISTINCT o.id AS op, o.nom, r.territoire
            FROM (SELECT id, nom, unnest(territoires) AS src FROM operateurs WHERE snapshot_id = $sid) o
            JOIN territory_reach r ON r.src = o.src AND r.reaches_need
        ), candidates AS (
            SELECT n.territoire, n.thematique, n.acteurs, n.score, p.op, p.nom
            FROM needs n JOIN present p ON p.territoire = n.territoire
        ), funded AS (  -- a candidate one of the operator's active programmes reaches (the store's programme_reach)
            SELECT DISTINCT c.op, c.territoire, c.thematique
            FROM candidates c JOIN by_op b ON b.op = c.op
            JOIN programme_reach r ON r.snapshot_id = $sid AND r.programme_id = b.id AND r.reaches_need
              AND r.territoire = c.territoire AND r.thematique = c.thematique
        ), unfunded AS (
            SELECT c.* FROM candidates c
            ANTI JOIN funded f ON f.op = c.op AND f.territoire = c.territoire AND f.thematique = c.thematique
        )
        SELECT u.territoire, t.nom AS nom_territoire, u.thematique, u.acteurs, u.score,
               list(u.op ORDER BY u.op) AS operateurs, string_agg(u.nom, {SEP} ORDER BY u.nom) AS noms_operateurs,
               coalesce(any_value(c.atteint), false) AS atteint
        FROM unfunded u JOIN territoires t ON t.key = u.territoire
        LEFT JOIN (SELECT territoire, thematique, atteint FROM coverage WHERE snapshot_id = $sid) c
          ON c.territoire = u.territoire AND c.thematique = u.thematique
        GROUP BY u.territoire, t.nom, t.ordre, u.thematique, u.acteurs, u.score
        ORDER BY u.score DESC, t.ordre, u.thematique
        """, snapshot_id))


# --- one organisation ---------------------------------------------------------------------------------------------
def funded_programmes(store: Store, snapshot_id: int, investor: str) -> pd.DataFrame:
    """The active programmes an investor funds: id, nom, budget_eur, part_budget_eur (its equal share),
    investisseurs (names of all its funders), operateurs (names)."""
    return store.read(_sql(f"""
        WITH {ACTIVE}, mine AS (SELECT * FROM active WHERE list_contains(invs, ?)),
        funders AS (SELECT id, unnest(invs) AS x FROM mine), makers AS (SELECT id, unnest(ops) AS x FROM mine)
        SELECT m.id, m.nom, m.budget_eur, m.budget_eur / len(m.invs) AS part_budget_eur,
               (SELECT string_agg(coalesce(i.nom, f.x), {SEP} ORDER BY coalesce(i.nom, f.x)) FROM funders f
                LEFT JOIN investisseurs i ON i.snapshot_id = $sid AND i.id = f.x WHERE f.id = m.id) AS investisseurs,
               (SELECT string_agg(coalesce(o.nom, k.x), {SEP} ORDER BY coalesce(o.nom, k.x)) FROM makers k
                LEFT JOIN operateurs o ON o.snapshot_id = $sid AND o.id = k.x WHERE k.id = m.id) AS operateurs
        FROM mine m ORDER BY m.id
        """, snapshot_id), [investor])


def cofunders(store: Store, snapshot_id: int, investor: str) -> pd.DataFrame:
    """The investors that co-fund an investor's active programmes: id, nom, programmes_communs."""
    return store.read(_sql(f"""
        WITH {ACTIVE}, pairs AS (SELECT id, unnest(invs) AS x FROM active WHERE list_contains(invs, ?))
        SELECT p.x AS id, coalesce(i.nom, p.x) AS nom, count(*) AS programmes_communs
        FROM pairs p LEFT JOIN investisseurs i ON i.snapshot_id = $sid AND i.id = p.x
        WHERE p.x <> ?
        GROUP BY ALL ORDER BY programmes_communs DESC, nom
        """, snapshot_id), [investor, investor])


def investor_commitments(store: Store, snapshot_id: int, investor: str) -> pd.DataFrame:
    """The commitments an investor is part of (``followup.commitments``'s rows)."""
    rows = commitments(store, snapshot_id)
    mine = pd.Series([investor in list(invs) for invs in rows["investisseurs"]], index=rows.index, dtype=bool)
    return rows[mine].reset_index(drop=True)


def investor_results(store: Store, snapshot_id: int, investor: str) -> pd.DataFrame:
    """The declared results of the programmes an investor funds (active or not): programme, nom (the
    programme's), territoire, nom_territoire, thematique, beneficiaires, montant_verse_eur."""
    return store.read(
        """
        SELECT r.programme, p.nom, r.territoire, t.nom AS nom_territoire, r.thematique, r.beneficiaires,
               r.montant_verse_eur
        FROM realisations r JOIN programmes p ON p.snapshot_id = r.snapshot_id AND p.id = r.programme
        JOIN territoires t ON t.key = r.territoire
        WHERE r.snapshot_id = ? AND list_contains(p.investisseurs, ?)
        ORDER BY r.programme, t.ordre, r.thematique
        """, [snapshot_id, investor])


def delivered_programmes(store: Store, snapshot_id: int, operator: str) -> pd.DataFrame:
    """Every programme an operator delivers: id, nom, actif (at the snapshot's date), budget_eur, investisseurs
    (names); active ones first."""
    return store.read(
        f"""
        SELECT p.id, p.nom, p.actif, p.budget_eur,
               (SELECT string_agg(coalesce(i.nom, x), {SEP} ORDER BY coalesce(i.nom, x))
                FROM unnest(list_distinct(p.investisseurs)) AS u(x)
                LEFT JOIN investisseurs i ON i.snapshot_id = p.snapshot_id AND i.id = x) AS investisseurs
        FROM programme_activity p
        WHERE p.snapshot_id = ? AND list_contains(coalesce(p.operateurs, []), ?)
        ORDER BY actif DESC, p.id
        """, [snapshot_id, operator])


def operator_funders(store: Store, snapshot_id: int, operator: str) -> pd.DataFrame:
    """The investors of the active programmes an operator delivers: id, nom, programmes, budget_eur (their equal
    shares), part (of the operator's budget; None without budget). Largest first."""
    return store.read(_sql(f"""
        WITH {ACTIVE}, mine AS (SELECT * FROM delivered WHERE op = ?)
        SELECT m.inv AS id, coalesce(i.nom, m.inv) AS nom, count(DISTINCT m.programme) AS programmes,
               sum(m.part) AS budget_eur,
               sum(m.part) / nullif((SELECT sum(part) FROM mine), 0) AS part
        FROM mine m LEFT JOIN investisseurs i ON i.snapshot_id = $sid AND i.id = m.inv
        GROUP BY ALL ORDER BY budget_eur DESC, id
        """, snapshot_id), [operator])


def operator_cells(store: Store, snapshot_id: int, operator: str) -> pd.DataFrame:
    """The territories × themes of the active programmes an operator delivers, as the programmes list them:
    territoire, nom_territoire, thematique, programmes."""
    return store.read(_sql(f"""
        WITH {ACTIVE}, places AS (SELECT id, thematiques, unnest(territoires) AS te FROM by_op WHERE op = ?),
        cells AS (SELECT id, te, unnest(thematiques) AS th FROM places)
        SELECT c.te AS territoire, t.nom AS nom_territoire, c.th AS thematique, count(DISTINCT c.id) AS programmes
        FROM cells c JOIN territoires t ON t.key = c.te
        GROUP BY c.te, t.nom, t.ordre, c.th ORDER BY t.ordre, c.th
        """, snapshot_id), [operator])


# --- every organisation (the command line, the API) ---------------------------------------------------------------
def organisations(store: Store, snapshot_id: int) -> list[dict[str, Any]]:
    """One object per organisation, an investor and an operator sharing a SIREN or an RNA being one with two roles:
    id (the investor's, else the operator's), nom, roles (« financeur », « operateur »), siren, siret, rna,
    programmes_finances and programmes_operes (active programme ids), financeurs (investor ids of the programmes
    it delivers), part_premier_financeur (0–1, None when it delivers nothing with a budget), doublons_probables
    (ids of the others whose names fold alike), investisseur and operateur (its id in each role, or None)."""
    investors = store.read("SELECT id, nom, siren, rna FROM investisseurs WHERE snapshot_id = ? ORDER BY id",
                           [snapshot_id])
    funded = store.read(_sql(f"""
        WITH {ACTIVE}
        SELECT inv, list(id ORDER BY id) AS programmes FROM (SELECT id, unnest(invs) AS inv FROM active) GROUP BY inv
        """, snapshot_id))
    funded_by = dict(zip(funded["inv"], funded["programmes"]))
    delivered = store.read(_sql(f"""
        WITH {ACTIVE}
        SELECT op, list(DISTINCT programme ORDER BY programme) AS programmes, list(DISTINCT inv ORDER BY inv) AS financeurs
        FROM delivered GROUP BY op
        """, snapshot_id))
    delivered_by = {r.op: (list(r.programmes), list(r.financeurs)) for r in delivered.itertuples()}
    ops = operators(store, snapshot_id)
    orgs: list[dict[str, Any]] = []
    by_identifier: dict[tuple[str, str], dict[str, Any]] = {}
    for r in investors.itertuples():
        org = _organisation(r.id, r.nom, _v(r.siren), None, _v(r.rna))
        org |= {"roles": ["financeur"], "investisseur": r.id, "programmes_finances": [str(p) for p in funded_by.get(r.id, [])]}
        orgs.append(org)
        for kind in ("siren", "rna"):
            if org[kind]:
                by_identifier.setdefault((kind, org[kind]), org)
    for r in ops.itertuples():
        same = next((by_identifier[(k, v)] for k, v in (("siren", _v(r.siren)), ("rna", _v(r.rna)))
                     if v and (k, v) in by_identifier and by_identifier[(k, v)]["operateur"] is None), None)
        org = same or _organisation(r.id, r.nom, _v(r.siren), None, _v(r.rna))
        if same is None:
            orgs.append(org)
        programmes, funders = delivered_by.get(r.id, ([], []))
        org["roles"].append("operateur")
        org |= {"operateur": r.id, "siret": _v(r.siret), "siren": org["siren"] or _v(r.siren),
                "rna": org["rna"] or _v(r.rna), "programmes_operes": [str(p) for p in programmes],
                "financeurs": [str(f) for f in funders], "part_premier_financeur": _v(r.part_premier_financeur)}
    by_name: dict[str, list[str]] = {}
    for org in orgs:
        by_name.setdefault(name_key(org["nom"]), []).append(org["id"])
    for org in orgs:
        org["doublons_probables"] = [i for i in by_name[name_key(org["nom"])] if i != org["id"]]
    return orgs


# what ``organisations --json`` prints (and the API serves), in this order
ORGANISATION_KEYS = ("id", "nom", "roles", "siren", "siret", "rna", "programmes_finances", "programmes_operes",
                     "financeurs", "part_premier_financeur", "doublons_probables")


def organisation_records(store: Store, snapshot_id: int) -> list[dict[str, Any]]:
    """The organisations as the command line prints them: the keys of ORGANISATION_KEYS, JSON-ready."""
    return [{k: o[k] for k in ORGANISATION_KEYS} for o in organisations(store, snapshot_id)]


def organisation(store: Store, snapshot_id: int, org_id: str) -> dict[str, Any] | None:
    """The organisation an id names (as an investor first, else as an operator), or None."""
    return find_organisation(organisations(store, snapshot_id), org_id)


def find_organisation(orgs: list[dict[str, Any]], org_id: str) -> dict[str, Any] | None:
    """Among ``organisations``'s objects, the one ``org_id`` names (as an investor first, else as an operator)."""
    return next((o for o in orgs if o["investisseur"] == org_id), None) or next(
        (o for o in orgs if o["operateur"] == org_id), None)


def _organisation(org_id: str, nom: str, siren: str | None, siret: str | None, rna: str | None) -> dict[str, Any]:
    return {"id": org_id, "nom": nom, "roles": [], "siren": siren, "siret": siret, "rna": rna,
            "programmes_finances": [], "programmes_operes": [], "financeurs": [], "part_premier_financeur": None,
            "doublons_probables": [], "investisseur": None, "operateur": None}


def _v(value: Any) -> Any:
    """A cell read back from DuckDB as a plain value (None for a missing one)."""
    return None if value is None or (isinstance(value, float) and value != value) else (
        float(value) if isinstance(value, float) else value)
