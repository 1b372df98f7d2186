"""Issue 24, a write bounded in memory: a snapshot is written under a lowered DuckDB memory limit (what DuckDB holds at
its start + ``write_memory.HEADROOM``), so DuckDB spills the new rows instead of holding them twice; the limit is put
back however the write ends; a read that runs out of memory beside it runs again once it is over, and never reaches
anyone as an error; the rows written are the same. Figures: bench/results.md section 12."""
from __future__ import annotations

import shutil
import threading
from contextlib import contextmanager

import duckdb
import pandas as pd
import pytest

from inventory.intake import demo
from inventory.intake.importer import to_tables
from inventory.store import Store, database, write_memory
from inventory.store.schema import SNAPSHOT_TABLES

JUNE = demo.JUNE
# Every number from 0 to 2 999 999 written out, joined by commas: 10 × 1 + 90 × 2 + 900 × 3 + 9 000 × 4
# + 90 000 × 5 + 900 000 × 6 + 2 000 000 × 7 = 19 888 890 digits, and 2 999 999 commas. DuckDB builds the
# 22 MB text in memory it cannot spill, doubling its buffer: out of memory under a limit of 64 MiB + a few.
HEAVY = "SELECT length(string_agg(x::VARCHAR, ',')) FROM range(3000000) t(x)"
HEAVY_RESULT = [(22_888_889,)]


def limit(store) -> str:
    return store.rows("SELECT current_setting('memory_limit')")[0][0]


def frames(n_programmes: int = 0) -> dict:
    """The demo inventory; with ``n_programmes`` more programmes of 27 KB of text each, all different."""
    got = demo.demo_frames(JUNE)
    if n_programmes:
        model = got["programmes"].iloc[0]
        more = pd.DataFrame([model] * n_programmes)
        more["id"] = [f"PX{i}" for i in range(n_programmes)]
        more["description"] = [f"Programme {i} d’accompagnement, n° {i * 7919 % 100003}. " * 600
                               for i in range(n_programmes)]
        got["programmes"] = pd.concat([got["programmes"], more], ignore_index=True)
    return to_tables(got)


@contextmanager
def paused_in_transaction(monkeypatch):
    """Writes stop inside their transaction (the memory limit lowered) until ``go`` is set."""
    inside, go = threading.Event(), threading.Event()
    audit = database._audit

    def pausing(cur, *args):
        audit(cur, *args)
        inside.set()
        assert go.wait(60)

    monkeypatch.setattr(database, "_audit", pausing)
    yield inside, go


def test_the_memory_limit_is_lowered_during_a_write_and_back_after_it_even_a_failing_one(store, monkeypatch):
    before = limit(store)
    seen = []
    with paused_in_transaction(monkeypatch) as (inside, go):
        writer = threading.Thread(target=store.write_snapshot, args=(frames(),),
                                  kwargs={"label": "juin", "as_of": JUNE})
        writer.start()
        assert inside.wait(60)
        seen.append(limit(store))
        go.set()
        writer.join()
    number, unit = seen[0].split()
    assert unit == "MiB" and 64 <= float(number) < 128, seen  # 64 MiB + what DuckDB held at the start
    assert limit(store) == before
    monkeypatch.undo()
    with pytest.raises(RuntimeError, match="injected failure"):
        store.write_snapshot(frames(), label="raté", as_of=JUNE, _fail_after="programmes")
    assert limit(store) == before
    assert [s.label for s in store.snapshots()] == ["juin"]


def test_a_write_that_runs_out_of_memory_under_its_bound_is_written_without_it(store, monkeypatch):
    """A bound too low for the write (a reader beside it took the headroom): DuckDB refuses, the transaction is
    rolled back, and the write runs again with the limit as it was. DuckDB's refusal is injected at the aggregates,
    the last step, after the rows are inserted."""
    before = limit(store)
    limits = []
    aggregates_sql = database.aggregates_sql

    def refusing_once(*args):
        limits.append(limit(store))
        if len(limits) == 1:
            raise duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block (injected)")
        return aggregates_sql(*args)

    monkeypatch.setattr(database, "aggregates_sql", refusing_once)
    sid, _ = store.write_snapshot(frames(), label="juin", as_of=JUNE)
    assert limits[0] != before and limits[1:] == [before]
    assert limit(store) == before
    assert [(s.id, s.label) for s in store.snapshots()] == [(sid, "juin")]
    assert store.snapshot(sid).counts["programmes"] == len(frames()["programmes"])


def test_a_heavy_read_during_a_bounded_write_waits_for_it_and_succeeds(store, monkeypatch):
    """The read needs more than the bound leaves it: it runs out of memory once, waits for the write to end and
    runs again. Without that second run (``retrying`` reduced to one call), the reader gets DuckDB's error."""
    ran_out = threading.Event()
    cursor = store.cursor

    @contextmanager
    def watched():
        try:
            with cursor() as cur:
                yield cur
        except duckdb.OutOfMemoryException:
            ran_out.set()
            raise

    monkeypatch.setattr(store, "cursor", watched)
    got = []

    def read():
        try:
            got.append(store.rows(HEAVY))
        except Exception as exc:  # what a reader would have seen
            got.append(exc)

    with paused_in_transaction(monkeypatch) as (inside, go):
        writer = threading.Thread(target=store.write_snapshot, args=(frames(),),
                                  kwargs={"label": "juin", "as_of": JUNE})
        writer.start()
        assert inside.wait(60)
        reader = threading.Thread(target=read)
        reader.start()
        assert ran_out.wait(60)  # the first run failed under the bound
        go.set()
        writer.join()
        reader.join()
    assert got == [HEAVY_RESULT]
    assert [s.label for s in store.snapshots()] == ["juin"]


def test_a_heavy_read_alone_is_not_bounded(store):
    assert store.rows(HEAVY) == HEAVY_RESULT


def test_the_rows_written_under_the_bound_are_the_rows_written_without_it(tmp_path, store, monkeypatch):
    """11 MB of programme texts, written in one attempt under the bound and with no limit: the same rows and the
    same aggregates, every view of the snapshot. (DuckDB's own count of its memory, ``duckdb_memory()``, is the same in both: it counts what
    it spilled; the difference is seen by the process, bench/results.md section 12.)"""
    shutil.copyfile(store.path, tmp_path / "free.duckdb")
    free = Store(tmp_path / "free.duckdb")
    incoming = frames(400)
    held = []  # (its memory limit, what DuckDB holds) at each write's aggregates
    aggregates_sql = database.aggregates_sql

    def probing(*args):
        writer = free if held else store
        held.append(writer.rows("SELECT current_setting('memory_limit'), sum(memory_usage_bytes) FROM duckdb_memory()")[0])
        return aggregates_sql(*args)

    @contextmanager
    def unbounded(self, cur):
        yield False

    try:
        monkeypatch.setattr(database, "aggregates_sql", probing)
        sid, _ = store.write_snapshot(incoming, label="juin", as_of=JUNE)
        monkeypatch.setattr(write_memory.WriteBounds, "bounded", unbounded)
        assert free.write_snapshot(incoming, label="juin", as_of=JUNE)[0] == sid
        assert [limit.split()[1] for limit, _ in held] == ["MiB", "GiB"], held  # one attempt each
        for view in SNAPSHOT_TABLES:
            sql = f"SELECT * EXCLUDE (snapshot_id) FROM {view} WHERE snapshot_id = ? ORDER BY ALL"
            assert store.rows(sql, [sid]) == free.rows(sql, [sid]), view
    finally:
        free.close()
