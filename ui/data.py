"""The app side's data: the server's one cached Store, its snapshots, the one a page shows, and the analytics
functions called through a cache. Pages reach the store through here; nothing here writes SQL."""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import threading
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable, Hashable

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

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


# Cached results are kept as live objects shared by every session, never pickled: a cache hit used to unpickle its
# frame on every run (170 ms a run for the 10,000 commitments of the 1M-needs inventory). Each caller gets its own
# copy from ``_own``: frames shallowly, which pandas' copy-on-write makes free and safe (a change to the copy never
# reaches the cached frame), containers one level deep.
#
# The cache is ours, not Streamlit's: Streamlit hashes every argument of every cached call on every run (its
# hasher walks the values and hashes a frame's rows), which was a quarter of a warm run's CPU when a workshop
# clicked (bench/results.md section 9). Here a query's key is its function and its arguments as they are (ints,
# codes, tuples), and a frame given to a builder is known by the query that produced it (``_Origins``).
MAX_ENTRIES = 512


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


class _Shared:
    """Results shared by every session of the process: at most ``MAX_ENTRIES`` (the least recently used go first),
    each made once even when a dozen sessions ask for it in the same second (the others wait for the first)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._making: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
            turn = self._making.setdefault(key, threading.Lock())
        with turn:
            with self._lock:
                if key in self._entries:  # made by the session ahead of this one
                    return self._entries[key]
            try:
                value = make()
                with self._lock:
                    self._entries[key] = value
                    while len(self._entries) > MAX_ENTRIES:
                        self._entries.popitem(last=False)
                return value
            finally:
                with self._lock:
                    if self._making.get(key) is turn:
                        del self._making[key]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_results = _Shared()  # query results, by function, database file and arguments
_builds = _Shared()  # charts and tables in words, by builder, reading language and data


def clear_results() -> None:
    """Empty the caches of query results and built charts (as after a restart); the Store stays open."""
    _results.clear()
    _builds.clear()


class _Unkeyed(Exception):
    """An argument that cannot be part of a cache key: the call is made without the cache."""


def _frozen(value: Any) -> Hashable:
    """An argument as part of a key: a frame or a series by ``_frame_key``, lists and sets as tuples, dicts as
    sorted pairs; anything else unhashable raises ``_Unkeyed``."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return ("data", _frame_key(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_frozen(v) for v in value))
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted((_frozen(v) for v in value), key=repr)))
    if isinstance(value, dict):
        return ("dict", tuple(sorted(((k, _frozen(v)) for k, v in value.items()), key=repr)))
    try:
        hash(value)
    except TypeError:
        raise _Unkeyed from None
    return value


def _function_key(fn: Callable) -> tuple:
    # the function itself (a test's local function of the same name is another function), held by the key
    return (fn.__module__, fn.__qualname__, fn)


