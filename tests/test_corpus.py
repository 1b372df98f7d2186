"""The bad-file corpus (tests/corpus/generate.py) through the real import path.

Every bad input must give the facilitator a French sentence saying what to fix, never a traceback, and
must write nothing. Awkward but legitimate inputs (a million formatted empty rows, Excel's « Unicode
text », HTML, scripts and formulas typed in cells) must be accepted, and text stays text.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import time
from pathlib import Path

import pandas as pd
import pytest
import python_calamine

from inventory.intake import checking, demo, importer, reading
from inventory import limits
from inventory.__main__ import main
from inventory.store import Store
from tests.corpus import generate as corpus

AS_OF = "2020-06-30"


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory):
    """One demo inventory for the whole corpus: no bad case may change it."""
    s = Store(tmp_path_factory.mktemp("corpus") / "inventory.duckdb")
    demo.load_demo(s)
    yield s
    s.close()


def fingerprint(store: Store) -> tuple:
    """What must not move when an import is refused."""
    return (
        store.rows("SELECT id, n_besoins, n_programmes, n_investisseurs FROM snapshots ORDER BY id"),
        store.active_snapshot_id(),
        store.rows("SELECT (SELECT count(*) FROM besoins), (SELECT count(*) FROM programmes), "
                   "(SELECT count(*) FROM investisseurs), (SELECT count(*) FROM need_agg), "
                   "(SELECT value FROM settings WHERE key = 'last_snapshot_id')"),
    )


def write(tmp_path: Path, files: corpus.Files) -> list[str]:
    paths = []
    for i, (name, data) in enumerate(files):
        folder = tmp_path / str(i)  # the same name twice (too many files) stays two files
        folder.mkdir()
        (folder / name).write_bytes(data)
        paths.append(str(folder / name))
    return paths


def cli_import(capsys, db: Path, paths: list[str], *extra: str) -> tuple[int, dict, str]:
    capsys.readouterr()
    rc = main(["import", "--db", str(db), "--as-of", AS_OF, "--json", *extra, *paths])
    out = capsys.readouterr()
    return rc, json.loads(out.out), out.err


def test_the_corpus_is_big_enough():
    assert len(corpus.BAD) >= 40
    assert len({c.name for c in corpus.BAD}) == len(corpus.BAD)


@pytest.mark.parametrize("case", corpus.BAD, ids=lambda c: c.name)
def test_bad_input_is_refused_with_a_french_message(case, shared_store, tmp_path, capsys):
    before = fingerprint(shared_store)
    paths = write(tmp_path, case.files())
    rc, report, err = cli_import(capsys, shared_store.path, paths)
    messages = [e["message"] for e in report["errors"]]
    assert rc == 1 and report["ok"] is False and report["snapshot_id"] is None, (case.name, messages)
    assert any(case.expect.casefold() in m.casefold() for m in messages), (case.name, messages)
    assert "Traceback" not in err and "Erreur inattendue" not in err
    for m in messages:  # plain French for people: no exception names, no Python reprs
        assert "Error" not in m and "Exception" not in m and "\\x" not in m, m
        assert len(m) < 300, m  # a sentence, not a dump
    assert fingerprint(shared_store) == before


def test_bad_input_is_explained_on_the_command_line_too(shared_store, tmp_path, capsys):
    """Without --json the facilitator reads the sheet, the row, the column and the sentence."""
    paths = write(tmp_path, corpus.need_csv(corpus.need_row(date="31/02/2020")))
    capsys.readouterr()
    rc = main(["import", "--db", str(shared_store.path), *paths])
    err = capsys.readouterr().err
    assert rc == 1
    assert "rien n'a été modifié" in err
    assert "besoins ligne 2 date : Date : la date 31/02/2020 n'existe pas" in err


@pytest.mark.parametrize("case", [c for c in corpus.BAD if c.name.startswith("zip-bomb")], ids=lambda c: c.name)
def test_zip_bombs_are_refused_before_inflating(case, monkeypatch):
    data = case.files()
    assert len(data[0][1]) < 2 * 2**20  # a tiny file…

    class NoOpen:
        @staticmethod
        def from_filelike(*_a, **_k):
            raise AssertionError("the workbook parser must never see a zip bomb")

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", NoOpen)
    start = time.perf_counter()
    up = importer.read_upload(data)
    elapsed = time.perf_counter() - start
    assert [i.kind for i in up.issues] == ["fichier"]
    assert "volume anormal" in up.issues[0].message
    assert elapsed < 1.0, elapsed  # …refused from the zip directory alone (milliseconds when idle)


def test_oversized_file_is_refused_before_reading(monkeypatch):
    def never(*_a, **_k):
        raise AssertionError("an oversized file must not be parsed")

    monkeypatch.setattr(reading.workbook, "read", never)
    monkeypatch.setattr(reading.csv, "read", never)
    for name in ("inventaire.xlsx", "besoins.csv"):
        up = importer.read_upload([(name, bytes(limits.MAX_FILE_BYTES + 1))])
        assert "fichier trop volumineux" in up.issues[0].message


def test_row_limit_is_enforced_before_validating(monkeypatch, shared_store):
    monkeypatch.setattr(limits, "MAX_ROWS", 5)

    def never(*_a, **_k):
        raise AssertionError("no cell may be validated in a sheet over the row limit")

    monkeypatch.setattr(checking, "parse_column", never)
    checked = importer.check(importer.read_upload(corpus.need_csv(*[corpus.need_row(id=f"R{i}") for i in range(6)])),
                             shared_store)
    assert [i.message for i in checked.issues] == ["trop de lignes (6, au plus 5)"]


def test_cell_length_limit_is_exact(shared_store):
    ok = importer.check(importer.read_upload(corpus.need_csv(corpus.need_row(description="a" * limits.MAX_CELL_CHARS))),
                        shared_store)
    assert ok.ok, ok.issues
    too_long = importer.check(importer.read_upload(
        corpus.need_csv(corpus.need_row(description="a" * (limits.MAX_CELL_CHARS + 1)))), shared_store)
    assert "texte trop long" in too_long.issues[0].message


def test_a_fresh_database_needs_every_sheet(store, tmp_path, capsys):
    """Carrying a sheet over needs an inventory to carry it from."""
    rc, report, _ = cli_import(capsys, store.path, write(tmp_path, corpus.need_csv(corpus.BESOINS[1])))
    assert rc == 1
    assert any("il n'existe pas encore d'inventaire" in e["message"] for e in report["errors"])
    assert store.snapshots() == []


def test_every_problem_is_reported_at_once(shared_store):
    """One upload with many mistakes: all of them, each located, in one report."""
    rows = [corpus.need_row(territoire="Atlantide", id="A1"), corpus.need_row(intensite=9, id="A2"),
            corpus.need_row(date="31/02/2020", id="A3"), corpus.need_row(thematique="mobilite", id="A4"),
            corpus.need_row(nb_acteurs="NaN", id="A5"), corpus.need_row(id="A5")]
    checked = importer.check(importer.read_upload(corpus.need_csv(*rows)), shared_store)
    located = {(i.row, i.column) for i in checked.issues}
    assert located >= {(2, "territoire"), (3, "intensite"), (4, "date"), (5, "thematique"), (6, "nb_acteurs"),
                       (7, "id")}


# --- awkward but legitimate -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def accepting_store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("accepting") / "inventory.duckdb")
    demo.load_demo(s)
    yield s
    s.close()


def imported(store: Store, files: corpus.Files | importer.Upload) -> tuple[int, dict[str, object]]:
    upload = files if isinstance(files, importer.Upload) else importer.read_upload(files)
    checked = importer.check(upload, store)
    assert checked.ok, [(i.sheet, i.row, i.column, i.message) for i in checked.issues]
    result = importer.commit(store, checked, label="corpus", as_of=dt.date(2020, 6, 30))
    return result.snapshot_id, result.counts


def test_a_million_formatted_empty_rows_are_ignored_quickly(accepting_store):
    files = corpus.GOOD["million-empty-rows"]()
    assert len(files[0][1]) < limits.MAX_FILE_BYTES
    start = time.perf_counter()
    up = importer.read_upload(files)
    read = time.perf_counter() - start
    assert not up.issues, up.issues
    assert len(up.sheets["besoins"].rows) == 2
    sid, counts = imported(accepting_store, up)
    total = time.perf_counter() - start
    assert counts["besoins"] == 2
    print(f"million empty rows: read {read:.2f} s, read+check+commit {total:.2f} s")
    assert total < 20, total  # 2 to 5 s on a 2-core machine (XML parsing); generous for a loaded CI


def test_excel_unicode_text_is_accepted(accepting_store):
    """« Texte Unicode » (UTF-16, tabs) is what Excel offers first for text: accepting it is friendlier."""
    sid, counts = imported(accepting_store, corpus.GOOD["unicode-text"]())
    assert counts["besoins"] == 3
    rows = accepting_store.sheet(sid, "besoins")
    assert rows["territoire"].tolist() == ["DEP-69", "REG-53", "FR"]
    assert rows["description"].tolist()[0] == "Outils en ligne"


def test_windows_1252_csv_is_accepted(accepting_store):
    rows = [corpus.NEED_HEADERS, corpus.need_row(territoire="Auvergne-Rhône-Alpes", description="Café associatif")]
    sid, _ = imported(accepting_store, [("besoins.csv", corpus.csv_bytes(rows, encoding="cp1252"))])
    got = accepting_store.sheet(sid, "besoins")
    assert got[["territoire", "description"]].values.tolist() == [["REG-84", "Café associatif"]]


def test_overseas_names_and_codes_name_one_land(accepting_store):
    rows = [corpus.need_row(territoire=t, id=f"R{i}") for i, t in enumerate(["La Réunion", "REG-04", "974", "LA REUNION"])]
    sid, _ = imported(accepting_store, corpus.need_csv(*rows))
    assert set(accepting_store.sheet(sid, "besoins")["territoire"]) == {"DEP-974"}


HOSTILE_TEXTS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "<b>gras</b> & <i>italique</i>",
    "**gras** [lien](javascript:alert(1)) ![img](https://exemple.org/pixel.png)",
    '=HYPERLINK("https://exemple.org/piege","Cliquez ici")',
    "=cmd|' /C calc'!A0",
    "+33 1 23 45 67 89",
    "-moins de moyens",
    "@SUM(A1:A9)",
    "'déjà avec apostrophe",
    "Ligne 1\nLigne 2",
    "{{ 7*7 }} ${7*7} %s %(x)s",
    "Robert'); DROP TABLE besoins;--",
]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_html_scripts_and_formulas_in_cells_are_stored_as_text(accepting_store, fmt):
    rows = [corpus.NEED_HEADERS] + [corpus.need_row(description=t, secteur=t[:40], id=f"H{i}")
                                    for i, t in enumerate(HOSTILE_TEXTS)]
    files = ([("besoins.xlsx", corpus.xlsx_bytes({"besoins": rows}))] if fmt == "xlsx"
             else [("besoins.csv", corpus.csv_bytes(rows))])
    sid, counts = imported(accepting_store, files)
    stored = accepting_store.sheet(sid, "besoins")
    assert stored["description"].tolist() == HOSTILE_TEXTS
    assert stored["secteur"].tolist() == [t[:40].strip() for t in HOSTILE_TEXTS]
    assert accepting_store.rows("SELECT count(*) FROM besoins WHERE snapshot_id = ?", [sid])[0][0] == len(HOSTILE_TEXTS)


def test_real_formula_cells_give_their_computed_value_never_their_code(accepting_store):
    """A formula cell is read as the value Excel last computed and saved; it is never evaluated."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("besoins")
    ws.write_row(0, 0, corpus.NEED_HEADERS)
    ws.write_row(1, 0, corpus.BESOINS[1])
    ws.write_formula(1, 4, "=1+1", None, 2)  # nb_acteurs
    ws.write_formula(1, 8, '=CONCATENATE("Outils"," partagés")', None, "Outils partagés")  # description
    ws.write_formula(1, 6, '=HYPERLINK("https://exemple.org","culture")', None, "culture")  # secteur
    wb.close()
    sid, _ = imported(accepting_store, [("besoins.xlsx", buf.getvalue())])
    row = accepting_store.sheet(sid, "besoins").iloc[0]
    assert (row["nb_acteurs"], row["description"], row["secteur"]) == (2, "Outils partagés", "culture")


