"""Couverture › « avec les engagements »: the white zones that would remain if open commitments are honoured, on
the hand-checked follow-through inventory (tests/followup_inventory.py, numbers in tests/test_followup.py)."""
from __future__ import annotations

import pytest

from inventory import texts as T
from tests.app.followup_db import build_followup
from tests.app.pagetools import assert_clean, metrics, table, texts


@pytest.fixture(scope="module")
def followup_db(tmp_path_factory):
    return build_followup(tmp_path_factory.mktemp("followup") / "inventory.duckdb")


def test_with_commitments_the_white_zones_en_voie_de_couverture_leave_the_list(followup_db, open_page):
    at = open_page(followup_db, "couverture", vue="lacunes")
    assert_clean(at)
    assert T.COVER_REMAINING not in texts(at)
    at.toggle(key="url_engagements").set_value(True).run()
    assert_clean(at)
    remaining, on_track = table(at, 0), table(at, 1)
    # REG-75 × cooperation (E1) and REG-76 × competences (E2, ingénierie) are en voie de couverture;
    # REG-76 × numerique (only E3, dropped) and REG-11 × numerique stay
    assert sorted(zip(on_track["Territoire"], on_track["Thématique"])) == [
        ("Nouvelle-Aquitaine", "Alliances et coopération"), ("Occitanie", "Compétences et formation")]
    assert ("Occitanie", "Outils numériques") in set(zip(remaining["Territoire"], remaining["Thématique"]))
    assert not set(zip(remaining["Territoire"], remaining["Thématique"])) & set(
        zip(on_track["Territoire"], on_track["Thématique"]))
    shown = texts(at)
    assert T.FORMULAS["zones_restantes"] in shown and T.FORMULAS["en_voie_de_couverture"] in shown


def test_a_shared_link_reopens_the_map_with_the_remaining_white_zones(followup_db, open_page):
    plain = metrics(open_page(followup_db, "couverture"))
    at = open_page(followup_db, "couverture", engagements="true")
    assert_clean(at)
    assert at.toggle(key="url_engagements").value is True
    # 4 white zones today (REG-75 cooperation, REG-76 competences and numerique, REG-11 numerique), of which
    # 2 en voie de couverture (E1, E2): 2 would remain
    assert (plain[T.CHART_WHITE_ZONES], metrics(at)[T.COVER_METRIC_REMAINING]) == ("4", "2")
