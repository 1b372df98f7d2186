"""Besoins par territoire: map, matrix, URL-bound filters and a territory's need rows (numbers in tiny.py)."""
from __future__ import annotations

from inventory.outputs import charts
from inventory import reference
from inventory import texts as T
from tests.app.pagetools import assert_clean, chart_configs, figures, map_values, maps, metrics, table, texts, values


def test_demo_page_draws_an_offline_map_with_its_attribution_and_a_matrix(demo_db, open_page):
    at = open_page(demo_db, "besoins")
    assert_clean(at)
    kinds = [[d["type"] for d in f["data"]] for f in figures(at)]
    assert kinds == [["choropleth", "choropleth"], ["heatmap"]]
    assert all(config == charts.OFFLINE for config in chart_configs(at))
    assert reference.MAP_ATTRIBUTION in texts(at)
    assert set(map_values(maps(at)[0])) <= {f["id"] for f in reference.geojson("region")["features"]}


def test_demo_page_maps_departements_when_asked(demo_db, open_page):
    at = open_page(demo_db, "besoins", niveau="departement", mesure="intensite_moyenne")
    assert_clean(at)
    values = map_values(maps(at)[0])
    assert "DEP-69" in values and all(k.startswith("DEP-") for k in values)
    assert all(1 <= v <= 5 for v in values.values())


def test_an_empty_inventory_is_one_sentence(empty_db, open_page):
    at = open_page(empty_db, "besoins")
    assert_clean(at)
    assert [i.value for i in at.info] == [T.NO_SNAPSHOT]


def test_map_shows_actors_by_region_with_departements_rolled_up(tiny_db, open_page):
    at = open_page(tiny_db, "besoins")
    assert_clean(at)
    # REG-84: N1 3 + N2 2 + N3 2; REG-93: N4 4 + N5 1
    assert map_values(maps(at)[0]) == {"REG-84": 7, "REG-93": 5}


def test_score_and_source_filter_change_the_map(tiny_db, open_page):
    at = open_page(tiny_db, "besoins", mesure="score", source="terrain")
    # terrain only: REG-84 12 + 4; REG-93 12 + 5
    assert map_values(maps(at)[0]) == {"REG-84": 16, "REG-93": 17}
    assert "Score : somme" in texts(at)  # the formula sits beside the measure


def test_matrix_has_one_row_per_territory_and_one_column_per_theme_with_needs(tiny_db, open_page):
    at = open_page(tiny_db, "besoins")
    heat = figures(at)[1]["data"][0]
    assert heat["y"] == ["Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur"]
    assert [x.replace("<br>", " ") for x in heat["x"]] == [
        "Modèle socio-économique et financement", "Outils numériques", "Juridique"]
    assert values(heat["z"]) == [[2, 5, None], [1, None, 4]]


def test_a_region_shows_its_totals_and_the_need_rows_of_its_departements(tiny_db, open_page):
    at = open_page(tiny_db, "besoins", territoire="REG-84", source="terrain")
    assert_clean(at)
    assert metrics(at) == {"Acteurs": "5", "Score": "16", T.NEEDS_METRIC_INTENSITY: "3,20"}
    themes = table(at, 0)  # the territory's themes, the biggest need first: terrain needs here are all digital
    assert themes[[T.COLUMN_LABELS["thematique"], T.COLUMN_LABELS["score"]]].values.tolist() == [["Outils numériques", 16]]
    rows = table(at, 1)
    assert list(rows["Identifiant"]) == ["N1", "N2"]  # largest score first: 12 then 4
    assert list(rows["Territoire"]) == ["Rhône", "Isère"]
    assert list(rows["Thématique"]) == ["Outils numériques", "Outils numériques"]
    assert list(rows["Source"]) == [reference.SOURCES["terrain"]] * 2
    # the map's and the matrix's numbers as tables (folded under them), its themes, its need rows: each downloads
    assert [b.label for b in at.get("download_button")] == [T.DOWNLOAD_CSV, T.DOWNLOAD_XLSX] * 4


def test_a_departement_at_departement_level(tiny_db, open_page):
    at = open_page(tiny_db, "besoins", niveau="departement", territoire="DEP-69")
    # N1 3 × 4 and N3 2 × 5: 5 actors, score 22, mean 4,4
    assert metrics(at) == {"Acteurs": "5", "Score": "22", T.NEEDS_METRIC_INTENSITY: "4,40"}
    assert len(table(at, 1)) == 2


def test_filters_matching_nothing_are_a_sentence(tiny_db, open_page):
    at = open_page(tiny_db, "besoins", public="tpe_pme")
    assert_clean(at)
    assert T.NEEDS_NONE_FOR_FILTERS in texts(at)
    assert not figures(at)


def test_a_snapshot_without_programmes_still_shows_its_needs(no_programmes_db, open_page):
    at = open_page(no_programmes_db, "besoins")
    assert_clean(at)
    assert map_values(maps(at)[0]) == {"REG-84": 7, "REG-93": 5}


def test_a_shared_url_reopens_the_same_filters(tiny_db, open_page):
    at = open_page(tiny_db, "besoins", source="terrain", public="association", secteur="culture",
                   thematiques="numerique,juridique", niveau="departement", mesure="score", territoire="DEP-69")
    assert_clean(at)
    assert at.radio(key="url_source").value == "terrain"
    assert at.selectbox(key="url_public").value == "association"
    assert at.selectbox(key="url_secteur").value == "culture"
    assert at.multiselect(key="url_thematiques").value == ["numerique", "juridique"]
    assert at.radio(key="url_niveau").value == "departement"
    assert at.radio(key="url_mesure").value == "score"
    assert at.selectbox(key="url_territoire").value == "DEP-69"
    assert metrics(at)["Score"] == "12"  # only N1 is terrain, association, culture, in these themes


def test_changing_a_filter_writes_it_into_the_url_and_the_default_leaves_it(tiny_db, open_page):
    at = open_page(tiny_db, "besoins")
    at.radio(key="url_mesure").set_value("intensite_moyenne").run()
    at.multiselect(key="url_thematiques").select("juridique").run()
    at.selectbox(key="url_territoire").set_value("REG-93").run()
    assert at.query_params["mesure"] == "intensite_moyenne"
    assert at.query_params["thematiques"] == "juridique"
    assert at.query_params["territoire"] == "REG-93"
    assert map_values(maps(at)[0]) == {"REG-93": 3}  # juridique only: N4 4 × 3 / 4
    at.radio(key="url_mesure").set_value("acteurs").run()
    assert "mesure" not in at.query_params


def test_a_region_row_at_departement_level_shows_only_the_needs_entered_for_the_whole_region(tiny_db, open_page):
    # REG-93 holds N4 (entered for the region, 4 × 3) and, through Bouches-du-Rhône, N5 (1 × 5)
    at = open_page(tiny_db, "besoins", niveau="departement", territoire="REG-93")
    assert_clean(at)
    assert metrics(at) == {"Acteurs": "4", "Score": "12", T.NEEDS_METRIC_INTENSITY: "3,00"}  # N4 alone, as its row
    assert list(table(at, 1)["Identifiant"]) == ["N4"]
    assert T.FORMULAS["ligne_region"] in texts(at)
    at = open_page(tiny_db, "besoins", territoire="REG-93")  # region level: N4 + N5, 5 actors, 17 / 5 = 3,40
    assert metrics(at) == {"Acteurs": "5", "Score": "17", T.NEEDS_METRIC_INTENSITY: "3,40"}
    assert list(table(at, 1)["Identifiant"]) == ["N4", "N5"]