def test_formulas_first_in_list_cells_are_stored_as_typed_and_neutralised_on_export(accepting_store, tmp_path):
    """Issue 24: a formula id first in a list used to leave the tool as « +cmd|'/C calc'!A0 ; CI2 »."""
    from inventory.outputs import exports

    sid, _ = imported(accepting_store, corpus.GOOD["formula-first-in-lists"]())
    progs = accepting_store.sheet(sid, "programmes").set_index("id")
    assert list(progs.loc["CP1", "investisseurs"]) == ["+cmd|'/C calc'!A0", "CI2"]
    exports.export_snapshot(accepting_store, sid, tmp_path / "out")
    text = (tmp_path / "out" / "programmes.csv").read_text(encoding="utf-8-sig")
    assert "'+cmd|'/C calc'!A0 ; CI2" in text and "'=2+3 ; numerique" in text


def test_html_names_are_stored_as_typed_and_drawn_as_text(accepting_store):
    from inventory.outputs import charts

    sid, _ = imported(accepting_store, corpus.GOOD["html-in-names"]())
    names = set(accepting_store.sheet(sid, "investisseurs")["nom"])
    assert '<a href="https://exemple.org/piege">Cliquez</a>' in names
    fig = charts.investor_heatmap(pd.DataFrame({"nom": sorted(names), "thematique": ["numerique"] * len(names),
                                                "programmes": [1] * len(names)}),
                                  cols="thematique", value="programmes", value_label="programmes")
    drawn = str(fig.to_dict())
    assert "<a " not in drawn and "<span" not in drawn and "&lt;a href" in drawn
