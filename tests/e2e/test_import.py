"""The import page in a real browser: a facilitator fixes a workbook from the error report and its annotated copy,
then commits it; a reader without the password, or anyone in workshop mode, gets nothing that writes."""
from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from inventory import texts as T

from .helpers import (FACILITATOR_PASSWORD, assert_no_exception, eventually, goto_app, main, nav_labels, options_of,
                      pick_option, selected_option, sidebar, table_rows, wait_for_app)

HEADERS = ["territoire", "source", "thematique", "intensite", "nb_acteurs", "description", "date"]
GOOD = [  # reported in May and June 2020: the latest, 30/06/2020, is the date the commit form proposes
    ["Rhône", "terrain", "numerique", 4, 3, "Outils de gestion partagés", "12/06/2020"],
    ["Gironde", "ingenierie", "juridique", 2, 2, "Conseil juridique pour les réseaux", "30/06/2020"],
    ["Finistère", "terrain", "modele_socio_eco", 3, 5, "Trésorerie tendue", "02/05/2020"],
    ["974", "terrain", "rh_benevolat", 2, 1, "Bénévoles à former", None],
    ["REG-84", "terrain", "gouvernance", 3, 4, "Stratégie après la crise", "15/06/2020"],
]
# (spreadsheet row, column, bad value): every cell the report and the annotated workbook must point at
ERRORS = [(3, "intensite", 9), (4, "territoire", "Atlantide"), (5, "thematique", "cuisine"), (6, "nb_acteurs", "zéro")]
# Typed by a facilitator; Markdown in it must show as typed (and the image must never be fetched).
LABEL = "Atelier e2e *relance* ![suivi](https://tracker.example/pixel.png)"


def write_needs(path: Path, rows: list[list]) -> Path:
    """A workbook holding only the `besoins` sheet: the others are carried over from the active inventory."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "besoins"
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def with_errors(rows: list[list]) -> list[list]:
    bad = [list(r) for r in rows]
    for row, column, value in ERRORS:
        bad[row - 2][HEADERS.index(column)] = value
    return bad


def writing_controls(page: Page) -> dict[str, int]:
    """Everything on the import page that could change the inventory, counted."""
    m = main(page)
    return {
        "file inputs": page.locator("input[type=file]").count(),
        "commit": m.get_by_role("button", name=T.IMP_COMMIT).count(),
        "activate": m.get_by_role("button", name=T.IMP_ACTIVATE).count(),
        "delete": m.get_by_role("button", name=T.IMP_DELETE).count(),
        "rename": m.get_by_role("button", name=T.IMP_RENAME_BUTTON).count(),
        "logout": m.get_by_role("button", name=T.IMP_LOGOUT).count(),
    }


def log_in(page: Page, password: str, name: str = "Camille") -> None:
    main(page).get_by_role("textbox", name=T.IMP_NAME).fill(name)
    main(page).get_by_label(T.IMP_PASSWORD).fill(password)
    main(page).get_by_role("button", name=T.IMP_LOGIN).click()
    wait_for_app(page)


def uploader_words(page: Page) -> list[str]:
    """What the uploader shows: its own English words are shrunk to nothing, French ones drawn after them."""
    return page.evaluate("""() => {
        const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
        return [zone.querySelector('[data-testid="stBaseButton-secondary"] p'),
                zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span')].map(el =>
            getComputedStyle(el).fontSize === '0px' ? JSON.parse(getComputedStyle(el, '::after').content) : el.innerText);
    }""")


def open_from_nav(page: Page, title: str) -> None:
    sidebar(page).get_by_role("link", name=title).click()
    wait_for_app(page)


def report_rows(page: Page) -> set[tuple[str, str, str]]:
    """(sheet, row, column) of every occurrence listed in the report's per-kind tables."""
    seen = set()
    for frame in main(page).get_by_test_id("stExpander").get_by_test_id("stDataFrame").all():
        rows = table_rows(frame)
        if rows and rows[0][:3] == [T.IMP_REPORT_COLUMNS[k] for k in ("sheet", "row", "column")]:
            seen |= {tuple(r[:3]) for r in rows[1:]}
    return seen


