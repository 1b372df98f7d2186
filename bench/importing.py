"""Import of a needs workbook (xlsx, ods, csv): the product's three steps against a bare read of the same
file, and the naive baseline a user would otherwise write.

- bare read: the file to a pandas DataFrame with no checks at all: ``pandas.read_excel(engine="calamine")``
  for xlsx/ods, DuckDB's ``read_csv(...).df()`` for csv; ``calamine_s`` is python-calamine's own grid
  (``to_python``), the floor under any calamine-based read.
- ours: ``importer.read_upload`` (read), ``importer.check`` (validate every cell, cross-references, Arrow
  tables), ``importer.commit`` (one transaction: the sheet, carried-over sheets, per-snapshot aggregates).
  The needs replace those of an active snapshot whose investors and programmes are carried over.
- baseline: pandas + openpyxl (odf for ods, ``read_csv`` for csv), ``Besoin.model_validate`` per row and one
  ``INSERT`` per row (in one transaction), on a subset, extrapolated linearly to the full size.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import io
import os
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from bench import files
from bench.common import median, timed
from inventory.intake import demo, importer
from inventory.models import Besoin
from inventory.store import Store
from inventory.store.schema import SCHEMA, SHEET_COLUMNS

FORMATS = ("xlsx", "ods", "csv")


def prepare_files(workdir: Path, rows: int, *, seed: int = 11) -> dict[str, Path]:
    """The needs sheet of ``rows`` rows in each format (reused when already written by the same code)."""
    version = hashlib.sha256((inspect.getsource(demo) + inspect.getsource(files)).encode()).hexdigest()[:8]
    frame = None
    out = {}
    for fmt in FORMATS:
        path = workdir / f"besoins-{rows}-s{seed}-{version}.{fmt}"
        if not path.exists():
            if frame is None:
                frame = demo.needs(rows, seed=seed)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(files.WRITERS[fmt](frame))
            os.replace(tmp, path)
        out[fmt] = path
    return out


def bare_read(fmt: str, path: Path, data: bytes) -> pd.DataFrame:
    if fmt == "csv":
        return duckdb.read_csv(str(path)).df()
    return pd.read_excel(io.BytesIO(data), engine="calamine", sheet_name=files.SHEET)


def calamine_grid(data: bytes) -> list:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(files.SHEET).to_python()


def run_import(workdir: Path, paths: dict[str, Path], *, programmes: int, repeat: int) -> dict[str, Any]:
    """Median seconds of each step per format, and the median of the per-run ratios to the bare read.

    Every run starts from a fresh copy of the same database (one snapshot: 1,000 needs, ``programmes``
    programmes and their investors), opened by a new ``Store`` as the command line would.
    """
    pristine = workdir / f"import-base-{programmes}.duckdb"
    db = workdir / "import.duckdb"
    for p in (pristine, Path(f"{pristine}.wal")):
        p.unlink(missing_ok=True)
    store = Store(pristine)
    demo.load_synthetic(store, 1_000, programmes, seed=3)
    store.close()
    results: dict[str, Any] = {}
    for fmt, path in paths.items():
        data = path.read_bytes()
        name = f"besoins.{fmt}"
        runs: dict[str, list[float]] = {k: [] for k in ("bare", "calamine", "read", "check", "commit", "total",
                                                        "ratio", "ratio_calamine", "ratio_read_check")}
        rows = None
        for _ in range(repeat):
            Path(f"{db}.wal").unlink(missing_ok=True)
            shutil.copyfile(pristine, db)
            store = Store(db)
            try:
                store.active_snapshot_id()  # the connection opens outside the timings
                bare, frame = timed(lambda: bare_read(fmt, path, data))
                rows = len(frame)
                del frame
                cal = timed(lambda: calamine_grid(data))[0] if fmt != "csv" else None
                t_read, up = timed(lambda: importer.read_upload([(name, data)]))
                t_check, checked = timed(lambda: importer.check(up, store))
                if not checked.ok:
                    raise RuntimeError(f"{fmt}: the generated file does not validate: {checked.issues[:3]}")
                t_commit, _ = timed(lambda: importer.commit(store, checked, label=f"bench {fmt}",
                                                            as_of=dt.date(2020, 6, 30)))
                del up, checked
            finally:
                store.close()
            total = t_read + t_check + t_commit
            for k, v in (("bare", bare), ("calamine", cal), ("read", t_read), ("check", t_check),
                         ("commit", t_commit), ("total", total), ("ratio", total / bare),
                         ("ratio_calamine", total / cal if cal else None),
                         ("ratio_read_check", (t_read + t_check) / bare)):
                runs[k].append(v)
        results[fmt] = {k: median(v) for k, v in runs.items()} | {"rows": rows, "bytes": len(data), "runs": repeat,
                                                                     "programmes": programmes}
    for p in (db, Path(f"{db}.wal"), pristine, Path(f"{pristine}.wal")):
        p.unlink(missing_ok=True)
    return results


# --- the naive baseline -------------------------------------------------------------------------------------
def _naive_read(fmt: str, data: bytes, nrows: int) -> pd.DataFrame:
    if fmt == "xlsx":
        return pd.read_excel(io.BytesIO(data), engine="openpyxl", sheet_name=files.SHEET, nrows=nrows)
    if fmt == "ods":
        return pd.read_excel(io.BytesIO(data), engine="odf", sheet_name=files.SHEET, nrows=nrows)
    return pd.read_csv(io.BytesIO(data), sep=";", dtype=str, encoding="utf-8-sig", nrows=nrows)


def _naive_validate(frame: pd.DataFrame) -> list[Besoin]:
    out = []
    for row in frame.to_dict(orient="records"):
        out.append(Besoin.model_validate(row))
    return out


def _naive_insert(db: Path, rows: list[Besoin]) -> None:
    con = duckdb.connect(str(db))
    try:
        con.execute(SCHEMA)
        cols = SHEET_COLUMNS["besoins"]
        sql = f"INSERT INTO besoins_rows (part, {', '.join(cols)}) VALUES (1, {', '.join('?' * len(cols))})"
        con.execute("BEGIN TRANSACTION")
        for r in rows:
            con.execute(sql, [getattr(r, c) for c in cols])
        con.execute("COMMIT")
    finally:
        con.close()


def _subset_bytes(fmt: str, subset: int, seed: int = 11) -> bytes:
    return files.WRITERS[fmt](demo.needs(subset, seed=seed))


def run_baseline(workdir: Path, *, subset: int, full: int, repeat: int) -> dict[str, Any]:
    """Naive import of ``subset`` rows per format; seconds extrapolated linearly to ``full`` rows."""
    scale = full / subset
    out: dict[str, Any] = {}
    for fmt in FORMATS:
        data = _subset_bytes(fmt, subset)
        runs: dict[str, list[float]] = {"read": [], "validate": [], "insert": []}
        for i in range(repeat):
            db = workdir / f"baseline-{fmt}-{i}.duckdb"
            for p in (db, Path(f"{db}.wal")):
                p.unlink(missing_ok=True)
            t_read, frame = timed(lambda: _naive_read(fmt, data, subset))
            t_val, rows = timed(lambda: _naive_validate(frame))
            t_ins, _ = timed(lambda: _naive_insert(db, rows))
            runs["read"].append(t_read)
            runs["validate"].append(t_val)
            runs["insert"].append(t_ins)
            for p in (db, Path(f"{db}.wal")):
                p.unlink(missing_ok=True)
        med = {k: median(v) for k, v in runs.items()}
        out[fmt] = {f"{k}_subset": v for k, v in med.items()} | {k: v * scale for k, v in med.items()} | {
            "total": sum(med.values()) * scale, "subset": subset, "rows": full, "runs": repeat}
    return out

