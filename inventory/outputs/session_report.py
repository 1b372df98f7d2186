"""The session report (« rapport de séance »): for one snapshot, what a dialogue session needs on paper, as one
self-contained HTML file that opens with no network and prints on A4 landscape, and as PDF where Chromium is present.

The numbers are the pages' own: the same ``analytics`` functions, the same ``charts`` figures and table views.
Figures stay small (aggregates, never raw rows) and tables are cut to their first ``ROW_LIMIT`` rows, with a line
saying how many there are, so a 1,000,000-need snapshot still makes a report of a few megabytes. Not to be confused
with ``inventory.intake.report``, the import report.

    html = session_report.build_html(store, snapshot_id, lang="fr")
    session_report.write(store, Path("rapport.pdf"))      # .html or .pdf
"""
from __future__ import annotations

import contextvars
import datetime as dt
import html
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io
import plotly.offline

from inventory import formats, reference, seances
from inventory.formats import date as date_text, number
from inventory.analysis import collective, coverage, evolution, followup, needs, pathways, signals
from inventory.outputs import charts, digest
from inventory import texts
from inventory.models import STATUTS, Snapshot
from inventory.parsing import LIST_SEPARATOR
from inventory.store import Store

T = texts
ROW_LIMIT = 15
# A4 landscape is 297 × 210 mm; with 10 mm margins about 1 050 × 720 CSS pixels remain for the content.
PAGE_WIDTH_PX = 1040
MAP_SIZE = (600, 500)
SMALL_MAP_SIZE = (560, 420)
WIDE_SIZE = (PAGE_WIDTH_PX, 420)
# The trace's ``geojson`` is this key of ``window.PlotlyGeoAssets``, filled once in the page from data/geo: plotly
# reads outlines given by name from there and fetches nothing.
OUTLINE_KEY = "outlines_{level}"
# A geo figure makes plotly fetch its base map (world_110m) even with every base layer hidden: the empty one the app
# serves from static/ is inlined instead.
BASE_MAP = Path(__file__).resolve().parents[2] / "static" / "plotly_topojson" / "world_110m.json"
LONGEST_CELL = 160  # characters of a text cell on paper (a list of fifty investors is cut, the dashboard has it)
PDF_TIMEOUT = 120  # seconds; a hung Chromium is killed with all its children past this


class ChromiumMissing(RuntimeError):
    """No Chromium on this machine: the report exists as HTML only."""


# --- what the report holds -----------------------------------------------------------------------------------
@dataclass
class Table:
    """A table as shown: French headings, values formatted for reading; ``total`` rows before the cut."""

    frame: pd.DataFrame
    keys: list[str]  # the column keys behind the headings (decimals and kinds of values)
    total: int
    name: str
    title: str | None = None


@dataclass
class Section:
    key: str
    title: str
    lines: list[str] = field(default_factory=list)  # sentences (already formatted, escaped at rendering)
    figures: list[tuple[go.Figure, tuple[int, int]]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)  # keys of texts.FORMULAS
    side_by_side: bool = False  # the figure with its table beside it (a map and its numbers)
    empty: str | None = None  # the sentence shown instead when there is nothing


def _table(frame: pd.DataFrame, columns: list[str], name: str, *, themes: dict[str, str], title: str | None = None,
           headings: dict[str, str] | None = None, limit: int | None = ROW_LIMIT) -> Table:
    """The rows as the pages show them (``charts.table_view``), cut to ``limit``."""
    total = len(frame)
    shown = frame.head(limit) if limit else frame
    view = charts.table_view(shown, columns, theme_labels=themes, headings={**T.REPORT_HEADINGS, **(headings or {})})
    keys = [c for c in columns if c in shown or (c == "couverture" and "part_couverte" in shown)]
    if len(view.columns) > len(keys):  # the flag table_view puts beside a declared rate above 100 %
        keys.insert(keys.index("taux_atteinte") + 1, "alerte_taux")
    return Table(view, keys, total, name, title)


