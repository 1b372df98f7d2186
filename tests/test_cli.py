"""The command line documented in the README: exit codes, JSON shapes, French sentences and never a traceback."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from inventory.__main__ import main
from tests.builders import inventory_sheets, write, write_csvs

ROOT = Path(__file__).resolve().parent.parent
IMPORT_KEYS = {"ok", "snapshot_id", "counts", "carried_over", "set_aside", "errors", "duplicates"}
ERROR_KEYS = {"sheet", "row", "column", "value", "message"}
COUNT_KEYS = {"besoins", "programmes", "investisseurs", "engagements", "realisations"}
SNAPSHOT_KEYS = {"id", "label", "as_of", "created_at", "active", "counts"}
MATRIX_KEYS = {"territoire", "nom", "thematique", "acteurs", "score", "intensite_moyenne", "programmes", "tension",
               "zone_blanche", "investisseurs", "score_couvert", "part_couverte", "engagements", "beneficiaires",
               "taux_atteinte"}


def cli(*args, db: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m inventory ARGS --db DB`` in a real process."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("INVENTORY_DB", None)
    return subprocess.run([sys.executable, "-m", "inventory", *args, "--db", str(db)], capture_output=True,
                          text=True, cwd=ROOT, env=full_env, timeout=120)


def run(capsys, *args) -> tuple[int, str, str]:
    """The same command in this process (faster), with its output."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def no_traceback(proc):
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


def test_import_json_snapshots_matrix_in_real_processes(tmp_path):
    db = tmp_path / "inv.duckdb"
    files = [str(p) for p in write("xlsx", tmp_path / "in", inventory_sheets())]

    done = cli("import", *files, "--label", "Inventaire au 30/06", "--as-of", "2020-06-30", "--json", db=db)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == IMPORT_KEYS
    assert report == {"ok": True, "snapshot_id": 1, "counts": {"besoins": 3, "programmes": 2, "investisseurs": 3, "engagements": 0,
                                                 "realisations": 0},
                      "carried_over": [], "set_aside": [], "errors": [], "duplicates": []}

    bad = inventory_sheets()
    bad["besoins"][2][3] = 7
    refused = cli("import", *[str(p) for p in write("csv", tmp_path / "bad", bad)], "--json", db=db)
    assert refused.returncode != 0
    report = json.loads(refused.stdout)
    assert set(report) == IMPORT_KEYS
    assert report["ok"] is False and report["snapshot_id"] is None
    assert set(report["counts"]) == COUNT_KEYS
    assert report["errors"] == [{"sheet": "besoins", "row": 3, "column": "intensite", "value": "7",
                                 "message": "Intensité : 7 n'est pas entre 1 et 5"}]

    listed = cli("snapshots", "--json", db=db)
    assert listed.returncode == 0
    snaps = json.loads(listed.stdout)
    assert len(snaps) == 1  # the refused upload wrote nothing
    assert set(snaps[0]) == SNAPSHOT_KEYS
    assert snaps[0]["id"] == 1 and snaps[0]["label"] == "Inventaire au 30/06" and snaps[0]["as_of"] == "2020-06-30"
    assert snaps[0]["active"] is True and snaps[0]["counts"] == {"besoins": 3, "programmes": 2, "investisseurs": 3, "engagements": 0,
                                                 "realisations": 0}

    matrix = cli("matrix", "--json", db=db)
    assert matrix.returncode == 0, matrix.stderr
    rows = json.loads(matrix.stdout)
    assert rows and all(set(r) == MATRIX_KEYS for r in rows)
    cell = next(r for r in rows if r["territoire"] == "REG-84" and r["thematique"] == "modele_socio_eco")
    # DEP-69 4 × 3 rolls up into REG-84; the national programme P1 reaches it (investors INV1, INV2)
    assert cell == {"territoire": "REG-84", "nom": "Auvergne-Rhône-Alpes", "thematique": "modele_socio_eco",
                    "acteurs": 3, "score": 12, "intensite_moyenne": 4.0, "programmes": 1, "tension": 6.0,
                    "zone_blanche": False, "investisseurs": 2, "score_couvert": 12, "part_couverte": 1.0,
                    "engagements": 0, "beneficiaires": 0, "taux_atteinte": 0.0}
    national = next(r for r in rows if r["territoire"] == "FR" and r["thematique"] == "juridique")
    assert national["zone_blanche"] is True and national["tension"] == 50.0 and national["programmes"] == 0
    assert national["score_couvert"] == 0 and national["part_couverte"] == 0.0


