"""A plenary through the balancer: the workshop's simulated people against ``make serve``'s set-up.

``python -m bench.balancer --db PATH --levels 1x12 1x50 2x12 2x50 2x50p --out FILE.json`` publishes ``PATH`` (the
writer's file) to a copy, starts N read-only replicas behind a real HAProxy (``inventory.replicas``, as
``make serve REPLICAS=N``) and runs the people of ``bench.workshop`` (same links, same pace, same clicks, same
timings) through HAProxy's port. ``NxMp`` also publishes during the run: three times, a new snapshot is written
to the writer's file and published (copy, then rename) while people click; the replicas must pick it up on their
next rerun without an error. Errors are the workshop's (exception boxes, unanswered clicks, closed sockets) plus
every traceback in the replicas' logs. CPU / run is the replicas' CPU over the runs people asked for.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.workshop import Person, _crowd, cpu_seconds, peak_mib, placeholders, plans, quantile, tracebacks


def _publisher(writer_db: Path, published: Path, times: int, first: float, every: float, out: dict) -> None:
    """Write a new snapshot to the writer's file and publish it, ``times`` times."""
    from inventory.store import Store, publish

    store = Store(writer_db)
    try:
        time.sleep(first)
        for k in range(times):
            sid = store.active_snapshot_id()
            frames = {sheet: store.sheet(sid, sheet) for sheet in ("investisseurs", "programmes", "besoins")}
            t0 = time.perf_counter()
            new, _ = store.write_snapshot(frames, label=f"Publication {k + 1} (banc)", as_of=dt.date(2020, 7, 1 + k))
            publish(store, published)
            out["published"].append({"snapshot": new, "seconds": time.perf_counter() - t0})
            time.sleep(every)
    except Exception as exc:  # reported, not raised: the crowd's numbers still come back
        out["publish_errors"].append(f"{type(exc).__name__}: {exc}")
    finally:
        store.close()


def run_level(writer_db: Path, replicas: int, people: int, publishing: bool, args, workdir: Path,
              values: dict[str, str]) -> dict[str, Any]:
    from inventory.replicas import Replicas
    from inventory.store import Store, publish

    published = workdir / f"published-{replicas}x{people}{'p' if publishing else ''}.duckdb"
    store = Store(writer_db)
    publish(store, published)
    store.close()
    persons = [Person(p) for p in plans(people, args.seed, args.spread, values)]
    report: dict[str, Any] = {"published": [], "publish_errors": []}
    load_start = os.getloadavg()
    with Replicas(published, replicas, workdir=workdir / f"run-{replicas}x{people}{'p' if publishing else ''}") as rep:
        pids = rep.pids()[:-1]  # HAProxy is last
        cpu0 = sum(cpu_seconds(p) for p in pids)
        thread = None
        if publishing:
            thread = threading.Thread(target=_publisher, args=(writer_db, published, 3, args.spread + 2, 4, report))
            thread.start()
        started = time.perf_counter()
        try:
            asyncio.run(asyncio.wait_for(
                _crowd(rep.url, persons, args.clicks, args.click_timeout, False, tuple(args.pace)), args.level_timeout))
        except (asyncio.TimeoutError, TimeoutError):
            for p in persons:
                p.errors.append(f"the level did not end within {args.level_timeout:.0f} s")
        seconds = time.perf_counter() - started
        if thread:
            thread.join()
        cpu = sum(cpu_seconds(p) for p in pids) - cpu0
        peaks = [peak_mib(p) for p in pids]
        time.sleep(0.5)
        logs = rep.logs()
    opens = [t for p in persons for t in p.opens]
    clicks = [t for p in persons for t in p.clicks]
    everything = opens + clicks
    errors = [e for p in persons for e in p.errors] + report["publish_errors"]
    traces = tracebacks(logs)
    runs = len(everything)
    return {
        "replicas": replicas, "people": people, "publishing": publishing, "opens": len(opens),
        "open_median": statistics.median(opens) if opens else None, "open_p95": quantile(opens, 0.95),
        "clicks": len(clicks), "click_median": statistics.median(clicks) if clicks else None,
        "click_p95": quantile(clicks, 0.95), "click_max": max(clicks) if clicks else None,
        "all_p95": quantile(everything, 0.95), "errors": errors[:20], "n_errors": len(errors),
        "tracebacks": traces[:10], "n_tracebacks": len(traces), "published": report["published"],
        "cpu_per_run": cpu / runs if runs else None, "peak_mib": peaks, "seconds": seconds,
        "load_start": load_start, "load_end": os.getloadavg(),
    }


def markdown(levels: list[dict[str, Any]]) -> str:
    def s(x):
        return "–" if x is None else f"{x:.2f} s"

    rows = ["| replicas | people | publishing | open median / p95 | clicks | click median | click p95 | click max "
            "| errors | tracebacks | CPU / run | load |", "|" + "---|" * 12]
    for v in levels:
        pub = f"{len(v['published'])} publishes" if v["publishing"] else "–"
        rows.append(f"| {v['replicas']} | {v['people']} | {pub} | {s(v['open_median'])} / {s(v['open_p95'])} | "
                    f"{v['clicks']} | {s(v['click_median'])} | {s(v['click_p95'])} | {s(v['click_max'])} | "
                    f"{v['n_errors']} | {v['n_tracebacks']} | {v['cpu_per_run'] * 1000:.0f} ms | "
                    f"{v['load_start'][0]:.1f} → {v['load_end'][0]:.1f} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.balancer", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="the writer's inventory (copied; publishing levels write to a copy)")
    ap.add_argument("--levels", nargs="+", default=["1x12", "1x50", "2x12", "2x50", "2x50p"],
                    help="REPLICASxPEOPLE, with a final p to publish during the run")
    ap.add_argument("--clicks", type=int, default=5)
    ap.add_argument("--spread", type=float, default=3.0)
    ap.add_argument("--pace", type=float, nargs=2, default=[1.0, 3.0])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--click-timeout", type=float, default=120.0)
    ap.add_argument("--level-timeout", type=float, default=600.0)
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench-balancer-"))
    workdir.mkdir(parents=True, exist_ok=True)
    writer = workdir / "writer.duckdb"
    writer.write_bytes(Path(args.db).read_bytes())  # publishing levels add snapshots: never to the given file
    values = placeholders(writer)
    levels = []
    for level in args.levels:
        publishing = level.endswith("p")
        replicas, people = (int(x) for x in level.rstrip("p").split("x"))
        print(f"[balancer] {replicas} replica(s), {people} people{', publishing' if publishing else ''}",
              file=sys.stderr, flush=True)
        levels.append(run_level(writer, replicas, people, publishing, args, workdir, values))
        Path(args.out).write_text(json.dumps({"levels": levels, "clicks": args.clicks, "pace": args.pace,
                                              "spread": args.spread, "seed": args.seed}, indent=1, default=str))
        print(markdown(levels[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    print(markdown(levels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
