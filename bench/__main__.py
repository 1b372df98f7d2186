"""``python -m bench`` (``make bench``): the benchmark suite; see bench/README.md.

Sections, in order (``--only`` picks some): ``import`` (a needs sheet in xlsx, ods, csv against the bare read),
``catalogue`` (a 5,000-aid aides-territoires JSON next to the most programmes, against ``json.loads`` alone),
``baseline`` (the naive import, on a subset, extrapolated), ``queries`` (writes the synthetic inventories of
every size, with as many commitments as programmes and ten results per programme, then every analytics query on
each), ``note`` (noting one commitment during a session at the largest size), ``pages`` (AppTest reruns of every page at the largest
size, in a child process), ``memory`` (peak RSS of a child process serving concurrent sessions at the
largest size), ``workshop`` (1, 12, 50 people on a real ``streamlit run`` server through its websocket, on the
demo inventory and at the largest size), ``report`` (the session report), ``rush`` (twelve deep links in the same
second on ten fresh servers, with and without ``python -m ui.launch``). Prints the Markdown table and writes it to ``--out``.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("import", "catalogue", "baseline", "queries", "note", "pages", "memory", "workshop", "report", "rush")
DEFAULTS = {"needs": [10_000, 100_000, 1_000_000], "programmes": [1_000, 10_000], "import_rows": 100_000, "aids": 5_000,
            "baseline_rows": 5_000, "repeat": 5, "page_repeat": 3, "sessions": 10, "rounds": 2,
            "workshop_sessions": [1, 12, 50], "workshop_clicks": 5, "workshop_alone": 6, "rush_servers": 10}
QUICK = {"needs": [5_000], "programmes": [200], "import_rows": 5_000, "aids": 500, "baseline_rows": 500, "repeat": 2,
         "page_repeat": 1, "sessions": 3, "rounds": 1, "workshop_sessions": [1, 4], "workshop_clicks": 2,
         "workshop_alone": 2, "rush_servers": 1}


def parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--needs", type=int, nargs="+", help="need rows of the synthetic inventories (default 10k 100k 1M)")
    ap.add_argument("--programmes", type=int, nargs="+", help="programmes (default 1k 10k)")
    ap.add_argument("--import-rows", type=int, help="rows of the imported needs sheet (default 100k)")
    ap.add_argument("--aids", type=int, help="aids of the imported aides-territoires export (default 5k)")
    ap.add_argument("--baseline-rows", type=int, help="rows the naive baseline really runs on (default 5k)")
    ap.add_argument("--repeat", type=int, help="runs per import / query measurement (default 5)")
    ap.add_argument("--page-repeat", type=int, help="runs per page measurement (default 3)")
    ap.add_argument("--sessions", type=int, help="concurrent sessions of the memory measurement (default 10)")
    ap.add_argument("--rounds", type=int, help="walks through all pages per session (default 2)")
    ap.add_argument("--pages", nargs="+", help="only these pages (as listed in app.py, e.g. pages/accueil.py)")
    ap.add_argument("--workshop-sessions", type=int, nargs="+",
                    help="people on one server at once (default 1 12 50; 1 = the same people one at a time)")
    ap.add_argument("--workshop-clicks", type=int, help="filter changes per person (default 5)")
    ap.add_argument("--workshop-alone", type=int, help="how many people run alone for level 1 (default 6)")
    ap.add_argument("--workshop-pace", type=float, nargs=2, default=[1.0, 3.0], metavar=("MIN", "MAX"),
                    help="seconds a person waits after a page settled before the next click (default 1 3)")
    ap.add_argument("--workshop-spread", type=float, default=3.0,
                    help="people open their link within this many seconds of the server's start (default 3)")
    ap.add_argument("--workshop-before", action=argparse.BooleanOptionalAction, default=True,
                    help="also run the demo inventory with Streamlit's defaults for the options the repository's "
                         ".streamlit/config.toml tunes (the before of the config change; default on)")
    ap.add_argument("--workshop-inventories", nargs="+", choices=("demo", "large"), default=["demo", "large"],
                    help="which inventories the workshop section serves (default both)")
    ap.add_argument("--report-inventories", nargs="+", choices=("demo", "large"), default=["demo", "large"],
                    help="which inventories the report section renders (default both)")
    ap.add_argument("--rush-servers", type=int, help="fresh servers of the first-minute rush (default 10)")
    ap.add_argument("--rush-before", action=argparse.BooleanOptionalAction, default=True,
                    help="also rush plain `streamlit run app.py` servers (the before of python -m ui.launch)")
    ap.add_argument("--quick", action="store_true", help="small sizes and few runs (a minute or two)")
    ap.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    ap.add_argument("--workdir", default=str(ROOT / "bench" / "out"), help="generated files and databases")
    ap.add_argument("--out", help="Markdown results (default bench/results.md; --quick: bench/out/results-quick.md)")
    ap.add_argument("--json", help="also write the raw results as JSON here")
    args = ap.parse_args(argv)
    base = QUICK if args.quick else DEFAULTS
    for key, value in base.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if args.out is None:
        args.out = str(Path(args.workdir) / "results-quick.md") if args.quick else str(ROOT / "bench" / "results.md")
    args.only = args.only or list(SECTIONS)
    return args


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def child(module: str, args: list[str], out: Path, timeout: float | None = None) -> dict[str, Any]:
    """Run ``python -m module args`` from the repository root; its JSON result."""
    cmd = [sys.executable, "-m", module, *args, "--out", str(out)]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"{shlex.join(cmd)} did not end within {timeout:.0f} s") from exc
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"{shlex.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(out.read_text())


def run_workshop(args: argparse.Namespace, work: Path, big_db: Path, size: str, notes: list[str]) -> dict[str, Any]:
    """``bench.workshop`` (a real server per level) on the demo inventory, before and after the repository's
    Streamlit options, and at the largest size."""
    runs = []
    plan = []
    if "demo" in args.workshop_inventories:
        demo_db = work / "workshop-demo.duckdb"
        if not demo_db.exists():
            log("demo inventory for the workshop section (python -m inventory init)")
            subprocess.run([sys.executable, "-m", "inventory", "init", "--db", str(demo_db)], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL, timeout=300)
        if args.workshop_before:
            plan.append(("demo", demo_db, "defaults"))
        plan.append(("demo", demo_db, "repo"))
    if "large" in args.workshop_inventories:
        plan.append((size, big_db, "repo"))
    for label, db, config in plan:
        log(f"workshop: {' / '.join(map(str, args.workshop_sessions))} people on a server, {label} inventory, "
            f"{'Streamlit defaults' if config == 'defaults' else 'repository config'}")
        cmd = ["--db", str(db), "--sessions", *map(str, args.workshop_sessions), "--clicks", str(args.workshop_clicks),
               "--alone", str(args.workshop_alone), "--pace", *map(str, args.workshop_pace),
               "--spread", str(args.workshop_spread), "--workdir", str(work / f"workshop-{label.replace(' / ', '-')}-{config}")]
        if config == "defaults":
            cmd.append("--defaults")
        try:
            # each level stops itself after 900 s and kills its server; this outer bound only catches a hang
            out = child("bench.workshop", cmd, work / "workshop.json", timeout=900 * len(args.workshop_sessions) + 600)
            runs.append({"inventory": label, "config": config, **out})
        except RuntimeError as exc:
            notes.append(f"workshop bench failed ({label}, {config}): {exc}")
    return {"runs": runs}


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    from bench import importing, queries, report
    from bench.common import machine

    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    mach = machine()
    needs, progs = sorted(args.needs), sorted(args.programmes)
    big_n, big_m = needs[-1], progs[-1]
    res: dict[str, Any] = {"notes": []}
    cfg = {"repeat": args.repeat, "page_repeat": args.page_repeat,
           "command": "python -m bench " + shlex.join(argv if argv is not None else sys.argv[1:])}

    if "import" in args.only:
        log(f"writing the {args.import_rows}-row needs sheet as xlsx, ods, csv")
        paths = importing.prepare_files(work, args.import_rows)
        res["import"] = {}
        for m in progs:
            log(f"import next to {m} programmes: bare read, read, validate, commit")
            res["import"][m] = importing.run_import(work, paths, programmes=m, repeat=args.repeat)
    if "catalogue" in args.only:
        from bench import catalogues

        log(f"aides-territoires export of {args.aids} aids next to {big_m} programmes: parse, convert, import")
        res["catalogue"] = catalogues.run_import(work, aids=args.aids, programmes=big_m, repeat=args.repeat)
    if "baseline" in args.only:
        subset = min(args.baseline_rows, args.import_rows)
        log(f"naive baseline on {subset} rows")
        res["baseline"] = importing.run_baseline(work, subset=subset, full=args.import_rows,
                                                 repeat=max(1, min(args.repeat, 3)))
    big_db = work / f"inventory-{big_n}-{big_m}.duckdb"
    if "queries" in args.only:
        res["builds"], res["queries"] = [], {}
        for n in needs:
            for m in progs:
                db = work / f"inventory-{n}-{m}.duckdb"
                log(f"synthetic inventory {n} needs / {m} programmes")
                res["builds"].append(queries.build(db, n, m))
                log("analytics queries")
                res["queries"][queries.sizes_label(n, m)] = queries.run_queries(
                    db, repeat=args.repeat, cold=(n, m) == (big_n, big_m))
                if (n, m) != (big_n, big_m):
                    for p in (db, Path(f"{db}.wal")):
                        p.unlink(missing_ok=True)
    elif ({"pages", "memory", "note", "report"} & set(args.only)
          or "workshop" in args.only and "large" in args.workshop_inventories) and not big_db.exists():
        log(f"synthetic inventory {big_n} needs / {big_m} programmes")
        queries.build(big_db, big_n, big_m)
    size = queries.sizes_label(big_n, big_m)
    if "note" in args.only:  # the follow-through: a commitment noted during a session, at the largest size
        from bench import noting

        log(f"noting a commitment at {size}")
        res["note"] = noting.run_note(big_db, repeat=args.repeat) | {"size": size}
    if "pages" in args.only:
        log(f"page reruns at {size} (child process)")
        extra = ["--pages", *args.pages] if args.pages else []
        try:
            res["pages"] = child("bench.pages", ["--db", str(big_db), "--repeat", str(args.page_repeat), *extra],
                                 work / "pages.json") | {"size": size}
        except RuntimeError as exc:
            res["notes"].append(f"page bench failed: {exc}")
    if "memory" in args.only:
        log(f"peak memory, {args.sessions} concurrent sessions at {size} (child process)")
        extra = ["--pages", *args.pages] if args.pages else []
        try:
            res["memory"] = child("bench.sessions", ["--db", str(big_db), "--sessions", str(args.sessions),
                                                     "--rounds", str(args.rounds), *extra],
                                  work / "memory.json") | {"size": size}
        except RuntimeError as exc:
            res["notes"].append(f"memory bench failed: {exc}")
    if "workshop" in args.only:
        res["workshop"] = run_workshop(args, work, big_db, size, res["notes"])
    if "report" in args.only:  # the session report, on the demo inventory and at the largest size
        from bench import session_report

        demo_db = work / "report-demo.duckdb"
        if "demo" in args.report_inventories and not demo_db.exists():
            subprocess.run([sys.executable, "-m", "inventory", "init", "--db", str(demo_db)], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL, timeout=300)
        res["report"] = []
        for label, db in (("demo", demo_db), (size, big_db)):
            if ("demo" if label == "demo" else "large") not in args.report_inventories:
                continue
            log(f"session report, {label} inventory")
            res["report"].append(session_report.run_report(db, repeat=args.repeat) | {"size": label})

    if "rush" in args.only:  # twelve deep links in the same second on fresh servers
        res["rush"] = []
        for plain in ([True] if args.rush_before else []) + [False]:
            log(f"first-minute rush: {args.rush_servers} fresh servers, {'streamlit run' if plain else 'ui.launch'}")
            try:
                res["rush"].append(child("bench.rush", ["--servers", str(args.rush_servers), "--workdir",
                                                        str(work / ("rush-plain" if plain else "rush")),
                                                        *(["--plain"] if plain else [])],
                                         work / "rush.json", timeout=300 * args.rush_servers + 300))
            except RuntimeError as exc:
                res["notes"].append(f"rush bench failed: {exc}")

    cfg["wall"] = time.perf_counter() - t_start
    text = report.render(res, mach, cfg, os.getloadavg())
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    if set(args.only) != set(SECTIONS) and Path(args.out).exists():  # some sections: the others stay as they were
        text = report.merge(Path(args.out).read_text(encoding="utf-8"), text)
    Path(args.out).write_text(text, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": mach, "config": cfg, "results": res}, ensure_ascii=False,
                                              indent=1, default=str))
    log(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
