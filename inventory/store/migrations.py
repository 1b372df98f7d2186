"""Bringing a file written by an earlier version to the current layout, and knowing when nothing is to be done."""
from __future__ import annotations

import duckdb

from inventory.models import SHEETS
from inventory.store.schema import (FOLLOWUP_SNAPSHOT_COLUMNS, NEED_REACHED_CELLS, PART_OF, PARTS, SCHEMA, STAMP,
                                    migrate_from_1, sql_type)


def schema_is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """The file was laid out by this very schema (version and text) and holds its territories. Then opening it
    runs no DDL: ``CREATE OR REPLACE`` and ``ADD COLUMN IF NOT EXISTS`` each write to the log, and closing the
    connection then rewrites the file, so that every reader that opened it would look like a writer to anyone
    watching the file (the dashboard's snapshot list, a read-only mount, a backup)."""
    try:
        got = dict(con.execute("SELECT key, value FROM settings WHERE key IN (SELECT unnest(?))", [list(STAMP)])
                   .fetchall())
        filled = con.execute("SELECT count(*) FROM territoires").fetchall()[0][0] > 0
    except duckdb.CatalogException:  # a new file, or one older than the settings table
        return False
    return filled and got == STAMP


def stamp(con: duckdb.DuckDBPyConnection) -> None:
    """Write in the file's settings which layout it now has (see schema_is_current)."""
    con.executemany("INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    list(STAMP.items()))


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a file written by an earlier version to the current layout, in one transaction."""
    kinds = dict(con.execute(
        "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'").fetchall())
    if kinds.get("besoins") != "BASE TABLE":  # a new file, or already in parts
        if "snapshots" in kinds:
            add_followup_columns(con)
        return
    con.execute("BEGIN TRANSACTION")
    try:
        v1 = [table for table in PART_OF if kinds.get(table) == "BASE TABLE"]  # the follow-through came later
        for table in v1:
            con.execute(f"ALTER TABLE {table} RENAME TO {table}_v1")
        for kind in PARTS:
            con.execute(f"ALTER TABLE snapshots ADD COLUMN IF NOT EXISTS {kind}_part INTEGER")
        add_followup_columns(con)
        con.execute(SCHEMA)
        con.execute(migrate_from_1(v1))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def add_followup_columns(con: duckdb.DuckDBPyConnection) -> None:
    """A file written before commitments and results (or operators) gets their snapshot columns (empty: no such
    rows), and its stored sheets the contract's later optional columns (``siren``, ``rna``, a programme's
    ``operateurs``…: empty in the rows written before)."""
    for column in FOLLOWUP_SNAPSHOT_COLUMNS:
        con.execute(f"ALTER TABLE snapshots ADD COLUMN IF NOT EXISTS {column}")
    stored = {table for (table,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    for sheet, model in SHEETS.items():
        if f"{sheet}_rows" not in stored:
            continue
        for name, info in model.model_fields.items():
            kind = sql_type(info.annotation)
            default = " DEFAULT []" if kind.endswith("[]") else ""  # a list read back as a list, not a null
            con.execute(f'ALTER TABLE {sheet}_rows ADD COLUMN IF NOT EXISTS "{name}" {kind}{default}')


def migrate_coverage(con: duckdb.DuckDBPyConnection) -> None:
    """Files written before schema 3 have no ``coverage.atteint``: add it and fill it, per coverage part."""
    has = con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'coverage_rows' "
                      "AND column_name = 'atteint'").fetchall()[0][0]
    if has and not con.execute("SELECT count(*) FROM coverage_rows WHERE atteint IS NULL").fetchall()[0][0]:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("ALTER TABLE coverage_rows ADD COLUMN IF NOT EXISTS atteint BOOLEAN")
        for part, sid in con.execute("SELECT couverture_part, min(id) FROM snapshots WHERE couverture_part IS NOT NULL "
                                     "GROUP BY ALL").fetchall():
            cells = NEED_REACHED_CELLS.replace("$sid", str(int(sid)))
            con.execute(f"UPDATE coverage_rows c SET atteint = EXISTS (SELECT 1 FROM ({cells}) d "
                        f"WHERE d.territoire = c.territoire AND d.thematique = c.thematique) WHERE c.part = ?", [part])
        con.execute("UPDATE coverage_rows SET atteint = false WHERE atteint IS NULL")  # parts no snapshot uses
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
