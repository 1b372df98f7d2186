"""Page reruns through ``streamlit.testing.v1.AppTest`` (``AppTest.from_file("app.py")`` + ``switch_page``).

Run in its own process by ``python -m bench`` (``python -m bench.pages --db PATH --repeat K --out FILE``) so
that imports, caches and memory of the other sections do not leak in. Every page of the registry
(``ui/registry.py``) is measured; a page may have several states (its views, chosen in the URL as a
shared link would) and filter changes, both given as query parameters (``SCENARIOS``; a page without an
entry is measured in its default state with plain reruns).

For each page state:
- cold: the first run after ``ui.data.clear_results()`` (the results cache empty, as after a new snapshot
  or a server restart; the DuckDB connection is open, the Python modules are imported);
- rerun: the same state run again (widget interaction that changes nothing the queries depend on);
- filter change: the state plus one query parameter changed, each value seen for the first time (its
  queries miss the cache; DuckDB is warm); median and worst over the changes;
- after idle: a rerun after the store let go of the database file (``idle_close``), so the connection
  reopens.

AppTest compiles the page script on every run (a server compiles it once), so these figures slightly
overstate a server's; they leave out the network and the browser's drawing.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from bench.common import median, peak_rss_mib

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PASSWORD = "bench-facilitator-password"

# page → list of (state, filter changes); values may name {region}, {investor}, {department}, {before}.
SCENARIOS: dict[str, list[tuple[dict[str, str], list[dict[str, str]]]]] = {
    "pages/accueil.py": [({}, [])],
    "pages/besoins.py": [({}, [{"source": "terrain"}, {"public": "association"}, {"niveau": "departement"},
                               {"mesure": "score"}, {"thematiques": "numerique,juridique"},
                               {"territoire": "{region}"}])],
    "pages/couverture.py": [
        ({"vue": "carte"}, [{"niveau": "departement"}, {"source": "terrain"}, {"thematique_carte": "numerique"}]),
        ({"vue": "lacunes"}, [{"niveau": "departement"}, {"source": "ingenierie"}]),
        ({"vue": "catalogue"}, [{"phase": "relance"}, {"thematique": "numerique"}, {"territoire": "{region}"},
                                {"investisseur": "{investor}"}]),
        ({"vue": "territoire", "territoire": "{region}"}, [{"territoire": "{department}"}, {"source": "terrain"}]),
        ({"vue": "lacunes", "engagements": "true"}, [{"niveau": "departement"}]),
    ],
    "pages/collectif.py": [
        ({"vue": "paysage"}, []),
        ({"vue": "alliances"}, []),
        ({"vue": "positionner", "investisseur": "{investor}"}, [{"investisseur": "{investor2}"}]),
        ({"vue": "parcours"}, [{"source": "ingenierie"}, {"niveau": "departement"}, {"case": "{region}|numerique"}]),
        ({"vue": "engagements"}, []),  # as a logged-in facilitator: the board and the form
        ({"vue": "ecosysteme"}, []),  # funders → operators → themes (issue 25)
    ],
    "pages/organisation.py": [({"organisation": "{investor}"}, [{"organisation": "{investor2}"}])],
    "pages/defis.py": [({}, [{"mesure": "acteurs"}, {"niveau": "departement"}]),
                       ({"defi": "Évaluer avec pertinence"}, [{"niveau": "departement"}])],
    "pages/evolution.py": [({}, [{"niveau": "departement"}, {"source": "terrain"}])],
    "pages/importer.py": [({}, [])],
}


def app_pages(app: str = APP) -> list[str]:
    """The pages app.py routes, in order: the page registry's (ui/registry.py)."""
    from ui import registry

    return [p.file for p in registry.PAGES]


def _placeholders(db: str) -> dict[str, str]:
    from inventory.store import Store

    store = Store(db)
    try:
        sid = store.active_snapshot_id()
        other = [s.id for s in store.snapshots() if s.id != sid]
        inv = store.rows(
            "SELECT inv FROM (SELECT unnest(investisseurs) AS inv FROM programmes WHERE snapshot_id = ?) "
            "GROUP BY inv ORDER BY count(*) DESC, inv LIMIT 2", [sid])
        region = store.rows(
            "SELECT region_key FROM need_agg WHERE snapshot_id = ? AND region_key LIKE 'REG-%' GROUP BY 1 "
            "ORDER BY sum(score) DESC LIMIT 1", [sid])
        reg = region[0][0] if region else "FR"
        dep = store.rows("SELECT key FROM territoires WHERE region_key = ? AND level = 'departement' ORDER BY ordre "
                         "LIMIT 1", [reg])
    finally:
        store.close()
    return {"region": reg, "department": dep[0][0] if dep else reg,
            "investor": inv[0][0] if inv else "", "investor2": inv[-1][0] if inv else "",
            "before": str(other[-1]) if other else str(sid)}


