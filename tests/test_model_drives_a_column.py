"""The model drives a column: one optional column declared in a model (``tests/extra_column.py``, standing for one
line in ``inventory/models.py``) is stored, migrated into an existing file, imported from a workbook, exported and
headed in tables, with no other file touched. Each step runs in a fresh interpreter, as the product starts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.builders import inventory_sheets, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
EXTRA = "import tests.extra_column\n"  # first: the model declares the column before anything derives from it

STEPS = """
import json, sys
from pathlib import Path
from inventory.intake import importer
from inventory.outputs import charts, exports
from inventory.store import Store
store = Store(sys.argv[1])
out = {"stored": [r[0] for r in store.rows(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'besoins_rows' ORDER BY ordinal_position")]}
if len(sys.argv) > 2:
    result = importer.import_files(store, [Path(sys.argv[2])], label="avec communes")
    out["errors"] = [str(i) for i in result.errors]
    written = exports.export_snapshot(store, result.snapshot_id, Path(sys.argv[3]))
    out["export"] = [p.name for p in written]
    frame = store.sheet(result.snapshot_id, "besoins")
    out["communes"] = sorted(v for v in frame["commune"] if isinstance(v, str)) if "commune" in frame else None
    out["heading"] = list(charts.table_view(frame, ["territoire", "commune"]).columns)
print(json.dumps(out))
"""


def _run(*args: str, extra: bool) -> dict:
    code = (EXTRA if extra else "") + STEPS
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_one_optional_column_declared_in_the_model_reaches_store_import_and_export(tmp_path):
    db = tmp_path / "inventory.duckdb"
    before = _run(str(db), extra=False)  # a file written by today's product, without the column
    assert "commune" not in before["stored"]

    sheets = inventory_sheets()
    header, *rows = sheets["besoins"]
    sheets["besoins"] = [[*header, "Commune"], *[[*row, f"Ville {i}" if i < 2 else None] for i, row in enumerate(rows)]]
    book = write_xlsx(tmp_path / "avec_communes.xlsx", sheets)
    after = _run(str(db), str(book), str(tmp_path / "export.xlsx"), extra=True)

    assert after["stored"][-1] == "commune"  # the existing file was migrated on open
    assert after["errors"] == []
    assert after["communes"] == ["Ville 0", "Ville 1"]
    assert after["export"] == ["export.xlsx"]
    assert after["heading"][-1] == "Commune"  # the model's title, with no text key
    from openpyxl import load_workbook
    sheet = load_workbook(tmp_path / "export.xlsx", read_only=True)["besoins"]
    first = next(sheet.iter_rows(max_row=1, values_only=True))
    assert "commune" in first
