"""The one object in charge of the DuckDB file: schema, reads (a cursor per call) and the single writer.

Every accepted upload becomes a snapshot written in one transaction, together with the per-snapshot
aggregate tables that every view reads (``need_agg``, ``reach``, ``coverage``, ``investor_reach``), so
readers see the old or the new snapshot, never a half, and pages never scan raw rows.

DuckDB lets one process at a time open a file for writing. The dashboard passes ``idle_close`` so that
it lets go of the file a few seconds after its last read: a command-line import then gets the lock, and
the dashboard picks up the new snapshot on its next read.
"""
from __future__ import annotations

import atexit
import datetime as dt
import getpass
import hashlib
import weakref
import os
import shutil
import threading
import time
import typing
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pandas as pd
import pyarrow as pa

from inventory import texts
from inventory.models import SHEETS, Snapshot
from inventory.reference import default_themes, territories

DEFAULT_DB = "data/inventory.duckdb"

# Column order of each stored sheet, read off the models (the contract's one home); the importer hands frames with
# exactly these columns.
SHEET_COLUMNS: dict[str, list[str]] = {sheet: list(model.model_fields) for sheet, model in SHEETS.items()}


def _sql_type(annotation: Any) -> str:
    """The DuckDB type of a model field: str → VARCHAR, list[int] → INTEGER[], date | None → DATE…"""
    if typing.get_origin(annotation) is list:
        return _sql_type(typing.get_args(annotation)[0]) + "[]"
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if args else annotation
    return {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", dt.date: "DATE", bool: "BOOLEAN"}[base]


def _sheet_table(sheet: str, extra: str = "") -> str:
    """CREATE TABLE of a sheet's stored rows: ``part`` then the model's fields (a required scalar is NOT NULL)."""
    fields = SHEETS[sheet].model_fields
    cols = [f"{name} {_sql_type(info.annotation)}"
            + (" NOT NULL" if info.is_required() and typing.get_origin(info.annotation) is not list else "")
            for name, info in fields.items()]
    return f"CREATE TABLE IF NOT EXISTS {sheet}_rows (part INTEGER NOT NULL, {', '.join(cols)}{extra});\n"


# Rows are stored once, in parts: the rows a snapshot wrote carry its id as ``part``. A snapshot that carries a
# sheet over points at the previous snapshot's part instead of copying its rows (a needs-only refresh next to
# 10 000 programmes writes no programme row and none of their ~500 000 reach rows). The views of the same
# names as the sheets give every reader one row set per snapshot, ``snapshot_id`` first, as if copied.
#   kind            stored tables                       the snapshots column naming the part
PARTS: dict[str, tuple[str, ...]] = {
    "investisseurs": ("investisseurs",),
    "programmes": ("programmes", "reach"),  # reach depends on the programmes only
    "besoins": ("besoins", "need_agg"),  # need_agg on the needs only
    "thematiques": ("thematiques",),
    "couverture": ("investor_reach", "coverage"),  # on the programmes and the snapshot's date
}

# --- follow-through: commitments (engagements) and results (realisations) ----------------------------------
# Two optional sheets, each its own kind of part: noting one commitment during a session writes the engagements
# part only (a few thousand rows and their reach) and shares every other part with the active snapshot.
PARTS |= {
    # the cells each commitment reaches (by its row, ``ordre``), and the open ones counted per cell
    "engagements": ("engagements", "engagement_reach", "engagement_cells"),
    "realisations": ("realisations", "result_agg"),  # beneficiaries and disbursements per cell, like need_agg
}
FOLLOWUP_OPTIONAL = ("engagements", "realisations")  # reported as carried over only when they hold rows
ORDERED_SHEETS = ("thematiques", "engagements")  # rows keep their position in ``ordre`` (commitments may lack an id)
FOLLOWUP_TABLES = _sheet_table("engagements", ", ordre INTEGER") + _sheet_table("realisations") + """
CREATE TABLE IF NOT EXISTS engagement_reach_rows (part INTEGER NOT NULL, ordre INTEGER, territoire VARCHAR, thematique VARCHAR);
CREATE TABLE IF NOT EXISTS engagement_cells_rows (part INTEGER NOT NULL, territoire VARCHAR, thematique VARCHAR, ouverts BIGINT);
CREATE TABLE IF NOT EXISTS result_agg_rows (
    part INTEGER NOT NULL, territoire VARCHAR, region_key VARCHAR, thematique VARCHAR, beneficiaires BIGINT,
    montant_verse_eur DOUBLE, resultats BIGINT
);
"""
# Columns a file written before the follow-through lacks; added when it is opened.
FOLLOWUP_SNAPSHOT_COLUMNS = ("engagements_part INTEGER", "realisations_part INTEGER", "n_engagements BIGINT",
                             "n_realisations BIGINT")

PART_OF = {table: kind for kind, tables in PARTS.items() for table in tables}
SNAPSHOT_TABLES = tuple(PART_OF)  # the views, one row set per snapshot
STORED_TABLES = tuple(f"{t}_rows" for t in PART_OF)  # where the rows live, once per part
SCHEMA_VERSION = "3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY, label VARCHAR NOT NULL, as_of DATE NOT NULL, created_at TIMESTAMP NOT NULL,
    created_by VARCHAR, files VARCHAR, sha256 VARCHAR, demo BOOLEAN DEFAULT FALSE,
    n_besoins BIGINT, n_programmes BIGINT, n_investisseurs BIGINT, n_thematiques BIGINT,
    n_engagements BIGINT, n_realisations BIGINT,
    """ + ", ".join(f"{kind}_part INTEGER" for kind in PARTS) + """
);
CREATE TABLE IF NOT EXISTS settings (key VARCHAR PRIMARY KEY, value VARCHAR);
-- Who did what when to the snapshots (import, activate, rename, delete), written in the action's own transaction.
CREATE TABLE IF NOT EXISTS audit_log (
    happened_at TIMESTAMP NOT NULL, who VARCHAR NOT NULL, action VARCHAR NOT NULL, snapshot_id INTEGER, detail VARCHAR
);
CREATE TABLE IF NOT EXISTS territoires (
    key VARCHAR PRIMARY KEY, level VARCHAR, code VARCHAR, nom VARCHAR, region_key VARCHAR, ordre INTEGER
);
""" + "".join(_sheet_table(sheet) for sheet in ("investisseurs", "programmes", "besoins")) + _sheet_table(
    "thematiques", ", ordre INTEGER") + """
