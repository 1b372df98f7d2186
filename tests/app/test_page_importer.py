"""Importer: rights first (no password, wrong, right), then upload → report → annotated workbook, a clean upload
committed, snapshot management, and the downloads."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from inventory.intake import importer
from inventory import texts as T
from inventory.store import Store
from tests.app.handmade import APRIL_SHEETS, JUNE_SHEETS, april, open_page, texts
from tests.builders import write_xlsx
from tests.test_catalogues import AIDS, page as aides_page

PAGE = "pages/importer.py"
PASSWORD = "un-mot-de-passe"
R = T.IMP_REPORT_COLUMNS
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def logged_in(db, monkeypatch, query: dict | None = None, name: str = "Camille"):
    at = open_page(PAGE, db, monkeypatch, query, password=PASSWORD)
    at.text_input(key="login_name").set_value(name)
    at.text_input(key="login_password").set_value(PASSWORD)
    at.button[0].click().run()
    assert at.file_uploader, "the facilitator should reach the upload form"
    return at


def upload(at, *files: tuple[str, bytes]):
    at.file_uploader[0].set_value([(name, data, XLSX) for name, data in files]).run()
    assert not at.exception
    return at


def writing_widgets(at) -> list:
    """Everything on the page that could change the inventory."""
    return [*at.file_uploader, *[b for b in at.button if b.label != T.IMP_LOGIN], *at.checkbox, *at.date_input]


def bad_workbook(tmp_path) -> bytes:
    sheets = {k: [list(r) for r in v] for k, v in APRIL_SHEETS.items()}
    sheets["besoins"][2][3] = 9            # row 3, intensite: 9 is not within 1–5
    sheets["besoins"][4][0] = "Atlantide"  # row 5, territoire: unknown
    sheets["programmes"][1][2] = "A;Z"     # row 2, investisseurs: Z is not in the investors sheet
    return write_xlsx(tmp_path / "inventaire.xlsx", sheets).read_bytes()


# --- rights ---------------------------------------------------------------------------------------------
def test_without_a_password_the_page_explains_how_to_set_one_and_offers_nothing_that_writes(demo_store, monkeypatch):
    at = open_page(PAGE, demo_store.path, monkeypatch)
    assert not at.exception
    warning = texts(at.warning)[0]
    assert "INVENTORY_FACILITATOR_PASSWORD" in warning and "facilitator_password" in warning
    assert writing_widgets(at) == [] and not at.button and not at.text_input
    # a session that forges the facilitator token gets nothing more
    at.session_state["_facilitator_token"] = ""
    at.run()
    assert writing_widgets(at) == [] and not at.text_input


def test_a_wrong_password_gives_no_access(demo_store, monkeypatch):
    at = open_page(PAGE, demo_store.path, monkeypatch, password=PASSWORD)
    at.text_input(key="login_name").set_value("Camille")
    at.text_input(key="login_password").set_value("devine")
    at.button[0].click().run()
    assert T.IMP_WRONG_PASSWORD in texts(at.error)
    assert writing_widgets(at) == []


def test_a_forged_token_in_the_session_does_not_open_the_upload(demo_store, monkeypatch):
    at = open_page(PAGE, demo_store.path, monkeypatch, password=PASSWORD)
    at.session_state["_facilitator_token"] = "devine"
    at.run()
    assert writing_widgets(at) == []


def test_workshop_mode_hides_the_import(demo_store, monkeypatch):
    at = open_page(PAGE, demo_store.path, monkeypatch, {"atelier": "1"}, password=PASSWORD)
    # the navigation does not even list the import page in workshop mode: its link leads home
    assert [t.value for t in at.title] == [T.HOME_TITLE] and T.IMP_TITLE not in texts(at.title)
    assert writing_widgets(at) == [] and not at.text_input


def test_logging_out_closes_the_upload(demo_store, monkeypatch):
    at = logged_in(demo_store.path, monkeypatch)
    at.button(key="logout").click().run()
    assert not at.file_uploader


# --- the validation report ------------------------------------------------------------------------------
def test_an_upload_with_errors_lists_each_one_where_it_is_and_changes_nothing(demo_store, tmp_path, monkeypatch,
                                                                              downloads):
    before = demo_store.snapshots()
    at = upload(logged_in(demo_store.path, monkeypatch), ("inventaire.xlsx", bad_workbook(tmp_path)))
    assert texts(at.error) == [T.plural(T.IMP_REJECTED, n=3).format(n=3)]
    assert [s.label for s in at.get("status")] == [
        T.plural(T.IMP_STEP_READ_DONE, sheets=3, files=1).format(sheets=3, files=1),
        T.plural(T.IMP_STEP_CHECK_KO, n=3).format(n="3")]
    assert [e.label for e in at.expander] == ["Valeurs non conformes : 2", "Références inconnues : 1"]
    occurrences = [d.value for d in at.dataframe if list(getattr(d.value, "columns", [])) == list(R.values())]
    located = sorted((row[R["sheet"]], row[R["row"]], row[R["column"]], row[R["value"]])
                     for frame in occurrences for row in frame.to_dict("records"))
    assert located == [("besoins", 3, "intensite", "9"), ("besoins", 5, "territoire", "Atlantide"),
                       ("programmes", 2, "investisseurs", "Z")]
    # the first bad cell in the grid of its neighbours: rows 2–5 of besoins, columns B–F, the cell marked
    grid = next(d.value for d in at.dataframe if "D · intensite" in getattr(d.value, "columns", []))
    assert list(grid.index) == [2, 3, 4, 5]
    assert list(grid.columns) == ["B · source", "C · thematique", "D · intensite", "E · nb_acteurs", "F · odd"]
    assert grid.loc[3, "D · intensite"] == "▶ 9" and grid.loc[2, "D · intensite"] == "4"
    assert demo_store.snapshots() == before
    assert [b.label for b in at.button if b.label.startswith("Enregistrer")] == []

    annotated = openpyxl.load_workbook(io.BytesIO(downloads["erreurs_inventaire.xlsx"]()))
    cell = annotated["besoins"]["D3"]
    assert cell.value == 9 and cell.fill.fgColor.rgb.endswith("F8CBAD")
    assert "entre 1 et 5" in cell.comment.text
    assert annotated["besoins"]["A5"].comment is not None
    errors_column = [c.value for c in annotated["besoins"][1]].index("erreurs") + 1
    assert "Atlantide" in annotated["besoins"].cell(row=5, column=errors_column).value
    assert annotated["programmes"]["C2"].comment is not None


def test_rerunning_does_not_validate_the_same_files_again(demo_store, tmp_path, monkeypatch):
    calls = []
    real_check = importer.check
    monkeypatch.setattr(importer, "check", lambda *a, **kw: calls.append(1) or real_check(*a, **kw))
    at = upload(logged_in(demo_store.path, monkeypatch), ("inventaire.xlsx", bad_workbook(tmp_path)))
    at.run()
    at.run()
    assert len(calls) == 1
    assert texts(at.error) == [T.plural(T.IMP_REJECTED, n=3).format(n=3)]


def test_an_unreadable_file_is_a_sentence(demo_store, monkeypatch):
    at = upload(logged_in(demo_store.path, monkeypatch), ("inventaire.xlsx", b"%PDF-1.4 not a workbook"))
    assert texts(at.error)[0] == T.plural(T.IMP_REJECTED, n=1).format(n=1)
    assert not at.get("download_button") or all(d.label != T.IMP_DOWNLOAD_ANNOTATED for d in at.get("download_button"))
    occurrences = [d.value for d in at.dataframe if R["message"] in getattr(d.value, "columns", [])]
    assert "n'est pas un classeur lisible" in occurrences[0][R["message"]].iloc[0]


# --- a clean upload -------------------------------------------------------------------------------------
def test_a_clean_upload_previews_the_change_and_becomes_the_active_snapshot(store, tmp_path, monkeypatch):
    april(store, tmp_path)  # snapshot 1: 3 investors, 3 programmes, 6 needs
    june = write_xlsx(tmp_path / "juin.xlsx", JUNE_SHEETS).read_bytes()
    at = upload(logged_in(store.path, monkeypatch), ("juin.xlsx", june))
    assert T.IMP_CLEAN in texts(at.success)
    preview = next(d.value for d in at.dataframe if T.IMP_PREVIEW_COLUMNS["ecart"] in getattr(d.value, "columns", []))
    assert preview.values.tolist() == [["investisseurs", 3, 3, 0, T.IMP_ORIGIN_UPLOADED],
                                       ["programmes", 3, 3, 0, T.IMP_ORIGIN_UPLOADED],
                                       ["besoins", 6, 5, -1, T.IMP_ORIGIN_UPLOADED]]
    at.text_input(key="commit_label").set_value("Inventaire de juin")
    at.date_input(key="commit_as_of").set_value("2020-06-30")
    next(b for b in at.button if b.label == T.IMP_COMMIT).click().run()
    assert not at.exception
    snaps = store.snapshots()
    assert len(snaps) == 2
    new = snaps[-1]
    assert (new.label, new.as_of.isoformat(), new.active, new.counts) == (
        "Inventaire de juin", "2020-06-30", True, {"besoins": 5, "programmes": 3, "investisseurs": 3,
                                                     "engagements": 0, "realisations": 0})
    assert texts(at.success) == [T.IMP_COMMITTED.format(id=new.id, label="Inventaire de juin", besoins="5",
                                                        programmes="3", investisseurs="3")]
    assert at.selectbox(key="url_inventaire").value == new.id  # the sidebar now shows the new snapshot
    assert not at.get("status")  # the uploader was emptied: nothing left to commit twice


def test_the_first_import_into_an_empty_inventory_becomes_snapshot_one(store, tmp_path, monkeypatch):
    at = logged_in(store.path, monkeypatch)
    assert T.IMP_NO_SNAPSHOTS in texts(at.info)
    upload(at, ("avril.xlsx", write_xlsx(tmp_path / "avril.xlsx", APRIL_SHEETS).read_bytes()))
    preview = next(d.value for d in at.dataframe if T.IMP_PREVIEW_COLUMNS["ecart"] in getattr(d.value, "columns", []))
    assert preview[T.IMP_PREVIEW_COLUMNS["nouveau"]].tolist() == [3, 3, 6]
    at.date_input(key="commit_as_of").set_value("2020-04-30")  # the file has no date: the facilitator gives it
    next(b for b in at.button if b.label == T.IMP_COMMIT).click().run()
    assert [(s.id, s.active, s.counts["besoins"]) for s in store.snapshots()] == [(1, True, 6)]


def test_uploading_only_the_needs_carries_the_other_sheets_over(store, tmp_path, monkeypatch):
    april(store, tmp_path)
    needs_only = write_xlsx(tmp_path / "besoins.xlsx", {"besoins": JUNE_SHEETS["besoins"]}).read_bytes()
    at = upload(logged_in(store.path, monkeypatch), ("besoins.xlsx", needs_only))
    preview = next(d.value for d in at.dataframe if T.IMP_PREVIEW_COLUMNS["ecart"] in getattr(d.value, "columns", []))
    assert preview[T.IMP_PREVIEW_COLUMNS["origine"]].tolist() == [T.IMP_ORIGIN_CARRIED, T.IMP_ORIGIN_CARRIED,
                                                                   T.IMP_ORIGIN_UPLOADED]
    assert T.IMP_CARRIED.format(sheets="investisseurs, programmes") in texts(at.info)
    at.date_input(key="commit_as_of").set_value("2020-06-30")
    next(b for b in at.button if b.label == T.IMP_COMMIT).click().run()
    assert store.snapshots()[-1].counts == {"besoins": 5, "programmes": 3, "investisseurs": 3, "engagements": 0, "realisations": 0}


def test_a_session_that_loses_its_rights_cannot_commit(store, tmp_path, monkeypatch):
    april(store, tmp_path)
    june = write_xlsx(tmp_path / "juin.xlsx", JUNE_SHEETS).read_bytes()
    at = upload(logged_in(store.path, monkeypatch), ("juin.xlsx", june))
    at.date_input(key="commit_as_of").set_value("2020-06-30")
    commit = next(b for b in at.button if b.label == T.IMP_COMMIT)
    monkeypatch.setenv("INVENTORY_FACILITATOR_PASSWORD", "un-autre")  # the password was changed meanwhile
    commit.click().run()
    assert len(store.snapshots()) == 1
    assert writing_widgets(at) == []


# --- snapshots and downloads ----------------------------------------------------------------------------
def test_a_facilitator_renames_activates_and_deletes_snapshots(demo_store, monkeypatch):
    at = logged_in(demo_store.path, monkeypatch)
    pick = lambda: next(s for s in at.selectbox if s.label == T.IMP_SNAPSHOT_PICK)  # noqa: E731
    assert pick().value == 2  # newest first
    assert T.IMP_IS_ACTIVE in texts(at.info)
    pick().set_value(1).run()
    at.text_input(key="rename_label_1").set_value("Avril (démo)")
    next(b for b in at.button if b.label == T.IMP_RENAME_BUTTON).click().run()
    assert demo_store.snapshot(1).label == "Avril (démo)"
    assert T.IMP_RENAMED.format(id=1, label="Avril (démo)") in texts(at.success)

    at.button(key="activate_1").click().run()
    assert demo_store.active_snapshot_id() == 1
    assert at.selectbox(key="url_inventaire").value == 1
    assert pick().value == 1 and pick().format_func(1).endswith(T.SNAPSHOT_ACTIVE_SUFFIX)

    pick().set_value(2).run()
    assert at.button(key="delete_2").disabled  # nothing is deleted without confirming
    at.checkbox(key="confirm_delete_2").check().run()
    at.button(key="delete_2").click().run()
    assert [s.id for s in demo_store.snapshots()] == [1]
    assert T.IMP_DELETED.format(id=2) in texts(at.success)


def test_the_template_and_the_shown_inventory_download_as_workbooks(demo_store, monkeypatch, downloads):
    at = open_page(PAGE, demo_store.path, monkeypatch)  # reading needs no password
    labels = [d.label for d in at.get("download_button")]
    assert labels == [T.IMP_TEMPLATE, T.IMP_EXPORT]
    template = openpyxl.load_workbook(io.BytesIO(downloads[T.IMP_TEMPLATE_NAME]()))
    assert {"investisseurs", "programmes", "besoins"} <= set(template.sheetnames)
    export = downloads[T.IMP_EXPORT_NAME.format(id=2, as_of="2020-06-30")]()
    checked = importer.check(importer.read_upload([("export.xlsx", export)]), Store(demo_store.path))
    assert checked.ok and checked.counts()["besoins"] == 420


def test_the_uploader_states_our_own_size_limit():
    from inventory import limits
    from ui.css import uploader_css

    assert f"{limits.MAX_FILE_BYTES // 2**20} Mo au plus par fichier" in uploader_css("fr")


# --- safe imports -----------------------------------------------------------------------------------------
def dated_needs(dates: list[dt.date | None]) -> list[list]:
    """June's needs with a « date » column (one date per row, in order)."""
    head, *rows = JUNE_SHEETS["besoins"]
    return [[*head, "date"], *[[*row, d] for row, d in zip(rows, dates)]]


