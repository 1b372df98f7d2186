"""Plotly figures for the dashboard: small, French-labelled, colour-blind and greyscale friendly.

Every function takes a small DataFrame from ``inventory.analysis`` and returns a ``go.Figure``; none
reads the database. Sequential scales (Viridis, Cividis) stay ordered in greyscale and for colour-blind
readers; numbers use the French separators (decimal comma, narrow space for thousands).
"""
from __future__ import annotations

import html
import math
import textwrap
from typing import Mapping


import pandas as pd
import plotly.graph_objects as go

from inventory import formats, reference
from inventory.formats import number
from inventory.models import SHEETS, STATUTS
from inventory import texts as T
from inventory.parsing import LIST_SEPARATOR

# Maps load their topojson from our own static folder: the app runs without internet. The modebar speaks French
# with plotly.js's own French locale, shipped with the app (data/reference/plotly_locale_fr.json), and English with
# plotly.js's built-in one.
_OFFLINE = {
    "topojsonURL": "app/static/plotly_topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def offline_config(language: str | None = None) -> dict:
    """plotly's config for every chart: offline maps, PNG export, the modebar in ``language`` (the run's)."""
    language = formats.plotly_locale(language)
    if language == "fr":
        return {**_OFFLINE, "locale": "fr", "locales": {"fr": reference.plotly_locale("fr")}}
    return {**_OFFLINE, "locale": language}


def __getattr__(name: str):  # PEP 562: charts.OFFLINE is the config in the run's language, never frozen at import
    if name == "OFFLINE":
        return offline_config()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# Served by Streamlit from static/ (copies of data/geo, features keyed by their INSEE code).
GEOJSON_URL = {"region": "app/static/geo/regions.json", "departement": "app/static/geo/departements.json"}
NEED_SCALE = "Viridis"
COVER_SCALE = "Cividis"
FONT = {"family": "Source Sans Pro, Arial, sans-serif"}
NO_DATA_GREY = "#e4e4e4"
INK = "#31333F"  # Streamlit's text colour: 12:1 on white (its chart theme draws axis labels in a 3.6:1 grey)
WHITE_ZONE_COLOUR = "#D55E00"  # Okabe–Ito vermillion: a white zone is the first thing the eye finds on a map
NODE_COLOUR = "#1f5f8b"  # dark enough for white labels, in colour and in greyscale
MEASURE_FORMAT = {"intensite_moyenne": ",.2f", "tension": ",.1f", "part_couverte": ",.0f"}
# what a table shows of an exact number: (factor, decimals); other decimal numbers get 2 decimals
TABLE_DISPLAY = ({share: (100, decimals) for share, decimals in formats.SHARE_DECIMALS.items()}
                 | {amount: (1, 0) for amount in formats.AMOUNTS} | {"part": (1, 1)})


# --- numbers as people read them: inventory.formats is their one home ------------------------------------------
half_up = formats.half_up


def coverage_words(cells: pd.DataFrame) -> pd.Series:
    """Each cell's coverage said in words: « 1 programme dans la région, 0 % du besoin atteint »."""
    where = cells["territoire"].map(lambda k: T.COVERAGE_WHERE["pays" if k == reference.NATIONAL else
                                                                 "region" if k.startswith("REG-") else "departement"])
    return pd.Series([T.plural(T.COVERAGE_WORDS, programmes=n).format(programmes=number(n), where=w,
                                                                      part=formats.percent(p, "part_couverte"))
                      if s > 0 else T.plural(T.COVERAGE_NO_NEED, programmes=n).format(programmes=number(n), where=w)
                      for n, w, p, s in zip(cells["programmes"], where, cells["part_couverte"].fillna(0),
                                            cells["score"])],
                     index=cells.index, dtype=object)


def font_size(large: bool) -> int:
    """Chart font size: in workshop mode the body text's size (1.1 rem of a 20 px root), readable on a projector."""
    return 22 if large else 13


def _house(large: bool, height: int | None, kw: Mapping) -> tuple[dict, dict]:
    """The house layout with the chart's own (``kw``) on top, and what every colour bar gets: the text at the chart's
    font size, set on the axes, colour bars and legend themselves (Streamlit's chart theme would draw them small and
    grey)."""
    words = {"size": font_size(large), "color": INK}
    house = {"font": {**FONT, "size": font_size(large), "color": INK}, "separators": formats.separators(),
             "height": height, "margin": {"l": 10, "r": 10, "t": 40 if kw.get("title") else 10, "b": 10},
             "hoverlabel": {"font": {"size": font_size(large)}}}
    axis = {"tickfont": words, "title": {"font": words}}
    layout = _merged(_merged(house, kw), {"xaxis": axis, "yaxis": axis,
                                          "legend": {"font": words, "title": {"font": words}}})
    return layout, {"tickfont": words, "title": {"font": words}}


def _layout(fig: go.Figure, *, large: bool, height: int | None = None, **kw) -> go.Figure:
    """The house layout on a figure built step by step (``_figure`` makes one in one go)."""
    layout, colour_bar = _house(large, height, kw)
    fig.update_layout(layout)
    for trace in fig.data:
        if hasattr(trace, "colorbar"):
            trace.colorbar.update(colour_bar)
    return fig


def _merged(base: dict, extra: Mapping) -> dict:
    """``base`` with ``extra`` laid over it, nested dictionaries merged key by key (as plotly's updates do)."""
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merged(out[key], value) if isinstance(value, Mapping) and isinstance(out.get(key), dict) else value
    return out


def _figure(traces: list, layout: Mapping, *, large: bool, height: int | None = None, **kw) -> go.Figure:
    """A figure made in one go from plain dicts: its traces, the chart's ``layout`` and the house layout
    (``_house``), as ``_layout`` gives a figure built step by step, at a fraction of the cost: plotly validates
    each property once when it makes a figure, but each update call walks and validates the figure again."""
    whole, colour_bar = _house(large, height, _merged(dict(layout), kw))
    for trace in traces:
        if trace["type"] in ("heatmap", "choropleth"):  # the traces with a colour bar, drawn or not
            trace["colorbar"] = _merged(trace.get("colorbar", {}), colour_bar)
    return go.Figure(data=traces, layout=whole)


def _labelled_rows(rows: list) -> dict:
    """Every row labelled: one tick per row (plotly would thin them out when they look crowded), named as the
    traces name them (user text drawn as text)."""
    shown = [plain(r) for r in rows]
    return {"tickmode": "array", "tickvals": shown, "ticktext": shown}


def _char_px(large: bool) -> float:
    """About how wide one character of chart text is, in pixels."""
    return 0.6 * font_size(large)


def _row_px(large: bool) -> int:
    """A heatmap row's height: its label (and the number in its cells) at the chart's font with room to breathe."""
    return round(1.8 * font_size(large)) if large else 24


def _header_px(labels: list[str], tilted: bool, large: bool) -> int:
    """Room the column labels written above a heatmap take: their lines, or the diagonal of the longest."""
    if not labels:
        return 0
    if tilted:
        return round(0.75 * _char_px(large) * max(len(str(n)) for n in labels) + font_size(large))
    return round(1.3 * font_size(large) * max(str(n).count("<br>") + 1 for n in labels))


def _rows_labelled(fig: go.Figure, rows: list, x_labels: list[str], *, tilted: bool, large: bool,
                   extra: int = 60) -> int:
    """Every row labelled: one tick per row (plotly would thin them out when they look crowded) and the chart as
    tall as its rows at the chart's font plus the column labels above them (a fixed height shrank the rows as the
    workshop's font grew, and plotly dropped every other region's name). Returns that height."""
    fig.update_yaxes(_labelled_rows(rows))
    fig.update_traces(textfont={"size": font_size(large)}, selector={"type": "heatmap"})
    return _labelled_height(rows, x_labels, tilted=tilted, large=large, extra=extra)


def _grid(frame: pd.DataFrame, rows: str, cols: str, value: str) -> pd.DataFrame:
    """``value`` laid out rows × columns, the first row of each cell (the cells' frames have one row per cell); the
    caller orders rows and columns. Ten times cheaper than ``pivot_table(aggfunc="first")``."""
    return frame.drop_duplicates([rows, cols]).set_index([rows, cols])[value].unstack(cols)


def _labelled_height(rows: list, x_labels: list[str], *, tilted: bool, large: bool, extra: int = 60) -> int:
    """The height ``_rows_labelled`` gives a chart of these rows."""
    return _header_px(x_labels, tilted, large) + _row_px(large) * len(rows) + extra


def _small_counts(values) -> bool:
    """Small counts get whole-number colour bar ticks (no « 0,5 programme »)."""
    return bool(pd.notna(values).any() and pd.Series(values.ravel()).max() <= 10)


def _empty(large: bool) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=T.CHART_EMPTY, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, large=large, height=200)


