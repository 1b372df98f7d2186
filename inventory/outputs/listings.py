"""The lists that leave the house as data: one function per list the command line prints with ``--json`` and the
API serves (as JSON or CSV), so that both give the same rows with the same numbers."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from inventory.analysis import base, coverage, followup, signals as signal_analysis
from inventory.analysis import pathways as pathway_analysis
from inventory.store import SHEET_COLUMNS, Store

SHEETS = tuple(SHEET_COLUMNS)  # the contract's sheets, in the contract's order

MATRIX_DROPPED = ["alliance"]  # internal to the pages (a chart's marker), not part of the documented row
COMMITMENT_KEYS = ["id", "investisseurs", "thematiques", "territoires", "statut", "montant_eur", "date", "echeance",
                   "en_retard", "zones_blanches"]
PATHWAY_KEYS = ["territoire", "nom", "thematique", "acteurs", "score", "programmes", "phases", "natures", "urgence",
                "relance", "structurel", "argent", "accompagnement", "maillon_manquant"]
SIGNAL_KEYS = ["type", "territoire", "thematique", "avant", "apres", "pour", "rang", "objet", "date", "jours"]
RESULT_KEYS = ["territoire", "nom", "thematique", "acteurs", "beneficiaires", "taux_atteinte", "montant_verse_eur"]


def records(frame: pd.DataFrame, columns: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: numbers as Python numbers, lists as lists, dates as ISO strings, missing values
    as null."""
    out = []
    for row in (frame if columns is None else frame[columns]).to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if hasattr(value, "tolist") and not isinstance(value, str):
                value = value.tolist()
            if not isinstance(value, (list, dict)) and pd.isna(value):  # NaT too, before it passes for a date
                value = None
            elif isinstance(value, (dt.date, dt.datetime)):  # DuckDB's DATE comes back as a pandas Timestamp
                value = value.isoformat()[:10]
            clean[key] = value
        out.append(clean)
    return out


def snapshots(store: Store) -> list[dict[str, Any]]:
    """``snapshots --json``: id, label, as_of, created_at, active, counts."""
    return [{"id": s.id, "label": s.title, "as_of": s.as_of.isoformat(), "created_at": s.created_at.isoformat(),
             "active": s.active, "counts": s.counts} for s in store.snapshots()]


def matrix(store: Store, snapshot_id: int, *, level: str = "region", source: str | None = None) -> pd.DataFrame:
    """``matrix --json``: one row per territory × theme with needs or coverage (coverage.need_matrix)."""
    m = coverage.need_matrix(store, snapshot_id, level=level, needs=base.NeedFilter(source=source))
    return m.drop(columns=MATRIX_DROPPED)


def pathways(store: Store, snapshot_id: int, *, level: str = "region", source: str | None = None) -> pd.DataFrame:
    """``pathways --json``: one row per cell with needs, its steps and its missing link."""
    return pathway_analysis.pathways(store, snapshot_id, level=level, source=source)[PATHWAY_KEYS]


def commitments(store: Store, snapshot_id: int) -> pd.DataFrame:
    """``commitments --json``: one row per commitment, late ones first, and the white zones it reaches."""
    return followup.commitments(store, snapshot_id)[COMMITMENT_KEYS]


def results(store: Store, snapshot_id: int, *, level: str = "region", source: str | None = None) -> pd.DataFrame:
    """``results --json``: actors in need → actors reached (declared), per territory × theme."""
    return followup.result_cells(store, snapshot_id, level=level,
                                  needs=base.NeedFilter(source=source))[RESULT_KEYS]


def sheet(store: Store, snapshot_id: int, name: str) -> pd.DataFrame:
    """The contract's rows of one sheet of a snapshot, in its columns' and its file's order."""
    if name not in SHEET_COLUMNS:
        raise KeyError(name)
    return store.sheet(snapshot_id, name)


def signals(store: Store, snapshot_id: int) -> pd.DataFrame:
    """``signals --json`` of a snapshot against the import before it: one row per signal, most pressing first
    (``pour``: the members best placed, as {investisseur, raison})."""
    return pd.DataFrame(signal_analysis.signals_json(store, None, snapshot_id), columns=SIGNAL_KEYS)
