"""The results as Markdown: the machine, the targets with their verdicts, then one table per section."""
from __future__ import annotations

from typing import Any

from bench.queries import sizes_label

OK, BAR, MISS = "✅", "⚠️ (bar met)", "❌"


def ms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:,.0f}".replace(",", " ")


def sec(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds:.2f} s"


def num(n: int) -> str:
    """12 345 (thin spaces would not survive every Markdown viewer)."""
    return f"{n:,}".replace(",", " ")


def ratio(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}×"


def verdict(value: float | None, target: float, bar: float | None = None) -> str:
    if value is None:
        return "–"
    if value <= target:
        return OK
    if bar is not None and value <= bar:
        return BAR
    return MISS


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return out


def machine_lines(m: dict[str, Any], cfg: dict[str, Any], load_end: Any) -> list[str]:
    pk = ", ".join(f"{k} {v}" for k, v in m["packages"].items())
    load = lambda x: "–" if not x else " / ".join(f"{v:.2f}" for v in x)  # noqa: E731
    return [
        f"- Measured: {m['date']}, `{cfg['command']}` ({cfg['wall']:.0f} s in all)",
        f"- CPU: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable); RAM {m['ram_gib']:.1f} GiB; "
        f"{m['os']}; Python {m['python']}",
        f"- Packages: {pk}",
        f"- Load average (1/5/15 min) at start {load(m['load_at_start'])}, at end {load(load_end)}: other "
        "processes sharing the cores inflate wall-clock times; the CPU-time columns of the page table are "
        "less sensitive to them.",
        f"- Medians over {cfg['repeat']} runs (imports, queries) and {cfg['page_repeat']} runs (pages) unless said.",
    ]


def targets(res: dict[str, Any]) -> list[str]:
    rows = []
    imp = res.get("import") or {}
    if imp:
        most = max(imp)  # the worst case: the most programmes carried over
        for fmt, r in imp[most].items():
            rows.append([f"Import {fmt} {num(r['rows'])} rows ({num(most)} programmes): total", "< 5 s", "",
                         sec(r["total"]), verdict(r["total"], 5.0)])
            rows.append([f"Import {fmt}: total / bare read", "≤ 2×", "≤ 3×", ratio(r["ratio"]),
                         verdict(r["ratio"], 2.0, 3.0)])
    cat = res.get("catalogue")
    if cat:
        rows.append([f"Import of a {num(cat['aids'])}-aid aides-territoires JSON ({num(cat['programmes_before'])} "
                     "programmes): total", "< 5 s", "", sec(cat["total_s"]), verdict(cat["total_s"], 5.0)])
    pages = [p for p in (res.get("pages") or {}).get("pages", []) if not p.get("error")]
    if pages:
        worst_warm = max(pages, key=lambda p: max(p.get("rerun") or 0, p.get("change") or 0))
        warm = max(worst_warm.get("rerun") or 0, worst_warm.get("change") or 0)
        rows.append([f"Page rerun, warm (worst: {_page_label(worst_warm)})", "≤ 150 ms", "≤ 300 ms", f"{ms(warm)} ms",
                     verdict(warm, 0.150, 0.300)])
        worst_change = max(pages, key=lambda p: p.get("change_max") or 0)
        if worst_change.get("change_max"):
            rows.append([f"Page rerun, slowest single filter change ({_page_label(worst_change)})", "≤ 150 ms",
                         "≤ 300 ms", f"{ms(worst_change['change_max'])} ms",
                         verdict(worst_change["change_max"], 0.150, 0.300)])
        worst_cold = max(pages, key=lambda p: p.get("cold") or 0)
        rows.append([f"Page rerun, cold (worst: {_page_label(worst_cold)})", "≤ 1 s", "", f"{ms(worst_cold['cold'])} ms",
                     verdict(worst_cold["cold"], 1.0)])
    broken = [p for p in (res.get("pages") or {}).get("pages", []) if p.get("error")]
    if broken:
        rows.append([f"Pages that failed: {', '.join(_page_label(p) for p in broken)}", "none", "", len(broken), MISS])
    note = res.get("note")
    if note:
        rows.append([f"Note a commitment ({num(note['commitments'])} commitments, {num(note['results'])} results)",
                     "< 1 s", "", f"{ms(note['note'])} ms", verdict(note["note"], 1.0)])
    mem = res.get("memory")
    if mem:
        rows.append([f"Peak RSS, {mem['sessions']} concurrent sessions", "≤ 600 MiB", "≤ 1 GiB",
                     f"{mem['peak_rss_mib']:.0f} MiB", verdict(mem["peak_rss_mib"], 600, 1024)])
    for rep in res.get("report") or []:
        if rep["size"] != "demo":
            rows.append([f"Session report at {rep['size']}: built (HTML, warm)", "< 10 s", "",
                         sec(rep["warm"] or rep["cold"]), verdict(rep["warm"] or rep["cold"], 10.0)])
            rows.append([f"Session report at {rep['size']}: size", "< 10 MB", "", f"{rep['html_bytes'] / 1e6:.1f} MB",
                         verdict(rep["html_bytes"] / 1e6, 10.0)])
    rows += workshop_targets(res)
    if not rows:
        return []
    return ["## Targets", ""] + _table(["Figure", "Target", "Bar", "Measured", ""], rows) + [""]