def plain(text: object) -> str:
    """User text (a name, a label) as plotly must receive it: plotly draws a subset of HTML in every label and
    hover (links, styles, line breaks), so ``<``, ``>`` and ``&`` are escaped and the text shows as typed. Every
    name or label that reaches a figure passes here first; our own ``<br>`` and ``<b>`` are added after."""
    return html.escape(str(text), quote=False)


def _wrap(label: str, width: int = 12) -> str:
    """Long axis labels on several lines, so columns stay readable without tilting text."""
    return "<br>".join(textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False)) or label


def _label(measure: str) -> str:
    return T.MEASURE_LABELS.get(measure, measure)


def _fmt(measure: str) -> str:
    return MEASURE_FORMAT.get(measure, ",.0f")


def _decimals(value_format: str) -> int:
    """',.2f' → 2: values are rounded half-up before plotly writes them with that format."""
    return int(value_format.rsplit(".", 1)[1].rstrip("f")) if "." in value_format else 0


# --- heatmaps ------------------------------------------------------------------------------------------
def heatmap(frame: pd.DataFrame, *, rows: str, cols: str, value: str, value_label: str,
            col_labels: Mapping[str, str] | None = None, row_title: str | None = None,
            col_title: str | None = None, text: pd.DataFrame | None = None, colorscale: str = NEED_SCALE,
            value_format: str = ",.0f", zrange: tuple[float, float] | None = None, large: bool = False,
            title: str | None = None, hover: pd.DataFrame | None = None) -> go.Figure:
    """A rows × columns heatmap of one value, rows and columns in the frame's order of appearance.

    ``text`` (same pivot shape) replaces the number written in each cell, e.g. to mark white zones;
    ``zrange`` fixes the colour scale's ends (mean intensity spans 1–5 whatever the data); ``hover`` (same
    pivot shape) adds a line of words under each cell's value.
    """
    if frame.empty:
        return _empty(large)
    col_labels = col_labels or {}
    row_title, col_title = row_title or T.CHART_TERRITORY, col_title or T.CHART_THEME
    # a cell whose values are all missing stays missing (uncoloured), never a sum of nothing painted as 0
    z = frame.groupby([rows, cols], sort=False)[value].sum(min_count=1).unstack()
    z = z.reindex(index=pd.unique(frame[rows]), columns=pd.unique(frame[cols]))
    # wrap column labels when every word fits its column, else tilt them (a long word wrapped would run into its
    # neighbour's); the plot gets what the main area (about 820 px at 1280 px with the sidebar open, the whole
    # width in workshop mode) leaves after the row labels and the colour bar
    char_px = _char_px(large)
    row_label_px = char_px * max((len(str(r)) for r in z.index), default=0)
    plot_px = max(300, (1220 if large else 820) - row_label_px - 80)
    chars = int(plot_px / max(len(z.columns), 1) / char_px) - 1
    names = [plain(col_labels.get(c, c)) for c in z.columns]
    upright = chars >= 6 and all(len(_wrap(n, chars).split("<br>")) <= 3 and max(map(len, n.split() or [""])) <= chars
                                 for n in names)
    x = [_wrap(n, chars) for n in names] if upright else names
    values = half_up(z.to_numpy(dtype=float), _decimals(value_format))
    words = hover.reindex(index=z.index, columns=z.columns).fillna("").to_numpy() if hover is not None else None
    shown = text.reindex(index=z.index, columns=z.columns).fillna("").to_numpy() if text is not None else None
    trace = {
        "type": "heatmap", "z": values, "x": x, "y": [plain(r) for r in z.index], "colorscale": colorscale,
        "xgap": 1, "ygap": 1, "hoverongaps": False,
        "zmin": zrange[0] if zrange else None, "zmax": zrange[1] if zrange else None,
        "text": shown, "texttemplate": "%{text}" if shown is not None else f"%{{z:{value_format}}}",
        "customdata": words,
        "colorbar": {"title": {"text": value_label, "side": "right"}, "thickness": 12},
        "hovertemplate": (f"{row_title}{T.COLON}<b>%{{y}}</b><br>{col_title}{T.COLON}%{{x}}<br>{value_label}"
                          f"{T.COLON}%{{z:{value_format}}}" + ("<br>%{customdata}" if words is not None else "")
                          + "<extra></extra>"),
        "textfont": {"size": font_size(large)},
    }
    if value_format == ",.0f" and _small_counts(values):
        trace["colorbar"]["dtick"] = 1
    height = _labelled_height(list(z.index), x, tilted=not upright, large=large, extra=60 + (40 if title else 0))
    layout = {"yaxis": {"autorange": "reversed", "title": None, **_labelled_rows(list(z.index))},
              "xaxis": {"side": "top", "title": None, "tickangle": 0 if upright else -45}}
    return _figure([trace], layout, large=large, height=max(240, height), title=title, plot_bgcolor="white")


