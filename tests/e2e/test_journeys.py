"""Readers' journeys, clicked as a person would, with the internet cut off: from a white zone on the home page to
its territory; a filtered needs view shared by URL; an investor positioning itself among its allies; an operator
named in Jouer collectif › Écosystème, opened from its link to its own page."""
import csv
import io
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from inventory import formats, identifiers, reference
from inventory import texts as T

from .helpers import (MIN_DEPARTEMENT_PATHS, assert_no_exception, chosen_tags, eventually, expect_charts_drawn,
                      expect_map_drawn, figure_data, goto_app, main, options_of, pick_option, pick_radio, radio_value,
                      page_tables, selected_option, sidebar, table_rows, url_with, wait_for_app)


def section(page: Page, heading: str):
    """The innermost column or container holding the subheader `heading`."""
    blocks = page.locator('[data-testid="stColumn"], [data-testid="stVerticalBlock"]')
    return blocks.filter(has=page.get_by_role("heading", name=heading)).last


def test_a_white_zone_on_home_leads_to_its_needs_and_the_programmes_reaching_it(
        tab: Page, base_url: str, external_requests: list[str]):
    goto_app(tab, base_url)
    # the worst white zone, as the home page words it: « **Nom** – Thème : N acteurs, score S ; 0 programme dans la
    # région, 0 % du besoin atteint. »
    white_zone = re.compile(r"du besoin atteint\.$")
    line = main(tab).get_by_text(white_zone).first
    expect(line).to_be_visible()
    name = line.locator("strong").inner_text()
    theme, actors = re.search(r"– (.+) : ([\d\u202f ]+) acteurs", line.inner_text()).groups()
    row = tab.get_by_test_id("stHorizontalBlock").filter(has=tab.get_by_text(white_zone)).first
    row.get_by_role("link", name=T.HOME_WHITE_ZONE_LINK).click()
    wait_for_app(tab)

    expect(tab).to_have_url(url_with("/couverture?", "vue=territoire", "territoire="))
    assert_no_exception(tab)
    expect(main(tab).locator("h1")).to_have_text(T.COVER_TITLE)
    assert eventually(tab, lambda: selected_option(tab, T.FILTER_TERRITORY, main(tab)) == name), name
    assert eventually(tab, lambda: radio_value(tab, T.FILTER_VIEW, main(tab)) == T.COVER_VIEWS["territoire"])

    # first mile: the territory's needs, the white-zone theme among them with the same number of actors
    first_mile = section(tab, T.COVER_FIRST_MILE)
    needs = table_rows(page_tables(first_mile))
    header, body = needs[0], needs[1:]
    assert header[0] == T.COLUMN_LABELS["thematique"], header
    assert theme in [r[0] for r in body], f"{theme} not among {body}"
    with tab.expect_download() as download:  # the whole table, the columns off screen included
        first_mile.get_by_role("button", name=T.DOWNLOAD_CSV).click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig")), delimiter=";"))
    assert [theme, actors] in [[r[T.COLUMN_LABELS["thematique"]], r[T.COLUMN_LABELS["acteurs"]]] for r in rows], rows
    # last mile: the programmes that reach it; downloaded, none of them works on the white-zone theme
    last_mile = section(tab, T.COVER_LAST_MILE)
    reaching = table_rows(page_tables(last_mile))
    assert reaching[0][0] == T.PROGRAMME_HEADINGS["nom"] and len(reaching) > 1, reaching
    with tab.expect_download() as download:
        last_mile.get_by_role("button", name=T.DOWNLOAD_CSV).click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig")), delimiter=";"))
    assert [r[T.PROGRAMME_HEADINGS["nom"]] for r in rows][:len(reaching) - 1] == [r[0] for r in reaching[1:]]
    assert all(theme not in r[T.TABLE_LABELS["thematiques"]] for r in rows), f"{theme} is covered after all"
    assert external_requests == []


AUDIENCE = reference.AUDIENCES["association"]
THEME = "Outils numériques"  # the demo's label of the `numerique` theme
NEEDS_FILTERS = [  # (radio label, option chosen)
    (T.FILTER_SOURCE, reference.SOURCES["terrain"]),
    (T.FILTER_LEVEL, T.LEVEL_LABELS["departement"]),
    (T.FILTER_MEASURE, T.MEASURE_LABELS["score"]),
]


