"""The dashboard's side of the house, between Streamlit and ``inventory``: what app.py and the pages share.

``data`` (the cached Store, snapshots, cached analytics calls, theme labels), ``widgets`` (URL-bound widgets),
``access`` (workshop mode, the facilitator's login), ``display`` (numbers, dates, tables and downloads),
``language`` (the session's language and its switch), ``sidebar`` (the shared sidebar), ``navigation`` (how a
page reaches app.py), ``css`` (static styles). Importing it has no effect on Streamlit; nothing here writes SQL."""
from ui.access import facilitator_name, facilitator_password, is_facilitator, login, logout, workshop_mode
from ui.css import WORKSHOP_CSS
from ui.data import StoreBusy, active_snapshot, current_store, q, snapshots, theme_labels
from ui.display import (chart_table, counted, download_table, date_text, number, organisation_links, percent, plain,
                        show_table)
from ui.language import chosen_language, language_switch
from ui.navigation import enter_through_app, routed
from ui.sidebar import picker_labels, require_snapshot, sidebar
from ui.widgets import url_date, url_multiselect, url_radio, url_select, url_tabs, url_toggle

__all__ = [
    "StoreBusy", "WORKSHOP_CSS", "active_snapshot", "chart_table", "chosen_language", "counted", "current_store",
    "download_table", "enter_through_app", "facilitator_name", "facilitator_password", "date_text", "number",
    "is_facilitator", "language_switch", "login", "logout", "organisation_links", "percent", "picker_labels", "plain", "q",
    "require_snapshot", "routed", "show_table", "sidebar", "snapshots", "theme_labels", "url_date", "url_multiselect",
    "url_radio", "url_select", "url_tabs", "url_toggle", "workshop_mode",
]