def need_heatmap(cells: pd.DataFrame, measure: str = "acteurs", *, theme_labels: Mapping[str, str] | None = None,
                 large: bool = False) -> go.Figure:
    """Territory × theme heatmap of a need measure (cells without needs stay blank)."""
    data = cells[cells["acteurs"] > 0] if "acteurs" in cells else cells
    return heatmap(data, rows="nom", cols="thematique", value=measure, value_label=_label(measure),
                   col_labels=theme_labels, colorscale=NEED_SCALE, value_format=_fmt(measure),
                   zrange=(1, 5) if measure == "intensite_moyenne" else None, large=large)


def coverage_heatmap(cells: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None,
                     large: bool = False) -> go.Figure:
    """Territory × theme heatmap of the part of each cell's need reached (%, colour), with the number of
    programmes in the territory written in it, « ZB » for white zones, and the coverage in words on hover.
    A cell with programmes but no need is « no need here »: uncoloured as on the needs heatmap, its programmes still
    written, never the colour of 0 % nor a white zone."""
    if cells.empty:
        return _empty(large)
    has_need = cells["score"] > 0
    marks = cells.assign(
        _t=cells["programmes"].map("{:d}".format).where(~cells["zone_blanche"], T.CHART_WHITE_ZONE_MARK),
        _pct=(100 * cells["part_couverte"]).where(has_need), _words=coverage_words(cells))
    text, words = _grid(marks, "nom", "thematique", "_t"), _grid(marks, "nom", "thematique", "_words")
    return heatmap(marks, rows="nom", cols="thematique", value="_pct", value_label=_label("part_couverte"),
                   col_labels=theme_labels, text=text, hover=words, colorscale=COVER_SCALE, zrange=(0, 100),
                   large=large)


def investor_heatmap(long: pd.DataFrame, *, cols: str, value: str, value_label: str,
                     col_labels: Mapping[str, str] | None = None, col_title: str | None = None,
                     large: bool = False) -> go.Figure:
    """Investors (rows, by name) × themes or territories."""
    return heatmap(long, rows="nom", cols=cols, value=value, value_label=value_label, col_labels=col_labels,
                   row_title=T.CHART_INVESTOR, col_title=col_title, colorscale=COVER_SCALE, large=large)


# --- maps ----------------------------------------------------------------------------------------------
def per_territory(cells: pd.DataFrame) -> pd.DataFrame:
    """Territory totals of territory × theme cells: acteurs, score and score_couvert add up, mean intensity and
    part_couverte are their ratios, programmes and investors are the largest over themes, zones_blanches counts
    white-zone themes."""
    if cells.empty:
        return pd.DataFrame(columns=["territoire", "nom", "acteurs", "score", "intensite_moyenne",
                                     "programmes", "investisseurs", "zones_blanches", "part_couverte"])
    agg = {c: "sum" for c in ("acteurs", "score", "score_couvert") if c in cells}
    agg |= {c: "max" for c in ("programmes", "investisseurs") if c in cells}
    out = cells.groupby(["territoire", "nom"], sort=False, as_index=False).agg(agg)
    if "zone_blanche" in cells:
        out["zones_blanches"] = cells.groupby(["territoire", "nom"], sort=False)["zone_blanche"].sum().to_numpy()
    if {"acteurs", "score"} <= set(out.columns):
        out["intensite_moyenne"] = out["score"] / out["acteurs"].where(out["acteurs"] > 0)
    if {"score", "score_couvert"} <= set(out.columns):
        out["part_couverte"] = out["score_couvert"] / out["score"].where(out["score"] > 0)
    return out


