"""A hand-made pair of snapshots with one planted signal of each type, imported from real workbooks; every
expected signal worked out by hand below (read by the signal, command-line, digest and page tests).

January (as of 31/01/2020), then June (as of 30/06/2020; investisseurs, programmes, besoins and engagements
uploaded again, realisations carried over from January).
  investors  A fondation (a@example.org)  B entreprise (b@example.org)  C institution (no contact)
             D fondation (d@example.org: funds nothing that a signal touches)
  programmes (open dates unless said)
    P1  A    numerique         DEP-69 (Rhône)
    P2  B;C  juridique         FR                      ← B and C co-fund: allies
    P3  D    modele_socio_eco  DEP-38 (Isère)          January only open; in June it ended on 31/05/2020
    P4  C    competences       DEP-13 (Bouches-du-Rhône)  ends 15/08/2020
    P5  A    modele_socio_eco  DEP-01 (Ain)            June only
  needs (intensity × actors = score)       January      June
    DEP-69 numerique                        2 × 5 = 10   same (reached by P1)
    DEP-01 juridique                        2 × 2 = 4    same (reached by P2)
    DEP-38 modele_socio_eco                 3 × 2 = 6    same, but P3 has ended: nobody reaches it
    DEP-13 competences                      2 × 2 = 4    same (P4 only)
    DEP-42 numerique (Loire)                1 × 2 = 2    4 × 3 = 12 (nobody reaches it)
    DEP-75 cooperation                      5 × 12 = 60  5 × 14 = 70 (+10 but +16.7 %: below the 20 %)
  commitments
    E1  A  numerique DEP-69  engage    due 31/03/2020   not late in January, 91 days late in June
    E2  B  juridique DEP-01  envisage  due 15/01/2020   16 days late in January, 167 in June
    E3  C  competences DEP-13 realise  due 15/01/2020   done: never late
  results (January): P2 DEP-01 juridique, 3 beneficiaries

Expected signals of June against January, in rank order:
  1 zone_blanche_ouverte DEP-38 modele_socio_eco  part_couverte 1.0 → 0.0   for A (voisin: P5 in DEP-01, same region)
  2 fin_de_programme     DEP-13 competences       score 4 → 0, P4 ends 15/08/2020 (46 days)
                                                   for C (programme), B (allie: co-funds P2 with C)
  3 besoin_en_hausse     DEP-42 numerique         2 → 12 (+10, +500 %), score_couvert 0 → 0   for A (voisin: P1 in DEP-69)
  4 engagement_en_retard E2 DEP-01 juridique      16 → 167 days (still late)   for B (engagement)
  5 engagement_en_retard E1 DEP-69 numerique      None → 91 days (became late)  for A (engagement)
  6 donnees_anciennes    realisations             brought 31/01/2020, 151 days before 30/06/2020
                                                   for B, C (donnees: they fund P2, which reports results)
Members with signals: A (1, 3, 5), B (2, 4, 6), C (2, 6); D none. With a contact: A, B (C has none).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from inventory.intake import importer
from inventory.store import Store
from tests.builders import write_xlsx

JANUARY, JUNE = dt.date(2020, 1, 31), dt.date(2020, 6, 30)

INVESTISSEURS = [["id", "nom", "type", "contact"],
                 ["A", "Fondation Alpha", "fondation", "a@example.org"],
                 ["B", "Banque Beta", "entreprise", "b@example.org"],
                 ["C", "Conseil Gamma", "institution", None],
                 ["D", "Fondation Delta", "fondation", "d@example.org"]]
PROG_HEAD = ["id", "nom", "investisseurs", "phase", "nature", "thematiques", "territoires", "date_debut", "date_fin"]
P1 = ["P1", "Numérique Rhône", "A", "relance", "formation", "numerique", "DEP-69", None, None]
P2 = ["P2", "Juridique national", "B;C", "urgence", "accompagnement", "juridique", "FR", None, None]
P4 = ["P4", "Compétences Provence", "C", "relance", "formation", "competences", "DEP-13", None, dt.date(2020, 8, 15)]
NEED_HEAD = ["territoire", "source", "thematique", "intensite", "nb_acteurs"]
ENG_HEAD = ["id", "investisseurs", "thematiques", "territoires", "statut", "date", "echeance"]
ENGAGEMENTS = [ENG_HEAD,
               ["E1", "A", "numerique", "DEP-69", "engage", dt.date(2020, 1, 10), dt.date(2020, 3, 31)],
               ["E2", "B", "juridique", "DEP-01", "envisage", dt.date(2020, 1, 5), dt.date(2020, 1, 15)],
               ["E3", "C", "competences", "DEP-13", "realise", dt.date(2020, 1, 5), dt.date(2020, 1, 15)]]

JANUARY_SHEETS = {
    "investisseurs": INVESTISSEURS,
    "programmes": [PROG_HEAD, P1, P2,
                   ["P3", "Modèle Isère", "D", "structurel", "subvention", "modele_socio_eco", "DEP-38", None, None],
                   P4],
    "besoins": [NEED_HEAD,
                ["DEP-69", "terrain", "numerique", 2, 5],
                ["DEP-01", "terrain", "juridique", 2, 2],
                ["DEP-38", "terrain", "modele_socio_eco", 3, 2],
                ["DEP-13", "terrain", "competences", 2, 2],
                ["DEP-42", "terrain", "numerique", 1, 2],
                ["DEP-75", "terrain", "cooperation", 5, 12]],
    "engagements": ENGAGEMENTS,
    "realisations": [["programme", "territoire", "thematique", "beneficiaires"], ["P2", "DEP-01", "juridique", 3]],
}

JUNE_SHEETS = {
    "investisseurs": INVESTISSEURS,
    "programmes": [PROG_HEAD, P1, P2,
                   ["P3", "Modèle Isère", "D", "structurel", "subvention", "modele_socio_eco", "DEP-38", None,
                    dt.date(2020, 5, 31)],
                   P4,
                   ["P5", "Modèle Ain", "A", "structurel", "subvention", "modele_socio_eco", "DEP-01", None, None]],
    "besoins": [NEED_HEAD,
                ["DEP-69", "terrain", "numerique", 2, 5],
                ["DEP-01", "terrain", "juridique", 2, 2],
                ["DEP-38", "terrain", "modele_socio_eco", 3, 2],
                ["DEP-13", "terrain", "competences", 2, 2],
                ["DEP-42", "terrain", "numerique", 4, 3],
                ["DEP-75", "terrain", "cooperation", 5, 14]],
    "engagements": ENGAGEMENTS,
}

# what ``signals --json`` prints for June against January (type, territoire, thematique, avant, apres, pour, rang)
EXPECTED = [
    ("zone_blanche_ouverte", "DEP-38", "modele_socio_eco", 1.0, 0.0, [("A", "voisin")]),
    ("fin_de_programme", "DEP-13", "competences", 4, 0, [("C", "programme"), ("B", "allie")]),
    ("besoin_en_hausse", "DEP-42", "numerique", 2, 12, [("A", "voisin")]),
    ("engagement_en_retard", "DEP-01", "juridique", 16, 167, [("B", "engagement")]),
    ("engagement_en_retard", "DEP-69", "numerique", None, 91, [("A", "engagement")]),
    ("donnees_anciennes", None, None, "2020-01-31", "2020-06-30", [("B", "donnees"), ("C", "donnees")]),
]


def load(store: Store, tmp_path: Path, sheets: dict, *, label: str, as_of: dt.date) -> int:
    path = write_xlsx(tmp_path / f"{label}.xlsx", sheets)
    result = importer.import_files(store, [path], label=label, as_of=as_of)
    assert result.ok, result.errors
    return result.snapshot_id


def january_and_june(store: Store, tmp_path: Path) -> tuple[int, int]:
    return (load(store, tmp_path, JANUARY_SHEETS, label="Janvier", as_of=JANUARY),
            load(store, tmp_path, JUNE_SHEETS, label="Juin", as_of=JUNE))


def build(directory: Path) -> Path:
    """A database file holding January (id 1) and June (id 2, active); closed again."""
    store = Store(directory / "inventory.duckdb")
    january_and_june(store, directory)
    store.close()
    return directory / "inventory.duckdb"
