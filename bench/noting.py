"""Noting one commitment during a session at the largest size: ``inventory.intake.noting.note_commitment`` validates
the row (the models, then the cross-references against the active snapshot) and writes a snapshot that shares
every other part. Each run is undone (the previous snapshot activated again, the new one deleted) so that the
other sections see the database as built."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bench.common import median, timed
from inventory.intake.noting import note_commitment
from inventory.store import Store


def run_note(db: Path, *, repeat: int) -> dict[str, Any]:
    store = Store(db)
    try:
        active = store.active_snapshot_id()
        investor = store.rows("SELECT id FROM investisseurs WHERE snapshot_id = ? ORDER BY id LIMIT 1", [active])[0][0]
        snap = store.snapshot(active)
        row = {"investisseurs": [investor], "thematiques": "juridique", "territoires": "Occitanie",
               "statut": "engagé", "montant_eur": "50 000", "echeance": "31/12/2020", "session": "Séance du banc"}
        runs = []
        for i in range(repeat):
            t, got = timed(lambda: note_commitment(store, row, at=dt.datetime(2020, 6, 30, 10, i % 60)))
            if not got.ok:
                raise RuntimeError(f"note_commitment refused the bench's row: {got.errors[:3]}")
            runs.append(t)
            store.activate(active)
            store.delete(got.snapshot_id)
        return {"note": median(runs), "max": max(runs), "runs": len(runs), "commitments": snap.counts["engagements"],
                "results": snap.counts["realisations"], "needs": snap.counts["besoins"],
                "programmes": snap.counts["programmes"]}
    finally:
        store.close()