def commit_button(at):
    return next(b for b in at.button if b.label == T.IMP_COMMIT)


def test_the_commit_form_proposes_the_latest_date_found_in_the_file_not_today(store, tmp_path, monkeypatch):
    april(store, tmp_path)
    # needs dated 02/06, 15/06 (the latest), none, 01/05, 10/06
    sheets = {**JUNE_SHEETS, "besoins": dated_needs([dt.date(2020, 6, 2), dt.date(2020, 6, 15), None,
                                                     dt.date(2020, 5, 1), dt.date(2020, 6, 10)])}
    at = upload(logged_in(store.path, monkeypatch), ("juin.xlsx", write_xlsx(tmp_path / "juin.xlsx", sheets).read_bytes()))
    assert at.date_input(key="commit_as_of").value == dt.date(2020, 6, 15)
    assert at.text_input(key="commit_label").value == "Inventaire au 15/06/2020"
    assert T.IMP_DATES_FOUND.format(dates="besoins jusqu'au 15/06/2020") in texts(at.caption)
    commit_button(at).click().run()
    new = store.snapshots()[-1]
    assert (new.as_of, new.label) == (dt.date(2020, 6, 15), "Inventaire au 15/06/2020")


def test_a_file_without_dates_asks_for_one_and_todays_date_is_confirmed_before_saving(store, tmp_path, monkeypatch):
    april(store, tmp_path)
    june = write_xlsx(tmp_path / "juin.xlsx", JUNE_SHEETS).read_bytes()
    at = upload(logged_in(store.path, monkeypatch), ("juin.xlsx", june))
    assert at.date_input(key="commit_as_of").value is None and T.IMP_NO_DATES in texts(at.caption)
    commit_button(at).click().run()
    assert T.IMP_AS_OF_REQUIRED in [e.value for e in at.error] and len(store.snapshots()) == 1

    today = dt.date.today()
    at.date_input(key="commit_as_of").set_value(today)
    commit_button(at).click().run()
    assert T.IMP_TODAY_ASK.format(today=f"{today:%d/%m/%Y}") in texts(at.warning)
    assert len(store.snapshots()) == 1  # asked, not saved
    at.button(key="cancel_today").click().run()
    assert "confirm_today" not in [b.key for b in at.button] and len(store.snapshots()) == 1
    commit_button(at).click().run()
    at.button(key="confirm_today").click().run()
    assert not at.exception
    assert [s.as_of for s in store.snapshots()] == [dt.date(2020, 4, 30), today]
    assert store.snapshots()[-1].label == f"Inventaire au {today:%d/%m/%Y}"


