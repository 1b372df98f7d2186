"""Signals on the synthetic pair (issue 26): how long ``signals.signals`` takes on the 1M-needs inventory's two
snapshots (April, then the active June), cold (a new Store: a new DuckDB connection, its buffer pool empty,
the file already opened outside the timing, as ``queries.run_queries`` does) and warm, plus the letters.

    .venv/bin/python -m bench.signals [--needs 1000000 --programmes 10000] [--repeat 3] [--out bench/out/signals.md]

The database is ``bench/out/inventory-N-M.duckdb``, built by ``bench.queries.build`` when absent (reused
otherwise, as the other sections do). The bar: ≤ 2 s cold at 1M needs / 10k programmes.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from bench.common import median, timed
from bench.queries import build, sizes_label
from inventory.analysis import signals
from inventory.outputs import digest
from inventory.store import Store

OUT = Path(__file__).resolve().parent / "out"
BAR_SECONDS = 2.0


def _cpu_timed(fn):
    """(wall seconds, process CPU seconds over every thread, result) of one call."""
    c0 = time.process_time()
    wall, out = timed(fn)
    return wall, time.process_time() - c0, out


def measure(db: Path, repeat: int) -> dict:
    store = Store(db)
    try:
        before, after = signals.snapshot_pair(store)
    finally:
        store.close()
    cold, cold_cpu, letters_cold = [], [], []
    found = None
    for _ in range(repeat):
        store = Store(db)
        try:
            store.rows("SELECT 1")  # open the file outside the timing
            seconds, cpu, found = _cpu_timed(lambda: signals.signals(store, before, after))
            cold.append(seconds)
            cold_cpu.append(cpu)
        finally:
            store.close()
        store = Store(db)
        try:
            store.rows("SELECT 1")
            letters_cold.append(timed(lambda: digest.letters(store, before, after))[0])
        finally:
            store.close()
    store = Store(db)
    try:
        signals.signals(store, before, after)
        warm = [timed(lambda: signals.signals(store, before, after))[0] for _ in range(repeat)]
        counts = signals.signal_counts(store, before, after)
        members = len(signals.members_with_signals(store, before, after))
    finally:
        store.close()
    return {"cold": median(cold), "cold_cpu": median(cold_cpu), "warm": median(warm), "letters_cold": median(letters_cold), "counts": counts,
            "members": members, "before": before, "after": after, "repeat": repeat,
            "load": os.getloadavg()}


def markdown(n: int, m: int, r: dict) -> str:
    ok = "✅" if r["cold"] <= BAR_SECONDS else "❌"
    counts = ", ".join(f"{k} {v}" for k, v in r["counts"].items() if k != "total")
    return (f"## 10. Signals (issue 26)\n\n"
            f"`python -m bench.signals --needs {n} --programmes {m} --repeat {r['repeat']}`: `signals.signals` on the "
            f"synthetic pair (snapshot {r['before']} → {r['after']}), medians of {r['repeat']} runs; cold = a new "
            f"Store (new DuckDB connection, empty buffer pool; the file opened outside the timing). Load average "
            f"during the run: {' / '.join(f'{x:.2f}' for x in r['load'])} (other engineers' work shared the 2 cores).\n\n"
            f"| needs / programmes | signals cold (CPU) | signals warm | letters (all members) cold | signals | members named | bar |\n"
            f"|---|---|---|---|---|---|---|\n"
            f"| {sizes_label(n, m)} | {r['cold']:.2f} s ({r['cold_cpu']:.2f} s) | {r['warm']:.2f} s | {r['letters_cold']:.2f} s | "
            f"{r['counts']['total']} ({counts}) | {r['members']} | ≤ {BAR_SECONDS:.0f} s cold {ok} |\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.signals")
    ap.add_argument("--needs", type=int, default=1_000_000)
    ap.add_argument("--programmes", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    db = OUT / f"inventory-{args.needs}-{args.programmes}.duckdb"
    if not db.exists():
        print(json.dumps(build(db, args.needs, args.programmes), default=str))
    result = measure(db, args.repeat)
    text = markdown(args.needs, args.programmes, result)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