def test_a_filtered_needs_view_reopens_identically_from_its_url_in_a_new_browser(
        tab: Page, new_context, base_url: str, external_requests: list[str]):
    goto_app(tab, f"{base_url}/besoins")
    side = sidebar(tab)
    for label, option in NEEDS_FILTERS:
        pick_radio(tab, label, option, side)
    pick_option(tab, T.FILTER_AUDIENCE, AUDIENCE, side)
    pick_option(tab, T.FILTER_THEMES, THEME, side)
    assert_no_exception(tab)
    expect(main(tab).get_by_role("heading", name=T.NEEDS_MAP.format(measure=T.MEASURE_LABELS["score"]))).to_be_visible()
    expect(tab).to_have_url(url_with("source=terrain", "niveau=departement", "mesure=score", "public=association",
                                     "thematiques="))
    wait_for_app(tab)
    expect_map_drawn(tab, MIN_DEPARTEMENT_PATHS)
    expect_charts_drawn(tab)
    shared = tab.url
    seen = figure_data(tab)
    assert len(seen) >= 2 and all(seen), "a map and a heatmap should be drawn"

    other = new_context().new_page()  # another person, another browser profile: only the link is shared
    goto_app(other, shared)
    assert_no_exception(other)
    side = sidebar(other)
    for label, option in NEEDS_FILTERS:
        assert eventually(other, lambda: radio_value(other, label, side) == option), (label, option)
    assert eventually(other, lambda: selected_option(other, T.FILTER_AUDIENCE, side) == AUDIENCE)
    assert eventually(other, lambda: chosen_tags(other, T.FILTER_THEMES, side) == [THEME])
    expect_map_drawn(other, MIN_DEPARTEMENT_PATHS)
    expect_charts_drawn(other)
    assert eventually(other, lambda: figure_data(other) == seen), "the shared link should draw the same map and heatmap"
    assert external_requests == []


def test_an_investor_positioning_itself_sees_its_footprint_and_its_allies(
        tab: Page, base_url: str, external_requests: list[str]):
    goto_app(tab, f"{base_url}/collectif")
    pick_radio(tab, T.FILTER_VIEW, T.TOGETHER_VIEWS["positionner"], main(tab))
    expect(main(tab).get_by_text(T.TOGETHER_PICK_PROMPT)).to_be_visible()
    investor = next(o for o in options_of(tab, T.TOGETHER_PICK_INVESTOR, main(tab)) if o != T.NONE_CHOSEN)
    pick_option(tab, T.TOGETHER_PICK_INVESTOR, investor, main(tab))
    assert_no_exception(tab)
    expect(tab).to_have_url(url_with("vue=positionner", "investisseur="))

    expect(main(tab).get_by_role("heading", name=T.TOGETHER_FOOTPRINT)).to_be_visible()
    expect_charts_drawn(tab)
    allies = table_rows(page_tables(section(tab, T.TOGETHER_ALLIES)))
    assert allies[0][0] == T.INVESTOR_HEADINGS["nom"], allies[0]
    names = [r[0] for r in allies[1:]]
    assert names and investor not in names, f"allies of {investor}: {names}"
    assert external_requests == []


def click_link_in_row(tab: Page, grid, row: int) -> None:
    """Click the link of a st.dataframe's row (0: the first under the headings) as a person does. The grid is drawn
    on a canvas: it is scrolled to its right end (the links are the last column), then the pointer moves along the
    row until the grid shows the hand it shows over a link's text (the canvas's cursor: the grid's scrolling box
    lies over it and receives the pointer), and clicks there."""
    canvas = grid.get_by_test_id("data-grid-canvas").first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tab.mouse.wheel(5_000, 0)
    scroller = grid.locator(".dvn-scroller").first  # glide-data-grid's scrolling box: wait until it is at its end
    assert eventually(tab, lambda: scroller.evaluate("s => s.scrollLeft + s.clientWidth >= s.scrollWidth - 1"))
    rows = len(table_rows(grid)) - 1
    y = box["y"] + box["height"] / (rows + 1) * (row + 1.5)  # rows and headings are one height
    for x in range(int(box["x"] + box["width"]) - 4, int(box["x"]), -5):
        tab.mouse.move(x, y)
        tab.wait_for_timeout(30)  # the grid redraws the hovered cell, and sets the cursor, on the next frame
        if canvas.evaluate("c => c.style.cursor") == "pointer":
            tab.mouse.click(x, y)
            return
    raise AssertionError(f"no link under the pointer in row {row}")


