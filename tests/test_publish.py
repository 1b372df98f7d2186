"""One writer, many readers: a read-only Store runs no DDL, and sees a publish on its next read."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from inventory.intake import demo
from inventory.store import Store, StoreNotCurrent, publish


def _digest(path):
    return path.read_bytes()


def test_a_read_only_store_reads_a_published_copy_and_leaves_it_as_it_was(tmp_path):
    writer = Store(tmp_path / "w.duckdb")
    demo.load_demo(writer)
    target = publish(writer, tmp_path / "pub" / "inventory.duckdb")
    before = _digest(target), target.stat().st_mtime_ns
    reader = Store(target, read_only=True)
    assert [s.id for s in reader.snapshots()] == [1, 2] and reader.active_snapshot_id() == 2
    reader.close()
    assert (_digest(target), target.stat().st_mtime_ns) == before
    assert not (tmp_path / "pub" / "inventory.duckdb.wal").exists()
    writer.close()


def test_a_file_this_version_did_not_lay_out_is_refused_read_only_not_migrated(tmp_path):
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute("CREATE TABLE snapshots (id INTEGER)")
    con.close()
    before = _digest(old)
    with pytest.raises(StoreNotCurrent, match="python -m inventory init"):
        Store(old, read_only=True).snapshots()
    assert _digest(old) == before


def test_a_publish_reaches_a_reader_on_its_next_read_and_a_read_under_way_finishes_on_the_old_file(tmp_path):
    writer = Store(tmp_path / "w.duckdb")
    demo.load_demo(writer)
    target = publish(writer, tmp_path / "inventory.duckdb")
    reader = Store(target, read_only=True, lock_timeout=1)
    with reader.cursor() as under_way:
        frames = {sheet: writer.sheet(2, sheet) for sheet in ("investisseurs", "programmes", "besoins")}
        sid, _ = writer.write_snapshot(frames, label="Séance du 30/09", as_of=dt.date(2020, 9, 30))
        publish(writer, target)
        assert [s.label for s in reader.snapshots()][-1] == "Séance du 30/09"  # the next read: the new file
        assert under_way.execute("SELECT max(id) FROM snapshots").fetchall() == [(2,)]  # still the old one
    assert under_way is not None and reader._retired == {}  # the old file let go once its last read ended
    assert reader.active_snapshot_id() == sid == 3
    reader.close()
    writer.close()


def test_publishing_onto_the_database_itself_is_refused(tmp_path):
    writer = Store(tmp_path / "w.duckdb")
    writer.snapshots()
    with pytest.raises(ValueError, match="la base elle-même"):
        publish(writer, tmp_path / "w.duckdb")
    writer.close()
