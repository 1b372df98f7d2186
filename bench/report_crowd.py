"""Six readers ask for the session report's PDF in the same second (issue 22): how many Chromium processes run,
their resident memory together at the peak, how long each reader waits, and how long a later download takes.

Before: each download built its HTML and started its own headless Chromium (``html_to_pdf`` per reader). After:
``session_report.build_pdf`` makes each (snapshot, language) once, one render at a time, and keeps it.

    python -m bench.report_crowd [--db PATH]   # default: a fresh demo inventory in a temporary directory
"""
from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path

from inventory.intake import demo
from inventory.outputs import session_report
from inventory.store import Store

READERS = 6


def chromium_rss() -> tuple[int, int]:
    """(processes, resident bytes summed) of the headless Chromiums this process started to print a PDF, their
    children and grandchildren included (shared pages are counted in each process, as ``ps`` does)."""
    roots, rss, count = set(), 0, 0
    procs = {}
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            cmd = (p / "cmdline").read_bytes()
            status = (p / "status").read_text()
        except OSError:
            continue
        ppid = int(next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:")))
        kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        procs[int(p.name)] = (ppid, kb, cmd)
        if b"--print-to-pdf" in cmd and b"--type=" not in cmd and ppid == os.getpid():  # ours, not a neighbour's
            roots.add(int(p.name))
    for pid, (ppid, kb, cmd) in procs.items():
        if pid in roots or ppid in roots or (procs.get(ppid, (0,))[0] in roots):
            rss += kb * 1024
            count += pid in roots
    return count, rss


def crowd(fn) -> dict:
    """Six threads call ``fn`` at once; the waits, and the Chromiums sampled every 100 ms meanwhile."""
    start, waits, done = threading.Barrier(READERS), [0.0] * READERS, threading.Event()
    peak = {"chromiums": 0, "rss": 0}

    def sample() -> None:
        while not done.is_set():
            n, rss = chromium_rss()
            peak["chromiums"], peak["rss"] = max(peak["chromiums"], n), max(peak["rss"], rss)
            time.sleep(0.1)

    def reader(k: int) -> None:
        start.wait()
        t0 = time.perf_counter()
        fn()
        waits[k] = time.perf_counter() - t0

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=reader, args=(k,)) for k in range(READERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    sampler.join()
    return {"first": min(waits), "last": max(waits), **peak}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "demo.duckdb"
        store = Store(db)
        if not args.db:
            demo.load_demo(store)
        sid = store.active_snapshot_id()
        renders = []
        real = session_report.html_to_pdf

        def counted(document: str) -> bytes:
            renders.append(1)
            return real(document)

        session_report.html_to_pdf = counted
        html = session_report.build_html(store, sid, lang="fr")
        before = crowd(lambda: counted(html))  # as before: every reader its own Chromium (HTML already made)
        n_before = len(renders)
        renders.clear()
        session_report._made.clear()
        after = crowd(lambda: session_report.build_pdf(store, sid, lang="fr"))
        t0 = time.perf_counter()
        session_report.build_pdf(store, sid, lang="fr")
        later = time.perf_counter() - t0
        snap = store.snapshot(sid)
        print(f"inventory: {snap.counts['besoins']} needs, {snap.counts['programmes']} programmes")
        print("| | Chromium renders | Chromiums at once (peak) | their RSS at the peak | first reader served | "
              "last reader served | a later download |")
        print("|---|---|---|---|---|---|---|")
        for name, r, n, extra in (("before (one Chromium per download)", before, n_before, "same again"),
                                  ("after (made once, one at a time)", after, len(renders), f"{later * 1000:.1f} ms")):
            print(f"| {name} | {n} | {r['chromiums']} | {r['rss'] / 2**20:.0f} MB | {r['first']:.1f} s | "
                  f"{r['last']:.1f} s | {extra} |")
        store.close()


if __name__ == "__main__":
    main()
