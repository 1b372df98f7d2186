"""Issue 24: hostile or careless input that used to get through, each refused or neutralised at its root."""
from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from inventory import texts as T
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


# --- 2. HTML in names stays text in charts -------------------------------------------------------------
LINK = '<a href="https://exemple.org/piege">Cliquez</a>'
GIANT = '<span style="font-size:60px;color:red">Énorme</span>'


def _no_live_markup(fig) -> None:
    text = str(fig.to_dict())  # (to_json would hide « < » as \\u003c)
    for markup in ("<a ", "<a>", "<span", "</a>", "</span>"):
        assert markup not in text, (markup, text[:400])


def test_html_in_names_and_labels_is_drawn_as_text_in_every_chart():
    import pandas as pd

    from inventory.outputs import charts

    themes = {"t1": GIANT, "t2": "Juridique & fiscal"}
    cells = pd.DataFrame({"territoire": ["REG-84", "REG-84"], "nom": [LINK, LINK], "thematique": ["t1", "t2"],
                          "acteurs": [3, 2], "score": [9, 4], "intensite_moyenne": [3.0, 2.0], "programmes": [0, 1],
                          "tension": [9.0, 2.0], "zone_blanche": [True, False], "investisseurs": [0, 1],
                          "score_couvert": [0, 4], "part_couverte": [0.0, 1.0], "beneficiaires": [1, 2],
                          "maillon_manquant": [None, "argent_sans_accompagnement"], "phases": [[], ["urgence"]],
                          "ecart_score": [3, -1], "score_avant": [6, 5], "score_apres": [9, 4]})
    figures = [charts.need_heatmap(cells, theme_labels=themes), charts.coverage_heatmap(cells, theme_labels=themes),
               charts.investor_heatmap(cells, cols="thematique", value="programmes", value_label="p",
                                       col_labels=themes),
               charts.ranked_bars(cells, label="nom", value="score"),
               charts.change_bars(cells, theme_labels=themes), charts.reach_bars(cells, theme_labels=themes),
               charts.pathway_heatmap(cells, theme_labels=themes),
               charts.investor_sdg_heatmap(pd.DataFrame({"nom": [LINK], "odd": [8], "programmes": [1]}), {8: "Travail"}),
               charts.audience_bars(pd.DataFrame({"thematique": ["t1"], "public": ["association"], "programmes": [1]}),
                                    theme_labels=themes, audience_labels={"association": "Associations"}),
               charts.cofunding_network(
                   pd.DataFrame({"source": ["A"], "cible": ["B"], "nom_source": [LINK], "nom_cible": [GIANT],
                                 "programmes": [1]}),
                   pd.DataFrame({"id": ["A", "B"], "nom": [LINK, GIANT], "programmes": [1, 1]}))]
    for fig in figures:
        _no_live_markup(fig)
    heat = figures[0].data[0]
    # shown as typed: plotly turns the entities back into the characters people typed
    assert list(heat.y) == ['&lt;a href="https://exemple.org/piege"&gt;Cliquez&lt;/a&gt;']
    assert "Juridique &amp; fiscal" in "".join(heat.x)


# --- 3. failed logins, server-wide ---------------------------------------------------------------------
def test_login_guard_grows_per_address_and_caps_everyone():
    from ui.login_guard import LoginGuard

    now = [0.0]
    guard = LoginGuard(window=900, max_wait=300, overall=5, clock=lambda: now[0])
    assert guard.wait("a") == 0
    for expected in (1, 2, 4, 8):  # 1 s after the first failure, then twice as long each time
        guard.failed("a")
        assert guard.wait("a") == expected
        assert guard.wait("b") == 0  # another address is not slowed by a's failures…
    now[0] += 8
    assert guard.wait("a") == 0
    guard.failed("c")  # …until five failures in the window from anyone: then everybody waits
    assert guard.wait("b") == 900 - 8
    now[0] += 900 - 8
    assert guard.wait("b") == 0  # the first failure aged out of the window
    guard.succeeded("a")
    assert guard.wait("a") == 0


# --- 4. one text rule for typed labels and names -------------------------------------------------------
HOSTILE_ENTRIES = ["Juin\x00", "Juin\x1b[2J", "Juin\u202eniuJ", "Ju\u200bin", "Juin\nJuillet", "Juin\u2028Juillet"]