def _lists(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """List cells (a commitment's investors, themes, territories) as « a ; b » text, as the catalogue shows them."""
    out = frame.copy()
    for col in columns:
        if col in out:
            out[col] = [LIST_SEPARATOR.join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else v
                        for v in out[col]]
    return out


def previous_snapshot(store: Store, snap: Snapshot) -> Snapshot | None:
    """What ``snap`` is compared with, as on the home page and Évolution (``seances.baseline``)."""
    return seances.baseline(store.snapshots(), snap.id)


def sections(store: Store, snap: Snapshot) -> list[Section]:
    """Every section of the report, in order, with its numbers."""
    sid = snap.id
    themes = dict(needs.themes(store, sid)[["code", "libelle"]].itertuples(index=False))
    region = coverage.need_matrix(store, sid, level="region")
    c = needs.counts(store, sid)
    follow = followup.followup_summary(store, sid)
    co = collective.cofunding(store, sid)
    out: list[Section] = [_signals(store, snap)]  # the report opens on what needs someone

    # key figures
    figures = pd.DataFrame([
        (T.HOME_METRIC_NEEDS, c.get("besoins", 0)), (T.HOME_METRIC_ACTORS, c.get("acteurs", 0)),
        (T.HOME_METRIC_PROGRAMMES, c.get("programmes_actifs", 0)), (T.HOME_METRIC_INVESTORS, c.get("investisseurs", 0)),
        (T.HOME_METRIC_TERRITORIES, c.get("territoires", 0)), (T.CHART_WHITE_ZONES, int(region["zone_blanche"].sum())),
        (T.COLUMN_LABELS["alliance"], int(region["alliance"].sum())),
        (T.REPORT_COMMITMENTS, follow["engagements"]), (T.REPORT_LATE, follow["en_retard"]),
        (T.REPORT_REACHED, follow["beneficiaires"]),
    ], columns=["chiffre", "valeur"])
    key = Section("chiffres", T.REPORT_KEY_FIGURES, formulas=["actif", "acteurs", "zone_blanche", "alliance"])
    key.lines.append(T.REPORT_COFUNDING_LINE.format(rate=formats.percent(co["taux"], "taux"), co=number(co["cofinances"]),
                                                    total=number(co["programmes"])))
    key.tables.append(Table(figures.rename(columns=T.REPORT_FIGURE_COLUMNS), ["chiffre", "valeur"], len(figures),
                            "chiffres_cles"))
    out.append(key)

    # top needs
    top = needs.top_needs(store, sid)
    top_section = Section("besoins", T.HOME_TOP_NEEDS, formulas=["score", "intensite_moyenne"], empty=T.HOME_NO_NEEDS)
    if not top.empty:
        top_section.tables.append(_table(top, ["thematique", "acteurs", "score", "part", "intensite_moyenne",
                                         "territoire_max_nom"], "besoins_principaux", themes=themes))
    out.append(top_section)

    # the map: actors in need by region, with the same numbers beside it
    totals = needs.needs_by_territory(store, sid, level="region")
    where = Section("carte", T.REPORT_MAP, formulas=["acteurs", "score", "intensite_moyenne"], side_by_side=True,
                    empty=T.HOME_NO_NEEDS)
    if not totals.empty:
        where.figures.append((_offline(charts.france_map(totals, "acteurs", "region"), "region"), MAP_SIZE))
        where.tables.append(_table(totals, ["nom", "acteurs", "score", "intensite_moyenne"], "besoins_par_region",
                                   themes=themes, limit=None))
        for national in totals[totals["territoire"] == reference.NATIONAL].itertuples():
            where.lines.append(T.NATIONAL_NOTE.format(acteurs=number(national.acteurs), score=number(national.score)))
        where.lines.append(T.MAP_ATTRIBUTION)
    out.append(where)

    # white zones and partly covered cells
    zones = coverage.white_zones_with_commitments(store, sid, level="region")
    gaps = coverage.coverage_gaps(store, sid, level="region")
    partial = gaps[~gaps["zone_blanche"]]
    white = Section("zones_blanches", T.REPORT_WHITE_ZONES,
                    formulas=["zone_blanche", "part_couverte", "en_voie_de_couverture"])
    if zones.empty:
        white.lines.append(T.HOME_NO_WHITE_ZONE)
    else:
        shown = charts.per_territory(region)
        white.figures.append((_offline(charts.france_map(shown, "zones_blanches", "region",
                                                         value_label=T.CHART_WHITE_ZONES), "region"), SMALL_MAP_SIZE))
        white.side_by_side = True  # the map's numbers beside it: white-zone themes per territory
        per_place = shown[shown["zones_blanches"] > 0].sort_values("zones_blanches", ascending=False, kind="stable")
        white.tables.append(_table(per_place.astype({"zones_blanches": "int64"}), ["nom", "zones_blanches"],
                                   "zones_blanches_par_territoire", themes=themes, limit=None,
                                   headings={"zones_blanches": T.CHART_WHITE_ZONES}))
        white.tables.append(_table(zones, ["nom", "thematique", "acteurs", "score", "programmes", "couverture",
                                           "en_voie_de_couverture"], "zones_blanches", themes=themes,
                                   title=T.REPORT_WORST_WHITE_ZONES))
    if not partial.empty:
        white.tables.append(_table(partial, ["nom", "thematique", "acteurs", "score", "score_couvert", "part_couverte",
                                             "couverture"], "cases_partiellement_couvertes", themes=themes,
                                   title=T.REPORT_PARTLY_COVERED))
    out.append(white)

    # pathways and commitments
    links = pathways.missing_links(store, sid, level="region")
    follow_through = Section("parcours", T.REPORT_PATHWAYS,
                             formulas=["parcours", "maillon_manquant", "en_retard", "prime_alliance"])
    if links.empty:
        follow_through.lines.append(T.REPORT_NO_MISSING_LINK)
    else:
        links = links.assign(maillon_manquant=links["maillon_manquant"].map(T.MISSING_LINK_LABELS))
        follow_through.tables.append(_table(links, ["nom", "thematique", "acteurs", "score", "programmes",
                                                    "maillon_manquant"], "maillons_manquants", themes=themes,
                                            title=T.REPORT_MISSING_LINKS))
    commitments = followup.commitments(store, sid)
    if commitments.empty:
        follow_through.lines.append(T.CLI_NO_COMMITMENTS)
    else:
        premium = followup.alliance_premium(store, sid)
        follow_through.lines.append(formats.counted(
            T.REPORT_PREMIUM_LINE, joint=premium["conjoints"], total=premium["engagements"],
            part=formats.percent(premium["part_engagements"], "part_engagements")))
        status = followup.commitments_by_status(store, sid)
        status = status.assign(statut=status["statut"].map(STATUTS))
        follow_through.tables.append(_table(status, ["statut", "engagements", "montant_eur", "en_retard"],
                                            "engagements_par_statut", themes=themes, title=T.REPORT_BY_STATUS))
        rows = _lists(commitments.assign(statut=commitments["statut"].map(STATUTS),
                                         zones_blanches=[len(z) for z in commitments["zones_blanches"]]),
                      ["thematiques", "territoires"])
        follow_through.tables.append(_table(rows, ["id", "noms_investisseurs", "thematiques", "territoires", "statut",
                                                   "montant_eur", "echeance", "en_retard", "zones_blanches"],
                                            "engagements", themes=themes, title=T.REPORT_COMMITMENT_LIST))
    out.append(follow_through)

    # alliance opportunities
    cells = collective.alliance_cells(store, sid)
    together = Section("alliances", T.TOGETHER_ALLIANCES, formulas=["alliance", "cofinancement"],
                       empty=T.TOGETHER_NO_ALLIANCE)
    together.lines.append(T.REPORT_COFUNDING_LINE.format(rate=formats.percent(co["taux"], "taux"),
                                                         co=number(co["cofinances"]), total=number(co["programmes"])))
    if not cells.empty:
        together.tables.append(_table(cells, ["nom", "thematique", "acteurs", "score", "programmes", "investisseurs",
                                              "noms_investisseurs"], "alliances", themes=themes))
    out.append(together)

    # results (declared)
    results = Section("resultats", T.REPORT_RESULTS, formulas=["beneficiaires", "taux_atteinte", "montant_verse"])
    reached = followup.result_cells(store, sid, level="region")
    reached = reached[reached["beneficiaires"] > 0].sort_values(["beneficiaires", "acteurs"], ascending=False,
                                                                  kind="stable")
    if reached.empty:
        results.lines.append(T.REPORT_NO_RESULTS)
    else:
        results.lines.append(T.DECLARED_NOTE)
        results.lines.append(T.REPORT_REACH_LINE.format(
            reached=number(follow["beneficiaires"]), actors=number(follow["acteurs"]),
            rate=formats.percent(follow["taux_atteinte"], "taux_atteinte")))
        results.tables.append(_table(reached, ["nom", "thematique", "acteurs", "beneficiaires", "taux_atteinte",
                                               "montant_verse_eur"], "resultats", themes=themes,
                                     title=T.REPORT_RESULT_CELLS))
        paid = followup.disbursed_by_investor(store, sid)
        if not paid.empty:
            results.tables.append(_table(paid, ["nom", "budget_eur", "montant_verse_eur", "part_versee"],
                                         "verse_par_investisseur", themes=themes, title=T.REPORT_DISBURSED,
                                         headings={"nom": T.CHART_INVESTOR}))
    out.append(results)

    out.append(_changes(store, snap, themes, c))

    definitions = Section("definitions", T.REPORT_DEFINITIONS)
    definitions.lines.append(T.METHOD_INTRO.format(label=snap.title, as_of=date_text(snap.as_of)))
    definitions.formulas = list(T.FORMULAS)
    out.append(definitions)
    return out


def _signals(store: Store, snap: Snapshot) -> Section:
    """The signals since the previous import, most pressing first, each with the members best placed (the
    Signaux page's own sentences), then the thresholds."""
    section = Section("signaux", T.REPORT_SIGNALS)
    found = signals.signals(store, signals.previous_import(store, snap.id), snap.id)
    themes = digest.theme_names(store, snap.id)
    for s in found.head(ROW_LIMIT).to_dict(orient="records"):
        section.lines.append(f"{s['rang']}. {T.SIGNAL_TYPES[s['type']]} — {digest.sentence(s, themes)} "
                             f"{T.SIGNALS_FOR_LINE.format(members=digest.members_line(s))}")
    if len(found) > ROW_LIMIT:
        section.lines.append(formats.counted(T.REPORT_SIGNALS_MORE, n=len(found) - ROW_LIMIT))
    if found.empty:
        section.lines.append(T.SIGNALS_NONE)
    section.lines.append(digest.thresholds_sentence())
    return section


def _changes(store: Store, snap: Snapshot, themes: dict[str, str], now: dict[str, int]) -> Section:
    """What changed since the previous snapshot: the counts, the largest moves of need, white zones closed and
    opened, programmes and commitments."""
    section = Section("evolution", T.HOME_CHANGES, formulas=["zone_blanche"])
    before, since = seances.since(store.snapshots(), snap.id)
    section.lines.append(since)
    if before is None:
        return section
    was = needs.counts(store, before.id)
    rows = [(label, was.get(k, 0), now.get(k, 0), now.get(k, 0) - was.get(k, 0)) for label, k in (
        (T.EVOL_METRIC_SIGNALS, "besoins"), (T.EVOL_METRIC_ACTORS, "acteurs"),
        (T.EVOL_METRIC_ACTIVE, "programmes_actifs"), (T.EVOL_METRIC_INVESTORS, "investisseurs"))]
    counts = pd.DataFrame(rows, columns=["chiffre", "avant", "apres", "ecart"])
    section.tables.append(Table(counts.rename(columns=T.REPORT_CHANGE_COLUMNS), list(counts.columns), len(counts),
                                "evolution_chiffres"))
    moves = evolution.compare_needs(store, before.id, snap.id, level="region")
    moves = moves[moves["ecart_score"] != 0]
    if not moves.empty:
        section.figures.append((charts.change_bars(moves, theme_labels=themes, limit=ROW_LIMIT), WIDE_SIZE))
        section.tables.append(_table(moves, ["nom", "thematique", "score_avant", "score_apres", "ecart_score"],
                                     "besoins_evolution", themes=themes, title=T.REPORT_NEED_MOVES))
    zones = evolution.compare_white_zones(store, before.id, snap.id, level="region")
    moved = zones["changement"].value_counts() if not zones.empty else pd.Series(dtype=int)
    section.lines.append(T.REPORT_WZ_LINE.format(closed=number(int(moved.get("fermée", 0))),
                                                 opened=number(int(moved.get("ouverte", 0)))))
    if not zones.empty:
        section.tables.append(_table(zones, ["nom", "thematique", "changement", "score_avant", "score_apres",
                                             "part_couverte_avant", "part_couverte_apres"], "zones_blanches_evolution",
                                     themes=themes, title=T.EVOL_WZ_HEADER))
    changes = evolution.programme_change_counts(store, before.id, snap.id)
    section.lines.append(T.REPORT_PROGRAMME_LINE.format(
        active_before=number(changes["actifs_avant"]), active_after=number(changes["actifs_apres"]),
        added=number(changes["ajouté"]), started=number(changes["démarré"]), ended=number(changes["terminé"]),
        withdrawn=number(changes["retiré"]), changed=number(changes["modifié"])))
    kept = evolution.compare_commitments(store, before.id, snap.id)["changement"].value_counts()
    if kept.sum():
        section.lines.append(T.REPORT_COMMITMENT_CHANGES.format(
            **{k: number(int(kept.get(k, 0))) for k in ("tenu", "en_retard", "abandonne", "nouveau")}))
    return section


# --- figures -------------------------------------------------------------------------------------------------
def _offline(fig: go.Figure, level: str) -> go.Figure:
    """A map whose outlines are read from the page (``OUTLINE_KEY``), not from the app's static folder."""
    fig.update_traces(geojson=OUTLINE_KEY.format(level=level), selector={"type": "choropleth"})
    return fig


@lru_cache(maxsize=2)
def _outlines(level: str) -> str:
    """The outline file of a level (features keyed by ``properties.code``), as the JSON the page inlines."""
    name = "regions" if level == "region" else "departements"
    return (reference.GEO_DIR / f"{name}.geojson").read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    return plotly.offline.get_plotlyjs()


def _script_json(text: str) -> str:
    """JSON placed inside <script>: no « </script> » nor « <!-- » can end or bend it."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- HTML ----------------------------------------------------------------------------------------------------
def _cell(value: Any, key: str) -> str:
    if isinstance(value, (list, tuple, np.ndarray)):
        value = LIST_SEPARATOR.join(map(str, value))
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return "–"
    if isinstance(value, (bool, np.bool_)):
        return html.escape(T.YES if value else T.NO)
    if isinstance(value, (dt.date, pd.Timestamp)):
        return html.escape(date_text(value))
    if isinstance(value, (int, np.integer)):
        return html.escape(number(int(value)))
    if isinstance(value, (float, np.floating)):
        decimals = charts.TABLE_DISPLAY.get(key, (1, 2))[1]
        return html.escape(number(float(value), decimals))
    text = str(value)
    return html.escape(text if len(text) <= LONGEST_CELL else text[:LONGEST_CELL - 1].rstrip() + "…")


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def render_table(table: Table) -> str:
    head = "".join(f'<th scope="col">{html.escape(str(h))}</th>' for h in table.frame.columns)
    body = []
    for row in table.frame.itertuples(index=False, name=None):
        cells = "".join(f'<td class="{"num" if _numeric(v) else "txt"}">{_cell(v, k)}</td>'
                        for v, k in zip(row, table.keys))
        body.append(f"<tr>{cells}</tr>")
    title = f"<h3>{html.escape(table.title)}</h3>" if table.title else ""
    cut = ""
    if table.total > len(table.frame):
        cut = f'<p class="cut">{html.escape(T.REPORT_ROWS_CUT.format(shown=number(len(table.frame)), total=number(table.total)))}</p>'
    return (f'<div class="table" data-name="{html.escape(table.name)}">{title}'
            f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>{cut}</div>')


def render(snap: Snapshot, parts: list[Section], *, made: dt.datetime | None = None) -> str:
    """The report as one HTML document: plotly's script, the outlines and every figure inlined."""
    made = made or dt.datetime.now()
    figures: list[dict] = []
    body: list[str] = []
    for section in parts:
        chunks = [f'<h2>{html.escape(section.title)}</h2>']
        chunks += [f"<p>{html.escape(line)}</p>" for line in section.lines]
        charts_html = []
        for fig, (width, height) in section.figures:
            fig.update_layout(width=width, height=height, autosize=False)
            figures.append(json.loads(plotly.io.to_json(fig, validate=False)))
            charts_html.append(f'<div class="chart" id="chart-{len(figures) - 1}" '
                               f'style="width:{width}px;height:{height}px"></div>')
        tables_html = [render_table(t) for t in section.tables]
        if section.side_by_side and charts_html and tables_html:
            chunks.append(f'<div class="side">{charts_html[0]}<div class="beside">{tables_html[0]}</div></div>')
            chunks += charts_html[1:] + tables_html[1:]
        else:
            chunks += charts_html + tables_html
        if section.empty and not section.tables and not section.figures and not section.lines:
            chunks.append(f"<p>{html.escape(section.empty)}</p>")
        if section.formulas:
            items = "".join(f"<li>{html.escape(T.FORMULAS[k])}</li>" for k in section.formulas)
            cls = "definitions" if section.key == "definitions" else "formulas"
            chunks.append(f'<ul class="{cls}">{items}</ul>')
        body.append(f'<section id="{section.key}">{"".join(chunks)}</section>')

    levels = sorted({t.get("geojson", "") for f in figures for t in f.get("data", [])
                     if isinstance(t.get("geojson"), str)})
    assets = ", ".join(f'"{key}": {_outlines(key.split("_", 1)[1])}' for key in levels if key.startswith("outlines_"))
    base_map = BASE_MAP.read_text(encoding="utf-8").strip()
    title = T.REPORT_TITLE
    header = (f'<header><h1>{html.escape(title)}</h1>'
              f'<p class="snapshot">{html.escape(T.REPORT_SNAPSHOT.format(label=snap.title, as_of=date_text(snap.as_of)))}</p>'
              f'<p class="made">{html.escape(T.REPORT_MADE.format(date=date_text(made), time=made.strftime("%H:%M")))}</p>'
              + (f'<p class="demo">{html.escape(T.DEMO_BANNER)}</p>' if snap.demo else "") + "</header>")
    config = {"displaylogo": False, "responsive": False, "toImageButtonOptions": {"format": "png", "scale": 2}}
    return f"""<!DOCTYPE html>
<html lang="{html.escape(T.language())}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} – {html.escape(snap.title)}</title>
<style>{_css()}</style>
<script>window.PlotlyGeoAssets = {{"topojson": {{"world_110m": {base_map}}}{", " + assets if assets else ""}}};</script>
<script>{_plotly_js()}</script>
</head>
<body>
{header}
{"".join(body)}
<script>
(function () {{
  var figures = {_script_json(json.dumps(figures, separators=(",", ":")))};
  var config = {json.dumps(config)};
  var drawn = figures.map(function (f, i) {{
    return Plotly.newPlot("chart-" + i, f.data, f.layout, config);
  }});
  Promise.all(drawn).then(function () {{ document.body.setAttribute("data-drawn", String(drawn.length)); }});
}})();
</script>
</body>
</html>
"""


@lru_cache(maxsize=1)
def _css() -> str:
    return (Path(__file__).resolve().parent / "session_report.css").read_text(encoding="utf-8")


# --- building, writing, PDF -----------------------------------------------------------------------------------
def _snapshot(store: Store, snapshot_id: int | None) -> Snapshot:
    sid = snapshot_id if snapshot_id is not None else store.active_snapshot_id()
    snap = store.snapshot(sid) if sid is not None else None
    if snap is None:
        raise LookupError(T.CLI_UNKNOWN_SNAPSHOT.format(id=sid) if sid is not None else T.CLI_NO_SNAPSHOT)
    return snap


def _in_language(lang: str | None, fn, *args, **kwargs):
    """``fn`` run in ``lang`` (``texts.use``) without changing the caller's language."""
    def run():
        if lang:
            texts.use(lang)
        return fn(*args, **kwargs)
    return contextvars.copy_context().run(run)


def build_html(store: Store, snapshot_id: int | None = None, *, lang: str | None = None,
               waiting: Callable[[int], None] | None = None) -> str:
    """The report of a snapshot (the active one by default) as one self-contained HTML document, made once per
    snapshot and language (a snapshot never changes once written); ``waiting`` is told the reader's place while
    other reports are made first (see ``_made_once``)."""
    def make() -> str:
        snap = _snapshot(store, snapshot_id)
        return render(snap, sections(store, snap))
    snap = _snapshot(store, snapshot_id)
    return _made_once(_key(store, snap, lang, "html"),
                      lambda: _in_language(lang, make).encode("utf-8"), waiting).decode("utf-8")


# --- made once, one at a time, in the order asked ------------------------------------------------------------
# A room full of readers asks for the same report in the same minute: each (file, snapshot, language, kind) is
# rendered once and kept (the last few), renders run one at a time (one Chromium, not six) in the order they were
# first asked, and a waiting reader can be told their place: how many renders are ahead of theirs.
KEPT = 8
_made: "OrderedDict[tuple, bytes]" = OrderedDict()
_turns = threading.Condition()  # guards _made and the three below; woken when a render ends
_queue: list[tuple] = []  # reports asked and not yet made, first asked first; the head is the one being made
_renderer: int | None = None  # the thread making the head (a PDF's render makes its HTML inside, in that thread)
_asking: "Counter[tuple]" = Counter()  # readers waiting for each queued report


def _key(store: Store, snap: Snapshot, lang: str | None, kind: str) -> tuple:
    # the label too: a renamed snapshot's report names it anew
    return str(store.path), snap.id, snap.label, lang or texts.language(), kind


def _keep(key: tuple, data: bytes) -> None:
    with _turns:
        _made[key] = data
        while len(_made) > KEPT:
            _made.popitem(last=False)


def _made_once(key: tuple, make: Callable[[], bytes], waiting: Callable[[int], None] | None = None) -> bytes:
    """``make()``'s bytes, made once for ``key`` and kept. While this reader waits, ``waiting(n)`` is called each
    time their place changes: ``n`` renders are ahead of theirs, then 0 when theirs is being made (by them, or by
    a reader ahead of them who asked for the same report). Never called for a report already made; if it raises
    (the reader left), the reader leaves the queue and so does their report when nobody else waits for it."""
    global _renderer
    me = threading.get_ident()
    with _turns:
        if key in _made:
            _made.move_to_end(key)
            return _made[key]
        nested = _renderer == me
        if not nested:
            _asking[key] += 1
    if nested:  # inside this thread's own render: made now, never queued behind itself
        data = make()
        _keep(key, data)
        return data
    told, mine = None, False
    try:
        while True:
            with _turns:
                if key in _made:  # made by the reader ahead in the queue
                    return _made[key]
                if key not in _queue:
                    _queue.append(key)
                ahead = _queue.index(key)
                mine = ahead == 0 and _renderer is None
                if mine:
                    _renderer = me
                elif ahead == told:
                    _turns.wait()
                    continue
            if mine:
                break
            told = ahead
            if waiting is not None:
                waiting(ahead)
        if waiting is not None and told != 0:
            waiting(0)
        data = make()
        _keep(key, data)
        return data
    finally:
        with _turns:
            _asking[key] -= 1
            if mine:
                _renderer = None
            # made, or nobody waits for it any more; a failed render stays first for the next reader of it
            if key in _queue and (key in _made or not _asking[key]):
                _queue.remove(key)
            if not _asking[key]:
                del _asking[key]
            _turns.notify_all()


def ready(store: Store, snap: Snapshot, lang: str, kind: str) -> bool:
    """Whether that report is already made (its download is immediate)."""
    with _turns:
        return _key(store, snap, lang, kind) in _made


def queued() -> int:
    """How many reports are being made or waiting for their turn, in this process."""
    with _turns:
        return len(_queue)


def chromium() -> str | None:
    """Chromium's executable, if this machine has one (``INVENTORY_CHROMIUM`` names another, or none when empty)."""
    wanted = os.environ.get("INVENTORY_CHROMIUM")
    if wanted is not None:
        return wanted if wanted and os.access(wanted, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(document: str) -> bytes:
    """The HTML printed by headless Chromium (its own @page: A4 landscape). Raises ``ChromiumMissing``."""
    exe = chromium()
    if exe is None:
        raise ChromiumMissing(T.REPORT_NO_CHROMIUM)
    with tempfile.TemporaryDirectory(prefix="rapport-") as tmp:
        source, target = Path(tmp) / "rapport.html", Path(tmp) / "rapport.pdf"
        source.write_text(document, encoding="utf-8")
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={Path(tmp) / 'profile'}", "--no-pdf-header-footer",
               "--run-all-compositor-stages-before-draw", "--virtual-time-budget=20000",
               f"--print-to-pdf={target}", source.as_uri()]
        stderr = _run_bounded(cmd, PDF_TIMEOUT)
        if not target.exists() or target.stat().st_size == 0:
            raise RuntimeError(T.REPORT_PDF_FAILED.format(error=stderr.strip()[-300:]))
        return target.read_bytes()


def _run_bounded(cmd: list[str], timeout: float) -> str:
    """Run ``cmd`` in a process group of its own and return its error output; past ``timeout`` seconds the whole
    group (Chromium and every helper it started) is killed and a French sentence raised, without the command."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, errors="replace", start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=timeout)
        return stderr or ""
    except subprocess.TimeoutExpired:
        pass
    except BaseException:
        _kill_group(proc)
        raise
    _kill_group(proc)
    raise RuntimeError(T.REPORT_CHROMIUM_TIMEOUT.format(seconds=int(timeout)))


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:  # pragma: no cover (a process that survives SIGKILL)
        pass


def build_pdf(store: Store, snapshot_id: int | None = None, *, lang: str | None = None,
              waiting: Callable[[int], None] | None = None) -> bytes:
    """The report as PDF, printed once per snapshot and language by one Chromium at a time; ``waiting`` as for
    ``build_html``."""
    snap = _snapshot(store, snapshot_id)
    return _made_once(_key(store, snap, lang, "pdf"), lambda: html_to_pdf(build_html(store, snap.id, lang=lang)),
                      waiting)


def write(store: Store, path: Path | str, snapshot_id: int | None = None, *, lang: str | None = None) -> Path:
    """The report written to ``path``: PDF for a .pdf name, HTML for .html/.htm (else ``ValueError``)."""
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in (".html", ".htm", ".pdf"):
        raise ValueError(T.REPORT_BAD_PATH.format(path=path))
    if kind == ".pdf":
        data = build_pdf(store, snapshot_id, lang=lang)
    else:
        data = build_html(store, snapshot_id, lang=lang).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def file_name(snap: Snapshot, kind: str) -> str:
    """« rapport_de_seance_2020-06-30.html »."""
    return T.REPORT_FILE_NAME.format(as_of=snap.as_of.isoformat(), kind=kind)
