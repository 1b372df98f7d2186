"""Organisations at import (issue 25): SIREN, SIRET and RNA checked as the registers define them, one identifier on
two rows an error naming both, names that fold alike a « doublon probable », operators referenced like investors,
carried over and exported like every optional sheet."""
from __future__ import annotations

import pytest

from inventory import identifiers
from inventory.intake.importer import check, read_upload
from inventory.outputs import exports
from tests.builders import errors, inventory_sheets, plain
from tests.uploads import imported

# Fictitious identifiers that pass the registers' checksums (identifiers.with_luhn adds the key).
SIREN_A = identifiers.with_luhn("11122233")  # 111222337
SIREN_B = identifiers.with_luhn("44455566")
SIRET_B = identifiers.with_luhn(SIREN_B + "0001")
RNA = "W751234567"

OPERATEURS = [
    ["id", "nom", "type", "siren", "siret", "rna", "territoires", "site_web"],
    ["OP1", "Réseau Delta (fictif)", "reseau_national", SIREN_B, SIRET_B, None, "FR", None],
    ["OP2", "Maison Epsilon (fictive)", "structure_territoriale", None, None, RNA, "DEP-69", None],
]


def workbook_of_the_issue() -> dict:
    """An invalid SIREN, a repeated RNA, and « Fondation  Horizon-Commun » beside « fondation horizon commun »."""
    sh = inventory_sheets()
    sh["investisseurs"][0] += ["siren", "rna"]
    sh["investisseurs"][1] = ["INV1", "Fondation  Horizon-Commun", "fondation", None, "123456789", None]  # row 2
    sh["investisseurs"][2] += [SIREN_A, None]
    sh["investisseurs"][3] = ["INV3", "fondation horizon commun", "fondation", None, None, None]  # row 4
    ops = [list(r) for r in OPERATEURS]
    ops.append(["OP3", "Atelier Zeta (fictif)", "association", None, None, RNA, "REG-84", None])  # row 4
    return sh | {"operateurs": ops}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_bad_identifiers_a_shared_rna_and_a_probable_duplicate_are_each_said_once(store, tmp_path, fmt):
    result = imported(store, tmp_path, workbook_of_the_issue(), fmt)
    assert not result.ok
    assert errors(result) == {("investisseurs", 2, "siren", "123456789"), ("operateurs", 4, "rna", RNA)}
    shared = next(e for e in result.errors if e.sheet == "operateurs")
    assert "ligne 3 de la feuille operateurs" in shared.message and "Maison Epsilon" in shared.message
    bad = next(e for e in result.errors if e.sheet == "investisseurs")
    # the column named once, as for every cell: « SIREN : « 123456789 » invalide : 9 chiffres… »
    assert bad.message.startswith("SIREN : « 123456789 » invalide : 9 chiffres")
    probable = [w for w in result.warnings if w.startswith("Doublon probable")]
    assert probable == ["Doublon probable : « Fondation  Horizon-Commun » (investisseurs, ligne 2) et « fondation "
                        "horizon commun » (investisseurs, ligne 4) ont le même nom une fois la casse, les accents, "
                        "la ponctuation et la forme juridique mis de côté ; si c'est la même organisation, gardez "
                        "une seule ligne."]
    assert [(d["kind"], d["value"], [(r["sheet"], r["row"]) for r in d["rows"]]) for d in result.duplicates] == [
        ("identifiant", RNA, [("operateurs", 3), ("operateurs", 4)]),
        ("nom", "horizon commun", [("investisseurs", 2), ("investisseurs", 4)])]
    assert store.snapshots() == []  # nothing written


def test_a_siret_is_checked_and_must_start_with_a_valid_siren(store, tmp_path):
    sh = inventory_sheets() | {"operateurs": [list(r) for r in OPERATEURS]}
    sh["operateurs"][1][4] = SIRET_B[:-1] + str((int(SIRET_B[-1]) + 1) % 10)  # key wrong
    sh["operateurs"][2][4] = "12345678900018"  # SIREN 123456789 fails Luhn
    result = imported(store, tmp_path, sh)
    assert {(e.row, e.column) for e in result.errors} == {(2, "siret"), (3, "siret")}


def test_an_investor_and_an_operator_with_one_siren_are_one_organisation_with_two_roles(store, tmp_path):
    sh = inventory_sheets() | {"operateurs": [list(r) for r in OPERATEURS]}
    sh["investisseurs"][0] += ["siren"]
    sh["investisseurs"][1] += [SIREN_B]
    sh["investisseurs"][1][1] = "Réseau Delta (fictif)"  # the same name too: not a probable duplicate
    sh["investisseurs"][2] += [None]
    sh["investisseurs"][3] += [None]
    result = imported(store, tmp_path, sh)
    assert result.ok, result.errors
    assert result.duplicates == [] and not [w for w in result.warnings if "Doublon" in w]


def test_identifiers_are_read_as_people_type_them(store, tmp_path):
    sh = inventory_sheets() | {"operateurs": [list(r) for r in OPERATEURS]}
    sh["operateurs"][1][3] = f"{SIREN_B[:3]} {SIREN_B[3:6]} {SIREN_B[6:]}"
    sh["operateurs"][2][5] = RNA.lower()
    result = imported(store, tmp_path, sh)
    assert result.ok, result.errors
    ops = store.sheet(result.snapshot_id, "operateurs")
    assert [(r["siren"], r["rna"]) for r in plain(ops)] == [(SIREN_B, None), (None, RNA)]


