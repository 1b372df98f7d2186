"""What pages draw, built through ``ui.data.built``: each chart or table in words is made once per query result,
reading language and options, and shared by every session (a warm rerun then costs what Streamlit sends, not
what plotly builds). Pages import ``charts`` and ``organisation_charts`` from here, never the modules themselves."""
from inventory.outputs import charts as _charts
from inventory.outputs import organisation_charts as _organisation_charts
from ui.data import Built

charts = Built(_charts)
organisation_charts = Built(_organisation_charts)
