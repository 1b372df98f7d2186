"""The session report (DESIGN section 5): the pages' numbers in one self-contained file, from the same analytics
functions, on the small hand-checked inventory of tests/followup_inventory.py (snapshot of 30/06/2020)."""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from inventory.analysis import coverage, followup, needs, pathways
from inventory.outputs import session_report
from inventory import formats
from inventory import texts as T
from inventory.outputs.charts import number
from inventory.store import Store
from tests import followup_inventory as inv
from tests.test_cli import cli, no_traceback, run


class Tables(HTMLParser):
    """The report's tables by their ``data-name``: (title, headings, rows of cell texts)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict] = {}
        self.current: dict | None = None
        self.cell: list[str] | None = None
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("class") == "table":
            self.current = self.tables[attrs["data-name"]] = {"title": "", "headings": [], "rows": []}
        elif self.current is not None and tag == "h3":
            self.in_title = True
        elif self.current is not None and tag == "tr":
            self.current["rows"].append([])
        elif self.current is not None and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "h3":
            self.in_title = False
        elif tag in ("td", "th") and self.cell is not None and self.current is not None:
            self.current["rows"][-1].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "table" and self.current is not None:
            self.current["headings"] = self.current["rows"].pop(0)
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        elif self.in_title and self.current is not None:
            self.current["title"] += data


def tables(html: str) -> dict[str, dict]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


def column(table: dict, heading: str) -> list[str]:
    k = table["headings"].index(heading)
    return [row[k] for row in table["rows"]]


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """One database and one report for the tests that only read them (a report takes a second or two)."""
    store = Store(tmp_path_factory.mktemp("report") / "inventory.duckdb")
    yield store, inv.load(store)
    store.close()


@pytest.fixture(scope="module")
def report(followed):
    store, sid = followed
    return session_report.build_html(store, sid)


def test_key_figures_are_the_home_page_counts(followed, report):
    store, sid = followed
    figures = dict(tables(report)["chiffres_cles"]["rows"])
    # 9 need rows, 25 actors (5+2+1+8+2+3+2+1+1); 5 active programmes (P4 ended on 31/05); 3 investors; 8 territories
    # with needs; 4 white zones at region level (below); 5 commitments, 1 late (E2, due 31/05, still envisaged);
    # 10 actors reached (3+4+2+1, declared)
    assert figures[T.HOME_METRIC_NEEDS] == "9"
    assert figures[T.HOME_METRIC_ACTORS] == "25"
    assert figures[T.HOME_METRIC_PROGRAMMES] == "5"
    assert figures[T.HOME_METRIC_INVESTORS] == "3"
    assert figures[T.HOME_METRIC_TERRITORIES] == "8"
    assert figures[T.CHART_WHITE_ZONES] == "4"
    assert figures[T.REPORT_COMMITMENTS] == "5" and figures[T.REPORT_LATE] == "1"
    assert figures[T.REPORT_REACHED] == "10"
    matrix = coverage.need_matrix(store, sid, level="region")
    assert figures[T.CHART_WHITE_ZONES] == number(int(matrix["zone_blanche"].sum()))
    assert figures[T.COLUMN_LABELS["alliance"]] == number(int(matrix["alliance"].sum()))


def test_the_map_table_holds_the_matrix_numbers_of_each_region(followed, report):
    store, sid = followed
    shown = tables(report)["besoins_par_region"]
    rows = {r[0]: r[1:] for r in shown["rows"]}
    # Occitanie: Hérault 5 actors × 4 + 1 × 2, Haute-Garonne 2 × 3 → 8 actors, score 28, mean intensity 3.5
    assert rows["Occitanie"] == ["8", "28", "3,50"]
    assert rows["Provence-Alpes-Côte d'Azur"] == ["8", "40", "5,00"]
    matrix = coverage.need_matrix(store, sid, level="region")
    by_region = matrix[matrix["acteurs"] > 0].groupby("nom")[["acteurs", "score"]].sum()
    assert {nom: (int(a), int(s)) for nom, (a, s) in by_region.iterrows()} == {
        nom: (int(a), int(s)) for nom, (a, s, _) in rows.items()}


def test_the_worst_white_zones_are_the_matrix_white_zones_worst_first(followed, report):
    store, sid = followed
    shown = tables(report)["zones_blanches"]
    # Gironde's cooperation need (3 × 4) has no programme; Haute-Garonne's skills need (2 × 3) and Hérault's digital
    # need (1 × 2) neither (P4 ended, E3 abandoned); Île-de-France's own digital need (1 × 1) is not reached by the
    # Hauts-de-Seine programme P6, which still counts for the region. E1 and E2 (open) reach the first two.
    assert [r[:5] for r in shown["rows"]] == [
        ["Nouvelle-Aquitaine", "Alliances et coopération", "3", "12", "0"],
        ["Occitanie", "Compétences et formation", "2", "6", "0"],
        ["Occitanie", "Outils numériques", "1", "2", "0"],
        ["Île-de-France", "Outils numériques", "1", "1", "1"],
    ]
    assert column(shown, T.REPORT_HEADINGS["en_voie_de_couverture"]) == [T.YES, T.YES, T.NO,
                                                                        T.NO]
    assert column(shown, T.COLUMN_LABELS["couverture"])[3] == T.plural(T.COVERAGE_WORDS, programmes=1).format(
        programmes="1", where=T.COVERAGE_WHERE["region"], part=formats.percent(0, "part_couverte"))
    white = coverage.white_zones(store, sid, level="region")
    assert [(r[0], r[2], r[3]) for r in shown["rows"]] == [
        (n, number(a), number(s)) for n, a, s in zip(white["nom"], white["acteurs"], white["score"])]


def test_top_needs_missing_links_and_commitments_are_the_analytics_rows(followed, report):
    store, sid = followed
    got = tables(report)
    # scores by theme: model 40, legal 20 + 6 = 26, cooperation 12, digital 11, skills 6 → total 95
    assert [r[:4] for r in got["besoins_principaux"]["rows"]] == [
        ["Modèle socio-économique et financement", "8", "40", "42,1"],
        ["Juridique", "7", "26", "27,4"],
        ["Alliances et coopération", "3", "12", "12,6"],
    ]
    links = pathways.missing_links(store, sid)
    assert column(got["maillons_manquants"], T.COLUMN_LABELS["nom"]) == list(links["nom"])
    assert column(got["maillons_manquants"], T.REPORT_HEADINGS["maillon_manquant"]) == [
        T.MISSING_LINK_LABELS[k] for k in links["maillon_manquant"]]
    # late ones first: E2 (late), then by due date
    assert column(got["engagements"], T.TABLE_LABELS["id"]) == list(followup.commitments(store, sid)["id"])
    assert column(got["engagements"], T.TABLE_LABELS["id"])[0] == "E2"
    assert column(got["engagements_par_statut"], T.REPORT_HEADINGS["engagements"]) == ["1", "2", "1", "1"]


def test_the_report_is_one_file_that_asks_nothing_of_the_network(report):
    assert "<script src" not in report and "<link" not in report and "<iframe" not in report
    assert report.count("window.PlotlyGeoAssets =") == 1
    assert '"outlines_region": {"type":"FeatureCollection"' in report.replace(' "type"', '"type"')
    assert report.count("plotly.js v") <= 2  # the bundle's banner: the script is inlined once
    assert "@page { size: A4 landscape" in report


def test_typed_text_is_shown_as_typed_never_as_html(store):
    sid = store.write_snapshot(inv.full_tables(), label='<img src=x onerror="alert(1)"> & co', as_of=inv.AS_OF)[0]
    html = session_report.build_html(store, sid)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co" in html


def test_an_inventory_without_follow_up_or_history_says_so(store):
    sid = store.write_snapshot(inv.tables(investisseurs=inv.INVESTISSEURS, programmes=inv.PROGRAMMES,
                                          besoins=inv.BESOINS), label="Sans suivi", as_of=inv.AS_OF)[0]
    html = session_report.build_html(store, sid)
    for sentence in (T.CLI_NO_COMMITMENTS, T.REPORT_NO_RESULTS, T.HOME_NO_PREVIOUS):
        assert sentence.replace("'", "&#x27;") in html
    assert [m for m in re.findall(r'<section id="(\w+)"', html)] == [  # the report opens on the signals
        "signaux", "chiffres", "besoins", "carte", "zones_blanches", "parcours", "alliances", "resultats", "evolution",
        "definitions"]


def test_what_changed_compares_with_the_previous_snapshot(demo_store):
    snaps = demo_store.snapshots()
    before, after = sorted(snaps, key=lambda s: s.as_of)
    html = session_report.build_html(demo_store, after.id)
    assert T.HOME_CHANGES_SINCE.format(label=before.label, as_of=before.as_of.strftime("%d/%m/%Y")) in html
    counts = {r[0]: r[1:] for r in tables(html)["evolution_chiffres"]["rows"]}
    was, now = needs.counts(demo_store, before.id), needs.counts(demo_store, after.id)
    assert counts[T.EVOL_METRIC_SIGNALS] == [number(was["besoins"]), number(now["besoins"]),
                                             number(now["besoins"] - was["besoins"])]


def test_the_report_speaks_its_own_language_without_changing_the_callers(followed):
    store, sid = followed
    assert T.language() == "fr"
    html = session_report.build_html(store, sid, lang="en")
    assert T.language() == "fr"
    assert '<html lang="' in html


# --- command line ------------------------------------------------------------------------------------------------
@pytest.fixture
def db(store):
    inv.load(store)
    store.close()
    return store.path


def test_report_command_writes_html(tmp_path, db):
    done = cli("report", str(tmp_path / "rapport.html"), db=db)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and T.REPORT_TITLE in html
    assert "rapport.html" in done.stdout


@pytest.mark.skipif(session_report.chromium() is None, reason="Chromium is needed to print the PDF")
def test_report_command_prints_a_pdf_on_a4_landscape(tmp_path, db):
    done = cli("report", str(tmp_path / "rapport.pdf"), "--snapshot", "1", "--lang", "fr", db=db)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    pdf = (tmp_path / "rapport.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 5 <= pages <= 30  # one page or two per section
    width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points


def test_report_command_explains_what_it_cannot_do(tmp_path, db, capsys, monkeypatch):
    monkeypatch.setenv("INVENTORY_CHROMIUM", "")  # as on a machine without Chromium
    code, _, err = run(capsys, "report", str(tmp_path / "rapport.pdf"), "--db", str(db))
    assert code != 0 and T.REPORT_NO_CHROMIUM in err
    assert not (tmp_path / "rapport.pdf").exists()
    code, _, err = run(capsys, "report", str(tmp_path / "rapport.docx"), "--db", str(db))
    assert code != 0 and T.REPORT_BAD_PATH.format(path=tmp_path / "rapport.docx") in err
    code, _, err = run(capsys, "report", str(tmp_path / "r.html"), "--snapshot", "42", "--db", str(db))
    assert code == 1 and T.CLI_UNKNOWN_SNAPSHOT.format(id=42) in err
