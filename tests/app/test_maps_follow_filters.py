"""Maps and the figures beside them say what they show (issue 13), on the tiny inventory (numbers in tiny.py)."""
from __future__ import annotations

from inventory.outputs import charts
from inventory import texts as T
from ui.display import plain
from tests.app.pagetools import assert_clean, maps, metrics, texts, values


def test_a_territory_picked_in_the_list_is_the_one_highlighted_on_the_map(tiny_db, open_page):
    at = open_page(tiny_db, "besoins")
    at.selectbox(key="url_territoire").set_value("REG-93").run()
    coloured = maps(at)[0]["data"][-1]
    keys = values(coloured["customdata"])
    assert [keys[i] for i in values(coloured["selectedpoints"])] == ["REG-93"]  # in the same run, not the next


def test_the_figures_beside_a_one_theme_coverage_map_count_that_theme_and_say_so(tiny_db, open_page):
    # modele_socio_eco: white zones in REG-84 (P3 ended) and REG-93; all themes: the same 2, and 1 alliance
    # (REG-84 numerique) that modele_socio_eco does not have
    at = open_page(tiny_db, "couverture", thematique_carte="modele_socio_eco")
    assert_clean(at)
    assert metrics(at) == {T.CHART_WHITE_ZONES: "2", T.COLUMN_LABELS["alliance"]: "0"}
    theme = plain("Modèle socio-économique et financement")  # as the caption writes it (Markdown made inert)
    assert T.COVER_MAP_FIGURES_THEME.format(theme=theme) in texts(at)
    assert T.COVER_HEATMAP_ALL_THEMES.format(theme=theme) in texts(at)
    at = open_page(tiny_db, "couverture", thematique_carte="juridique")
    assert metrics(at) == {T.CHART_WHITE_ZONES: "0", T.COLUMN_LABELS["alliance"]: "0"}  # REG-93: P2 reaches N4


def test_white_zones_have_their_own_colour_and_legend_entry_on_a_one_theme_coverage_map(tiny_db, open_page):
    at = open_page(tiny_db, "couverture", thematique_carte="modele_socio_eco")
    traces = maps(at)[0]["data"]
    white = [t for t in traces if t.get("name") == T.CHART_WHITE_ZONE_LEGEND]
    assert len(white) == 1 and white[0]["showlegend"]
    assert sorted(values(white[0]["customdata"])) == ["REG-84", "REG-93"]
    assert {c for _, c in white[0]["colorscale"]} == {charts.WHITE_ZONE_COLOUR}
