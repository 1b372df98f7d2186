"""The app side's data: the server's one cached Store, its snapshots, the one a page shows, and the analytics
functions called through a cache. Pages reach the store through here; nothing here writes SQL."""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any, Callable

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.errors import StreamlitAPIException

from inventory import reference
from inventory import texts as T
from inventory.analysis import needs
from inventory.models import Snapshot
from inventory.store import Store, StoreBusy

__all__ = ["IDLE_CLOSE_SECONDS", "StoreBusy", "active_snapshot", "built", "clear_results", "current_store", "q", "snapshots",
           "theme_labels"]

IDLE_CLOSE_SECONDS = 5.0


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    # INVENTORY_READONLY=1: a replica behind the balancer, reading a published copy (no DDL; reopened on a publish)
    return Store(path, idle_close=IDLE_CLOSE_SECONDS, lock_timeout=15.0,
                 read_only=os.environ.get("INVENTORY_READONLY") == "1")


def current_store() -> Store:
    """The one Store of this server process (a cursor per read; lets go of the file when idle)."""
    return _store(os.environ.get("INVENTORY_DB") or "data/inventory.duckdb")


# Cached results are kept as live objects shared by every session (Streamlit's resource cache), not pickled:
# a cache hit used to unpickle its frame on every run (170 ms a run for the 10,000 commitments of the 1M-needs
# inventory). Each caller gets its own copy from ``_own``: frames shallowly, which pandas' copy-on-write makes free
# and safe (a change to the copy never reaches the cached frame), containers one level deep.
CACHE = {"show_spinner": False, "max_entries": 512, "ttl": 3600}


def _own(value: Any) -> Any:
    """A cached result as its caller may change it without changing what the next caller gets."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        out = value.copy(deep=False)
        out.index = value.index.copy()  # an index's name is set in place
        if isinstance(value, pd.DataFrame):
            out.columns = value.columns.copy()
        return out
    if isinstance(value, tuple):
        return tuple(_own(v) for v in value)
    if isinstance(value, (list, dict, set)):
        return type(value)(value) if not isinstance(value, dict) else {k: _own(v) for k, v in value.items()}
    return value


_results: list[Any] = []  # every results cache, for clear_results


@functools.cache
def _cached(fn: Callable) -> Callable:
    """``fn`` itself behind Streamlit's resource cache, keyed by its arguments, the Store by its file."""
    cached = st.cache_resource(fn, hash_funcs={Store: lambda s: str(s.path)}, **CACHE)
    _results.append(cached)
    return cached


def clear_results() -> None:
    """Empty the caches of query results and built charts (as after a restart); the Store stays open."""
    for cached in [*_results, _build]:
        cached.clear()


def q(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """``fn(current_store(), *args, **kwargs)`` through a cache keyed by the function, the database file, the
    snapshot id and the filters: ``q(coverage.need_matrix, snap.id, level="region")``.

    Snapshots never change once written, so a cached result stays true for the life of the snapshot.
    """
    return _own(_cached(fn)(current_store(), *args, **kwargs))


def _frame_key(frame: pd.DataFrame | pd.Series) -> bytes:
    """What identifies a frame given to a builder: pandas' own row hashes, or a digest of its Arrow form when a
    column holds lists (Streamlit falls back to pickling it, with a warning in the server's log on every run: 0.65 s
    for the 10,000 commitments of the 1M-needs inventory, against 0.06 s through Arrow)."""
    named = repr(list(frame.columns) if isinstance(frame, pd.DataFrame) else frame.name).encode()
    try:
        return pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes() + named
    except TypeError:
        pass
    try:
        table = pa.Table.from_pandas(frame.to_frame() if isinstance(frame, pd.Series) else frame, preserve_index=True)
    except (pa.ArrowException, TypeError, ValueError):
        return pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return hashlib.blake2b(sink.getvalue(), digest_size=32).digest() + named


@st.cache_resource(hash_funcs={pd.DataFrame: _frame_key, pd.Series: _frame_key}, **CACHE)
def _build(name: str, language: str, args: tuple, kwargs: dict) -> Any:
    with T.speaking(language):
        return _builders[name](*args, **kwargs)


_builders: dict[str, Callable] = {}  # the cache is keyed by a builder's name; its function is found here


def built(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` for a pure builder of what a page shows from query results (a chart, a table in
    words), made once per arguments and reading language and shared by every session: building a plotly figure
    costs more than the queries behind it once they are cached. A figure is never changed after it is built.

    Only a call given a frame or a series is a build; any other (a cell's formatter mapped over a column, a click
    event read) is a plain call, as are arguments the cache cannot hash (Streamlit names that error only in a
    private module, so its public base class is caught: builders never call Streamlit)."""
    if not any(isinstance(a, (pd.DataFrame, pd.Series)) for a in (*args, *kwargs.values())):
        return fn(*args, **kwargs)
    name = f"{fn.__module__}:{fn.__qualname__}"
    _builders[name] = fn
    try:
        return _own(_build(name, T.language(), args, kwargs))
    except StreamlitAPIException:  # an argument the cache cannot hash
        return fn(*args, **kwargs)


class Built:
    """A module of pure builders whose functions go through ``built``: ``charts = Built(outputs.charts)`` reads
    in a page as the module does; ``charts.OFFLINE`` is the module's constant."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        if not callable(value) or isinstance(value, type):
            return value
        return functools.partial(built, value)


def _file_state(path: Path) -> tuple:
    """What changes whenever anyone (this server, or a command-line import) writes the database: the size and
    modification time of the file and of its write-ahead log."""
    state = []
    for p in (path, Path(f"{path}.wal")):
        try:
            info = p.stat()
            state.append((info.st_mtime_ns, info.st_size))
        except FileNotFoundError:
            state.append(None)
    return tuple(state)


_listed: dict[str, tuple[tuple, list[Snapshot]]] = {}


def snapshots() -> list[Snapshot]:
    """The snapshots, read again only when the database file has changed: every run asks several times (sidebar,
    the shown snapshot, the page), and a dozen sessions at once would otherwise queue on DuckDB for the same list."""
    store = current_store()
    state = _file_state(Path(store.path))
    known = _listed.get(str(store.path))
    if known is not None and known[0] == state:
        return known[1]
    listed = store.snapshots()
    _listed[str(store.path)] = (state, listed)
    return listed


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


def theme_labels(snapshot_id: int) -> dict[str, str]:
    """Theme code → label in that snapshot (the default themes and the inventory's own), in their order; a default
    theme in the run's language, a theme the inventory defined as people typed it."""
    themes = q(needs.themes, snapshot_id)
    return {code: reference.theme_label(code, label) for code, label in zip(themes["code"], themes["libelle"])}
