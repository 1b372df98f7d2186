"""Readers' journeys, clicked as a person would, with the internet cut off: from a white zone on the home page to
its territory; a filtered needs view shared by URL; an investor positioning itself among its allies."""
import csv
import io
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from inventory import reference
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
