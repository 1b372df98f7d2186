"""Reference data shipped in data/: territories, themes, SDGs, challenges, map outlines.

Territory keys are the ones the whole product speaks: ``FR`` (national), ``REG-84`` (a region),
``DEP-69`` (a département). Overseas regions are a single département: their canonical key is the
département's (``DEP-974``), whose region is ``REG-04``.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from inventory import texts as T

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GEO_DIR = DATA_DIR / "geo"
REFERENCE_DIR = DATA_DIR / "reference"

NATIONAL = "FR"

MAP_ATTRIBUTION = T.MAP_ATTRIBUTION  # pages still read it here; its text lives in texts

AUDIENCES: dict[str, str] = {
    "association": "Associations",
    "fondation": "Fondations",
    "structure_ess": "Structures de l'ESS",
    "collectivite": "Collectivités",
    "tpe_pme": "TPE / PME",
    "reseau_accompagnement": "Réseaux d'accompagnement",
}
PHASES: dict[str, str] = {"urgence": "Urgence", "relance": "Relance", "structurel": "Structurel"}
SUPPORT_TYPES: dict[str, str] = {
    "subvention": "Subvention",
    "pret": "Prêt",
    "garantie": "Garantie",
    "accompagnement": "Accompagnement",
    "formation": "Formation",
    "outil": "Outil",
    "mecenat_competences": "Mécénat de compétences",
    "autre": "Autre",
}
INVESTOR_TYPES: dict[str, str] = {"institution": "Institution", "fondation": "Fondation", "entreprise": "Entreprise"}
SOURCES: dict[str, str] = {"terrain": "Acteurs de terrain", "ingenierie": "Écosystème d'accompagnement (ingénierie)"}


def fold(text: object) -> str:
    """Case-, accent-, space- and punctuation-insensitive form used to match names typed by people."""
    # separators first: typographic apostrophes and dashes (Excel's autocorrect) are not ASCII and would vanish
    s = re.sub(r"[\s_\-'’‘ʼ.‐‑‒–—]+", " ", unicodedata.normalize("NFKD", str(text)))
    s = s.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r" +", " ", s).strip()


@dataclass(frozen=True)
class Territory:
    key: str  # FR, REG-84, DEP-69
    level: str  # pays, region, departement
    code: str  # INSEE code
    nom: str
    region_key: str  # the region it rolls up to (itself for a region, FR for FR)


@lru_cache(maxsize=1)
def territories() -> dict[str, Territory]:
    """Every territory by key, in the order of territories.csv (FR, regions, départements)."""
    out: dict[str, Territory] = {}
    with open(GEO_DIR / "territories.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            level, code, nom, parent = row["level"], row["code"], row["nom"], row["parent_code"]
            if level == "pays":
                out[NATIONAL] = Territory(NATIONAL, level, code, nom, NATIONAL)
            elif level == "region":
                key = f"REG-{code}"
                out[key] = Territory(key, level, code, nom, key)
            else:
                out[f"DEP-{code}"] = Territory(f"DEP-{code}", level, code, nom, f"REG-{parent}")
    return out


@lru_cache(maxsize=1)
def overseas_region_to_departement() -> dict[str, str]:
    """REG-04 → DEP-974: regions made of exactly one département."""
    by_region: dict[str, list[str]] = {}
    for t in territories().values():
        if t.level == "departement":
            by_region.setdefault(t.region_key, []).append(t.key)
    return {reg: deps[0] for reg, deps in by_region.items() if len(deps) == 1}


def canonical(key: str) -> str:
    """The one key a land is stored under (an overseas region becomes its département)."""
    return overseas_region_to_departement().get(key, key)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for t in territories().values():
        names.setdefault(fold(t.nom), canonical(t.key))
    for alias in ("national", "nationale", "france", "fr", "france entiere", "toute la france", "metropole et outre mer"):
        names[alias] = NATIONAL
    return names


_CODE = re.compile(r"^(?:(reg|dep|r|d)\s*)?([0-9]{1,3}|2a|2b)$")


@lru_cache(maxsize=4096)
def resolve_territory(raw: object) -> str | None:
    """The canonical territory key for what a person typed, or None when it names nothing known.

    Accepts names (any case, with or without accents), ``FR``/``National``, ``REG-84``, ``DEP-69``
    and bare département numbers (``69``, ``2A``, ``974``: a bare number always means a département).
    """
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = fold(raw)
    if not text:
        return None
    if text in _names():
        return _names()[text]
    m = _CODE.match(text.replace(" ", ""))
    if not m:
        return None
    prefix, code = m.group(1), m.group(2).upper()
    if code.isdigit() and len(code) < 2:
        code = code.zfill(2)
    key = f"REG-{code}" if prefix in ("reg", "r") else f"DEP-{code}"
    return canonical(key) if key in territories() else None


# The regions merged on 1 January 2016, still typed by many: their name → the region to write instead.
_FORMER_REGIONS = {
    "Alsace": "Grand Est", "Champagne-Ardenne": "Grand Est", "Lorraine": "Grand Est",
    "Aquitaine": "Nouvelle-Aquitaine", "Limousin": "Nouvelle-Aquitaine", "Poitou-Charentes": "Nouvelle-Aquitaine",
    "Auvergne": "Auvergne-Rhône-Alpes", "Rhône-Alpes": "Auvergne-Rhône-Alpes",
    "Bourgogne": "Bourgogne-Franche-Comté", "Franche-Comté": "Bourgogne-Franche-Comté",
    "Languedoc-Roussillon": "Occitanie", "Midi-Pyrénées": "Occitanie",
    "Nord-Pas-de-Calais": "Hauts-de-France", "Picardie": "Hauts-de-France",
    "Basse-Normandie": "Normandie", "Haute-Normandie": "Normandie", "Centre": "Centre-Val de Loire",
}
_FORMER_REGION_KEYS = {fold(k): v for k, v in _FORMER_REGIONS.items()}


def former_region(typed: object) -> str | None:
    """The region to write instead of a region merged in 2016 (« Alsace » → « Grand Est »), else None."""
    return _FORMER_REGION_KEYS.get(fold(typed))


@dataclass(frozen=True)
class Theme:
    code: str
    libelle: str
    description: str = ""


@lru_cache(maxsize=1)
def default_themes() -> tuple[Theme, ...]:
    with open(REFERENCE_DIR / "thematiques.csv", encoding="utf-8") as fh:
        return tuple(Theme(r["code"], r["libelle"], r["description"]) for r in csv.DictReader(fh))


@lru_cache(maxsize=1)
def sdgs() -> dict[int, str]:
    with open(REFERENCE_DIR / "odd.csv", encoding="utf-8") as fh:
        return {int(r["numero"]): r["libelle"] for r in csv.DictReader(fh)}


@lru_cache(maxsize=2)
def plotly_locale(language: str = "fr") -> dict:
    """plotly.js's locale for ``language`` ({"dictionary", "format"}), shipped in data/reference (see its README)."""
    return json.loads((REFERENCE_DIR / f"plotly_locale_{language}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def challenges() -> list[dict]:
    """The three challenges with their demand and first leads (editable in data/reference/defis.json)."""
    return json.loads((REFERENCE_DIR / "defis.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def geojson(level: str) -> dict:
    """Map outlines with feature ids equal to our territory keys (REG-84, DEP-69).

    """
    name = "regions" if level == "region" else "departements"
    data = json.loads((GEO_DIR / f"{name}.geojson").read_text(encoding="utf-8"))
    for feat in data["features"]:
        code = feat["properties"]["code"]
        key = f"REG-{code}" if level == "region" else f"DEP-{code}"
        feat["id"] = key
        feat["properties"] = {"key": key, "nom": feat["properties"]["nom"]}
    return data