CREATE TABLE IF NOT EXISTS need_agg_rows (
    part INTEGER NOT NULL, territoire VARCHAR, region_key VARCHAR, thematique VARCHAR, source VARCHAR,
    public VARCHAR, secteur VARCHAR, acteurs BIGINT, score BIGINT, signaux BIGINT
);
CREATE TABLE IF NOT EXISTS reach_rows (part INTEGER NOT NULL, programme_id VARCHAR, territoire VARCHAR, thematique VARCHAR);
CREATE TABLE IF NOT EXISTS coverage_rows (
    part INTEGER NOT NULL, territoire VARCHAR, thematique VARCHAR, programmes BIGINT, investisseurs BIGINT,
    atteint BOOLEAN
);
-- The rules every query shares, written once (texts.FORMULAS says them in words).
-- "Active" at date d: a missing start or end is open.
CREATE OR REPLACE MACRO active_at(debut, fin, d) AS (debut IS NULL OR debut <= d) AND (fin IS NULL OR fin >= d);
-- Which territories a programme listing ``src`` reaches: FR reaches everything; a region reaches itself and its
-- départements; a département reaches itself and counts for its region. ``reaches_need``: whether a need row
-- placed in ``territoire`` is reached (a département programme does not reach its region's own needs).
CREATE OR REPLACE VIEW territory_reach AS
SELECT src.key AS src, c.key AS territoire,
       NOT (src.level = 'departement' AND c.key = src.region_key) AS reaches_need
FROM territoires src JOIN territoires c ON (
    src.key = 'FR'
    OR c.key = src.key
    OR (src.level = 'region' AND c.region_key = src.key AND c.level = 'departement')
    OR (src.level = 'departement' AND c.key = src.region_key)
);
CREATE TABLE IF NOT EXISTS investor_reach_rows (
    part INTEGER NOT NULL, investisseur VARCHAR, territoire VARCHAR, thematique VARCHAR, programmes BIGINT
);
""" + FOLLOWUP_TABLES + "".join(
    f"CREATE VIEW IF NOT EXISTS {table} AS SELECT s.id AS snapshot_id, r.* EXCLUDE (part) "
    f"FROM snapshots s JOIN {table}_rows r ON r.part = s.{kind}_part;\n"
    for table, kind in PART_OF.items()
)
# Which layout a file was written with: stored in its settings, compared on open (see _schema_is_current).
SCHEMA_FINGERPRINT = hashlib.sha256("\n".join((SCHEMA_VERSION, SCHEMA, *FOLLOWUP_SNAPSHOT_COLUMNS)).encode())\
    .hexdigest()[:16]
STAMP = {"schema_version": SCHEMA_VERSION, "schema_fingerprint": SCHEMA_FINGERPRINT}  # in settings, once laid out

# The cells (territoire × thematique) whose own need rows an active programme reaches, for snapshot $sid: the
# ``atteint`` of coverage, from which a cell's score_couvert is read (texts.FORMULA_ATTEINTE).
NEED_REACHED_CELLS = """
SELECT DISTINCT territoire, thematique FROM (
    SELECT r.territoire, unnest(a.thematiques) AS thematique
    FROM (SELECT unnest(p.territoires) AS src, p.thematiques FROM programmes p JOIN snapshots s ON s.id = $sid
          WHERE p.snapshot_id = $sid AND len(p.investisseurs) > 0 AND active_at(p.date_debut, p.date_fin, s.as_of)) a
    JOIN territory_reach r ON r.src = a.src AND r.reaches_need)
"""

# Aggregates of one snapshot (parameter $sid), computed inside the import transaction from the views, into the
# snapshot's own part. reach: which cells a programme's territories reach. FR reaches everything; a region
# reaches itself and its départements; a département reaches itself and counts for its region.
AGGREGATES: dict[str, str] = {
    "need_agg": """
INSERT INTO need_agg_rows
SELECT $sid, b.territoire, t.region_key, b.thematique, b.source, b.public, b.secteur,
       sum(b.nb_acteurs), sum(b.nb_acteurs * b.intensite), count(*)
FROM besoins b JOIN territoires t ON t.key = b.territoire
WHERE b.snapshot_id = $sid
GROUP BY ALL;
""",
    "reach": """
INSERT INTO reach_rows
WITH pt AS (
    SELECT p.id AS programme_id, unnest(p.territoires) AS pter, p.thematiques
    FROM programmes p WHERE p.snapshot_id = $sid
), cells AS (  -- territory_reach is a few hundred pairs: one equi-join
    SELECT DISTINCT pt.programme_id, r.territoire, pt.thematiques
    FROM pt JOIN territory_reach r ON r.src = pt.pter
)
SELECT DISTINCT $sid, programme_id, territoire, unnest(thematiques) FROM cells;
""",
    "investor_reach": """
-- programmes active at the snapshot's date first; reach rows are distinct (programme, cell) and programme
-- ids unique, so count(*) counts distinct programmes; coverage counts a cell's investors in investor_reach
INSERT INTO investor_reach_rows
SELECT $sid, i.inv, r.territoire, r.thematique, count(*)
FROM reach r
JOIN (SELECT p.id, unnest(list_distinct(p.investisseurs)) AS inv FROM programmes p JOIN snapshots s ON s.id = $sid
      WHERE p.snapshot_id = $sid AND active_at(p.date_debut, p.date_fin, s.as_of)) i
  ON i.id = r.programme_id
WHERE r.snapshot_id = $sid
GROUP BY ALL;
""",
    "coverage": """
INSERT INTO coverage_rows
SELECT $sid, r.territoire, r.thematique, count(*), any_value(n.investisseurs), bool_or(d.territoire IS NOT NULL)
FROM reach r
JOIN (SELECT p.id FROM programmes p JOIN snapshots s ON s.id = $sid
      WHERE p.snapshot_id = $sid AND len(p.investisseurs) > 0 AND active_at(p.date_debut, p.date_fin, s.as_of)) a
  ON a.id = r.programme_id
JOIN (SELECT territoire, thematique, count(*) AS investisseurs FROM investor_reach WHERE snapshot_id = $sid
      GROUP BY ALL) n ON n.territoire = r.territoire AND n.thematique = r.thematique
LEFT JOIN (""" + NEED_REACHED_CELLS + """) d ON d.territoire = r.territoire AND d.thematique = r.thematique
WHERE r.snapshot_id = $sid
GROUP BY r.territoire, r.thematique;
""",
}

COUNTS = """
UPDATE snapshots SET
    n_besoins = (SELECT count(*) FROM besoins WHERE snapshot_id = $sid),
    n_programmes = (SELECT count(*) FROM programmes WHERE snapshot_id = $sid),
    n_investisseurs = (SELECT count(*) FROM investisseurs WHERE snapshot_id = $sid),
    n_thematiques = (SELECT count(*) FROM thematiques WHERE snapshot_id = $sid)
WHERE id = $sid;
"""


# The follow-through's aggregates. engagement_reach: a commitment reaches cells by the programmes' rule, whatever
# its status (the views filter open ones); result_agg: results summed per cell, rolled up like needs.
AGGREGATES |= {
    "engagement_reach": """
INSERT INTO engagement_reach_rows
WITH et AS (
    SELECT e.ordre, unnest(e.territoires) AS eter, e.thematiques FROM engagements e WHERE e.snapshot_id = $sid
), cells AS (
    SELECT DISTINCT et.ordre, r.territoire, et.thematiques FROM et JOIN territory_reach r ON r.src = et.eter
)
SELECT DISTINCT $sid, ordre, territoire, unnest(thematiques) FROM cells;
""",
    "engagement_cells": """
INSERT INTO engagement_cells_rows
SELECT $sid, r.territoire, r.thematique, count(*)
FROM engagement_reach r JOIN engagements e ON e.snapshot_id = r.snapshot_id AND e.ordre = r.ordre
WHERE r.snapshot_id = $sid AND e.statut IN ('envisage', 'engage')
GROUP BY ALL;
""",
    "result_agg": """
INSERT INTO result_agg_rows
SELECT $sid, r.territoire, t.region_key, r.thematique, sum(r.beneficiaires), sum(r.montant_verse_eur), count(*)
FROM realisations r JOIN territoires t ON t.key = r.territoire
WHERE r.snapshot_id = $sid
GROUP BY ALL;
""",
}

FOLLOWUP_COUNTS = """
UPDATE snapshots SET
    n_engagements = (SELECT count(*) FROM engagements WHERE snapshot_id = $sid),
    n_realisations = (SELECT count(*) FROM realisations WHERE snapshot_id = $sid)
WHERE id = $sid;
"""


def aggregates_sql(sid: int, written: set[str]) -> str:
    """The SQL that fills the aggregate tables of the parts snapshot ``sid`` writes itself (``written``:
    the kinds of part it owns), then its counts, inside the import transaction."""
    parts = [sql for table, sql in AGGREGATES.items() if PART_OF[table] in written] + [COUNTS, FOLLOWUP_COUNTS]
    return "\n".join(parts).replace("$sid", str(int(sid)))


# Files written before parts (schema 1) kept one copy of every row per snapshot, in tables named as the views.
def migrate_from_1(tables: list[str]) -> str:
    return "".join(
        f"INSERT INTO {table}_rows BY NAME SELECT snapshot_id AS part, * EXCLUDE (snapshot_id) FROM {table}_v1 "
        f"ORDER BY snapshot_id, rowid;\nDROP TABLE {table}_v1;\n"
        for table in tables
    ) + "UPDATE snapshots SET " + ", ".join(f"{kind}_part = id" for kind in PARTS) + ";\n"


_OPEN_STORES: "weakref.WeakSet[Store]" = weakref.WeakSet()


@atexit.register
def _close_open_stores() -> None:
    # a DuckDB connection still open while the interpreter tears down can abort the process (exit code 134)
    for store in list(_OPEN_STORES):
        store.close()


class StoreBusy(RuntimeError):
    """Another process holds the database file."""


class StoreNotCurrent(RuntimeError):
    """A file opened read-only was not laid out by this version (run the command line on it once, or publish)."""


class Store:
    """The DuckDB file: reads through ``read``, writes through ``write_snapshot``/``activate``/``delete``."""

    def __init__(self, path: str | os.PathLike | None = None, *, idle_close: float | None = None,
                 lock_timeout: float = 30.0, read_only: bool = False) -> None:
        self.path = Path(path or os.environ.get("INVENTORY_DB") or DEFAULT_DB)
        self.idle_close = idle_close
        self.lock_timeout = lock_timeout
        # read_only: a replica's or the API's view of a published file: no DDL, no migration, and the file is
        # opened again when a publish has replaced it (see publish, at the end of this module)
        self.read_only = read_only
        self._opened_as: tuple | None = None
        self._retired: dict[int, list] = {}  # replaced connections still in use: id → [connection, users]
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last_use = 0.0
        self._timer: threading.Timer | None = None
        _OPEN_STORES.add(self)

    # -- connection ---------------------------------------------------------------------------------
    def _open(self) -> duckdb.DuckDBPyConnection:
        if self.read_only:
            return self._open_read_only()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                con = duckdb.connect(str(self.path))
                break
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusy(texts.STORE_BUSY.format(path=self.path)) from None
                time.sleep(0.2)
        if _schema_is_current(con):
            return con  # nothing written: opening and reading leave the file as it was
        _migrate(con)
        con.execute(SCHEMA)
        _migrate_coverage(con)
        if con.execute("SELECT count(*) FROM territoires").fetchall()[0][0] == 0:
            rows = [(t.key, t.level, t.code, t.nom, t.region_key, i) for i, t in enumerate(territories().values())]
            con.executemany("INSERT INTO territoires VALUES (?, ?, ?, ?, ?, ?)", rows)
        _stamp(con)
        return con

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the shared connection, for one use; the connection opens on demand."""
        with self._lock:
            if self.read_only and self._con is not None and _identity(self.path) != self._opened_as:
                self._retire()  # a publish replaced the file: the next reads see the new one
            if self._con is None:
                self._con = self._open()
            con = self._con
            self._users += 1
            cur = con.cursor()
            if self.read_only:
                cur.execute(f"USE {READ_ONLY_ALIAS}")  # a cursor starts in the connection's own (empty) database
        try:
            yield cur
        finally:
            cur.close()
            with self._lock:
                if con is self._con:
                    self._users -= 1
                    self._last_use = time.monotonic()
                    self._schedule_close()
                else:  # opened before a publish: closed when its last reader is done
                    held = self._retired[id(con)]
                    held[1] -= 1
                    if held[1] == 0:
                        del self._retired[id(con)]
                        con.close()

    def _open_read_only(self) -> duckdb.DuckDBPyConnection:
        """Open the file read-only, as it is: a file this schema did not lay out is refused, never migrated."""
        deadline = time.monotonic() + self.lock_timeout
        while True:
            opened_as = _identity(self.path)
            if opened_as is None:
                raise FileNotFoundError(2, "No such file", str(self.path))
            # attached to a database of its own: DuckDB hands out one cached instance per file path, so after a
            # publish connect() would give back the replaced file while a read under way still holds it
            con = duckdb.connect(":memory:")
            try:
                quoted = str(self.path).replace("'", "''")
                con.execute(f"ATTACH '{quoted}' AS {READ_ONLY_ALIAS} (READ_ONLY)")
                con.execute(f"USE {READ_ONLY_ALIAS}")
                break
            except duckdb.IOException as exc:
                con.close()
                if "lock" not in str(exc).lower():
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusy(texts.STORE_BUSY.format(path=self.path)) from None
                time.sleep(0.2)
        if not _schema_is_current(con):
            con.close()
            raise StoreNotCurrent(texts.STORE_NOT_CURRENT.format(path=self.path))
        self._opened_as = opened_as
        return con

    def _retire(self) -> None:
        """Let go of the current connection: now if nobody reads through it, else when its last reader is done."""
        if self._users == 0:
            self._con.close()
        else:
            self._retired[id(self._con)] = [self._con, self._users]
        self._con, self._users = None, 0

    def _schedule_close(self) -> None:
        if self.idle_close is None or self._timer is not None:
            return
        self._timer = threading.Timer(self.idle_close, self._close_if_idle)
        self._timer.daemon = True
        self._timer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            self._timer = None
            if self._con is None:
                return
            idle = time.monotonic() - self._last_use
            if self._users == 0 and idle >= self.idle_close:
                self._con.close()
                self._con = None
            else:
                self._schedule_close()

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._con is not None:
                self._con.close()
                self._con = None
            for con, _ in self._retired.values():
                con.close()
            self._retired.clear()

    # -- reads --------------------------------------------------------------------------------------
    def read(self, sql: str, params: Any = None) -> pd.DataFrame:
        """Run one query and return the whole result as a DataFrame."""
        with self.cursor() as cur:
            return cur.execute(sql, params).df()

    def rows(self, sql: str, params: Any = None) -> list[tuple]:
        with self.cursor() as cur:
            return cur.execute(sql, params).fetchall()

    def active_snapshot_id(self) -> int | None:
        got = self.rows("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'active_snapshot'")
        return got[0][0] if got else None

    def snapshots(self) -> list[Snapshot]:
        # plain rows, one cursor: every page rerun lists the snapshots, a DataFrame here cost ~10 ms a call
        with self.cursor() as cur:
            got = cur.execute("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'active_snapshot'").fetchall()
            active = got[0][0] if got else None
            rows = cur.execute(
                "SELECT id, label, as_of, created_at, created_by, files, sha256, demo, n_besoins, n_programmes, "
                "n_investisseurs, n_engagements, n_realisations FROM snapshots ORDER BY id").fetchall()
        return [
            Snapshot(
                id=sid, label=label, as_of=as_of, created_at=created_at, created_by=created_by,
                files=files, sha256=sha256, active=sid == active, demo=bool(demo),
                counts={"besoins": int(n_b or 0), "programmes": int(n_p or 0), "investisseurs": int(n_i or 0),
                        "engagements": int(n_e or 0), "realisations": int(n_r or 0)},
            )
            for sid, label, as_of, created_at, created_by, files, sha256, demo, n_b, n_p, n_i, n_e, n_r in rows
        ]

    def snapshot(self, snapshot_id: int | None) -> Snapshot | None:
        return next((s for s in self.snapshots() if s.id == snapshot_id), None)

    def sheet(self, snapshot_id: int, sheet: str) -> pd.DataFrame:
        """One sheet of a snapshot, in contract column order and in the order of its file (for exports and
        cross-checks): read from the stored rows, whose rowid the views do not carry."""
        cols = ", ".join(f'r."{c}"' for c in SHEET_COLUMNS[sheet])
        order = "r.ordre" if sheet in ORDERED_SHEETS else "r.rowid"
        return self.read(f"SELECT {cols} FROM {sheet}_rows r JOIN snapshots s ON r.part = s.{PART_OF[sheet]}_part "
                         f"WHERE s.id = ? ORDER BY {order}", [snapshot_id])

    def sheet_table(self, snapshot_id: int, sheet: str) -> pa.Table:
        """One sheet of a snapshot as Arrow, in contract column order and file order (to append a row to it)."""
        cols = ", ".join(f'r."{c}"' for c in SHEET_COLUMNS[sheet])
        order = "r.ordre" if sheet in ORDERED_SHEETS else "r.rowid"
        with self.cursor() as cur:
            return cur.sql(f"SELECT {cols} FROM {sheet}_rows r JOIN snapshots s ON r.part = s.{PART_OF[sheet]}_part "
                           f"WHERE s.id = ? ORDER BY {order}", params=[snapshot_id]).to_arrow_table()

    def programme_themes(self, snapshot_id: int) -> dict[str, set[str]]:
        """Programme id → its theme codes, in a snapshot (cross-checks of an upload without programmes)."""
        rows = self.rows("SELECT id, thematiques FROM programmes WHERE snapshot_id = ?", [snapshot_id])
        return {pid: set(themes or []) for pid, themes in rows}

    def has_id(self, snapshot_id: int, sheet: str, row_id: str) -> bool:
        """Whether a row of ``sheet`` with this id exists in a snapshot."""
        return bool(self.rows(f"SELECT 1 FROM {sheet} WHERE snapshot_id = ? AND id = ? LIMIT 1", [snapshot_id, row_id]))

    # -- the single writer --------------------------------------------------------------------------
    def write_snapshot(self, frames: dict[str, pd.DataFrame | pa.Table], *, label: str, as_of: dt.date,
                       files: str | None = None, sha256: str | None = None, demo: bool = False,
                       created_by: str | None = None, activate: bool = True, action: str = "import",
                       _fail_after: str | None = None) -> tuple[int, list[str]]:
        """Write a new snapshot in one transaction; sheets absent from ``frames`` are carried over from the
        active snapshot. Returns the new id and the carried-over sheet names. The audit log records ``action``
        by ``created_by`` (default: the operating system's user) in the same transaction.

        ``_fail_after`` names a step after which to raise, so tests can prove a failure changes nothing.
        """
        with self._write_lock, self.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                # ids are never reused, even after a delete: caches are keyed by snapshot id
                sid = cur.execute(
                    "SELECT greatest(coalesce(max(id), 0), coalesce((SELECT CAST(value AS INTEGER) FROM settings "
                    "WHERE key = 'last_snapshot_id'), 0)) + 1 FROM snapshots").fetchall()[0][0]
                cur.execute("INSERT INTO settings VALUES ('last_snapshot_id', ?) ON CONFLICT (key) DO UPDATE "
                            "SET value = excluded.value", [str(sid)])
                previous = cur.execute(
                    "SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'active_snapshot'").fetchall()
                previous = previous[0][0] if previous else None
                parts = _parts_of(cur, sid, previous, as_of, set(frames))
                who = created_by or _whoami()
                cur.execute(
                    "INSERT INTO snapshots (id, label, as_of, created_at, created_by, files, sha256, demo, "
                    f"{', '.join(f'{k}_part' for k in parts)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?{', ?' * len(parts)})",
                    [sid, label, as_of, dt.datetime.now().replace(microsecond=0),
                     who, files, sha256, demo, *parts.values()],
                )
                _audit(cur, who, action, sid, label)
                carried = [sheet for sheet in SHEET_COLUMNS if parts[sheet] != sid
                           and (sheet not in FOLLOWUP_OPTIONAL or _holds_rows(cur, sheet, parts[sheet]))]
                for sheet, cols in SHEET_COLUMNS.items():
                    quoted = ", ".join(f'"{c}"' for c in cols)
                    if sheet in frames:
                        frame = frames[sheet]
                        if sheet == "thematiques":
                            frame = _with_default_themes(_as_pandas(frame))
                        cur.register("incoming", frame.select(cols) if isinstance(frame, pa.Table) else frame[cols])
                        extra = ", row_number() OVER () - 1" if sheet in ORDERED_SHEETS else ""
                        cur.execute(f"INSERT INTO {sheet}_rows (part, {quoted}{', ordre' if extra else ''}) "
                                    f"SELECT {sid}, {quoted}{extra} FROM incoming")
                        cur.unregister("incoming")
                    elif sheet == "thematiques" and parts[sheet] == sid:  # a first snapshot without the sheet
                        cur.register("incoming", _with_default_themes(pd.DataFrame(columns=cols)))
                        cur.execute(f"INSERT INTO thematiques_rows SELECT {sid}, code, libelle, "
                                    "row_number() OVER () - 1 FROM incoming")
                        cur.unregister("incoming")
                    if _fail_after == sheet:
                        raise RuntimeError(f"injected failure after {sheet}")
                cur.execute(aggregates_sql(sid, {kind for kind, part in parts.items() if part == sid}))
                if _fail_after == "aggregates":
                    raise RuntimeError("injected failure after aggregates")
                if activate:
                    _set_active(cur, sid)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        return sid, carried

    def activate(self, snapshot_id: int, *, by: str | None = None) -> None:
        with self._write_lock, self._transaction() as cur:
            got = cur.execute("SELECT label FROM snapshots WHERE id = ?", [snapshot_id]).fetchall()
            if not got:
                raise KeyError(snapshot_id)
            _set_active(cur, snapshot_id)
            _audit(cur, by or _whoami(), "activate", snapshot_id, got[0][0])

    def rename(self, snapshot_id: int, label: str, *, by: str | None = None) -> None:
        with self._write_lock, self._transaction() as cur:
            got = cur.execute("SELECT label FROM snapshots WHERE id = ?", [snapshot_id]).fetchall()
            if not got:
                raise KeyError(snapshot_id)
            cur.execute("UPDATE snapshots SET label = ? WHERE id = ?", [label, snapshot_id])
            _audit(cur, by or _whoami(), "rename", snapshot_id, f"{got[0][0]} → {label}")

    def delete(self, snapshot_id: int, *, by: str | None = None) -> None:
        """Delete a snapshot that is not the active one."""
        if snapshot_id == self.active_snapshot_id():
            raise ValueError(texts.CANNOT_DELETE_ACTIVE)
        with self._write_lock, self._transaction() as cur:
            got = cur.execute("SELECT label FROM snapshots WHERE id = ?", [snapshot_id]).fetchall()
            cur.execute("DELETE FROM snapshots WHERE id = ?", [snapshot_id])
            for table, kind in PART_OF.items():  # the rows no other snapshot points at
                cur.execute(f"DELETE FROM {table}_rows WHERE part NOT IN "
                            f"(SELECT {kind}_part FROM snapshots WHERE {kind}_part IS NOT NULL)")
            if got:
                _audit(cur, by or _whoami(), "delete", snapshot_id, got[0][0])

    def audit_log(self, limit: int | None = None) -> pd.DataFrame:
        """Who did what when to the snapshots, newest first: ``happened_at``, ``who``, ``action`` (import, activate,
        rename, delete, or what else wrote a snapshot), ``snapshot_id``, ``detail`` (the label; « old → new »)."""
        sql = ("SELECT happened_at, who, action, snapshot_id, detail FROM audit_log "
               "ORDER BY happened_at DESC, rowid DESC")
        return self.read(sql + (f" LIMIT {int(limit)}" if limit else ""))

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise


def _audit(cur: duckdb.DuckDBPyConnection, who: str, action: str, snapshot_id: int | None,
           detail: str | None) -> None:
    cur.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?)",
                [dt.datetime.now().replace(microsecond=0), who, action, snapshot_id, detail])


