"""A laptop dies in the middle of an import: SIGKILL the command-line import at many moments.

After each kill the database opens, every earlier snapshot is intact and identical (counts and a checksum
of its need matrix), and the active snapshot is either unchanged or the whole new one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inventory.analysis import base, coverage
from inventory.intake import demo, importer
from inventory.store import Store

ROWS = 60_000  # about 1.5 s for a whole import on a 2-core machine, most of it starting Python
AS_OF = "2020-06-30"


def snapshot_state(db: Path) -> dict:
    """Everything that must survive a kill, snapshot by snapshot (content only, ids as keys)."""
    store = Store(db, lock_timeout=10)
    try:
        return snapshot_state_of(store)
    finally:
        store.close()


def snapshot_state_of(store: Store) -> dict:
    """Per snapshot: label, counts and a checksum of its need matrix at both levels; and the active id."""
    out = {"active": store.active_snapshot_id(), "snapshots": {}}
    for snap in store.snapshots():
        sid = snap.id
        stored = {t: store.rows(f"SELECT count(*) FROM {t} WHERE snapshot_id = ?", [sid])[0][0]
                  for t in ("besoins", "programmes", "investisseurs", "engagements", "realisations")}
        assert stored == snap.counts, (sid, stored, snap.counts)  # the counts row matches the rows
        digest = hashlib.sha256()
        for level in base.LEVELS:
            digest.update(coverage.need_matrix(store, sid, level=level).to_csv(index=False).encode())
        signals = store.rows("SELECT coalesce(sum(signaux), 0) FROM need_agg WHERE snapshot_id = ?", [sid])[0][0]
        assert signals == snap.counts["besoins"], (sid, signals)  # aggregates written with the rows
        out["snapshots"][sid] = (snap.label, snap.counts["besoins"], snap.counts["programmes"],
                                 snap.counts["investisseurs"], digest.hexdigest())
    return out


def start_import(db: Path, csv: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "inventory", "import", "--db", str(db), "--as-of", AS_OF, "--label", "gros import",
         str(csv)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "INVENTORY_LOCK_TIMEOUT": "5"},
    )


def file_state(db: Path) -> tuple:
    wal = db.with_name(db.name + ".wal")
    return (db.stat().st_mtime_ns, db.stat().st_size, wal.exists() and wal.stat().st_size)


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "besoins.csv"
    frame = demo.needs(ROWS, seed=11)
    frame["odd"] = [" ; ".join(map(str, v)) for v in frame["odd"]]
    frame["date"] = [d.strftime("%d/%m/%Y") for d in frame["date"]]
    path.write_bytes(frame.to_csv(sep=";", index=False).encode("utf-8-sig"))  # as French Excel saves it
    return path


def test_killed_imports_leave_every_snapshot_intact(tmp_path, big_csv):
    db = tmp_path / "inventory.duckdb"
    store = Store(db)
    demo.load_demo(store)
    earlier = snapshot_state_of(store)
    # one whole import first (in this process, to save a start-up): what a new snapshot must look like
    assert importer.import_files(store, [big_csv], label="gros import", as_of=dt.date(2020, 6, 30)).ok
    store.close()
    state = snapshot_state(db)
    assert {k: state["snapshots"][k] for k in earlier["snapshots"]} == earlier["snapshots"]
    new_content = state["snapshots"][state["active"]]
    assert new_content[1] == ROWS

    # kills by the clock (starting Python, reading, validating), then kills timed on the first write to the
    # file, which is the transaction: at its very start and a little later
    moments = [("clock", 0.3), ("clock", 0.8)]
    moments += [("write", d) for d in (0.0, 0.015, 0.04, 0.1)]
    outcomes = []
    for how, delay in moments:
        before = file_state(db)
        t0 = time.monotonic()
        proc = start_import(db, big_csv)
        if how == "clock":
            time.sleep(delay)
        else:
            while file_state(db) == before and proc.poll() is None and time.monotonic() - t0 < 30:
                time.sleep(0.002)
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        rc = proc.wait(timeout=30)
        after = snapshot_state(db)
        # every earlier snapshot is intact and identical
        for sid, content in state["snapshots"].items():
            assert after["snapshots"].get(sid) == content, (how, delay, sid)
        added = set(after["snapshots"]) - set(state["snapshots"])
        assert len(added) <= 1, (how, delay, added)
        if added:  # the kill came after the commit: the new snapshot is whole and active
            (sid,) = added
            assert after["snapshots"][sid] == new_content, (how, delay)
            assert after["active"] == sid
        else:
            assert after["active"] == state["active"], (how, delay)
        outcomes.append((how, round(delay, 2), rc, "new" if added else "unchanged"))
        state = after

    print(f"kills: {outcomes}")
    killed = [o for o in outcomes if o[2] == -signal.SIGKILL]
    assert len(killed) >= 4, outcomes  # most runs were really killed mid-way
    assert any(o[3] == "unchanged" for o in killed), outcomes

    # and the database still takes an import afterwards
    store = Store(db, lock_timeout=10)
    assert importer.import_files(store, [big_csv], label="gros import", as_of=dt.date(2020, 6, 30)).ok
    store.close()
    final = snapshot_state(db)
    assert final["snapshots"][final["active"]] == new_content
    for sid, content in state["snapshots"].items():
        assert final["snapshots"][sid] == content
