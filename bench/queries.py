"""Synthetic inventories and the analytics queries over them.

``build`` writes two snapshots of the demo generator's synthetic inventory (an April one, then the active
June one, so the comparison views have something to compare) and times ``Store.write_snapshot`` (rows
plus the per-snapshot aggregate tables, one transaction).

``run_queries`` calls every public function of the modules of ``inventory.analysis`` that takes the store first
(discovered, so a new view's query is measured without touching the bench), with arguments chosen by
parameter name, plus a few variants the pages use (département level, a filter):

- cold: a new ``Store`` (a new DuckDB connection: empty buffer pool) and the first call;
- warm: the same call again on the open connection (no Streamlit cache involved: the SQL itself).
"""
from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any, Callable

from bench.common import median, timed
from inventory import analysis
from inventory.analysis import base, catalogue
from inventory.intake import demo
from inventory.intake.importer import to_tables
from inventory.store import Store


def build(db: Path, n_needs: int, n_programmes: int, n_commitments: int | None = None,
          n_results: int | None = None) -> dict[str, Any]:
    """A fresh database with two synthetic snapshots; seconds of each step. Commitments and results default to
    as many commitments as programmes and ten results per programme (10k / 100k next to 10k programmes)."""
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)
    n_commitments = n_programmes if n_commitments is None else n_commitments
    n_results = 10 * n_programmes if n_results is None else n_results
    store = Store(db)
    out: dict[str, Any] = {"needs": n_needs, "programmes": n_programmes, "commitments": n_commitments,
                           "results": n_results}
    try:
        for key, seed, as_of in (("april", 8, demo.APRIL), ("june", 7, demo.JUNE)):
            t_gen, frames = timed(lambda: demo.synthetic_frames(n_needs, n_programmes, seed=seed, as_of=as_of,
                                                                n_commitments=n_commitments, n_results=n_results))
            t_arrow, tables = timed(lambda: to_tables(frames))
            del frames
            t_write, (sid, _) = timed(lambda: store.write_snapshot(
                tables, label=f"Synthétique {n_needs} besoins / {n_programmes} programmes au {as_of:%d/%m} (fictif)",
                as_of=as_of, files="générateur", demo=True, created_by="bench"))
            out[key] = {"generate": t_gen, "arrow": t_arrow, "write": t_write, "snapshot_id": sid}
    finally:
        store.close()
    out["db_mib"] = db.stat().st_size / 2**20
    return out


def _arguments(store: Store) -> dict[str, Any]:
    """Values for the parameters the analytics functions take, by name."""
    snaps = store.snapshots()
    active = next(s for s in snaps if s.active)
    before = next((s for s in snaps if s.id != active.id), active)
    busiest = store.rows(
        "SELECT inv, count(*) AS n FROM (SELECT unnest(investisseurs) AS inv FROM programmes WHERE snapshot_id = ?) "
        "GROUP BY inv ORDER BY n DESC, inv LIMIT 1", [active.id])
    region = store.rows(
        "SELECT region_key FROM need_agg WHERE snapshot_id = ? AND region_key LIKE 'REG-%' GROUP BY 1 "
        "ORDER BY sum(score) DESC LIMIT 1", [active.id])
    return {
        "snapshot_id": active.id, "before": before.id, "after": active.id,
        "territoire": region[0][0] if region else "FR",
        "investisseur": busiest[0][0] if busiest else None,
    }


# variants beyond the default arguments: (label, function name, extra keyword arguments)
VARIANTS: list[tuple[str, str, dict[str, Any]]] = [
    ("need_matrix(level=departement)", "need_matrix", {"level": "departement"}),
    ("need_matrix(source=terrain, theme)", "need_matrix",
     {"needs": base.NeedFilter(source="terrain", thematiques=("numerique",))}),
    ("programmes(thematique=numerique)", "programmes", {"f": catalogue.ProgrammeFilter(thematique="numerique")}),
]


def calls(args: dict[str, Any]) -> list[tuple[str, Callable[[Store], Any]]]:
    """(label, call) for every analytics query, in source order; ``args`` from ``_arguments``."""
    out = []
    funcs = []
    for module in analysis.MODULES:  # each module's functions in source order
        own = [(name, fn) for name, fn in vars(module).items()
               if inspect.isfunction(fn) and not name.startswith("_") and fn.__module__ == module.__name__]
        funcs += sorted(own, key=lambda item: item[1].__code__.co_firstlineno)
    for name, fn in funcs:
        params = list(inspect.signature(fn).parameters.values())
        if not params or params[0].name != "store":
            continue
        kwargs, ok = {}, True
        for p in params[1:]:
            if p.name in args:
                kwargs[p.name] = args[p.name]
            elif p.default is inspect.Parameter.empty and p.kind is not p.VAR_KEYWORD:
                ok = False
        if not ok:
            continue
        out.append((name, lambda s, fn=fn, kw=kwargs: fn(s, **kw)))
        for label, vname, extra in VARIANTS:
            if vname == name:
                out.append((label, lambda s, fn=fn, kw=kwargs | extra: fn(s, **kw)))
    return out


def run_queries(db: Path, *, repeat: int, cold: bool = True) -> dict[str, dict[str, Any]]:
    """Median seconds per query: warm (open connection) and, if asked, cold (new connection)."""
    results: dict[str, dict[str, Any]] = {}
    store = Store(db)
    try:
        todo = calls(_arguments(store))
        for label, call in todo:
            t_first, out = timed(lambda: call(store))
            warm = [timed(lambda: call(store))[0] for _ in range(repeat)]
            rows = len(out) if hasattr(out, "__len__") else 1
            results[label] = {"warm": median(warm), "first": t_first, "rows": rows}
    finally:
        store.close()
    if cold:
        labels = [label for label, _ in todo]
        samples: dict[str, list[float]] = {label: [] for label in labels}
        for _ in range(repeat):
            for label, call in todo:
                store = Store(db)
                try:
                    store.rows("SELECT 1")  # open the connection outside the timing
                    samples[label].append(timed(lambda: call(store))[0])
                finally:
                    store.close()
        for label in labels:
            results[label]["cold"] = median(samples[label])
    return results


def sizes_label(n: int, m: int) -> str:
    return f"{_short(n)} / {_short(m)}"


def _short(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)