def test_bad_input_gives_a_french_sentence_and_no_traceback(tmp_path):
    db = tmp_path / "inv.duckdb"
    missing = cli("import", str(tmp_path / "absent.xlsx"), db=db)
    assert missing.returncode != 0
    no_traceback(missing)
    assert "Fichier introuvable" in missing.stderr

    junk = tmp_path / "besoins.xlsx"
    junk.write_bytes(b"pas un classeur")
    refused = cli("import", str(junk), db=db)
    assert refused.returncode != 0
    no_traceback(refused)
    assert "Import refusé" in refused.stderr and "rien n'a été modifié" in refused.stderr



def test_unknown_snapshot_and_bad_date_are_explained(tmp_path, capsys):
    db = str(tmp_path / "inv.duckdb")
    code, _, err = run(capsys, "activate", "42", "--db", db)
    assert code != 0 and "Aucun inventaire n° 42" in err
    with pytest.raises(SystemExit) as exc:
        main(["import", "x.xlsx", "--as-of", "hier", "--db", db])
    assert exc.value.code != 0
    assert "date invalide : hier (attendu AAAA-MM-JJ ou JJ/MM/AAAA)" in capsys.readouterr().err


def test_import_text_report_lists_every_problem(tmp_path, capsys):
    bad = inventory_sheets()
    bad["besoins"][2][3] = 7
    bad["programmes"][1][2] = "INV9"
    code, out, err = run(capsys, "import", *map(str, write("xlsx", tmp_path, bad)), "--db", str(tmp_path / "db"))
    assert code == 1
    assert "Import refusé : 2 problèmes, rien n'a été modifié." in err
    assert "besoins ligne 3 intensite : Intensité : 7 n'est pas entre 1 et 5" in err
    assert "programmes ligne 2 investisseurs" in err


def test_partial_import_says_what_was_carried_over(tmp_path, capsys):
    db = str(tmp_path / "db")
    assert run(capsys, "import", *map(str, write("xlsx", tmp_path / "a", inventory_sheets())), "--db", db)[0] == 0
    needs = write_csvs(tmp_path / "b", {"besoins": inventory_sheets()["besoins"]})
    code, out, _ = run(capsys, "import", str(needs[0]), "--json", "--db", db)
    report = json.loads(out)
    assert code == 0 and sorted(report["carried_over"]) == ["investisseurs", "programmes"]
    code, out, _ = run(capsys, "import", str(needs[0]), "--db", db)
    assert code == 0
    assert "Inventaire n° 3 créé et activé : 3 besoins, 2 programmes, 3 investisseurs." in out
    assert "Repris de l'inventaire actif : investisseurs, programmes." in out


def test_snapshots_activate_and_text_listing(demo_store, capsys):
    db = str(demo_store.path)
    demo_store.close()
    code, out, _ = run(capsys, "snapshots", "--db", db)
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith("*") and "30/06/2020" in lines[1]
    assert run(capsys, "activate", "1", "--db", db)[:2] == (0, "Inventaire n° 1 activé.\n")
    snaps = json.loads(run(capsys, "snapshots", "--json", "--db", db)[1])
    assert [s["active"] for s in snaps] == [True, False]
    assert [s["as_of"] for s in snaps] == ["2020-04-30", "2020-06-30"]


def test_command_line_imports_and_activations_are_in_the_audit_log_under_the_system_user(
        demo_store, tmp_path, capsys):
    import getpass

    from inventory.store import Store

    db = str(demo_store.path)
    demo_store.close()
    paths = write("xlsx", tmp_path, inventory_sheets())
    assert run(capsys, "import", *map(str, paths), "--as-of", "2020-07-31", "--db", db)[0] == 0
    assert run(capsys, "activate", "1", "--db", db)[0] == 0
    store = Store(db)
    try:
        log = store.audit_log()
        assert log[["who", "action", "snapshot_id"]].values.tolist()[:2] == [
            [getpass.getuser(), "activate", 1], [getpass.getuser(), "import", 3]]
    finally:
        store.close()


def test_matrix_options(demo_store, capsys):
    db = str(demo_store.path)
    demo_store.close()
    code, out, _ = run(capsys, "matrix", "--level", "departement", "--source", "ingenierie", "--snapshot", "1",
                       "--json", "--db", db)
    assert code == 0
    rows = json.loads(out)
    assert {r["territoire"][:3] for r in rows} <= {"FR", "REG", "DEP"}
    assert any(r["territoire"].startswith("DEP-") for r in rows)
    for r in rows:
        assert isinstance(r["acteurs"], int) and isinstance(r["zone_blanche"], bool)
        assert r["intensite_moyenne"] is None or isinstance(r["intensite_moyenne"], float)
    code, out, _ = run(capsys, "matrix", "--db", db)
    assert code == 0 and "territoire" in out.splitlines()[0]
    code, _, err = run(capsys, "matrix", "--snapshot", "77", "--db", db)
    assert code != 0 and "Aucun inventaire n° 77" in err