def test_a_large_removal_is_called_out_in_words_and_must_be_confirmed(store, tmp_path, monkeypatch):
    april(store, tmp_path)  # 6 needs
    head, *rows = APRIL_SHEETS["besoins"]
    few = write_xlsx(tmp_path / "besoins.xlsx", {"besoins": [head, *rows[:3]]}).read_bytes()  # 3 of 6: −50 %
    at = upload(logged_in(store.path, monkeypatch), ("besoins.xlsx", few))
    assert T.IMP_LARGE_REMOVAL.format(sheet="besoins", before="6", after="3", removed="3", share="50") in texts(at.warning)
    at.date_input(key="commit_as_of").set_value("2020-06-30")
    commit_button(at).click().run()
    assert T.IMP_REMOVAL_NOT_CONFIRMED in [e.value for e in at.error] and len(store.snapshots()) == 1
    at.checkbox(key="confirm_removal").check()
    commit_button(at).click().run()
    assert store.snapshots()[-1].counts["besoins"] == 3


def test_removing_a_third_or_less_is_not_called_out(store, tmp_path, monkeypatch):
    april(store, tmp_path)  # 6 needs; June has 5 (−1)
    at = upload(logged_in(store.path, monkeypatch),
                ("juin.xlsx", write_xlsx(tmp_path / "juin.xlsx", JUNE_SHEETS).read_bytes()))
    assert not [w for w in at.warning if w.value.startswith(T.IMP_LARGE_REMOVAL.split(":")[0])]
    assert "confirm_removal" not in [c.key for c in at.checkbox]


