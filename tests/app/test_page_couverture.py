"""Couverture et lacunes: coverage map and matrix, white zones and tension, the catalogue, one territory's first
and last mile (numbers in tiny.py)."""
from __future__ import annotations

import pytest

from inventory.outputs import charts
from inventory import reference
from inventory.texts import FORMULAS
from inventory import texts as T
from tests.app.pagetools import (assert_clean, chart_configs, figures, map_values, maps, metrics, table, texts,
                                 values)

ZB = T.CHART_WHITE_ZONE_MARK
MODELE = "Modèle socio-économique et financement"


@pytest.mark.parametrize("view", list(T.COVER_VIEWS))
def test_every_view_of_the_demo_opens_without_error(demo_db, open_page, view):
    at = open_page(demo_db, "couverture", vue=view, territoire="REG-93")
    assert_clean(at)
    assert all(config == charts.OFFLINE for config in chart_configs(at))
    if maps(at):
        assert reference.MAP_ATTRIBUTION in texts(at)


def test_an_empty_inventory_is_one_sentence(empty_db, open_page):
    at = open_page(empty_db, "couverture")
    assert_clean(at)
    assert [i.value for i in at.info] == [T.NO_SNAPSHOT]


def test_map_counts_white_zone_themes_per_region(tiny_db, open_page):
    at = open_page(tiny_db, "couverture")
    assert_clean(at)
    assert metrics(at) == {T.CHART_WHITE_ZONES: "2", T.COLUMN_LABELS["alliance"]: "1"}
    counts = map_values(maps(at)[0])
    # the national P2 reaches every region (0 white zones); modele_socio_eco is uncovered in REG-84 and REG-93
    assert len(counts) == 18 and counts["REG-84"] == 1 and counts["REG-93"] == 1 and sum(counts.values()) == 2
    assert reference.MAP_ATTRIBUTION in texts(at)


