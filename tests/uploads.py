"""The inventories the importer's tests share: a clean one and what it stores, one with every kind of problem."""
from __future__ import annotations

import datetime as dt

from inventory.intake.importer import import_files
from tests.builders import inventory_sheets, write


JUNE = dt.date(2020, 6, 30)



FORMATS = ["xlsx", "ods", "csv"]



EXPECTED_BESOINS = [  # the inventory of builders.BESOINS as stored
    {"territoire": "DEP-69", "source": "terrain", "thematique": "modele_socio_eco", "intensite": 4, "nb_acteurs": 3,
     "public": "association", "secteur": "culture", "date": dt.date(2020, 6, 1), "description": "Trésorerie",
     "odd": (8,), "id": "B1"},
    {"territoire": "REG-84", "source": "ingenierie", "thematique": "numerique", "intensite": 2, "nb_acteurs": 1,
     "public": None, "secteur": None, "date": None, "description": None, "odd": (), "id": "B2"},
    {"territoire": "FR", "source": "terrain", "thematique": "juridique", "intensite": 5, "nb_acteurs": 10,
     "public": "structure_ess", "secteur": "social", "date": dt.date(2020, 5, 15), "description": None,
     "odd": (16, 17), "id": "B3"},
]



EXPECTED_PROGRAMMES = [
    {"id": "P1", "nom": "Fonds national", "investisseurs": ("INV1", "INV2"), "phase": "urgence",
     "nature": ("subvention",), "thematiques": ("modele_socio_eco",), "territoires": ("FR",),
     "publics": ("association",), "budget_eur": 1_000_000.0, "date_debut": dt.date(2020, 3, 1),
     "date_fin": dt.date(2020, 12, 31), "odd": (8, 17), "url": None, "description": "Programme national",
     "operateurs": (), "date_limite_candidature": None},
    {"id": "P2", "nom": "Numérique régional", "investisseurs": ("INV3",), "phase": "relance",
     "nature": ("formation", "outil"), "thematiques": ("numerique", "competences"), "territoires": ("REG-84",),
     "publics": (), "budget_eur": 25000.5, "date_debut": dt.date(2020, 4, 1), "date_fin": None, "odd": (9,),
     "url": "https://exemple.org/p2", "description": None, "operateurs": (),
     "date_limite_candidature": None},
]



def imported(store, tmp_path, sheets, fmt="xlsx", **kw):
    return import_files(store, write(fmt, tmp_path / fmt, sheets, **kw), as_of=JUNE, label="test")



def bad_inventory():
    sh = inventory_sheets()
    sh["investisseurs"].append(["INV1", "Doublon", "fondation", None])  # row 5: duplicate id
    sh["investisseurs"].append(["INV4", "Banque", "banque", None])  # row 6: bad type
    sh["programmes"].append(["P3", "Mauvais", "INV9", "urgence", None, "inconnue", "Atlantide", None, "-5",
                             "30/06/2020", "01/06/2020", "18", None, None])  # row 4
    sh["programmes"].append(["P1", "Doublon", "INV1", "relance", None, "numerique", "FR", None, None, None, None,
                             None, None, None])  # row 5
    sh["besoins"].append([])  # row 5: blank
    sh["besoins"].append(["DEP-13", "terrain", "numerique", 7, 0, None, None, "demain", None, None, None])  # row 6
    sh["besoins"].append(["Atlantide", "terrain", "pas_un_theme", "3", 1, None, None, None, None, None, "B1"])  # 7
    sh["besoins"].append([None, "presse", "numerique", None, 1, None, None, None, None, None, None])  # row 8
    return sh