def test_login_asks_for_a_name_kept_with_each_snapshot_and_in_the_audit_log(store, tmp_path, monkeypatch):
    april(store, tmp_path)  # imported by the command line (the system user)
    at = open_page(PAGE, store.path, monkeypatch, password=PASSWORD)
    at.text_input(key="login_password").set_value(PASSWORD)
    at.button[0].click().run()
    assert T.IMP_NAME_REQUIRED in [e.value for e in at.error] and not at.file_uploader

    at = upload(logged_in(store.path, monkeypatch, name="Camille Martin"),
                ("juin.xlsx", write_xlsx(tmp_path / "juin.xlsx", JUNE_SHEETS).read_bytes()))
    assert T.IMP_LOGGED_IN_AS.format(name="Camille Martin") in texts(at.caption)
    at.date_input(key="commit_as_of").set_value("2020-06-30")
    commit_button(at).click().run()
    next(s for s in at.selectbox if s.label == T.IMP_SNAPSHOT_PICK).set_value(1).run()
    at.button(key="activate_1").click().run()
    assert store.snapshots()[-1].created_by == "Camille Martin (tableau de bord)"
    listed = next(d.value for d in at.dataframe if T.IMP_SNAPSHOT_COLUMNS["created_by"] in d.value.columns)
    assert listed[T.IMP_SNAPSHOT_COLUMNS["created_by"]].iloc[0] == "Camille Martin (tableau de bord)"
    c = T.IMP_AUDIT_COLUMNS
    audit = next(d.value for d in at.dataframe if c["who"] in d.value.columns)
    assert audit[[c["who"], c["action"], c["snapshot_id"]]].values.tolist() == [  # newest first
        ["Camille Martin (tableau de bord)", "activation", 1],
        ["Camille Martin (tableau de bord)", "import", 2],
        [__import__("getpass").getuser(), "import", 1],
    ]


