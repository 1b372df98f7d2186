"""A deterministic generator of fictitious inventories: the demo that tells a story, and large ones for benchmarks.

The story (all names are invented): twelve investors; national programmes concentrate on socio-economic
models and digital tools; legal help exists only in a few regions, so legal needs elsewhere are white
zones; the support ecosystem ("ingénierie") voices needs in skills and cooperation that few programmes
address; overseas territories are under-served. Between the end of April and the end of June, needs
grow, three emergency programmes end and recovery programmes start.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from inventory.identifiers import with_luhn
from inventory.reference import AUDIENCES, canonical, default_themes, territories

APRIL = dt.date(2020, 4, 30)
JUNE = dt.date(2020, 6, 30)

INVESTORS = [
    ("INS1", "Institut public de la relance (fictif)", "institution", "https://exemple.org/ins1"),
    ("INS2", "Caisse territoriale d'investissement (fictive)", "institution", None),
    ("INS3", "Agence de la cohésion solidaire (fictive)", "institution", None),
    ("INS4", "Fonds public d'innovation sociale (fictif)", "institution", None),
    ("FDN1", "Fondation Horizon Commun (fictive)", "fondation", "https://exemple.org/fdn1"),
    ("FDN2", "Fondation des Solidarités Locales (fictive)", "fondation", None),
    ("FDN3", "Fondation Numérique pour Tous (fictive)", "fondation", None),
    ("FDN4", "Fondation Élan Associatif (fictive)", "fondation", None),
    ("ENT1", "Mutuelle Avenir Partagé (fictive)", "entreprise", None),
    ("ENT2", "Banque Coopérative du Lien (fictive)", "entreprise", None),
    ("ENT3", "Groupe Énergie Citoyenne (fictif)", "entreprise", None),
    ("ENT4", "Télécom Proximité (fictive)", "entreprise", None),
]

# id, name, investors, phase, natures, themes, territories, audiences, budget, start, end, sdgs
PROGRAMMES = [
    ("P01", "Fonds d'urgence associations", "INS1;FDN1", "urgence", "subvention", "modele_socio_eco", "FR",
     "association;fondation", 20_000_000, "2020-03-20", "2020-05-31", "1;8;17"),
    ("P02", "Prêts de trésorerie solidaires", "ENT2", "urgence", "pret;garantie", "modele_socio_eco", "FR",
     "structure_ess;association", 50_000_000, "2020-03-25", "2020-12-31", "8"),
    ("P03", "Diagnostic numérique express", "FDN3;ENT4", "urgence", "accompagnement;outil", "numerique", "FR",
     "association;tpe_pme", 3_000_000, "2020-04-01", "2020-05-31", "9;17"),
    ("P04", "Numérique solidaire en région", "FDN3", "relance", "formation;outil", "numerique;competences",
     "REG-84;REG-11", "association", 1_500_000, "2020-04-15", None, "4;9"),
    ("P05", "Permanences juridiques Covid", "INS3", "urgence", "accompagnement", "juridique", "REG-11;REG-53",
     "association;structure_ess", 800_000, "2020-04-01", "2020-09-30", "16"),
    ("P06", "Consolider son modèle économique", "INS2;FDN2;ENT1", "relance", "accompagnement;subvention",
     "modele_socio_eco;gouvernance", "REG-84;REG-93;REG-76", "association;structure_ess", 6_000_000,
     "2020-05-01", None, "8;17"),
    ("P07", "Dispositif local d'accompagnement renforcé", "INS1", "relance", "accompagnement",
     "modele_socio_eco;rh_benevolat;gouvernance", "FR", "association;structure_ess", 12_000_000, "2020-01-01",
     None, "8"),
    ("P08", "Bénévolat de compétences", "ENT1;ENT3", "relance", "mecenat_competences", "rh_benevolat;competences",
     "REG-44;REG-32", "association", 400_000, "2020-04-20", None, "4;17"),
    ("P09", "Fonds coopération territoriale", "FDN2", "structurel", "subvention", "cooperation",
     "DEP-69;DEP-13;DEP-33", "association;collectivite", 900_000, "2020-02-01", None, "11;17"),
    ("P10", "Chèque numérique TPE", "INS4", "relance", "subvention", "numerique", "FR", "tpe_pme", 30_000_000,
     "2020-05-15", None, "8;9"),
    ("P11", "Former les accompagnateurs", "FDN4", "structurel", "formation", "competences;numerique",
     "REG-52;REG-53", "reseau_accompagnement", 700_000, "2020-03-01", None, "4"),
    ("P12", "Garantie ESS relance", "ENT2;INS2", "relance", "garantie", "modele_socio_eco", "REG-75;REG-76;REG-84",
     "structure_ess", 15_000_000, "2020-05-01", None, "8"),
    ("P13", "Évaluer l'utilité sociale", "FDN1", "structurel", "accompagnement;outil", "evaluation", "FR",
     "association;fondation;structure_ess", 500_000, "2019-09-01", None, "17"),
    ("P14", "Aide juridique aux collectivités", "INS3", "urgence", "accompagnement", "juridique", "REG-93",
     "collectivite", 300_000, "2020-04-01", "2020-06-15", "16"),
    ("P15", "Transformation numérique des réseaux", "ENT4;FDN3", "relance", "outil;formation", "numerique",
     "REG-28;REG-24;REG-27", "reseau_accompagnement;association", 1_200_000, "2020-05-01", None, "9"),
    ("P16", "Fonds de rebond territorial", "INS2", "relance", "pret", "modele_socio_eco", "REG-32;REG-44",
     "association;structure_ess;tpe_pme", 8_000_000, "2020-05-10", None, "8;11"),
    ("P17", "Emplois associatifs aidés", "INS1;INS4", "relance", "subvention", "rh_benevolat", "FR",
     "association", 25_000_000, "2020-06-01", None, "8;10"),
    ("P18", "Gouvernance partagée", "FDN4", "structurel", "accompagnement", "gouvernance;cooperation",
     "DEP-35;DEP-44;DEP-29", "association", 250_000, "2020-01-15", None, "16;17"),
    ("P19", "Compétences numériques des bénévoles", "ENT3", "relance", "formation", "numerique;competences",
     "REG-75", "association", 350_000, "2020-06-01", None, "4"),
    ("P20", "Fonds d'urgence culture et sport", "FDN1;ENT1", "urgence", "subvention", "modele_socio_eco",
     "REG-11;REG-84;REG-93", "association", 4_000_000, "2020-03-25", "2020-05-31", "3;8"),
    ("P21", "Ingénierie de la relance en Occitanie", "INS3;FDN2", "relance", "accompagnement",
     "cooperation;competences", "REG-76", "reseau_accompagnement", 600_000, "2020-06-10", None, "17"),
    ("P22", "Mesure d'impact ESS", "ENT2", "structurel", "outil", "evaluation", "REG-53;REG-52", "structure_ess",
     150_000, "2020-02-01", None, "12;17"),
    ("P23", "Solidarité outre-mer", "INS1", "urgence", "subvention", "modele_socio_eco", "DEP-974",
     "association", 500_000, "2020-04-10", "2020-07-31", "1;10"),
    ("P24", "Plateforme d'outils partagés", "FDN3;FDN1;ENT4", "relance", "outil", "numerique;cooperation",
     "FR", "association;reseau_accompagnement", 2_000_000, "2020-06-15", None, "9;17"),
]
# Present in June only (started after the April snapshot's date or filed later).
JUNE_ONLY = {"P17", "P19", "P21", "P24"}

# The support ecosystem (issue 25): who delivers the programmes. Identifiers are fictitious: made of a fixed prefix
# and the key that passes the registers' checksum (identifiers.with_luhn), so that they are valid but name nobody.
# The story: two national networks carry most programmes with several funders; the Rhône's house of associations
# lives on one foundation's programme alone; a Hauts-de-France structure is present where needs are, but no
# programme funds it there.
# id, name, type, SIREN prefix (8 digits), RNA, territories
OPERATORS = [
    ("OPN1", "Réseau national des accompagnateurs associatifs (fictif)", "reseau_national", "90000001", None, "FR"),
    ("OPN2", "Réseau Numérique Solidaire (fictif)", "reseau_national", "90000002", None, "FR"),
    ("OPT1", "Maison des associations du Rhône (fictive)", "structure_territoriale", None, "W691000001", "DEP-69"),
    ("OPT2", "Point d'appui coopération Occitanie (fictif)", "structure_territoriale", "90000004", None, "REG-76"),
    ("OPT3", "Collectif d'accompagnement de l'Ouest (fictif)", "association", None, "W351000002",
     "DEP-35;DEP-44;DEP-29"),
    ("OPT4", "Agence solidaire des Hauts-de-France (fictive)", "association", "90000006", "W593000003", "REG-32"),
]
PROGRAMME_OPERATORS = {
    "P01": "OPN1", "P07": "OPN1", "P13": "OPN1", "P06": "OPN1",
    "P03": "OPN2", "P04": "OPN2", "P15": "OPN2", "P24": "OPN2",
    "P09": "OPT1", "P21": "OPT2", "P18": "OPT3",
}
INVESTOR_SIRENS = {"INS1": "90000007", "FDN1": "90000008", "FDN2": "90000009"}


def operator_frame() -> pd.DataFrame:
    """The demo's operators, with fictitious identifiers that pass the checksum."""
    rows = []
    for oid, nom, kind, siren, rna, ter in OPERATORS:
        siren = with_luhn(siren) if siren else None
        rows.append({"id": oid, "nom": nom, "type": kind, "siren": siren,
                     "siret": with_luhn(siren + "0001") if siren else None, "rna": rna,
                     "territoires": ter.split(";"), "site_web": None})
    return pd.DataFrame(rows)

