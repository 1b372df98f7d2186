"""Who is best placed to act on a signal (``signals``): its owners first (the commitment or the programme is
theirs), then the members who fund the theme there (an active programme reaching the cell: ``investor_reach``),
in a neighbouring territory, and their allies (co-funders of an active programme); a stale sheet goes to the
members whose rows it holds. data/geo has no adjacency: a département's neighbours are the other départements of
its region, and a region's own row's neighbours are its départements."""
from __future__ import annotations

from typing import Any

from inventory.store import Store

# why a member is named, strongest first
REASONS = ("engagement", "programme", "ici", "voisin", "allie", "donnees")


def route(store: Store, after: int, found: list[dict[str, Any]], *, catalogues: dict[str, str]) -> None:
    """Fill each signal's ``pour``: its owners first, then who funds the theme there, nearby, and their allies;
    a stale sheet goes to the members whose rows it holds."""
    cells = sorted({(s["territoire"], s["thematique"]) for s in found
                    if s["type"] in ("besoin_en_hausse", "zone_blanche_ouverte", "fin_de_programme")})
    near = _near(store, after, cells)
    owners_of = _sheet_owners(store, after, catalogues)
    names = dict(store.rows("SELECT id, nom FROM investisseurs WHERE snapshot_id = ?", [after]))
    for s in found:
        best: dict[str, tuple[int, int]] = {}  # member → (reason rank, programmes there)

        def name(member: str, reason: str, weight: int = 0) -> None:
            rank = REASONS.index(reason)
            if member not in best or (rank, -weight) < (best[member][0], -best[member][1]):
                best[member] = (rank, weight)

        for member in s.pop("owners"):
            name(member, s["owner_reason"])
        s.pop("owner_reason")
        if s["type"] == "donnees_anciennes":
            for member in owners_of.get(s["objet"], []):
                name(member, "donnees")
        for member, reason, weight in near.get((s["territoire"], s["thematique"]), []):
            name(member, reason, weight)
        ranked = sorted(best.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))
        s["pour"] = [{"investisseur": m, "nom": names.get(m, m), "raison": REASONS[r], "programmes": w}
                     for m, (r, w) in ranked]


def _near(store: Store, after: int, cells: list[tuple[str, str]]) -> dict[tuple[str, str], list[tuple[str, str, int]]]:
    """(territoire, thematique) → [(member, reason, programmes)] for reasons ici, voisin, allie."""
    if not cells:
        return {}
    rows = store.rows(
        """
        WITH cells AS (SELECT unnest($t::VARCHAR[]) AS territoire, unnest($h::VARCHAR[]) AS thematique),
        here AS (
            SELECT c.territoire, c.thematique, r.investisseur, r.programmes
            FROM cells c JOIN investor_reach r ON r.snapshot_id = $a AND r.territoire = c.territoire
             AND r.thematique = c.thematique
        ), neighbours AS (  -- no adjacency in data/geo: the other départements of the region, a region's départements
            SELECT t.key AS territoire, n.key AS voisin FROM territoires t JOIN territoires n ON n.level = 'departement'
             AND ((t.level = 'departement' AND n.region_key = t.region_key AND n.key <> t.key)
                  OR (t.level = 'region' AND n.region_key = t.key))
        ), nearby AS (
            SELECT c.territoire, c.thematique, r.investisseur, sum(r.programmes)::BIGINT AS programmes
            FROM cells c JOIN neighbours v ON v.territoire = c.territoire
            JOIN investor_reach r ON r.snapshot_id = $a AND r.territoire = v.voisin AND r.thematique = c.thematique
            GROUP BY ALL
        ), funders AS (
            SELECT id, unnest(list_distinct(investisseurs)) AS inv FROM active_programmes WHERE snapshot_id = $a
        ), pairs AS (
            SELECT a.inv AS a, b.inv AS b, count(*) AS programmes FROM funders a JOIN funders b ON a.id = b.id
             AND a.inv <> b.inv GROUP BY ALL
        ), allies AS (
            SELECT h.territoire, h.thematique, p.b AS investisseur, sum(p.programmes)::BIGINT AS programmes
            FROM here h JOIN pairs p ON p.a = h.investisseur GROUP BY ALL
        )
        SELECT territoire, thematique, investisseur, 'ici', programmes FROM here
        UNION ALL SELECT territoire, thematique, investisseur, 'voisin', programmes FROM nearby
        UNION ALL SELECT territoire, thematique, investisseur, 'allie', programmes FROM allies
        """,
        {"a": after, "t": [c[0] for c in cells], "h": [c[1] for c in cells]},
    )
    out: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
    for terr, theme, member, reason, weight in rows:
        out.setdefault((terr, theme), []).append((member, reason, int(weight)))
    return out


def _sheet_owners(store: Store, after: int, catalogues: dict[str, str]) -> dict[str, list[str]]:
    """Sheet or catalogue → the members whose rows it holds: programmes (and each catalogue) their funders,
    engagements those who made the open ones, realisations the funders of the programmes reported on."""
    cases = " ".join(f"WHEN starts_with(p.id, '{prefix}') THEN '{name}'" for name, prefix in catalogues.items())
    rows = store.rows(
        f"""
        SELECT CASE {cases} ELSE 'programmes' END, unnest(list_distinct(p.investisseurs)) FROM programmes p
        WHERE p.snapshot_id = $a
        UNION SELECT 'programmes', unnest(list_distinct(p.investisseurs)) FROM programmes p WHERE p.snapshot_id = $a
        UNION SELECT 'engagements', unnest(list_distinct(e.investisseurs)) FROM engagements e
              WHERE e.snapshot_id = $a AND is_open(e.statut)
        UNION SELECT 'realisations', unnest(list_distinct(p.investisseurs)) FROM programmes p
              SEMI JOIN realisations r ON r.snapshot_id = p.snapshot_id AND r.programme = p.id WHERE p.snapshot_id = $a
        """,
        {"a": after},
    )
    out: dict[str, list[str]] = {}
    for sheet, member in sorted(rows):
        out.setdefault(sheet, []).append(member)
    return out
