"""The pydantic models are the single definition of the contract (docs/contract.md)."""
from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from inventory.models import SHEETS, Besoin, Investisseur, Programme, Thematique
from inventory.store import SHEET_COLUMNS

CONTRACT = {  # docs/contract.md: column [English alias]
    "investisseurs": {"id": "id", "nom": "name", "type": "type", "site_web": "website", "siren": "siren",
                      "rna": "rna", "contact": "contact"},
    "programmes": {"id": "id", "nom": "name", "investisseurs": "investors", "phase": "phase",
                   "nature": "support_type", "thematiques": "themes", "territoires": "territories",
                   "publics": "audiences", "budget_eur": "budget_eur", "date_debut": "start", "date_fin": "end",
                   "odd": "sdg", "url": "url", "description": "description", "operateurs": "operators",
                   "date_limite_candidature": "application_deadline"},
    "besoins": {"territoire": "territory", "source": "source", "thematique": "theme", "intensite": "intensity",
                "nb_acteurs": "actors", "public": "audience", "secteur": "sector", "date": "date",
                "description": "description", "odd": "sdg", "id": "id"},
    "thematiques": {"code": "code", "libelle": "label"},
    "engagements": {"id": "id", "investisseurs": "investors", "thematiques": "themes", "territoires": "territories",
                    "statut": "status", "montant_eur": "amount_eur", "date": "date", "echeance": "due",
                    "programme": "programme", "session": "session", "description": "description"},
    "realisations": {"programme": "programme", "territoire": "territory", "thematique": "theme",
                     "beneficiaires": "beneficiaries", "montant_verse_eur": "disbursed_eur", "date": "date",
                     "odd": "sdg", "indicateur": "indicator", "valeur": "value", "commentaire": "comment"},
    "operateurs": {"id": "id", "nom": "name", "type": "type", "siren": "siren", "siret": "siret", "rna": "rna",
                   "territoires": "territories", "site_web": "website"},
}
REQUIRED = {
    "investisseurs": {"id", "nom", "type"},
    "programmes": {"id", "nom", "investisseurs", "phase", "thematiques", "territoires"},
    "besoins": {"territoire", "source", "thematique", "intensite"},
    "thematiques": {"code", "libelle"},
    "engagements": {"investisseurs", "thematiques", "territoires", "statut"},
    "realisations": {"programme", "territoire", "thematique", "beneficiaires"},
    "operateurs": {"id", "nom", "type"},
}


def test_sheets_and_english_names():
    assert list(SHEETS) == ["investisseurs", "programmes", "besoins", "thematiques", "engagements", "realisations",
                            "operateurs"]
    assert {m.sheet_en for m in SHEETS.values()} == {"investors", "programmes", "needs", "themes", "commitments",
                                                     "results", "operators"}


@pytest.mark.parametrize("sheet", list(CONTRACT))
def test_columns_aliases_and_required_match_the_contract(sheet):
    cols = SHEETS[sheet].columns()
    assert {name: c["en"] for name, c in cols.items()} == CONTRACT[sheet]
    assert {name for name, c in cols.items() if c["required"]} == REQUIRED[sheet]
    assert all(c["title"] and c["help"] for c in cols.values())
    assert list(cols) == SHEET_COLUMNS[sheet]  # the store's columns derive from the same definition


def test_closed_lists_carry_their_choices():
    assert Investisseur.columns()["type"]["choices"] == ["institution", "fondation", "entreprise"]
    assert Programme.columns()["phase"]["choices"] == ["urgence", "relance", "structurel"]
    assert Programme.columns()["nature"]["is_list"] and Programme.columns()["publics"]["is_list"]
    assert Besoin.columns()["source"]["choices"] == ["terrain", "ingenierie"]
    assert len(Besoin.columns()["public"]["choices"]) == 6


def test_a_need_as_people_type_it():
    b = Besoin.model_validate({"territoire": "rhône", "source": "Terrain", "thematique": " numerique ",
                               "intensite": "4", "public": "Associations", "date": "30/06/2020", "odd": "8;17"})
    assert (b.territoire, b.source, b.thematique, b.intensite, b.nb_acteurs) == ("DEP-69", "terrain", "numerique", 4, 1)
    assert b.public == "association"
    assert b.date == dt.date(2020, 6, 30)
    assert b.odd == [8, 17]
    assert b.id is None


def test_a_programme_as_people_type_it():
    prog = Programme.model_validate({
        "id": "P1", "nom": "Fonds", "investisseurs": "A; B", "phase": "Relance", "nature": "Prêt, subvention",
        "thematiques": "numerique;juridique", "territoires": "FR", "budget_eur": "1 234,5",
        "date_debut": "2020-04-01", "date_fin": dt.datetime(2020, 12, 31)})
    assert prog.investisseurs == ["A", "B"]
    assert prog.nature == ["pret", "subvention"]
    assert prog.budget_eur == 1234.5
    assert prog.publics == [] and prog.odd == []
    assert (prog.date_debut, prog.date_fin) == (dt.date(2020, 4, 1), dt.date(2020, 12, 31))