# The follow-through: what the investors decided together at the first session (24/04), as known at the end of
# April, and what became of it by the second session (30/06): one late, one dropped, joint ones, one done (it
# became the shared tools platform, P24), and one more noted at the second session.
FIRST_SESSION, SECOND_SESSION = "Séance du 24/04", "Séance du 30/06"
# id, investors, themes, territories, status in April, status in June, amount, due date, programme, description
COMMITMENTS = [
    ("E01", "INS3;FDN2", "juridique", "REG-84;REG-76", "envisage", "engage", 400_000, "2020-12-31", None,
     "Permanences juridiques mutualisées dans deux régions sans aide juridique (fictif)"),
    ("E02", "FDN4", "competences;cooperation", "REG-44", "envisage", "envisage", 150_000, "2020-05-31", None,
     "Former les accompagnateurs du Grand Est (fictif)"),
    ("E03", "ENT3", "numerique", "DEP-974", "engage", "abandonne", 80_000, "2020-09-30", None,
     "Ateliers numériques à La Réunion (fictif)"),
    ("E04", "FDN3;FDN1", "numerique;cooperation", "FR", "envisage", "realise", 2_000_000, "2020-06-30", "P24",
     "Une plateforme d'outils partagés (fictif)"),
    ("E05", "ENT2", "modele_socio_eco", "REG-32", "engage", "engage", 2_000_000, "2020-09-30", None,
     "Prêts d'honneur pour les associations des Hauts-de-France (fictif)"),
]
JUNE_COMMITMENTS = [
    ("E06", "INS2;ENT1", "juridique", "REG-32;REG-44", None, "envisage", 250_000, "2020-12-31", None,
     "Un fonds pour les difficultés juridiques nées de la crise (fictif)"),
]
# What programmes reached, declared at the end of June: programme, territory, theme, beneficiaries, disbursed, SDGs
RESULTS = [
    ("P01", "DEP-75", "modele_socio_eco", 120, 2_500_000, ""),
    ("P01", "DEP-13", "modele_socio_eco", 80, 1_200_000, ""),
    ("P01", "REG-84", "modele_socio_eco", 60, 900_000, ""),
    ("P06", "DEP-69", "modele_socio_eco", 25, 600_000, "8"),
    ("P06", "REG-93", "gouvernance", 10, None, "17"),
    ("P07", "DEP-59", "rh_benevolat", 40, None, ""),
    ("P09", "DEP-69", "cooperation", 12, 150_000, "11"),
    ("P13", "FR", "evaluation", 30, 80_000, ""),
    ("P23", "DEP-974", "modele_socio_eco", 35, 400_000, "1"),
]

