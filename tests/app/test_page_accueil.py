"""Accueil: the shown snapshot at a glance, on the demo, an empty and the tiny inventory (numbers in conftest)."""
from __future__ import annotations

from inventory import texts as T
from ui.display import plain
from tests.app.tiny import JUNE, TINY_LABELS
from tests.app.pagetools import assert_clean, metrics, texts


def test_demo_home_shows_counts_three_top_needs_five_white_zones_and_changes(demo_db, open_page):
    at = open_page(demo_db, "accueil")
    assert_clean(at)
    shown = metrics(at)
    assert shown[T.HOME_METRIC_NEEDS] == "420"
    assert shown[T.HOME_METRIC_PROGRAMMES] == "20"  # active on 30/06 (the catalogue holds 24: 4 have ended)
    assert shown[T.HOME_METRIC_INVESTORS] == "12"
    links = [link.proto for link in at.get("page_link")]
    white_zone_links = [link for link in links if link.label == T.HOME_WHITE_ZONE_LINK]
    assert len(white_zone_links) == 5
    assert T.HOME_CHANGES_SINCE.format(label="Démo fictive – inventaire au 30/04", as_of="30/04/2020") in texts(at)


def test_an_empty_inventory_is_one_sentence(empty_db, open_page):
    at = open_page(empty_db, "accueil")
    assert_clean(at)
    assert [i.value for i in at.info] == [T.NO_SNAPSHOT]


def test_tiny_inventory_counts_are_the_hand_computed_ones(tiny_db, open_page):
    at = open_page(tiny_db, "accueil")
    assert_clean(at)
    assert T.SHOWN_INVENTORY.format(label=TINY_LABELS[JUNE], as_of="30/06/2020") in texts(at)
    shown = metrics(at)
    assert shown[T.HOME_METRIC_NEEDS] == "5"
    assert shown[T.HOME_METRIC_ACTORS] == "12"  # 3 + 2 + 2 + 4 + 1
    assert shown[T.HOME_METRIC_PROGRAMMES] == "2"  # P1, P2 active on 30/06; P3 ended on 31/05
    help_ = next(m.help for m in at.metric if m.label == T.HOME_METRIC_PROGRAMMES)
    assert help_ == T.HOME_METRIC_PROGRAMMES_HELP.format(total="3", inactive="1")
    assert shown[T.HOME_METRIC_INVESTORS] == "2"
    assert shown[T.HOME_METRIC_TERRITORIES] == "4"  # DEP-69, DEP-38, REG-93, DEP-13


def test_the_three_top_needs_are_themes_by_share_of_the_total_score(tiny_db, open_page):
    at = open_page(tiny_db, "accueil")
    shown = metrics(at)
    # scores 16, 15 and 12 of 43
    assert shown["Outils numériques"] == "37,2\u202f%"
    assert shown["Modèle socio-économique et financement"] == "34,9\u202f%"
    assert shown["Juridique"] == "27,9\u202f%"
    assert T.HOME_TOP_NEED_DETAIL.format(acteurs="5", intensite="3,20", territoire="Auvergne-Rhône-Alpes") in texts(at)


def test_white_zones_are_listed_worst_first_each_with_a_link_to_its_territory(tiny_db, open_page):
    at = open_page(tiny_db, "accueil")
    lines = [m.value for m in at.markdown if "du besoin atteint" in m.value]
    nothing = "0 programme dans la région, 0\u202f% du besoin atteint"
    assert lines == [
        T.HOME_WHITE_ZONE_LINE.format(nom="Auvergne-Rhône-Alpes", theme="Modèle socio-économique et financement",
                                      acteurs="2", score="10", couverture=nothing),
        T.HOME_WHITE_ZONE_LINE.format(nom="Provence-Alpes-Côte d'Azur", theme="Modèle socio-économique et financement",
                                      acteurs="1", score="5", couverture=nothing),
    ]
    links = [link.proto for link in at.get("page_link") if link.proto.label == T.HOME_WHITE_ZONE_LINK]
    # the links pin the inventory shown (the active one, n° 2): a link shared later shows the same numbers
    assert [(link.page, link.query_string) for link in links] == [
        ("couverture", "inventaire=2&vue=territoire&territoire=REG-84"),
        ("couverture", "inventaire=2&vue=territoire&territoire=REG-93")]