def test_programmes_name_operators_as_they_name_investors(store, tmp_path):
    sh = inventory_sheets() | {"operateurs": [list(r) for r in OPERATEURS]}
    sh["programmes"][0].append("operateurs")
    sh["programmes"][1].append("OP1 ; OP2")
    sh["programmes"][2].append("OP9")
    result = imported(store, tmp_path, sh)
    assert errors(result) == {("programmes", 3, "operateurs", "OP9")}
    assert "opérateur « OP9 » inconnu" in result.errors[0].message
    sh["programmes"][2][-1] = "OP2"
    result = imported(store, tmp_path / "again", sh)
    assert result.ok, result.errors
    assert [list(o) for o in store.sheet(result.snapshot_id, "programmes")["operateurs"]] == [["OP1", "OP2"], ["OP2"]]


def test_operators_are_carried_over_exported_and_reimported(store, tmp_path):
    sh = inventory_sheets() | {"operateurs": [list(r) for r in OPERATEURS]}
    first = imported(store, tmp_path / "a", sh)
    assert first.ok, first.errors
    needs_only = {"besoins": inventory_sheets()["besoins"]}
    second = imported(store, tmp_path / "b", needs_only)
    assert "operateurs" in second.carried_over
    assert list(store.sheet(second.snapshot_id, "operateurs")["id"]) == ["OP1", "OP2"]
    path = tmp_path / "export.xlsx"
    exports.export_snapshot(store, second.snapshot_id, path)
    again = check(read_upload([(path.name, path.read_bytes())]), store)
    assert again.ok, again.issues
    assert again.tables["operateurs"].column("siret").to_pylist() == [SIRET_B, None]


def test_the_template_offers_the_operator_types_and_ids():
    from openpyxl import load_workbook
    import io

    wb = load_workbook(io.BytesIO(exports.template_bytes()))
    assert "operateurs" in wb.sheetnames
    assert [c.value for c in wb["operateurs"][1]] == ["id", "nom", "type", "siren", "siret", "rna", "territoires",
                                                       "site_web"]
    listes = wb["listes"]
    headers = [c.value for c in listes[1]]
    col = headers.index("operateurs.type")
    assert [listes.cell(row=r, column=col + 1).value for r in range(2, 8)] == [
        "reseau_national", "structure_territoriale", "association", "entreprise", "collectivite", "autre"]


def test_the_checksums_follow_the_registers():
    assert identifiers.is_siren("732829320") and not identifiers.is_siren("732829321")
    assert identifiers.is_siret("73282932000074") and not identifiers.is_siret("73282932000075")
    assert identifiers.is_siret("35600000000048")  # La Poste: digits summing to a multiple of 5
    assert identifiers.is_rna("W751234567") and not identifiers.is_rna("W75123456")
    assert identifiers.name_key("Fondation  Horizon-Commun") == identifiers.name_key("fondation horizon commun")
    assert identifiers.name_key("Association des Amis d'Été") == "amis ete"


# --- catalogue financers: by identifier when the catalogue gives one, else by name ---------------------------------
THREE_W = (
    "Organisation;Bailleur;SIREN du bailleur;Secteur;Activité;Région\n"
    "#org+impl;#org+funder;#org+funder+code;#sector;#activity;#adm1+name\n"
    f"Réseau Delta;Fond. Horizon;{SIREN_A};Numérique;Ateliers numériques;Occitanie\n"  # another spelling, same SIREN
    "Réseau Delta;Institut Beta (fictif);;Numérique;Formations;Occitanie\n"  # no number: by name
    f"Réseau Delta;Nouveau Mécène;{SIREN_B};Numérique;Outils;Occitanie\n"  # nobody: a new investor with its SIREN
)


def test_catalogue_financers_are_matched_by_identifier_else_by_name_and_the_report_says_how(store, tmp_path):
    sh = inventory_sheets()
    sh["investisseurs"][0].append("siren")
    sh["investisseurs"][1].append(SIREN_A)  # INV1 « Fondation Alpha (fictive) »
    sh["investisseurs"][2].append(None)
    sh["investisseurs"][3].append(None)
    from tests.builders import write_xlsx

    book = write_xlsx(tmp_path / "inventaire.xlsx", sh)
    checked = check(read_upload([(book.name, book.read_bytes()), ("3w.csv", THREE_W.encode())]), store)
    assert checked.ok, checked.issues
    assert checked.catalogue.matches == [
        {"financeur": "Fond. Horizon", "investisseur": "INV1", "rapprochement": "identifiant"},
        {"financeur": "Institut Beta (fictif)", "investisseur": "INV2", "rapprochement": "nom"},
        {"financeur": "Nouveau Mécène", "investisseur": "NOUVEAU-MECENE", "rapprochement": "nouveau"}]
    investors = checked.tables["investisseurs"].to_pylist()
    assert [(i["id"], i["siren"]) for i in investors][-1] == ("NOUVEAU-MECENE", SIREN_B)
