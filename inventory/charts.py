"""Plotly figures for the dashboard: small, French-labelled, colour-blind and greyscale friendly.

Every function takes a small DataFrame from ``inventory.analytics`` and returns a ``go.Figure``; none
reads the database. Sequential scales (Viridis, Cividis) stay ordered in greyscale and for colour-blind
readers; numbers use the French separators (decimal comma, narrow space for thousands).
"""
from __future__ import annotations

import math
from typing import Mapping

import pandas as pd
import plotly.graph_objects as go

from inventory import reference
from inventory import texts as T

# Maps load their topojson from our own static folder: the app runs without internet.
OFFLINE = {
    "topojsonURL": "app/static/plotly_topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

SEPARATORS = ",\u202f"  # decimal comma, narrow no-break space between thousands
NEED_SCALE = "Viridis"
COVER_SCALE = "Cividis"
FONT = {"family": "Source Sans Pro, Arial, sans-serif"}
NO_DATA_GREY = "#e4e4e4"
MEASURE_FORMAT = {"intensite_moyenne": ",.2f", "tension": ",.1f"}


def font_size(large: bool) -> int:
    """Chart font size: projector-readable in workshop mode."""
    return 20 if large else 13


def _layout(fig: go.Figure, *, large: bool, height: int | None = None, **kw) -> go.Figure:
    fig.update_layout(
        font={**FONT, "size": font_size(large)}, separators=SEPARATORS, height=height,
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


def _label(measure: str) -> str:
    return T.MEASURE_LABELS.get(measure, measure)


def _fmt(measure: str) -> str:
    return MEASURE_FORMAT.get(measure, ",.0f")


# --- heatmaps ------------------------------------------------------------------------------------------
def heatmap(frame: pd.DataFrame, *, rows: str, cols: str, value: str, value_label: str,
            col_labels: Mapping[str, str] | None = None, row_title: str = T.CHART_TERRITORY,
            col_title: str = T.CHART_THEME, text: pd.DataFrame | None = None, colorscale: str = NEED_SCALE,
            value_format: str = ",.0f", large: bool = False, title: str | None = None) -> go.Figure:
    """A rows × columns heatmap of one value, rows and columns in the frame's order of appearance.

    ``text`` (same pivot shape) replaces the number written in each cell, e.g. to mark white zones.
    """
    if frame.empty:
        return _empty(large)
    col_labels = col_labels or {}
    z = frame.pivot_table(index=rows, columns=cols, values=value, aggfunc="sum", sort=False, dropna=False)
    z = z.reindex(index=pd.unique(frame[rows]), columns=pd.unique(frame[cols]))
    x = [col_labels.get(c, c) for c in z.columns]
    values = z.to_numpy(dtype=float)
    shown = text.reindex(index=z.index, columns=z.columns).fillna("").to_numpy() if text is not None else None
    fig = go.Figure(go.Heatmap(
        z=values, x=x, y=list(z.index), colorscale=colorscale, xgap=1, ygap=1, hoverongaps=False,
        text=shown, texttemplate="%{text}" if shown is not None else f"%{{z:{value_format}}}",
        colorbar={"title": {"text": value_label}, "thickness": 12},
        hovertemplate=f"<b>%{{y}}</b><br>{col_title} : %{{x}}<br>{value_label} : %{{z:{value_format}}}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(side="top", title=None, tickangle=-30 if len(x) > 4 else 0)
    per_row = 30 if large else 24
    return _layout(fig, large=large, height=max(240, 140 + per_row * len(z.index)), title=title,
                   plot_bgcolor="white")


def need_heatmap(cells: pd.DataFrame, measure: str = "acteurs", *, theme_labels: Mapping[str, str] | None = None,
                 large: bool = False) -> go.Figure:
    """Territory × theme heatmap of a need measure (cells without needs stay blank)."""
    data = cells[cells["acteurs"] > 0] if "acteurs" in cells else cells
    return heatmap(data, rows="nom", cols="thematique", value=measure, value_label=_label(measure),
                   col_labels=theme_labels, colorscale=NEED_SCALE, value_format=_fmt(measure), large=large)


def coverage_heatmap(cells: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None,
                     large: bool = False) -> go.Figure:
    """Territory × theme heatmap of the programmes covering each cell; white zones are written « ZB »."""
    if cells.empty:
        return _empty(large)
    marks = cells.assign(_t=cells["programmes"].map("{:d}".format).where(~cells["zone_blanche"],
                                                                        T.CHART_WHITE_ZONE_MARK))
    text = marks.pivot_table(index="nom", columns="thematique", values="_t", aggfunc="first", sort=False)
    return heatmap(cells, rows="nom", cols="thematique", value="programmes", value_label=_label("programmes"),
                   col_labels=theme_labels, text=text, colorscale=COVER_SCALE, large=large)


def investor_heatmap(long: pd.DataFrame, *, cols: str, value: str, value_label: str,
                     col_labels: Mapping[str, str] | None = None, col_title: str = T.CHART_THEME,
                     large: bool = False) -> go.Figure:
    """Investors (rows, by name) × themes or territories."""
    return heatmap(long, rows="nom", cols=cols, value=value, value_label=value_label, col_labels=col_labels,
                   row_title=T.CHART_INVESTOR, col_title=col_title, colorscale=COVER_SCALE, large=large)


# --- maps ----------------------------------------------------------------------------------------------
def per_territory(cells: pd.DataFrame) -> pd.DataFrame:
    """Territory totals of territory × theme cells: acteurs and score add up, mean intensity is their
    ratio, programmes and investors are the largest over themes, zones_blanches counts white-zone themes."""
    if cells.empty:
        return pd.DataFrame(columns=["territoire", "nom", "acteurs", "score", "intensite_moyenne",
                                     "programmes", "investisseurs", "zones_blanches"])
    agg = {c: "sum" for c in ("acteurs", "score") if c in cells}
    agg |= {c: "max" for c in ("programmes", "investisseurs") if c in cells}
    out = cells.groupby(["territoire", "nom"], sort=False, as_index=False).agg(agg)
    if "zone_blanche" in cells:
        out["zones_blanches"] = cells.groupby(["territoire", "nom"], sort=False)["zone_blanche"].sum().to_numpy()
    if {"acteurs", "score"} <= set(out.columns):
        out["intensite_moyenne"] = (out["score"] / out["acteurs"].where(out["acteurs"] > 0)).round(2)
    return out


def france_map(cells: pd.DataFrame, measure: str = "acteurs", level: str = "region", *,
               value_label: str | None = None, colorscale: str = NEED_SCALE, large: bool = False) -> go.Figure:
    """Choropleth of France (regions or départements) of one measure.

    ``cells`` is one row per territory or per territory × theme (then summed, see ``per_territory``).
    Territories with no value are drawn in light grey so the whole country shows; national rows (FR)
    have no outline and are left to the page to mention. Click events carry the territory key as
    ``customdata``.
    """
    gj = reference.geojson(level)
    keys = [f["id"] for f in gj["features"]]
    names = {f["id"]: f["properties"]["nom"] for f in gj["features"]}
    data = cells if not cells.duplicated("territoire").any() else per_territory(cells)
    if measure not in data:
        data = per_territory(data)
    data = data[data["territoire"].isin(keys) & data[measure].notna()]
    if measure in ("acteurs", "score", "intensite_moyenne"):
        data = data[data[measure] > 0]
    label = value_label or _label(measure)
    fmt = _fmt(measure) if measure in MEASURE_FORMAT or measure in T.MEASURE_LABELS else ",.0f"
    blank = [k for k in keys if k not in set(data["territoire"])]
    fig = go.Figure()
    fig.add_trace(go.Choropleth(
        geojson=gj, featureidkey="id", locations=blank, z=[0] * len(blank), customdata=blank,
        text=[names[k] for k in blank], colorscale=[[0, NO_DATA_GREY], [1, NO_DATA_GREY]], showscale=False,
        marker_line_color="white", marker_line_width=0.6,
        hovertemplate=f"<b>%{{text}}</b><br>{T.CHART_NO_VALUE}<extra></extra>",
    ))
    fig.add_trace(go.Choropleth(
        geojson=gj, featureidkey="id", locations=list(data["territoire"]), z=list(data[measure].astype(float)),
        customdata=list(data["territoire"]), text=[names[k] for k in data["territoire"]], colorscale=colorscale,
        zmin=0 if measure != "intensite_moyenne" else 1, marker_line_color="white", marker_line_width=0.6,
        colorbar={"title": {"text": label}, "thickness": 12},
        hovertemplate=f"<b>%{{text}}</b><br>{label} : %{{z:{fmt}}}<extra></extra>",
    ))
    fig.update_geos(fitbounds="locations", visible=False)
    return _layout(fig, large=large, height=560 if large else 460, dragmode=False)


def footprint_map(footprint: pd.DataFrame, level: str = "region", *, large: bool = False) -> go.Figure:
    """Where an investor acts: the number of themes its programmes cover in each territory."""
    counts = footprint.groupby("territoire", as_index=False).agg(thematiques=("thematique", "nunique"))
    return france_map(counts.assign(nom=counts["territoire"]), "thematiques", level,
                      value_label=T.CHART_THEMES_COVERED, colorscale=COVER_SCALE, large=large)


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
def cofunding_network(edges: pd.DataFrame, investors: pd.DataFrame, *, large: bool = False) -> go.Figure:
    """Investors on a circle, a line between two who fund programmes together (thicker: more programmes).

    ``investors`` has id, nom, programmes; only investors with at least one co-funding are drawn.
    """
    if edges.empty:
        return _empty(large)
    ids = sorted(set(edges["source"]) | set(edges["cible"]))
    info = investors.set_index("id")
    pos = {i: (math.cos(2 * math.pi * k / len(ids) + math.pi / 2), math.sin(2 * math.pi * k / len(ids) + math.pi / 2))
           for k, i in enumerate(ids)}
    fig = go.Figure()
    top = max(int(edges["programmes"].max()), 1)
    for e in edges.itertuples():
        (x0, y0), (x1, y1) = pos[e.source], pos[e.cible]
        fig.add_trace(go.Scatter(
            x=[x0, x1], y=[y0, y1], mode="lines", line={"width": 1.5 + 5 * e.programmes / top, "color": "#5b6b7a"},
            hoverinfo="skip", showlegend=False,
        ))
        # an invisible marker in the middle of each line carries its hover text
        fig.add_trace(go.Scatter(
            x=[(x0 + x1) / 2], y=[(y0 + y1) / 2], mode="markers", marker={"size": 10, "opacity": 0},
            hovertemplate=f"{e.nom_source} – {e.nom_cible}<br>{T.CHART_COFUNDED} : {e.programmes}<extra></extra>",
            showlegend=False,
        ))
    names = [str(info["nom"].get(i, i)) for i in ids]
    programmes = [int(info["programmes"].get(i, 0)) if "programmes" in info else 0 for i in ids]
    fig.add_trace(go.Scatter(
        x=[pos[i][0] for i in ids], y=[pos[i][1] for i in ids], mode="markers+text", text=ids,
        textposition="middle center", customdata=list(zip(names, programmes)),
        marker={"size": [26 + 3 * p for p in programmes] if not large else [34 + 3 * p for p in programmes],
                "color": programmes, "colorscale": COVER_SCALE, "line": {"width": 1, "color": "white"}},
        textfont={"color": "white", "size": font_size(large) - 2},
        hovertemplate=f"<b>%{{customdata[0]}}</b><br>{T.CHART_PROGRAMMES} : %{{customdata[1]}}<extra></extra>",
        showlegend=False,
    ))
    fig.update_xaxes(visible=False, range=[-1.35, 1.35])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3], scaleanchor="x")
    return _layout(fig, large=large, height=520 if large else 420, plot_bgcolor="white")


# --- défis and évolution ---