def test_links_keep_the_chosen_snapshot_and_workshop_mode(tiny_db, open_page):
    # « avril » (1) is not the active snapshot; the URL names it (as it names the active one)
    at = open_page(tiny_db, "accueil", inventaire="1", atelier="1")
    links = [link.proto for link in at.get("page_link") if link.proto.label == T.HOME_WHITE_ZONE_LINK]
    assert links[0].query_string == "inventaire=1&atelier=1&vue=territoire&territoire=REG-93"


def test_changes_since_april_count_cells_up_and_programmes_added_and_ended(tiny_db, open_page):
    at = open_page(tiny_db, "accueil")
    shown = metrics(at)
    assert shown[T.HOME_CELLS_UP] == "3"
    assert shown[T.HOME_CELLS_DOWN] == "0"
    assert shown[T.HOME_PROG_ADDED] == "1"  # P2
    assert shown[T.HOME_PROG_ENDED] == "1"  # P3 ended on 31/05
    # theme labels can be typed by users, so they reach Markdown escaped (plain)
    assert T.HOME_BIGGEST_RISE.format(nom="Auvergne-Rhône-Alpes", theme=plain("Modèle socio-économique et financement"),
                                      avant="0", apres="10") in texts(at)


def test_the_first_snapshot_has_nothing_to_compare_with(tiny_db, open_page):
    at = open_page(tiny_db, "accueil", inventaire="1")
    assert_clean(at)
    assert T.HOME_NO_PREVIOUS in texts(at)
    assert metrics(at)[T.HOME_METRIC_NEEDS] == "2"


def test_a_snapshot_without_programmes_makes_every_need_a_white_zone(no_programmes_db, open_page):
    at = open_page(no_programmes_db, "accueil")
    assert_clean(at)
    assert metrics(at)[T.HOME_METRIC_PROGRAMMES] == "0"
    assert len([link for link in at.get("page_link") if link.proto.label == T.HOME_WHITE_ZONE_LINK]) == 4


def test_a_reader_waiting_for_the_report_sees_the_wait_end_in_the_download(tiny_db, open_page, downloads, store,
                                                                           monkeypatch):
    import threading
    import time

    from inventory.outputs import session_report
    from tests import followup_inventory

    monkeypatch.setattr("ui.report_downloads.GRACE", 0)  # the browser's fetch after the file is made: none here
    at = open_page(tiny_db, "accueil")
    name = "rapport_de_seance_2020-06-30.html"
    assert name in downloads and T.REPORT_DOWNLOADED not in texts(at)
    # another inventory's report is being made when this reader clicks: held until the page follows the wait
    other, first_started, go = followup_inventory.load(store), threading.Event(), threading.Event()
    real = session_report.render

    def held(snap, parts, **kw):
        if not first_started.is_set():
            first_started.set()
            assert go.wait(30)
        return real(snap, parts, **kw)

    monkeypatch.setattr(session_report, "render", held)
    threading.Thread(target=session_report.build_html, args=(store, other), daemon=True).start()
    assert first_started.wait(20)
    got: list[bytes] = []
    click = threading.Thread(target=lambda: got.append(downloads[name]()))  # Streamlit's thread for the click
    click.start()
    ticket = at.session_state["_report_ticket_html"]
    for _ in range(2000):  # until the reader is in the queue, one report ahead
        if ticket.now().ahead == 1:
            break
        time.sleep(0.01)
    assert ticket.now().ahead == 1
    threading.Timer(1.0, go.set).start()
    at.run()  # the click's rerun: the report section follows the reader's wait until the file is made
    click.join(30)
    assert got and got[0].startswith(b"<!DOCTYPE html>")
    assert T.REPORT_DOWNLOADED in [c.value for c in at.caption]
    at.run()  # a later visit says nothing more
    assert T.REPORT_DOWNLOADED not in [c.value for c in at.caption] and T.REPORT_READY in [c.value for c in at.caption]
