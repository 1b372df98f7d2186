"""Les trois défis: each challenge's demand, leads and indicators, on the demo, an empty and a hand-made inventory."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from inventory.intake import importer
from inventory import reference
from inventory import texts as T
from inventory.store import SHEET_COLUMNS
from tests.app.handmade import build, open_page, table, texts

PAGE = "pages/defis.py"
LISTEN, TRAIN, EVALUATE = (c["titre"] for c in reference.challenges())


@pytest.fixture(scope="module")
def april_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("april"))


def rows(frame: pd.DataFrame, key: str) -> dict:
    return {r[key]: r for r in frame.to_dict("records")}


def test_each_challenge_shows_its_demand_and_leads_from_the_reference_file(demo_db, monkeypatch):
    at = open_page(PAGE, demo_db, monkeypatch)
    assert not at.exception
    assert [t.label for t in at.tabs] == [LISTEN, TRAIN, EVALUATE]
    listen = reference.challenges()[0]
    shown = texts(at.markdown)
    assert listen["exigence"] in shown
    assert all(f"- {lead}" in shown for lead in listen["pistes"])


def test_demo_field_needs_count_national_needs_apart_from_the_map(demo_db, monkeypatch):
    at = open_page(PAGE, demo_db, monkeypatch)
    assert T.DEFIS_LISTEN_NATIONAL.format(acteurs="29", score="120") in texts(at.caption)
    regions = rows(table(at, T.COLUMN_LABELS["nom"]), T.COLUMN_LABELS["territoire"])
    assert regions["REG-84"][T.COLUMN_LABELS["acteurs"]] == 321
    assert regions["REG-84"][T.COLUMN_LABELS["score"]] == 1161


def test_an_empty_inventory_is_a_sentence(empty_db, monkeypatch):
    at = open_page(PAGE, empty_db, monkeypatch)
    assert not at.exception
    assert T.NO_SNAPSHOT in texts(at.info)


def test_listen_shows_field_needs_by_region_with_national_needs_apart(april_db, monkeypatch):
    at = open_page(PAGE, april_db, monkeypatch)
    regions = rows(table(at, T.COLUMN_LABELS["nom"]), T.COLUMN_LABELS["territoire"])
    # field needs only: DEP-69 (3 actors, 12) + DEP-01 (2, 4) roll up into REG-84; the support ecosystem's are left out
    assert set(regions) == {"FR", "REG-84", "REG-93"}
    assert (regions["REG-84"]["Acteurs"], regions["REG-84"]["Score"], regions["REG-84"]["Intensité moyenne"]) == (5, 16, 3.2)
    assert (regions["REG-93"]["Acteurs"], regions["REG-93"]["Score"]) == (1, 5)
    assert T.DEFIS_LISTEN_NATIONAL.format(acteurs="10", score="30") in texts(at.caption)


def test_listen_at_departement_level_keeps_departements_apart_and_the_level_lives_in_the_url(april_db, monkeypatch):
    at = open_page(PAGE, april_db, monkeypatch, {"niveau": "departement", "mesure": "acteurs"})
    assert at.radio(key="url_niveau").value == "departement"
    assert at.radio(key="url_mesure").value == "acteurs"
    deps = rows(table(at, T.COLUMN_LABELS["nom"]), T.COLUMN_LABELS["territoire"])
    assert {k: v["Score"] for k, v in deps.items()} == {"FR": 30, "DEP-69": 12, "DEP-01": 4, "DEP-13": 5}
    at.radio(key="url_niveau").set_value("region").run()
    assert "niveau" not in at.query_params  # the default leaves the URL clean


def test_train_compares_support_needs_and_programmes_for_each_audience(april_db, monkeypatch):
    at = open_page(PAGE, april_db, monkeypatch, {"defi": "former"})
    assert not at.exception
    needs = rows(table(at, T.COLUMN_LABELS["thematique"]), T.COLUMN_LABELS["thematique"])
    assert {k: (v["Acteurs"], v["Score"]) for k, v in needs.items()} == {
        "Outils numériques": (4, 8), "Compétences et formation": (2, 6)}
    offer = [t.value for t in at.dataframe if "TPE / PME" in getattr(t.value, "columns", [])][0]
    offer = offer.set_index(T.COLUMN_LABELS["thematique"])
    # P3 names no audience, so it counts for all three
    assert offer.loc["Outils numériques"].tolist() == [2, 2, 1]
    assert offer.loc["Modèle socio-économique et financement"].tolist() == [1, 1, 0]
    assert offer.loc["Juridique"].tolist() == [0, 0, 1]


def test_evaluate_lists_every_sdg_and_warns_about_sdgs_only_needs_cite(april_db, monkeypatch):
    at = open_page(PAGE, april_db, monkeypatch, {"defi": "evaluer"})
    assert not at.exception
    sdgs = rows(table(at, T.DEFIS_COLUMNS["odd"]), T.DEFIS_COLUMNS["odd"])
    assert len(sdgs) == 17
    assert sdgs[9]["Objectif"] == reference.sdgs()[9]
    assert (sdgs[9]["Programmes"], sdgs[9]["Investisseurs"], sdgs[9]["Signalements de besoins"]) == (2, 2, 1)
    assert (sdgs[8]["Programmes"], sdgs[8]["Investisseurs"]) == (1, 2)
    assert (sdgs[16]["Programmes"], sdgs[16]["Investisseurs"]) == (1, 1)
    assert texts(at.warning) == [T.DEFIS_EVAL_UNCOVERED.format(odds=f"4 ({reference.sdgs()[4]})")]
    assert T.DEFIS_EVAL_HEATMAP_CAPTION in texts(at.caption)


def test_a_snapshot_without_programmes_says_so_in_train_and_evaluate(store, monkeypatch):
    frames = {sheet: pd.DataFrame(columns=SHEET_COLUMNS[sheet]) for sheet in ("investisseurs", "programmes")}
    frames["besoins"] = pd.DataFrame([["DEP-69", "terrain", "numerique", 3, 2] + [None] * 4 + [[], None]],
                                     columns=SHEET_COLUMNS["besoins"])
    store.write_snapshot(importer.to_tables(frames), label="Sans programmes", as_of=dt.date(2020, 6, 30))
    at = open_page(PAGE, store.path, monkeypatch, {"defi": "former"})
    assert not at.exception
    assert T.DEFIS_TRAIN_NEEDS_EMPTY in texts(at.info)
    assert T.DEFIS_TRAIN_AUDIENCE_EMPTY in texts(at.info)
    at.query_params["defi"] = "evaluer"
    at.run()
    assert not at.exception
    assert texts(at.info) == [T.DEFIS_EVAL_NO_SDG, T.DEFIS_RESULTS_NONE]  # and no declared result either


def test_a_challenge_link_holds_its_code_and_opens_it_in_either_language(april_db, monkeypatch):
    """The tabs are bound to the URL like every other widget: ``?defi=former`` names the challenge, not its French
    title, so a link opens the same tab for an English reader; the first tab leaves the URL clean."""
    at = open_page(PAGE, april_db, monkeypatch, {"defi": "former", "lang": "en"})
    assert not at.exception
    assert at.query_params["defi"] in ("former", ["former"])
    with T.speaking("en"):
        assert T.DEFIS_TRAIN_NEEDS_HEADER in [s.value for s in [*at.header, *at.subheader]]
    at.query_params["defi"] = "ecouter"
    at.run()
    assert "defi" not in at.query_params