@pytest.mark.writes_inventory
def test_a_facilitator_fixes_a_workbook_from_the_report_and_commits_it(
        tab: Page, base_url: str, external_requests: list[str], tmp_path: Path):
    goto_app(tab, f"{base_url}/importer")
    shown_before = selected_option(tab, T.SIDEBAR_SNAPSHOT, sidebar(tab))
    log_in(tab, FACILITATOR_PASSWORD)
    expect(main(tab).get_by_text(T.IMP_LOGGED_IN_AS.format(name="Camille"))).to_be_visible()
    uploader = tab.locator('[data-testid="stFileUploader"] input[type=file]')
    french = ["Choisir des fichiers", "ou glissez-les ici · 50 Mo au plus par fichier · XLSX, XLSM, ODS, CSV, TXT, TSV, JSON"]
    assert eventually(tab, lambda: uploader_words(tab) == french), uploader_words(tab)

    # 1. a workbook with four bad cells: rejected, every problem located, nothing saved
    uploader.set_input_files(write_needs(tmp_path / "besoins.xlsx", with_errors(GOOD)))
    wait_for_app(tab)
    assert_no_exception(tab)
    expect(main(tab).get_by_text(T.plural(T.IMP_REJECTED, n=len(ERRORS)).format(n=len(ERRORS)))).to_be_visible()
    expect(main(tab).get_by_role("button", name=T.IMP_COMMIT)).to_have_count(0)
    expected = {("besoins", str(row), column) for row, column, _ in ERRORS}
    assert eventually(tab, lambda: expected <= report_rows(tab)), report_rows(tab)
    listed = report_rows(tab)
    for row, column, _ in ERRORS:
        assert ("besoins", str(row), column) in listed, f"row {row}, {column} missing from the report: {listed}"
    # the first case of each kind is also spelled out in a sentence, beside its neighbouring cells
    row, column, _ = ERRORS[0]
    expect(main(tab).get_by_test_id("stCaptionContainer").filter(
        has_text=f"Feuille besoins, ligne {row}, colonne « {column} »")).not_to_have_count(0)

    # 2. the annotated workbook marks each bad cell in red with its message as a comment
    with tab.expect_download() as download:
        main(tab).get_by_role("button", name=T.IMP_DOWNLOAD_ANNOTATED).click()
    annotated = tmp_path / download.value.suggested_filename
    download.value.save_as(annotated)
    assert annotated.name == T.IMP_ANNOTATED_NAME.format(stem="besoins")
    ws = openpyxl.load_workbook(annotated)["besoins"]
    for row, column, value in ERRORS:
        cell = ws.cell(row=row, column=HEADERS.index(column) + 1)
        assert str(cell.value) == str(value)
        assert cell.fill.fgColor.rgb.upper().endswith("F8CBAD"), f"{cell.coordinate} not filled red"
        assert cell.comment is not None and cell.comment.text.strip(), f"{cell.coordinate} has no comment"
    errors_column = [c.value for c in ws[1]].index("erreurs") + 1
    assert ws.cell(row=2, column=errors_column).value in (None, "")
    assert ws.cell(row=3, column=errors_column).value

    # 3. the corrected workbook replaces the bad one: clean, previewed, committed under a label
    main(tab).get_by_role("button", name="Remove besoins.xlsx").click()
    wait_for_app(tab)
    uploader.set_input_files(write_needs(tmp_path / "besoins_corrige.xlsx", GOOD))
    wait_for_app(tab)
    assert_no_exception(tab)
    expect(main(tab).get_by_text(T.IMP_CLEAN)).to_be_visible()
    expect(main(tab).get_by_text(re.compile(re.escape(T.IMP_CARRIED.split("{")[0])))).to_be_visible()
    # the data's date is proposed from the file, and the picker opens on its month, not on today's
    expect(main(tab).get_by_test_id("stDateInputField")).to_have_text("30/06/2020")
    main(tab).get_by_test_id("stDateInputCalendarButton").click()
    calendar = tab.get_by_role("dialog")
    expect(calendar).to_be_visible()
    # the month shown: June 2020 (the data's), not today's
    expect(calendar.locator("h2.react-aria-Heading")).to_have_text(re.compile(r"^(juin|June) 2020$"))
    tab.keyboard.press("Escape")
    expect(calendar).to_have_count(0)
    main(tab).get_by_label(T.IMP_LABEL).fill(LABEL)
    main(tab).get_by_text(T.IMP_CONFIRM_REMOVAL).click()
    expect(main(tab).get_by_role("checkbox", name=T.IMP_CONFIRM_REMOVAL)).to_be_checked()
    main(tab).get_by_role("button", name=T.IMP_COMMIT).click()
    wait_for_app(tab)
    assert_no_exception(tab)
    expect(main(tab).get_by_text(re.compile(r"Inventaire n° \d+ .* enregistré et activé"))).to_be_visible()

    # 4. the home tab now shows the new snapshot, its label exactly as typed
    open_from_nav(tab, T.PAGE_ACCUEIL)
    assert_no_exception(tab)
    caption = main(tab).get_by_text(re.compile("^" + re.escape(T.SHOWN_INVENTORY.split("{")[0])))
    expect(caption).to_contain_text(LABEL)
    assert eventually(tab, lambda: LABEL in selected_option(tab, T.SIDEBAR_SNAPSHOT, sidebar(tab)))
    expect(main(tab).locator("img")).to_have_count(0)
    assert external_requests == []

    # put the shared server back as it was: the demo inventory active, ours deleted
    open_from_nav(tab, T.PAGE_IMPORTER)
    demo = shown_before.removesuffix(T.SNAPSHOT_ACTIVE_SUFFIX)
    pick_option(tab, T.IMP_SNAPSHOT_PICK, demo, main(tab))
    main(tab).get_by_role("button", name=T.IMP_ACTIVATE).click()
    wait_for_app(tab)
    activated = re.escape(T.IMP_ACTIVATED).replace(re.escape("{id}"), r"\d+")
    expect(main(tab).get_by_text(re.compile(activated))).to_be_visible()
    assert eventually(tab, lambda: any(LABEL in o for o in options_of(tab, T.IMP_SNAPSHOT_PICK, main(tab))))
    ours = next(o for o in options_of(tab, T.IMP_SNAPSHOT_PICK, main(tab)) if LABEL in o)
    pick_option(tab, T.IMP_SNAPSHOT_PICK, ours, main(tab))
    main(tab).get_by_text(T.IMP_DELETE_CONFIRM).click()
    wait_for_app(tab)
    main(tab).get_by_role("button", name=T.IMP_DELETE).click()
    wait_for_app(tab)
    assert_no_exception(tab)
    assert eventually(tab, lambda: not any(LABEL in o for o in options_of(tab, T.SIDEBAR_SNAPSHOT, sidebar(tab))))


