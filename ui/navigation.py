"""The app's pages and how a page reaches app.py: the one table of pages, the marker app.py sets around the page
it runs, and the hand-over a page makes when Streamlit ran it alone."""
from __future__ import annotations

import runpy
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

import streamlit as st

from inventory import texts as T
from ui.access import workshop_mode

APP_PY = Path(__file__).resolve().parents[1] / "app.py"
_ROUTED: ContextVar[bool] = ContextVar("routed", default=False)


def pages(workshop: bool) -> list[st.Page]:
    """The app's pages, in the navigation's order; workshop mode is read-only, so the import page (the only one
    that writes) is not even listed. /accueil, as people type it, leads home (served at /)."""
    listed = [
        st.Page("pages/accueil.py", title=T.PAGE_ACCUEIL, icon=":material/home:", url_path="home", default=True),
        st.Page("pages/besoins.py", title=T.PAGE_BESOINS, icon=":material/map:", url_path="besoins"),
        st.Page("pages/couverture.py", title=T.PAGE_COUVERTURE, icon=":material/extension:", url_path="couverture"),
        st.Page("pages/collectif.py", title=T.PAGE_COLLECTIF, icon=":material/handshake:", url_path="collectif"),
        st.Page("pages/defis.py", title=T.PAGE_DEFIS, icon=":material/flag:", url_path="defis"),
        st.Page("pages/evolution.py", title=T.PAGE_EVOLUTION, icon=":material/trending_up:", url_path="evolution"),
        st.Page("pages/methode.py", title=T.PAGE_METHODE, icon=":material/menu_book:", url_path="methode"),
        st.Page("pages/importer.py", title=T.PAGE_IMPORTER, icon=":material/upload_file:", url_path="importer"),
    ]
    home = listed[0]
    listed = [p for p in listed if not (workshop and p.url_path == "importer")]
    # Streamlit would answer « Page not found » for the home page's name
    by_name = st.Page(lambda: st.switch_page(home, query_params=st.query_params.to_dict()), title=T.PAGE_ACCUEIL,
                      url_path="accueil", visibility="hidden")
    return listed + [by_name]


@contextmanager
def routed() -> Iterator[None]:
    """app.py runs the chosen page inside this: the page then knows app.py drew the navigation and the sidebar."""
    token = _ROUTED.set(True)
    try:
        yield
    finally:
        _ROUTED.reset(token)


def enter_through_app() -> None:
    """Every page calls this first.

    Until ``st.navigation`` has run once in the server process, Streamlit treats a ``pages/`` folder beside the
    entry file as old-style pages and runs a deep link's page (``/besoins?niveau=departement``, the first visit
    on a fresh server) alone, without app.py. Such a run runs app.py here, as the entry file would have run: its
    ``st.navigation`` (the public call that switches the process to app.py's routing) picks this same page, which
    app.py then runs inside its sidebar, and the lone run stops once that is drawn. No rerun (widget values and
    the query string stay as they came) and nothing happens at import: sessions importing the app side at the
    same moment never see a half-initialised module."""
    if not _ROUTED.get():
        runpy.run_path(str(APP_PY))
        st.stop()
