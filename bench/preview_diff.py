"""The import preview's row diff (issue 23): what a 100,000-row needs sheet changes against the active snapshot's
100,000 needs, as the import page computes it before the commit (``inventory.store.changes.sheet_changes``).

The upload is the stored sheet with 1 % of its rows changed (actors + 1), 500 rows removed and 500 added: once
with ids (rows matched on ``id``), once without (matched on the natural key, k-th row with k-th row).

    .venv/bin/python -m bench.preview_diff [--needs 100000] [--repeat 5]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from bench.common import median, timed
from inventory.intake import demo
from inventory.intake.importer import to_tables
from inventory.store import Store
from inventory.store.changes import sheet_changes

OUT = Path(__file__).resolve().parent / "out"


def upload_like(stored: pa.Table, extra: pa.Table) -> pa.Table:
    """The stored sheet, every 100th row's actors + 1, its last 500 rows gone and ``extra`` appended."""
    n = stored.num_rows
    every_100th = pa.array([i % 100 == 0 for i in range(n)])
    bumped = pc.if_else(every_100th, pc.add(stored["nb_acteurs"], 1), stored["nb_acteurs"]).cast(pa.int32())
    changed = stored.set_column(stored.column_names.index("nb_acteurs"), "nb_acteurs", bumped)
    return pa.concat_tables([changed.slice(0, n - 500), extra.select(changed.column_names).cast(changed.schema)])


def without_ids(table: pa.Table) -> pa.Table:
    return table.set_column(table.column_names.index("id"), "id", pa.nulls(table.num_rows, pa.string()))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--needs", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    db = OUT / f"preview-{args.needs}.duckdb"
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)
    store = Store(db)
    with_ids = demo.load_synthetic(store, args.needs, 1_000, seed=3)
    stored = store.sheet_table(with_ids, "besoins")
    extra = to_tables({"besoins": demo.needs(500, seed=99)})["besoins"]
    no_ids, _ = store.write_snapshot({"besoins": without_ids(stored)}, label="sans identifiants",
                                     as_of=dt.date(2020, 6, 30), created_by="bench")
    cases = {"with ids": (with_ids, upload_like(stored, extra)),
             "without ids (natural key)": (no_ids, without_ids(upload_like(stored, extra)))}
    print(f"needs: {args.needs:,} stored, {cases['with ids'][1].num_rows:,} uploaded; median of {args.repeat}; "
          f"load average {os.getloadavg()[0]:.1f}")
    for name, (sid, table) in cases.items():
        times, cpu, result = [], [], None
        for _ in range(args.repeat):
            c0 = time.process_time()
            seconds, result = timed(lambda: sheet_changes(store, sid, "besoins", table))
            times.append(seconds)
            cpu.append(time.process_time() - c0)
        print(f"  {name:<28} {1000 * median(times):7.0f} ms wall, {1000 * median(cpu):5.0f} ms CPU   "
              f"counts {result.counts}, {len(result.rows)} rows listed")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    store.close()


if __name__ == "__main__":
    main()
