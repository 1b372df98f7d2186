"""White zones agree on every page at 1M needs (issue 19): for each level and need source, the number of white zones
Couverture's matrix counts, the list the home page and Couverture › Lacunes show (``coverage.white_zones``) and
the cells Parcours shows with no programme, on every snapshot of the synthetic inventory, plus how long Parcours'
query takes there. The generator's programmes cover every cell, so a copy of the inventory gains a third snapshot
whose programmes are the active one's without those of one theme (its cells with needs become white zones, unless
another of their programmes reaches them), and one whose programmes also leave one region's départements.

    .venv/bin/python -m bench.one_truth [--needs 1000000 --programmes 10000]

The database is ``bench/out/inventory-N-M.duckdb`` (built by ``bench.queries.build`` when absent). Exits 1 when a
count differs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path

from bench.common import median
from bench.queries import build
from inventory.analysis import base, coverage, pathways
from inventory.store import Store

OUT = Path(__file__).resolve().parent / "out"
SOURCES = (None, "terrain", "ingenierie")


def counts(store: Store, sid: int) -> list[dict]:
    """One row per level × source: the three white-zone counts and the cells whose pathway disagrees."""
    rows = []
    for level in base.LEVELS:
        for source in SOURCES:
            m = coverage.need_matrix(store, sid, level=level, needs=base.NeedFilter(source=source))
            m = m[m["acteurs"] > 0].set_index(["territoire", "thematique"])
            p = pathways.pathways(store, sid, level=level, source=source).set_index(["territoire", "thematique"])
            listed = coverage.white_zones(store, sid, level=level, needs=base.NeedFilter(source=source))
            pathway_white = p["programmes"] == 0
            shared = m.index.intersection(p.index)
            disagree = int((m.loc[shared, "zone_blanche"] != pathway_white.loc[shared]).sum())
            rows.append({"snapshot": sid, "level": level, "source": source or "toutes", "cells": len(m),
                         "matrix": int(m["zone_blanche"].sum()), "listed": len(listed),
                         "pathways": int(pathway_white.sum()), "cells_differing": disagree
                         + len(m.index.symmetric_difference(p.index))})
    return rows


def with_white_zones(db: Path) -> Path:
    """A copy of ``db`` with two more snapshots (programmes only; the other sheets carried over): the active
    one's programmes without those naming the most common theme, then also without those naming a territory of
    the region with the most needs, or its départements, or the whole country."""
    copy = db.with_name(db.stem + "-white.duckdb")
    shutil.copyfile(db, copy)
    store = Store(copy)
    try:
        sid = store.active_snapshot_id()
        programmes = store.sheet(sid, "programmes")
        theme = programmes["thematiques"].explode().value_counts().index[0]
        fewer = programmes[~programmes["thematiques"].map(lambda themes: theme in list(themes))]
        store.write_snapshot({"programmes": fewer}, label=f"sans {theme}", as_of=dt.date(2026, 7, 1))
        region = store.rows("SELECT region_key FROM need_agg WHERE snapshot_id = ? AND region_key LIKE 'REG-%' "
                            "GROUP BY 1 ORDER BY sum(score) DESC LIMIT 1", [sid])[0][0]
        places = {k for (k,) in store.rows("SELECT key FROM territoires WHERE region_key = ? OR key IN (?, 'FR')",
                                           [region, region])}
        fewer = fewer[~fewer["territoires"].map(lambda keys: bool(places & set(keys)))]
        store.write_snapshot({"programmes": fewer}, label=f"sans {theme} ni {region}", as_of=dt.date(2026, 7, 2))
    finally:
        store.close()
    return copy


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--needs", type=int, default=1_000_000)
    ap.add_argument("--programmes", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workdir", type=Path, default=OUT, help="where the synthetic inventory is (or is built)")
    args = ap.parse_args(argv)
    db = args.workdir / f"inventory-{args.needs}-{args.programmes}.duckdb"
    if not db.exists():
        args.workdir.mkdir(parents=True, exist_ok=True)
        build(db, args.needs, args.programmes)
    store = Store(with_white_zones(db))
    rows, ok = [], True
    try:
        for snap in store.snapshots():
            rows += counts(store, snap.id)
        sid = store.active_snapshot_id()
        took = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            pathways.pathways(store, sid, level="region")
            took.append(time.perf_counter() - t0)
    finally:
        store.close()
    print(f"{args.needs:,} needs, {args.programmes:,} programmes; load average {os.getloadavg()[0]:.1f}")
    print("| snapshot | level | source | cells with needs | Couverture (matrix) | listed (home, Lacunes) "
          "| Parcours (no programme) | cells differing |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        same = r["matrix"] == r["listed"] == r["pathways"] and not r["cells_differing"]
        ok &= same
        print(f"| {r['snapshot']} | {r['level']} | {r['source']} | {r['cells']} | {r['matrix']} | {r['listed']} "
              f"| {r['pathways']} | {r['cells_differing']}{'' if same else ' ❌'} |")
    print(f"pathways query, region level, warm median of {args.repeat}: {median(took) * 1000:.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