def test_map_of_one_theme_shows_the_part_of_its_need_reached(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", thematique_carte="numerique")
    parts = map_values(maps(at)[0])
    assert parts == {"REG-84": 100}  # N1 and N2, both reached by P1 (REG-84) and P2 (national); no other need


def test_matrix_marks_white_zones(tiny_db, open_page):
    at = open_page(tiny_db, "couverture")
    heat = next(f["data"][0] for f in figures(at) if f["data"][0]["type"] == "heatmap")
    rows = dict(zip(heat["y"], values(heat["text"])))
    columns = [x.replace("<br>", " ") for x in heat["x"]]
    assert rows["Auvergne-Rhône-Alpes"][columns.index(MODELE)] == ZB
    assert rows["Auvergne-Rhône-Alpes"][columns.index("Outils numériques")] == "2"
    assert sum(row.count(ZB) for row in rows.values()) == 2


def test_white_zones_and_tension_are_ranked_with_their_formulas(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", vue="lacunes")
    assert_clean(at)
    zones = table(at, 0)
    assert zones[["Territoire", "Thématique", "Acteurs", "Score"]].values.tolist() == [
        ["Auvergne-Rhône-Alpes", MODELE, 2, 10], ["Provence-Alpes-Côte d'Azur", MODELE, 1, 5]]
    tension = table(at, 1)
    assert tension[["Territoire", "Tension", "Programmes"]].values.tolist() == [
        ["Auvergne-Rhône-Alpes", 10.0, 0],  # 10 / (1 + 0)
        ["Provence-Alpes-Côte d'Azur", 6.0, 1],  # 12 / (1 + 1)
        ["Auvergne-Rhône-Alpes", 5.33, 2],  # 16 / (1 + 2)
        ["Provence-Alpes-Côte d'Azur", 5.0, 0]]
    shown = texts(at)
    assert FORMULAS["zone_blanche"] in shown and FORMULAS["tension"] in shown


def test_source_filter_narrows_white_zones(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", vue="lacunes", source="ingenierie")
    assert table(at, 0)[["Territoire", "Score"]].values.tolist() == [["Auvergne-Rhône-Alpes", 10]]


@pytest.mark.parametrize("params, expected", [
    ({}, ["P1", "P2", "P3"]),
    ({"investisseur": "FA"}, ["P1", "P3"]),
    ({"actif_le": "2020-06-30"}, ["P1", "P2"]),  # P3 ended on 31/05
    ({"territoire": "REG-93"}, ["P2"]),  # only the national programme reaches it
    ({"territoire": "DEP-69"}, ["P1", "P2", "P3"]),  # its region's, the national and its own
    ({"phase": "relance", "public": "association"}, ["P1"]),
    ({"nature": "subvention", "thematique": "juridique"}, ["P2"]),
])
def test_catalogue_filters(tiny_db, open_page, params, expected):
    at = open_page(tiny_db, "couverture", vue="catalogue", **params)
    assert_clean(at)
    assert list(table(at)["Identifiant"]) == expected
    assert T.plural(T.COVER_CATALOGUE_COUNT, n=len(expected)).format(n=len(expected)) in texts(at)


def test_catalogue_speaks_french(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", vue="catalogue", investisseur="FA")
    first = table(at).iloc[0]
    assert first["Programme"] == "Numérique en Auvergne-Rhône-Alpes"
    assert first["Phase"] == "Relance"
    assert first["Investisseurs"] == "Fondation Alpha (fictive)"
    assert first["Territoires atteints"] == "Auvergne-Rhône-Alpes"
    assert first["Thématiques"] == "Outils numériques"


def test_catalogue_filters_matching_nothing_are_a_sentence(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", vue="catalogue", phase="structurel")
    assert_clean(at)
    assert T.COVER_CATALOGUE_NONE in texts(at)


def test_a_territory_shows_its_needs_beside_the_programmes_reaching_it(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", vue="territoire", territoire="REG-84")
    assert_clean(at)
    needs = table(at, 0)
    assert needs[["Thématique", "Acteurs", "Score", "Programmes", "Tension", "Zone blanche"]].values.tolist() == [
        [MODELE, 2, 10, 0, 10.0, True], ["Outils numériques", 5, 16, 2, 5.33, False]]
    reaching = table(at, 1)
    assert list(reaching["Programme"]) == ["Numérique en Auvergne-Rhône-Alpes", "Fonds national"]  # P3 has ended
    rows = table(at, 2)  # the need signals, a region holding its départements
    assert list(rows["Territoire"]) == ["Rhône", "Rhône", "Isère"]


def test_a_territory_without_a_choice_asks_for_one(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", vue="territoire")
    assert_clean(at)
    assert T.COVER_TERRITORY_PICK in texts(at)


def test_a_snapshot_without_programmes_says_so_and_lists_every_need_as_white_zone(no_programmes_db, open_page):
    at = open_page(no_programmes_db, "couverture", vue="lacunes")
    assert_clean(at)
    assert T.COVER_NO_PROGRAMMES in texts(at)
    assert len(table(at, 0)) == 4
    at = open_page(no_programmes_db, "couverture", vue="territoire", territoire="REG-84")
    assert_clean(at)
    assert T.COVER_TERRITORY_NO_PROGRAMMES in texts(at)
    at = open_page(no_programmes_db, "couverture", vue="catalogue")
    assert T.COVER_CATALOGUE_NONE in texts(at)


def test_a_shared_url_reopens_the_same_catalogue(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", vue="catalogue", phase="relance", investisseur="FA", thematique="numerique",
                   territoire="REG-84", public="association", nature="formation", actif_le="2020-06-30")
    assert_clean(at)
    assert at.radio(key="url_vue").value == "catalogue"
    assert [at.selectbox(key=f"url_{k}").value for k in ("phase", "investisseur", "thematique", "territoire",
                                                           "public", "nature")] == [
        "relance", "FA", "numerique", "REG-84", "association", "formation"]
    assert str(at.date_input(key="url_actif_le").value) == "2020-06-30"
    assert list(table(at)["Identifiant"]) == ["P1"]


def test_changing_the_view_and_a_filter_writes_them_into_the_url(tiny_db, open_page):
    at = open_page(tiny_db, "couverture")
    at.radio(key="url_vue").set_value("catalogue").run()
    at.selectbox(key="url_phase").set_value("urgence").run()
    assert at.query_params["vue"] == "catalogue"
    assert at.query_params["phase"] == "urgence"
    assert list(table(at)["Identifiant"]) == ["P2"]
    at.radio(key="url_vue").set_value("carte").run()
    assert "vue" not in at.query_params


# --- coverage where the need is (the inventory of tests/test_analytics.py, at 30/06/2020) --------------------------
# Q1 (Alpha) DEP-13 cooperation; Q2 (Beta) DEP-69 numerique. Needs: Vaucluse (DEP-84) cooperation 4 × 3 = 12 (not
# reached); DEP-69 numerique 3 × 2 = 6 (reached by Q2); REG-84 numerique 5 × 2 = 10 and DEP-38 numerique 2 × 2 = 4
# (not reached). Region level: REG-84 × numerique score 20, score_couvert 6, part 30 %, 1 programme;
# REG-93 × cooperation score 12, 0 reached, 1 programme (in Bouches-du-Rhône): white zone.
COOP, NUM = "Alliances et coopération", "Outils numériques"


@pytest.fixture(scope="module")
def where_db(tmp_path_factory):
    from inventory.store import Store
    from tests.app.tiny import JUNE
    from tests.builders import frames

    def need(territoire, thematique, intensite, nb_acteurs, i):
        return {"territoire": territoire, "source": "terrain", "thematique": thematique, "intensite": intensite,
                "nb_acteurs": nb_acteurs, "id": f"n{i}"}

    path = tmp_path_factory.mktemp("where") / "inventory.duckdb"
    store = Store(path)
    store.write_snapshot(frames(
        [{"id": "A", "nom": "Alpha", "type": "fondation"}, {"id": "B", "nom": "Beta", "type": "institution"}],
        [{"id": "Q1", "nom": "Bouches-du-Rhône", "investisseurs": ["A"], "phase": "relance",
          "thematiques": ["cooperation"], "territoires": ["DEP-13"]},
         {"id": "Q2", "nom": "Rhône", "investisseurs": ["B"], "phase": "relance", "thematiques": ["numerique"],
          "territoires": ["DEP-69"]}],
        [need("DEP-84", "cooperation", 4, 3, 1), need("DEP-69", "numerique", 3, 2, 2),
         need("REG-84", "numerique", 5, 2, 3), need("DEP-38", "numerique", 2, 2, 4)]), label="où", as_of=JUNE)
    store.close()
    return path


def test_unreached_needs_are_ranked_with_the_part_reached_in_words(where_db, open_page):
    at = open_page(where_db, "couverture", vue="lacunes")
    assert_clean(at)
    gaps = table(at, 0)
    assert gaps[["Territoire", "Thématique", "Score", "Score couvert", "Part du besoin atteinte (%)", "Couverture",
                 "Zone blanche"]].values.tolist() == [
        ["Auvergne-Rhône-Alpes", NUM, 20, 6, 30, "1 programme dans la région, 30\u202f% du besoin atteint", False],
        ["Provence-Alpes-Côte d'Azur", COOP, 12, 0, 0, "1 programme dans la région, 0\u202f% du besoin atteint", True]]
    assert FORMULAS["zone_blanche"] in texts(at) and FORMULAS["part_couverte"] in texts(at)


def test_pages_show_exactly_the_matrix_numbers(where_db, open_page):
    from inventory.analysis import coverage
    from inventory.store import Store

    store = Store(where_db)
    m = coverage.need_matrix(store, store.active_snapshot_id())
    store.close()
    at = open_page(where_db, "couverture")
    assert_clean(at)
    heat = next(f["data"][0] for f in figures(at) if f["data"][0]["type"] == "heatmap")
    shown = {(y, x.replace("<br>", " ")): v for y, row in zip(heat["y"], values(heat["z"]))
             for x, v in zip(heat["x"], row) if v is not None}
    names = {"numerique": NUM, "cooperation": COOP}
    expected = {(r.nom, names[r.thematique]): float(charts.half_up(100 * r.part_couverte, 0))
                for r in m[m["score"] > 0].itertuples()}
    assert shown == expected == {("Auvergne-Rhône-Alpes", NUM): 30.0, ("Provence-Alpes-Côte d'Azur", COOP): 0.0}
    assert metrics(at)[T.CHART_WHITE_ZONES] == "1"
    assert FORMULAS["alliance"] in texts(at)  # the map view explains « opportunité d'alliance » too


def test_a_region_row_at_departement_level_holds_only_its_region_level_needs(where_db, open_page):
    at = open_page(where_db, "couverture", vue="territoire", territoire="REG-84", niveau="departement")
    assert_clean(at)
    first_mile = table(at, 0)
    # only n3 (REG-84 numerique 5 × 2): Q2 is a département programme, so 0 % of it is reached
    assert first_mile[["Thématique", "Acteurs", "Score", "Programmes", "Score couvert", "Couverture"]] \
        .values.tolist() == [[NUM, 2, 10, 1, 0, "1 programme dans la région, 0\u202f% du besoin atteint"]]
    assert FORMULAS["ligne_region"] in texts(at)
    at = open_page(where_db, "couverture", vue="territoire", territoire="REG-84")  # region level: n2, n3, n4
    assert table(at, 0)[["Acteurs", "Score", "Score couvert"]].values.tolist() == [[6, 20, 6]]


def test_the_catalogue_says_which_programmes_are_active(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", vue="catalogue")
    assert_clean(at)
    catalogue = table(at, 0)
    assert catalogue[["Identifiant", T.TABLE_LABELS["actif"]]].values.tolist() == [
        ["P1", True], ["P2", True], ["P3", False]]  # P3 ended on 31/05
    assert FORMULAS["actif"] in texts(at)


def test_the_catalogue_lists_an_aids_application_deadline_apart_from_its_end(tmp_path, open_page):
    """Issue 24: AT-102 takes applications until 30/06/2024; on 30/09/2024 it is listed as active, with no end,
    and its deadline in a column of its own."""
    import datetime as dt

    import pandas as pd

    from inventory.intake.importer import import_files
    from inventory.store import Store
    from tests.app.tiny import build
    from tests.test_catalogues import AIDS, page

    db = build(tmp_path / "inventory.duckdb", [], demo_data=True)
    (tmp_path / "aides.json").write_bytes(page(AIDS))
    store = Store(db)
    try:
        assert import_files(store, [tmp_path / "aides.json"], as_of=dt.date(2024, 9, 30)).ok
    finally:
        store.close()
    at = open_page(db, "couverture", vue="catalogue")
    assert_clean(at)
    row = table(at).set_index(T.TABLE_LABELS["id"]).loc["AT-102"]
    assert pd.Timestamp(row[T.TABLE_LABELS["date_limite_candidature"]]) == pd.Timestamp(2024, 6, 30)
    assert pd.isna(row[T.TABLE_LABELS["date_fin"]]) and bool(row[T.TABLE_LABELS["actif"]]) is True
