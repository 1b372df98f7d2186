"""Méthode: every definition shown beside a number, for the shown snapshot's date (numbers in tiny.py)."""
from __future__ import annotations

from inventory import texts as T
from tests.app.pagetools import assert_clean, texts
from tests.app.tiny import JUNE, TINY_LABELS


def test_the_method_lists_every_formula_with_the_snapshot_date(tiny_db, open_page):
    at = open_page(tiny_db, "methode")
    assert_clean(at)
    shown = texts(at)
    assert T.METHOD_INTRO.format(label=TINY_LABELS[JUNE], as_of="30/06/2020") in shown
    assert all(sentence in shown for sentence in T.FORMULAS.values())
    at = open_page(tiny_db, "methode", inventaire="1")  # the earlier snapshot: its own date
    assert "30/04/2020" in texts(at)


ECOSYSTEM = ("part_premier_financeur", "flux", "operateurs_presents")  # issue 25's figures


def test_the_method_explains_the_ecosystem_figures_in_french_and_in_english(tiny_db, open_page):
    for lang in ("fr", "en"):
        shown = texts(open_page(tiny_db, "methode", lang=lang))
        for key in ECOSYSTEM:
            assert T.TABLES[lang]["FORMULAS"][key] in shown, (lang, key)
    assert T.TABLES["fr"]["FORMULAS"]["part_premier_financeur"].startswith("Part du premier financeur")
    assert T.TABLES["en"]["FORMULAS"]["part_premier_financeur"].startswith("Share of the first funder")


def test_an_empty_inventory_is_one_sentence(empty_db, open_page):
    at = open_page(empty_db, "methode")
    assert_clean(at)
    assert [i.value for i in at.info] == [T.NO_SNAPSHOT]
