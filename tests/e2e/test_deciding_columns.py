"""At 1280×720, in French and in English, every table of every view shows the columns that answer its question
whole, without scrolling sideways (issue 23): the walk opens every view (every tab of Les trois défis), finds
each table by the name its downloads carry, and fails on a table it does not know, so that a new table must say
which of its columns decide."""
from __future__ import annotations

from playwright.sync_api import Page

from inventory import texts as T

from .helpers import assert_no_exception, goto_app, main, page_tables, table_rows, wait_for_app

# Every view that shows tables (a territory, an investor, a pathway cell chosen where the view needs one).
VIEWS = [
    "/besoins?territoire=REG-76",
    "/couverture?vue=lacunes",
    "/couverture?vue=lacunes&engagements=true",
    "/couverture?vue=catalogue",
    "/couverture?vue=territoire&territoire=REG-76",
    "/collectif",
    "/collectif?vue=alliances",
    "/collectif?vue=parcours&case=REG-76%7Crh_benevolat",
    "/collectif?vue=engagements",
    "/collectif?vue=positionner&investisseur=INS1",
    "/collectif?vue=positionner&investisseur=nouveau&thematiques=numerique&territoires=REG-76",
    "/defis",
    "/evolution",
]


def _h(table: str, key: str):
    return lambda: getattr(T, table).get(key) or T.TABLE_LABELS[key]


L = lambda key: _h("TABLE_LABELS", key)  # noqa: E731
PROG = lambda key: _h("PROGRAMME_HEADINGS", key)  # noqa: E731
INV = lambda key: _h("INVESTOR_HEADINGS", key)  # noqa: E731

# table name (its downloads' name, before its filter) → the headings that answer its question
DECIDING = {
    "besoins_thematiques": [L("thematique"), L("acteurs"), L("score"), L("intensite_moyenne")],
    "besoins": [L("nom"), L("thematique"), L("intensite"), L("nb_acteurs"), L("score")],
    "zones_blanches": [L("nom"), L("thematique"), L("acteurs"), L("score")],
    "tension": [L("nom"), L("thematique"), L("tension"), L("programmes"), L("zone_blanche")],
    "zones_blanches_restantes": [L("nom"), L("thematique"), L("acteurs"), L("score"), L("programmes"),
                                 L("engagements")],
    "zones_blanches_en_voie_de_couverture": [L("nom"), L("thematique"), L("acteurs"), L("score"), L("programmes"),
                                             L("engagements")],
    "programmes": [PROG("nom"), L("investisseurs"), L("thematiques")],
    "besoins_par_thematique": [L("thematique"), L("zone_blanche"), L("tension"), L("acteurs"), L("score"),
                               L("programmes")],
    "investisseurs": [INV("nom"), L("type"), INV("programmes"), L("programmes_inactifs"), L("budget_eur")],
    "alliances": [L("nom"), L("thematique"), L("noms_investisseurs"), L("investisseurs")],
    "cofinancements": [_h("COFUNDING_COLUMNS", "nom_source"), _h("COFUNDING_COLUMNS", "nom_cible"),
                       _h("COFUNDING_COLUMNS", "programmes")],
    "maillons_manquants": [L("nom"), L("thematique"), _h("PATHWAY_COLUMNS", "maillon_manquant"), L("acteurs")],
    "parcours": [PROG("nom"), L("investisseurs"), L("phase")],
    "engagements": [_h("COMMIT_COLUMNS", "noms_investisseurs"), _h("COMMIT_COLUMNS", "statut"),
                    _h("COMMIT_COLUMNS", "echeance"), _h("COMMIT_COLUMNS", "en_retard")],
    "zones_en_voie_de_couverture": [L("nom"), L("thematique"), L("acteurs"), L("score"), L("engagements")],
    "allies": [INV("nom"), L("type"), L("cases_communes"), L("cofinancements")],
    "allies_nouveau": [INV("nom"), L("type"), L("cases_communes")],  # a newcomer co-funds nothing yet
    "a_couvrir": [L("nom"), L("thematique"), L("tension"), L("intensite_moyenne"), L("acteurs"), L("score")],
    "besoins_terrain_par_territoire": [L("nom"), L("acteurs"), L("score"), L("intensite_moyenne")],
    "besoins_ingenierie_par_thematique": [L("thematique"), L("acteurs"), L("score"), L("intensite_moyenne")],
    "programmes_par_public": [L("thematique")],
    "couverture_odd": [_h("DEFIS_COLUMNS", "odd"), _h("DEFIS_COLUMNS", "objectif"), _h("DEFIS_COLUMNS", "programmes"),
                       _h("DEFIS_COLUMNS", "besoins")],
    "acteurs_atteints": [L("nom"), L("thematique"), lambda: T.CHART_IN_NEED, L("beneficiaires"), L("taux_atteinte")],
    "verse_par_programme": [PROG("nom"), L("budget_eur"), L("montant_verse_eur"), L("part_versee")],
    "verse_par_investisseur": [INV("nom"), L("budget_eur"), L("montant_verse_eur"), L("part_versee")],
    "realisations_par_odd": [_h("DEFIS_COLUMNS", "odd"), _h("DEFIS_COLUMNS", "objectif"), L("resultats"),
                             L("beneficiaires")],
    "besoins_en_hausse": [_h("EVOL_COLUMNS", "nom"), _h("EVOL_COLUMNS", "thematique"),
                          _h("EVOL_COLUMNS", "ecart_score"), _h("EVOL_COLUMNS", "ecart_acteurs")],
    "besoins_en_baisse": [_h("EVOL_COLUMNS", "nom"), _h("EVOL_COLUMNS", "thematique"),
                          _h("EVOL_COLUMNS", "ecart_score"), _h("EVOL_COLUMNS", "ecart_acteurs")],
    "zones_blanches_changements": [L("nom"), L("thematique"), L("changement")],
    "engagements_changements": [_h("EVOL_COMMIT_COLUMNS", "changement"), _h("EVOL_COMMIT_COLUMNS", "investisseurs"),
                                _h("EVOL_COMMIT_COLUMNS", "statut_avant"), _h("EVOL_COMMIT_COLUMNS", "statut_apres")],
    "programmes_changements": [_h("EVOL_PROG_COLUMNS", "nom"), _h("EVOL_PROG_COLUMNS", "changement")],
}

