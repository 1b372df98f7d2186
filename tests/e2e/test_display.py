"""What an investor sees in the first minutes at 1280×720 (issue 13): the columns that decide on screen, French
everywhere (Streamlit's and plotly's own words included), and charts that say what they show."""
from __future__ import annotations

import math
import re

from playwright.sync_api import Page, expect

from inventory.outputs import charts
from inventory import texts as T

from .helpers import eventually, expect_charts_drawn, goto_app, main, open_options, wait_for_app

# the columns that decide: tests/e2e/test_deciding_columns.py walks every table of every view


# --- French everywhere ---------------------------------------------------------------------------------------
# English words Streamlit and plotly write on their own, as a reader would meet them on screen or in a tooltip.
ENGLISH = re.compile(r"\b(Select all|Download|Search|Fullscreen|None|True|False|Zoom in|Zoom out|Pan|Reset|"
                     r"Autoscale|Upload|Browse|per file|Clear|No results|Choose an option|Show/hide|dd|yyyy)\b"
                     r"|\d(KB|MB)\b")

# Every text a reader sees (font size above zero, drawn over by CSS included) and every tooltip: title,
# aria-label, an empty field's placeholder, and plotly's menu tooltips (drawn from data-title by CSS).
SHOWN_WORDS_JS = """() => {
    const out = new Set();
    const drawn = el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
        return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; };
    for (const el of document.querySelectorAll('body *')) {
        if (!drawn(el)) continue;
        const style = getComputedStyle(el);
        if (parseFloat(style.fontSize) > 0)
            for (const n of el.childNodes) if (n.nodeType === 3 && n.textContent.trim()) out.add(n.textContent.trim());
        for (const a of ['title', 'aria-label']) if (el.getAttribute(a)) out.add(el.getAttribute(a));
        if (el.getAttribute('placeholder') && !el.value) out.add(el.getAttribute('placeholder'));
        for (const p of ['::before', '::after']) {
            const c = getComputedStyle(el, p).content;
            if (c && c.startsWith('"')) out.add(c.slice(1, -1));
        }
    }
    return [...out];
}"""

def english_words(page: Page) -> list[str]:
    return sorted({w for w in page.evaluate(SHOWN_WORDS_JS) if ENGLISH.search(w)})


# Every view, in French, is read for English words on the walk of tests/e2e/test_accessibility.py (usual mode),
# which opens the same views: english_words below is its check.


def test_the_french_words_of_plotly_and_of_streamlits_widgets(tab: Page, base_url: str,
                                                             external_requests: list[str]):
    goto_app(tab, base_url + "/besoins")
    expect_charts_drawn(tab)
    # plotly's own French locale, shipped with the app: the menu's tooltips
    titles = tab.locator(".modebar-btn").evaluate_all("bs => bs.map(b => getComputedStyle(b, '::after').content)")
    assert '"Télécharger le graphique en fichier PNG"' in titles
    # a multiselect's list offers the themes, not « Select all » (read once the list holds them: a rerun still
    # under way can close it, and it is then opened again)
    listed: list[str] = []

    def opened() -> bool:
        if not tab.get_by_role("option").count():
            open_options(tab, T.FILTER_THEMES)
        listed[:] = tab.get_by_role("option").all_inner_texts()
        return bool(listed)

    assert eventually(tab, opened), "the themes' list never opened"
    assert not any("Select all" in o for o in listed), listed
    assert english_words(tab) == []
    tab.keyboard.press("Escape")
    # the empty date field of the catalogue: « jj / mm / aaaa »
    goto_app(tab, base_url + "/couverture?vue=catalogue")
    field = main(tab).get_by_test_id("stDateInputField")
    shown = field.locator("[data-placeholder]").evaluate_all(
        "ss => ss.map(s => { const c = getComputedStyle(s, '::after').content; "
        "return c.startsWith('\"') ? c.slice(1, -1) : s.innerText; })")
    assert shown == ["jj", "mm", "aaaa"]
    # its calendar opens among the inventory's programme dates (2019–2020 in the demo), not on today's month
    main(tab).get_by_test_id("stDateInputCalendarButton").click()
    calendar = tab.get_by_role("dialog").get_by_role("grid")
    expect(calendar).to_have_attribute("aria-label", re.compile(r"\b2020$"))
    tab.keyboard.press("Escape")
    assert external_requests == []