SECTORS = ["culture", "sport", "social", "santé", "éducation", "environnement", "insertion", "jeunesse"]


def _weights(keys: list[str], heavy: dict[str, float]) -> np.ndarray:
    w = np.array([heavy.get(k, 1.0) for k in keys], dtype=float)
    return w / w.sum()


def needs(n: int, *, seed: int = 2020, as_of: dt.date = JUNE, growth: float = 1.0) -> pd.DataFrame:
    """``n`` need signals in contract form (typed values, lists as lists), deterministic for a seed."""
    rng = np.random.default_rng(seed)
    terr = [t for t in territories().values() if t.level in ("region", "departement") and t.key != "FR"]
    keys = [t.key for t in terr] + ["FR"]
    # départements mostly, regions sometimes; the three overseas lands with few but intense signals
    heavy = {k: 0.35 for k in keys if k.startswith("REG")} | {"FR": 2.0, "DEP-75": 3, "DEP-13": 3, "DEP-69": 3,
                                                            "DEP-59": 3, "DEP-33": 2, "DEP-31": 2}
    territoire = rng.choice(keys, size=n, p=_weights(keys, heavy))
    # stored keys are canonical (an overseas region is its département), as the importer stores them
    territoire = np.array([canonical(str(k)) for k in territoire], dtype=object)
    themes = [t.code for t in default_themes()]
    theme_w = {"modele_socio_eco": 5, "numerique": 4, "juridique": 3.5, "rh_benevolat": 2, "competences": 1.5}
    source = rng.choice(["terrain", "ingenierie"], size=n, p=[0.72, 0.28])
    thematique = rng.choice(themes, size=n, p=_weights(themes, theme_w))
    # the support ecosystem voices skills and cooperation needs
    eco = source == "ingenierie"
    thematique[eco] = rng.choice(themes, size=int(eco.sum()),
                                 p=_weights(themes, {"competences": 5, "cooperation": 4, "modele_socio_eco": 3,
                                                     "numerique": 2}))
    intensity = np.clip(rng.normal(3.0 * growth, 1.0, size=n).round(), 1, 5).astype(int)
    intensity[np.isin(thematique, ["juridique", "modele_socio_eco"])] = np.minimum(
        intensity[np.isin(thematique, ["juridique", "modele_socio_eco"])] + 1, 5)
    actors = np.maximum(1, rng.geometric(0.18, size=n))
    audiences = list(AUDIENCES)
    public = rng.choice(audiences, size=n, p=_weights(audiences, {"association": 6, "structure_ess": 2,
                                                                  "collectivite": 1.2}))
    public[eco] = "reseau_accompagnement"
    secteur = rng.choice(SECTORS, size=n)
    days = rng.integers(0, 50, size=n)
    date = [as_of - dt.timedelta(days=int(d)) for d in days]
    odd_pool = [[8], [1, 10], [4], [9], [16], [17], [8, 17], [3], [11]]
    odd = [odd_pool[i] for i in rng.integers(0, len(odd_pool), size=n)]
    frame = pd.DataFrame({
        "territoire": territoire, "source": source, "thematique": thematique, "intensite": intensity,
        "nb_acteurs": actors, "public": public, "secteur": secteur, "date": date,
        "description": [None] * n, "odd": odd, "id": [f"B{seed % 100:02d}-{i + 1:07d}" for i in range(n)],
    })
    return frame


