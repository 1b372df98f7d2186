"""Évolution: two snapshots compared — needs up and down, programmes added, ended, withdrawn and changed."""
from __future__ import annotations

import pytest

from inventory import texts as T
from tests.app.handmade import build, open_page, table, texts

PAGE = "pages/evolution.py"
C = T.EVOL_COLUMNS


@pytest.fixture(scope="module")
def april_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("april"))


@pytest.fixture(scope="module")
def two_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("april_june"), june=True)


def metrics(at) -> dict[str, tuple[str, str | None]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_an_empty_inventory_is_a_sentence(empty_db, monkeypatch):
    at = open_page(PAGE, empty_db, monkeypatch)
    assert not at.exception
    assert T.NO_SNAPSHOT in texts(at.info)


def test_a_single_snapshot_explains_that_two_are_needed(april_db, monkeypatch):
    at = open_page(PAGE, april_db, monkeypatch)
    assert not at.exception
    assert texts(at.info) == [T.EVOL_NEED_TWO]
    assert not at.main.selectbox  # (the sidebar's snapshot picker stays)


def test_the_demo_compares_april_with_june_by_default(demo_db, monkeypatch):
    at = open_page(PAGE, demo_db, monkeypatch)
    assert not at.exception
    assert (at.selectbox(key="url_avant").value, at.selectbox(key="url_apres").value) == (1, 2)
    shown = metrics(at)
    # the demo story: four recovery programmes start, three emergency ones and a legal one end
    assert shown[T.EVOL_CHANGE_LABELS["ajouté"]][0] == "4"
    assert shown[T.EVOL_CHANGE_LABELS["terminé"]][0] == "4"
    assert shown[T.EVOL_METRIC_SIGNALS] == ("420", "+160")


def test_hand_made_needs_up_and_down_and_every_kind_of_programme_change(two_db, monkeypatch):
    at = open_page(PAGE, two_db, monkeypatch)
    assert not at.exception
    assert (at.selectbox(key="url_avant").value, at.selectbox(key="url_apres").value) == (1, 2)
    up = table(at, C["nom"])
    # the change first, beside where and what; the territory's code last
    assert list(up.columns)[:4] + list(up.columns)[-1:] == [C["nom"], C["thematique"], C["ecart_score"],
                                                          C["ecart_acteurs"], C["territoire"]]
    # REG-84 digital: DEP-69 went from 4 × 3 = 12 to 4 × 5 = 20
    assert up.to_dict("records") == [{
        C["territoire"]: "REG-84", C["nom"]: "Auvergne-Rhône-Alpes", C["thematique"]: "Outils numériques",
        C["acteurs_avant"]: 3, C["acteurs_apres"]: 5, C["ecart_acteurs"]: 2,
        C["score_avant"]: 12, C["score_apres"]: 20, C["ecart_score"]: 8}]
    down = [d.value for d in at.dataframe if C["territoire"] in getattr(d.value, "columns", [])][1]
    assert down[[C["territoire"], C["thematique"], C["score_avant"], C["score_apres"], C["ecart_score"]]].values.tolist() == [
        ["REG-84", "Juridique", 4, 0, -4]]
    P = T.EVOL_PROG_COLUMNS
    changes = table(at, P["nom"]).set_index(P["id"])[P["changement"]].to_dict()
    assert changes == {"P1": "modifié", "P2": "terminé", "P3": "retiré", "P4": "ajouté"}
    shown = metrics(at)
    assert shown[T.EVOL_METRIC_SIGNALS] == ("5", "-1")
    assert [shown[T.EVOL_CHANGE_LABELS[k]][0] for k in ("ajouté", "terminé", "retiré", "modifié")] == ["1"] * 4


def test_the_url_reopens_the_same_comparison_and_filters(two_db, monkeypatch):
    at = open_page(PAGE, two_db, monkeypatch, {"avant": "1", "apres": "2", "niveau": "departement"})
    assert not at.exception
    assert (at.selectbox(key="url_avant").value, at.selectbox(key="url_apres").value) == (1, 2)
    assert at.radio(key="url_niveau").value == "departement"
    moves = [d.value for d in at.dataframe if C["territoire"] in getattr(d.value, "columns", [])]
    # from April to June, at département level: DEP-69 digital rises (+8), DEP-01 legal is gone (−4)
    assert moves[0][[C["territoire"], C["ecart_score"]]].values.tolist() == [["DEP-69", 8]]
    assert moves[1][[C["territoire"], C["ecart_score"]]].values.tolist() == [["DEP-01", -4]]
    at.selectbox(key="url_source").set_value("ingenierie").run()
    assert at.query_params["source"] == "ingenierie"
    assert T.EVOL_NO_NEED_CHANGE in texts(at.info)


def test_a_start_later_than_the_end_is_refused_with_an_explanation(two_db, monkeypatch):
    at = open_page(PAGE, two_db, monkeypatch, {"avant": "2", "apres": "1"})  # June (30/06) → April (30/04)
    assert not at.exception
    assert T.EVOL_START_AFTER_END.format(before="Juin", before_date="30/06/2020", after="Avril",
                                         after_date="30/04/2020") in texts(at.warning)
    assert not at.metric and not at.dataframe  # nothing compared backwards


def test_showing_the_oldest_snapshot_compares_it_with_the_next_one_not_backwards(two_db, monkeypatch):
    at = open_page(PAGE, two_db, monkeypatch, {"inventaire": "1"})
    assert (at.selectbox(key="url_avant").value, at.selectbox(key="url_apres").value) == (1, 2)
    assert not [w for w in at.warning if w.value.startswith(T.EVOL_START_AFTER_END[:30])]


def test_the_same_snapshot_twice_asks_for_two_different_ones(two_db, monkeypatch):
    at = open_page(PAGE, two_db, monkeypatch, {"avant": "2"})
    assert not at.exception
    assert T.EVOL_SAME in texts(at.info)


def test_white_zones_closed_and_opened_on_the_demo(demo_db, monkeypatch):
    # region level, 30/04 → 30/06: new programmes (P21, P24…) reach 12 white zones; 6 open, among them Provence ×
    # juridique, whose need was wholly reached on 30/04 by the legal programme P14 that ended on 15/06
    at = open_page(PAGE, demo_db, monkeypatch)
    assert not at.exception
    shown = metrics(at)
    assert shown[T.EVOL_WZ_CLOSED][0] == "12" and shown[T.EVOL_WZ_OPENED][0] == "6"
    zones = next(d.value for d in at.dataframe if T.TABLE_LABELS["part_couverte_avant"] in d.value.columns)
    paca = zones[(zones[T.TABLE_LABELS["nom"]] == "Provence-Alpes-Côte d'Azur")
                 & (zones[T.TABLE_LABELS["thematique"]] == "Juridique")]
    assert paca[[T.TABLE_LABELS["changement"], T.TABLE_LABELS["part_couverte_avant"],
                 T.TABLE_LABELS["part_couverte_apres"]]].values.tolist() == [["ouverte", 100, 0]]
