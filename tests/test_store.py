"""Snapshots are safe: one transaction each, a failure or a killed process changes nothing, ids never reused."""
from __future__ import annotations

import datetime as dt
import getpass
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from inventory.intake import demo
from inventory import texts
from inventory.intake.importer import to_tables
from inventory.store import Store, StoreBusy
from inventory.store import schema
from inventory.store.schema import PART_OF, PARTS, SNAPSHOT_TABLES, STORED_TABLES
from tests.builders import content, table_counts

APRIL, JUNE = demo.APRIL, demo.JUNE
STEPS = ["investisseurs", "programmes", "besoins", "thematiques", "aggregates"]


def small_frames(as_of=JUNE, n_needs: int = 40) -> dict:
    frames = demo.demo_frames(as_of)
    frames["besoins"] = frames["besoins"].head(n_needs)
    return to_tables(frames)


def write(store, as_of=JUNE, **kw):
    kw.setdefault("label", f"au {as_of:%d/%m}")
    return store.write_snapshot(small_frames(as_of), as_of=as_of, **kw)[0]


def test_a_fresh_database_has_the_geography_and_no_snapshot(tmp_path):
    store = Store(tmp_path / "new.duckdb")  # a file opened for the first time (`store` copies one made so)
    assert store.snapshots() == []
    assert store.active_snapshot_id() is None
    assert store.rows("SELECT count(*) FROM territoires")[0][0] == 120  # FR + 18 regions + 101 départements
    store.close()


def test_a_snapshot_records_who_when_which_file_and_its_sha256(store):
    sid = write(store, files="inventaire.xlsx", sha256="ab" * 32, created_by="animatrice")
    snap = store.snapshot(sid)
    assert (snap.files, snap.sha256, snap.created_by) == ("inventaire.xlsx", "ab" * 32, "animatrice")
    assert snap.as_of == JUNE and snap.label == "au 30/06"
    assert abs((dt.datetime.now() - snap.created_at).total_seconds()) < 120
    assert snap.active and not snap.demo
    assert snap.counts == {"besoins": 40, "programmes": 24, "investisseurs": 12, "engagements": 6,
                           "realisations": 9}
    assert write(store, created_by=None) and store.snapshots()[-1].created_by  # the system user by default


@pytest.mark.parametrize("step", STEPS)
def test_an_injected_failure_leaves_the_database_exactly_as_before(store, step):
    first = write(store, APRIL)
    before_counts, before_snaps = table_counts(store), store.snapshots()
    before_content = content(store, first)
    with pytest.raises(RuntimeError, match="injected failure"):
        store.write_snapshot(small_frames(JUNE), label="raté", as_of=JUNE, _fail_after=step)
    assert table_counts(store) == before_counts
    assert store.snapshots() == before_snaps
    assert store.active_snapshot_id() == first
    assert content(store, first) == before_content
    # the store still works, and the failed id left no trace
    assert write(store) == first + 1


@pytest.mark.parametrize("step", ["besoins", "aggregates"])
def test_a_failure_on_a_fresh_database_leaves_it_empty(store, step):
    with pytest.raises(RuntimeError):
        store.write_snapshot(small_frames(), label="raté", as_of=JUNE, _fail_after=step)
    assert store.snapshots() == [] and store.active_snapshot_id() is None
    assert all(n == 0 for k, n in table_counts(store).items() if k != "active")


KILLER = textwrap.dedent("""
    import os, sys
    from inventory.intake import demo
    from inventory.intake.importer import to_tables
    from inventory.store import Store

    class Killed(Store):
        def cursor(self):
            inner = super().cursor()

            class Wrap:
                def __enter__(self):
                    cur = inner.__enter__()

                    class Cur:
                        def __getattr__(self, name):
                            return getattr(cur, name)

                        def execute(self, sql, *a):
                            if "INSERT INTO need_agg" in sql:  # every sheet written, aggregates next
                                os._exit(9)
                            return cur.execute(sql, *a)
                    return Cur()

                def __exit__(self, *exc):
                    return inner.__exit__(*exc)
            return Wrap()

    Killed(sys.argv[1]).write_snapshot(to_tables(demo.demo_frames(demo.JUNE)), label="tué", as_of=demo.JUNE)
""")


