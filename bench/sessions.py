"""Peak memory of one process serving N concurrent sessions (``python -m bench.sessions --db PATH --sessions N``).

Run in its own process by ``python -m bench`` so its peak resident set size is its own: N threads each open
an ``AppTest`` session (as N browser tabs on one server) and walk through every page and view of
``bench.pages.SCENARIOS`` with one filter change each, all sessions alive at the same time, sharing the
server's caches (the cached ``Store`` and the ``st.cache_data`` results) as real sessions do. The process
reports its peak RSS (``ru_maxrss``), its RSS before the first session (after one warm-up run, as a
started server) and the errors seen.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
import traceback
from pathlib import Path

from bench.common import peak_rss_mib, rss_mib


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.sessions")
    ap.add_argument("--db", required=True)
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=2, help="walks through all pages per session")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", nargs="*", help="only these pages (paths as in app.py)")
    args = ap.parse_args(argv)
    os.environ["INVENTORY_DB"] = str(Path(args.db).resolve())
    from bench import pages as bp

    os.environ["INVENTORY_FACILITATOR_PASSWORD"] = bp.PASSWORD
    values = bp._placeholders(args.db)
    import streamlit as st

    # server start: one run imports app.py's modules (concurrent first imports of app_state can see it half
    # initialised), then the results cache is emptied so that the sessions start cold together
    bp._run(bp._new_app(args.timeout), {})
    st.cache_data.clear()
    from ui.data import clear_results
    clear_results()
    baseline = rss_mib()
    plan = []
    for page in bp.app_pages():
        if args.pages and page not in args.pages:
            continue
        for state, changes in bp.SCENARIOS.get(page, [({}, [])]):
            plan.append((page, bp._fill(state, values), [bp._fill(c, values) for c in changes[:1]]))
    errors: list[str] = []
    harness: list[str] = []
    runs = [0]
    lock = threading.Lock()
    start = threading.Barrier(args.sessions)

    def session(k: int) -> None:
        try:
            at = bp._new_app(args.timeout)
            start.wait()
            bp._run(at, {})
            for r in range(args.rounds):
                order = plan[k % len(plan):] + plan[:k % len(plan)]  # sessions spread over the pages
                for page, state, changes in order:
                    at.switch_page(page)
                    for params in [state] + [state | c for c in changes]:
                        try:
                            bp._run(at, params)
                        except bp.PageError as exc:  # the page raised: an error of the app
                            with lock:
                                errors.append(f"session {k} {page} {params}: {exc}")
                        except Exception as exc:  # AppTest itself failed (its state is not thread-safe)
                            with lock:
                                harness.append(f"session {k} {page} {params}: {type(exc).__name__}: {exc}")
                            at = bp._new_app(args.timeout)  # a new session takes over
                            bp._run(at, {})
                            at.switch_page(page)
                        with lock:
                            runs[0] += 1
        except Exception:
            with lock:
                errors.append(f"session {k}: {traceback.format_exc(limit=3)}")

    t0 = time.perf_counter()
    threads = [threading.Thread(target=session, args=(k,), name=f"session-{k}") for k in range(args.sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    Path(args.out).write_text(json.dumps({
        "sessions": args.sessions, "rounds": args.rounds, "runs": runs[0], "seconds": time.perf_counter() - t0,
        "baseline_rss_mib": baseline, "peak_rss_mib": peak_rss_mib(), "final_rss_mib": rss_mib(),
        "errors": errors[:20], "n_errors": len(errors),
        # CPython 3.11's ast.parse is not thread-safe (python/cpython#106905); AppTest compiles the page on
        # every run, so concurrent sessions can hit it; a server compiles each page once (ScriptCache)
        "n_ast_errors": sum("AST constructor recursion depth mismatch" in e for e in errors),
        "harness_errors": harness[:10], "n_harness_errors": len(harness),
    }, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
