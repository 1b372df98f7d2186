"""The English version in a real browser: from one ``?lang=en`` link, every page reached through the navigation
speaks English (no French interface word left), and the language stays in the URL people share."""
import re

from playwright.sync_api import Page, expect

from inventory import texts as T
from ui import registry

from .helpers import assert_no_exception, expect_charts_drawn, expect_nav, goto_app, main, sidebar, url_with

EN = T.TABLES["en"]
TITLES = {"accueil": "HOME_TITLE", "besoins": "NEEDS_TITLE", "couverture": "COVER_TITLE", "collectif": "TOGETHER_TITLE",
          "defis": "DEFIS_TITLE", "evolution": "EVOL_TITLE", "methode": "METHOD_TITLE", "signaux": "SIGNALS_TITLE",
          "importer": "IMP_TITLE"}
# every listed page of the registry, in navigation order (a page added there is walked here, or this test fails)
NAV = {("accueil" if p.default else p.url_path): p.title for p in registry.PAGES if not p.hidden}
assert set(NAV) == set(TITLES)
# The French navigation and heading words, and a few of the filters' and tables': none may be left in English.
# (The demo's data is French, as people typed it: its programme names are not interface words; the snapshot labels
# the tool wrote, « Démo fictive – inventaire au 30/06 », read in English.)
FRENCH = re.compile(
    r"\b(Accueil|Besoins par territoire|Couverture et lacunes|Jouer collectif|Les trois défis|Évolution|Méthode|"
    r"Importer|Inventaire|Thématiques?|Territoires?(?! de Belfort)|Zones? blanches?|Télécharger|Programmes actifs|Filtres|"
    r"Échelle|Acteurs|Mode atelier|Données fictives|Démo fictive|Source des besoins|Se positionner|Choisissez)\b")


def french_words(page: Page) -> list[str]:
    return FRENCH.findall(page.locator("body").inner_text())


def test_every_page_walked_from_the_navigation_speaks_english(tab: Page, base_url: str,
                                                               external_requests: list[str]):
    goto_app(tab, f"{base_url}/?lang=en")
    expect_nav(tab, [EN[key] for key in NAV.values()])
    for path in TITLES:
        sidebar(tab).get_by_role("link", name=EN[NAV[path]], exact=True).click()
        expect(main(tab).locator("h1").first).to_have_text(EN[TITLES[path]])
        expect(tab).to_have_url(url_with("lang=en"))  # kept by the navigation: a shared link opens in English
        expect_charts_drawn(tab)
        assert_no_exception(tab)
        assert french_words(tab) == [], path
    assert external_requests == []


def test_the_sidebar_switch_turns_the_page_to_english_keeping_its_filters(tab: Page, base_url: str,
                                                                          external_requests: list[str]):
    goto_app(tab, f"{base_url}/besoins?niveau=departement&inventaire=1")
    sidebar(tab).get_by_role("radio", name=T.NAMES["en"]).click()
    expect(main(tab).locator("h1").first).to_have_text(EN["NEEDS_TITLE"])
    expect(tab).to_have_url(url_with("lang=en", "niveau=departement", "inventaire=1"))
    expect_nav(tab, [EN[key] for key in NAV.values()])
    assert_no_exception(tab)
    sidebar(tab).get_by_role("radio", name=T.NAMES["fr"]).click()
    expect(main(tab).locator("h1").first).to_have_text(T.TABLES["fr"]["NEEDS_TITLE"])
    expect(tab).to_have_url(url_with("niveau=departement", absent=("lang",)))
    assert external_requests == []