def q(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """``fn(current_store(), *args, **kwargs)`` through a cache keyed by the function, the database file, the
    snapshot id and the filters: ``q(coverage.need_matrix, snap.id, level="region")``.

    Snapshots never change once written, so a cached result stays true for the life of the snapshot.
    """
    store = current_store()
    try:
        key = (_function_key(fn), str(store.path), _frozen(args), _frozen(kwargs))
    except _Unkeyed:
        return fn(store, *args, **kwargs)
    original = _results.get(key, lambda: fn(store, *args, **kwargs))
    value = _own(original)
    _origins.remember(value, original, key)
    return value


class _Origins:
    """Which query each frame handed out by ``q`` came from, so that a builder given that frame is keyed by the
    query (microseconds) instead of by hashing its rows (5–15 ms a frame, a quarter of a warm run's CPU).

    A frame is known only while it is exactly as handed out: the same column labels, index and index object, and
    the very arrays it shares with the cached result. Under pandas' copy-on-write any change a page makes to its
    copy (a column set, a cell written, rows sorted or dropped in place, an index renamed or replaced) gives the
    copy new arrays, labels or index, so it is then keyed by its contents like any other frame; a frame derived
    from it is another object, keyed by its contents too. The arrays are read from pandas' block manager
    (``_mgr.arrays``, a private attribute: without it every frame is hashed, and tests/app/test_ui_data.py fails
    on the lost fast path). The cached result is held with the frame's entry, so its arrays stay shared (and a
    write copies them) as long as the frame lives."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[int, tuple[Hashable, tuple, Any]] = {}

    @staticmethod
    def _state(frame: pd.DataFrame | pd.Series) -> tuple | None:
        arrays = getattr(getattr(frame, "_mgr", None), "arrays", None)
        if arrays is None:
            return None
        index = frame.index
        if isinstance(frame, pd.Series):
            labels: tuple = ("series", frame.name)
        else:
            labels = ("frame", tuple(frame.columns), frame.columns.name, id(frame.columns))
        return (*labels, id(index), index.name, tuple(id(a) for a in arrays))

    def remember(self, value: Any, original: Any, key: Hashable) -> None:
        if isinstance(value, (pd.DataFrame, pd.Series)):
            state = self._state(value)
            if state is None:
                return
            ident = id(value)
            with self._lock:
                self._known[ident] = (key, state, original)
            weakref.finalize(value, self._forget, ident, state)
        elif isinstance(value, tuple) and isinstance(original, tuple):
            for i, (part, whole) in enumerate(zip(value, original)):
                self.remember(part, whole, (key, i))

    def _forget(self, ident: int, state: tuple) -> None:
        with self._lock:
            known = self._known.get(ident)
            if known is not None and known[1] is state:
                del self._known[ident]

    def key(self, frame: pd.DataFrame | pd.Series) -> Hashable | None:
        """The query ``frame`` came from, if it is still exactly as ``q`` handed it out."""
        with self._lock:
            known = self._known.get(id(frame))
        if known is None:
            return None
        query, state, _ = known
        return query if self._state(frame) == state else None


_origins = _Origins()


def _frame_key(frame: pd.DataFrame | pd.Series) -> Hashable:
    """What identifies a frame given to a builder: the query it came from when it is still as handed out, else
    pandas' own row hashes, or a digest of its Arrow form when a column holds lists."""
    query = _origins.key(frame)
    if query is not None:
        return ("query", query)
    named = repr(list(frame.columns) if isinstance(frame, pd.DataFrame) else frame.name).encode()
    try:
        return ("rows", pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes() + named)
    except TypeError:
        pass
    try:
        table = pa.Table.from_pandas(frame.to_frame() if isinstance(frame, pd.Series) else frame, preserve_index=True)
    except (pa.ArrowException, TypeError, ValueError):
        return ("pickle", pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL))
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return ("arrow", hashlib.blake2b(sink.getvalue(), digest_size=32).digest() + named)


def built(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` for a pure builder of what a page shows from query results (a chart, a table in
    words), made once per arguments and reading language and shared by every session: building a plotly figure
    costs more than the queries behind it once they are cached. A figure is never changed after it is built.

    Only a call given a frame or a series is a build; any other (a cell's formatter mapped over a column, a click
    event read) is a plain call, as are calls with an argument that cannot be part of a key."""
    if not any(isinstance(a, (pd.DataFrame, pd.Series)) for a in (*args, *kwargs.values())):
        return fn(*args, **kwargs)
    language = T.language()
    try:
        key = (_function_key(fn), language, _frozen(args), _frozen(kwargs))
    except _Unkeyed:
        return fn(*args, **kwargs)

    def make() -> Any:
        with T.speaking(language):
            return _frozen_figure(fn(*args, **kwargs))

    original = _builds.get(key, make)
    value = _own(original)
    _origins.remember(value, original, ("build", key))  # a table built here, shown by show_table: known too
    return value


class _FrozenFigure(go.Figure):
    """A built figure, shared by every session and never changed: the dict ``st.plotly_chart`` asks it for on
    every run (a deep copy of the whole figure, then every array encoded) is made once, when it is built."""

    def to_dict(self) -> dict:
        return self._frozen


def _frozen_figure(value: Any) -> Any:
    if type(value) is go.Figure:
        frozen = value.to_dict()
        value.__class__ = _FrozenFigure
        value._frozen = frozen
    return value


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