def _fill(params: dict[str, str], values: dict[str, str]) -> dict[str, str]:
    return {k: v.format(**values) for k, v in params.items()}


def _new_app(timeout: float):
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    config.set_option("client.showErrorDetails", "full")  # the bench reports a broken page's real error

    at = AppTest.from_file(APP, default_timeout=timeout)
    at.secrets["facilitator_password"] = PASSWORD
    at.session_state["_facilitator_token"] = PASSWORD  # the import page as a logged-in facilitator sees it
    return at


class PageError(RuntimeError):
    """The page raised an exception (shown to the user); its message and the last lines of its trace."""


def _run(at, params: dict[str, str], cpu: list[float] | None = None) -> float:
    """Seconds (wall clock) of one run with these query parameters; the process CPU seconds go to ``cpu``."""
    at.query_params.clear()
    at.query_params.update(params)
    c0 = time.process_time()
    t0 = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t0
    if cpu is not None:
        cpu.append(time.process_time() - c0)
    if at.exception:
        exc = at.exception[0]
        where = " | ".join(line.strip() for line in (exc.stack_trace or [])[-3:])
        raise PageError(f"{exc.message} [{where}]")
    return elapsed


def _at_page(page: str, timeout: float):
    """A session that has run once (the default page) and now stands on ``page`` (not yet run)."""
    at = _new_app(timeout)
    _run(at, {})
    at.switch_page(page)
    return at


def measure_page(page: str, states, values: dict[str, str], repeat: int, timeout: float) -> list[dict[str, Any]]:
    import streamlit as st

    from ui import current_store
    from ui.data import clear_results

    out = []
    for state, changes in states:
        state = _fill(state, values)
        row: dict[str, Any] = {"page": page, "state": state, "changes": [], "error": None}
        try:
            cold, cold_cpu = [], []
            at = None
            for _ in range(repeat):
                at = _at_page(page, timeout)
                st.cache_data.clear()
                clear_results()
                cold.append(_run(at, state, cold_cpu))
            row["cold"], row["cold_cpu"], row["cold_max"] = median(cold), median(cold_cpu), max(cold)
            rerun_cpu: list[float] = []
            row["rerun"] = median([_run(at, state, rerun_cpu) for _ in range(repeat)])
            row["rerun_cpu"] = median(rerun_cpu)
            seen, seen_cpu = [], []
            for change in changes:
                change = _fill(change, values)
                seen.append(_run(at, state | change, seen_cpu))
                row["changes"].append({"params": change, "seconds": seen[-1], "cpu": seen_cpu[-1]})
            row["change"] = median(seen) if seen else None
            row["change_cpu"] = median(seen_cpu) if seen else None
            row["change_max"] = max(seen) if seen else None
            idle, idle_cpu = [], []
            for _ in range(repeat):
                current_store().close()  # what idle_close does after a few quiet seconds
                idle.append(_run(at, state, idle_cpu))
            row["after_idle"], row["after_idle_cpu"] = median(idle), median(idle_cpu)
            row["elements"] = len(list(at.main)) if at is not None else None
        except Exception as exc:  # a broken page is reported, the others still measured
            row["error"] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc(file=sys.stderr)
        out.append(row)
        print(json.dumps({k: row.get(k) for k in ("page", "state", "cold", "rerun", "change", "after_idle", "error")},
                         ensure_ascii=False), file=sys.stderr, flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.pages")
    ap.add_argument("--db", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", nargs="*", help="only these pages (paths as in app.py)")
    args = ap.parse_args(argv)
    os.environ["INVENTORY_DB"] = str(Path(args.db).resolve())
    os.environ["INVENTORY_FACILITATOR_PASSWORD"] = PASSWORD
    values = _placeholders(args.db)
    pages = app_pages()
    if args.pages:
        pages = [p for p in pages if p in args.pages]

    # server start: imports, connection, the default page with empty caches (not a page rerun)
    t0 = time.perf_counter()
    at = _new_app(args.timeout)
    _run(at, {})
    startup = time.perf_counter() - t0
    results = []
    for page in pages:
        results.extend(measure_page(page, SCENARIOS.get(page, [({}, [])]), values, args.repeat, args.timeout))
    Path(args.out).write_text(json.dumps({"pages": results, "startup": startup, "values": values,
                                          "peak_rss_mib": peak_rss_mib()}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
