"""The dashboard's side of the house: the cached Store, the chosen snapshot, URL-bound widgets, cached
aggregates, downloads and workshop mode. Pages import from here; nothing here writes SQL."""
from __future__ import annotations

import hmac
import os
import runpy
import time
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import pandas as pd
import streamlit as st

from inventory import analytics, exports
from inventory import texts as T
from inventory.models import Snapshot
from inventory.report import plain
from inventory.store import Store, StoreBusy


# --- routing ------------------------------------------------------------------------------------------
APP_PY = Path(__file__).resolve().parent / "app.py"
_ROUTED: ContextVar[bool] = ContextVar("routed", default=False)


def pages(workshop: bool) -> list:
    """The app's pages, in the navigation's order; workshop mode is read-only, so the import page (the only one
    that writes) is not even listed. /accueil, as people type it, leads home (served at /)."""
    listed = [
        st.Page("pages/accueil.py", title=T.PAGE_ACCUEIL, icon=":material/home:", url_path="home", default=True),
        st.Page("pages/besoins.py", title=T.PAGE_BESOINS, icon=":material/map:", url_path="besoins"),
        st.Page("pages/couverture.py", title=T.PAGE_COUVERTURE, icon=":material/extension:", url_path="couverture"),
        st.Page("pages/collectif.py", title=T.PAGE_COLLECTIF, icon=":material/handshake:", url_path="collectif"),
        st.Page("pages/defis.py", title=T.PAGE_DEFIS, icon=":material/flag:", url_path="defis"),
        st.Page("pages/evolution.py", title=T.PAGE_EVOLUTION, icon=":material/trending_up:", url_path="evolution"),
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
    """app.py runs the chosen page inside this: the page then knows app.py drew the navigation and sidebar."""
    token = _ROUTED.set(True)
    try:
        yield
    finally:
        _ROUTED.reset(token)


def enter_through_app() -> None:
    """Every page calls this first. Until ``st.navigation`` has run once in the server process, Streamlit treats
    the ``pages/`` folder as old-style pages and runs a deep link's page (``/besoins?niveau=departement``, the
    first visit on a fresh server) alone, without app.py. Such a run runs app.py here, as the entry file would
    have: its ``st.navigation`` (the public call that switches the process to app.py's routing) picks this same
    page, which app.py's sidebar surrounds, and the lone run stops once it has drawn. No rerun (widget values
    and the query string stay as they came) and nothing at import: sessions importing this module at the same
    time never see it half-initialised."""
    if not _ROUTED.get():
        runpy.run_path(str(APP_PY))
        st.stop()


IDLE_CLOSE_SECONDS = 5.0


# --- the database -----------------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return Store(path, idle_close=IDLE_CLOSE_SECONDS, lock_timeout=15.0)


def current_store() -> Store:
    """The one Store of this server process (a cursor per read; lets go of the file when idle)."""
    return _store(os.environ.get("INVENTORY_DB") or "data/inventory.duckdb")


def _db_key() -> str:
    return str(current_store().path)


@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def _cached(db: str, fn_name: str, args: tuple, kwargs: tuple) -> Any:
    return getattr(analytics, fn_name)(current_store(), *args, **dict(kwargs))


def q(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """Call an ``inventory.analytics`` function through a cache keyed by database, snapshot id and filters.

    Snapshots never change once written, so a cached result stays true for the life of the snapshot.
    """
    return _cached(_db_key(), fn.__name__, args, tuple(sorted(kwargs.items())))


def snapshots() -> list[Snapshot]:
    return current_store().snapshots()


def active_snapshot() -> Snapshot | None:
    """The snapshot the page shows: ``?inventaire=ID`` if valid, else the active one."""
    snaps = snapshots()
    if not snaps:
        return None
    wanted = st.query_params.get("inventaire")
    if wanted and wanted.isdigit():
        for s in snaps:
            if s.id == int(wanted):
                return s
    return next((s for s in snaps if s.active), snaps[-1])


# --- URL-bound widgets --------------------------------------------------------------------------------
def url_value(key: str, default: Any = None) -> Any:
    return st.query_params.get(key, default)


def _sync(key: str, value: Any, default: Any) -> None:
    if value is None or value == default or value == "" or value == []:
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = value if not isinstance(value, list) else ",".join(map(str, value))
    st.session_state[f"_url_seen_{key}"] = st.query_params.get(key)


def _url_moved(key: str, raw: str | None) -> bool:
    """True when the URL's value differs from the one this session last wrote: a link was opened or the user
    went back. Otherwise the URL is merely one run behind a widget the user just changed, and the widget wins."""
    return raw is not None and st.session_state.get(f"_url_seen_{key}", object()) != raw


def url_select(where, label: str, options: Sequence[Any], key: str, *, default: Any = None,
               format_func: Callable[[Any], str] = str, **kw: Any) -> Any:
    """A selectbox whose value lives in the URL (``?key=value``), so a shared link reopens the same view."""
    options = list(options)
    raw = st.query_params.get(key)
    current = next((o for o in options if str(o) == raw), default if default in options else options[0] if options else None)
    widget_key = f"url_{key}"
    if widget_key in st.session_state and st.session_state[widget_key] not in options:
        del st.session_state[widget_key]
    if widget_key not in st.session_state or _url_moved(key, raw) and str(st.session_state[widget_key]) != raw:
        st.session_state[widget_key] = current
    value = where.selectbox(label, options, key=widget_key, format_func=format_func, **kw)
    _sync(key, None if value is None else str(value), None if default is None else str(default))
    return value


def url_multiselect(where, label: str, options: Sequence[Any], key: str, *,
                    format_func: Callable[[Any], str] = str, **kw: Any) -> list[Any]:
    options = list(options)
    raw = st.query_params.get(key)
    current = [o for o in options if raw and str(o) in raw.split(",")]
    widget_key = f"url_{key}"
    if widget_key in st.session_state and any(v not in options for v in st.session_state[widget_key]):
        del st.session_state[widget_key]  # left over from another page or snapshot with other options
    if widget_key not in st.session_state or (_url_moved(key, raw) and ",".join(map(str, st.session_state[widget_key])) != raw):
        st.session_state[widget_key] = current
    value = where.multiselect(label, options, key=widget_key, format_func=format_func, **kw)
    _sync(key, [str(v) for v in value], [])
    return value


def url_radio(where, label: str, options: Sequence[Any], key: str, *, default: Any = None,
              format_func: Callable[[Any], str] = str, **kw: Any) -> Any:
    options = list(options)
    raw = st.query_params.get(key)
    current = next((o for o in options if str(o) == raw), default if default in options else options[0])
    widget_key = f"url_{key}"
    if widget_key in st.session_state and st.session_state[widget_key] not in options:
        del st.session_state[widget_key]  # left over from another page with other options
    if widget_key not in st.session_state or (_url_moved(key, raw) and str(st.session_state[widget_key]) != raw):
        st.session_state[widget_key] = current
    value = where.radio(label, options, key=widget_key, format_func=format_func, **kw)
    _sync(key, str(value), None if default is None else str(default))
    return value


# --- workshop mode and facilitator rights ----------------------------------------------------------
def workshop_mode() -> bool:
    return st.query_params.get("atelier") == "1"


def facilitator_password() -> str | None:
    try:
        secret = st.secrets.get("facilitator_password")
    except Exception:  # no secrets file at all
        secret = None
    return secret or os.environ.get("INVENTORY_FACILITATOR_PASSWORD") or None


def is_facilitator() -> bool:
    """True once this session gave the right password (checked in constant time), never in workshop mode."""
    expected = facilitator_password()
    given = st.session_state.get("_facilitator_token")
    if not expected or not isinstance(given, str) or workshop_mode():
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def login(password: str) -> bool:
    """Check a password; wrong attempts slow down (1 s, 2 s, 4 s… at most 8 s)."""
    expected = facilitator_password()
    failures = st.session_state.get("_login_failures", 0)
    if failures:
        time.sleep(min(8.0, 2 ** (failures - 1)))
    if expected and hmac.compare_digest(password.encode(), expected.encode()):
        st.session_state["_facilitator_token"] = password
        st.session_state["_login_failures"] = 0
        return True
    st.session_state["_login_failures"] = failures + 1
    return False


def logout() -> None:
    st.session_state.pop("_facilitator_token", None)


# --- formatting and downloads -----------------------------------------------------------------------
def fr_number(value: Any, decimals: int = 0) -> str:
    """1234567.8 → « 1 234 567,8 » (French thousands and decimal separators)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    return text


def fr_date(value: Any) -> str:
    return "–" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%d/%m/%Y")


def download_table(frame: pd.DataFrame, name: str, *, where=None) -> None:
    """CSV and XLSX downloads of a table as shown (filters applied). The files are made on click (and the
    click does not rerun the page), not on every rerun: a 10,000-row table costs seconds to write as XLSX."""
    where = where or st
    c1, c2 = where.columns(2)
    c1.download_button(T.DOWNLOAD_CSV, lambda: exports.csv_bytes(frame), file_name=f"{name}.csv", mime="text/csv",
                       key=f"dl_csv_{name}", width="stretch", on_click="ignore")
    c2.download_button(T.DOWNLOAD_XLSX, lambda: exports.table_xlsx(frame, name), file_name=f"{name}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"dl_xlsx_{name}", width="stretch", on_click="ignore")


def show_table(view: pd.DataFrame, name: str, *, empty: str | None = None, where=None) -> None:
    """A table as shown to people (French headings, numbers and dates in French form) and its downloads;
    ``empty`` is the sentence shown instead when there is no row."""
    where = where or st
    if empty is not None and view.empty:
        where.info(empty)
        return
    config: dict[str, Any] = {}
    for col in view.columns:
        if pd.api.types.is_bool_dtype(view[col]):
            continue
        if pd.api.types.is_datetime64_any_dtype(view[col]):
            config[col] = st.column_config.DateColumn(format="DD/MM/YYYY")
        elif pd.api.types.is_numeric_dtype(view[col]):
            config[col] = st.column_config.NumberColumn(format="localized")
    where.dataframe(view, hide_index=True, column_config=config, width="stretch")
    download_table(view, name, where=where)


# --- the shared sidebar -------------------------------------------------------------------------------
WORKSHOP_CSS = """
<style>
/* Workshop mode, for a projector at 1280×720: everything sized in rem grows with the root font, the margins
   Streamlit keeps for wide screens shrink, and a band at the top says which inventory is shown. */
html { font-size: 20px; }
[data-testid="stMainBlockContainer"] { padding: 4.2rem 1.5rem 3rem; max-width: none; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.1rem; }
[data-testid="stCaptionContainer"] { color: #4a4a4a; }  /* projectors wash light grey out */
[data-testid="stCaptionContainer"] p { font-size: 0.95rem; }
h1 { font-size: 2.1rem !important; padding-top: 0.25rem !important; }
h2 { font-size: 1.7rem !important; } h3 { font-size: 1.4rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 2.4rem !important; line-height: 1.2; }
[data-testid="stMetricLabel"] p { font-size: 1rem !important; }
.st-key-atelier_header { background: #1f5f8b; border-radius: 0.5rem; padding: 0.4rem 1rem; }
.st-key-atelier_header [data-testid="stMarkdownContainer"],
.st-key-atelier_header [data-testid="stCaptionContainer"] { margin-bottom: 0 !important; }
.st-key-atelier_header p { color: #ffffff !important; margin: 0 !important; }
.st-key-atelier_header [data-testid="stCaptionContainer"] p { color: #ffffff !important; opacity: 0.9; }
</style>
"""


# Streamlit's uploader has English words of its own (« Upload », « 50MB per file »): French ones instead, drawn
# by CSS over the hidden originals (static text; the limit is inventory.limits.MAX_FILE_BYTES, a test checks it).
UPLOADER_CSS = """
<style>
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p {
    font-size: 0; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p::after {
    content: "Choisir des fichiers"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
    content: "ou glissez-les ici · 50 Mo au plus par fichier · XLSX, ODS, CSV"; font-size: 0.875rem; }
</style>
"""


def sidebar() -> Snapshot | None:
    """Snapshot picker and workshop toggle, bound to the URL; demo banner and workshop header."""
    try:
        snaps = snapshots()
    except StoreBusy:
        st.warning(T.DB_BUSY)
        st.stop()
    snap = active_snapshot()
    if snaps:
        labels = {s.id: T.SNAPSHOT_OPTION.format(label=s.label, as_of=fr_date(s.as_of))
                  + (T.SNAPSHOT_ACTIVE_SUFFIX if s.active else "") for s in snaps}
        active_id = next((s.id for s in snaps if s.active), snaps[-1].id)
        chosen = url_select(st.sidebar, T.SIDEBAR_SNAPSHOT, list(reversed(list(labels))), "inventaire",
                            default=active_id, format_func=labels.get)
        snap = next(s for s in snaps if s.id == chosen)
    on = st.sidebar.toggle(T.SIDEBAR_WORKSHOP, value=workshop_mode(), help=T.SIDEBAR_WORKSHOP_HELP, key="toggle_atelier")
    if on != workshop_mode():
        if on:
            st.query_params["atelier"] = "1"
        else:
            del st.query_params["atelier"]
        st.rerun()
    if workshop_mode():
        st.html(WORKSHOP_CSS)  # static CSS only, never user text
        if snap is not None:  # one slim band instead of a caption and a banner: the screen is for the charts
            with st.container(key="atelier_header", horizontal=True, horizontal_alignment="distribute",
                              vertical_alignment="center"):
                st.markdown(f"**{T.WORKSHOP_HEADER.format(label=plain(snap.label), as_of=fr_date(snap.as_of))}**")
                if snap.demo:
                    st.caption(T.DEMO_BANNER)
            return snap
    if snap is not None and snap.demo:
        st.info(T.DEMO_BANNER, icon=":material/info:")
    return snap


def require_snapshot() -> Snapshot:
    """The shown snapshot, or an explanation and a stop when the inventory is empty."""
    snap = active_snapshot()
    if snap is None:
        st.info(T.NO_SNAPSHOT)
        st.stop()
    return snap
