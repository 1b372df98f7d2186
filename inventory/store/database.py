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
import weakref
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import duckdb
import pandas as pd
import pyarrow as pa

from inventory import limits, texts
from inventory.parsing import entry, visible
from inventory.models import SHEETS, Snapshot
from inventory.store.migrations import add_session_columns, fill_reach, migrate, schema_is_current, stamp
from inventory.store.write_memory import for_file as write_bounds
from inventory.store.schema import (FOLLOWUP_OPTIONAL, ORDERED_SHEETS, PART_OF, PARTS, SCHEMA, SHEET_COLUMNS,
                                    aggregates_sql)
from inventory.reference import default_themes, territories

DEFAULT_DB = "data/inventory.duckdb"
R = TypeVar("R")
CHECKPOINT_FROM = 16 * 2**20  # a write-ahead log this large is checkpointed after the write (DuckDB's own threshold)

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
class ActiveChanged(RuntimeError):
    """The active snapshot is no longer the one a write was built on (someone else wrote meanwhile)."""


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
        self._write_lock = threading.RLock()  # re-entrant: see writing()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last_use = 0.0
        self._timer: threading.Timer | None = None
        self._bounds = write_bounds(self.path)  # a write's memory limit, and the reads it may make run again
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
        if schema_is_current(con):
            return con  # nothing written: opening and reading leave the file as it was
        migrate(con)
        con.execute(SCHEMA)
        fill_reach(con)
        add_session_columns(con)
        if con.execute("SELECT count(*) FROM territoires").fetchall()[0][0] == 0:
            rows = [(t.key, t.level, t.code, t.nom, t.region_key, i) for i, t in enumerate(territories().values())]
            con.executemany("INSERT INTO territoires VALUES (?, ?, ?, ?, ?, ?)", rows)
        stamp(con)
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
        if not schema_is_current(con):
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
    def reading(self, run: Callable[[duckdb.DuckDBPyConnection], R]) -> R:
        """``run(cursor)``, run again once if it ran out of memory while a write had lowered DuckDB's memory limit
        (write_memory): every read goes through here."""
        def once() -> R:
            with self.cursor() as cur:
                return run(cur)
        return self._bounds.retrying(once)

    def read(self, sql: str, params: Any = None) -> pd.DataFrame:
        """Run one query and return the whole result as a DataFrame."""
        return self.reading(lambda cur: cur.execute(sql, params).df())

    def rows(self, sql: str, params: Any = None) -> list[tuple]:
        return self.reading(lambda cur: cur.execute(sql, params).fetchall())

    def active_snapshot_id(self) -> int | None:
        got = self.rows("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'active_snapshot'")
        return got[0][0] if got else None

    def snapshots(self) -> list[Snapshot]:
        # plain rows, one cursor: every page rerun lists the snapshots, a DataFrame here cost ~10 ms a call
        def listed(cur: duckdb.DuckDBPyConnection) -> tuple[list, list]:
            return (cur.execute("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'active_snapshot'").fetchall(),
                    cur.execute("SELECT id, label, as_of, created_at, created_by, files, sha256, demo, n_besoins, "
                                "n_programmes, n_investisseurs, n_engagements, n_realisations, kind, seance "
                                "FROM snapshots ORDER BY id").fetchall())
        got, rows = self.reading(listed)
        active = got[0][0] if got else None
        return [
            Snapshot(
                id=sid, label=label, as_of=as_of, created_at=created_at, created_by=created_by,
                files=files, sha256=sha256, active=sid == active, demo=bool(demo), kind=kind or "import",
                seance=seance,
                counts={"besoins": int(n_b or 0), "programmes": int(n_p or 0), "investisseurs": int(n_i or 0),
                        "engagements": int(n_e or 0), "realisations": int(n_r or 0)},
            )
            for sid, label, as_of, created_at, created_by, files, sha256, demo, n_b, n_p, n_i, n_e, n_r, kind, seance
            in rows
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
        return self.reading(lambda cur: cur.sql(
            f"SELECT {cols} FROM {sheet}_rows r JOIN snapshots s ON r.part = s.{PART_OF[sheet]}_part "
            f"WHERE s.id = ? ORDER BY {order}", params=[snapshot_id]).to_arrow_table())

    def programme_themes(self, snapshot_id: int) -> dict[str, set[str]]:
        """Programme id → its theme codes, in a snapshot (cross-checks of an upload without programmes)."""
        rows = self.rows("SELECT id, thematiques FROM programmes WHERE snapshot_id = ?", [snapshot_id])
        return {pid: set(themes or []) for pid, themes in rows}

    def has_id(self, snapshot_id: int, sheet: str, row_id: str) -> bool:
        """Whether a row of ``sheet`` with this id exists in a snapshot."""
        return bool(self.rows(f"SELECT 1 FROM {sheet} WHERE snapshot_id = ? AND id = ? LIMIT 1", [snapshot_id, row_id]))

    # -- the single writer --------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold this Store's write lock across a read and the write built on it (``write_snapshot`` and the other
        writers take it again, re-entrantly). Other processes are kept out by ``expect_active`` instead: the
        file may be let go of between the read and the write."""
        with self._write_lock:
            yield

    def write_snapshot(self, frames: dict[str, pd.DataFrame | pa.Table], *, label: str, as_of: dt.date,
                       files: str | None = None, sha256: str | None = None, demo: bool = False,
                       created_by: str | None = None, activate: bool = True, action: str = "import",
                       kind: str = "import", seance: str | None = None, expect_active: int | None = None,
                       detail: str | None = None, _fail_after: str | None = None) -> tuple[int, list[str]]:
        """Write a new snapshot in one transaction; sheets absent from ``frames`` are carried over from the
        active snapshot. Returns the new id and the carried-over sheet names. The audit log records ``action``
        by ``created_by`` (default: the operating system's user) in the same transaction, with ``detail`` (default:
        the label). ``kind`` and ``seance`` say what the snapshot is (models.SNAPSHOT_KINDS) and which séance it
        belongs to. With ``expect_active``, raise ``ActiveChanged`` and write nothing unless that snapshot is
        still the active one, read inside the transaction (compare-and-swap: the caller rebuilds on the new state).

        ``_fail_after`` names a step after which to raise, so tests can prove a failure changes nothing.
        A label or a name that is not clean text raises ``ValueError`` (its French sentence) before anything is
        written: the dashboard and the command line check first, this is the last guard.
        """
        label, created_by = _label(label), _signer(created_by)
        def transaction(cur: duckdb.DuckDBPyConnection) -> tuple[int, list[str]]:
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
                if expect_active is not None and previous != expect_active:
                    raise ActiveChanged(f"active snapshot is {previous}, not {expect_active}")
                parts = _parts_of(cur, sid, previous, as_of, set(frames))
                who = created_by or _whoami()
                cur.execute(
                    "INSERT INTO snapshots (id, label, as_of, created_at, created_by, files, sha256, demo, kind, seance, "
                    f"{', '.join(f'{k}_part' for k in parts)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?{', ?' * len(parts)})",
                    [sid, label, as_of, dt.datetime.now().replace(microsecond=0),
                     who, files, sha256, demo, kind, seance, *parts.values()],
                )
                _audit(cur, who, action, sid, detail or label)
                carried = [sheet for sheet in SHEET_COLUMNS if parts[sheet] != sid
                           and (sheet not in FOLLOWUP_OPTIONAL or _holds_rows(cur, sheet, parts[sheet]))]
                for sheet, cols in SHEET_COLUMNS.items():
                    quoted = ", ".join(f'"{c}"' for c in cols)
                    if sheet in frames:
                        frame = with_later_columns(sheet, frames[sheet])
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

        with self._write_lock:
            # DuckDB holds the new rows in memory until COMMIT unless its limit makes it spill them: bounded here
            with self.cursor() as cur, self._bounds.bounded(cur) as lowered:
                try:
                    written = transaction(cur)
                except duckdb.OutOfMemoryException:
                    if not lowered:
                        raise
                else:
                    self._settle(cur)
                    return written
            # the bound was too low for this write beside the reads of the moment: rolled back, once more without
            with self.cursor() as cur:
                return transaction(cur)

    def _settle(self, cur: duckdb.DuckDBPyConnection) -> None:
        """After a large write, checkpoint while its bound holds: DuckDB keeps the committed rows in memory, uncompressed,
        as long as they are only in the write-ahead log (until the next commit checkpoints). Skipped while someone
        reads (a checkpoint waits for running queries) or when it fails: the write is committed either way."""
        wal = self.path.with_name(self.path.name + ".wal")
        with self._lock:
            alone = self._users == 1
        try:
            if alone and wal.stat().st_size >= CHECKPOINT_FROM:
                cur.execute("CHECKPOINT")
        except (OSError, duckdb.Error):
            pass

    def activate(self, snapshot_id: int, *, by: str | None = None) -> None:
        by = _signer(by)
        with self._write_lock, self._transaction() as cur:
            got = cur.execute("SELECT label FROM snapshots WHERE id = ?", [snapshot_id]).fetchall()
            if not got:
                raise KeyError(snapshot_id)
            _set_active(cur, snapshot_id)
            _audit(cur, by or _whoami(), "activate", snapshot_id, got[0][0])

    def rename(self, snapshot_id: int, label: str, *, by: str | None = None) -> None:
        label, by = _label(label), _signer(by)
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
        by = _signer(by)
        with self._write_lock, self._transaction() as cur:
            got = cur.execute("SELECT label FROM snapshots WHERE id = ?", [snapshot_id]).fetchall()
            cur.execute("DELETE FROM snapshots WHERE id = ?", [snapshot_id])
            for table, kind in PART_OF.items():  # the rows no other snapshot points at
                cur.execute(f"DELETE FROM {table}_rows WHERE part NOT IN "
                            f"(SELECT {kind}_part FROM snapshots WHERE {kind}_part IS NOT NULL)")
            if got:
                _audit(cur, by or _whoami(), "delete", snapshot_id, got[0][0])

    def record_failed_login(self, client: str, name: str | None) -> None:
        """A wrong facilitator password, in the audit log (action ``login_failed``): the client's address and the
        name it declared, made visible (a refused name may hold control characters)."""
        with self._write_lock, self._transaction() as cur:
            _audit(cur, visible(name or "?", 80), "login_failed", None, visible(client, 80))

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


def _label(label: str) -> str:
    return entry(label, limit=limits.MAX_LABEL_CHARS)


def _signer(who: str | None) -> str | None:
    return None if who is None else entry(who, limit=limits.MAX_LABEL_CHARS)


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


def with_later_columns(sheet: str, frame: pd.DataFrame | pa.Table) -> pd.DataFrame | pa.Table:
    """A frame written by code older than a column the contract later gained (a programme's ``operateurs``, an
    investor's ``siren``…: all optional) gets it empty, as a file written before gets it on open."""
    fields = SHEETS[sheet].model_fields
    names = frame.column_names if isinstance(frame, pa.Table) else list(frame.columns)
    missing = [c for c in SHEET_COLUMNS[sheet] if c not in names]
    if not missing:
        return frame
    frame = _as_pandas(frame).copy()
    for c in missing:
        empty = fields[c].get_default(call_default_factory=True)
        frame[c] = [list(empty) if isinstance(empty, list) else empty for _ in range(len(frame))]
    return frame


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