def test_an_operator_named_in_the_ecosystem_opens_its_page_with_its_funders_and_dependence(
        tab: Page, base_url: str, external_requests: list[str]):
    goto_app(tab, f"{base_url}/collectif?vue=ecosysteme")
    grid = main(tab).locator(".st-key-table_operateurs_dependance").get_by_test_id("stDataFrame")
    # the demo's operators with an active programme, the most dependent first: the two living on one foundation
    # (100 %), then the national networks and Occitanie's structure (figures below, and docstring of demo.py)
    names = [r[0] for r in table_rows(grid)[1:]]
    assert names == ["Maison des associations du Rhône (fictive)", "Collectif d'accompagnement de l'Ouest (fictif)",
                     "Réseau national des accompagnateurs associatifs (fictif)", "Réseau Numérique Solidaire (fictif)",
                     "Point d'appui coopération Occitanie (fictif)"], names
    with tab.context.expect_page() as opened:  # a table's link opens the page in a new tab
        click_link_in_row(tab, grid, names.index("Réseau Numérique Solidaire (fictif)"))
    org = opened.value
    try:
        wait_for_app(org)
        expect(org).to_have_url(url_with("/organisation?", "organisation=OPN2"))
        assert_no_exception(org)
        expect(main(org).locator("h1")).to_have_text(T.ORG_TITLE)
        expect(main(org).get_by_role("heading", name="Réseau Numérique Solidaire (fictif)")).to_be_visible()
        siren = identifiers.with_luhn("90000002")
        captions = [c.strip() for c in main(org).get_by_test_id("stCaptionContainer").all_inner_texts()]
        assert T.ORG_ROLES_LINE.format(roles=T.ORG_ROLES["operateur"]) in captions, captions
        assert T.ORG_IDENTITY.format(siren=siren, siret=identifiers.with_luhn(siren + "0001"),
                                     rna=T.ORG_NO_IDENTIFIER) in captions, captions
        # On 30/06/2020 it delivers P04 (Fondation Numérique pour Tous, 1 500 000), P15 (Télécom Proximité and the
        # foundation, 1 200 000: 600 000 each) and P24 (the foundation, Télécom Proximité and Fondation Horizon
        # Commun, 2 000 000: 666 667 each); P03 ended on 31/05. Budgets 4 700 000, of which the foundation
        # 1 500 000 + 600 000 + 666 667 = 2 766 667: 58,9 %.
        values = main(org).get_by_test_id("stMetric")
        shown = {label.strip(): value.strip() for label, value in zip(
            values.get_by_test_id("stMetricLabel").all_inner_texts(),
            values.get_by_test_id("stMetricValue").all_inner_texts())}
        assert shown == {T.ORG_METRIC_DELIVERED: "3", T.ORG_METRIC_FUNDERS: "3", T.ORG_METRIC_DEPENDENCE: formats.percent(0.589, "part_premier_financeur")}
        assert T.ORG_DEPENDENCE_DETAIL.format(nom="Fondation Numérique pour Tous (fictive)", share=formats.percent(0.589, "part_premier_financeur"),
                                              total="4\u202f700\u202f000") in captions, captions
        delivered, funders = (table_rows(page_tables(main(org)).nth(i)) for i in (0, 1))
        assert [r[0] for r in delivered[1:]] == ["P04", "P15", "P24", "P03"]  # the active ones first
        assert [r[0] for r in funders[1:]] == ["Fondation Numérique pour Tous (fictive)", "Télécom Proximité (fictive)",
                                              "Fondation Horizon Commun (fictive)"]
    finally:
        org.close()
    assert external_requests == []
