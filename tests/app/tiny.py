"""The tiny hand-made inventory of the exploration pages' tests; the numbers they assert, by hand
(region level, snapshot « juin » at 30/06/2020):

investors FA (Fondation Alpha) and IB (Institut Beta);
programmes P1 FA, numerique, REG-84, no dates (active) · P2 IB, numerique + juridique, FR, from 01/01/2020
(active) · P3 FA + IB, modele_socio_eco, DEP-69, 01/01/2020 → 31/05/2020 (ended by 30/06, so it covers nothing);
needs (acteurs × intensité = score) N1 DEP-69 terrain numerique 3×4=12 · N2 DEP-38 terrain numerique 2×2=4 ·
N3 DEP-69 ingenierie modele_socio_eco 2×5=10 · N4 REG-93 terrain juridique 4×3=12 · N5 DEP-13 terrain
modele_socio_eco 1×5=5.

Region cells (DEP-69, DEP-38 roll up into REG-84; DEP-13 into REG-93):
- REG-84 numerique: acteurs 5, score 16, intensité 3,2, programmes P1 + P2 = 2, tension 16/3 = 5,33,
  investors FA + IB = 2 → alliance opportunity.
- REG-84 modele_socio_eco: acteurs 2, score 10, intensité 5, programmes 0 (P3 ended) → white zone, tension 10.
- REG-93 juridique: acteurs 4, score 12, programmes 1 (P2, national), tension 6.
- REG-93 modele_socio_eco: acteurs 1, score 5, programmes 0 → white zone, tension 5.
Themes nationally: numerique score 16 (37,2 % of 43), modele_socio_eco 15 (34,9 %), juridique 12 (27,9 %).
Co-funding: 1 programme (P3) of 3 → 33,3 %.

The earlier snapshot « avril » (30/04/2020) holds N1 and N4 only and programmes P1 and P3 (P3 then active).
From avril to juin: cells up REG-84 numerique 12→16, REG-84 modele 0→10, REG-93 modele 0→5 (3 up, 0 down);
P2 added, P3 ended.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from inventory.intake import demo
from inventory.intake.importer import to_tables
from inventory.store import Store

APRIL, JUNE = dt.date(2020, 4, 30), dt.date(2020, 6, 30)
TINY_LABELS = {APRIL: "Petit inventaire – avril", JUNE: "Petit inventaire – juin"}

INVESTORS = [("FA", "Fondation Alpha (fictive)", "fondation", None),
             ("IB", "Institut Beta (fictif)", "institution", None)]
PROGRAMMES = [
    # id, nom, investisseurs, phase, nature, thematiques, territoires, publics, budget, début, fin, odd
    ("P1", "Numérique en Auvergne-Rhône-Alpes", ["FA"], "relance", ["formation"], ["numerique"], ["REG-84"],
     ["association"], 10_000.0, None, None, [9]),
    ("P2", "Fonds national", ["IB"], "urgence", ["subvention"], ["numerique", "juridique"], ["FR"], [],
     500_000.0, dt.date(2020, 1, 1), None, [8]),
    ("P3", "Trésorerie du Rhône", ["FA", "IB"], "relance", ["pret"], ["modele_socio_eco"], ["DEP-69"],
     ["structure_ess"], 20_000.0, dt.date(2020, 1, 1), dt.date(2020, 5, 31), [8, 17]),
]
NEEDS = [
    # territoire, source, thematique, intensite, nb_acteurs, public, secteur, id
    ("DEP-69", "terrain", "numerique", 4, 3, "association", "culture", "N1"),
    ("DEP-38", "terrain", "numerique", 2, 2, "association", "sport", "N2"),
    ("DEP-69", "ingenierie", "modele_socio_eco", 5, 2, "reseau_accompagnement", None, "N3"),
    ("REG-93", "terrain", "juridique", 3, 4, "structure_ess", "social", "N4"),
    ("DEP-13", "terrain", "modele_socio_eco", 5, 1, "association", "culture", "N5"),
]


def tiny_frames(as_of: dt.date, *, programmes: bool = True) -> dict[str, pd.DataFrame]:
    """The tiny inventory at « avril » or « juin » (see the module docstring)."""
    keep_needs = {"N1", "N4"} if as_of == APRIL else {n[-1] for n in NEEDS}
    keep_progs = ({"P1", "P3"} if as_of == APRIL else {"P1", "P2", "P3"}) if programmes else set()
    inv = pd.DataFrame(INVESTORS, columns=["id", "nom", "type", "site_web"])
    prog = pd.DataFrame(
        [dict(zip(["id", "nom", "investisseurs", "phase", "nature", "thematiques", "territoires", "publics",
                   "budget_eur", "date_debut", "date_fin", "odd"], p), url=None, description=None)
         for p in PROGRAMMES if p[0] in keep_progs],
        columns=["id", "nom", "investisseurs", "phase", "nature", "thematiques", "territoires", "publics",
                 "budget_eur", "date_debut", "date_fin", "odd", "url", "description"])
    need = pd.DataFrame(
        [dict(zip(["territoire", "source", "thematique", "intensite", "nb_acteurs", "public", "secteur", "id"], n),
              date=None, description=None, odd=[]) for n in NEEDS if n[-1] in keep_needs])
    return {"investisseurs": inv, "programmes": prog, "besoins": need}


def build(path: Path, snapshots: list[tuple[dt.date, dict]], *, demo_data: bool = False) -> Path:
    store = Store(path)
    if demo_data:
        demo.load_demo(store)
    for as_of, frames in snapshots:
        store.write_snapshot(to_tables(frames), label=TINY_LABELS[as_of], as_of=as_of)
    store.snapshots()  # creates the schema even when nothing was written
    store.close()
    return path


