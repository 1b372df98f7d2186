"""The domain in English: numbers and dates, closed lists, the import report, the template's read-me and the command
line speak the language asked for, and never leak it into the next call (the contract's names stay French)."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from inventory.outputs import exports
from inventory import formats, parsing, reference
from inventory import texts as T
from inventory.__main__ import main
from inventory.intake.importer import import_files
from inventory.store import Store
from tests.builders import inventory_sheets, write

EN = T.TABLES["en"]


def test_numbers_and_dates_are_written_for_the_language_with_half_up_rounding():
    assert formats.number(1234.5, 1, "fr") == "1\u202f234,5" and formats.number(1234.5, 1, "en") == "1,234.5"
    assert formats.number(2.525, 2, "en") == "2.53" and formats.number(-0.004, 2, "en") == "0.00"
    assert formats.number(None, language="en") == "–"
    assert formats.date(dt.date(2020, 6, 30), "fr") == "30/06/2020"
    assert formats.date(dt.date(2020, 6, 30), "en") == "30 Jun 2020"
    assert formats.separators("en") == ".," and formats.separators("fr") == ",\u202f"
    with T.speaking("en"):
        assert formats.number(1234567) == "1,234,567" and formats.date("2020-04-30") == "30 Apr 2020"
    assert formats.number(1234567) == "1\u202f234\u202f567"  # back to French after the block


def test_closed_lists_read_their_labels_in_the_run_language_and_accept_every_language_typed():
    assert list(reference.PHASES) == ["urgence", "relance", "structurel"]
    assert reference.PHASES["urgence"] == "Urgence"
    with T.speaking("en"):
        assert reference.PHASES["urgence"] == "Emergency"
        assert reference.sdgs()[13] == "Climate action"
        assert reference.challenges()[0]["titre"] == "Listen to the territories"
    phase = parsing.choice(reference.PHASES)
    assert phase("Relance") == phase("recovery") == phase("relance") == "relance"


def test_the_import_report_speaks_english_and_names_columns_by_label_and_alias(tmp_path):
    sheets = inventory_sheets()
    sheets["besoins"][1][3] = 7  # intensite out of 1–5
    store = Store(tmp_path / "inv.duckdb")
    try:
        with T.speaking("en"):
            result = import_files(store, write("xlsx", tmp_path / "x", sheets), as_of=dt.date(2020, 6, 30), label="t")
    finally:
        store.close()
    assert [e.message for e in result.errors] == ["Intensité [intensity]: 7 is not between 1 and 5"]


def test_the_template_in_english_keeps_the_contract_names():
    with T.speaking("en"):
        data = exports.template_bytes()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames[0] == "read-me" and {"besoins", "programmes", "investisseurs"} <= set(wb.sheetnames)
    rows = list(wb["read-me"].iter_rows(values_only=True))
    assert rows[0][0] == EN["TEMPLATE_TITLE"]
    assert ("besoins", "intensite", "yes", EN["CONTRACT_HELP"]["besoins.intensite"]) in [r[:4] for r in rows]
    assert [c.value for c in wb["besoins"][1]][:3] == ["territoire", "source", "thematique"]


def test_every_contract_column_has_its_english_help():
    columns = {f"{model.sheet}.{name}" for model in exports.SHEETS.values() for name in model.columns()}
    assert set(EN["CONTRACT_HELP"]) == columns


def test_the_command_line_speaks_the_language_asked_for_and_only_for_that_call(tmp_path, capsys):
    db = str(tmp_path / "inv.duckdb")
    assert main(["--lang", "en", "activate", "42", "--db", db]) != 0
    assert EN["CLI_UNKNOWN_SNAPSHOT"].format(id=42) in capsys.readouterr().err
    assert main(["template", str(tmp_path / "t.xlsx"), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == EN["CLI_TEMPLATE"].format(path=tmp_path / "t.xlsx")
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "read-me"
    assert T.language() == "fr"
    assert main(["activate", "42", "--db", db]) != 0
    assert T.TABLES["fr"]["CLI_UNKNOWN_SNAPSHOT"].format(id=42) in capsys.readouterr().err


@pytest.mark.parametrize("language", T.LANGUAGES)
def test_a_deferred_download_keeps_the_language_of_the_run_that_offered_it(language):
    with T.speaking(language):
        later = T.in_this_language(lambda: T.TEMPLATE_TITLE)
    assert later() == T.TABLES[language]["TEMPLATE_TITLE"]
