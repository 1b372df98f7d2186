"""The benchmark suite at tiny sizes, so that bench/ does not rot (the real figures come from `make bench`)."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd

from bench import files
from inventory import demo, importer

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
           "--pages", "pages/accueil.py", "--workdir", str(tmp_path), "--out", str(out),
           "--json", str(tmp_path / "results.json")]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Targets", "## 1. Import", "Naive baseline", "## 2. Writing", "## 3. Analytics",
                    "## 4. Page reruns", "## 5. Memory", "## 6. Noting a commitment"):
        assert heading in text, heading
    assert "failed" not in text and "error:" not in text, text
    assert "| `need_matrix` |" in text and "| accueil |" in text