def _page_label(p: dict[str, Any]) -> str:
    name = p["page"].rsplit("/", 1)[-1].removesuffix(".py")
    state = ", ".join(f"{k}={v}" for k, v in p.get("state", {}).items())
    return f"{name} ({state})" if state else name


def import_lines(res: dict[str, Any], cfg: dict[str, Any]) -> list[str]:
    imp = res.get("import")
    if not imp:
        return []
    rows = []
    for m, formats in imp.items():
        for fmt, r in formats.items():
            rows.append([fmt, num(m), f"{r['bytes'] / 2**20:.1f} MiB", sec(r["bare"]), sec(r["calamine"]),
                         sec(r["read"]), sec(r["check"]), sec(r["commit"]), sec(r["total"]), ratio(r["ratio"]),
                         ratio(r.get("ratio_read_check")), ratio(r["ratio_calamine"])])
    first = next(iter(next(iter(imp.values())).values()))
    out = [f"## 1. Import of a needs sheet ({num(first['rows'])} rows)", "",
           "The needs replace those of an active snapshot (1 000 needs, then *programmes* programmes and their "
           "investors, carried over at the same date: shared with the new snapshot, with their aggregates, not "
           "copied). Each run starts from a fresh copy of that database.", ""]
    out += _table(["format", "programmes", "file", "bare read", "calamine grid", "read", "validate", "commit",
                   "total", "total / bare", "(read + validate) / bare", "total / calamine grid"], rows)
    out += ["", "- bare read: `pandas.read_excel(engine=\"calamine\")` (xlsx, ods) or `duckdb.read_csv(...).df()` "
            "(csv), the file to a DataFrame with no checks; calamine grid: python-calamine's `to_python()` alone.",
            "- read: `importer.read_upload` (csv: pyarrow's reader when it reads what Python's `csv` module would); "
            "validate: `importer.check` (every distinct cell value, cross-references, Arrow tables); "
            "commit: `importer.commit` (one transaction: the needs and their aggregate table).", ""]
    base = res.get("baseline")
    if base:
        brow = []
        ours_by_fmt = imp[max(imp)]
        for fmt, b in base.items():
            ours = ours_by_fmt.get(fmt, {}).get("total")
            brow.append([fmt, sec(b["read"]), sec(b["validate"]), sec(b["insert"]), sec(b["total"]),
                         ratio(b["total"] / ours) if ours else "–"])
        sub = next(iter(base.values()))
        out += [f"### Naive baseline (measured on {num(sub['subset'])} rows, **extrapolated linearly** to "
                f"{num(sub['rows'])})", "",
                "pandas + openpyxl (odf for ods, `read_csv` for csv), `Besoin.model_validate` per row, one "
                "`INSERT` per row in one transaction; no cross-references, no aggregates.", ""]
        out += _table(["format", "read", "validate", "insert", "total", "baseline / ours"], brow) + [""]
    return out