def _holds_rows(cur: duckdb.DuckDBPyConnection, sheet: str, part: int | None) -> bool:
    return part is not None and bool(cur.execute(f"SELECT 1 FROM {sheet}_rows WHERE part = ? LIMIT 1", [part]).fetchall())


def _parts_of(cur: duckdb.DuckDBPyConnection, sid: int, previous: int | None, as_of: dt.date,
              incoming: set[str]) -> dict[str, int]:
    """Which part each kind of row of snapshot ``sid`` lives in: its own for the sheets it brings (and
    the aggregates that depend on them), the previous snapshot's for what it carries over."""
    before: dict[str, Any] = {}
    if previous is not None:
        got = cur.execute(f"SELECT as_of, {', '.join(f'{k}_part' for k in PARTS)} FROM snapshots WHERE id = ?",
                          [previous]).fetchall()[0]
        before = dict(zip(["as_of", *PARTS], got))
    parts = {kind: sid if kind in incoming or previous is None else before[kind] for kind in PARTS if kind != "couverture"}
    # coverage counts the programmes active at the snapshot's date
    same = previous is not None and parts["programmes"] != sid and before["as_of"] == as_of
    parts["couverture"] = before["couverture"] if same else sid
    return parts


def _schema_is_current(con: duckdb.DuckDBPyConnection) -> bool:
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


