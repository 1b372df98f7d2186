"""The session report of the active snapshot (``inventory.outputs.session_report``), on the demo inventory and at the
largest size: HTML built in this process (the first build cold: plotly's script read, DuckDB's caches empty), its
size (wall clock and the process's CPU time, all threads), and the PDF printed by headless Chromium once where it is present."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import time

from bench.common import median, timed
from inventory.outputs import session_report
from inventory.store import Store


def run_report(db: Path, *, repeat: int, pdf: bool = True) -> dict[str, Any]:
    store = Store(db)
    try:
        snap = store.snapshot(store.active_snapshot_id())
        cpu = time.process_time()
        cold, html = timed(lambda: session_report.build_html(store, snap.id))
        cold_cpu = time.process_time() - cpu
        runs, cpus = [], []
        for _ in range(max(0, repeat - 1)):
            cpu = time.process_time()
            runs.append(timed(lambda: session_report.build_html(store, snap.id))[0])
            cpus.append(time.process_time() - cpu)
        out: dict[str, Any] = {"needs": snap.counts["besoins"], "programmes": snap.counts["programmes"],
                               "commitments": snap.counts.get("engagements", 0),
                               "results": snap.counts.get("realisations", 0), "cold": cold,
                               "cold_cpu": cold_cpu, "warm": median(runs), "warm_cpu": median(cpus), "runs": len(runs) + 1, "html_bytes": len(html.encode("utf-8"))}
        if pdf and session_report.chromium():
            t_pdf, data = timed(lambda: session_report.html_to_pdf(html))
            out |= {"pdf": t_pdf, "pdf_bytes": len(data),
                    "pdf_pages": data.count(b"/Type /Page") - data.count(b"/Type /Pages")}
        return out
    finally:
        store.close()
