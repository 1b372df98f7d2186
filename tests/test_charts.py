"""The figures of the exploration pages, built from small hand-made frames shaped like analytics results."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from inventory import formats, reference
from inventory.analysis import base, needs
from inventory.outputs import charts
from inventory import texts as T

CELLS = pd.DataFrame({
    "territoire": ["FR", "REG-84", "REG-84", "REG-93", "REG-11"],
    "nom": ["France", "Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur", "Île-de-France"],
    "thematique": ["juridique", "numerique", "modele_socio_eco", "juridique", "numerique"],
    "acteurs": [10, 5, 2, 4, 0],
    "score": [30, 16, 10, 12, 0],
    "intensite_moyenne": [3.0, 3.2, 5.0, 3.0, math.nan],
    "programmes": [1, 2, 0, 1, 3],
    "tension": [15.0, 5.33, 10.0, 6.0, 0.0],
    "zone_blanche": [False, False, True, True, False],
    "investisseurs": [1, 2, 0, 1, 2],
    # REG-84 numerique: 10 of 16 reached (0.625); REG-93 juridique: its one programme reaches none of its need
    "score_couvert": [30, 10, 0, 0, 0],
    "part_couverte": [1.0, 0.625, 0.0, 0.0, math.nan],
})
THEMES = {"numerique": "Outils numériques", "juridique": "Juridique", "modele_socio_eco": "Modèle socio-économique"}


def grid(z) -> list[list]:
    return [[None if (v is None or (isinstance(v, float) and math.isnan(v))) else v for v in row] for row in z]


def test_offline_config_points_plotly_at_our_own_topojson():
    assert charts.OFFLINE["topojsonURL"] == "app/static/plotly_topojson/"
    assert (reference.DATA_DIR.parent / "static" / "plotly_topojson" / "world_110m.json").exists()


def test_need_heatmap_has_a_row_per_territory_with_needs_and_blank_cells_without():
    fig = charts.need_heatmap(CELLS, "acteurs", theme_labels=THEMES)
    heat = fig.data[0]
    assert list(heat.y) == ["France", "Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur"]  # Île-de-France: no need
    assert [x.replace("<br>", " ") for x in heat.x] == ["Juridique", "Outils numériques", "Modèle socio-économique"]
    assert grid(heat.z) == [[10, None, None], [None, 5, 2], [4, None, None]]
    assert heat.colorscale == charts.go.Heatmap(colorscale=charts.NEED_SCALE).colorscale
    assert "Acteurs : " in heat.hovertemplate


def test_heatmap_writes_numbers_the_french_way():
    fig = charts.need_heatmap(CELLS, "intensite_moyenne", theme_labels=THEMES)
    assert fig.layout.separators == ",\u202f"
    assert fig.data[0].texttemplate == "%{z:,.2f}"
    assert (fig.data[0].zmin, fig.data[0].zmax) == (1, 5)  # mean intensity keeps its 1–5 scale


def test_coverage_heatmap_writes_zb_in_white_zones_and_counts_elsewhere():
    heat = charts.coverage_heatmap(CELLS, theme_labels=THEMES).data[0]
    rows = dict(zip(heat.y, heat.text.tolist()))
    columns = [x.replace("<br>", " ") for x in heat.x]
    assert rows["Auvergne-Rhône-Alpes"][columns.index("Modèle socio-économique")] == T.CHART_WHITE_ZONE_MARK
    assert rows["Auvergne-Rhône-Alpes"][columns.index("Outils numériques")] == "2"
    assert rows["Île-de-France"][columns.index("Outils numériques")] == "3"  # covered, no need: still shown
    z = dict(zip(heat.y, heat.z.tolist()))
    assert math.isnan(z["Île-de-France"][columns.index("Outils numériques")])  # …but uncoloured: no need here
    assert z["Auvergne-Rhône-Alpes"][columns.index("Modèle socio-économique")] == 0  # a white zone is 0 %
    # a programme in the region but none of the need reached: a white zone, said in words on hover
    assert rows["Provence-Alpes-Côte d'Azur"][columns.index("Juridique")] == T.CHART_WHITE_ZONE_MARK
    words = dict(zip(heat.y, heat.customdata.tolist()))
    assert words["Provence-Alpes-Côte d'Azur"][columns.index("Juridique")] == (
        "1 programme dans la région, 0\u202f% du besoin atteint")
    # colour: the part reached in %, half-up (62.5 → 63)
    z = dict(zip(heat.y, heat.z.tolist()))
    assert z["Auvergne-Rhône-Alpes"][columns.index("Outils numériques")] == 63
    assert (heat.zmin, heat.zmax) == (0, 100)


def test_displayed_decimals_round_half_up():
    # 2.525 is stored as 2.52499…: Python's format and the browser's would show 2,52 next to 4,13 for 4.125
    assert formats.number(2.525, 2) == "2,53" and formats.number(4.125, 2) == "4,13"
    assert formats.number(0.5) == "1" and formats.number(2.5) == "3" and formats.number(1234567.8, 1) == "1\u202f234\u202f567,8"
    assert formats.number(None) == "–" and formats.number(math.nan, 2) == "–"
    table = charts.table_view(pd.DataFrame({"nom": ["a", "b"], "intensite_moyenne": [2.525, 4.125],
                                            "part_couverte": [0.625, 1 / 3]}), ["nom", "intensite_moyenne", "part_couverte"])
    assert table[T.TABLE_LABELS["intensite_moyenne"]].tolist() == [2.53, 4.13]
    assert table[T.TABLE_LABELS["part_couverte"]].tolist() == [63, 33]  # shown in %
    fig = charts.need_heatmap(CELLS.assign(intensite_moyenne=[2.525, 4.125, 5.0, 3.0, math.nan]), "intensite_moyenne")
    assert 2.53 in [round(v, 2) for row in fig.data[0].z.tolist() for v in row if v == v]


def test_a_cell_s_coverage_in_words():
    words = charts.coverage_words(CELLS)
    assert words.tolist()[:2] == ["1 programme au niveau national, 100\u202f% du besoin atteint",
                                  "2 programmes dans la région, 63\u202f% du besoin atteint"]


def test_per_territory_adds_needs_and_recomputes_mean_intensity():
    totals = charts.per_territory(CELLS).set_index("territoire")
    assert totals.loc["REG-84", "acteurs"] == 7 and totals.loc["REG-84", "score"] == 26
    assert totals.loc["REG-84", "intensite_moyenne"] == 26 / 7
    assert totals.loc["REG-84", "part_couverte"] == 10 / 26  # 10 of 16 + 0 of 10 reached
    assert totals.loc["REG-84", "zones_blanches"] == 1 and totals.loc["REG-93", "zones_blanches"] == 1


def test_france_map_colours_territories_with_needs_and_greys_the_rest():
    fig = charts.france_map(CELLS, "acteurs", "region")
    grey, coloured = fig.data
    assert dict(zip(coloured.customdata, coloured.z)) == {"REG-84": 7, "REG-93": 4}  # FR has no outline
    assert list(coloured.locations) == ["84", "93"]  # the outlines' INSEE codes
    every = {f["id"] for f in reference.geojson("region")["features"]}
    assert set(grey.customdata) == every - {"REG-84", "REG-93"}
    assert fig.layout.geo.visible is False and fig.layout.geo.fitbounds == "locations"
    assert (coloured.zmin, coloured.zmax) == (0, 7)


def test_france_map_outlines_come_from_our_static_folder_as_copies_of_the_reference_files():
    for level, name in (("region", "regions"), ("departement", "departements")):
        trace = charts.france_map(CELLS, "acteurs", level).data[0]
        assert trace.geojson == charts.GEOJSON_URL[level] and trace.featureidkey == "properties.code"
        served = reference.DATA_DIR.parent / trace.geojson.removeprefix("app/")
        assert served.read_bytes() == (reference.GEO_DIR / f"{name}.geojson").read_bytes()


def test_france_map_of_mean_intensity_spans_one_to_five():
    coloured = charts.france_map(CELLS, "intensite_moyenne", "region").data[1]
    assert (coloured.zmin, coloured.zmax) == (1, 5)
    assert dict(zip(coloured.customdata, coloured.z))["REG-84"] == round(26 / 7, 2)


def test_france_map_at_departement_level_uses_departement_outlines():
    frame = pd.DataFrame({"territoire": ["DEP-69", "DEP-974", "REG-84"], "nom": ["Rhône", "La Réunion", "ARA"],
                          "acteurs": [3, 2, 9], "score": [12, 10, 9]})
    grey, coloured = charts.france_map(frame, "score", "departement").data
    assert dict(zip(coloured.customdata, coloured.z)) == {"DEP-69": 12, "DEP-974": 10}  # no region outline here
    assert list(coloured.locations) == ["69", "974"]
    assert len(grey.locations) + len(coloured.locations) == 101


def test_map_labels_and_hover_are_french_and_larger_in_workshop_mode():
    fig = charts.france_map(CELLS, "score", "region", large=True)
    assert fig.data[1].colorbar.title.text == T.MEASURE_LABELS["score"]
    assert fig.layout.font.size == charts.font_size(True) > charts.font_size(False)
    assert T.CHART_NO_VALUE in fig.data[0].hovertemplate


def test_map_location_reads_the_clicked_territory():
    assert charts.map_location({"selection": {"points": [{"customdata": "REG-84", "location": "REG-84"}]}}) == "REG-84"
    assert charts.map_location({"selection": {"points": [{"location": "DEP-69"}]}}) == "DEP-69"
    assert charts.map_location({"selection": {"points": []}}) is None
    assert charts.map_location(None) is None


def test_cofunding_network_draws_one_node_per_cofunding_investor_and_one_line_per_pair():
    edges = pd.DataFrame({"source": ["A", "A"], "cible": ["B", "C"], "nom_source": ["Alpha", "Alpha"],
                          "nom_cible": ["Beta", "Gamma"], "programmes": [2, 1]})
    investors = pd.DataFrame({"id": ["A", "B", "C", "D"], "nom": ["Alpha", "Beta", "Gamma", "Delta"],
                              "programmes": [3, 2, 1, 1]})
    fig = charts.cofunding_network(edges, investors)
    nodes = fig.data[-1]
    assert list(nodes.text) == ["Alpha", "Beta", "Gamma"]  # by their names, not their codes; D co-funds nothing
    lines = sorted((t for t in fig.data if t.mode == "lines"), key=lambda t: t.line.width)
    position = dict(zip(nodes.text, zip(nodes.x, nodes.y)))
    thin, thick = ([(x, y) for x, y in zip(t.x, t.y) if x is not None] for t in lines)
    assert thick == [position["Alpha"], position["Beta"]]  # two programmes together: the thicker line
    assert thin == [position["Alpha"], position["Gamma"]]
    assert charts.cofunding_network(edges.iloc[0:0], investors).layout.annotations[0].text == T.CHART_EMPTY


def test_table_view_relabels_codes_lists_and_headings():
    frame = pd.DataFrame({"nom": ["Fonds"], "phase": ["relance"], "thematiques": ["numerique ; juridique"],
                          "territoires": ["REG-84 ; DEP-69"], "publics": ["association"], "budget_eur": [1000.0]})
    view = charts.table_view(frame, ["nom", "phase", "thematiques", "territoires", "publics", "budget_eur"],
                             theme_labels=THEMES, headings=T.PROGRAMME_HEADINGS)
    assert list(view.columns) == ["Programme", "Phase", "Thématiques", "Territoires atteints", "Publics", "Budget (€)"]
    assert view.iloc[0].tolist() == ["Fonds", "Relance", "Outils numériques ; Juridique",
                                     "Auvergne-Rhône-Alpes ; Rhône", "Associations", 1000.0]


def test_empty_frames_give_an_empty_figure_not_an_error():
    empty = CELLS.iloc[0:0]
    for fig in (charts.need_heatmap(empty), charts.coverage_heatmap(empty)):
        assert fig.layout.annotations[0].text == T.CHART_EMPTY
    assert len(charts.france_map(empty, "acteurs").data[1].locations) == 0


@pytest.mark.parametrize("level", base.LEVELS)
def test_demo_matrix_maps_onto_real_outlines(demo_store, level):
    snapshot = demo_store.active_snapshot_id()
    totals = needs.needs_by_territory(demo_store, snapshot, level=level)
    coloured = charts.france_map(totals, "acteurs", level).data[1]
    outlines = {f["id"] for f in reference.geojson(level)["features"]}
    assert set(coloured.customdata) <= outlines
    # every territory with needs is drawn, except national needs and, at département level, regional ones
    drawable = totals[totals["territoire"].isin(outlines)]
    assert len(coloured.locations) == len(drawable) > 10


def test_the_chosen_territory_stands_out_on_the_map():
    coloured = charts.france_map(CELLS, "acteurs", "region", selected="REG-93").data[1]
    assert list(coloured.selectedpoints) == [1]  # REG-84 is first, REG-93 second
    assert charts.france_map(CELLS, "acteurs", "region", selected="REG-11").data[1].selectedpoints is None


def test_a_workshop_heatmap_of_twenty_investors_labels_every_row_at_the_body_size():
    # 20 investors × 8 themes, one programme each: every investor's name is a tick of its own (plotly thins out
    # crowded automatic ticks), the cells' numbers are 22 px (the workshop's body text: 1.1 rem of 20 px), and
    # each row gets at least 1.8 × 22 ≈ 40 px of the chart's height below the column labels
    labels = {t.code: t.libelle for t in reference.default_themes()}
    themes = list(labels)
    names = [f"Fondation numéro {i:02d}" for i in range(20)]
    long = pd.DataFrame([{"nom": n, "thematique": t, "programmes": 1} for n in names for t in themes])
    fig = charts.investor_heatmap(long, cols="thematique", value="programmes", value_label=T.CHART_PROGRAMMES,
                                  col_labels=labels, large=True)
    assert list(fig.layout.yaxis.tickvals) == names and list(fig.layout.yaxis.ticktext) == names
    assert fig.data[0].textfont.size == 22 and fig.layout.yaxis.tickfont.size == 22
    assert fig.layout.height >= 20 * 40 + 60