def _stamp(con: duckdb.DuckDBPyConnection) -> None:
    """Write in the file's settings which layout it now has (see _schema_is_current)."""
    con.executemany("INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    list(STAMP.items()))


def _migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a file written by an earlier version to the current layout, in one transaction."""
    kinds = dict(con.execute(
        "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'").fetchall())
    if kinds.get("besoins") != "BASE TABLE":  # a new file, or already in parts
        if "snapshots" in kinds:
            _add_followup_columns(con)
        return
    con.execute("BEGIN TRANSACTION")
    try:
        v1 = [table for table in PART_OF if kinds.get(table) == "BASE TABLE"]  # the follow-through came later
        for table in v1:
            con.execute(f"ALTER TABLE {table} RENAME TO {table}_v1")
        for kind in PARTS:
            con.execute(f"ALTER TABLE snapshots ADD COLUMN IF NOT EXISTS {kind}_part INTEGER")
        _add_followup_columns(con)
        con.execute(SCHEMA)
        con.execute(migrate_from_1(v1))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _add_followup_columns(con: duckdb.DuckDBPyConnection) -> None:
    """A file written before commitments and results gets their snapshot columns (empty: no such rows)."""
    for column in FOLLOWUP_SNAPSHOT_COLUMNS:
        con.execute(f"ALTER TABLE snapshots ADD COLUMN IF NOT EXISTS {column}")


def _migrate_coverage(con: duckdb.DuckDBPyConnection) -> None:
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


def _set_active(cur: duckdb.DuckDBPyConnection, snapshot_id: int) -> None:
    cur.execute(
        "INSERT INTO settings VALUES ('active_snapshot', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [str(snapshot_id)],
    )


def _with_default_themes(frame: pd.DataFrame) -> pd.DataFrame:
    """Default themes first, then the sheet's own (a sheet row may relabel a default theme)."""
    own = {r.code: r.libelle for r in frame.itertuples()}
    rows = [(t.code, own.pop(t.code, t.libelle)) for t in default_themes()]
    rows += list(own.items())
    return pd.DataFrame(rows, columns=["code", "libelle"])


def _as_pandas(frame: pd.DataFrame | pa.Table) -> pd.DataFrame:
    return frame.to_pandas() if isinstance(frame, pa.Table) else frame


def _whoami() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return "inconnu"


# --- one writer, many readers: publishing a copy, read tokens --------------------------------------------------
READ_ONLY_ALIAS = "inventaire"  # the name a read-only Store attaches its file under


def _identity(path: Path) -> tuple | None:
    """What a publish changes: the file's inode (a rename puts a new one in place), modification time and size."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def publish(store: Store, target: str | os.PathLike) -> Path:
    """Copy the writer's file to ``target`` atomically, for read-only replicas: everything is checkpointed into the
    file, copied beside ``target`` while this process holds the file (nobody writes meanwhile), flushed to disk,
    then renamed over ``target``. A replica that opens ``target`` gets the old file or the new one, never a half;
    one that has the old one open keeps reading it until its next rerun."""
    target = Path(target)
    if target.exists() and target.resolve() == store.path.resolve():
        raise ValueError(texts.PUBLISH_SAME_FILE.format(path=target))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with store._write_lock, store.cursor() as cur:
            cur.execute("CHECKPOINT")
            shutil.copyfile(store.path, partial)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


# Read tokens of the API, kept hashed in the file they give access to (the table exists once a token was made).
API_TOKENS = """
CREATE TABLE IF NOT EXISTS api_tokens (
    name VARCHAR PRIMARY KEY, digest VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP
)
"""


def add_token(store: Store, name: str, digest: str) -> bool:
    """Record a token's digest under ``name``; False when a token of that name is in use (a revoked one is
    replaced)."""
    with store._write_lock, store._transaction() as cur:
        cur.execute(API_TOKENS)
        got = cur.execute("SELECT revoked_at IS NULL FROM api_tokens WHERE name = ?", [name]).fetchall()
        if got and got[0][0]:
            return False
        cur.execute("INSERT INTO api_tokens VALUES (?, ?, ?, NULL) ON CONFLICT (name) DO UPDATE SET "
                    "digest = excluded.digest, created_at = excluded.created_at, revoked_at = NULL",
                    [name, digest, dt.datetime.now().replace(microsecond=0)])
        _audit(cur, _whoami(), "token create", None, name)
    return True


def revoke_token(store: Store, name: str) -> bool:
    """Revoke the token of that name; False when there is none in use."""
    with store._write_lock, store._transaction() as cur:
        cur.execute(API_TOKENS)
        got = cur.execute("UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL RETURNING name",
                          [dt.datetime.now().replace(microsecond=0), name]).fetchall()
        if got:
            _audit(cur, _whoami(), "token revoke", None, name)
    return bool(got)


def tokens(store: Store) -> list[tuple[str, dt.datetime, dt.datetime | None]]:
    """Every token made: name, created_at, revoked_at (None while in use), by name."""
    try:
        return store.rows("SELECT name, created_at, revoked_at FROM api_tokens ORDER BY name")
    except duckdb.CatalogException:  # no token was ever made in this file
        return []


def token_owner(store: Store, digest: str) -> str | None:
    """The name of the token in use with this digest, if any."""
    try:
        got = store.rows("SELECT name FROM api_tokens WHERE digest = ? AND revoked_at IS NULL", [digest])
    except duckdb.CatalogException:
        return None
    return got[0][0] if got else None