# --- charts that say what they show ----------------------------------------------------------------------------
def boxes(page: Page, selector: str) -> list[dict]:
    return page.locator(selector).evaluate_all(
        "es => es.map(e => { const r = e.getBoundingClientRect(); "
        "return {text: e.textContent, x: r.x, y: r.y, w: r.width, h: r.height}; })")


def overlap(a: dict, b: dict) -> bool:
    return not (a["x"] + a["w"] <= b["x"] + 0.5 or b["x"] + b["w"] <= a["x"] + 0.5
                or a["y"] + a["h"] <= b["y"] + 0.5 or b["y"] + b["h"] <= a["y"] + 0.5)


def test_white_zones_stand_out_on_a_coverage_map_in_their_own_colour_named_in_the_legend(
        tab: Page, base_url: str, external_requests: list[str]):
    goto_app(tab, base_url + "/couverture?thematique_carte=juridique")
    expect_charts_drawn(tab)
    legend = main(tab).locator(".js-plotly-plot .legendtext")
    expect(legend.first).to_have_text(T.CHART_WHITE_ZONE_LEGEND)
    fills = main(tab).locator(".choroplethlayer path").evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)")
    vermillion = "rgb(213, 94, 0)"
    assert charts.WHITE_ZONE_COLOUR.lower() == "#d55e00"
    assert fills.count(vermillion) >= 10, "Juridique is a white zone in most regions of the demo"
    # the figures beside the map count that theme only (13 white zones for Juridique, not 21 for all themes)
    expect(main(tab).get_by_text(T.COVER_MAP_FIGURES_THEME.format(theme="Juridique"))).to_be_visible()
    assert external_requests == []


# Column headings as drawn: upright ones by their boxes, slanted ones (parallel) by the distance between their
# anchors across the slant, which must leave a line's height.
HEADINGS_JS = """gd => [...gd.querySelectorAll('.xtick text')].map(t => {
    const r = t.getBoundingClientRect(), m = /rotate\\((-?[0-9.]+)/.exec(t.getAttribute('transform') || '');
    return {text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height, angle: m ? +m[1] : 0,
            anchor: +t.getAttribute('x') + +((/translate\\((-?[0-9.]+)/.exec(t.getAttribute('transform') || '') || [0, 0])[1]),
            size: parseFloat(getComputedStyle(t).fontSize)};
})"""


def clashing(headings: list[dict]) -> list[tuple[str, str]]:
    out = []
    for a, b in zip(headings, headings[1:]):
        if a["angle"] or b["angle"]:
            across = abs(b["anchor"] - a["anchor"]) * abs(math.sin(math.radians(a["angle"] or b["angle"])))
            if across < a["size"]:
                out.append((a["text"], b["text"]))
        elif overlap(a, b):
            out.append((a["text"], b["text"]))
    return out


def test_heatmap_headings_never_run_into_each_other(tab: Page, base_url: str, external_requests: list[str]):
    for view in ("/couverture", "/besoins?niveau=departement", "/collectif"):
        goto_app(tab, base_url + view)
        expect_charts_drawn(tab)
        for chart in main(tab).locator(".js-plotly-plot:has(.hm)").all():
            headings = sorted(chart.evaluate(HEADINGS_JS), key=lambda h: h["anchor"])
            assert headings and clashing(headings) == [], view
    assert external_requests == []


def test_defis_charts_keep_their_numbers_readable(tab: Page, base_url: str, external_requests: list[str]):
    goto_app(tab, base_url + "/defis")
    # train: the legend of the audience bars hides no bar's value
    main(tab).get_by_role("tab", name=re.compile("Former")).click()
    wait_for_app(tab)
    expect_charts_drawn(tab)
    bars = main(tab).locator(".js-plotly-plot").filter(has=tab.locator(".legend"))
    drawn = bars.locator(".legend").first.bounding_box()
    legend = {"x": drawn["x"], "y": drawn["y"], "w": drawn["width"], "h": drawn["height"]}
    values = boxes(tab, ".js-plotly-plot:has(.legend) .bartext")
    assert values and [v["text"] for v in values if overlap(v, legend)] == []
    # evaluate: the SDG heatmap's colour bar title stands clear of its ticks (« 4 »)
    main(tab).get_by_role("tab", name=re.compile("Évaluer")).click()
    wait_for_app(tab)
    expect_charts_drawn(tab)
    heat = ".js-plotly-plot:has(.hm)"
    title = boxes(tab, f"{heat} .cbtitle text")
    ticks = boxes(tab, f"{heat} .cbaxis text")
    assert title and ticks and [t["text"] for t in ticks if overlap(t, title[0])] == []
    assert external_requests == []