def france_map(cells: pd.DataFrame, measure: str = "acteurs", level: str = "region", *,
               value_label: str | None = None, colorscale: str = NEED_SCALE, selected: str | None = None,
               zero_label: str | None = None, large: bool = False) -> go.Figure:
    """Choropleth of France (regions or départements) of one measure.

    ``cells`` is one row per territory or per territory × theme (then summed, see ``per_territory``).
    Territories with no value are drawn in light grey so the whole country shows; national rows (FR)
    have no outline and are left to the page to mention. The outlines are fetched by the browser from
    our static folder (``GEOJSON_URL``, once, then cached): embedding them would cost hundreds of
    milliseconds per rerun. Click events carry the territory key as ``customdata``; the ``selected``
    territory stands out (the others are dimmed), as after a click. With ``zero_label`` (a coverage map: 0 % of
    the need reached is a white zone), territories at zero are drawn in their own colour, named in the legend.
    """
    names = {f["id"]: f["properties"]["nom"] for f in reference.geojson(level)["features"]}
    data = cells if not cells.duplicated("territoire").any() else per_territory(cells)
    if measure not in data:
        data = per_territory(data)
    data = data[data["territoire"].isin(names) & data[measure].notna()]
    if measure in ("acteurs", "score", "intensite_moyenne"):
        data = data[data[measure] > 0]
    label, fmt = value_label or _label(measure), _fmt(measure)
    shown = list(data["territoire"])
    blank = [k for k in names if k not in set(shown)]
    # counts start at zero and mean intensity spans its 1–5 scale, so colours compare honestly
    low, high = ((1, 5) if measure == "intensite_moyenne" else (0, 100) if measure == "part_couverte"
                 else (0, max(float(data[measure].max()), 1) if shown else 1))
    outline = {"type": "choropleth", "geojson": GEOJSON_URL[level], "featureidkey": "properties.code",
               "marker": {"line": {"color": "white", "width": 0.6}}}
    traces = [{
        **outline, "locations": [_code(k) for k in blank], "z": [0] * len(blank), "customdata": blank,
        "text": [names[k] for k in blank], "colorscale": [[0, NO_DATA_GREY], [1, NO_DATA_GREY]], "showscale": False,
        "hovertemplate": f"<b>%{{text}}</b><br>{T.CHART_NO_VALUE}<extra></extra>",
    }]
    if zero_label:
        zero = [k for k, v in zip(data["territoire"], data[measure]) if v == 0]
        data = data[data[measure] != 0]
        shown = list(data["territoire"])
        traces.append({
            **outline, "locations": [_code(k) for k in zero], "z": [0] * len(zero), "customdata": zero,
            "text": [names[k] for k in zero], "colorscale": [[0, WHITE_ZONE_COLOUR], [1, WHITE_ZONE_COLOUR]],
            "showscale": False, "name": zero_label, "showlegend": True,
            "selectedpoints": [zero.index(selected)] if selected in zero else None,
            "hovertemplate": f"<b>%{{text}}</b><br>{zero_label}<extra></extra>",
        })
    traces.append({
        **outline, "locations": [_code(k) for k in shown],
        "z": list(half_up(data[measure].astype(float), _decimals(fmt))), "customdata": shown,
        "text": [names[k] for k in shown], "colorscale": colorscale, "zmin": low, "zmax": high,
        "selectedpoints": [shown.index(selected)] if selected in shown else None,
        "colorbar": {"title": {"text": label, "side": "top"}, "thickness": 12, "orientation": "h", "y": -0.02,
                     "yanchor": "top", "len": 0.7, **({"dtick": 1} if fmt == ",.0f" and high <= 10 else {})},
        "hovertemplate": f"<b>%{{text}}</b><br>{label}{T.COLON}%{{z:{fmt}}}<extra></extra>",
    })
    return _figure(traces, {"geo": {"fitbounds": "locations", "visible": False}}, large=large,
                   height=560 if large else 460, dragmode=False,
                   legend={"x": 0, "y": 1, "yanchor": "top", "bgcolor": "rgba(255,255,255,0.85)"})


def _code(key: str) -> str:
    """REG-84 → 84, DEP-2A → 2A: the ``code`` property of the outline files."""
    return key.split("-", 1)[1]


def footprint_map(footprint: pd.DataFrame, level: str = "region", *, large: bool = False) -> go.Figure:
    """Where an investor acts: the number of themes its programmes cover in each territory."""
    counts = footprint_counts(footprint)
    return france_map(counts.assign(nom=counts["territoire"]), "thematiques", level,
                      value_label=T.CHART_THEMES_COVERED, colorscale=COVER_SCALE, large=large)


def footprint_counts(footprint: pd.DataFrame) -> pd.DataFrame:
    """territoire, thematiques: how many themes the investor covers in each territory (what its map draws)."""
    return footprint.groupby("territoire", as_index=False, sort=False).agg(thematiques=("thematique", "nunique"))


def map_location(event: object) -> str | None:
    """The territory key a click on a ``france_map`` selected, if any (from st.plotly_chart's event)."""
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    for point in points or []:
        key = point.get("customdata") or point.get("location")
        if isinstance(key, list):
            key = key[0] if key else None
        if isinstance(key, str) and key:
            return key
    return None


