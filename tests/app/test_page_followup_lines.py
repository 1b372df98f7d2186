"""Accueil's two follow-through lines and Évolution's commitments kept, late and dropped, on the hand-checked
follow-through inventory (tests/followup_inventory.py; « Suivi au 30/04 » then « Suivi au 30/06 », see
tests/app/followup_db.py)."""
from __future__ import annotations

import pytest

from inventory import texts as T
from tests.app.followup_db import build_followup
from tests.app.pagetools import assert_clean, metrics, table, texts


@pytest.fixture(scope="module")
def followup_db(tmp_path_factory):
    return build_followup(tmp_path_factory.mktemp("followup") / "inventory.duckdb")


def test_home_says_late_commitments_and_the_share_of_needs_reached_in_one_line_each(followup_db, open_page):
    at = open_page(followup_db, "accueil")
    assert_clean(at)
    shown = texts(at)
    # E2 is late, of 5 commitments; 10 actors reached (declared) of 25 in need → 40 %
    assert T.HOME_LATE_LINE.format(late="1", total="5") in shown
    assert T.HOME_REACHED_LINE.format(taux="40\u202f%", beneficiaires="10", acteurs="25") in shown


def test_home_without_commitments_nor_results_says_so(tiny_db, open_page):
    at = open_page(tiny_db, "accueil")
    assert_clean(at)
    assert T.HOME_NO_COMMITMENT_LINE in texts(at) and T.HOME_NO_RESULT_LINE in texts(at)


def test_evolution_counts_commitments_kept_late_and_dropped(followup_db, open_page):
    at = open_page(followup_db, "evolution")
    assert_clean(at)
    got = metrics(at)
    # from 30/04 (E1–E4 all engagé) to 30/06: E4 done, E2 late, E3 dropped, E1 still on time, E5 new
    labels = T.EVOL_COMMIT_LABELS
    assert {k: got[labels[k]] for k in labels} == {"tenu": "1", "en_retard": "1", "abandonne": "1", "nouveau": "1",
                                                   "en_cours": "1", "retire": "0"}
    assert T.FORMULAS["suivi_engagements"] in texts(at)
    kept = next(f.value for f in at.dataframe if T.EVOL_COMMIT_COLUMNS["statut_avant"] in f.value.columns)
    rows = {r["Identifiant"]: r for r in kept.to_dict("records")}
    assert (rows["E4"]["Statut (départ)"], rows["E4"]["Statut (arrivée)"], rows["E4"]["Changement"]) == (
        "Engagé", "Réalisé", "Tenu")
    assert rows["E2"]["Changement"] == "En retard" and rows["E3"]["Changement"] == "Abandonné"