def test_errors_are_french_sentences_per_field():
    with pytest.raises(ValidationError) as exc:
        Besoin.model_validate({"territoire": "Atlantide", "source": "presse", "thematique": "x", "intensite": 7,
                               "nb_acteurs": 0})
    by_field = {e["loc"][0]: e["msg"] for e in exc.value.errors()}
    assert by_field["intensite"] == "7 n'est pas entre 1 et 5"
    assert by_field["nb_acteurs"] == "0 doit être au moins 1"
    assert by_field["source"].startswith("« presse » n'est pas une valeur permise")
    assert by_field["territoire"].startswith("territoire « Atlantide » inconnu")


def test_a_programme_needs_investors_themes_and_territories():
    with pytest.raises(ValidationError) as exc:
        Programme.model_validate({"id": "P1", "nom": "x", "investisseurs": "", "phase": "urgence",
                                  "thematiques": " ; ", "territoires": ""})
    assert {e["loc"][0] for e in exc.value.errors() if e["type"] == "too_short"} == {
        "investisseurs", "thematiques", "territoires"}


def test_end_before_start_is_refused():
    with pytest.raises(ValidationError) as exc:
        Programme.model_validate({"id": "P1", "nom": "x", "investisseurs": "A", "phase": "urgence",
                                  "thematiques": "numerique", "territoires": "FR", "date_debut": "30/06/2020",
                                  "date_fin": "01/06/2020"})
    assert "la date de fin 01/06/2020 précède la date de début 30/06/2020" in str(exc.value)
    same_day = Programme.model_validate({"id": "P1", "nom": "x", "investisseurs": "A", "phase": "urgence",
                                         "thematiques": "numerique", "territoires": "FR",
                                         "date_debut": "30/06/2020", "date_fin": "30/06/2020"})
    assert same_day.date_fin == same_day.date_debut


def test_theme_rows_and_investor_rows():
    assert Thematique.model_validate({"code": "mobilite", "libelle": "Mobilité"}).code == "mobilite"
    inv = Investisseur.model_validate({"id": "FDN1", "nom": "Fondation", "type": "Fondation"})
    assert (inv.type, inv.site_web) == ("fondation", None)


def test_a_commitment_status_is_read_with_or_without_accents_in_any_case():
    from inventory.models import Engagement

    base = {"investisseurs": "INV1", "thematiques": "juridique", "territoires": "Occitanie"}
    typed = {"envisagé": "envisage", "ENGAGÉ": "engage", "Réalisé": "realise", "abandonne": "abandonne",
             "Abandonné": "abandonne", "engage": "engage"}
    for raw, code in typed.items():
        assert Engagement.model_validate({**base, "statut": raw}).statut == code
    assert Engagement.columns()["statut"]["choices"] == ["envisage", "engage", "realise", "abandonne"]
    with pytest.raises(ValidationError, match="n'est pas une valeur permise"):
        Engagement.model_validate({**base, "statut": "promis"})


def test_a_commitment_due_before_its_decision_is_refused():
    from inventory.models import Engagement

    typed = {"investisseurs": "INV1;INV2", "thematiques": "juridique", "territoires": "34", "statut": "engage",
             "montant_eur": "1 500,5", "date": "24/04/2020", "echeance": "30/06/2020"}
    ok = Engagement.model_validate(typed)
    assert (ok.investisseurs, ok.territoires, ok.montant_eur) == (["INV1", "INV2"], ["DEP-34"], 1500.5)
    with pytest.raises(ValidationError, match="l'échéance 01/04/2020 précède la date de la décision 24/04/2020"):
        Engagement.model_validate({**typed, "echeance": "01/04/2020"})
    with pytest.raises(ValidationError, match="négatif"):
        Engagement.model_validate({**typed, "montant_eur": "-3"})


def test_a_result_as_people_type_it():
    from inventory.models import Realisation

    r = Realisation.model_validate({"programme": "P1", "territoire": "hérault", "thematique": "juridique",
                                    "beneficiaires": "12", "montant_verse_eur": "10 000", "odd": "16"})
    assert (r.territoire, r.beneficiaires, r.montant_verse_eur, r.odd) == ("DEP-34", 12, 10000.0, [16])
    with pytest.raises(ValidationError, match="doit être au moins 0"):
        Realisation.model_validate({"programme": "P1", "territoire": "34", "thematique": "juridique",
                                    "beneficiaires": "-1"})
