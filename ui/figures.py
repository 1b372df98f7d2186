"""What pages draw, built through ``ui.data.built``: each chart or table in words is made once per query result,
reading language and options, and shared by every session (a warm rerun then costs what Streamlit sends, not
what plotly builds). Pages import ``charts``, ``organisation_charts`` and ``within`` from here, never the modules themselves."""
from inventory.analysis import places as _places
from inventory.outputs import charts as _charts
from inventory.outputs import organisation_charts as _organisation_charts
from ui.data import Built

charts = Built(_charts)
organisation_charts = Built(_organisation_charts)
# a territory's rows of a result, cut once per result and territory, then known like the result (no hashing of its
# rows when a chart or a table is built from it)
within = Built(_places).within