def test_evolution_bar_labels_are_whole(tab: Page, base_url: str, external_requests: list[str]):
    goto_app(tab, base_url + "/evolution")
    expect_charts_drawn(tab)
    labels = main(tab).locator(".js-plotly-plot .ytick text").all_text_contents()
    assert labels and [lb for lb in labels if lb.endswith("…")] == []
    assert external_requests == []


def test_the_cofunding_network_names_investors_inside_the_plot_in_workshop_mode(tab: Page, base_url: str,
                                                                               external_requests: list[str]):
    goto_app(tab, base_url + "/collectif?vue=alliances&atelier=1")
    expect_charts_drawn(tab)
    network = main(tab).locator(".js-plotly-plot").filter(has=tab.locator(".scatterlayer .textpoint")).first
    network.scroll_into_view_if_needed()
    frame = network.locator(".main-svg").first.bounding_box()
    names = network.locator(".textpoint text")
    texts = [t.replace("\n", " ") for t in names.evaluate_all(
        "ts => ts.map(t => [...t.querySelectorAll('tspan.line')].map(l => l.textContent).join(' ') || t.textContent)")]
    assert "Institut public de la relance (fictif)" in texts  # a name, not its code INS1
    labels = boxes(tab, ".js-plotly-plot .textpoint text")
    outside = [b["text"] for b in labels if b["x"] < frame["x"] or b["x"] + b["w"] > frame["x"] + frame["width"]
               or b["y"] < frame["y"] or b["y"] + b["h"] > frame["y"] + frame["height"]]
    assert outside == []
    clashes = [(a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1:] if overlap(a, b)]
    assert clashes == []
    assert external_requests == []


CONTRAST_JS = """els => els.map(e => {
    const lum = rgb => rgb.match(/\\d+/g).slice(0, 3).map(Number).map(v => v / 255)
        .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
        .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
    const s = getComputedStyle(e);
    return {text: e.textContent, size: parseFloat(s.fontSize), contrast: 1.05 / (lum(s.fill) + 0.05)};
})"""


def test_workshop_chart_labels_are_as_large_as_the_body_text_and_dark_enough(tab: Page, base_url: str,
                                                                           external_requests: list[str]):
    goto_app(tab, base_url + "/defis?atelier=1")
    expect_charts_drawn(tab)
    body = float(main(tab).locator("[data-testid=stMarkdownContainer] p").first.evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)"))
    labels = main(tab).locator(".js-plotly-plot .xtick text, .js-plotly-plot .ytick text").evaluate_all(CONTRAST_JS)
    assert labels
    assert [lb for lb in labels if lb["size"] < body] == [], body
    assert [lb for lb in labels if lb["contrast"] < 4.5] == []
    assert external_requests == []


def test_a_territory_picked_in_the_list_is_highlighted_on_the_map(tab: Page, base_url: str,
                                                                 external_requests: list[str]):
    goto_app(tab, base_url + "/besoins")
    expect_charts_drawn(tab)
    from .helpers import pick_option
    pick_option(tab, T.FILTER_TERRITORY, "Bretagne")
    expect_charts_drawn(tab)
    # the chosen region drawn in full, the others dimmed
    assert eventually(tab, lambda: tab.evaluate(
        """() => { const gd = document.querySelector('.js-plotly-plot');
                   const t = gd.data[gd.data.length - 1];
                   return t.selectedpoints && t.selectedpoints.length === 1
                          && t.customdata[t.selectedpoints[0]] === 'REG-53'; }"""))
    assert external_requests == []


def test_the_home_metrics_show_their_labels_whole_at_1280_px(tab: Page, base_url: str, external_requests: list[str]):
    """Five metrics side by side beside the sidebar: « Programmes actifs » and its help icon were cut to « Programmes … »."""
    goto_app(tab, base_url + "/")
    labels = main(tab).get_by_test_id("stMetricLabel")
    expect(labels.first).to_be_visible()
    cut = tab.evaluate("""() => [...document.querySelectorAll('[data-testid="stMetricLabel"] p, '
        + '[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"]')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)""")
    assert labels.count() >= 5 and cut == []
    assert external_requests == []
