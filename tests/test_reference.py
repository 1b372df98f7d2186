"""Reference data: territories by every accepted spelling, overseas lands, themes, SDGs, map outlines."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory import reference as ref
from inventory.reference import canonical, fold, former_region, resolve_territory, territories

TERRITORIES = list(territories().values())
DEPARTEMENTS = [t for t in TERRITORIES if t.level == "departement"]
REGIONS = [t for t in TERRITORIES if t.level == "region"]
OVERSEAS = {"REG-01": "DEP-971", "REG-02": "DEP-972", "REG-03": "DEP-973", "REG-04": "DEP-974", "REG-06": "DEP-976"}


def test_geography_is_complete():
    assert territories()["FR"].level == "pays"
    assert len(REGIONS) == 18  # 13 metropolitan + 5 overseas
    assert len(DEPARTEMENTS) == 101
    assert all(t.region_key in territories() for t in DEPARTEMENTS)
    assert territories()["DEP-69"].region_key == "REG-84"
    assert territories()["DEP-2A"].region_key == "REG-94"


@pytest.mark.parametrize("typed, key", [
    ("FR", "FR"), ("fr", "FR"), ("National", "FR"), ("NATIONALE", "FR"), ("France", "FR"),
    ("Auvergne-Rhône-Alpes", "REG-84"), ("auvergne rhone alpes", "REG-84"), ("AUVERGNE-RHONE-ALPES", "REG-84"),
    ("Île-de-France", "REG-11"), ("ile de france", "REG-11"), ("Provence-Alpes-Côte d'Azur", "REG-93"),
    ("Rhône", "DEP-69"), ("rhone", "DEP-69"), ("RHÔNE", "DEP-69"), ("  Rhône  ", "DEP-69"),
    ("Côtes-d'Armor", "DEP-22"), ("cotes d armor", "DEP-22"), ("Corse-du-Sud", "DEP-2A"),
    ("REG-84", "REG-84"), ("reg-84", "REG-84"), ("REG 84", "REG-84"), ("DEP-69", "DEP-69"), ("dep-69", "DEP-69"),
    ("69", "DEP-69"), (69, "DEP-69"), (69.0, "DEP-69"), ("2A", "DEP-2A"), ("2a", "DEP-2A"), ("DEP-2B", "DEP-2B"),
    ("1", "DEP-01"), (1, "DEP-01"), ("01", "DEP-01"), ("974", "DEP-974"), (974, "DEP-974"), ("75", "DEP-75"),
])
def test_every_accepted_spelling(typed, key):
    assert resolve_territory(typed) == key


@pytest.mark.parametrize("typed", ["Atlantide", "REG-99", "DEP-99", "100", "99", "", "   ", None, "REG-", "69000"])
def test_unknown_territories_resolve_to_nothing(typed):
    assert resolve_territory(typed) is None


@pytest.mark.parametrize("region, dep", sorted(OVERSEAS.items()))
def test_overseas_region_is_its_single_departement(region, dep):
    code = dep.split("-")[1]
    spellings = [region, region.lower(), dep, code, int(code), territories()[region].nom,
                 fold(territories()[region].nom).upper(), territories()[dep].nom]
    assert {resolve_territory(s) for s in spellings} == {dep}
    assert canonical(region) == dep
    assert territories()[dep].region_key == region


def test_la_reunion_shared_name_is_never_an_error():
    for typed in ("La Réunion", "la reunion", "LA RÉUNION", "REG-04", "974", "DEP-974", "Reunion"):
        got = resolve_territory(typed)
        assert got in ("DEP-974", None)
    assert resolve_territory("La Réunion") == resolve_territory("REG-04") == resolve_territory("974") == "DEP-974"


def test_metropolitan_regions_are_not_folded_into_a_departement():
    assert canonical("REG-84") == "REG-84"
    assert canonical("REG-94") == "REG-94"  # Corse has two départements


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TERRITORIES), st.sampled_from(["key", "nom", "nom_folded", "nom_upper", "code"]))
def test_every_territory_resolves_to_the_same_key_however_written(t, form):
    """Key, name (any case, with or without accents) and, for a département, the bare code: one key."""
    expected = canonical(t.key)
    if form == "key":
        typed = t.key
    elif form == "nom":
        typed = t.nom
    elif form == "nom_folded":
        typed = fold(t.nom)
    elif form == "nom_upper":
        typed = t.nom.upper()
    else:
        typed = t.code if t.level == "departement" else t.key.replace("REG-", "reg ") if t.level == "region" else "FR"
    assert resolve_territory(typed) == expected


def test_regions_merged_in_2016_name_the_region_to_write_instead():
    assert former_region("Alsace") == "Grand Est"
    assert former_region("midi pyrenees") == "Occitanie"  # any case, accents or dashes
    assert former_region("Centre") == "Centre-Val de Loire"
    assert former_region("Grand Est") is None  # today's regions are no former ones
    assert resolve_territory("Alsace") is None  # never taken for a territory: the parser explains it


def test_fold_ignores_case_accents_spaces_and_punctuation():
    assert fold("  Thématique ") == fold("thematique") == fold("THEMATIQUE") == "thematique"
    assert fold("Nombre d'acteurs") == fold("nombre_d’acteurs") == "nombre d acteurs"


def test_default_themes_sdgs_and_closed_lists():
    codes = [t.code for t in ref.default_themes()]
    assert codes == ["modele_socio_eco", "numerique", "juridique", "rh_benevolat", "gouvernance", "cooperation",
                     "evaluation", "competences"]
    assert all(t.libelle for t in ref.default_themes())
    assert sorted(ref.sdgs()) == list(range(1, 18))
    assert all(ref.sdgs().values())
    assert list(ref.AUDIENCES) == ["association", "fondation", "structure_ess", "collectivite", "tpe_pme",
                                   "reseau_accompagnement"]
    assert list(ref.PHASES) == ["urgence", "relance", "structurel"]
    assert list(ref.SUPPORT_TYPES) == ["subvention", "pret", "garantie", "accompagnement", "formation", "outil",
                                       "mecenat_competences", "autre"]
    assert list(ref.INVESTOR_TYPES) == ["institution", "fondation", "entreprise"]
    assert list(ref.SOURCES) == ["terrain", "ingenierie"]
    assert len(ref.challenges()) == 3


@pytest.mark.parametrize("level", ["region", "departement"])
def test_map_outlines_use_territory_keys(level):
    data = ref.geojson(level)
    ids = {f["id"] for f in data["features"]}
    expected = {t.key for t in (REGIONS if level == "region" else DEPARTEMENTS)}
    assert ids == expected
    assert ref.MAP_ATTRIBUTION