@pytest.mark.parametrize("typed", HOSTILE_ENTRIES)
def test_the_store_refuses_unclean_labels_and_names_and_writes_nothing(demo_store, typed):
    from inventory.outputs.exports import snapshot_frames

    frames = snapshot_frames(demo_store, demo_store.active_snapshot_id())
    before = (demo_store.snapshots(), len(demo_store.audit_log()))
    for write in (lambda: demo_store.write_snapshot(frames, label=typed, as_of=dt.date(2020, 6, 30)),
                  lambda: demo_store.write_snapshot(frames, label="Juin", as_of=dt.date(2020, 6, 30), created_by=typed),
                  lambda: demo_store.rename(1, typed), lambda: demo_store.activate(1, by=typed)):
        with pytest.raises(ValueError) as refused:
            write()
        assert str(refused.value) in (T.ERR_CONTROL_CHARACTERS, T.ERR_ONE_LINE)
    assert (demo_store.snapshots(), len(demo_store.audit_log())) == before


@pytest.mark.parametrize("typed", HOSTILE_ENTRIES)
def test_the_command_line_refuses_an_unclean_label_in_french(demo_store, tmp_path, capsys, typed):
    from inventory.__main__ import main

    paths = write("csv", tmp_path, inventory_sheets())
    before = demo_store.snapshots()
    with pytest.raises(SystemExit) as exit_:
        main(["import", "--db", str(demo_store.path), "--label", typed, *map(str, paths)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "Nom d'inventaire refusé" in err and "\x1b" not in err and "\u202e" not in err
    assert "error:" not in err and "invalid" not in err
    assert demo_store.snapshots() == before


@pytest.mark.parametrize("typed", HOSTILE_ENTRIES)
def test_a_seance_named_in_the_noting_form_or_the_command_line_follows_the_entry_rule(store, typed):
    """The séance's name labels the snapshots a séance makes: a name with a control character or on two lines is
    refused under the field « Séance », for a new commitment and a follow-up alike, and nothing is written (a line
    break used to reach the store's last guard and end in « Erreur inattendue »)."""
    from inventory.intake.noting import note_commitment, update_commitment
    from tests import followup_inventory

    followup_inventory.load(store)
    before = (store.snapshots(), len(store.audit_log()))
    noted = note_commitment(store, {"investisseurs": "A", "thematiques": "numerique", "territoires": "FR",
                                    "statut": "engage", "session": typed})
    followed = update_commitment(store, "E1", {"statut": "realise"}, seance=typed)
    why = T.ERR_ONE_LINE if any(c in typed for c in "\n\u2028") else T.ERR_CONTROL_CHARACTERS
    for got in (noted, followed):
        assert not got.ok
        assert [(e.column, e.message) for e in got.errors] == [
            ("session", T.ERR_IN_COLUMN.format(column="Séance", message=why))]
    assert (store.snapshots(), len(store.audit_log())) == before


def test_a_long_seance_name_is_kept_whole_and_shortened_in_the_label_only(store):
    from inventory import limits
    from inventory.intake.noting import note_commitment
    from tests import followup_inventory

    followup_inventory.load(store)
    name = "Séance plénière " + "x" * (limits.MAX_LABEL_CHARS - 16)  # as long as a label may be
    got = note_commitment(store, {"investisseurs": "A", "thematiques": "numerique", "territoires": "FR",
                                  "statut": "engage", "session": name}, at=dt.datetime(2020, 6, 30, 10, 42))
    assert got.ok, got.errors
    snap = store.snapshot(got.snapshot_id)
    assert len(snap.label) == limits.MAX_LABEL_CHARS and snap.label.endswith("… – engagement noté à 10:42")
    assert snap.seance == name


# --- 10. catalogue dates read as users read them ------------------------------------------------------------
def test_an_aid_stays_active_after_its_application_deadline_which_is_shown_and_exported(demo_store, tmp_path):
    """AT-102 opens 01/02/2024 and takes applications until 30/06/2024: on 30/09/2024 it still funds (it is still
    in the catalogue as active), and its deadline is listed and exported as the application deadline."""
    from inventory.analysis import catalogue
    from tests.test_catalogues import AIDS, page

    path = tmp_path / "aides.json"
    path.write_bytes(page(AIDS))
    result = import_files(demo_store, [path], as_of=dt.date(2024, 9, 30))
    assert result.ok, result.errors
    progs = catalogue.programmes(demo_store, result.snapshot_id).set_index("id")
    assert bool(progs.loc["AT-102", "actif"]) is True
    exports.export_snapshot(demo_store, result.snapshot_id, tmp_path / "out")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((tmp_path / "out" / "programmes.csv")
                                                           .read_text(encoding="utf-8-sig")), delimiter=";")}
    assert rows["AT-102"]["date_fin"] == "" and rows["AT-102"]["date_limite_candidature"] == "30/06/2024"
    assert progs.loc["AT-102", "date_limite_candidature"] == pd.Timestamp(2024, 6, 30)  # as the catalogue lists it


