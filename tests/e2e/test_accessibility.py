"""Accessibility, checked offline by axe-core (vendored in tests/e2e/vendor/) in Chromium: on every page, in the
usual and the workshop mode and in English, no serious or critical breach of the rules on text contrast (WCAG AA)
and on names and labels of controls, and headings in order. In the usual mode the same walk reads every word and
tooltip of each view for English (issue 13, tests/e2e/test_display.py: Streamlit's and plotly's own words); in the
usual mode and in English it checks every table's deciding columns (issue 23, tests/e2e/test_deciding_columns.py),
opening the few views of that walk it does not open itself. The suite runs those rules only (the failing ones);
with AXE_REPORT_DIR set, every rule of WCAG 2 A/AA and best practices runs and every finding is printed and
written there for the record (the same breaches fail the test either way)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page

from inventory import texts as T

from .helpers import assert_no_exception, expect_charts_drawn, goto_app
from . import test_deciding_columns as deciding
from .test_display import english_words

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
# The rules a failure is made of: contrast, and every control named for a screen reader or a voice command.
ENFORCED = {"color-contrast", "label", "label-title-only", "aria-input-field-name", "aria-toggle-field-name",
            "button-name", "link-name", "select-name", "input-button-name", "image-alt", "svg-img-alt",
            "aria-command-name", "aria-meter-name", "aria-progressbar-name", "form-field-multiple-labels"}
SEVERE = {"serious", "critical"}
# Enforced whatever their impact: headings in order (h1, then h2, then h3), so a screen reader's outline is the page's.
ANY_IMPACT = {"heading-order"}
# (a territory, an investor, a pathway cell as the deciding-columns walk chooses them: one opening serves both)
VIEWS = ["/", "/besoins?territoire=REG-76", "/couverture", "/couverture?vue=lacunes", "/couverture?vue=catalogue",
         "/couverture?vue=territoire&territoire=REG-76", "/collectif", "/collectif?vue=alliances",
         "/collectif?vue=positionner&investisseur=INS1", "/collectif?vue=parcours&case=REG-76%7Crh_benevolat",
         "/collectif?vue=engagements", "/defis", "/evolution", "/methode", "/signaux",
         "/organisation?organisation=FDN1", "/importer"]
MODES = {"usual": "", "workshop": "atelier=1", "english": "lang=en"}
TABLES_LANGUAGE = {"usual": "fr", "english": "en"}  # the modes that check the deciding columns of every table


# Every rule of these tags when a full record is asked for (AXE_REPORT_DIR); else only the rules a breach is made of.
RECORD_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page: Page, every_rule: bool = True) -> list[dict]:
    """axe-core's violations on the page as it is now: WCAG 2 A/AA rules and best practices, or with
    `every_rule=False` only the enforced ones (axe's slowest work, on rules that cannot fail the test, skipped)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    run_only = ({"type": "tag", "values": RECORD_TAGS} if every_rule
                else {"type": "rule", "values": sorted(ENFORCED | ANY_IMPACT)})
    return page.evaluate("""async (runOnly) => {
        const result = await axe.run(document, {resultTypes: ['violations'], runOnly});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                                      summary: (n.failureSummary || '').slice(0, 300),
                                      html: n.html.slice(0, 200)}))}));
    }""", run_only)


def _url(base_url: str, view: str, mode: str) -> str:
    query = MODES[mode]
    if not query:
        return base_url + view
    return base_url + view + ("&" if "?" in view else "?") + query


