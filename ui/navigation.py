"""How a page reaches app.py: the marker app.py sets around the page it runs, and the hand-over a page makes when
Streamlit ran it alone."""
from __future__ import annotations

import runpy
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

import streamlit as st

APP_PY = Path(__file__).resolve().parents[1] / "app.py"
_ROUTED: ContextVar[bool] = ContextVar("routed", default=False)


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