# --- networks ------------------------------------------------------------------------------------------
def cofunding_network(edges: pd.DataFrame, investors: pd.DataFrame, *, large: bool = False,
                      max_edges: int = 60) -> go.Figure:
    """Investors on a circle, a line between two who fund programmes together (thicker: more programmes).

    ``investors`` has id, nom, programmes; only investors with at least one co-funding are drawn, and only
    the ``max_edges`` strongest pairs (``edges`` comes sorted, strongest first) so the figure stays legible.
    """
    if edges.empty:
        return _empty(large)
    edges = edges.head(max_edges)
    ids = sorted(set(edges["source"]) | set(edges["cible"]))
    info = investors.set_index("id")
    angle = {i: 2 * math.pi * k / len(ids) + math.pi / 2 for k, i in enumerate(ids)}
    pos = {i: (math.cos(a), math.sin(a)) for i, a in angle.items()}
    top = max(int(edges["programmes"].max()), 1)
    widths = (1.5 + 5 * edges["programmes"] / top).round(0)
    fig = go.Figure()
    for width, group in edges.groupby(widths, sort=True):  # one trace per line width, not one per line
        xs, ys = [], []
        for source, cible in zip(group["source"], group["cible"]):
            xs += [pos[source][0], pos[cible][0], None]
            ys += [pos[source][1], pos[cible][1], None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"width": width, "color": "#5b6b7a"},
                                 hoverinfo="skip", showlegend=False))
    # invisible markers in the middle of the lines carry their hover text
    fig.add_trace(go.Scatter(
        x=[(pos[a][0] + pos[b][0]) / 2 for a, b in zip(edges["source"], edges["cible"])],
        y=[(pos[a][1] + pos[b][1]) / 2 for a, b in zip(edges["source"], edges["cible"])],
        mode="markers", marker={"size": 10, "opacity": 0}, showlegend=False,
        customdata=list(zip(map(plain, edges["nom_source"]), map(plain, edges["nom_cible"]), edges["programmes"])),
        hovertemplate=(f"%{{customdata[0]}} – %{{customdata[1]}}<br>{T.CHART_COFUNDED}{T.COLON}%{{customdata[2]}}"
                       "<extra></extra>"),
    ))
    names = [plain(info["nom"].get(i, i)) for i in ids]
    programmes = [int(info["programmes"].get(i, 0)) if "programmes" in info else 0 for i in ids]
    base = 22 if large else 16
    # each investor by its name, beside its node on the side away from the centre, on lines of 18 characters
    labels = [_wrap(n, 18) for n in names]
    sides = [("middle right" if math.cos(angle[i]) > 0.15 else "middle left" if math.cos(angle[i]) < -0.15
              else "top center" if math.sin(angle[i]) > 0 else "bottom center") for i in ids]
    fig.add_trace(go.Scatter(
        x=[pos[i][0] for i in ids], y=[pos[i][1] for i in ids], mode="markers+text", text=labels,
        textposition=sides, customdata=list(zip(names, programmes)),
        marker={"size": [base + min(2 * n, 16) for n in programmes], "color": NODE_COLOUR,
                "line": {"width": 1, "color": "white"}},
        textfont={"color": INK, "size": font_size(large)}, cliponaxis=False,
        hovertemplate=f"<b>%{{customdata[0]}}</b><br>{T.CHART_PROGRAMMES}{T.COLON}%{{customdata[1]}}<extra></extra>",
        showlegend=False,
    ))
    # a circle large enough for neighbouring labels not to overlap, and room for the labels inside the plot: the
    # network gets about 600 px at 1280 px (the whole width, 1220 px, in workshop mode)
    plot_px, char_px = (1220 if large else 600), _char_px(large)
    label_h = 1.3 * font_size(large) * max(len(lb.split("<br>")) for lb in labels)
    label_w = char_px * max(len(line) for lb in labels for line in lb.split("<br>")) + base + 12
    radius = max(1.6 * label_h * len(ids) / (2 * math.pi), 200 if large else 130)
    radius = max(min(radius, (plot_px - 2 * label_w) / 2), 80)
    height = int(2 * radius + 2 * (label_h + base) + 20)
    fig.update_xaxes(visible=False, range=[-plot_px / 2 / radius, plot_px / 2 / radius])
    fig.update_yaxes(visible=False, range=[-height / 2 / radius, height / 2 / radius], scaleanchor="x")
    return _layout(fig, large=large, height=height, plot_bgcolor="white")


# --- tables --------------------------------------------------------------------------------------------
CODE_LABELS: dict[str, Mapping[str, str]] = {
    "source": reference.SOURCES, "public": reference.AUDIENCES, "publics": reference.AUDIENCES,
    "phase": reference.PHASES, "nature": reference.SUPPORT_TYPES, "type": reference.INVESTOR_TYPES,
    "statut": STATUTS, "statut_avant": STATUTS, "statut_apres": STATUTS,
    "changement": reference.Labels("CHANGE_WORDS"),
}
def model_headings() -> dict[str, str]:
    """Every contract column's heading by default, as the model names it (a column declared in a model since has
    its heading without a text key; ``texts.TABLE_LABELS`` names the tables' computed columns)."""
    return {name: model.column_label(name) for model in SHEETS.values() for name in model.model_fields}