def demo_frames(as_of: dt.date) -> dict[str, pd.DataFrame]:
    """The demo inventory at the end of April or the end of June."""
    june = as_of >= JUNE
    inv = pd.DataFrame(INVESTORS, columns=["id", "nom", "type", "site_web"])
    # reserved example addresses (RFC 2606): a demo digest has recipients, and nobody real receives it
    inv["contact"] = [f"suivi+{i.lower()}@example.org" for i in inv["id"]]
    inv["siren"] = [with_luhn(INVESTOR_SIRENS[i]) if i in INVESTOR_SIRENS else None for i in inv["id"]]
    inv["rna"] = None
    rows = []
    for (pid, nom, invs, phase, nat, th, ter, pub, budget, start, end, odd) in PROGRAMMES:
        if pid in JUNE_ONLY and not june:
            continue
        rows.append({
            "id": pid, "nom": nom + " (fictif)", "investisseurs": invs.split(";"), "phase": phase,
            "nature": nat.split(";"), "thematiques": th.split(";"), "territoires": ter.split(";"),
            "publics": pub.split(";"), "budget_eur": float(budget),
            "date_debut": dt.date.fromisoformat(start) if start else None,
            "date_fin": dt.date.fromisoformat(end) if end else None,
            "odd": [int(x) for x in odd.split(";")], "url": None,
            "description": "Programme fictif de démonstration.",
            "operateurs": PROGRAMME_OPERATORS[pid].split(";") if pid in PROGRAMME_OPERATORS else [],
        })
    prog = pd.DataFrame(rows)
    need = needs(260, seed=2004, as_of=APRIL)
    if june:  # the April signals stay; new ones arrive, more intense
        need = pd.concat([need, needs(160, seed=2006, as_of=JUNE, growth=1.1)], ignore_index=True)
    return {"investisseurs": inv, "programmes": prog, "besoins": need, "operateurs": operator_frame(),
            **followup_frames(as_of)}


