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
from typing import Iterator, Mapping

from inventory import texts as T

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GEO_DIR = DATA_DIR / "geo"
REFERENCE_DIR = DATA_DIR / "reference"

NATIONAL = "FR"

class Labels(Mapping[str, str]):
    """A closed list: its codes (fixed, in the contract's order) and their labels in the run's language, read
    from the text table ``key`` at each access (``AUDIENCES["association"]`` is « Associations » in French,
    « Associations » in English too, ``PHASES["urgence"]`` « Urgence » or « Emergency »). Never frozen at
    import."""

    def __init__(self, key: str) -> None:
        self.key = key

    def _labels(self) -> dict[str, str]:
        return getattr(T, self.key)

    def __getitem__(self, code: str) -> str:
        return self._labels()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(T.TABLES[T.DEFAULT][self.key])

    def __len__(self) -> int:
        return len(T.TABLES[T.DEFAULT][self.key])

    def every_language(self) -> list[tuple[str, str]]:
        """(code, label) in every language: what people may type for a code."""
        return [(code, table[self.key][code]) for table in T.TABLES.values() for code in self]

    def __repr__(self) -> str:
        return f"Labels({self.key!r}: {dict(self)!r})"


AUDIENCES = Labels("AUDIENCE_LABELS")
PHASES = Labels("PHASE_LABELS")
SUPPORT_TYPES = Labels("SUPPORT_TYPE_LABELS")
INVESTOR_TYPES = Labels("INVESTOR_TYPE_LABELS")
SOURCES = Labels("SOURCE_LABELS")


def __getattr__(name: str):  # PEP 562: reference.MAP_ATTRIBUTION in the run's language, never frozen at import
    if name == "MAP_ATTRIBUTION":
        return T.MAP_ATTRIBUTION
    raise AttributeError(name)


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
    libelle: str  # the French label, as stored in every snapshot's thematiques
    description: str = ""
    libelle_en: str = ""
    description_en: str = ""


@lru_cache(maxsize=1)
def default_themes() -> tuple[Theme, ...]:
    with open(REFERENCE_DIR / "thematiques.csv", encoding="utf-8") as fh:
        return tuple(Theme(r["code"], r["libelle"], r["description"], r.get("libelle_en") or r["libelle"],
                           r.get("description_en") or r["description"]) for r in csv.DictReader(fh))


def theme_label(code: str, stored: str) -> str:
    """A theme's label in the run's language: a default theme still carrying its default French label gets the
    language's label; a theme the inventory defined (or relabelled) keeps the label people typed."""
    if T.language() == T.DEFAULT:
        return stored
    for theme in default_themes():
        if theme.code == code and theme.libelle == stored:
            return theme.libelle_en
    return stored


@lru_cache(maxsize=1)
def _sdgs() -> tuple[dict[int, str], dict[int, str]]:
    with open(REFERENCE_DIR / "odd.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return ({int(r["numero"]): r["libelle"] for r in rows},
            {int(r["numero"]): r.get("libelle_en") or r["libelle"] for r in rows})


def sdgs() -> dict[int, str]:
    """SDG number → its name in the run's language."""
    french, english = _sdgs()
    return dict(english if T.language() == "en" else french)


@lru_cache(maxsize=2)
def plotly_locale(language: str = "fr") -> dict:
    """plotly.js's locale for ``language`` ({"dictionary", "format"}), shipped in data/reference (see its README)."""
    return json.loads((REFERENCE_DIR / f"plotly_locale_{language}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _challenges() -> list[dict]:
    return json.loads((REFERENCE_DIR / "defis.json").read_text(encoding="utf-8"))


def challenges() -> list[dict]:
    """The three challenges with their demand and first leads in the run's language (editable in
    data/reference/defis.json: the French text, and its translation under each challenge's « en »)."""
    language = T.language()
    return [{k: v for k, v in c.items() if k != "en"} | (c.get(language) or {}) for c in _challenges()]


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
