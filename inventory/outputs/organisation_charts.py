"""The support ecosystem drawn: the Sankey of funders → operators → themes and the tables that carry its numbers."""
from __future__ import annotations

from typing import Mapping

import pandas as pd
import plotly.graph_objects as go

from inventory import texts as T
from inventory.models import OPERATOR_TYPES
from inventory.outputs.charts import NODE_COLOUR, _empty, _layout, table_view

# node colours by step: funders, operators, themes (Okabe–Ito blue, orange, green)
STEP_COLOURS = ("#0072B2", "#E69F00", "#009E73")


def ecosystem_sankey(flows: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None,
                     large: bool = False) -> go.Figure:
    """Funders → operators → themes, link widths the equal-share amounts of ``organisations.flows``."""
    flows = flows[flows["montant_eur"] > 0]
    if flows.empty:
        return _empty(large)
    themes = theme_labels or {}
    funding = flows[flows["etape"] == "financement"]
    to_theme = flows[flows["etape"] == "thematique"]
    nodes: dict[tuple[int, str], int] = {}
    labels, colours = [], []

    def node(step: int, key: str, label: str) -> int:
        if (step, key) not in nodes:
            nodes[(step, key)] = len(labels)
            labels.append(label)
            colours.append(STEP_COLOURS[step])
        return nodes[(step, key)]

    sources, targets, amounts = [], [], []
    for r in funding.itertuples():
        sources.append(node(0, r.source, r.nom_source))
        targets.append(node(1, r.cible, r.nom_cible))
        amounts.append(r.montant_eur)
    for r in to_theme.itertuples():
        sources.append(node(1, r.source, r.nom_source))
        targets.append(node(2, r.cible, themes.get(r.cible, r.nom_cible)))
        amounts.append(r.montant_eur)
    fig = go.Figure(go.Sankey(
        arrangement="snap", valueformat=",.0f", valuesuffix=" €",
        node={"label": labels, "color": colours, "pad": 14, "line": {"color": NODE_COLOUR, "width": 0.5}},
        link={"source": sources, "target": targets, "value": amounts, "color": "rgba(31, 95, 139, 0.25)"},
    ))
    return _layout(fig, large=large, height=max(360, 26 * max(len(labels) // 2, 1)))


def largest_flows(flows: pd.DataFrame, operators: int = 30) -> pd.DataFrame:
    """The flows of the ``operators`` operators that receive the most (a Sankey of a thousand operators is a
    blur; the table under it says how many are drawn): their funders' links and their links to themes."""
    received = flows[flows["etape"] == "financement"].groupby("cible")["montant_eur"].sum()
    kept = set(received.sort_values(ascending=False).head(operators).index)
    mask = ((flows["etape"] == "financement") & flows["cible"].isin(kept)) | (
        (flows["etape"] == "thematique") & flows["source"].isin(kept))
    return flows[mask].reset_index(drop=True)


def flow_table(flows: pd.DataFrame, *, theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The Sankey's links as a table: from, to (themes by their label), amount (rounded to the euro), programmes."""
    themes = theme_labels or {}
    out = pd.DataFrame({
        "source": flows["nom_source"],
        "cible": [themes.get(c, n) if e == "thematique" else n
                  for e, c, n in zip(flows["etape"], flows["cible"], flows["nom_cible"])],
        "montant_eur": flows["montant_eur"].round(0), "programmes": flows["programmes"],
    })
    return out.rename(columns=T.ECO_FLOW_COLUMNS)


def percent_column(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A share (0–1) shown in % with one decimal, as every table of the house shows shares."""
    return frame.assign(**{column: (frame[column].astype(float) * 100).round(1)})


def operator_table(ops: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Operators as read: type by its label, first funder by its name, dependence in %; the link to each one's
    page (``fiche``) under the heading every table gives it, which the page's link column is keyed by."""
    shown = percent_column(ops, "part_premier_financeur").assign(
        type=ops["type"].map(lambda v: OPERATOR_TYPES.get(v, v)), premier_financeur=ops["nom_premier_financeur"],
        financeurs=ops["noms_financeurs"])
    return table_view(shown, columns, headings={**T.ECO_HEADINGS, "fiche": T.ORG_HEADINGS["fiche"]})