# Tables the demo inventory never fills, with the reason: the walk cannot meet them
NOT_IN_THE_DEMO = {"besoins_en_baisse": "the demo's needs only grow (it is besoins_en_hausse's code path)"}

# The columns a grid shows whole: its accessible table lists the columns drawn on screen, the last one possibly
# cut by the grid's right edge when the grid scrolls sideways.
WHOLE_COLUMNS_JS = """df => {
    const scroller = df.querySelector('.dvn-scroller');
    const heads = [...df.querySelector('table').rows[0].cells].map(c => c.innerText.trim());
    const scrolls = scroller && scroller.scrollWidth > scroller.clientWidth + 1;
    return scrolls ? heads.slice(0, -1) : heads;
}"""
# The name show_table gives the container of a table: its class « st-key-table_<name> ».
TABLE_NAME_JS = """df => {
    const box = df.closest('[class*="st-key-table_"]');
    const cls = box && [...box.classList].find(c => c.startsWith('st-key-table_'));
    return cls ? cls.slice('st-key-table_'.length) : null;
}"""


def known_as(name: str) -> str | None:
    """The DECIDING entry a table's container name belongs to (the longest name it starts with)."""
    fits = [k for k in DECIDING if name == k or name.startswith(k + "_")]
    return max(fits, key=len) if fits else None


def check_tables(tab: Page, where: str, seen: set[str]) -> list[str]:
    """The problems of the tables now on screen: unknown tables, deciding headings cut or off-screen."""
    problems = []
    grids = page_tables(main(tab))
    for i in range(grids.count()):
        grid = grids.nth(i)
        grid.scroll_into_view_if_needed()
        assert table_rows(grid), f"{where}: table {i} drew no row"
        name = grid.evaluate(TABLE_NAME_JS)
        entry = known_as(name or "")
        if entry is None:
            problems.append(f"{where}: table {i} ({name}) is not in DECIDING")
            continue
        seen.add(entry)
        whole = grid.evaluate(WHOLE_COLUMNS_JS)
        missing = [h for h in (f() for f in DECIDING[entry]) if h not in whole]
        if missing:
            problems.append(f"{where}: {name} hides {missing}; whole on screen: {whole}")
    return problems


def check_view(tab: Page, view: str, seen: set[str]) -> list[str]:
    """The problems of the view just opened: its tables, then those of each of its tabs (Les trois défis)."""
    problems = check_tables(tab, view, seen)
    tabs = main(tab).get_by_role("tab")
    for k in range(1, tabs.count()):  # Les trois défis: every challenge's tab
        tabs.nth(k).click()
        wait_for_app(tab)
        assert_no_exception(tab)
        problems += check_tables(tab, f"{view} tab {k}", seen)
    return problems


def walk_the_rest(tab: Page, base_url: str, language: str, walked: set[str], seen: set[str]) -> list[str]:
    """Open, in `language`, the VIEWS the caller's walk did not (`walked`: views it passed to check_view), check
    them, then that every table of DECIDING was met: the problems found."""
    problems = []
    for view in VIEWS:
        if view in walked:
            continue
        goto_app(tab, base_url + view + ("&" if "?" in view else "?") + f"lang={language}")
        assert_no_exception(tab)
        problems += check_view(tab, view, seen)
    never = set(DECIDING) - seen - set(NOT_IN_THE_DEMO)
    if never:
        problems.append(f"tables never met on the walk: {sorted(never)}")
    return problems


# The walk itself rides tests/e2e/test_accessibility.py, which opens most of these views in French (usual mode) and
# in English anyway: test_no_serious_contrast_or_label_breach_on_any_page[usual] and [english] fail on a table
# whose deciding columns are cut, and open the VIEWS they do not walk themselves (walk_the_rest).
