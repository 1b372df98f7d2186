"""Issue 24: hostile or careless input that used to get through, each refused or neutralised at its root."""
from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from inventory.intake.importer import import_files
from inventory.outputs import exports
from tests.builders import inventory_sheets, write

INJECTED_ID = "+cmd|'/C calc'!A0"
INJECTED_THEME = "=2+3"


def _injected_inventory():
    """An investor whose id is a formula, used first in a programme's investor list; a theme code that is a
    formula, used first in a programme's and a need's theme list."""
    sheets = inventory_sheets()
    sheets["investisseurs"][1][0] = INJECTED_ID
    sheets["programmes"][1][2] = f"{INJECTED_ID};INV2"
    sheets["thematiques"] = [["code", "libelle"], [INJECTED_THEME, "Thème piégé"]]
    sheets["programmes"][1][5] = f"{INJECTED_THEME};modele_socio_eco"
    return sheets


def _exported_texts(store, tmp_path, target):
    result = import_files(store, write("csv", tmp_path / "in", _injected_inventory()), label="piégé")
    assert result.ok, result.errors
    exports.export_snapshot(store, result.snapshot_id, tmp_path / target)
    cells = []
    if target.endswith(".xlsx"):
        wb = openpyxl.load_workbook(tmp_path / target)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                cells += [c.value for c in row if isinstance(c.value, str)]
                assert all(c.data_type != "f" for c in row)
    else:
        for path in (tmp_path / target).glob("*.csv"):
            for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"):
                cells += row
    return result.snapshot_id, cells


@pytest.mark.parametrize("target", ["inventaire.xlsx", "dossier_csv"])
def test_formulas_first_in_a_list_cell_are_neutralised_on_export(store, tmp_path, target):
    sid, cells = _exported_texts(store, tmp_path, target)
    assert f"'{INJECTED_ID} ; INV2" in cells
    assert f"'{INJECTED_THEME} ; modele_socio_eco" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    # and it re-imports as the same lists
    again = import_files(store, [tmp_path / target] if target.endswith(".xlsx")
                         else sorted((tmp_path / target).glob("*.csv")), label="relu")
    assert again.ok, again.errors
    progs = store.sheet(again.snapshot_id, "programmes")
    assert list(progs.loc[progs["id"] == "P1", "investisseurs"].iloc[0]) == [INJECTED_ID, "INV2"]


def test_one_neutralising_rule_for_table_downloads(store):
    import pandas as pd

    frame = pd.DataFrame({"investisseurs": [[INJECTED_ID, "INV2"]], "nom": ["-moins"]})
    text = exports.csv_bytes(frame).decode("utf-8-sig")
    assert f"'{INJECTED_ID} ; INV2" in text and "'-moins" in text
    wb = openpyxl.load_workbook(io.BytesIO(exports.table_xlsx(frame)))
    assert wb.active["A2"].value == f"'{INJECTED_ID} ; INV2"
