"""A write's memory, bounded: DuckDB keeps a transaction's new rows in memory until COMMIT (about 2.5 × the inserted
text, bench/results.md section 12) unless its memory limit makes it spill them to its temporary directory. The limit
is the whole database instance's, shared by every reader of the file in this process while a write runs; so it is
lowered to what DuckDB holds when the write starts plus ``HEADROOM``, put back however the write ends, and a read
that runs out of memory while a bounded write is under way waits for the write to end and runs once more."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import duckdb

T = TypeVar("T")

# What a write and the readers beside it may add to DuckDB's memory while it runs. Measured (section 12): a 45 MiB
# catalogue's transaction adds ~125 MiB unbounded; bounded by 64 MiB it adds ~55 MiB and takes the same time.
HEADROOM = 64 * 2**20


class WriteBounds:
    """The bounded writes under way on one database file (DuckDB shares one instance per file in a process)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._active = 0  # bounded writes under way
        self._started = 0  # bounded writes ever started: a read compares it before and after
        self._previous: str | None = None  # the limit to put back when the last one ends

    @contextmanager
    def bounded(self, cur: duckdb.DuckDBPyConnection) -> Iterator[bool]:
        """Lower the instance's ``memory_limit`` to its current use + ``HEADROOM`` for the duration (call it outside
        any transaction) and put the previous limit back after, whatever happens. Yields whether the limit is
        lowered: not when DuckDB refuses the new limit (readers took more meanwhile)."""
        with self._changed:
            lowered = True  # if another write lowered it already, it stays low until the last one ends
            if self._active == 0:
                previous = cur.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
                used = cur.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()[0][0] or 0
                try:
                    cur.execute(f"SET memory_limit = '{(int(used) + HEADROOM) // 1024}KiB'")
                    self._previous = previous
                except duckdb.Error:
                    lowered = False
            if lowered:
                self._active += 1
                self._started += 1
        if not lowered:
            yield False
            return
        try:
            yield True
        finally:
            with self._changed:
                self._active -= 1
                try:
                    if self._active == 0:
                        _put_back(cur, self._previous)
                finally:
                    self._changed.notify_all()

    def retrying(self, run: Callable[[], T]) -> T:
        """``run()``; if it runs out of memory while a bounded write was under way (at its start, at its end or in
        between), once more when none is."""
        with self._changed:
            started, active = self._started, self._active
        try:
            return run()
        except duckdb.OutOfMemoryException:
            with self._changed:
                if not (active or self._active or self._started != started):
                    raise
                while self._active:
                    self._changed.wait()
        return run()


def _put_back(cur: duckdb.DuckDBPyConnection, previous: str) -> None:
    """DuckDB's default limit exactly, if it was in force (its text, « 18.7 GiB », is rounded); else the text."""
    cur.execute("RESET memory_limit")
    if cur.execute("SELECT current_setting('memory_limit')").fetchall()[0][0] != previous:
        cur.execute(f"SET memory_limit = '{previous}'")


_FILES: dict[Path, WriteBounds] = {}
_GUARD = threading.Lock()


def for_file(path: Path) -> WriteBounds:
    """The bounds of a database file, shared by every Store of this process on it."""
    with _GUARD:
        return _FILES.setdefault(Path(path).resolve(), WriteBounds())
