"""The English version (``?lang=en``): every page speaks English from its title to its tables, numbers and dates in
English form, the choice kept in the URL; data typed by people stays as typed (demo inventory, tiny.py)."""
from __future__ import annotations

import re

import pytest

from inventory import reference
from inventory import texts as T
from tests.app.pagetools import assert_clean, metrics, table, texts

EN, FR = T.TABLES["en"], T.TABLES["fr"]
TITLES = {"accueil": "HOME_TITLE", "besoins": "NEEDS_TITLE", "couverture": "COVER_TITLE", "collectif": "TOGETHER_TITLE",
          "defis": "DEFIS_TITLE", "evolution": "EVOL_TITLE", "signaux": "SIGNALS_TITLE", "methode": "METHOD_TITLE",
          "importer": "IMP_TITLE"}
# French interface words that no English page may show (data typed by people aside: the demo's labels are French)
FRENCH = re.compile(r"\b(Accueil|Besoins par territoire|Couverture et lacunes|Jouer collectif|Les trois défis|Évolution|"
                    r"Méthode|Importer|Inventaire affiché|Thématiques?|Territoire(?! de Belfort)|Zones? blanches?|Télécharger|"
                    r"Programmes actifs|Acteurs|Intensité|Échelle|Mesure|Filtres|Source des besoins|Régions|"
                    r"Tous|Toutes)\b")  # « départements » is English too


@pytest.mark.parametrize("page", list(TITLES))
def test_every_page_speaks_english_with_lang_en(demo_db, open_page, page):
    at = open_page(demo_db, page, lang="en")
    assert_clean(at)
    assert [t.value for t in at.title] == [EN[TITLES[page]]]
    shown = texts(at) + "\n".join(w.label for kind in ("radio", "selectbox", "multiselect", "toggle")
                                  for w in getattr(at, kind))
    shown += "\n".join(str(o) for w in at.radio for o in w.options) + "\n".join(metrics(at))
    for frame in at.dataframe:
        shown += "\n" + " ".join(map(str, frame.value.columns))
    assert FRENCH.findall(shown) == []
    assert at.query_params["lang"] == "en"  # kept in the URL, so a shared link opens in English


def test_french_is_the_default_and_an_unknown_language_falls_back_to_it(demo_db, open_page):
    at = open_page(demo_db, "besoins", lang="xx")
    assert_clean(at)
    assert [t.value for t in at.title] == [FR["NEEDS_TITLE"]]
    assert "lang" not in at.query_params


def test_the_sidebar_switch_turns_the_pages_to_english_and_back(tiny_db, open_page):
    at = open_page(tiny_db, "methode", inventaire="1")
    assert [t.value for t in at.title] == [FR["METHOD_TITLE"]]
    at.sidebar.button_group(key="_language_switch").set_value("en").run()
    assert_clean(at)
    assert [t.value for t in at.title] == [EN["METHOD_TITLE"]]
    assert (at.query_params["lang"], at.query_params["inventaire"]) == ("en", "1")  # the snapshot stays
    at.sidebar.button_group(key="_language_switch").set_value("fr").run()
    assert [t.value for t in at.title] == [FR["METHOD_TITLE"]]
    assert "lang" not in at.query_params


def test_english_numbers_dates_and_labels(tiny_db, open_page):
    """tiny.py « juin »: data as of 30/06/2020; closed-list codes and default themes get English labels."""
    at = open_page(tiny_db, "methode", lang="en")
    assert "30 Jun 2020" in texts(at) and "30/06/2020" not in texts(at)
    at = open_page(tiny_db, "besoins", lang="en", territoire="REG-84")
    assert_clean(at)
    rows = table(at, 1)  # the need rows, after the territory's themes ranked
    assert set(rows[EN["TABLE_LABELS"]["source"]]) <= set(EN["SOURCE_LABELS"].values())
    themes = {t.libelle_en for t in reference.default_themes()}
    assert set(rows[EN["TABLE_LABELS"]["thematique"]]) <= themes
    heatmap_labels = [w.options for w in at.sidebar.multiselect]
    assert heatmap_labels and set(heatmap_labels[0]) <= themes


def test_a_theme_the_inventory_defined_keeps_its_typed_label(monkeypatch):
    """Only a default theme still carrying its default label is translated."""
    with T.speaking("en"):
        assert reference.theme_label("numerique", "Outils numériques") == "Digital tools"
        assert reference.theme_label("numerique", "Numérique pour tous") == "Numérique pour tous"  # relabelled
        assert reference.theme_label("mobilite", "Mobilité") == "Mobilité"  # the inventory's own
    assert reference.theme_label("numerique", "Outils numériques") == "Outils numériques"


def test_streamlit_own_words_are_not_drawn_over_in_french_on_english_pages():
    from ui import css

    assert "content: \"jj\"" in css.interface_css("fr") and "Choisir des fichiers" in css.uploader_css("fr")
    english = css.interface_css("en") + css.uploader_css("en")
    assert FRENCH.findall(english) == [] and "\"jj\"" not in english and "Choisir" not in english
