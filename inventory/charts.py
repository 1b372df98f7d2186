"""Plotly figures for the dashboard: small, French-labelled, colour-blind and greyscale friendly.

Every function takes a small DataFrame from ``inventory.analytics`` and returns a ``go.Figure``; none
reads the database. Sequential scales (Viridis, Cividis) stay ordered in greyscale and for colour-blind
readers; numbers use the French separators (decimal comma, narrow space for thousands).
"""
from __future__ import annotations

import math
import textwrap
from typing import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from inventory import formats, reference
from inventory import texts as T
from inventory.parsing import LIST_SEPARATOR

# Maps load their topojson from our own static folder: the app runs without internet.
OFFLINE = {
    "topojsonURL": "app/static/plotly_topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

# Served by Streamlit from static/ (copies of data/geo, features keyed by their INSEE code).
GEOJSON_URL = {"region": "app/static/geo/regions.json", "departement": "app/static/geo/departements.json"}
NEED_SCALE = "Viridis"
COVER_SCALE = "Cividis"
FONT = {"family": "Source Sans Pro, Arial, sans-serif"}
NO_DATA_GREY = "#e4e4e4"
NODE_COLOUR = "#1f5f8b"  # dark enough for white labels, in colour and in greyscale
MEASURE_FORMAT = {"intensite_moyenne": ",.2f", "tension": ",.1f", "part_couverte": ",.0f"}
# what a table shows of an exact number: (factor, decimals); other decimal numbers get 2 decimals
TABLE_DISPLAY = {"part_couverte": (100, 0), "part_couverte_avant": (100, 0), "part_couverte_apres": (100, 0),
                 "part": (1, 1)}


# --- numbers as people read them: inventory.formats is their one home ------------------------------------------
half_up = formats.half_up


def fr_number(value, decimals: int = 0) -> str:
    """A number as people read it in the run's language (the old name: « 1 234,5 » in French, « 1,234.5 » in
    English); see ``inventory.formats.number``."""
    return formats.number(value, decimals)


def coverage_words(cells: pd.DataFrame) -> pd.Series:
    """Each cell's coverage said in words: « 1 programme(s) dans la région, 0 % du besoin atteint »."""
    where = cells["territoire"].map(lambda k: T.COVERAGE_WHERE["pays" if k == reference.NATIONAL else
                                                                 "region" if k.startswith("REG-") else "departement"])
    return pd.Series([T.COVERAGE_WORDS.format(programmes=fr_number(n), where=w, part=fr_number(100 * p, 0))
                      for n, w, p in zip(cells["programmes"], where, cells["part_couverte"].fillna(0))],
                     index=cells.index, dtype=object)


def font_size(large: bool) -> int:
    """Chart font size: projector-readable in workshop mode."""
    return 20 if large else 13


def _layout(fig: go.Figure, *, large: bool, height: int | None = None, **kw) -> go.Figure:
    fig.update_layout(
        font={**FONT, "size": font_size(large)}, separators=formats.separators(), height=height,
        margin={"l": 10, "r": 10, "t": 40 if kw.get("title") else 10, "b": 10},
        hoverlabel={"font_size": font_size(large)}, **kw,
    )
    return fig


def _empty(large: bool) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=T.CHART_EMPTY, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, large=large, height=200)


def _wrap(label: str, width: int = 12) -> str:
    """Long axis labels on several lines, so columns stay readable without tilting text."""
    return "<br>".join(textwrap.wrap(label, width, break_long_words=False)) or label