def table_view(frame: pd.DataFrame, columns: list[str], *, theme_labels: Mapping[str, str] | None = None,
               territory_names: bool = True, headings: Mapping[str, str] | None = None,
               investor_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A table as people read it: chosen columns, codes replaced by French labels (also inside « a ; b »
    lists), decimal numbers rounded half-up (parts in %), « couverture » the cell's coverage in words, French
    column headings (``headings`` overrides some, e.g. « nom » of a programme); ``investor_names`` writes the
    investors of an « investisseurs » list by name. The same frame is shown and downloaded."""
    labels = dict(CODE_LABELS)
    if investor_names:
        labels["investisseurs"] = investor_names
    if theme_labels:
        labels |= {"thematique": theme_labels, "thematiques": theme_labels}
    if territory_names:
        names = {k: t.nom for k, t in reference.territories().items()}
        labels |= {"territoires": names}
    out = frame[[c for c in columns if c in frame]].copy()
    if "couverture" in columns and "part_couverte" in frame:
        out["couverture"] = coverage_words(frame).where(frame["score"] > 0, None)
        out = out[[c for c in columns if c in out]]
    if "taux_atteinte" in out and formats.over_full(frame["taux_atteinte"].astype(float)).any():
        # a declared rate above 100 % is flagged with its reason, never shown silently
        flag = formats.over_full(frame["taux_atteinte"].astype(float)).map({True: T.RATE_ABOVE_FULL, False: None})
        out.insert(out.columns.get_loc("taux_atteinte") + 1, "alerte_taux", flag.astype(object))
    for col in out.columns:  # exact numbers as people read them: rounded half-up, parts in %
        if pd.api.types.is_float_dtype(out[col]):
            factor, decimals = TABLE_DISPLAY.get(col, (1, 2))
            out[col] = half_up(out[col] * factor, decimals)
    for col, mapping in labels.items():
        if col in out and not pd.api.types.is_numeric_dtype(out[col]):
            seen: dict[str, str] = {}  # a 10,000-row catalogue holds few distinct lists: relabel each once
            out[col] = out[col].map(lambda v, m=mapping, seen=seen: _relabel(v, m, seen))
    return out.rename(columns={**model_headings(), **T.TABLE_LABELS, **(headings or {})})


def _relabel(value: object, mapping: Mapping[str, str], seen: dict[str, str] | None = None) -> object:
    if not isinstance(value, str):
        return value
    if seen is not None and value in seen:
        return seen[value]
    out = LIST_SEPARATOR.join(mapping.get(part, part) for part in value.split(LIST_SEPARATOR))
    if seen is not None:
        seen[value] = out
    return out


# --- défis and évolution ---
# Okabe–Ito colours with a pattern each, so groups stay apart for colour-blind readers and in greyscale.
GROUP_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")
GROUP_PATTERNS = ("", "/", ".", "x")
UP_COLOUR, DOWN_COLOUR = "#D55E00", "#0072B2"


def _short(text: str, width: int = 42) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def ranked_bars(frame: pd.DataFrame, *, label: str, value: str, value_label: str | None = None,
                limit: int | None = 20, large: bool = False) -> go.Figure:
    """Horizontal bars of one value, largest on top (e.g. needs by territory, needs by theme)."""
    value_label, value_format = value_label or _label(value), _fmt(value)
    data = frame[frame[value].notna()].sort_values(value, ascending=False)
    if limit:
        data = data.head(limit)
    if data.empty:
        return _empty(large)
    fig = go.Figure(go.Bar(
        x=list(half_up(data[value].astype(float), _decimals(value_format))), y=[plain(_short(str(v))) for v in data[label]],
        orientation="h",
        marker_color=GROUP_COLOURS[0], texttemplate=f"%{{x:{value_format}}}", textposition="outside",
        cliponaxis=False, hovertemplate=f"<b>%{{y}}</b><br>{value_label}{T.COLON}%{{x:{value_format}}}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=value_label, range=[0, float(data[value].max()) * 1.15 or 1])
    per_row = 34 if large else 26
    return _layout(fig, large=large, height=max(220, 90 + per_row * len(data)), plot_bgcolor="white")


def audience_bars(frame: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None,
                  audience_labels: Mapping[str, str] | None = None, large: bool = False) -> go.Figure:
    """Programmes per theme, one bar per audience side by side (``challenges.programmes_by_audience``)."""
    if frame.empty:
        return _empty(large)
    theme_labels, audience_labels = theme_labels or {}, audience_labels or {}
    present = set(frame["thematique"])
    themes = [t for t in theme_labels if t in present] + sorted(present - set(theme_labels))
    fig = go.Figure()
    for k, audience in enumerate(audience_labels or pd.unique(frame["public"])):
        part = frame[frame["public"] == audience].set_index("thematique")["programmes"]
        values = [int(part.get(t, 0)) for t in themes]
        name = plain(audience_labels.get(audience, audience))
        fig.add_trace(go.Bar(
            x=[plain(theme_labels.get(t, t)) for t in themes], y=values, name=name,
            marker={"color": GROUP_COLOURS[k % 4], "pattern": {"shape": GROUP_PATTERNS[k % 4]}},
            texttemplate="%{y}", textposition="outside",
            hovertemplate=f"<b>%{{x}}</b><br>{name}{T.COLON}%{{y}} {T.CHART_PROGRAMMES.lower()}<extra></extra>",
        ))
    # the values written above the bars stay inside the plot, and the legend sits above it: nothing hides a value
    top = max(int(frame["programmes"].max()), 1)
    fig.update_yaxes(title=T.CHART_PROGRAMMES, range=[0, top * 1.18 + 0.5], dtick=1 if top <= 10 else None)
    fig.update_xaxes(title=None, tickangle=-30 if len(themes) > 4 else 0)
    fig = _layout(fig, large=large, height=560 if large else 440, barmode="group", plot_bgcolor="white",
                  legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0,
                          "title": {"text": T.CHART_AUDIENCE}})
    fig.update_layout(margin_t=90 if large else 70)
    return fig


def sdg_bars(frame: pd.DataFrame, sdg_names: Mapping[int, str], *, large: bool = False) -> go.Figure:
    """The 17 goals, top to bottom, with the programmes and the investors citing each
    (``challenges.sdg_coverage``); goals nobody cites keep their empty row."""
    if frame.empty:
        return _empty(large)
    labels = [f"{T.CHART_SDG_SHORT.format(n=int(n))} · {_short(sdg_names.get(int(n), ''), 34)}" for n in frame["odd"]]
    fig = go.Figure()
    for k, (col, name) in enumerate((("programmes", T.CHART_PROGRAMMES),
                                     ("investisseurs", T.MEASURE_LABELS["investisseurs"]))):
        fig.add_trace(go.Bar(
            y=labels, x=list(frame[col].astype(int)), name=name, orientation="h",
            marker={"color": GROUP_COLOURS[k], "pattern": {"shape": GROUP_PATTERNS[k]}},
            hovertemplate=f"<b>%{{y}}</b><br>{name}{T.COLON}%{{x}}<extra></extra>",
        ))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(rangemode="tozero", title=None)
    return _layout(fig, large=large, height=680 if large else 560, barmode="group", plot_bgcolor="white",
                   legend={"orientation": "h", "y": 1.04, "x": 0})


def investor_sdg_heatmap(frame: pd.DataFrame, sdg_names: Mapping[int, str], *, large: bool = False) -> go.Figure:
    """Investors (rows, by name) × the 17 goals: programmes of each investor citing each goal
    (``challenges.investor_sdgs``); every goal keeps its column so the uncovered ones show."""
    if frame.empty:
        return _empty(large)
    goals = sorted(sdg_names) or list(range(1, 18))
    z = frame.pivot_table(index="nom", columns="odd", values="programmes", aggfunc="sum").reindex(columns=goals)
    z = z.sort_index()
    fig = go.Figure(go.Heatmap(
        z=z.to_numpy(dtype=float), x=[T.CHART_SDG_SHORT.format(n=g) for g in goals], y=[plain(r) for r in z.index],
        customdata=[[sdg_names.get(g, "") for g in goals] for _ in z.index], colorscale=COVER_SCALE,
        xgap=1, ygap=1, hoverongaps=False, texttemplate="%{z:.0f}",
        colorbar={"title": {"text": T.CHART_PROGRAMMES, "side": "right"}, "thickness": 12,
                  "dtick": 1 if z.max().max() <= 10 else None},
        hovertemplate=f"<b>%{{y}}</b><br>%{{x}} · %{{customdata}}<br>{T.CHART_PROGRAMMES}{T.COLON}%{{z:.0f}}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(side="top", title=None, tickangle=-45)
    height = _rows_labelled(fig, list(z.index), [T.CHART_SDG_SHORT.format(n=g) for g in goals], tilted=True,
                            large=large)
    return _layout(fig, large=large, height=max(260, height), plot_bgcolor="white")


def change_bars(frame: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None, limit: int = 15,
                large: bool = False) -> go.Figure:
    """The largest moves of need score between two snapshots (``evolution.compare_needs``): rises to the
    right, falls to the left, one bar per territory × theme."""
    data = frame[frame["ecart_score"] != 0].head(limit) if not frame.empty else frame
    if data.empty:
        return _empty(large)
    theme_labels = theme_labels or {}
    # whole names (a label cut with « … » hides which theme moved), on two lines when long
    pairs = [(plain(n), plain(theme_labels.get(t, t))) for n, t in zip(data["nom"], data["thematique"])]
    labels = [f"{n} · {t}" if len(f"{n} · {t}") <= 40 else f"{n} ·<br>{t}" for n, t in pairs]
    values = list(data["ecart_score"].astype(int))
    rising = [v > 0 for v in values]
    fig = go.Figure(go.Bar(
        x=values, y=labels, orientation="h", texttemplate="%{x:+,d}", textposition="outside", cliponaxis=False,
        marker={"color": [UP_COLOUR if r else DOWN_COLOUR for r in rising],
                "pattern": {"shape": ["" if r else "/" for r in rising]}},
        customdata=list(zip(data["score_avant"].astype(int), data["score_apres"].astype(int))),
        hovertemplate=(f"<b>%{{y}}</b><br>{T.CHART_SCORE_CHANGE}{T.COLON}%{{x:+,d}}"
                       "<br>%{customdata[0]:,d} → %{customdata[1]:,d}<extra></extra>"),
    ))
    fig.update_yaxes(autorange="reversed", title=None)
    reach = max(abs(v) for v in values) * 1.18
    fig.update_xaxes(title=T.CHART_SCORE_CHANGE, zeroline=True, zerolinecolor="#444", zerolinewidth=1.5,
                     range=[-reach if min(values) < 0 else 0, reach if max(values) > 0 else 0])
    per_row = (32 if large else 26) + (12 if any("<br>" in lb for lb in labels) else 0)
    return _layout(fig, large=large, height=max(240, 100 + per_row * len(data)), plot_bgcolor="white")


# --- follow-through: pathways and commitments ---
# One colour and one mark per kind of pathway cell (Okabe–Ito, told apart by colour-blind readers; the mark
# written in each cell keeps them apart in greyscale): the three missing links, a whole pathway, a white zone.
PATHWAY_KINDS = ("urgence_sans_suite", "argent_sans_accompagnement", "accompagnement_sans_argent", "complet",
                 "zone_blanche")
PATHWAY_COLOURS = {"urgence_sans_suite": "#D55E00", "argent_sans_accompagnement": "#E69F00",
                   "accompagnement_sans_argent": "#56B4E9", "complet": "#009E73", "zone_blanche": NO_DATA_GREY}


def pathway_kind(cells: pd.DataFrame) -> pd.Series:
    """Each pathway cell's kind: its missing link, « complet », or « zone_blanche » when no programme reaches it."""
    kind = cells["maillon_manquant"].astype(object).where(cells["maillon_manquant"].notna(), "complet")
    return kind.mask(cells["programmes"] == 0, "zone_blanche")


def pathway_heatmap(cells: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None,
                    large: bool = False) -> go.Figure:
    """Territory × theme map of the missing links (``pathways.pathways``): one colour and one short mark per
    kind, a legend naming each, the cell's steps on hover."""
    if cells.empty:
        return _empty(large)
    theme_labels = theme_labels or {}
    kinds = pathway_kind(cells)
    code = {k: i for i, k in enumerate(PATHWAY_KINDS)}
    data = cells.assign(_code=kinds.map(code), _mark=kinds.map(T.PATHWAY_MARKS),
                        _words=[T.plural(T.PATHWAY_HOVER, programmes=n).format(kind=T.PATHWAY_KIND_LABELS[k], programmes=number(n),
                                                       phases=", ".join(reference.PHASES.get(p, p) for p in ph) or "–")
                                for k, n, ph in zip(kinds, cells["programmes"], cells["phases"])])
    z = _grid(data, "nom", "thematique", "_code")
    z = z.reindex(index=pd.unique(data["nom"]), columns=[t for t in theme_labels if t in set(data["thematique"])]
                  + sorted(set(data["thematique"]) - set(theme_labels)))
    marks, words = _grid(data, "nom", "thematique", "_mark"), _grid(data, "nom", "thematique", "_words")
    marks, words = (f.reindex(index=z.index, columns=z.columns).fillna("").to_numpy() for f in (marks, words))
    n = len(PATHWAY_KINDS)
    scale = [[edge, PATHWAY_COLOURS[k]] for i, k in enumerate(PATHWAY_KINDS) for edge in (i / n, (i + 1) / n)]
    traces = [{
        "type": "heatmap", "z": z.to_numpy(dtype=float), "x": [_wrap(plain(theme_labels.get(c, c))) for c in z.columns],
        "y": [plain(r) for r in z.index], "colorscale": scale, "zmin": -0.5, "zmax": n - 0.5, "showscale": False, "xgap": 1, "ygap": 1,
        "hoverongaps": False, "text": marks, "texttemplate": "%{text}", "customdata": words,
        "hovertemplate": f"{T.CHART_TERRITORY}{T.COLON}<b>%{{y}}</b><br>{T.CHART_THEME}{T.COLON}%{{x}}<br>%{{customdata}}<extra></extra>",
        "textfont": {"size": font_size(large)},
    }]
    for kind in PATHWAY_KINDS:  # the legend: which colour (and mark) is which link
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers", "showlegend": True,
                       "name": f"{T.PATHWAY_MARKS[kind]} · {T.PATHWAY_KIND_LABELS[kind]}",
                       "marker": {"symbol": "square", "size": 14, "color": PATHWAY_COLOURS[kind],
                                  "line": {"color": "#444", "width": 1}}})
    legend_px = 2 * round(1.6 * font_size(large))  # the legend's lines under the grid
    height = _labelled_height(list(z.index), [_wrap(theme_labels.get(c, c)) for c in z.columns], tilted=False,
                              large=large, extra=60 + legend_px)
    layout = {"yaxis": {"autorange": "reversed", "title": None, **_labelled_rows(list(z.index))},
              "xaxis": {"side": "top", "title": None}}
    return _figure(traces, layout, large=large, height=max(300, height), plot_bgcolor="white",
                   legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0})