def build_lines(res: dict[str, Any]) -> list[str]:
    builds = res.get("builds")
    if not builds:
        return []
    rows = [[sizes_label(b["needs"], b["programmes"]), sec(b["june"]["generate"]), sec(b["june"]["arrow"]),
             sec(b["april"]["write"]), sec(b["june"]["write"]), f"{b['db_mib']:.0f} MiB"] for b in builds]
    return (["## 2. Writing a synthetic snapshot (one run each)", "",
             "`Store.write_snapshot` of the generator's frames (rows plus the per-snapshot aggregate tables, one "
             "transaction); the first snapshot goes into an empty file, the second next to it.", ""]
            + _table(["needs / programmes", "generate", "to Arrow", "write (1st)", "write (2nd)", "file"], rows) + [""])


def query_lines(res: dict[str, Any]) -> list[str]:
    qs = res.get("queries")
    if not qs:
        return []
    sizes = list(qs)
    largest = sizes[-1]
    header = ["query"] + [f"{s} warm" for s in sizes] + [f"{largest} cold", "rows"]
    rows = []
    for label in qs[largest]:
        r = [f"`{label}`"]
        for s in sizes:
            r.append(ms(qs[s].get(label, {}).get("warm")))
        r += [ms(qs[largest][label].get("cold")), qs[largest][label].get("rows")]
        rows.append(r)
    return (["## 3. Analytics queries (ms)", "",
             "Every public function of the `inventory.analysis` modules (plus variants), called on the store directly (no "
             "Streamlit cache): warm = again on the open connection; cold = a new connection (empty DuckDB buffer "
             "pool). Needs / programmes in the column names.", ""]
            + _table(header, rows) + [""])


def page_lines(res: dict[str, Any]) -> list[str]:
    pr = res.get("pages")
    if not pr:
        return []
    rows = []
    for p in pr["pages"]:
        if p.get("error"):
            rows.append([_page_label(p), f"error: {p['error'][:160]}", "", "", "", "", MISS])
            continue
        warm = max(p.get("rerun") or 0, p.get("change") or 0)
        change = "–" if p.get("change") is None else f"{ms(p['change'])} ({ms(p.get('change_cpu'))}) / {ms(p['change_max'])}"
        rows.append([_page_label(p), f"{ms(p['cold'])} ({ms(p.get('cold_cpu'))})",
                     f"{ms(p['rerun'])} ({ms(p.get('rerun_cpu'))})", change,
                     f"{ms(p['after_idle'])} ({ms(p.get('after_idle_cpu'))})",
                     verdict(warm, 0.150, 0.300), verdict(p["cold"], 1.0)])
    return ([f"## 4. Page reruns through AppTest at {pr.get('size', '')} (ms: wall clock (process CPU))", "",
             f"Server start (imports, connection, default page): {sec(pr.get('startup'))}. "
             "cold = first run with an empty results cache; rerun = same state again; filter change = one query "
             "parameter changed to a value not seen before (median (CPU) / worst); after idle = rerun after the "
             "store closed its connection (`idle_close`).", ""]
            + _table(["page (state)", "cold", "rerun", "filter change", "after idle", "warm", "cold ≤ 1 s"], rows)
            + [""])


def memory_lines(res: dict[str, Any]) -> list[str]:
    m = res.get("memory")
    if not m:
        return []
    lines = ["## 5. Memory", "",
             f"One process, {m['sessions']} concurrent AppTest sessions (threads) walking every page and view "
             f"{m['rounds']} time(s) at {m.get('size', '')}: {m['runs']} page runs in {m['seconds']:.0f} s.", "",
             f"- RSS before the sessions (Python, Streamlit, pandas, plotly imported): {m['baseline_rss_mib']:.0f} MiB",
             f"- **Peak RSS: {m['peak_rss_mib']:.0f} MiB** (VmHWM of the process); at the end "
             f"{m['final_rss_mib']:.0f} MiB",
             f"- Errors in sessions: {m['n_errors']}"
             + (f", of which {m['n_ast_errors']} are CPython 3.11's thread-unsafe `ast.parse` "
                "(python/cpython#106905): AppTest compiles the page on every run, a server once per page"
                if m.get("n_ast_errors") else "")]
    lines += [f"  - {e[:200]}" for e in m.get("errors", [])[:5]]
    if m.get("n_harness_errors"):
        lines.append(f"- AppTest failures (not the app: AppTest's session state is not made for threads; a new "
                     f"session took over each time): {m['n_harness_errors']}")
        lines += [f"  - {e[:200]}" for e in m.get("harness_errors", [])[:3]]
    return lines + [""]