def _integer_ticks(fig: go.Figure, values) -> None:
    """Small counts get whole-number colour bar ticks (no « 0,5 programme »)."""
    if pd.notna(values).any() and pd.Series(values.ravel()).max() <= 10:
        fig.update_traces(colorbar_dtick=1)


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
    z = frame.pivot_table(index=rows, columns=cols, values=value, aggfunc="sum", sort=False, dropna=False)
    z = z.reindex(index=pd.unique(frame[rows]), columns=pd.unique(frame[cols]))
    # wrap column labels when columns are wide enough, else tilt them; the plot gets what the main area
    # (about 820 px at 1280 px with the sidebar open) leaves after the row labels and the colour bar
    row_label_px = 7 * max((len(str(r)) for r in z.index), default=0)
    plot_px = max(300, 820 - row_label_px - 80)
    chars = int(plot_px / max(len(z.columns), 1) / 7)
    x = [_wrap(str(col_labels.get(c, c)), chars) if chars >= 9 else str(col_labels.get(c, c)) for c in z.columns]
    values = half_up(z.to_numpy(dtype=float), _decimals(value_format))
    words = hover.reindex(index=z.index, columns=z.columns).fillna("").to_numpy() if hover is not None else None
    shown = text.reindex(index=z.index, columns=z.columns).fillna("").to_numpy() if text is not None else None
    fig = go.Figure(go.Heatmap(
        z=values, x=x, y=list(z.index), colorscale=colorscale, xgap=1, ygap=1, hoverongaps=False,
        zmin=zrange[0] if zrange else None, zmax=zrange[1] if zrange else None,
        text=shown, texttemplate="%{text}" if shown is not None else f"%{{z:{value_format}}}",
        customdata=words,
        colorbar={"title": {"text": value_label, "side": "right"}, "thickness": 12},
        hovertemplate=(f"{row_title}{T.COLON}<b>%{{y}}</b><br>{col_title}{T.COLON}%{{x}}<br>{value_label}{T.COLON}"
                       f"%{{z:{value_format}}}" + ("<br>%{customdata}" if words is not None else "")
                       + "<extra></extra>"),
    ))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(side="top", title=None, tickangle=0 if chars >= 9 else -45)
    if value_format == ",.0f":
        _integer_ticks(fig, values)
    per_row = 30 if large else 24
    return _layout(fig, large=large, height=max(240, 140 + per_row * len(z.index)), title=title,
                   plot_bgcolor="white")


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
    Cells with programmes but no need are written and left uncoloured."""
    if cells.empty:
        return _empty(large)
    marks = cells.assign(
        _t=cells["programmes"].map("{:d}".format).where(~cells["zone_blanche"], T.CHART_WHITE_ZONE_MARK),
        _pct=100 * cells["part_couverte"], _words=coverage_words(cells).where(cells["score"] > 0, ""))
    text = marks.pivot_table(index="nom", columns="thematique", values="_t", aggfunc="first", sort=False)
    words = marks.pivot_table(index="nom", columns="thematique", values="_words", aggfunc="first", sort=False)
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
               large: bool = False) -> go.Figure:
    """Choropleth of France (regions or départements) of one measure.

    ``cells`` is one row per territory or per territory × theme (then summed, see ``per_territory``).
    Territories with no value are drawn in light grey so the whole country shows; national rows (FR)
    have no outline and are left to the page to mention. The outlines are fetched by the browser from
    our static folder (``GEOJSON_URL``, once, then cached): embedding them would cost hundreds of
    milliseconds per rerun. Click events carry the territory key as ``customdata``; the ``selected``
    territory stands out (the others are dimmed), as after a click.
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
    outline = {"geojson": GEOJSON_URL[level], "featureidkey": "properties.code", "marker_line_color": "white",
               "marker_line_width": 0.6}
    fig = go.Figure()
    fig.add_trace(go.Choropleth(
        **outline, locations=[_code(k) for k in blank], z=[0] * len(blank), customdata=blank,
        text=[names[k] for k in blank], colorscale=[[0, NO_DATA_GREY], [1, NO_DATA_GREY]], showscale=False,
        hovertemplate=f"<b>%{{text}}</b><br>{T.CHART_NO_VALUE}<extra></extra>",
    ))
    fig.add_trace(go.Choropleth(
        **outline, locations=[_code(k) for k in shown], z=list(half_up(data[measure].astype(float), _decimals(fmt))),
        customdata=shown,
        text=[names[k] for k in shown], colorscale=colorscale, zmin=low, zmax=high,
        selectedpoints=[shown.index(selected)] if selected in shown else None,
        colorbar={"title": {"text": label, "side": "top"}, "thickness": 12, "orientation": "h", "y": -0.02,
                  "yanchor": "top", "len": 0.7, **({"dtick": 1} if fmt == ",.0f" and high <= 10 else {})},
        hovertemplate=f"<b>%{{text}}</b><br>{label}{T.COLON}%{{z:{fmt}}}<extra></extra>",
    ))
    fig.update_geos(fitbounds="locations", visible=False)
    return _layout(fig, large=large, height=560 if large else 460, dragmode=False)


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
        customdata=list(zip(edges["nom_source"], edges["nom_cible"], edges["programmes"])),
        hovertemplate=(f"%{{customdata[0]}} – %{{customdata[1]}}<br>{T.CHART_COFUNDED}{T.COLON}%{{customdata[2]}}"
                       "<extra></extra>"),
    ))
    names = [str(info["nom"].get(i, i)) for i in ids]
    programmes = [int(info["programmes"].get(i, 0)) if "programmes" in info else 0 for i in ids]
    base = 34 if large else 26
    fig.add_trace(go.Scatter(
        x=[pos[i][0] for i in ids], y=[pos[i][1] for i in ids], mode="markers+text", text=ids,
        textposition="middle center", customdata=list(zip(names, programmes)),
        marker={"size": [base + min(3 * n, 24) for n in programmes], "color": NODE_COLOUR,
                "line": {"width": 1, "color": "white"}},
        textfont={"color": "white", "size": font_size(large) - 2},
        hovertemplate=f"<b>%{{customdata[0]}}</b><br>{T.CHART_PROGRAMMES}{T.COLON}%{{customdata[1]}}<extra></extra>",
        showlegend=False,
    ))
    fig.update_xaxes(visible=False, range=[-1.35, 1.35])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3], scaleanchor="x")
    return _layout(fig, large=large, height=520 if large else 420, plot_bgcolor="white")


