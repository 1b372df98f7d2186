"""The live session: what facilitators note is never lost, never muddled, and followed up (issue 22).

On the hand-checked inventory of tests/followup_inventory.py: snapshot of 30/06/2020 labelled « Suivi au 30/06 »,
five commitments E1–E5 by investors A, B, C."""
from __future__ import annotations

import datetime as dt
import threading

import pytest

from inventory.analysis import followup
from inventory.intake.noting import note_commitment
from inventory.store import Store
from tests import followup_inventory as inv

ROUNDS = 20


@pytest.fixture
def followed(store):
    return store, inv.load(store)


def row(who: str, **more) -> dict:
    return {"investisseurs": who, "thematiques": "numerique", "territoires": "FR", "statut": "engage",
            "session": "Séance du 06/12", **more}


def active_commitments(store: Store) -> list[str]:
    return sorted(followup.commitments(store, store.active_snapshot_id())["description"].dropna())


# --- 1. race-free notes ---------------------------------------------------------------------------------------
def test_two_facilitators_noting_at_once_lose_nothing_twenty_times_in_a_row(followed, tmp_path):
    store, _ = followed
    # two sessions of one server share the one Store: each notes its commitment at the same moment
    noted: list[str] = []
    for k in range(ROUNDS):
        start = threading.Barrier(2)
        results = {}

        def facilitator(name: str) -> None:
            start.wait()
            results[name] = note_commitment(store, row("A", description=f"{name}-{k}"))

        threads = [threading.Thread(target=facilitator, args=(n,)) for n in ("alice", "bruno")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(r.ok for r in results.values()), {n: r.errors for n, r in results.items()}
        noted += [f"alice-{k}", f"bruno-{k}"]
        # each was told it is saved, and each is in the active inventory
        assert active_commitments(store) == sorted(noted), f"round {k}"
    assert store.snapshot(store.active_snapshot_id()).counts["engagements"] == 5 + 2 * ROUNDS


# --- 3. notes belong to their séance ----------------------------------------------------------------------------
def three_noted(store: Store) -> list:
    """A séance of 06/12: three commitments noted (E6, E7, E8) on the « Suivi au 30/06 » import."""
    return [note_commitment(store, row(w, description=f"note {w}"), at=dt.datetime(2026, 12, 6, 10, m))
            for w, m in (("A", 1), ("B", 2), ("C", 3))]


def test_a_seance_is_one_entry_of_the_list_and_compares_with_the_import_before_it(followed):
    from inventory import seances

    store, sid = followed
    noted = three_noted(store)
    assert [n.ok for n in noted] == [True] * 3
    snaps = store.snapshots()
    assert [(s.kind, s.seance) for s in snaps] == [("import", None)] + [("note", "Séance du 06/12")] * 3
    listed = seances.entries(snaps)
    assert [(e.shown.id, e.seance, e.noted) for e in listed] == [(sid, None, 0), (noted[2].snapshot_id,
                                                                                  "Séance du 06/12", 3)]
    # each state of the séance is compared with the import before it, never with the previous note
    assert {seances.baseline(snaps, n.snapshot_id).id for n in noted} == {sid}
    assert seances.baseline(snaps, sid) is None


# --- 4. follow-up during the session ----------------------------------------------------------------------------
def test_any_commitment_of_the_seance_can_be_withdrawn_and_the_log_says_annulation(followed):
    from inventory import seances
    from inventory.intake.noting import retire_commitment

    store, sid = followed
    noted = three_noted(store)
    assert followup.commitments(store, noted[2].snapshot_id)["id"].tolist()[-3:] == ["E6", "E7", "E8"]
    # the second one, not the last
    got = retire_commitment(store, "E7", at=dt.datetime(2026, 12, 6, 10, 4))
    assert got.ok, got.errors
    snap = store.snapshot(got.snapshot_id)
    assert snap.active and snap.kind == "undo" and snap.seance == "Séance du 06/12"
    assert snap.label == "Séance du 06/12 – engagement E7 retiré à 10:04"
    assert sorted(followup.commitments(store, got.snapshot_id)["id"]) == ["E1", "E2", "E3", "E4", "E5", "E6", "E8"]
    # the picker shows the séance once, with two commitments noted (three noted, one withdrawn)
    listed = seances.entries(store.snapshots())
    assert [(e.shown.id, e.noted) for e in listed] == [(sid, 0), (got.snapshot_id, 2)]
    log = store.audit_log()
    assert log["action"].tolist()[:4] == ["annulation", "engagement", "engagement", "engagement"]
    assert log["detail"].iloc[0] == "Séance du 06/12 : engagement E7 retiré"
    assert "activate" not in set(log["action"])
    # a commitment of the import before the séance is not withdrawn: its status changes instead
    refused = retire_commitment(store, "E1")
    assert not refused.ok and "n'a pas été noté pendant la séance en cours" in refused.errors[0].message
    unknown = retire_commitment(store, "E7")
    assert not unknown.ok and unknown.errors[0].message == "Aucun engagement « E7 » dans l'inventaire actif."
    assert store.active_snapshot_id() == got.snapshot_id


def test_a_commitments_status_due_date_and_amount_move_forward_and_are_logged(followed):
    from inventory.intake.noting import update_commitment

    store, sid = followed
    three_noted(store)
    got = update_commitment(store, "E6", {"statut": "réalisé", "montant_eur": "15 000", "echeance": "31/12/2026"},
                            at=dt.datetime(2026, 12, 6, 11, 0))
    assert got.ok, got.errors
    snap = store.snapshot(got.snapshot_id)
    assert (snap.kind, snap.seance, snap.counts["engagements"]) == ("status", "Séance du 06/12", 8)
    e6 = followup.commitments(store, got.snapshot_id).set_index("id").loc["E6"]
    assert (e6["statut"], e6["montant_eur"], e6["echeance"].date()) == ("realise", 15000.0, dt.date(2026, 12, 31))
    log = store.audit_log()
    assert log["action"].iloc[0] == "statut"
    assert log["detail"].iloc[0] == ("Séance du 06/12 : engagement E6 – statut Engagé → Réalisé, "
                                     "échéance – → 31/12/2026, montant – → 15000")
    # a status never goes back, and nothing is written
    back = update_commitment(store, "E6", {"statut": "engage"})
    assert not back.ok and back.errors[0].message.startswith("Le statut ne revient pas en arrière")
    same = update_commitment(store, "E6", {"statut": "realise"})
    assert not same.ok and same.errors[0].message == "Rien à modifier : l'engagement « E6 » a déjà ces valeurs."
    bad = update_commitment(store, "E6", {"montant_eur": "-5"})  # checked as the same cell of a sheet
    assert not bad.ok and bad.errors[0].column == "montant_eur"
    assert store.active_snapshot_id() == got.snapshot_id
    # an import's commitment can be followed up too (the next session's « affaire à suivre »)
    assert update_commitment(store, "E1", {"statut": "abandonne"}).ok


def test_a_file_written_before_seances_gets_kinds_from_its_audit_log(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    store = Store(path)
    sid = inv.load(store)
    noted = note_commitment(store, row("A", session="Séance du 30/06"), at=dt.datetime(2020, 6, 30, 10, 42))
    store.close()
    con = duckdb.connect(str(path))  # as an older version left it: no kind nor séance, an older layout stamp
    con.execute("ALTER TABLE snapshots DROP COLUMN kind")
    con.execute("ALTER TABLE snapshots DROP COLUMN seance")
    con.execute("UPDATE settings SET value = 'old' WHERE key = 'schema_fingerprint'")
    con.close()
    again = Store(path)
    assert [(s.id, s.kind, s.seance) for s in again.snapshots()] == [(sid, "import", None),
                                                                     (noted.snapshot_id, "note", "Séance du 30/06")]
    again.close()


# --- 7. the command line ----------------------------------------------------------------------------------------
CONCURRENT = 10


def test_ten_concurrent_note_commands_leave_ten_commitments(followed, tmp_path):
    import json
    import os
    import subprocess
    import sys

    store, _ = followed
    store.close()  # the commands open the file themselves, one writer process at a time
    env = {**os.environ, "INVENTORY_LOCK_TIMEOUT": "120"}
    commands = [subprocess.Popen([sys.executable, "-m", "inventory", "note", "--db", str(store.path),
                                  "--investisseurs", "A;B", "--thematiques", "numerique", "--territoires", "Hérault",
                                  "--statut", "engagé", "--montant", "1 000", "--seance", "Séance du 06/12",
                                  "--description", f"cmd-{k}", "--json"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
                for k in range(CONCURRENT)]
    outputs = [c.communicate(timeout=300) for c in commands]
    assert [c.returncode for c in commands] == [0] * CONCURRENT, [err for _, err in outputs]
    printed = [json.loads(out) for out, _ in outputs]
    assert len({p["snapshot_id"] for p in printed}) == CONCURRENT
    assert {p["engagement"]["id"] for p in printed} == {f"E{n}" for n in range(6, 6 + CONCURRENT)}
    assert printed[0]["engagement"]["territoires"] == ["DEP-34"] and printed[0]["engagement"]["statut"] == "engage"
    assert active_commitments(store) == sorted(f"cmd-{k}" for k in range(CONCURRENT))
    assert store.snapshot(store.active_snapshot_id()).counts["engagements"] == 5 + CONCURRENT


def test_the_status_command_follows_up_and_refuses_as_the_form_does(followed, capsys):
    import json

    from inventory.__main__ import main

    store, _ = followed
    path = str(store.path)
    store.close()
    assert main(["note", "--db", path, "--investisseurs", "A", "--thematiques", "numerique", "--territoires", "FR",
                 "--statut", "envisage", "--seance", "Séance du 06/12", "--json"]) == 0
    noted = json.loads(capsys.readouterr().out)
    assert noted["engagement"]["id"] == "E6" and noted["engagement"]["statut"] == "envisage"
    assert main(["status", "--db", path, "E6", "--statut", "réalisé", "--montant", "2 500", "--echeance",
                 "2026-12-31", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["snapshot_id"] == noted["snapshot_id"] + 1
    assert (done["engagement"]["statut"], done["engagement"]["montant_eur"], done["engagement"]["echeance"]) == (
        "realise", 2500.0, "2026-12-31")
    assert main(["status", "--db", path, "E6", "--statut", "engage"]) == 1
    assert "Le statut ne revient pas en arrière" in capsys.readouterr().err
    assert main(["note", "--db", path, "--investisseurs", "Z", "--thematiques", "numerique", "--territoires", "FR",
                 "--statut", "promis"]) == 1
    err = capsys.readouterr().err
    assert "investisseur « Z » inconnu" in err and "« promis » n'est pas une valeur permise" in err


# --- 6. the session report for a room full of readers -------------------------------------------------------------
def test_six_readers_asking_for_the_pdf_at_once_get_one_render_by_one_chromium(followed, monkeypatch):
    import time

    from inventory.outputs import session_report

    if session_report.chromium() is None:
        pytest.skip("no Chromium on this machine")
    store, sid = followed
    prints, running, most = [], [0], [0]
    real = session_report.html_to_pdf

    def counted(document: str) -> bytes:  # the real Chromium, counted
        running[0] += 1
        most[0] = max(most[0], running[0])
        try:
            prints.append(1)
            return real(document)
        finally:
            running[0] -= 1

    monkeypatch.setattr(session_report, "html_to_pdf", counted)
    start, got = threading.Barrier(6), [None] * 6

    def reader(k: int) -> None:
        start.wait()
        got[k] = session_report.build_pdf(store, sid, lang="fr")

    readers = [threading.Thread(target=reader, args=(k,)) for k in range(6)]
    for t in readers:
        t.start()
    for t in readers:
        t.join()
    assert len(prints) == 1 and most[0] == 1
    assert all(g is not None and g.startswith(b"%PDF") and g == got[0] for g in got)
    assert session_report.ready(store, store.snapshot(sid), "fr", "pdf") and session_report.queued() == 0
    t0 = time.perf_counter()
    assert session_report.build_pdf(store, sid, lang="fr") == got[0]
    assert time.perf_counter() - t0 < 0.5 and len(prints) == 1  # a later download is immediate
    # another language is another report
    assert session_report.build_html(store, sid, lang="en") != session_report.build_html(store, sid, lang="fr")