def test_the_proposed_date_of_an_upload_is_never_an_end_date(demo_store):
    """tests/test_catalogues.THREE_W: its results are dated by their period's end (#date+end, up to 30/06/2021),
    its need by its activity's start (01/04/2020), merged with the demo's needs (up to 30/06/2020): the date
    proposed is the needs', never a period's end (which would deactivate the programmes just imported)."""
    from inventory.intake import importer, report
    from tests.test_catalogues import THREE_W

    checked = importer.check(importer.read_upload([("3w.csv", THREE_W.encode())]), demo_store)
    assert checked.ok, checked.issues
    dates = report.data_dates(checked)
    assert dates == {"besoins": dt.date(2020, 6, 30)}


# --- 7. a hung Chromium -----------------------------------------------------------------------------------
def test_a_hung_chromium_is_stopped_with_its_children_and_a_french_sentence(tmp_path, monkeypatch):
    """A « Chromium » that starts a helper then hangs: past the timeout both are gone, and the message is one
    French sentence without the command line."""
    import os
    import time

    from inventory.outputs import session_report

    pids = tmp_path / "pids"
    fake = tmp_path / "chromium"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! >> {pids}\necho $$ >> {pids}\nsleep 300\n")
    fake.chmod(0o755)
    monkeypatch.setenv("INVENTORY_CHROMIUM", str(fake))
    monkeypatch.setattr(session_report, "PDF_TIMEOUT", 2)
    start = time.monotonic()
    with pytest.raises(RuntimeError) as stopped:
        session_report.html_to_pdf("<html><body>rapport</body></html>")
    assert time.monotonic() - start < 15
    assert str(stopped.value) == T.REPORT_CHROMIUM_TIMEOUT.format(seconds=2)
    assert "--headless" not in str(stopped.value) and str(fake) not in str(stopped.value)
    for pid in map(int, pids.read_text().split()):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            raise AssertionError(f"process {pid} was left behind")


# --- 6. the command line's refusals, in French -------------------------------------------------------------
@pytest.mark.parametrize("argv, expected", [
    (["--lang", "xx", "snapshots"], "valeur « xx » refusée pour --lang (valeurs permises : fr, en)"),
    (["matrix", "--snapshot", "abc"], "valeur « abc » refusée pour --snapshot : un nombre entier est attendu"),
    (["import"], "argument obligatoire manquant : files"),
    (["snapshots", "--bogus"], "arguments non reconnus : --bogus"),
])
def test_argument_errors_are_french_sentences(argv, expected, capsys, tmp_path):
    from inventory.__main__ import main

    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--db", str(tmp_path / "x.duckdb")] if argv[0] != "--lang" else argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert expected in err
    assert "usage:" not in err and "error:" not in err and "invalid" not in err


def test_write_errors_are_named_as_such(tmp_path, capsys):
    from inventory.__main__ import main

    a_file = tmp_path / "fichier"
    a_file.write_text("x")
    cases = [(a_file / "modele.xlsx", T.WRITE_PARENT_NOT_FOLDER), (tmp_path, T.WRITE_IS_FOLDER),
             (tmp_path / "absent" / "modele.xlsx", T.WRITE_NO_FOLDER)]
    for target, reason in cases:
        assert main(["template", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.strip() == T.CLI_WRITE_FAILED.format(path=target, reason=reason)
        assert "introuvable" not in err and "Errno" not in err