def commitment_bars(board: pd.DataFrame, *, large: bool = False) -> go.Figure:
    """Commitments by status (``followup.commitments_by_status``), the late ones as their own bar beside."""
    if board.empty or not board["engagements"].sum():
        return _empty(large)
    labels = [STATUTS.get(s, s) for s in board["statut"]]
    fig = go.Figure()
    for k, (col, name) in enumerate((("engagements", T.CHART_COMMITMENTS), ("en_retard", T.CHART_LATE))):
        fig.add_trace(go.Bar(
            x=labels, y=list(board[col].astype(int)), name=name, texttemplate="%{y}", textposition="outside",
            cliponaxis=False, marker={"color": (GROUP_COLOURS[0], UP_COLOUR)[k], "pattern": {"shape": ("", "/")[k]}},
            hovertemplate=f"<b>%{{x}}</b><br>{name}{T.COLON}%{{y}}<extra></extra>",
        ))
    fig.update_yaxes(title=T.CHART_COMMITMENTS, rangemode="tozero", dtick=1 if board["engagements"].max() <= 10 else None)
    fig.update_xaxes(title=None)
    return _layout(fig, large=large, height=380 if large else 300, barmode="group", plot_bgcolor="white",
                   legend={"orientation": "h", "y": 1.12, "x": 0})


