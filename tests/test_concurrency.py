"""Twenty people have the dashboard open while a refresh lands.

In one process: reader threads query the analytics through one Store (a cursor per use, as the dashboard
does) while another thread commits imports; no read fails and every read sees one whole snapshot.
Across processes: the command-line import gets the file once the dashboard's Store lets go of it, and
says in one sentence what to do when it cannot.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from inventory import texts
from inventory.analysis import coverage, needs
from inventory.intake import demo, importer
from inventory.store import Store

READERS = 20
IMPORTS = 4

CONSISTENCY = """
SELECT s.id, s.n_besoins,
       (SELECT count(*) FROM besoins b WHERE b.snapshot_id = s.id),
       (SELECT coalesce(sum(signaux), 0) FROM need_agg a WHERE a.snapshot_id = s.id),
       (SELECT coalesce(sum(nb_acteurs), 0) FROM besoins b WHERE b.snapshot_id = s.id),
       (SELECT coalesce(sum(acteurs), 0) FROM need_agg a WHERE a.snapshot_id = s.id),
       (SELECT count(*) FROM programmes p WHERE p.snapshot_id = s.id), s.n_programmes
FROM snapshots s
WHERE s.id = (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'active_snapshot')
"""


def needs_csv(path: Path, n: int, seed: int) -> Path:
    frame = demo.needs(n, seed=seed)
    frame["odd"] = [";".join(map(str, v)) for v in frame["odd"]]
    frame["date"] = [d.strftime("%d/%m/%Y") for d in frame["date"]]
    path.mkdir(parents=True, exist_ok=True)
    (path / "besoins.csv").write_bytes(frame.to_csv(sep=";", index=False).encode("utf-8-sig"))
    return path / "besoins.csv"


def test_readers_see_whole_snapshots_while_imports_commit(tmp_path):
    store = Store(tmp_path / "inventory.duckdb")
    demo.load_demo(store)
    files = [needs_csv(tmp_path / str(i), 600 + 400 * i, seed=i) for i in range(IMPORTS)]
    done = threading.Event()
    errors: list[str] = []
    seen: set[int] = set()
    reads = [0] * READERS
    imported: list[int] = []

    def reader(k: int) -> None:
        try:
            while not done.is_set():
                # one statement: the active id and the counts of every table come from one database state
                (sid, n, rows, signals, actors, agg_actors, progs, n_progs), = store.rows(CONSISTENCY)
                if not (n == rows == signals and actors == agg_actors and progs == n_progs):
                    errors.append(f"torn read of snapshot {sid}: {n} {rows} {signals} {actors} {agg_actors}")
                # and what the pages read: a snapshot never changes once written, whatever lands meanwhile
                counts = needs.counts(store, sid)
                matrix = coverage.need_matrix(store, sid, level="region")
                if counts["besoins"] != n or int(matrix["acteurs"].sum()) != counts["acteurs"] != actors:
                    errors.append(f"analytics of snapshot {sid} disagree: {counts} {int(matrix['acteurs'].sum())}")
                seen.add(sid)
                reads[k] += 1
                time.sleep(0.2)  # people click; they do not hammer
        except Exception as exc:  # any failure is a finding
            errors.append(f"reader {k}: {type(exc).__name__}: {exc}")

    def writer() -> None:
        try:
            for f in files:
                result = importer.import_files(store, [f], label=f.parent.name)
                if not result.ok:
                    errors.append(f"import refused: {result.errors[:3]}")
                imported.append(result.snapshot_id)
                time.sleep(0.05)
        except Exception as exc:
            errors.append(f"writer: {type(exc).__name__}: {exc}")
        finally:
            done.set()

    threads = [threading.Thread(target=reader, args=(k,)) for k in range(READERS)]
    for t in threads:
        t.start()
    w = threading.Thread(target=writer)
    started = time.monotonic()
    w.start()
    w.join(timeout=120)
    for t in threads:
        t.join(timeout=30)
    elapsed = time.monotonic() - started
    store.close()
    print(f"{sum(reads)} reads by {READERS} threads during {IMPORTS} imports in {elapsed:.1f} s; "
          f"saw snapshots {sorted(seen)}")
    assert errors == []
    assert len(imported) == IMPORTS and all(imported)
    assert all(r > 0 for r in reads)
    assert len(seen) >= 3  # reads really happened while snapshots changed


def cli(db: Path, *args: str, timeout: float = 30, lock_timeout: str = "20") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inventory", *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "INVENTORY_LOCK_TIMEOUT": lock_timeout})


def test_cli_import_waits_for_the_dashboard_to_let_go(tmp_path):
    db = tmp_path / "inventory.duckdb"
    dashboard = Store(db, idle_close=0.5, lock_timeout=15)  # as app_state builds it, with a short idle
    demo.load_demo(dashboard)
    before = dashboard.active_snapshot_id()  # a read: the dashboard holds the file now
    assert dashboard._con is not None
    csv = needs_csv(tmp_path / "upload", 2000, seed=3)
    done = cli(db, "import", str(csv), "--as-of", "2020-06-30")
    assert done.returncode == 0, done.stderr
    assert "créé et activé" in done.stdout
    # the dashboard picks the new snapshot up on its next read, without a restart
    after = dashboard.active_snapshot_id()
    assert after != before
    assert dashboard.snapshot(after).counts["besoins"] == 2000
    dashboard.close()


def test_cli_says_in_one_sentence_when_the_file_stays_busy(tmp_path):
    db = tmp_path / "inventory.duckdb"
    holder = Store(db)  # no idle_close: holds the file for as long as it lives
    demo.load_demo(holder)
    holder.active_snapshot_id()
    csv = needs_csv(tmp_path / "upload", 100, seed=4)
    started = time.monotonic()
    busy = cli(db, "import", str(csv), lock_timeout="1")
    waited = time.monotonic() - started
    assert busy.returncode != 0
    assert busy.stderr.strip() == texts.STORE_BUSY.format(path=db)
    assert "Traceback" not in busy.stderr and busy.stdout == ""
    assert waited < 15  # gave up after the lock timeout, not the default 30 s
    assert len(holder.snapshots()) == 2  # nothing written
    holder.close()