# --- catalogues on the import page ----------------------------------------------------------------------------
def test_a_catalogue_upload_names_its_format_its_mapping_and_the_rows_set_aside_before_the_commit(
        demo_store, tmp_path, monkeypatch, downloads):
    at = upload(logged_in(demo_store.path, monkeypatch), ("aides.json", aides_page(AIDS)))
    assert not at.exception
    assert f"- aides.json : {T.CAT_AIDES_TERRITOIRES}" in texts(at.markdown)
    m, a = T.IMP_MAPPING_COLUMNS, T.IMP_SET_ASIDE_COLUMNS
    mapping = next(d.value for d in at.dataframe if m["lignes"] in d.value.columns)
    rows = {(r[m["source"]], r[m["valeur"]]): (r[m["thematique"]], r[m["lignes"]]) for r in mapping.to_dict("records")}
    assert rows[("nature", "Subvention")][1] >= 1
    aside = next(d.value for d in at.dataframe if a["message"] in d.value.columns)
    # 104 (a commune) and 105 (an EPCI) are finer than a département: set aside with their reason
    assert {"Montpellier (Commune – 34000, 34070, 34080)", "CA du Pays de l'Or (EPCI)"} <= set(aside[a["value"]])
    assert T.IMP_SET_ASIDE_HEADER.format(n=len(aside)) in [e.label for e in at.expander]
    # all of it shown before the commit button
    assert commit_button(at)
    workbook = openpyxl.load_workbook(io.BytesIO(downloads["mis_de_cote_aides.xlsx"]()))
    values = [row[2] for row in workbook[T.SET_ASIDE_SHEET].iter_rows(min_row=2, values_only=True)]
    assert "CA du Pays de l'Or (EPCI)" in values