@pytest.mark.parametrize("mode", list(MODES))
def test_no_serious_contrast_or_label_breach_on_any_page(tab: Page, base_url: str, external_requests: list[str],
                                                         mode: str, tmp_path: Path):
    record = os.environ.get("AXE_REPORT_DIR")
    found: dict[str, list[dict]] = {}
    english: dict[str, list[str]] = {}  # French views only: the English words a reader meets there
    language = TABLES_LANGUAGE.get(mode)
    seen: set[str] = set()  # the deciding-columns walk's tables met
    walked: set[str] = set()
    tables: list[str] = []  # its problems
    for view in VIEWS:
        if mode == "workshop" and view.startswith("/importer"):
            continue  # not offered in workshop mode
        goto_app(tab, _url(base_url, view, mode))
        assert_no_exception(tab)
        expect_charts_drawn(tab)
        if mode == "usual":
            english[view] = english_words(tab)
        found[view] = axe_violations(tab, every_rule=bool(record))
        if language and view in deciding.VIEWS:  # last: it clicks the tabs of Les trois défis
            with T.speaking(language):
                tables += deciding.check_view(tab, view, seen)
            walked.add(view)
    if language:
        with T.speaking(language):
            tables += deciding.walk_the_rest(tab, base_url, language, walked, seen)
    out = Path(record or tmp_path)  # every finding in detail (of every rule with AXE_REPORT_DIR), for the record
    out.mkdir(parents=True, exist_ok=True)
    (out / f"axe-{mode}.json").write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\naxe-core findings, {mode} mode ({'every rule' if record else 'enforced rules'}; "
          f"{out / f'axe-{mode}.json'}):")
    for view, violations in found.items():
        for v in violations:
            print(f"  {view}: {v['id']} ({v['impact']}, {len(v['nodes'])} element(s)): {v['help']}")
            for n in v["nodes"][:3]:
                print(f"      {n['target']}")
    breaches = {f"{view}: {v['id']} at {n['target']}" for view, violations in found.items() for v in violations
                for n in v["nodes"]
                if (v["id"] in ENFORCED and (n["impact"] or v["impact"]) in SEVERE) or v["id"] in ANY_IMPACT}
    assert sorted(breaches) == []
    assert {view: words for view, words in english.items() if words} == {}
    assert tables == []  # every table shows the columns that answer its question whole at 1280 px
    assert external_requests == []


FOCUSED_WIDGET = """() => {
    const box = document.activeElement && document.activeElement.closest(
        '[data-testid="stRadio"], [data-testid="stSelectbox"], [data-testid="stMultiSelect"], ' +
        '[data-testid="stButtonGroup"], [data-testid="stCheckbox"]');
    const label = box && box.querySelector('[data-testid="stWidgetLabel"]');
    return label ? label.innerText.trim() : null;
}"""


def test_the_main_filters_are_reached_and_used_with_the_keyboard_alone(tab: Page, base_url: str,
                                                                       external_requests: list[str]):
    """Tab after Tab from the top of /besoins: every filter of the sidebar gets the focus; the arrow keys then
    change the scale (the URL follows, as with a click)."""
    from inventory import texts as T

    from .helpers import url_with
    from playwright.sync_api import expect

    goto_app(tab, f"{base_url}/besoins")
    expect_charts_drawn(tab)
    reached: list[str] = []
    for _ in range(80):
        tab.keyboard.press("Tab")
        label = tab.evaluate(FOCUSED_WIDGET)
        if label and label not in reached:
            reached.append(label)
        if label == T.FILTER_LEVEL:
            break
    assert {T.SIDEBAR_SNAPSHOT, T.FILTER_SOURCE, T.FILTER_AUDIENCE, T.FILTER_SECTOR, T.FILTER_THEMES,
            T.FILTER_LEVEL} <= set(reached), reached
    tab.keyboard.press("ArrowRight")  # « Régions » → « Départements »
    expect(tab).to_have_url(url_with("niveau=departement"))
    assert external_requests == []


def test_the_walk_covers_every_page_and_view_of_the_registry():
    """A page or a view added to ui/registry.py and not to this walk fails here, instead of being skipped."""
    from ui import registry
    walked = {v.split("?")[0].strip("/") or "home" for v in VIEWS}
    assert walked == {p.url_path for p in registry.PAGES}
    for p in registry.PAGES:
        views = {v.split("vue=")[1].split("&")[0] for v in VIEWS if v.startswith(f"/{p.url_path}?") and "vue=" in v}
        assert set(p.view_codes()[1:]) <= views, p.url_path
