"""Every map and heatmap has its numbers in a table right under it (folded): the same figures for a screen reader,
a keyboard or a printer (demo inventory)."""
from __future__ import annotations

import pytest

from inventory import reference
from inventory import texts as T
from tests.app.pagetools import assert_clean, chart_tables, figures, map_values, maps

def charts_with_numbers(at) -> int:
    """Maps and heatmaps on the page (bar charts write their numbers on the bars)."""
    return sum(any(d.get("type") in ("choropleth", "heatmap") for d in f["data"]) for f in figures(at))


@pytest.mark.parametrize("page,params", [
    ("besoins", {}), ("besoins", {"niveau": "departement", "mesure": "score"}), ("couverture", {}),
    ("couverture", {"thematique_carte": "numerique"}), ("collectif", {}),
    ("collectif", {"vue": "positionner", "investisseur": "FDN1"}), ("collectif", {"vue": "parcours"}),
])
def test_every_map_and_heatmap_has_a_table_of_its_numbers(demo_db, open_page, page, params):
    at = open_page(demo_db, page, **params)
    assert_clean(at)
    assert charts_with_numbers(at) >= 1
    assert len(chart_tables(at)) >= charts_with_numbers(at)


def test_the_field_needs_map_of_the_challenges_has_its_table_beside_it(demo_db, open_page):
    at = open_page(demo_db, "defis")  # « Écouter »: the map and the bars of one table, shown unfolded
    assert charts_with_numbers(at) == 1 and len(at.dataframe) >= 1


def test_the_needs_map_and_its_table_show_the_same_numbers(demo_db, open_page):
    at = open_page(demo_db, "besoins", mesure="score")
    shown = map_values(maps(at)[0])
    names = {k: t.nom for k, t in reference.territories().items()}
    table = chart_tables(at)[0]
    in_table = dict(zip(table[T.TABLE_LABELS["nom"]], table[T.TABLE_LABELS["score"]]))
    assert shown and {names[k]: v for k, v in shown.items()} == {n: in_table[n] for n in map(names.get, shown)}
