"""Plotly figures for the dashboard: small, French-labelled, colour-blind and greyscale friendly."""
from __future__ import annotations

# Maps load their topojson from our own static folder: the app runs without internet.
OFFLINE = {
    "topojsonURL": "app/static/plotly_topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


# --- défis and évolution ---
