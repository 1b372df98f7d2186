"""The first minute, on fresh servers (``python -m bench.rush --servers 10 --out FILE``): a server is started,
and twelve people open twelve deep links in the same second, then each changes one filter; again on the next
fresh server. Counts, per server, the tracebacks in the server's log and the errors people saw (an error box,
no answer, a closed socket). ``--plain`` starts ``streamlit run app.py`` instead of ``python -m ui.launch``:
the server as it was before the launcher imported the app's modules ahead of the first sessions.

The people speak Streamlit's websocket protocol (``bench.workshop``), no browser; only 127.0.0.1 is contacted.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.workshop import Person, Plan, Server, plan_link, placeholders, run_person, tracebacks

# Twelve deep links, as the workshop's browser test opens them (tests/e2e/test_rush.py): every page but the
# import one, views, filters, the workshop mode, an older snapshot.
LINKS: list[tuple[str, str]] = [
    ("", ""), ("", "atelier=1"),
    ("besoins", "source=terrain"), ("besoins", "inventaire={before}"),
    ("couverture", ""), ("couverture", "atelier=1&niveau=departement"),
    ("collectif", "atelier=1"), ("collectif", "inventaire={before}"),
    ("defis", ""), ("defis", "atelier=1"),
    ("evolution", ""), ("evolution", "atelier=1"),
]


def rush(db: Path, log: Path, values: dict[str, str], *, plain: bool, clicks: int, timeout: float) -> dict[str, Any]:
    """One fresh server, twelve people opening their links at the same instant."""
    people = [Person(Plan(k, path, query.format(**values), 0.0, 1000 + k)) for k, (path, query) in enumerate(LINKS)]
    t0 = time.perf_counter()
    with Server(db, log, {}, plain=plain) as server:
        started = time.perf_counter()

        async def crowd() -> None:
            t_zero = time.perf_counter()
            await asyncio.gather(*(run_person(server.url, p, clicks, timeout, t_zero, (0.2, 0.5)) for p in people))

        asyncio.run(crowd())
        seconds = time.perf_counter() - started
        time.sleep(0.5)  # the last lines of the log
        text = server.log_text()
    traces = tracebacks(text)
    errors = [e for p in people for e in p.errors]
    opens = [t for p in people for t in p.opens]
    return {"tracebacks": traces, "n_tracebacks": len(traces), "errors": errors[:20], "n_errors": len(errors),
            "opens": len(opens), "clicks": sum(len(p.clicks) for p in people),
            "slowest_open": max(opens) if opens else None, "seconds": seconds, "wall": time.perf_counter() - t0,
            "links": [plan_link(p.plan) for p in people]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.rush", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--servers", type=int, default=10, help="fresh servers in a row (default 10)")
    ap.add_argument("--db", help="the inventory served (default: a fresh demo inventory in --workdir)")
    ap.add_argument("--plain", action="store_true", help="plain `streamlit run app.py` (the before)")
    ap.add_argument("--clicks", type=int, default=1, help="filter changes per person after the page settled")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds a run may take before it is an error")
    ap.add_argument("--workdir", help="server logs and the demo inventory (default: a temporary directory)")
    ap.add_argument("--out", required=True, help="the figures, as JSON")
    args = ap.parse_args(argv)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench-rush-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = Path(args.db) if args.db else workdir / "demo.duckdb"
    if not db.exists():
        subprocess.run([sys.executable, "-m", "inventory", "init", "--db", str(db)], check=True,
                       stdout=subprocess.DEVNULL)
    values = placeholders(db)
    servers = []
    for n in range(args.servers):
        result = rush(db, workdir / f"server-{n + 1}.log", values, plain=args.plain, clicks=args.clicks,
                      timeout=args.timeout)
        print(f"[rush] server {n + 1}/{args.servers} ({'plain' if args.plain else 'launcher'}): "
              f"{result['n_tracebacks']} tracebacks, {result['n_errors']} errors, {result['opens']} opens, "
              f"{result['clicks']} clicks, slowest open {result['slowest_open'] or 0:.1f} s", file=sys.stderr,
              flush=True)
        servers.append(result)
    Path(args.out).write_text(json.dumps({
        "plain": args.plain, "servers": servers, "people": len(LINKS), "clicks": args.clicks,
        "load": os.getloadavg(), "workdir": str(workdir)}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