def test_a_killed_import_leaves_every_snapshot_intact(store, tmp_path):
    first = write(store, APRIL)
    before_counts, before_content = table_counts(store), content(store, first)
    store.close()
    proc = subprocess.run([sys.executable, "-c", KILLER, str(store.path)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 9, proc.stderr
    reopened = Store(store.path)
    try:
        assert table_counts(reopened) == before_counts
        assert content(reopened, first) == before_content
        assert [s.id for s in reopened.snapshots()] == [first]
    finally:
        reopened.close()


def test_older_snapshots_stay_queryable(store):
    april = write(store, APRIL)
    april_content = content(store, april)
    june = write(store, JUNE)
    assert store.active_snapshot_id() == june
    assert content(store, april) == april_content
    assert len(content(store, june)["programmes"]) == 24 and len(april_content["programmes"]) == 20
    for table in SNAPSHOT_TABLES:  # every row belongs to its snapshot
        ids = {r[0] for r in store.rows(f"SELECT DISTINCT snapshot_id FROM {table}")}
        assert ids <= {april, june}


def test_activate_and_delete_rules(store):
    a, b = write(store, APRIL), write(store, JUNE)
    assert store.active_snapshot_id() == b
    store.activate(a)
    assert store.active_snapshot_id() == a
    assert [s.active for s in store.snapshots()] == [True, False]
    with pytest.raises(KeyError):
        store.activate(99)
    with pytest.raises(ValueError, match="actif") as exc:
        store.delete(a)
    assert str(exc.value) == texts.CANNOT_DELETE_ACTIVE
    store.delete(b)
    assert [s.id for s in store.snapshots()] == [a]
    for table in SNAPSHOT_TABLES:
        assert store.rows(f"SELECT count(*) FROM {table} WHERE snapshot_id = ?", [b])[0][0] == 0


def test_snapshot_ids_are_never_reused_after_a_delete(store):
    a, b = write(store, APRIL), write(store, JUNE)
    store.activate(a)
    store.delete(b)  # the highest id goes
    c = write(store)
    assert c == b + 1
    store.delete(a)
    assert write(store) == c + 1


def test_write_without_activating(store):
    a = write(store, APRIL)
    b = store.write_snapshot(small_frames(), label="brouillon", as_of=JUNE, activate=False)[0]
    assert store.active_snapshot_id() == a and store.snapshot(b) is not None


def test_absent_sheets_are_carried_over_from_the_active_snapshot(store):
    a = write(store, APRIL)
    needs = small_frames(JUNE, n_needs=5)["besoins"]
    b, carried = store.write_snapshot({"besoins": needs}, label="besoins seuls", as_of=JUNE)
    assert carried == ["investisseurs", "programmes", "thematiques", "engagements", "operateurs"]  # the demo's operators too
    before, after = content(store, a), content(store, b)
    assert after["programmes"] == before["programmes"] and after["investisseurs"] == before["investisseurs"]
    assert after["thematiques"] == before["thematiques"]
    assert len(after["besoins"]) == 5
    assert store.snapshot(b).counts == {"besoins": 5, "programmes": 20, "investisseurs": 12, "engagements": 5,
                                        "realisations": 0}


def test_rename(store):
    sid = write(store)
    store.rename(sid, "Inventaire au 30/06 (revu)")
    assert store.snapshot(sid).label == "Inventaire au 30/06 (revu)"


def test_reads_return_frames_and_rows(store):
    sid = write(store)
    assert store.rows("SELECT count(*) FROM programmes WHERE snapshot_id = ?", [sid]) == [(24,)]
    frame = store.sheet(sid, "besoins")
    assert list(frame.columns) == ["territoire", "source", "thematique", "intensite", "nb_acteurs", "public",
                                   "secteur", "date", "description", "odd", "id"]


def test_idle_close_lets_go_of_the_file(tmp_path):
    s = Store(tmp_path / "idle.duckdb", idle_close=0.2)
    try:
        assert s.snapshots() == []
        assert s._con is not None
        deadline = time.monotonic() + 5
        while s._con is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert s._con is None
        assert s.snapshots() == []  # reopens on demand
    finally:
        s.close()


HOLDER = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("held", flush=True)
    time.sleep(30)
""")


def test_a_file_held_by_another_process_is_explained(tmp_path):
    path = tmp_path / "held.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        s = Store(path, lock_timeout=0.5)
        with pytest.raises(StoreBusy) as exc:
            s.snapshots()
        assert "occupée par un autre programme" in str(exc.value)
    finally:
        holder.kill()
        holder.wait()


AGGREGATE_TABLES = ("need_agg", "reach", "investor_reach", "coverage")


def _aggregates(store, sid) -> dict:
    return {t: store.read(f"SELECT * EXCLUDE (snapshot_id) FROM {t} WHERE snapshot_id = ? ORDER BY ALL", [sid])
            for t in AGGREGATE_TABLES}


@pytest.mark.parametrize("as_of", [JUNE, JUNE + dt.timedelta(days=1)])
def test_carried_over_aggregates_equal_a_full_recompute(store, as_of):
    """A needs-only refresh reuses the programme-side aggregates (same date) or recomputes them (new date);
    a programmes-only refresh reuses the needs' aggregates; either way the tables equal a full recompute."""
    frames = small_frames()
    store.write_snapshot(frames, label="début", as_of=JUNE)
    needs_only, _ = store.write_snapshot({"besoins": frames["besoins"]}, label="besoins", as_of=as_of)
    programmes_only, _ = store.write_snapshot({"programmes": frames["programmes"]}, label="prog", as_of=as_of)
    full, _ = store.write_snapshot(frames, label="tout", as_of=as_of)
    expected = _aggregates(store, full)
    for sid in (needs_only, programmes_only):
        got = _aggregates(store, sid)
        for table in AGGREGATE_TABLES:
            assert got[table].equals(expected[table]), (sid, table)


def _stored(store) -> dict[str, int]:
    return {t: store.rows(f"SELECT count(*) FROM {t}")[0][0] for t in STORED_TABLES}


def test_a_carried_over_sheet_is_shared_not_copied(store):
    """A needs-only refresh at the same date writes needs and their aggregates, and no programme-side row."""
    a = write(store, JUNE)
    before = _stored(store)
    needs = small_frames(JUNE, n_needs=5)["besoins"]
    b, _ = store.write_snapshot({"besoins": needs}, label="besoins seuls", as_of=JUNE)
    grown = {t: n - before[t] for t, n in _stored(store).items() if n != before[t]}
    assert set(grown) == {"besoins_rows", "need_agg_rows"} and grown["besoins_rows"] == 5
    assert content(store, b)["programmes"] == content(store, a)["programmes"]
    # a new date recomputes the coverage (programmes active at that date) but still shares the programmes
    c, _ = store.write_snapshot({"besoins": needs}, label="plus tard", as_of=JUNE + dt.timedelta(days=1))
    assert store.rows("SELECT count(*) FROM programmes_rows")[0][0] == before["programmes_rows"]
    assert store.rows("SELECT count(*) FROM coverage_rows WHERE part = ?", [c])[0][0] > 0


def test_deleting_the_snapshot_that_wrote_shared_rows_keeps_them_for_the_others(store):
    a = write(store, APRIL)
    programmes = content(store, a)["programmes"]
    b, _ = store.write_snapshot({"besoins": small_frames(APRIL, n_needs=3)["besoins"]}, label="b", as_of=APRIL)
    store.delete(a)  # b carries a's programmes over
    assert content(store, b)["programmes"] == programmes
    assert store.snapshot(b).counts == {"besoins": 3, "programmes": 20, "investisseurs": 12, "engagements": 5,
                                        "realisations": 0}
    c = write(store, JUNE)
    store.activate(c)
    store.delete(b)  # nobody points at a's rows any more: they go
    assert store.rows("SELECT DISTINCT part FROM programmes_rows") == [(c,)]
    assert store.rows("SELECT DISTINCT part FROM besoins_rows") == [(c,)]


def test_a_file_of_the_previous_layout_is_migrated_with_nothing_lost(store, tmp_path):
    """Files written before parts held one copy of every sheet per snapshot in plain tables: opening one
    moves its rows into parts and every snapshot reads as before."""
    import duckdb

    a = write(store, APRIL)
    b = write(store, JUNE)
    expected = {sid: (content(store, sid), _aggregates(store, sid), store.snapshot(sid)) for sid in (a, b)}
    store.close()
    con = duckdb.connect(str(store.path))  # rewrite the file the way version 1 laid it out
    for table, kind in PART_OF.items():
        con.execute(f"CREATE TABLE {table}_old AS SELECT s.id AS snapshot_id, r.* EXCLUDE (part) FROM snapshots s "
                    f"JOIN {table}_rows r ON r.part = s.{kind}_part ORDER BY s.id, r.rowid")
        con.execute(f"DROP VIEW {table}")
        con.execute(f"DROP TABLE {table}_rows")
        con.execute(f"ALTER TABLE {table}_old RENAME TO {table}")
    for kind in PARTS:
        con.execute(f"ALTER TABLE snapshots DROP COLUMN {kind}_part")
    con.execute("DELETE FROM settings WHERE key = 'schema_fingerprint'")  # version 1 did not write one
    con.close()
    reopened = Store(store.path)
    try:
        for sid, (sheets, aggregates, snap) in expected.items():
            assert content(reopened, sid) == sheets
            got = _aggregates(reopened, sid)
            assert all(got[t].equals(aggregates[t]) for t in AGGREGATE_TABLES)
            assert reopened.snapshot(sid) == snap
        assert reopened.rows("SELECT value FROM settings WHERE key = 'schema_version'") == [(schema.SCHEMA_VERSION,)]
        assert write(reopened) == b + 1
    finally:
        reopened.close()


def test_a_file_without_coverage_reach_gets_it_on_open_with_the_same_numbers(tmp_path):
    """Schema 2 files have no ``coverage.atteint``: opening one adds it, computed as an import would."""
    from inventory.analysis import coverage
    from inventory.intake import demo

    path = tmp_path / "old.duckdb"
    store = Store(path)
    demo.load_demo(store)
    sid = store.active_snapshot_id()
    expected = coverage.need_matrix(store, sid)
    with store.cursor() as cur:
        cur.execute("ALTER TABLE coverage_rows DROP COLUMN atteint")
        cur.execute("UPDATE settings SET value = '2' WHERE key = 'schema_version'")
    store.close()
    reopened = Store(path)
    assert coverage.need_matrix(reopened, sid).equals(expected)
    assert reopened.rows("SELECT value FROM settings WHERE key = 'schema_version'") == [(schema.SCHEMA_VERSION,)]
    reopened.close()


def test_a_schema_3_file_gets_the_reach_of_need_rows_on_open_with_the_same_numbers(tmp_path):
    """Schema 3 files have no ``reach.reaches_need`` (the shared programme_reach view reads it): opening one adds
    it from the stored programmes, and coverage and pathways read the same numbers as on a new file."""
    from inventory.analysis import coverage, pathways
    from inventory.intake import demo

    path = tmp_path / "old.duckdb"
    store = Store(path)
    demo.load_demo(store)
    sid = store.active_snapshot_id()
    matrix, steps = coverage.need_matrix(store, sid), pathways.pathways(store, sid)
    with store.cursor() as cur:
        cur.execute("ALTER TABLE reach_rows DROP COLUMN reaches_need")
        cur.execute("UPDATE settings SET value = '3' WHERE key = 'schema_version'")
    store.close()
    reopened = Store(path)
    assert coverage.need_matrix(reopened, sid).equals(matrix)
    assert pathways.pathways(reopened, sid).equals(steps)
    assert reopened.rows("SELECT count(*) FROM reach_rows WHERE reaches_need IS NULL") == [(0,)]
    reopened.close()


def test_opening_and_reading_a_current_file_leaves_it_untouched(tmp_path):
    """A reader writes nothing: the file (and its log) are the same after a reader opened, read and closed it,
    so the dashboard's snapshot list is not read again, and a backup or a read-only mount sees no change."""
    from inventory.analysis import coverage
    from inventory.intake import demo

    path = tmp_path / "inventory.duckdb"
    store = Store(path)
    demo.load_demo(store)
    store.close()
    wal = Path(f"{path}.wal")

    def state():
        return path.stat().st_mtime_ns, path.read_bytes(), wal.exists()

    before = state()
    for _ in range(2):
        reader = Store(path)
        coverage.need_matrix(reader, reader.active_snapshot_id())
        reader.snapshots()
        reader.close()
        assert state() == before
    # a file the previous release laid out (no fingerprint) is brought up to date once, then left alone
    older = Store(path)
    with older.cursor() as cur:
        cur.execute("DELETE FROM settings WHERE key = 'schema_fingerprint'")
    older.close()
    upgrading = Store(path)  # the first open since: the layout is checked, brought up to date and stamped
    upgrading.snapshots()
    upgrading.close()
    assert state() != before
    after_upgrade = state()
    reader = Store(path)
    reader.snapshots()
    reader.close()
    assert state() == after_upgrade


# --- the audit log: who did what when ---------------------------------------------------------------------
def test_the_audit_log_records_who_imported_activated_renamed_and_deleted_each_snapshot(store):
    first = write(store, APRIL, created_by="Camille (tableau de bord)")
    second = write(store, JUNE)  # the command line: the operating system's user
    store.activate(first, by="Camille (tableau de bord)")
    store.rename(second, "Juin, corrigé", by="Dominique (tableau de bord)")
    store.delete(second, by="Dominique (tableau de bord)")
    log = store.audit_log()
    assert log[["who", "action", "snapshot_id", "detail"]].values.tolist() == [  # newest first
        ["Dominique (tableau de bord)", "delete", second, "Juin, corrigé"],
        ["Dominique (tableau de bord)", "rename", second, "au 30/06 → Juin, corrigé"],
        ["Camille (tableau de bord)", "activate", first, "au 30/04"],
        [getpass.getuser(), "import", second, "au 30/06"],
        ["Camille (tableau de bord)", "import", first, "au 30/04"],
    ]
    assert all(abs((dt.datetime.now() - at).total_seconds()) < 120 for at in log["happened_at"])


def test_a_failed_import_leaves_no_line_in_the_audit_log(store):
    write(store, APRIL)
    with pytest.raises(RuntimeError, match="injected failure"):
        store.write_snapshot(small_frames(JUNE), label="raté", as_of=JUNE, _fail_after="aggregates")
    assert store.audit_log()["action"].tolist() == ["import"]


def test_activating_an_unknown_snapshot_changes_nothing_and_logs_nothing(store):
    write(store, APRIL)
    with pytest.raises(KeyError):
        store.activate(99, by="Camille")
    with pytest.raises(KeyError):
        store.rename(99, "x", by="Camille")
    assert store.audit_log()["action"].tolist() == ["import"]