def test_a_contract_workbook_is_named_as_such(store, tmp_path, monkeypatch):
    at = upload(logged_in(store.path, monkeypatch),
                ("avril.xlsx", write_xlsx(tmp_path / "avril.xlsx", APRIL_SHEETS).read_bytes()))
    assert f"- avril.xlsx : {T.IMP_FORMAT_CONTRACT}" in texts(at.markdown)
    assert not [e for e in at.expander if e.label.startswith(T.IMP_MAPPING_HEADER)]


def test_the_annotated_workbook_of_a_rejected_catalogue_upload_lists_the_rows_set_aside(
        demo_store, tmp_path, monkeypatch, downloads):
    # a catalogue beside a needs sheet with a bad cell: rejected, and the annotated workbook has both
    head, *rows = APRIL_SHEETS["besoins"]
    bad = write_xlsx(tmp_path / "besoins.xlsx", {"besoins": [head, [*rows[0][:3], 9, *rows[0][4:]]]}).read_bytes()
    at = upload(logged_in(demo_store.path, monkeypatch), ("besoins.xlsx", bad), ("aides.json", aides_page(AIDS)))
    assert at.error
    annotated = openpyxl.load_workbook(io.BytesIO(downloads["erreurs_import.xlsx"]()))
    assert T.SET_ASIDE_SHEET in annotated.sheetnames
    assert {"lisez-moi", "listes"} <= set(annotated.sheetnames)


