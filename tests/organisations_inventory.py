"""A small inventory with operators, its figures worked out by hand (tests of issue 25 share it).

As of 30/06/2020. Investors F1 « Fondation Horizon (fictive) », F2 « Institut Beta (fictif) », F3 « Entreprise
Gamma (fictive) ». Operators OP1 (national, FR), OP2 (DEP-69), OP3 (REG-84, delivers nothing), OP4 (DEP-13, F3's SIREN:
one organisation, two roles).
P1: F1+F2, OP1, modele_socio_eco, FR, 1 000 000 €, active.  P2: F1, OP1+OP2, numerique+competences, DEP-69,
300 000 €, active.  P3: F2, OP2, juridique, DEP-69, 100 000 €, ended 31/12/2019.  P4: F3, no operator, numerique,
REG-84, 50 000 €, active.

OP1: budgets 1 300 000 (P1, P2); F1 500 000 + 300 000 = 800 000, F2 500 000 → first F1, 800/1300 = 0.6153846.
OP2: active P2 only: 300 000 all from F1 → depends on a single funder (a foundation), share 1.
Flows (budget / investors / operators): F1→OP1 500 000 + 150 000 = 650 000; F2→OP1 500 000; F1→OP2 150 000.
Themes (budget / operators / themes): OP1→modele_socio_eco 1 000 000, OP1→numerique 75 000, OP1→competences
75 000, OP2→numerique 75 000, OP2→competences 75 000.  OP1 receives 1 150 000 and passes on 1 150 000.
Needs: DEP-69 numerique 4×2 = 8 (OP1 and OP2 funded there by P2; OP3, present through its region, unfunded);
DEP-69 juridique 3×1 = 3 (OP1, OP2, OP3 present, none funded for it; nobody reaches it); REG-84 numerique 5×2 = 10
(OP1 and OP3 present, unfunded: P2 sits in a département; P4 reaches it without an operator); FR
modele_socio_eco 1 (OP1 funded by P1). OP4 sits in DEP-13, where nobody needs anything.
"""
from __future__ import annotations

import datetime as dt

from inventory import identifiers

JUNE = dt.date(2020, 6, 30)
SIREN_F1 = identifiers.with_luhn("11122233")
SIREN_OP1 = identifiers.with_luhn("44455566")
SIREN_F3 = identifiers.with_luhn("77788899")


def sheets() -> dict:
    return {
        "investisseurs": [
            ["id", "nom", "type", "site_web", "siren", "rna"],
            ["F1", "Fondation Horizon (fictive)", "fondation", None, SIREN_F1, None],
            ["F2", "Institut Beta (fictif)", "institution", None, None, None],
            ["F3", "Entreprise Gamma (fictive)", "entreprise", None, SIREN_F3, None],
        ],
        "operateurs": [
            ["id", "nom", "type", "siren", "siret", "rna", "territoires", "site_web"],
            ["OP1", "Réseau Delta (fictif)", "reseau_national", SIREN_OP1, None, None, "FR", None],
            ["OP2", "Maison Epsilon (fictive)", "structure_territoriale", None, None, "W691234567", "69", None],
            ["OP3", "Atelier Zeta (fictif)", "association", None, None, None, "REG-84", None],
            ["OP4", "Gamma Solidaire (fictif)", "entreprise", SIREN_F3, None, None, "DEP-13", None],
        ],
        "programmes": [
            ["id", "nom", "investisseurs", "phase", "thematiques", "territoires", "budget_eur", "date_debut",
             "date_fin", "operateurs"],
            ["P1", "Fonds national", "F1;F2", "urgence", "modele_socio_eco", "FR", 1_000_000, None, None, "OP1"],
            ["P2", "Numérique Rhône", "F1", "relance", "numerique;competences", "DEP-69", 300_000, None, None,
             "OP1;OP2"],
            ["P3", "Juridique Rhône", "F2", "urgence", "juridique", "DEP-69", 100_000, dt.date(2019, 1, 1),
             dt.date(2019, 12, 31), "OP2"],
            ["P4", "Numérique AURA", "F3", "relance", "numerique", "REG-84", 50_000, None, None, None],
        ],
        "besoins": [
            ["territoire", "source", "thematique", "intensite", "nb_acteurs"],
            ["DEP-69", "terrain", "numerique", 4, 2],
            ["DEP-69", "terrain", "juridique", 3, 1],
            ["REG-84", "terrain", "numerique", 5, 2],
            ["FR", "terrain", "modele_socio_eco", 1, 1],
        ],
        "engagements": [
            ["id", "investisseurs", "thematiques", "territoires", "statut", "montant_eur"],
            ["E1", "F1;F2", "juridique", "DEP-69", "engage", 20_000],
            ["E2", "F3", "numerique", "REG-84", "envisage", None],
        ],
        "realisations": [
            ["programme", "territoire", "thematique", "beneficiaires", "montant_verse_eur"],
            ["P2", "DEP-69", "numerique", 40, 120_000],
            ["P3", "DEP-69", "juridique", 7, 50_000],
        ],
    }


def build(store, tmp_path):
    from tests.uploads import imported

    result = imported(store, tmp_path, sheets())
    assert result.ok, result.errors
    return result.snapshot_id
