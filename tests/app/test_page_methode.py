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


def test_an_empty_inventory_is_one_sentence(empty_db, open_page):
    at = open_page(empty_db, "methode")
    assert_clean(at)
    assert [i.value for i in at.info] == [T.NO_SNAPSHOT]