# --- hardening (issue 24) -------------------------------------------------------------------------------------
def test_password_guessing_from_fresh_sessions_is_locked_out_and_logged(demo_store, monkeypatch, caplog):
    """Each guess from a new session: the server-wide guard still counts them, locks the address out (even the
    right password then waits), and every failure is in the audit log and the server log."""
    from ui.login_guard import GUARD

    now = [1000.0]
    monkeypatch.setattr(GUARD, "clock", lambda: now[0])
    for guess in ("un", "deux", "trois"):
        now[0] += 100  # each guess after the previous one's wait (1 s, then 2 s), well inside the 15-minute window
        at = open_page(PAGE, demo_store.path, monkeypatch, password=PASSWORD)  # a fresh session each time
        at.text_input(key="login_name").set_value("Intrus")
        at.text_input(key="login_password").set_value(guess)
        at.button[0].click().run()
        assert not at.file_uploader
    at = open_page(PAGE, demo_store.path, monkeypatch, password=PASSWORD)
    at.text_input(key="login_name").set_value("Camille")
    at.text_input(key="login_password").set_value(PASSWORD)
    at.button[0].click().run()
    assert not at.file_uploader  # the right password, but too soon after three failures from this address
    assert texts(at.error) == [T.LOGIN_LOCKED.format(seconds=4)]  # the third failure: 2 ** 2 s
    now[0] += 5
    at.button[0].click().run()
    assert at.file_uploader  # the wait is over: the right password opens
    failed = demo_store.audit_log().query("action == 'login_failed'")
    assert failed["who"].tolist() == ["Intrus"] * 3 and set(failed["detail"]) == {"local"}
    assert sum("failed facilitator login from local" in r.getMessage() for r in caplog.records) == 3


@pytest.mark.parametrize("typed", ["Camille\x1b[2J", "Camille\u202eellimaC", "Cam\u200bille", "Cami\x00lle"])
def test_control_characters_in_the_facilitators_name_are_refused(demo_store, monkeypatch, typed):
    at = open_page(PAGE, demo_store.path, monkeypatch, password=PASSWORD)
    at.text_input(key="login_name").set_value(typed)
    at.text_input(key="login_password").set_value(PASSWORD)
    at.button[0].click().run()
    assert not at.file_uploader
    assert T.ERR_CONTROL_CHARACTERS in texts(at.error)


@pytest.mark.parametrize("typed, message", [("Juin\x1b[2J", "ERR_CONTROL_CHARACTERS"),
                                            ("Juin\u202e", "ERR_CONTROL_CHARACTERS"),
                                            ("Juin\nJuillet", "ERR_ONE_LINE")])
def test_control_characters_in_a_snapshot_label_are_refused_and_nothing_is_renamed(demo_store, monkeypatch,
                                                                                   typed, message):
    at = logged_in(demo_store.path, monkeypatch)
    before = demo_store.snapshot(2).label
    at.text_input(key="rename_label_2").set_value(typed)
    next(b for b in at.button if b.label == T.IMP_RENAME_BUTTON).click().run()
    assert getattr(T, message) in texts(at.error)
    assert demo_store.snapshot(2).label == before
