"""Bringing a file written by an earlier version to the current layout, and knowing when nothing is to be done."""
from __future__ import annotations

import duckdb

from inventory.models import SHEETS, storage
from inventory.store.schema import (FOLLOWUP_SNAPSHOT_COLUMNS, PART_OF, PARTS, SCHEMA, SESSION_SNAPSHOT_COLUMNS,
                                    STAMP, migrate_from_1)


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
        if "reach_rows" in kinds:  # before schema 4; the views built on it need the column (filled by fill_reach)
            con.execute("ALTER TABLE reach_rows ADD COLUMN IF NOT EXISTS reaches_need BOOLEAN")
        add_model_columns(con, kinds)
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


def add_model_columns(con: duckdb.DuckDBPyConnection, kinds: dict[str, str]) -> None:
    """A column declared in a model since the file was written is added to its stored rows (empty: the sheets
    imported before did not have it): the model is the one place a new optional column is declared."""
    for sheet, model in SHEETS.items():
        if f"{sheet}_rows" not in kinds:
            continue
        present = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                                             [f"{sheet}_rows"]).fetchall()}
        for name, info in model.model_fields.items():
            if name not in present:
                kind = storage(info.annotation)[0]
                default = " DEFAULT []" if kind.endswith("[]") else ""  # a list read back as a list, not a null
                con.execute(f'ALTER TABLE {sheet}_rows ADD COLUMN "{name}" {kind}{default}')


def add_followup_columns(con: duckdb.DuckDBPyConnection) -> None:
    """A file written before commitments and results (or operators) gets their snapshot columns (empty: no such
    rows)."""
    for column in FOLLOWUP_SNAPSHOT_COLUMNS:
        con.execute(f"ALTER TABLE snapshots ADD COLUMN IF NOT EXISTS {column}")


def add_session_columns(con: duckdb.DuckDBPyConnection) -> None:
    """Every snapshot knows its kind and séance. A file written before has them added: its imports stay imports,
    and the snapshots its audit log says were written by noting a commitment become notes of the séance their
    label names (« Séance du 30/06 – engagement noté à 10:42 »)."""
    has = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                     "WHERE table_name = 'snapshots'").fetchall()}
    if {c.split()[0] for c in SESSION_SNAPSHOT_COLUMNS} <= has:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        for column in SESSION_SNAPSHOT_COLUMNS:
            con.execute(f"ALTER TABLE snapshots ADD COLUMN IF NOT EXISTS {column}")
        con.execute("UPDATE snapshots SET kind = 'note', seance = regexp_replace(label, ' – [^–]*$', '') "
                    "WHERE id IN (SELECT snapshot_id FROM audit_log WHERE action = 'engagement')")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def fill_reach(con: duckdb.DuckDBPyConnection) -> None:
    """Files written before schema 4 lack ``reach.reaches_need`` (and before schema 3 ``coverage.atteint``): fill
    them from the stored programmes through territory_reach, the rule's one home, in one transaction."""
    reach_missing = con.execute("SELECT count(*) FROM reach_rows WHERE reaches_need IS NULL").fetchall()[0][0]
    has = con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'coverage_rows' "
                      "AND column_name = 'atteint'").fetchall()[0][0]
    coverage_missing = not has or con.execute("SELECT count(*) FROM coverage_rows WHERE atteint IS NULL").fetchall()[0][0]
    if not reach_missing and not coverage_missing:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("""
            UPDATE reach_rows r SET reaches_need = EXISTS (
                SELECT 1 FROM programmes_rows p JOIN territory_reach t ON list_contains(p.territoires, t.src)
                WHERE p.part = r.part AND p.id = r.programme_id AND t.territoire = r.territoire AND t.reaches_need)
            WHERE r.reaches_need IS NULL
        """)
        con.execute("ALTER TABLE coverage_rows ADD COLUMN IF NOT EXISTS atteint BOOLEAN")
        for part, sid in con.execute("SELECT couverture_part, min(id) FROM snapshots WHERE couverture_part IS NOT NULL "
                                     "GROUP BY ALL").fetchall():
            con.execute("""
                UPDATE coverage_rows c SET atteint = EXISTS (
                    SELECT 1 FROM programme_reach r WHERE r.snapshot_id = ? AND r.reaches_need
                      AND r.territoire = c.territoire AND r.thematique = c.thematique)
                WHERE c.part = ? AND c.atteint IS NULL
            """, [sid, part])
        con.execute("UPDATE coverage_rows SET atteint = false WHERE atteint IS NULL")  # parts no snapshot uses
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
