"""A small hand-checked inventory with commitments and results (snapshot of 30/06/2020), shared by the
follow-through tests. Every expected number of tests/test_followup.py is worked out from these rows.

Territories: DEP-34 Hérault, DEP-31 Haute-Garonne (REG-76 Occitanie); DEP-69 Rhône (REG-84 Auvergne-Rhône-Alpes);
DEP-13 Bouches-du-Rhône (REG-93 PACA); DEP-75 Paris, DEP-92 Hauts-de-Seine (REG-11 Île-de-France);
DEP-33 Gironde (REG-75 Nouvelle-Aquitaine).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

AS_OF = dt.date(2020, 6, 30)
D = dt.date

INVESTISSEURS = [
    {"id": "A", "nom": "Fondation A (fictive)", "type": "fondation"},
    {"id": "B", "nom": "Institut B (fictif)", "type": "institution"},
    {"id": "C", "nom": "Entreprise C (fictive)", "type": "entreprise"},
]
PROGRAMMES = [  # phase, nature → the pathway steps
    {"id": "P1", "nom": "Urgence juridique Hérault", "investisseurs": ["A"], "phase": "urgence",
     "nature": ["subvention"], "thematiques": ["juridique"], "territoires": ["DEP-34"], "budget_eur": 40_000.0,
     "odd": [16]},
    {"id": "P2", "nom": "Accompagnement numérique AURA", "investisseurs": ["B"], "phase": "relance",
     "nature": ["accompagnement"], "thematiques": ["numerique"], "territoires": ["REG-84"]},
    {"id": "P3", "nom": "Modèles structurels", "investisseurs": ["A", "B"], "phase": "structurel",
     "nature": ["subvention", "accompagnement"], "thematiques": ["modele_socio_eco"], "territoires": ["FR"],
     "budget_eur": 200_000.0, "odd": [8]},
    {"id": "P4", "nom": "Formation numérique Rhône (terminée)", "investisseurs": ["C"], "phase": "urgence",
     "nature": ["formation"], "thematiques": ["numerique"], "territoires": ["DEP-69"], "date_fin": D(2020, 5, 31)},
    {"id": "P5", "nom": "Subvention juridique IDF", "investisseurs": ["C"], "phase": "relance",
     "nature": ["subvention"], "thematiques": ["juridique"], "territoires": ["REG-11"]},
    {"id": "P6", "nom": "Outil numérique Hauts-de-Seine", "investisseurs": ["C"], "phase": "urgence",
     "nature": ["outil"], "thematiques": ["numerique"], "territoires": ["DEP-92"]},
]
BESOINS = [  # score = nb_acteurs × intensite
    {"id": "N1", "territoire": "DEP-34", "source": "terrain", "thematique": "juridique", "intensite": 4, "nb_acteurs": 5},
    {"id": "N2", "territoire": "DEP-69", "source": "terrain", "thematique": "numerique", "intensite": 3, "nb_acteurs": 2},
    {"id": "N3", "territoire": "REG-84", "source": "terrain", "thematique": "numerique", "intensite": 2, "nb_acteurs": 1},
    {"id": "N4", "territoire": "DEP-13", "source": "terrain", "thematique": "modele_socio_eco", "intensite": 5,
     "nb_acteurs": 8},
    {"id": "N5", "territoire": "DEP-75", "source": "terrain", "thematique": "juridique", "intensite": 3, "nb_acteurs": 2},
    {"id": "N6", "territoire": "DEP-33", "source": "terrain", "thematique": "cooperation", "intensite": 4, "nb_acteurs": 3},
    {"id": "N7", "territoire": "DEP-31", "source": "ingenierie", "thematique": "competences", "intensite": 3,
     "nb_acteurs": 2},
    {"id": "N8", "territoire": "DEP-34", "source": "terrain", "thematique": "numerique", "intensite": 2, "nb_acteurs": 1},
    {"id": "N9", "territoire": "REG-11", "source": "terrain", "thematique": "numerique", "intensite": 1, "nb_acteurs": 1},
]
ENGAGEMENTS = [
    # joint (A and B), open, reaches the white zone REG-75 × cooperation
    {"id": "E1", "investisseurs": ["A", "B"], "thematiques": ["cooperation"], "territoires": ["REG-75"],
     "statut": "engage", "montant_eur": 100_000.0, "date": D(2020, 4, 24), "echeance": D(2020, 12, 31),
     "session": "Séance du 24/04"},
    # late: due 31/05, still only envisaged at 30/06; a département's commitment counts for its region
    {"id": "E2", "investisseurs": ["C"], "thematiques": ["competences"], "territoires": ["DEP-31"],
     "statut": "envisage", "montant_eur": 20_000.0, "date": D(2020, 4, 24), "echeance": D(2020, 5, 31)},
    # dropped: due 31/05 but abandoned, so not late, and REG-76 × numerique stays a white zone
    {"id": "E3", "investisseurs": ["A"], "thematiques": ["numerique"], "territoires": ["DEP-34"],
     "statut": "abandonne", "montant_eur": 50_000.0, "date": D(2020, 4, 24), "echeance": D(2020, 5, 31)},
    # joint and done
    {"id": "E4", "investisseurs": ["B", "C"], "thematiques": ["juridique"], "territoires": ["FR"],
     "statut": "realise", "montant_eur": 30_000.0, "echeance": D(2020, 5, 31), "programme": "P5"},
    # the same investor twice is one investor: not joint; no amount, no date (the snapshot's date)
    {"id": "E5", "investisseurs": ["A", "A"], "thematiques": ["numerique"], "territoires": ["REG-84"],
     "statut": "engage"},
]
REALISATIONS = [
    {"programme": "P1", "territoire": "DEP-34", "thematique": "juridique", "beneficiaires": 3,
     "montant_verse_eur": 10_000.0},  # no SDG of its own: P1's (16)
    {"programme": "P3", "territoire": "DEP-13", "thematique": "modele_socio_eco", "beneficiaires": 4,
     "montant_verse_eur": 50_000.0},  # P3's SDG 8
    {"programme": "P3", "territoire": "REG-93", "thematique": "modele_socio_eco", "beneficiaires": 2, "odd": [8, 17]},
    {"programme": "P2", "territoire": "DEP-69", "thematique": "numerique", "beneficiaires": 1,
     "montant_verse_eur": 5_000.0, "odd": [4]},
]


def tables(**sheets: list[dict]) -> dict:
    """Arrow tables of the contract from short dicts (absent columns get their model's default)."""
    from inventory.intake.importer import to_tables
    from inventory.models import SHEETS
    from inventory.store import SHEET_COLUMNS

    out = {}
    for sheet, rows in sheets.items():
        model = SHEETS[sheet]
        full = []
        for row in rows:
            full.append({name: row.get(name, None if model.model_fields[name].is_required()
                                        else model.model_fields[name].get_default(call_default_factory=True))
                         for name in SHEET_COLUMNS[sheet]})
        out[sheet] = pd.DataFrame(full, columns=SHEET_COLUMNS[sheet])
    return to_tables(out)


def full_tables() -> dict:
    return tables(investisseurs=INVESTISSEURS, programmes=PROGRAMMES, besoins=BESOINS, engagements=ENGAGEMENTS,
                  realisations=REALISATIONS)


def load(store, *, as_of: dt.date = AS_OF) -> int:
    return store.write_snapshot(full_tables(), label="Suivi au 30/06", as_of=as_of)[0]