def followup_frames(as_of: dt.date) -> dict[str, pd.DataFrame]:
    """The demo's commitments (and, in June, results) at the end of April or the end of June."""
    june = as_of >= JUNE
    rows = []
    for (eid, invs, th, ter, april, status, amount, due, prog, desc) in COMMITMENTS + (JUNE_COMMITMENTS if june else []):
        rows.append({
            "id": eid, "investisseurs": invs.split(";"), "thematiques": th.split(";"), "territoires": ter.split(";"),
            "statut": status if june else april, "montant_eur": float(amount),
            "date": dt.date(2020, 6, 30) if eid in {e[0] for e in JUNE_COMMITMENTS} else dt.date(2020, 4, 24),
            "echeance": dt.date.fromisoformat(due), "programme": prog if june else None,
            "session": SECOND_SESSION if eid in {e[0] for e in JUNE_COMMITMENTS} else FIRST_SESSION,
            "description": desc,
        })
    out = {"engagements": pd.DataFrame(rows)}
    if june:
        out["realisations"] = pd.DataFrame([{
            "programme": prog, "territoire": ter, "thematique": th, "beneficiaires": n,
            "montant_verse_eur": None if paid is None else float(paid), "date": JUNE,
            "odd": [int(x) for x in odd.split(";")] if odd else [], "indicateur": None, "valeur": None,
            "commentaire": "Déclaré par le porteur (fictif).",
        } for prog, ter, th, n, paid, odd in RESULTS])
    return out