def test_export_and_template(demo_store, tmp_path, capsys):
    db = str(demo_store.path)
    demo_store.close()
    code, out, _ = run(capsys, "export", str(tmp_path / "inv.xlsx"), "--db", db)
    assert code == 0 and "exporté" in out
    assert openpyxl.load_workbook(tmp_path / "inv.xlsx").sheetnames == ["investisseurs", "programmes", "besoins",
                                                                         "engagements", "realisations", "operateurs"]
    code, _, _ = run(capsys, "export", str(tmp_path / "csv"), "--snapshot", "1", "--db", db)
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["besoins.csv", "engagements.csv",  # April: no
                                                                     "investisseurs.csv", "operateurs.csv",  # results
                                                                     "programmes.csv"]
    code, out, _ = run(capsys, "template", str(tmp_path / "modele.xlsx"), "--db", db)
    assert code == 0 and "lisez-moi" in openpyxl.load_workbook(tmp_path / "modele.xlsx").sheetnames


def test_export_of_an_empty_database_is_explained(tmp_path, capsys):
    code, _, err = run(capsys, "export", str(tmp_path / "x.xlsx"), "--db", str(tmp_path / "db"))
    assert code != 0 and "aucun inventaire" in err


def test_init_loads_the_demo_once(tmp_path, capsys):
    db = str(tmp_path / "db")
    code, out, _ = run(capsys, "init", "--db", db)
    assert code == 0 and "démonstration" in out
    snaps = json.loads(run(capsys, "snapshots", "--json", "--db", db)[1])
    assert [s["label"] for s in snaps] == ["Démo fictive – inventaire au 30/04", "Démo fictive – inventaire au 30/06"]
    code, out, _ = run(capsys, "init", "--db", db)
    assert code == 0 and "existante" in out
    assert len(json.loads(run(capsys, "snapshots", "--json", "--db", db)[1])) == 2


def test_init_empty(tmp_path, capsys):
    db = str(tmp_path / "db")
    assert run(capsys, "init", "--empty", "--db", db)[0] == 0
    assert json.loads(run(capsys, "snapshots", "--json", "--db", db)[1]) == []
    code, out, _ = run(capsys, "snapshots", "--db", db)
    assert "aucun inventaire" in out


def test_ensure_password_creates_one_only_when_none_is_configured(tmp_path, monkeypatch, capsys):
    from inventory.__main__ import ensure_password

    secrets = tmp_path / ".streamlit" / "secrets.toml"
    monkeypatch.setenv("INVENTORY_FACILITATOR_PASSWORD", "déjà")
    ensure_password(secrets)
    assert not secrets.exists()
    monkeypatch.delenv("INVENTORY_FACILITATOR_PASSWORD")
    ensure_password(secrets)
    assert "facilitator_password" in secrets.read_text()
    assert oct(secrets.stat().st_mode & 0o777) == "0o600"
    first = secrets.read_text()
    ensure_password(secrets)
    assert secrets.read_text() == first  # never replaced
    assert "Mot de passe animateur créé" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["import"], ["activate", "pas-un-nombre"], ["matrix", "--level", "commune"]])
def test_usage_errors_exit_non_zero(argv, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--db", str(tmp_path / "db")])
    assert exc.value.code != 0


def test_matrix_json_ratios_are_exact(store, capsys):
    """REG-84 × numerique: DEP-69 4 × 2 = 8 reached by the Rhône programme, DEP-38 5 × 1 = 5 and the region's own
    need 1 × 3 = 3 not (a département programme reaches neither): score 16, acteurs 6, score_couvert 8,
    part_couverte 8 / 16 = 0.5, intensite_moyenne 16 / 6 = 2.666…, tension 16 / (1 + 1) = 8. Shown rounded
    (2,67), never stored rounded."""
    from tests.builders import frames

    needs = [{"territoire": t, "source": "terrain", "thematique": "numerique", "intensite": i, "nb_acteurs": n}
             for t, i, n in (("DEP-69", 4, 2), ("DEP-38", 5, 1), ("REG-84", 1, 3))]
    store.write_snapshot(frames([{"id": "A", "nom": "A", "type": "fondation"}],
                                [{"id": "P", "nom": "Rhône", "investisseurs": ["A"], "phase": "relance",
                                  "thematiques": ["numerique"], "territoires": ["DEP-69"]}], needs),
                         label="x", as_of=dt.date(2020, 6, 30))
    db = str(store.path)
    store.close()
    code, out, _ = run(capsys, "matrix", "--json", "--db", db)
    assert code == 0
    cell = next(r for r in json.loads(out) if r["territoire"] == "REG-84" and r["thematique"] == "numerique")
    assert (cell["score"], cell["score_couvert"], cell["programmes"], cell["zone_blanche"]) == (16, 8, 1, False)
    assert cell["part_couverte"] == 0.5 and cell["intensite_moyenne"] == 16 / 6 and cell["tension"] == 8.0