def test_a_reader_without_the_password_reaches_nothing_that_writes(
        tab: Page, base_url: str, external_requests: list[str]):
    goto_app(tab, f"{base_url}/importer")
    assert_no_exception(tab)
    expect(main(tab).get_by_role("heading", name=T.IMP_LOGIN_HEADER)).to_be_visible()
    assert writing_controls(tab) == dict.fromkeys(writing_controls(tab), 0)
    log_in(tab, "pas-le-bon")
    expect(main(tab).get_by_text(T.IMP_WRONG_PASSWORD)).to_be_visible()
    assert writing_controls(tab) == dict.fromkeys(writing_controls(tab), 0)
    # reading stays open to everyone: the template downloads
    expect(main(tab).get_by_role("button", name=T.IMP_TEMPLATE)).to_be_visible()
    assert external_requests == []


def test_workshop_mode_lists_no_import_page_and_offers_nothing_that_writes(
        tab: Page, base_url: str, external_requests: list[str]):
    goto_app(tab, f"{base_url}/?atelier=1")
    expect(tab.get_by_test_id("stTopNavLink").filter(has_text=T.PAGE_ACCUEIL)).to_have_count(1)
    assert T.PAGE_IMPORTER not in nav_labels(tab)
    # even the import tab's own address leads to nothing that writes
    goto_app(tab, f"{base_url}/importer?atelier=1")
    assert_no_exception(tab)
    assert writing_controls(tab) == dict.fromkeys(writing_controls(tab), 0)
    assert main(tab).get_by_label(T.IMP_PASSWORD).count() == 0
    assert external_requests == []


def test_a_catalogue_upload_shows_whole_at_1280_px_which_aid_is_set_aside_and_why_and_each_change(
        tab: Page, base_url: str, external_requests: list[str], tmp_path: Path):
    """Issue 23: the set-aside rows lead with the aid and its reason (the reason wraps in its wide column), and
    every column of the rows that change is inside the grid at 1280 px. Nothing is committed."""
    from tests.test_catalogues import AIDS, page as aides_page

    from .test_deciding_columns import WHOLE_COLUMNS_JS

    goto_app(tab, f"{base_url}/importer")
    log_in(tab, FACILITATOR_PASSWORD)
    path = tmp_path / "aides.json"
    path.write_bytes(aides_page(AIDS))
    tab.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(path)
    wait_for_app(tab)
    assert_no_exception(tab)
    expect(main(tab).get_by_text("Lecture : 1 catalogue reconnu : aides-territoires (8 aides)")).to_be_visible()
    a, c = T.IMP_SET_ASIDE_COLUMNS, T.PREVIEW_COLUMNS
    wanted = {a["item"]: [a["item"], a["message"]], c["ligne"]: [c[k] for k in c]}
    seen, found = [], []
    grids = main(tab).get_by_test_id("stExpander").get_by_test_id("stDataFrame")
    # the grids draw after the text above: wait until the unfolded ones are on the page
    assert eventually(tab, lambda: sum(g.is_visible() for g in grids.all()) >= len(wanted)), grids.count()
    for grid in grids.all():
        if not grid.is_visible():  # a folded expander's (the correspondences applied)
            continue
        grid.scroll_into_view_if_needed()
        heads = table_rows(grid)[0]
        found.append(heads)
        if heads[0] in wanted:
            whole = grid.evaluate(WHOLE_COLUMNS_JS)
            width = grid.evaluate("df => df.querySelector('.dvn-scroller').clientWidth")
            assert [h for h in wanted[heads[0]] if h not in whole] == [], (heads, whole, width)
            seen.append(heads[0])
    assert set(seen) == set(wanted), found
    assert external_requests == []
