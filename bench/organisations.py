"""Organisations at scale (issue 25): a 10,000-programme inventory with 1,000 operators imported as a facilitator
uploads it (xlsx and csv: read, check — identifiers, duplicates, operator references — and commit), then the
Écosystème view's queries (flows, operators and their dependence, cells where an operator is present but
unfunded), cold then warm on the open file.

    python -m bench.organisations [--needs 100000] [--programmes 10000] [--operators 1000] [--repeat 5]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from bench.common import median, timed
from inventory.analysis import organisations
from inventory.identifiers import with_luhn
from inventory.intake import demo, importer
from inventory.outputs import exports
from inventory.store import Store

TYPES = ["reseau_national", "structure_territoriale", "association", "entreprise", "collectivite", "autre"]


def frames(n_needs: int, n_programmes: int, n_operators: int, seed: int = 25) -> dict[str, pd.DataFrame]:
    """The synthetic inventory of the other benchmarks, with ``n_operators`` operators (valid SIREN and SIRET,
    one territory or two) each programme delivered by none, one or two of them."""
    out = demo.synthetic_frames(n_needs, n_programmes, seed=seed)
    rng = np.random.default_rng(seed)
    places = sorted({t for ts in out["programmes"]["territoires"] for t in ts})
    ids = [f"OP{i:05d}" for i in range(n_operators)]
    sirens = [with_luhn(f"8{i:07d}") for i in range(n_operators)]
    out["operateurs"] = pd.DataFrame({
        "id": ids, "nom": [f"Opérateur fictif {i}" for i in range(n_operators)],
        "type": rng.choice(TYPES, size=n_operators), "siren": sirens,
        "siret": [with_luhn(s + "0001") for s in sirens], "rna": [None] * n_operators,
        "territoires": [list(rng.choice(places, size=rng.integers(1, 3), replace=False)) for _ in ids],
        "site_web": [None] * n_operators,
    })
    n_ops = rng.choice(3, size=n_programmes, p=[0.2, 0.6, 0.2])
    out["programmes"]["operateurs"] = [list(rng.choice(ids, size=k, replace=False)) for k in n_ops]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--needs", type=int, default=100_000)
    ap.add_argument("--programmes", type=int, default=10_000)
    ap.add_argument("--operators", type=int, default=1_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    inventory = frames(args.needs, args.programmes, args.operators)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        xlsx = tmp / "inventaire.xlsx"
        xlsx.write_bytes(exports.workbook_bytes(inventory))
        csvs = []
        for sheet, frame in inventory.items():
            if sheet in ("investisseurs", "programmes", "besoins", "operateurs"):
                (tmp / f"{sheet}.csv").write_bytes(exports.csv_bytes(frame))
                csvs.append(tmp / f"{sheet}.csv")
        for fmt, paths in (("xlsx", [xlsx]), ("csv", csvs)):
            times = []
            for run in range(3):
                store = Store(tmp / f"{fmt}-{run}.duckdb")
                seconds, result = timed(lambda: importer.import_files(store, paths, as_of=demo.JUNE))
                assert result.ok, result.errors[:3]
                times.append(seconds)
                store.close()
            print(f"import {fmt}: {args.needs} needs, {args.programmes} programmes, {args.operators} operators: "
                  f"median {median(times):.2f} s over 3 runs ({', '.join(f'{t:.2f}' for t in times)})")
        store = Store(tmp / "csv-0.duckdb")
        sid = store.active_snapshot_id()
        view = lambda: (organisations.flows(store, sid), organisations.operators(store, sid),  # noqa: E731
                        organisations.present_unfunded_cells(store, sid))
        cold, _ = timed(view)
        cpu0 = time.process_time()
        warm = [timed(view)[0] for _ in range(args.repeat)]
        cpu = (time.process_time() - cpu0) / args.repeat  # every thread of the process: less sensitive to load
        parts = {name: median([timed(lambda f=f: f(store, sid))[0] for _ in range(args.repeat)])
                 for name, f in (("flows", organisations.flows), ("operators", organisations.operators),
                                 ("present_unfunded_cells", organisations.present_unfunded_cells))}
        print(f"Écosystème queries: cold {cold * 1000:.0f} ms, warm median {median(warm) * 1000:.0f} ms "
              f"(CPU {cpu * 1000:.0f} ms a run) over {args.repeat} "
              f"({', '.join(f'{k} {v * 1000:.0f} ms' for k, v in parts.items())})")
        for name, fn, arg in (("funder page", organisations.funded_programmes, "I00001"),
                              ("operator page", organisations.operator_funders, "OP00001")):
            fn(store, sid, arg)
            print(f"{name} query ({fn.__name__}), warm: {timed(lambda: fn(store, sid, arg))[0] * 1000:.0f} ms")
        orgs, _ = timed(lambda: organisations.organisation_records(store, sid))
        print(f"organisations --json builder: {orgs * 1000:.0f} ms")
        store.close()
    print(f"measured {dt.datetime.now():%Y-%m-%d %H:%M}, load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