def _config_label(config: str) -> str:
    return "Streamlit defaults" if config == "defaults" else "repository config"


def _load(x: Any) -> str:
    return "–" if not x else f"{x[0]:.1f}"


def workshop_targets(res: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for run in (res.get("workshop") or {}).get("runs", []):
        levels = {lv["sessions"]: lv for lv in run["levels"]}
        name = f"{run['inventory']}, {_config_label(run['config'])}"
        errors = sum(lv["n_errors"] + lv["n_tracebacks"] for lv in levels.values())
        rows.append([f"Workshop ({name}): errors at every level ({', '.join(map(str, levels))} people)", "0", "",
                     errors, OK if errors == 0 else MISS])
        alone = levels.get(1, {}).get("click_p95")
        crowd = [s for s in levels if s > 1]
        if alone and crowd:
            s = min(crowd)
            p95 = levels[s]["click_p95"]
            rows.append([f"Workshop ({name}): {s} together, click p95 / the same people alone", "≤ 3×", "",
                         f"{sec(p95)} / {sec(alone)} = {ratio(p95 / alone) if p95 else '–'}",
                         verdict(p95 / alone if p95 else None, 3.0)])
        if crowd and max(crowd) > min(crowd):
            lv = levels[max(crowd)]
            rows.append([f"Workshop ({name}): {max(crowd)} together, click p95", "≤ 10 s", "", sec(lv["click_p95"]),
                         verdict(lv["click_p95"], 10.0)])
    return rows


def workshop_lines(res: dict[str, Any]) -> list[str]:
    ws = res.get("workshop")
    if not ws or not ws.get("runs"):
        return []
    rows, problems = [], []
    for run in ws["runs"]:
        for lv in run["levels"]:
            who = f"{lv['persons']} alone in turn" if lv["alone"] else f"{lv['persons']} together"
            rows.append([run["inventory"], _config_label(run["config"]), who,
                         f"{sec(lv['open_median'])} / {sec(lv['open_p95'])}",
                         lv["clicks"], sec(lv["click_median"]), sec(lv["click_p95"]), sec(lv["click_max"]),
                         lv["n_errors"], lv["n_tracebacks"],
                         f"{ms(lv['cpu_per_run'])} ms" if lv.get("cpu_per_run") else "–",
                         f"{lv['peak_mib']:.0f} MiB" if lv.get("peak_mib") else "–",
                         f"{_load(lv['load_start'])} → {_load(lv['load_end'])}"])
            for e in (lv["errors"][:3] + [f"server log: {t}" for t in sorted(set(lv["tracebacks"]))[:3]]):
                problems.append(f"{run['inventory']}, {_config_label(run['config'])}, {who}: {e[:220]}")
    first_run = ws["runs"][0]
    first = first_run["levels"][0]
    pace = "–".join(f"{x:g}" for x in first_run.get("pace", (1, 3)))
    out = ["## 6. Many people at once: websocket clients against `streamlit run app.py`", "",
           "A fresh server per line (`python -m bench.workshop`, see bench/README.md). Each person opens a shared "
           f"link ({first_run.get('links', 18)} links over the six pages, their views and `?atelier=1`) within the "
           f"first {first_run.get('spread', 3):g} s, then changes a filter shown on the page "
           f"{first['clicks_per_person']} times, {pace} s after the page settled (seeded). "
           "Times are from the `BackMsg` to the `script_finished` that ends the run. *Alone in turn*: the people "
           "of the next line, one at a time. *Errors*: exception boxes, pages not found, unanswered clicks; "
           "*tracebacks*: in the server's log. *CPU / run*: the server's CPU time (utime + stime) over the runs "
           "people asked for (opens + clicks); *peak*: the server's VmHWM. *Load*: the 1-minute load average "
           "at the start and the end of the line (2 cores; other processes inflate every wall-clock figure).",
           "",
           "*Streamlit defaults*: `server.fileWatcherType = \"auto\"`, `runner.postScriptGC = true` on the command "
           "line; *repository config*: `.streamlit/config.toml` as committed.", ""]
    out += _table(["inventory", "Streamlit options", "people", "open median / p95", "clicks", "click median",
                   "click p95", "click max", "errors", "tracebacks", "CPU / run", "peak", "load"], rows)
    if problems:
        out += ["", "Problems seen (first ones):", ""] + [f"- {p}" for p in problems[:12]]
    return out + [""]


def merge(old: str, new: str) -> str:
    """``old`` results with the sections of ``new`` put in (a run of some sections keeps the others); the
    targets table keeps the rows ``new`` does not measure again."""
    def blocks(text: str) -> tuple[list[str], dict[str, list[str]]]:
        head: list[str] = []
        out: dict[str, list[str]] = {}
        current = None
        for line in text.rstrip("\n").split("\n"):
            if line.startswith("## "):
                current = line.split(" ", 2)[1] if line[3:4].isdigit() else line
                out[current] = [line]
            elif current is None:
                head.append(line)
            else:
                out[current].append(line)
        return head, out

    old_head, old_blocks = blocks(old)
    new_head, new_blocks = blocks(new)
    for key, lines in new_blocks.items():
        if key == "## Targets" and key in old_blocks:
            new_rows = [ln for ln in lines if ln.startswith("| ") and not ln.startswith("| Figure")]
            names = {r.split("|")[1].strip() for r in new_rows}
            kept = [ln for ln in old_blocks[key] if not (ln.startswith("| ") and ln.split("|")[1].strip() in names)]
            while kept and not kept[-1].strip():
                kept.pop()
            old_blocks[key] = kept + new_rows + [""]
        else:
            old_blocks[key] = lines
    order = sorted(old_blocks, key=lambda k: (not k.startswith("## Targets"), not k[0].isdigit(),
                                              float(k.rstrip(".")) if k[0].isdigit() else 0))
    section_note = [ln for ln in new_head if ln.startswith("- Measured")]
    numbers = [k.rstrip(".") for k in new_blocks if k[0].isdigit()]
    label = ("- Section " if len(numbers) == 1 else "- Sections ") + ", ".join(numbers) + " measured"
    while old_head and not old_head[-1].strip():
        old_head.pop()
    head = old_head + [ln.replace("- Measured", label, 1) for ln in section_note] + [""]
    body = [ln for k in order for ln in old_blocks[k]]
    return "\n".join(head + body).rstrip() + "\n"


def catalogue_lines(res: dict[str, Any]) -> list[str]:
    cat = res.get("catalogue")
    if not cat:
        return []
    out = [f"## Import of a public catalogue ({num(cat['aids'])} aides-territoires aids)", "",
           f"A synthetic API export (`bench/catalogues.py`, {cat['bytes'] / 2**20:.1f} MiB: HTML descriptions, "
           "perimeters from France down to communes and EPCIs) imported next to an active snapshot of "
           f"{num(cat['programmes_before'])} programmes: converted, merged with the hand-made programmes, checked by "
           "the models, committed.", ""]
    out += _table(["parse (json.loads)", "convert alone", "read", "validate (with convert)", "commit", "total",
                   "total / parse", "programmes after", "rows set aside"],
                  [[sec(cat["parse_s"]), sec(cat["convert_s"]), sec(cat["read_s"]), sec(cat["check_s"]),
                    sec(cat["commit_s"]), sec(cat["total_s"]), ratio(cat["ratio"]), num(cat["programmes_after"]),
                    num(cat["set_aside"])]])
    return out + [""]
def note_lines(res: dict[str, Any]) -> list[str]:
    note = res.get("note")
    if not note:
        return []
    return (["## 7. Noting a commitment during a session", "",
             "`inventory.intake.noting.note_commitment` at the largest size: the row checked by the models and the "
             "cross-references, then a snapshot holding the active commitments plus this one and sharing every "
             "other part (no need, programme or result row copied); each run undone afterwards.", ""]
            + _table(["needs / programmes", "commitments", "results", "median", "slowest", "runs"],
                     [[note["size"], num(note["commitments"]), num(note["results"]), f"{ms(note['note'])} ms",
                       f"{ms(note['max'])} ms", note["runs"]]]) + [""])


def report_lines(res: dict[str, Any]) -> list[str]:
    reports = res.get("report")
    if not reports:
        return []
    rows = [[r["size"], num(r["needs"]), num(r["programmes"]), f"{sec(r['cold'])} ({sec(r.get('cold_cpu'))})",
             f"{sec(r['warm'])} ({sec(r.get('warm_cpu'))})",
             f"{r['html_bytes'] / 1e6:.2f} MB", sec(r.get("pdf")),
             f"{r['pdf_bytes'] / 1e6:.2f} MB" if r.get("pdf_bytes") else "–", r.get("pdf_pages", "–")] for r in reports]
    return (["## 8. The session report", "",
             "`inventory.outputs.session_report.build_html` of the active snapshot: every section's analytics calls, the "
             "figures (aggregates only) and tables (cut to their first rows), plotly's script and the map outlines "
             "inlined once; the first build is cold (plotly's script read, DuckDB's caches empty), warm is the median "
             "of the others; wall clock (process CPU time, all threads). The PDF is headless Chromium printing that HTML (one "
             "run).", ""]
            + _table(["inventory", "needs", "programmes", "HTML cold", "HTML warm", "HTML size", "PDF", "PDF size",
                      "PDF pages"], rows) + [""])


def rush_lines(res: dict[str, Any]) -> list[str]:
    runs = res.get("rush")
    if not runs:
        return []
    rows = []
    for run in runs:
        servers = run["servers"]
        opens = [s["slowest_open"] for s in servers if s["slowest_open"] is not None]
        rows.append(["`streamlit run app.py`" if run["plain"] else "`python -m ui.launch`", len(servers),
                     f"{sum(s['opens'] for s in servers)} / {len(servers) * run['people']}",
                     f"{sum(s['clicks'] for s in servers)} / {len(servers) * run['people'] * run['clicks']}",
                     sum(s["n_errors"] for s in servers), sum(s["n_tracebacks"] for s in servers),
                     sum(1 for s in servers if s["n_errors"] or s["n_tracebacks"]),
                     f"{sec(min(opens))} – {sec(max(opens))}" if opens else "–", _load(run.get("load"))])
    problems = [t for run in runs for s in run["servers"] for t in s["tracebacks"] + s["errors"]]
    out = ["## 9. The first minute on fresh servers", "",
           "`bench/rush.py`: a fresh server, then twelve people (websocket clients, `bench/workshop.py`) opening twelve "
           "deep links (every page but the import one, views, `?atelier=1`, an older snapshot) at the same instant, "
           "each changing one filter once its page settled; again on the next fresh server. Errors are what people "
           "saw (an error box, no answer, a closed socket); tracebacks are counted in the server's log.", ""]
    out += _table(["server started by", "fresh servers", "pages opened", "clicks answered", "errors", "tracebacks",
                   "servers with a problem", "slowest first page (per server)", "load at the end"], rows)
    if problems:
        out += ["", "Problems seen (first ones):", ""] + [f"- {p}" for p in problems[:12]]
    return out + [""]


def render(res: dict[str, Any], machine: dict[str, Any], cfg: dict[str, Any], load_end: Any) -> str:
    lines = ["# Benchmark results", ""]
    lines += machine_lines(machine, cfg, load_end) + [""]
    lines += targets(res)
    lines += import_lines(res, cfg)
    lines += catalogue_lines(res)
    lines += build_lines(res)
    lines += query_lines(res)
    lines += page_lines(res)
    lines += memory_lines(res)
    lines += workshop_lines(res)
    lines += note_lines(res)
    lines += report_lines(res)
    lines += rush_lines(res)
    notes = res.get("notes") or []
    if notes:
        lines += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(lines).rstrip() + "\n"