def synthetic_frames(n_needs: int, n_programmes: int, *, seed: int = 7, as_of: dt.date = JUNE,
                     n_commitments: int = 0, n_results: int = 0) -> dict[str, pd.DataFrame]:
    """A large fictitious inventory for benchmarks: ``n_needs`` needs, ``n_programmes`` programmes, and as many
    commitments and results as asked."""
    rng = np.random.default_rng(seed)
    n_inv = max(12, n_programmes // 50)
    inv = pd.DataFrame({
        "id": [f"I{i:05d}" for i in range(n_inv)], "nom": [f"Investisseur fictif {i}" for i in range(n_inv)],
        "type": rng.choice(["institution", "fondation", "entreprise"], size=n_inv), "site_web": [None] * n_inv,
        "contact": [None] * n_inv,
    })
    keys = [k for k in territories() if k in ("FR",) or k.startswith(("REG", "DEP"))]
    themes = [t.code for t in default_themes()]
    m = n_programmes
    level = rng.choice(3, size=m, p=[0.1, 0.4, 0.5])
    regs = [k for k in keys if k.startswith("REG") and canonical(k) == k]
    deps = [k for k in keys if k.startswith("DEP")]
    terr = [["FR"] if lv == 0 else list(rng.choice(regs if lv == 1 else deps, size=rng.integers(1, 4), replace=False))
            for lv in level]
    start = [dt.date(2020, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 200, size=m)]
    end = [s + dt.timedelta(days=int(d)) if d < 300 else None for s, d in zip(start, rng.integers(30, 600, size=m))]
    prog = pd.DataFrame({
        "id": [f"P{i:06d}" for i in range(m)], "nom": [f"Programme fictif {i}" for i in range(m)],
        "investisseurs": [list(rng.choice(inv["id"], size=rng.integers(1, 3), replace=False)) for _ in range(m)],
        "phase": rng.choice(["urgence", "relance", "structurel"], size=m),
        "nature": [[str(x)] for x in rng.choice(["subvention", "pret", "accompagnement", "formation"], size=m)],
        "thematiques": [list(rng.choice(themes, size=rng.integers(1, 3), replace=False)) for _ in range(m)],
        "territoires": terr, "publics": [[str(x)] for x in rng.choice(list(AUDIENCES), size=m)],
        "budget_eur": rng.integers(10_000, 5_000_000, size=m).astype(float),
        "date_debut": start, "date_fin": end, "odd": [[int(x)] for x in rng.integers(1, 18, size=m)],
        "url": [None] * m, "description": [None] * m,
    })
    frames = {"investisseurs": inv, "programmes": prog, "besoins": needs(n_needs, seed=seed, as_of=as_of)}
    if n_commitments:
        frames["engagements"] = _synthetic_commitments(rng, n_commitments, inv["id"], regs, deps, themes)
    if n_results:
        frames["realisations"] = _synthetic_results(rng, n_results, prog, deps)
    return frames


def _synthetic_commitments(rng: np.random.Generator, n: int, investors: pd.Series, regs: list[str], deps: list[str],
                           themes: list[str]) -> pd.DataFrame:
    level = rng.choice(3, size=n, p=[0.05, 0.45, 0.5])
    terr = [["FR"] if lv == 0 else list(rng.choice(regs if lv == 1 else deps, size=rng.integers(1, 3), replace=False))
            for lv in level]
    decided = [dt.date(2020, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 170, size=n)]
    return pd.DataFrame({
        "id": [f"E{i:06d}" for i in range(n)],
        "investisseurs": [list(rng.choice(investors, size=rng.integers(1, 3), replace=False)) for _ in range(n)],
        "thematiques": [list(rng.choice(themes, size=rng.integers(1, 3), replace=False)) for _ in range(n)],
        "territoires": terr,
        "statut": rng.choice(["envisage", "engage", "realise", "abandonne"], size=n, p=[0.3, 0.4, 0.2, 0.1]),
        "montant_eur": rng.integers(5_000, 2_000_000, size=n).astype(float), "date": decided,
        "echeance": [d + dt.timedelta(days=int(x)) for d, x in zip(decided, rng.integers(20, 300, size=n))],
        "programme": [None] * n, "session": ["Séance (fictive)"] * n, "description": [None] * n,
    })


def _synthetic_results(rng: np.random.Generator, n: int, prog: pd.DataFrame, deps: list[str]) -> pd.DataFrame:
    """Results of random programmes, each in one of its programme's territories and themes."""
    pick = rng.integers(0, len(prog), size=n)
    territories, themes = prog["territoires"].to_numpy(), prog["thematiques"].to_numpy()
    return pd.DataFrame({
        "programme": prog["id"].to_numpy()[pick],
        "territoire": [territories[i][int(rng.integers(0, len(territories[i])))] for i in pick],
        "thematique": [themes[i][int(rng.integers(0, len(themes[i])))] for i in pick],
        "beneficiaires": rng.integers(0, 200, size=n), "montant_verse_eur": rng.integers(0, 500_000, size=n).astype(float),
        "date": [JUNE] * n, "odd": [[int(x)] for x in rng.integers(1, 18, size=n)], "indicateur": [None] * n,
        "valeur": [None] * n, "commentaire": [None] * n,
    })


def load_demo(store) -> list[int]:
    """Write the two demo snapshots (April, then June, June active); return their ids."""
    from inventory import texts
    from inventory.intake.importer import to_tables

    ids = []
    for as_of, label in ((APRIL, texts.DEMO_LABEL_APRIL), (JUNE, texts.DEMO_LABEL_JUNE)):
        sid, _ = store.write_snapshot(to_tables(demo_frames(as_of)), label=label, as_of=as_of,
                                      files="démo générée", demo=True, created_by="démo")
        ids.append(sid)
    return ids


def load_synthetic(store, n_needs: int, n_programmes: int, *, seed: int = 7, n_commitments: int = 0,
                   n_results: int = 0) -> int:
    from inventory import texts
    from inventory.intake.importer import to_tables

    frames = synthetic_frames(n_needs, n_programmes, seed=seed, n_commitments=n_commitments, n_results=n_results)
    sid, _ = store.write_snapshot(to_tables(frames),
                                  label=texts.DEMO_LABEL_SYNTHETIC.format(needs=n_needs, programmes=n_programmes),
                                  as_of=JUNE, files="générateur", demo=True, created_by="bench")
    return sid
