"""The benchmark suite at tiny sizes, so that bench/ does not rot (the real figures come from `make bench`)."""
from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from bench import files
from inventory.intake import demo, importer

ROOT = Path(__file__).resolve().parent.parent


def test_generated_sheets_import_cleanly_in_every_format():
    frame = demo.needs(40, seed=5)
    for fmt, write in files.WRITERS.items():
        up = importer.read_upload([(f"besoins.{fmt}", write(frame))])
        checked = importer.check(up)
        besoins = [i for i in checked.issues if i.sheet == "besoins"]
        assert not up.issues and not besoins, (fmt, besoins[:3])
        assert len(up.sheets["besoins"].rows) == 40
        if fmt != "csv":  # the bare read sees the same table
            bare = pd.read_excel(io.BytesIO(write(frame)), engine="calamine", sheet_name=files.SHEET)
            assert bare.shape == (40, len(frame.columns))


def test_bench_runs_end_to_end_at_tiny_sizes(tmp_path):
    out = tmp_path / "results.md"
    cmd = [sys.executable, "-m", "bench", "--needs", "300", "--programmes", "30", "--import-rows", "120",
           "--baseline-rows", "40", "--repeat", "1", "--page-repeat", "1", "--sessions", "2", "--rounds", "1",
           "--pages", "pages/accueil.py", "--aids", "40", "--workdir", str(tmp_path), "--out", str(out),
           "--json", str(tmp_path / "results.json"), "--report-inventories", "large",  # the same code on the demo
           "--only", "import", "catalogue", "baseline", "queries", "note", "pages", "memory", "report"]  # workshop: its own test below
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Targets", "## 1. Import", "Naive baseline", "## 2. Writing", "## 3. Analytics",
                    "## 4. Page reruns", "## 5. Memory", "## Import of a public catalogue",
                    "## 7. Noting a commitment", "## 8. The session report"):
        assert heading in text, heading
    assert "failed" not in text and "error:" not in text, text
    assert "| `need_matrix` |" in text and "| accueil |" in text


def test_workshop_bench_speaks_to_a_real_server_and_sees_an_exception_box(tmp_path):
    """Two people on a real `streamlit run` (then the same two alone in turn), two filter changes each, at a fast
    pace: every open and click is answered, the figures land in section 6 of the report. A page that raises
    must be counted: a one-line app whose script raises on its second run shows up as an error."""
    from bench import workshop

    out = tmp_path / "results.md"
    cmd = [sys.executable, "-m", "bench", "--only", "workshop", "--needs", "300", "--programmes", "30",
           "--workshop-sessions", "1", "2", "--workshop-clicks", "2", "--workshop-alone", "1",
           "--workshop-pace", "0.05", "0.2", "--workshop-spread", "0.5", "--no-workshop-before",
           "--workshop-inventories", "large", "--workdir", str(tmp_path), "--out", str(out),
           "--json", str(tmp_path / "results.json")]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert "## 6. Many people at once" in text and "failed" not in text, text
    levels = json.loads((tmp_path / "results.json").read_text())["results"]["workshop"]["runs"][0]["levels"]
    assert [(lv["sessions"], lv["opens"], lv["clicks"]) for lv in levels] == [(1, 1, 2), (2, 2, 4)], levels
    assert all(lv["server_cpu"] > 0 and lv["peak_mib"] > 50 for lv in levels), levels

    # the error counting itself, on a tiny app: one selectbox; choosing "b" raises
    app = tmp_path / "boom" / "app.py"
    app.parent.mkdir()
    app.write_text('import streamlit as st\nif st.selectbox("x", ["a", "b"]) == "b":\n    raise ValueError("boom")\n')
    people = [workshop.Person(workshop.Plan(0, "", "", 0.0, seed=1))]
    with workshop.Server(tmp_path / "none.duckdb", tmp_path / "boom.log", {}, script=str(app)) as server:
        person = workshop.run_person(server.url, people[0], 1, 30.0, time.perf_counter(), (0.0, 0.0))
        with ThreadPoolExecutor(1) as pool:  # a thread of its own: the browser tests leave an event loop running here
            pool.submit(asyncio.run, person).result(timeout=60)
        time.sleep(0.5)
        log = server.log_text()
    assert len(people[0].opens) == 1 and len(people[0].clicks) == 1, people[0]
    assert len(people[0].errors) == 1 and "(click 1)" in people[0].errors[0], people[0].errors
    assert workshop.tracebacks(log) == ["ValueError: boom"], log[-2000:]


def test_a_run_of_some_sections_keeps_the_others_in_the_results_file():
    from bench import report

    old = ("# Benchmark results\n\n- Measured: yesterday\n\n## Targets\n\n| Figure | Target | Bar | Measured |  |\n"
           "|---|---|---|---|---|\n| Import xlsx | < 5 s |  | 2 s | ✅ |\n| Workshop (demo): errors | 0 |  | 3 | ❌ |\n\n"
           "## 1. Import\n\nold import table\n\n## 6. Many people at once\n\nold workshop table\n")
    new = ("# Benchmark results\n\n- Measured: today, `python -m bench --only workshop`\n\n## Targets\n\n"
           "| Figure | Target | Bar | Measured |  |\n|---|---|---|---|---|\n| Workshop (demo): errors | 0 |  | 0 | ✅ |\n\n"
           "## 6. Many people at once\n\nnew workshop table\n")
    merged = report.merge(old, new)
    assert "old import table" in merged and "new workshop table" in merged and "old workshop table" not in merged
    assert "| Import xlsx | < 5 s |  | 2 s | ✅ |" in merged and "| Workshop (demo): errors | 0 |  | 0 | ✅ |" in merged
    assert "| 3 | ❌ |" not in merged
    assert "- Measured: yesterday\n- Section 6 measured: today" in merged
    assert merged.index("## Targets") < merged.index("## 1. Import") < merged.index("## 6. Many")


def test_the_first_minute_rush_counts_a_fresh_server_s_twelve_first_pages(tmp_path):
    out = tmp_path / "rush.json"
    cmd = [sys.executable, "-m", "bench.rush", "--servers", "1", "--clicks", "0", "--workdir", str(tmp_path),
           "--out", str(out)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    (server,) = json.loads(out.read_text())["servers"]
    assert (server["opens"], server["n_errors"], server["n_tracebacks"]) == (12, 0, 0), server


def test_the_white_zone_bench_plants_white_zones_and_finds_every_page_agreeing(tmp_path, capsys):
    from bench import one_truth

    assert one_truth.main(["--needs", "400", "--programmes", "40", "--repeat", "1", "--workdir", str(tmp_path)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| 3 | region | toutes")]
    matrix, listed, pathways = (int(cell) for cell in lines[0].split("|")[5:8])
    assert matrix == listed == pathways > 0  # the planted snapshot has white zones, counted alike everywhere
