"""An import from end to end (inventory/importer): read → check → commit; a clean upload becomes the active
snapshot, any problem writes nothing, absent sheets are carried over."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from inventory.intake import importer
from inventory.intake.importer import check, import_files, read_upload
from tests.builders import content, errors, inventory_sheets, table_counts, write
from tests.uploads import EXPECTED_BESOINS, EXPECTED_PROGRAMMES, FORMATS, JUNE, bad_inventory, imported


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_valid_workbook_becomes_the_active_snapshot(store, tmp_path, fmt):
    result = imported(store, tmp_path, inventory_sheets(), fmt)
    assert result.ok, result.errors
    assert result.counts == {"besoins": 3, "programmes": 2, "investisseurs": 3, "engagements": 0, "realisations": 0}
    assert result.carried_over == []
    assert store.active_snapshot_id() == result.snapshot_id
    got = content(store, result.snapshot_id)
    assert got["besoins"] == EXPECTED_BESOINS
    assert got["programmes"] == EXPECTED_PROGRAMMES
    assert [r["id"] for r in got["investisseurs"]] == ["INV1", "INV2", "INV3"]
    assert got["investisseurs"][0]["site_web"] == "https://exemple.org/alpha"
    assert len(got["thematiques"]) == 8  # the default themes
    snap = store.snapshot(result.snapshot_id)
    assert (snap.label, snap.as_of) == ("test", JUNE)



def test_who_when_which_file_and_its_sha256_are_recorded(store, tmp_path):
    paths = write("csv", tmp_path, inventory_sheets())
    result = import_files(store, paths)  # no --as-of: today, and a default label
    snap = store.snapshot(result.snapshot_id)
    digest = hashlib.sha256()
    for p in paths:
        digest.update(p.read_bytes())
    assert snap.sha256 == digest.hexdigest()
    assert snap.files == ", ".join(p.name for p in paths)
    assert snap.created_by
    assert snap.as_of == dt.date.today()
    assert snap.label == f"Inventaire au {dt.date.today():%d/%m/%Y}"
    assert abs((dt.datetime.now() - snap.created_at).total_seconds()) < 120



EXPECTED_PROBLEMS = {
    ("investisseurs", 5, "id", "INV1"),
    ("investisseurs", 6, "type", "banque"),
    ("programmes", 4, "investisseurs", "INV9"),
    ("programmes", 4, "thematiques", "inconnue"),
    ("programmes", 4, "territoires", "Atlantide"),
    ("programmes", 4, "budget_eur", "-5"),
    ("programmes", 4, "odd", "18"),
    ("programmes", 4, "date_fin", "01/06/2020"),
    ("programmes", 5, "id", "P1"),
    ("besoins", 6, "intensite", "7"),
    ("besoins", 6, "nb_acteurs", "0"),
    ("besoins", 6, "date", "demain"),
    ("besoins", 7, "territoire", "Atlantide"),
    ("besoins", 7, "thematique", "pas_un_theme"),
    ("besoins", 7, "id", "B1"),
    ("besoins", 8, "territoire", ""),
    ("besoins", 8, "source", "presse"),
    ("besoins", 8, "intensite", ""),
}



@pytest.mark.parametrize("fmt", FORMATS)
def test_every_problem_at_once_with_sheet_row_column_and_value(store, tmp_path, fmt):
    imported(store, tmp_path / "first", inventory_sheets(), fmt)
    before = table_counts(store)
    result = imported(store, tmp_path, bad_inventory(), fmt)
    assert not result.ok and result.snapshot_id is None
    assert errors(result) == EXPECTED_PROBLEMS
    assert table_counts(store) == before  # an upload with any error writes nothing



def test_problem_messages_are_french_sentences(store, tmp_path):
    result = imported(store, tmp_path, bad_inventory())
    msg = {(e.sheet, e.row, e.column): e.message for e in result.errors}
    assert msg[("besoins", 6, "intensite")] == "Intensité : 7 n'est pas entre 1 et 5"
    assert msg[("besoins", 6, "nb_acteurs")] == "Nombre d'acteurs : 0 doit être au moins 1"
    assert msg[("besoins", 8, "territoire")] == "Territoire : valeur obligatoire manquante"
    assert msg[("investisseurs", 5, "id")] == "identifiant « INV1 » en double (déjà utilisé ligne 2)"
    assert msg[("programmes", 5, "id")] == "identifiant « P1 » en double (déjà utilisé ligne 2)"
    assert msg[("programmes", 4, "investisseurs")] == (
        "investisseur « INV9 » inconnu : il doit figurer dans la feuille investisseurs")
    assert msg[("programmes", 4, "thematiques")].startswith("thématique « inconnue » inconnue (thématiques connues :")
    assert msg[("programmes", 4, "date_fin")] == (
        "Date de fin : la date de fin 01/06/2020 précède la date de début 30/06/2020")
    assert msg[("besoins", 7, "territoire")].startswith("Territoire : territoire « Atlantide » inconnu")
    assert all(e.message[0].isupper() or e.message.startswith(("identifiant", "investisseur", "thématique"))
               for e in result.errors)
    # the report is in sheet order, then row order
    order = [(["investisseurs", "programmes", "besoins"].index(e.sheet), e.row) for e in result.errors]
    assert order == sorted(order)



@pytest.mark.parametrize("fmt", FORMATS)
def test_uploading_only_the_needs_carries_the_other_sheets_over(store, tmp_path, fmt):
    first = imported(store, tmp_path / "first", inventory_sheets(), fmt)
    needs = inventory_sheets()["besoins"][:2]
    result = imported(store, tmp_path / "needs", {"besoins": needs}, fmt)
    assert result.ok, result.errors
    assert sorted(result.carried_over) == ["investisseurs", "programmes"]
    assert result.counts == {"besoins": 1, "programmes": 2, "investisseurs": 3, "engagements": 0, "realisations": 0}
    before, after = content(store, first.snapshot_id), content(store, result.snapshot_id)
    assert after["programmes"] == before["programmes"]
    assert after["investisseurs"] == before["investisseurs"]
    assert after["thematiques"] == before["thematiques"]
    assert after["besoins"] == before["besoins"][:1]
    assert content(store, first.snapshot_id) == before  # the older snapshot is untouched



def test_a_partial_upload_without_an_active_snapshot_is_refused(store, tmp_path):
    result = imported(store, tmp_path, {"besoins": inventory_sheets()["besoins"]})
    assert not result.ok
    assert {e.sheet for e in result.errors} == {"investisseurs", "programmes"}
    assert all("absente" in e.message for e in result.errors)
    assert store.snapshots() == []



def test_check_without_store_and_counts_of_a_clean_upload(tmp_path):
    paths = write("xlsx", tmp_path, inventory_sheets())
    checked = check(read_upload([(p.name, p.read_bytes()) for p in paths]))
    assert checked.ok
    assert checked.counts() == {"investisseurs": 3, "programmes": 2, "besoins": 3}



def test_refused_commit_writes_nothing(store, tmp_path):
    paths = write("xlsx", tmp_path, bad_inventory())
    checked = check(read_upload([(p.name, p.read_bytes()) for p in paths]), store)
    result = importer.commit(store, checked, label="x", as_of=JUNE)
    assert not result.ok and result.errors
    assert store.snapshots() == []
