"""The app side's data: the server's one cached Store, its snapshots, the one a page shows, and the analytics
functions called through a cache. Pages reach the store through here; nothing here writes SQL."""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, Callable

import streamlit as st

from inventory import reference
from inventory.analysis import needs
from inventory.models import Snapshot
from inventory.store import Store, StoreBusy

__all__ = ["IDLE_CLOSE_SECONDS", "StoreBusy", "active_snapshot", "current_store", "q", "snapshots", "theme_labels"]

IDLE_CLOSE_SECONDS = 5.0


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    # INVENTORY_READONLY=1: a replica behind the balancer, reading a published copy (no DDL; reopened on a publish)
    return Store(path, idle_close=IDLE_CLOSE_SECONDS, lock_timeout=15.0,
                 read_only=os.environ.get("INVENTORY_READONLY") == "1")


def current_store() -> Store:
    """The one Store of this server process (a cursor per read; lets go of the file when idle)."""
    return _store(os.environ.get("INVENTORY_DB") or "data/inventory.duckdb")


@functools.cache
def _cached(fn: Callable) -> Callable:
    """``fn`` itself behind Streamlit's data cache, keyed by its arguments, the Store by its file."""
    return st.cache_data(fn, show_spinner=False, max_entries=512, ttl=3600, hash_funcs={Store: lambda s: str(s.path)})


def q(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """``fn(current_store(), *args, **kwargs)`` through a cache keyed by the function, the database file, the
    snapshot id and the filters: ``q(coverage.need_matrix, snap.id, level="region")``.

    Snapshots never change once written, so a cached result stays true for the life of the snapshot.
    """
    return _cached(fn)(current_store(), *args, **kwargs)


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
