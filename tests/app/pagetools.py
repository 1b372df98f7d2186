"""Reading what an AppTest page shows: figures as the browser receives them, sentences, metrics, tables."""
from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from inventory import texts as T


def figures(at: AppTest) -> list[dict]:
    """The plotly figures of the page, as the browser receives them."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def values(data: object) -> list:
    """A trace attribute as a plain (nested) list, NaN as None: plotly ships numpy arrays as base64 typed
    arrays ({"dtype", "bdata", "shape"})."""
    if isinstance(data, dict) and "bdata" in data:
        array = np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
        if "shape" in data:
            array = array.reshape([int(n) for n in str(data["shape"]).split(",")])
        data = array.tolist()
    if isinstance(data, list):
        return [values(v) if isinstance(v, (list, dict)) else (None if isinstance(v, float) and np.isnan(v) else v)
                for v in data]
    return data


def chart_configs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.config) if chart.proto.config else {} for chart in at.get("plotly_chart")]


def maps(at: AppTest) -> list[dict]:
    return [f for f in figures(at) if any(d.get("type") == "choropleth" for d in f["data"])]


def map_values(figure: dict) -> dict[str, float]:
    """Territory key → value of a france_map (the coloured trace; grey territories have no value)."""
    coloured = figure["data"][-1]
    return dict(zip(values(coloured["customdata"]), values(coloured["z"])))


def texts(at: AppTest) -> str:
    """Every sentence on the page (markdown, captions, info boxes, …), for ``in`` assertions."""
    parts = [e.value for kind in ("markdown", "caption", "info", "success", "warning", "header", "subheader", "title")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _in_chart_tables(at: AppTest) -> list:
    """The tables folded under a map or a heatmap (``ui.chart_table``), in any language."""
    labels = {table["CHART_AS_TABLE"] for table in T.TABLES.values()}
    return [d for e in at.expander if e.label in labels for d in e.dataframe]


def table(at: AppTest, index: int = 0) -> pd.DataFrame:
    """The page's ``index``-th table, the folded copies of its charts' numbers aside (``chart_tables``)."""
    folded = {id(d.proto) for d in _in_chart_tables(at)}
    return [d for d in at.dataframe if id(d.proto) not in folded][index].value


def chart_tables(at: AppTest) -> list[pd.DataFrame]:
    """The numbers of the page's maps and heatmaps, as the tables folded under them show them."""
    return [d.value for d in _in_chart_tables(at)]


def assert_clean(at: AppTest) -> None:
    """No exception reached the page."""
    assert not at.exception, [e.value for e in at.exception]
