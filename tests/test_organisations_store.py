"""A file written before organisations (no operators' part, no siren/rna/operateurs columns) opens, keeps its
snapshots and gains the new columns empty; a new snapshot then carries operators."""
from __future__ import annotations

import duckdb

from inventory.store import Store
from inventory.store.migrations import schema_is_current
from tests import organisations_inventory as inv
from tests.builders import inventory_sheets
from tests.uploads import imported


def test_a_file_written_before_the_operators_opens_and_takes_them(store, tmp_path):
    first = imported(store, tmp_path / "a", inventory_sheets())
    assert first.ok
    path = store.path
    store.close()
    con = duckdb.connect(str(path))  # as the previous version laid it out
    for view in ("investisseurs", "programmes", "operateurs"):
        con.execute(f"DROP VIEW IF EXISTS {view}")
    con.execute("DROP TABLE operateurs_rows")
    con.execute("ALTER TABLE investisseurs_rows DROP COLUMN siren")
    con.execute("ALTER TABLE investisseurs_rows DROP COLUMN rna")
    con.execute("ALTER TABLE programmes_rows DROP COLUMN operateurs")
    con.execute("ALTER TABLE snapshots DROP COLUMN operateurs_part")
    con.execute("UPDATE settings SET value = 'older' WHERE key = 'schema_fingerprint'")
    con.close()

    again = Store(path)
    try:
        rows = again.sheet(first.snapshot_id, "programmes")
        assert list(rows["id"]) == ["P1", "P2"] and [list(o) for o in rows["operateurs"]] == [[], []]
        assert again.sheet(first.snapshot_id, "investisseurs")["siren"].isna().all()
        assert again.sheet(first.snapshot_id, "operateurs").empty
        with again.cursor() as cur:
            assert schema_is_current(cur)
        second = imported(again, tmp_path / "b", inv.sheets())
        assert second.ok, second.errors
        assert list(again.sheet(second.snapshot_id, "operateurs")["id"]) == ["OP1", "OP2", "OP3", "OP4"]
    finally:
        again.close()
