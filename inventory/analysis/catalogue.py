"""The programme catalogue, filtered, with whether each programme is active at the snapshot's date."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from inventory.store import Store
from inventory.analysis.base import SEP


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
        WITH sel AS (SELECT p.* FROM programme_activity p WHERE p.snapshot_id = ? {clause}),
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
               p.budget_eur, p.date_debut, p.date_fin, p.date_limite_candidature, p.actif,
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