def joined(values) -> str | None:
    """A list cell (list, array) as the tables write lists: « a ; b »."""
    if values is None or (isinstance(values, float) and math.isnan(values)):
        return None
    return LIST_SEPARATOR.join(str(v) for v in values)


def pathway_table(cells: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The ranked missing links as people read them: territory, theme, need, programmes, the missing link in
    words, the phases and kinds of support present."""
    shown = cells.assign(maillon_manquant=cells["maillon_manquant"].map(T.MISSING_LINK_LABELS),
                         phase=cells["phases"].map(joined), nature=cells["natures"].map(joined))
    return table_view(shown, ["nom", "thematique", "maillon_manquant", "acteurs", "score", "programmes", "phase",
                              "nature"], theme_labels=theme_labels, headings=T.PATHWAY_COLUMNS)


def commitment_table(items: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The commitments (``followup.commitments``) as people read them: lists written out, territories and themes
    by name, the white zones each reaches as « territoire · thématique »."""
    theme_labels = theme_labels or {}
    names = {k: t.nom for k, t in reference.territories().items()}
    zones = [LIST_SEPARATOR.join(f"{names.get(z['territoire'], z['territoire'])} · "
                                 f"{theme_labels.get(z['thematique'], z['thematique'])}" for z in reached) or None
             for reached in items["zones_blanches"]]
    shown = items.assign(thematiques=items["thematiques"].map(joined), territoires=items["territoires"].map(joined),
                         zones_blanches=zones)
    # who, where it stands, when it is due and whether it is late first (whole at 1280 px); the code last
    return table_view(shown, ["noms_investisseurs", "statut", "echeance", "en_retard", "thematiques", "territoires",
                              "montant_eur", "date", "session", "zones_blanches", "id"], theme_labels=theme_labels,
                      headings=T.COMMIT_COLUMNS)


def reach_bars(cells: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None, limit: int = 15,
               large: bool = False) -> go.Figure:
    """Actors in need beside actors reached (declared) for the cells with the most actors in need
    (``followup.result_cells``), one pair of bars per territory × theme."""
    data = cells.sort_values(["acteurs", "beneficiaires"], ascending=False).head(limit) if not cells.empty else cells
    if data.empty:
        return _empty(large)
    theme_labels = theme_labels or {}
    labels = [f"{plain(_short(str(n), 28))} · {plain(_short(str(theme_labels.get(t, t)), 28))}"
              for n, t in zip(data["nom"], data["thematique"])]
    fig = go.Figure()
    for k, (col, name) in enumerate((("acteurs", T.CHART_IN_NEED), ("beneficiaires", T.CHART_REACHED))):
        fig.add_trace(go.Bar(
            y=labels, x=list(data[col].astype(int)), name=name, orientation="h", texttemplate="%{x:,d}",
            textposition="outside", cliponaxis=False,
            marker={"color": GROUP_COLOURS[k], "pattern": {"shape": GROUP_PATTERNS[k]}},
            hovertemplate=f"<b>%{{y}}</b><br>{name}{T.COLON}%{{x:,d}}<extra></extra>",
        ))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(rangemode="tozero", title=None)
    per_row = 44 if large else 34
    return _layout(fig, large=large, height=max(260, 110 + per_row * len(data)), barmode="group",
                   plot_bgcolor="white", legend={"orientation": "h", "y": 1.06, "x": 0})
