"""The Signaux page, the home page's line and the Méthode's thresholds, on the hand-made pair of
tests/signals_inventory.py: the page shows the signals ``signals --json`` finds, in the same order, routed to the
same members, and « pour l'investisseur » narrows them to one member's own."""
from __future__ import annotations

import pytest

from inventory import texts as T
from inventory.outputs import digest
from tests import signals_inventory as inv
from tests.app.pagetools import assert_clean, table, texts


@pytest.fixture(scope="module")
def pair_db(tmp_path_factory):
    return inv.build(tmp_path_factory.mktemp("signaux"))


def _lines(at) -> list[str]:
    """The signals as the page lists them: « N. Type — sentence »."""
    return [m.value for m in at.markdown if m.value[2:3].isdigit() and " — " in m.value]


def test_the_page_lists_every_signal_in_rank_order_with_who_is_best_placed(pair_db, open_page):
    at = open_page(pair_db, "signaux")
    assert_clean(at)
    assert [t.value for t in at.title] == [T.SIGNALS_TITLE]
    assert "Inventaire au 30/06/2020 comparé à l'import du 31/01/2020." in texts(at)
    assert [line.split(" — ")[0] for line in _lines(at)] == [
        "**1. Zone blanche ouverte**", "**2. Fin de programme en vue**", "**3. Besoin en hausse**",
        "**4. Engagement en retard**", "**5. Engagement en retard**", "**6. Données anciennes**"]
    shown = texts(at)
    assert "Loire, Outils numériques : le score du besoin passe de 2 à 12" in shown
    assert ("Pour : Conseil Gamma (le programme est le sien) ; Banque Beta (cofinance un programme avec qui finance "
            "la thématique ici)") in shown
    assert list(table(at)[T.SIGNALS_TABLE["pour"]]) == ["Fondation Alpha", "Conseil Gamma ; Banque Beta",
                                                        "Fondation Alpha", "Banque Beta", "Fondation Alpha",
                                                        "Banque Beta ; Conseil Gamma"]
    assert digest.thresholds_sentence() in shown


def test_for_the_investor_shows_that_members_own_signals_as_its_digest_does(pair_db, open_page):
    at = open_page(pair_db, "signaux", investisseur="A")
    assert_clean(at)
    assert [line.split(" — ")[0] for line in _lines(at)] == [
        "**1. Zone blanche ouverte**", "**3. Besoin en hausse**", "**5. Engagement en retard**"]
    at = open_page(pair_db, "signaux", investisseur="D")
    assert [i.value for i in at.info] == [T.SIGNALS_NONE]


def test_the_home_page_says_the_signals_in_one_line(pair_db, open_page):
    at = open_page(pair_db, "accueil")
    assert_clean(at)
    assert ("**6 signaux** depuis l'import précédent : 1 zone blanche ouverte, 1 fin de programme en vue, 1 besoin en "
            "hausse, 2 engagements en retard, 1 donnée ancienne.") in texts(at)


def test_the_method_prints_the_thresholds(pair_db, open_page):
    at = open_page(pair_db, "methode")
    assert_clean(at)
    assert "d'au moins 20 % et d'au moins 10 points" in texts(at)
    assert "dans les 60 jours suivant" in texts(at) and "plus de 90 jours" in texts(at)


def test_many_signals_show_the_most_pressing_as_cards_and_all_in_the_table(demo_db, open_page):
    """The demo's 44 signals: 20 cards (1,880 took 1.5 s a run at 1M needs), the sentence that says so, 44 rows."""
    at = open_page(demo_db, "signaux")
    assert_clean(at)
    ranks = [int(line.split(".")[0].strip("*")) for line in _lines(at)]
    assert ranks == list(range(1, 21))
    assert "Les 20 plus pressants ci-dessus ; les 44 signaux dans le tableau ci-dessous." in texts(at)
    assert len(table(at)) == 44