# --- tables --------------------------------------------------------------------------------------------
CODE_LABELS: dict[str, Mapping[str, str]] = {
    "source": reference.SOURCES, "public": reference.AUDIENCES, "publics": reference.AUDIENCES,
    "phase": reference.PHASES, "nature": reference.SUPPORT_TYPES, "type": reference.INVESTOR_TYPES,
    "changement": reference.Labels("CHANGE_WORDS"),
}
def table_view(frame: pd.DataFrame, columns: list[str], *, theme_labels: Mapping[str, str] | None = None,
               territory_names: bool = True, headings: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A table as people read it: chosen columns, codes replaced by French labels (also inside « a ; b »
    lists), decimal numbers rounded half-up (parts in %), « couverture » the cell's coverage in words, French
    column headings (``headings`` overrides some, e.g. « nom » of a programme). The same frame is shown and
    downloaded."""
    labels = dict(CODE_LABELS)
    if theme_labels:
        labels |= {"thematique": theme_labels, "thematiques": theme_labels}
    if territory_names:
        names = {k: t.nom for k, t in reference.territories().items()}
        labels |= {"territoires": names}
    out = frame[[c for c in columns if c in frame]].copy()
    if "couverture" in columns and "part_couverte" in frame:
        out["couverture"] = coverage_words(frame).where(frame["score"] > 0, None)
        out = out[[c for c in columns if c in out]]
    for col in out.columns:  # exact numbers as people read them: rounded half-up, parts in %
        if pd.api.types.is_float_dtype(out[col]):
            factor, decimals = TABLE_DISPLAY.get(col, (1, 2))
            out[col] = half_up(out[col] * factor, decimals)
    for col, mapping in labels.items():
        if col in out and not pd.api.types.is_numeric_dtype(out[col]):
            seen: dict[str, str] = {}  # a 10,000-row catalogue holds few distinct lists: relabel each once
            out[col] = out[col].map(lambda v, m=mapping, seen=seen: _relabel(v, m, seen))
    return out.rename(columns={**T.TABLE_LABELS, **(headings or {})})


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
        x=list(half_up(data[value].astype(float), _decimals(value_format))), y=[_short(str(v)) for v in data[label]],
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
    """Programmes per theme, one bar per audience side by side (``analytics.programmes_by_audience``)."""
    if frame.empty:
        return _empty(large)
    theme_labels, audience_labels = theme_labels or {}, audience_labels or {}
    present = set(frame["thematique"])
    themes = [t for t in theme_labels if t in present] + sorted(present - set(theme_labels))
    fig = go.Figure()
    for k, audience in enumerate(audience_labels or pd.unique(frame["public"])):
        part = frame[frame["public"] == audience].set_index("thematique")["programmes"]
        values = [int(part.get(t, 0)) for t in themes]
        name = audience_labels.get(audience, audience)
        fig.add_trace(go.Bar(
            x=[theme_labels.get(t, t) for t in themes], y=values, name=name,
            marker={"color": GROUP_COLOURS[k % 4], "pattern": {"shape": GROUP_PATTERNS[k % 4]}},
            texttemplate="%{y}", textposition="outside",
            hovertemplate=f"<b>%{{x}}</b><br>{name}{T.COLON}%{{y}} {T.CHART_PROGRAMMES.lower()}<extra></extra>",
        ))
    fig.update_yaxes(title=T.CHART_PROGRAMMES, rangemode="tozero", dtick=1 if frame["programmes"].max() <= 10 else None)
    fig.update_xaxes(title=None, tickangle=-30 if len(themes) > 4 else 0)
    return _layout(fig, large=large, height=520 if large else 420, barmode="group", plot_bgcolor="white",
                   legend={"orientation": "h", "y": 1.08, "x": 0, "title": {"text": T.CHART_AUDIENCE}})


def sdg_bars(frame: pd.DataFrame, sdg_names: Mapping[int, str], *, large: bool = False) -> go.Figure:
    """The 17 goals, top to bottom, with the programmes and the investors citing each
    (``analytics.sdg_coverage``); goals nobody cites keep their empty row."""
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
    (``analytics.investor_sdgs``); every goal keeps its column so the uncovered ones show."""
    if frame.empty:
        return _empty(large)
    goals = sorted(sdg_names) or list(range(1, 18))
    z = frame.pivot_table(index="nom", columns="odd", values="programmes", aggfunc="sum").reindex(columns=goals)
    z = z.sort_index()
    fig = go.Figure(go.Heatmap(
        z=z.to_numpy(dtype=float), x=[T.CHART_SDG_SHORT.format(n=g) for g in goals], y=list(z.index),
        customdata=[[sdg_names.get(g, "") for g in goals] for _ in z.index], colorscale=COVER_SCALE,
        xgap=1, ygap=1, hoverongaps=False, texttemplate="%{z:.0f}",
        colorbar={"title": {"text": T.CHART_PROGRAMMES}, "thickness": 12, "dtick": 1 if z.max().max() <= 10 else None},
        hovertemplate=f"<b>%{{y}}</b><br>%{{x}} · %{{customdata}}<br>{T.CHART_PROGRAMMES}{T.COLON}%{{z:.0f}}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(side="top", title=None, tickangle=-45)
    per_row = 30 if large else 24
    return _layout(fig, large=large, height=max(260, 150 + per_row * len(z.index)), plot_bgcolor="white")


def change_bars(frame: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None, limit: int = 15,
                large: bool = False) -> go.Figure:
    """The largest moves of need score between two snapshots (``analytics.compare_needs``): rises to the
    right, falls to the left, one bar per territory × theme."""
    data = frame[frame["ecart_score"] != 0].head(limit) if not frame.empty else frame
    if data.empty:
        return _empty(large)
    theme_labels = theme_labels or {}
    labels = [f"{_short(str(n), 28)} · {_short(theme_labels.get(t, t), 28)}" for n, t in zip(data["nom"], data["thematique"])]
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
    per_row = 32 if large else 26
    return _layout(fig, large=large, height=max(240, 100 + per_row * len(data)), plot_bgcolor="white")
