"""Public catalogues as published: aides-territoires exports (JSON, CSV) and HXL 3W sheets become contract rows.

Samples are written by the tests in the catalogues' own shapes (field names checked against their public code,
see the docstrings of inventory/catalogues/aides_territoires.py and hxl.py)."""
from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest

from inventory.intake import catalogues
from inventory import texts
from inventory.intake.catalogues import aides_territoires as at
from inventory.intake.catalogues import hxl
from inventory.intake.catalogues.common import CatalogueRefused, plain_text
from inventory.intake.catalogues.correspondences import SHEET, shipped
from inventory.models import Investisseur, Programme
from inventory.reference import AUDIENCES, PHASES, SUPPORT_TYPES, default_themes

EXISTING = [("REG-OCC", "Region OCCITANIE"), ("BDT", "Banque des territoires")]  # typed without accents


def aid(id, name, perimeter, categories, financers=("Agence nationale de la cohésion des territoires (ANCT)",),
        **more):
    base = {"id": id, "slug": f"{id:x}-{name[:10].lower()}", "url": f"/aides/{id:x}-aide/", "name": name,
            "name_initial": name, "short_title": None, "financers": list(financers), "instructors": [],
            "programs": [], "description": "<p>Une aide.</p>", "eligibility": "", "perimeter": perimeter,
            "mobilization_steps": ["Réflexion / conception"], "origin_url": "", "categories": list(categories),
            "is_call_for_project": False, "application_url": "", "targeted_audiences": ["Associations"],
            "aid_types": ["Subvention"], "destinations": [], "start_date": None, "predeposit_date": None,
            "submission_deadline": None, "recurrence": "Permanente", "date_created": "2023-11-02T10:12:00+01:00",
            "date_updated": "2024-01-05T09:00:00+01:00"}
    base.update(more)
    return base


AIDS = [
    aid(101, "Accompagner l'inclusion numérique des associations", "Hérault (Département)",
        ["Numérique|Inclusion numérique", "Eau et milieux aquatiques|Eau potable"],
        financers=["Agence nationale de la cohésion des territoires (ANCT)", "Région Occitanie"],
        targeted_audiences=["Associations", "Communes", "Particuliers"], aid_types=["Subvention", "Ingénierie technique"],
        start_date="2024-01-15", submission_deadline=None, origin_url="https://www.anct.gouv.fr/inclusion",
        programs=["France Relance"],
        description="<p>Soutenir les <strong>associations</strong>&nbsp;:</p><ul><li>équipement</li>"
                    "<li>formation des b&eacute;n&eacute;voles</li></ul><script>alert('x')</script>"),
    aid(102, "Former les bénévoles à la gestion", "Occitanie (Région)",
        ["Fonctions support|Formation",
         "Développement économique / production et consommation|Économie sociale et solidaire"],
        financers=["Fondation de France"], start_date="2024-02-01", submission_deadline="2024-06-30"),
    aid(103, "Prêt d'amorçage des structures de l'ESS", "France", ["Fonctions support|Ingénierie financière"],
        financers=["BANQUE DES TERRITOIRES"], targeted_audiences=["Entreprises privées", "Associations"],
        aid_types=["Prêt"]),
    aid(104, "Numériser la médiathèque", "Montpellier (Commune – 34000, 34070, 34080)", ["Numérique|Inclusion numérique"]),
    aid(105, "Tiers-lieu numérique intercommunal", "CA du Pays de l'Or (EPCI)", ["Numérique|Inclusion numérique"]),
    aid(106, "Renouveler les bus", "Occitanie (Région)", ["Mobilité / transports|Transports collectifs"]),
    aid(107, "Restaurer le patrimoine", "Hérault (Département)", ["Culture et identité collective|Patrimoine"]),
    aid(108, "Chèque numérique des ménages", "Hérault (Département)", ["Numérique|Inclusion numérique"],
        targeted_audiences=["Particuliers"]),
]


def page(aids, count=None):
    return json.dumps({"count": count or len(aids), "next": None, "previous": None, "results": aids},
                      ensure_ascii=False).encode()


def set_aside(out):
    return [(s.row, s.value, s.message) for s in out.set_aside]


# --- aides-territoires JSON ----------------------------------------------------------------------------
def test_each_placeable_aid_becomes_one_programme_with_its_catalogue_id():
    out = catalogues.convert(page(AIDS), file="aides.json", investors=EXISTING)
    assert out.catalogue == "aides-territoires" and out.read == 8
    progs = {p["id"]: p for p in out.sheets["programmes"]}
    assert list(progs) == ["AT-101", "AT-102", "AT-103"]
    assert progs["AT-101"] == {
        "id": "AT-101", "nom": "Accompagner l'inclusion numérique des associations",
        "investisseurs": ["ANCT", "REG-OCC"],  # « Région Occitanie » is the existing « Region OCCITANIE »
        "phase": "relance",  # programme France Relance
        "nature": ["subvention", "accompagnement"], "thematiques": ["numerique"],  # water is out of scope
        "territoires": ["DEP-34"], "publics": ["association", "collectivite"],  # Particuliers: not ours
        "budget_eur": None, "date_debut": dt.date(2024, 1, 15), "date_fin": None, "odd": [],
        "url": "https://www.anct.gouv.fr/inclusion",
        "description": "Soutenir les associations :\n- équipement\n- formation des bénévoles\n"
                       "Fiche aides-territoires : https://aides-territoires.beta.gouv.fr/aides/65-aide/",
        "date_limite_candidature": None,
    }
    assert progs["AT-102"]["thematiques"] == ["competences", "modele_socio_eco"]
    assert progs["AT-102"]["territoires"] == ["REG-76"] and progs["AT-102"]["phase"] == "structurel"
    # the deadline to apply is kept as such, in its own column, never as the end of the aid (issue 24)
    assert (progs["AT-102"]["date_debut"], progs["AT-102"]["date_fin"]) == (dt.date(2024, 2, 1), None)
    assert progs["AT-102"]["date_limite_candidature"] == dt.date(2024, 6, 30)
    assert progs["AT-102"]["description"] == "Une aide."
    assert progs["AT-103"]["territoires"] == ["FR"] and progs["AT-103"]["investisseurs"] == ["BDT"]
    assert progs["AT-103"]["publics"] == ["tpe_pme", "association"] and progs["AT-103"]["nature"] == ["pret"]
    # no origin URL: the aid's page on aides-territoires is the link
    assert progs["AT-102"]["url"] == "https://aides-territoires.beta.gouv.fr/aides/66-aide/"


def test_aids_that_cannot_be_placed_are_set_aside_with_their_reason():
    out = catalogues.convert(page(AIDS), file="aides.json", investors=EXISTING)
    assert set_aside(out) == [
        (4, "Montpellier (Commune – 34000, 34070, 34080)", texts.SET_ASIDE_FINER.format(scale="Commune")),
        (5, "CA du Pays de l'Or (EPCI)", texts.SET_ASIDE_FINER.format(scale="EPCI")),
        (6, "Mobilité / transports|Transports collectifs",
         texts.SET_ASIDE_OUT_OF_SCOPE.format(values="« Mobilité / transports|Transports collectifs »")),
        (7, "Culture et identité collective|Patrimoine", texts.SET_ASIDE_NO_THEME.format(
            values="« Culture et identité collective|Patrimoine »", source="categorie")),
        (8, "Particuliers", texts.SET_ASIDE_NO_PUBLIC.format(values="« Particuliers »")),
    ]
    assert out.set_aside[0].as_dict() == {"sheet": "aides.json", "row": 4,
                                          "value": "Montpellier (Commune – 34000, 34070, 34080)",
                                          "message": texts.SET_ASIDE_FINER.format(scale="Commune")}


def test_unknown_financers_become_new_investors_listed_once():
    out = catalogues.convert(page(AIDS), file="aides.json", investors=EXISTING)
    # ANCT (acronym in brackets) and Fondation de France are new; Région Occitanie and BDT matched
    assert out.new_investors == [
        {"id": "ANCT", "nom": "Agence nationale de la cohésion des territoires (ANCT)", "type": "institution",
         "site_web": None, "siren": None, "rna": None},
        {"id": "FONDATION-DE-FRANCE", "nom": "Fondation de France", "type": "fondation", "site_web": None,
         "siren": None, "rna": None},
    ]
    assert out.sheets["investisseurs"] == out.new_investors
    for inv in out.new_investors:
        Investisseur.model_validate(inv)


def test_mapping_counts_say_how_many_placed_aids_each_correspondence_applied_to():
    out = catalogues.convert(page(AIDS), file="aides.json", investors=EXISTING)
    rows = {(m["source"], m["valeur"]): (m["thematique"], m["lignes"]) for m in out.mapping}
    assert rows[("categorie", "Numérique|Inclusion numérique")] == (["numerique"], 1)  # set-aside aids not counted
    assert rows[("categorie", "Eau et milieux aquatiques")] == ([], 1)
    assert rows[("public", "Associations")] == (["association"], 3)
    assert rows[("public", "Particuliers")] == ([], 1)
    assert rows[("nature", "Subvention")] == (["subvention"], 2)
    assert rows[("phase", "aides-territoires")] == (["structurel"], 2)
    assert rows[("programme", "France Relance")] == (["relance"], 1)


def test_converted_rows_validate_with_the_contract_models():
    out = catalogues.convert(page(AIDS), file="aides.json", investors=EXISTING)
    header, *rows = out.grid("programmes", list(Programme.model_fields))
    assert rows[0][header.index("investisseurs")] == "ANCT ; REG-OCC"
    assert rows[0][header.index("date_debut")] == "15/01/2024"
    for row in rows:
        Programme.model_validate(dict(zip(header, row)))


def test_html_description_is_reduced_to_text_never_markup():
    html = ('<h2>Objectifs</h2><p>Aider les <a href="javascript:alert(1)">associations</a> &amp; les '
            'collectivit&eacute;s.<br>Montant&nbsp;: 5&#8239;000 €</p><style>p{color:red}</style>'
            '<img src=x onerror="alert(2)"><!-- note --><ol><li>un</li><li>deux</li></ol>')
    assert plain_text(html) == ("Objectifs\nAider les associations & les collectivités.\nMontant : 5\u202f000 €\n"
                                "- un\n- deux")
    assert plain_text("<p>  </p>") is None
    assert len(plain_text("<p>" + "mot " * 3000 + "</p>")) == 5000


def test_null_deadline_leaves_the_programme_open_and_a_bad_one_is_set_aside():
    aids = [aid(1, "Ouvert", "France", ["Numérique"], submission_deadline=None),
            aid(2, "Illisible", "France", ["Numérique"], submission_deadline="bientôt"),
            aid(3, "À l'envers", "France", ["Numérique"], start_date="2024-05-01", submission_deadline="2024-04-01")]
    out = catalogues.convert(page(aids), file="a.json")
    assert [(p["id"], p["date_fin"]) for p in out.sheets["programmes"]] == [("AT-1", None)]
    assert set_aside(out) == [(2, "bientôt", texts.SET_ASIDE_BAD_DATE.format(value="bientôt")),
                              (3, "01/04/2024", texts.ERR_END_BEFORE_START.format(fin="01/04/2024",
                                                                                        debut="01/05/2024"))]


def test_perimeters_resolve_as_the_catalogue_writes_them():
    cases = {"Hérault (Département)": "DEP-34", "Occitanie (Région)": "REG-76", "Occitanie": "REG-76",
             "France": "FR", "Europe": "FR", "La Réunion (Région)": "DEP-974", "Corse-du-Sud (Département)": "DEP-2A",
             "Montpellier (Commune – 34000, 34070)": None, "CC Grand Pic Saint-Loup (Intercommunalité)": None,
             "Rhône-Méditerranée (Bassin hydrographique)": None, "Outre-mer": None, "France métropolitaine": None,
             "Métropole Aix-Marseille-Provence": None, "Espagne (Pays)": None, "Hérault (Région)": None}
    assert {p: at.place(p)[0] for p in cases} == cases


def test_a_catalogue_refreshed_twice_keeps_its_ids_and_creates_no_investor_twice():
    first = catalogues.convert(page(AIDS[:3]), file="aides.json", investors=EXISTING)
    known = EXISTING + [(i["id"], i["nom"]) for i in first.new_investors]
    refreshed = [dict(a) for a in AIDS[:3]]
    refreshed[1]["submission_deadline"] = "2024-09-30"  # extended
    refreshed.append(aid(109, "Nouvelle aide", "Gard (Département)", ["Fonctions support|Appui méthodologique"],
                         financers=["Fondation de France", "Fondation Crédit Coopératif"]))
    second = catalogues.convert(page(refreshed), file="aides.json", investors=known)
    third = catalogues.convert(page(refreshed), file="aides.json",
                               investors=known + [(i["id"], i["nom"]) for i in second.new_investors])
    assert [p["id"] for p in second.sheets["programmes"]] == ["AT-101", "AT-102", "AT-103", "AT-109"]
    assert second.sheets["programmes"][1]["date_limite_candidature"] == dt.date(2024, 9, 30)
    assert [i["id"] for i in second.new_investors] == ["FONDATION-CREDIT-COOPERATIF"]
    assert second.sheets["programmes"][3]["investisseurs"] == ["FONDATION-DE-FRANCE", "FONDATION-CREDIT-COOPERATIF"]
    assert third.new_investors == [] and third.sheets["programmes"] == second.sheets["programmes"]


def test_a_single_api_page_is_read_with_a_warning_that_others_exist():
    out = catalogues.convert(page(AIDS[:2], count=5000), file="aides.json")
    assert out.warnings == ["Le fichier ne contient que 2 aides sur 5\u202f000 : c'est une seule page de l'API "
                            "aides-territoires. Téléchargez toutes les pages (ou l'export complet) pour ne rien oublier."]


def test_a_new_id_is_numbered_when_its_name_is_taken():
    out = catalogues.convert(page([aid(1, "A", "France", ["Numérique"], financers=["Région-Occitanie!"])]),
                             file="a.json", investors=[("REGION-OCCITANIE", "Conseil régional")])
    assert out.new_investors[0]["id"] == "REGION-OCCITANIE-2"


# --- aides-territoires CSV -----------------------------------------------------------------------------
SITE_EXPORT = (  # the site's export: verbose names as headers, lists joined with bare commas, Windows-1252 « ; »
    "ID;Nom;Porteurs d’aides;Périmètre;Sous-thématiques;Bénéficiaires de l’aide;Types d’aide;Date d’ouverture;"
    "Date de clôture;Plus d’informations;Description complète de l’aide et de ses objectifs\r\n"
    "201;Diagnostic numérique;Région Occitanie,Fondation Orange;Hérault;Inclusion numérique,Formation;"
    "Associations;Subvention;2024-03-01;;https://example.org/201;\"<p>Un diagnostic&nbsp;gratuit</p>\"\r\n"
    "202;Appui à la recherche;Région Occitanie;Occitanie;Innovation, créativité et recherche;Associations;"
    "Subvention;;2024-12-31;;\r\n"
    "203;Maison France services;Préfecture de l'Hérault;Montpellier;Inclusion numérique;Communes;Subvention;;;;\r\n"
)


def test_the_site_csv_export_is_read_by_its_french_headers():
    out = catalogues.convert(SITE_EXPORT.encode("cp1252"), file="export-aides.csv", investors=EXISTING)
    assert [p["id"] for p in out.sheets["programmes"]] == ["AT-201"]
    p = out.sheets["programmes"][0]
    assert (p["investisseurs"], p["territoires"], p["thematiques"]) == (
        ["REG-OCC", "FONDATION-ORANGE"], ["DEP-34"], ["numerique", "competences"])
    assert p["description"] == "Un diagnostic gratuit" and p["date_debut"] == dt.date(2024, 3, 1)
    assert set_aside(out) == [
        (3, "Innovation, créativité et recherche", texts.SET_ASIDE_NO_THEME.format(
            values="« Innovation, créativité et recherche »", source="categorie")),  # one category, comma kept
        (4, "Montpellier", texts.SET_ASIDE_UNKNOWN_PERIMETER),  # a bare commune name is no territory
    ]


def test_a_csv_with_the_api_field_names_is_read_too():
    text = ("id,name,financers,perimeter,categories,targeted_audiences,aid_types,start_date,submission_deadline\n"
            '301,Aide régionale,"Région Occitanie; Fondation de France",Occitanie (Région),'
            "Numérique|Inclusion numérique,Associations,Subvention,2024-01-01,2024-12-31\n")
    out = catalogues.convert(text.encode(), file="aides.csv", investors=EXISTING)
    assert out.sheets["programmes"][0]["investisseurs"] == ["REG-OCC", "FONDATION-DE-FRANCE"]
    assert out.sheets["programmes"][0]["territoires"] == ["REG-76"]


# --- HXL 3W --------------------------------------------------------------------------------------------
THREE_W = (
    "Organisation;Bailleur;Secteur;Activité;Région;Département;Commune;Début;Fin;Atteints;Dans le besoin;Budget\n"
    "#org+impl;#org+funder;#sector;#activity;#adm1+name;#adm2+code;#adm3+name;#date+start;#date+end;#reached;"
    "#inneed;#value\n"
    "Emmaüs Connect;Fondation Orange;Numérique;Ateliers d'inclusion numérique;Occitanie;34;;2020-04-01;2020-12-31;"
    "120;300;15000\n"
    "Emmaüs Connect;Fondation Orange;Numérique;Ateliers d'inclusion numérique;Occitanie;34;;2021-01-01;2021-06-30;"
    "80;;5000\n"
    "France Active;Banque des Territoires;Moyens de subsistance;Prêts d'honneur;Occitanie;;;2020-05-01;;45;;\n"
    "Croix-Rouge;ECHO;Santé;Soins de premier secours;Occitanie;34;Montpellier;;;10;;\n"
    "Secours populaire;ECHO;Santé;Distribution;Occitanie;30;;;;beaucoup;;\n"
)


def test_a_3w_row_is_a_programme_with_a_result_and_a_need():
    out = catalogues.convert(THREE_W.encode(), file="3w.csv", investors=EXISTING)
    assert out.catalogue == "hxl" and out.read == 5
    progs = out.sheets["programmes"]
    # the two Emmaüs rows (two periods) are one programme: organisation × activity × place
    assert [(p["nom"], p["investisseurs"], p["territoires"], p["thematiques"], p["budget_eur"],
             p["date_debut"], p["date_fin"], p["phase"]) for p in progs] == [
        ("Ateliers d'inclusion numérique", ["FONDATION-ORANGE"], ["DEP-34"], ["numerique"], 20000.0,
         dt.date(2020, 4, 1), dt.date(2021, 6, 30), "urgence"),
        ("Prêts d'honneur", ["BDT"], ["REG-76"], ["modele_socio_eco"], None, dt.date(2020, 5, 1), None, "urgence"),
    ]
    assert all(p["id"].startswith("HXL-") and len(p["id"]) == 12 for p in progs)
    assert [(r["programme"], r["territoire"], r["thematique"], r["beneficiaires"], r["date"])
            for r in out.sheets["realisations"]] == [
        (progs[0]["id"], "DEP-34", "numerique", 120, dt.date(2020, 12, 31)),
        (progs[0]["id"], "DEP-34", "numerique", 80, dt.date(2021, 6, 30)),
        (progs[1]["id"], "REG-76", "modele_socio_eco", 45, None),
    ]
    assert [(n["territoire"], n["source"], n["thematique"], n["intensite"], n["nb_acteurs"])
            for n in out.sheets["besoins"]] == [("DEP-34", "terrain", "numerique", 3, 300)]
    assert out.warnings == ["1 besoin du tableau HXL sans colonne #severity a reçu l'intensité 3 (moyenne) : "
                            "ajoutez une colonne #severity (1 à 5) pour la préciser."]
    assert set_aside(out) == [
        (6, "Montpellier", texts.SET_ASIDE_FINER.format(scale="#adm3")),
        (6, "Santé", texts.SET_ASIDE_NO_THEME.format(values="« Santé »", source="secteur")),
        (7, "Santé", texts.SET_ASIDE_NO_THEME.format(values="« Santé »", source="secteur")),
        (7, "beaucoup", texts.SET_ASIDE_BAD_COUNT.format(tag="#reached", value="beaucoup")),
    ]
    assert [i["id"] for i in out.new_investors] == ["FONDATION-ORANGE"]  # ECHO's rows are all set aside


def test_hashtags_not_header_words_decide_the_columns():
    lines = THREE_W.split("\n")
    # English headers, misleading ones included, and columns in another order: same hashtags, same result
    cols = list(zip(*[line.split(";") for line in lines[:7]]))
    cols = cols[::-1]
    shuffled = "\n".join(";".join(c[i] for c in cols) for i in range(7)).split("\n")
    shuffled[0] = ";".join(["Budget", "Region", "People in need", "Reached", "End", "Start", "Commune", "Dept",
                            "Sector", "Activity", "Funder", "Org"])
    a = catalogues.convert(THREE_W.encode(), file="3w.csv")
    b = catalogues.convert("\n".join(shuffled).encode(), file="3w.csv")
    assert a.sheets == b.sheets


def test_a_3w_place_code_is_read_at_its_admin_level():
    text = ("#org;#sector;#adm1+code;#adm2+name;#reached\n"
            "A;Numérique;84;;1\n"  # a region code, not the département 84 (Vaucluse)
            "B;Numérique;FR76;Gard;2\n"  # the département wins: the finest place
            "C;Numérique;;Corse-du-Sud;3\n"
            "D;Numérique;99;;4\n")
    out = catalogues.convert(text.encode(), file="3w.csv")
    assert [p["territoires"] for p in out.sheets["programmes"]] == [["REG-84"], ["DEP-30"], ["DEP-2A"]]
    assert set_aside(out) == [(5, "99", texts.SET_ASIDE_UNKNOWN_PERIMETER)]


def test_a_3w_sheet_in_a_workbook_is_converted_from_its_rows():
    grid = [["Titre du tableau", None], [None, None], ["Org", "Secteur", "Pays"], ["#org", "#sector", "#country"],
            ["Réseau national", "Coordination", "France"], [None, None, None]]
    out = catalogues.convert_grid(grid, file="3W.xlsx / Feuil1")
    assert [(p["territoires"], p["thematiques"]) for p in out.sheets["programmes"]] == [(["FR"], ["cooperation"])]
    assert out.rows["programmes"] == [5]


# --- correspondences -----------------------------------------------------------------------------------
def test_the_shipped_table_only_holds_codes_of_the_contract():
    themes = {t.code for t in default_themes()}
    allowed = {"categorie": themes, "secteur": themes, "public": set(AUDIENCES), "nature": set(SUPPORT_TYPES),
               "phase": set(PHASES), "programme": set(PHASES)}
    entries = shipped().entries.values()
    assert len(entries) == 74
    for e in entries:
        assert set(e.targets) <= allowed[e.source], e


def test_an_uploaded_correspondances_sheet_overrides_and_extends_the_shipped_table():
    rows = [(2, {"source": "categorie", "valeur": "culture et identite collective|patrimoine",
                 "thematique": "cooperation ; Gouvernance et stratégie"}),
            (3, {"Source": "nature", "Valeur": "Subvention", "Thématique": "autre"}),
            (4, {"source": "phase", "valeur": "aides-territoires", "thematique": "urgence"}),
            (5, {"source": "", "valeur": "", "thematique": ""})]  # a blank row is skipped
    table, issues = shipped().overridden(rows)
    assert issues == []
    out = catalogues.convert(page(AIDS[6:7]), file="a.json", table=table)
    p = out.sheets["programmes"][0]
    assert (p["thematiques"], p["nature"], p["phase"]) == (["cooperation", "gouvernance"], ["autre"], "urgence")
    assert shipped().lookup("nature", "Subvention").targets == ("subvention",)  # the shipped table is untouched


def test_a_bad_correspondances_row_is_reported_where_the_user_typed_it():
    rows = [(2, {"source": "catégorie", "valeur": "Sport", "thematique": "sport"}),
            (3, {"source": "audience", "valeur": "Associations", "thematique": "association"}),
            (4, {"source": "public", "valeur": "Jeunes", "thematique": "jeunesse"}),
            (5, {"source": "phase", "valeur": "hxl", "thematique": "urgence;relance"})]
    _, issues = shipped().overridden(rows)
    themes = ", ".join(sorted(t.code for t in default_themes()))
    assert [(i.sheet, i.row, i.column, i.value, i.message) for i in issues] == [
        (SHEET, 2, "thematique", "sport",
         texts.ERR_CORRESPONDENCE_TARGET.format(value="sport", source="categorie", known=themes)),
        (SHEET, 3, "source", "audience", texts.ERR_CORRESPONDENCE_SOURCE.format(
            value="audience", known="categorie, secteur, public, nature, phase, programme")),
        (SHEET, 4, "thematique", "jeunesse", texts.ERR_CORRESPONDENCE_TARGET.format(
            value="jeunesse", source="public", known=", ".join(AUDIENCES))),
        (SHEET, 5, "thematique", "urgence;relance", texts.ERR_CORRESPONDENCE_ONE_PHASE.format(value="urgence;relance")),
    ]


def test_a_sector_named_like_a_theme_needs_no_correspondence():
    out = catalogues.convert("#org;#sector;#adm2\nA;Outils numériques;Gard\nB;juridique;Gard\n".encode(), file="3w.csv")
    assert [p["thematiques"] for p in out.sheets["programmes"]] == [["numerique"], ["juridique"]]


# --- recognising and refusing --------------------------------------------------------------------------
def test_the_format_is_recognised_from_the_content():
    assert catalogues.recognise(page(AIDS)) == "aides-territoires"
    assert catalogues.recognise(SITE_EXPORT.encode("cp1252")) == "aides-territoires"
    assert catalogues.recognise(THREE_W.encode()) == "hxl"
    assert catalogues.recognise("territoire;source;thematique\nRhône;terrain;numerique\n".encode()) is None


@pytest.mark.parametrize("data, message", [
    (b'{"results": [{"id": 1,', texts.ERR_CATALOGUE_JSON.format(line=1, column=23)),  # cut after 22 characters
    (b'{"results": "none"}', texts.ERR_CATALOGUE_NOT_AT),
    (b'{"features": [{"type": "Feature"}]}', texts.ERR_CATALOGUE_NOT_AT),
    (b'[{"name": "Sans perimetre ni financeur"}]', texts.ERR_CATALOGUE_NOT_AT),
    (page([]), texts.ERR_CATALOGUE_NO_AIDS),
    ("titre;ville\nA;Lyon\n".encode(), texts.ERR_CATALOGUE_CSV_COLUMNS.format(missing="name, perimeter")),
    ("Nom;Description\nA;B\n".encode(), texts.ERR_CATALOGUE_CSV_COLUMNS.format(missing="perimeter")),
    ("Org;Secteur;Région\n#org;#sector;#adm1\n;;\n".encode(), texts.ERR_HXL_NO_DATA.format(row=2)),
    ("Org;Région\n#org;#adm1\nA;Occitanie\n".encode(), texts.ERR_HXL_MISSING.format(tag="#sector")),
])
def test_bad_catalogue_input_is_refused_with_a_french_sentence(data, message):
    with pytest.raises(CatalogueRefused) as exc:
        catalogues.convert(data, file="catalogue")
    assert str(exc.value) == message


def test_a_forced_format_that_does_not_fit_is_refused():
    with pytest.raises(CatalogueRefused, match="aucune ligne de hashtags"):
        catalogues.convert(page(AIDS), file="aides.json", format="hxl")
    with pytest.raises(CatalogueRefused, match="aucune ligne de hashtags"):
        catalogues.convert(SITE_EXPORT.encode("cp1252"), file="x.csv", format="hxl")


# --- imported: merged with the active snapshot, checked, committed ----------------------------------------
def _import(store, tmp_path, name, data, **kw):
    from inventory.intake import importer

    path = tmp_path / name
    path.write_bytes(data)
    return importer.import_files(store, [path], as_of=dt.date(2024, 3, 1), **kw)


def test_a_catalogue_imports_next_to_the_hand_made_programmes_and_a_refresh_replaces_only_its_own(demo_store, tmp_path):
    sid = demo_store.active_snapshot_id()
    hand_made = demo_store.sheet(sid, "programmes")
    investors = len(demo_store.sheet(sid, "investisseurs"))
    first = _import(demo_store, tmp_path, "aides.json", page(AIDS))
    assert first.ok, first.errors
    assert first.counts["programmes"] == len(hand_made) + 3  # AT-101, AT-102, AT-103
    assert first.counts["investisseurs"] == investors + 4  # ANCT, Région Occitanie, Fondation de France, BDT
    assert [(a["row"], a["value"]) for a in first.set_aside] == [
        (4, "Montpellier (Commune – 34000, 34070, 34080)"), (5, "CA du Pays de l'Or (EPCI)"),
        (6, "Mobilité / transports|Transports collectifs"), (7, "Culture et identité collective|Patrimoine"),
        (8, "Particuliers")]
    refreshed = [dict(a) for a in AIDS[1:3]] + [
        aid(109, "Nouvelle aide", "Gard (Département)", ["Fonctions support|Appui méthodologique"],
            financers=["Fondation de France"])]
    second = _import(demo_store, tmp_path, "aides-territoires-juin.json", page(refreshed))
    assert second.ok, second.errors
    progs = demo_store.sheet(second.snapshot_id, "programmes")
    assert list(progs["id"]) == list(hand_made["id"]) + ["AT-102", "AT-103", "AT-109"]  # AT-101 gone
    assert second.counts["investisseurs"] == investors + 4 and second.set_aside == []  # nobody created twice


def test_a_catalogue_row_the_check_refuses_is_located_in_the_catalogue(store, tmp_path):
    # a fresh inventory: no investors sheet to match, no needs to carry over (the check says so too)
    text = "#org;#sector;#adm2;#date+start;#date+end\nA;Numérique;Gard;2024-05-01;2024-06-01\n"
    result = _import(store, tmp_path, "3w.csv", text.encode())
    assert not result.ok
    assert [(e.sheet, e.message) for e in result.errors] == [("besoins", texts.ERR_NO_ACTIVE_FOR.format(sheet="besoins"))]


def test_bad_catalogue_input_changes_nothing(demo_store, tmp_path):
    before = demo_store.active_snapshot_id()
    result = _import(demo_store, tmp_path, "aides.json", b'{"results": [{"id": 1,')
    assert not result.ok and demo_store.active_snapshot_id() == before
    assert [(e.sheet, e.message) for e in result.errors] == [
        ("aides.json", texts.ERR_CATALOGUE_JSON.format(line=1, column=23))]


def test_the_command_line_forces_a_format_and_reports_set_aside_rows_in_json(demo_store, tmp_path, capsys):
    from inventory.__main__ import main

    path = tmp_path / "export.txt.csv"
    path.write_bytes(THREE_W.encode())
    db = demo_store.path
    demo_store.close()
    code = main(["import", str(path), "--db", str(db), "--format", "hxl", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["ok"]
    assert out["set_aside"][0] == {"sheet": "export.txt.csv", "row": 6, "value": "Montpellier",
                                   "message": texts.SET_ASIDE_FINER.format(scale="#adm3")}
    assert len(out["set_aside"]) == 4


def test_a_correspondances_sheet_uploaded_with_the_catalogue_overrides_the_table(demo_store, tmp_path):
    from inventory.intake import importer

    corr = "source;valeur;thematique\ncategorie;Culture et identité collective;cooperation\n".encode()
    files = [("aides.json", page(AIDS[6:7])), ("correspondances.csv", corr)]
    checked = importer.check(importer.read_upload(files), demo_store)
    assert checked.ok, checked.issues
    assert checked.catalogue.set_aside == [] and checked.catalogue.formats == [{"file": "aides.json",
                                                                              "format": "aides-territoires", "read": 1}]
    assert {(m["source"], m["valeur"]): m["lignes"] for m in checked.catalogue.mapping}[
        ("categorie", "Culture et identité collective")] == 1


# --- CSV files named as people's tools name them ------------------------------------------------------
@pytest.mark.parametrize("name", ["besoins.csv", "Besoins.csv", "inventaire 30-06-Besoins.csv",
                                  "inventaire_besoins (2).csv", "Classeur1.csv", "NEEDS export.csv"])
def test_a_csv_is_recognised_by_a_word_of_its_name_else_by_its_header_row(demo_store, tmp_path, name):
    text = "territoire;source;thematique;intensite;nb_acteurs\nRhône;terrain;numerique;4;2\n"
    result = _import(demo_store, tmp_path, name, text.encode())
    assert result.ok, result.errors
    assert result.counts["besoins"] == 1 and "programmes" in result.carried_over


@pytest.mark.parametrize("name, text, message", [
    ("besoins et programmes.csv", "territoire;source\n69;terrain\n",
     texts.ERR_CSV_NAME_TWO.format(sheets="besoins, programmes")),
    ("Classeur1.csv", "id;nom;type;territoire;source;thematique;intensite\nX;Y;fondation;69;terrain;numerique;2\n",
     texts.ERR_CSV_HEADERS_TWO.format(sheets="investisseurs, besoins, operateurs")),  # id, nom, type: an operator's too
    ("Classeur1.csv", "a;b\n1;2\n", texts.ERR_CSV_NO_SHEET.format(
        sheets="investisseurs, programmes, besoins, thematiques, engagements, realisations, operateurs, correspondances")),
])
def test_a_csv_that_fits_no_sheet_or_two_is_an_error_naming_the_candidates(demo_store, tmp_path, name, text, message):
    result = _import(demo_store, tmp_path, name, text.encode())
    assert not result.ok
    assert [e.message for e in result.errors] == [message]


def test_the_annotated_workbook_lists_the_rows_set_aside(tmp_path):
    from python_calamine import CalamineWorkbook

    from inventory.outputs import exports

    out = catalogues.convert(page(AIDS), file="aides.json")
    data = exports.annotated_workbook([], [], [s.as_dict() for s in out.set_aside])
    grid = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("mis de côté").to_python()
    assert grid[0] == ["fichier", "ligne", "valeur", "raison"]
    assert grid[1][:3] == ["aides.json", 4, "Montpellier (Commune – 34000, 34070, 34080)"] and len(grid) == 6


# --- a catalogue saved as a workbook ----------------------------------------------------------------------
def three_w_workbook(path, *, contract_sheet: bool = False):
    """THREE_W as HDX publishes 3W files: an .xlsx whose sheet has a merged title above its headers, next to a
    read-me sheet; with ``contract_sheet``, the inventory's own « investisseurs » sheet in the same workbook."""
    from openpyxl import Workbook

    wb = Workbook()
    readme = wb.active
    readme.title = "Lisez-moi"
    readme.append(["Qui fait quoi où, Occitanie, 2020–2021"])
    sheet = wb.create_sheet("3W Occitanie")
    sheet.append(["Qui fait quoi où — mise à jour du 30/06/2021"])
    sheet.merge_cells("A1:L1")
    for line in THREE_W.strip().split("\n"):
        sheet.append([_typed(cell) for cell in line.split(";")])
    if contract_sheet:
        inv = wb.create_sheet("investisseurs")
        inv.append(["id", "nom", "type"])
        inv.append(["FONDATION-ORANGE", "Fondation Orange", "entreprise"])
    wb.save(path)
    return path


def _typed(cell: str):
    """A cell as a spreadsheet holds it: numbers and dates typed, blanks empty."""
    if not cell:
        return None
    if cell.isdigit():
        return int(cell)
    try:
        return dt.date.fromisoformat(cell)
    except ValueError:
        return cell


def test_a_3w_workbook_from_hdx_imports_as_its_csv_does_whatever_its_sheet_is_called(demo_store, tmp_path):
    from inventory.intake import importer

    path = three_w_workbook(tmp_path / "3w_occitanie.xlsx")
    result = importer.import_files(demo_store, [path], as_of=dt.date(2021, 6, 30))
    assert result.ok, result.errors
    progs = demo_store.sheet(result.snapshot_id, "programmes")
    from_csv = catalogues.convert(THREE_W.encode(), file="3w.csv", investors=EXISTING)
    assert sorted(progs[progs["id"].str.startswith("HXL-")]["nom"]) == sorted(
        p["nom"] for p in from_csv.sheets["programmes"])
    # set aside as in the CSV, one row lower (the title above the headers), named by file and sheet
    assert [(a["sheet"], a["row"], a["value"]) for a in result.set_aside] == [
        ("3w_occitanie.xlsx / 3W Occitanie", 7, "Montpellier"), ("3w_occitanie.xlsx / 3W Occitanie", 7, "Santé"),
        ("3w_occitanie.xlsx / 3W Occitanie", 8, "Santé"), ("3w_occitanie.xlsx / 3W Occitanie", 8, "beaucoup")]


def test_a_workbook_can_hold_a_contract_sheet_and_a_catalogue_sheet(demo_store, tmp_path):
    from inventory.intake import importer

    upload = importer.read_upload([("mix.xlsx", three_w_workbook(tmp_path / "mix.xlsx", contract_sheet=True)
                                    .read_bytes())])
    assert list(upload.sheets) == ["investisseurs"] and upload.issues == []
    assert [c.name for c in upload.catalogues] == ["mix.xlsx / 3W Occitanie"]


def test_the_site_export_opened_and_saved_in_a_spreadsheet_is_still_the_catalogue(tmp_path):
    from openpyxl import Workbook

    from inventory.intake import importer

    wb = Workbook()
    for line in SITE_EXPORT.strip().split("\r\n"):
        wb.active.append([_typed(c.strip('"')) for c in line.split(";")])
    wb.active.title = "Export aides"
    wb.save(tmp_path / "export-aides.xlsx")
    upload = importer.read_upload([("export-aides.xlsx", (tmp_path / "export-aides.xlsx").read_bytes())])
    assert upload.issues == [] and [c.name for c in upload.catalogues] == ["export-aides.xlsx / Export aides"]
    out = catalogues.convert_grid(upload.catalogues[0].grid, file=upload.catalogues[0].name, investors=EXISTING)
    assert [p["id"] for p in out.sheets["programmes"]] == ["AT-201"]
    assert out.sheets["programmes"][0]["territoires"] == ["DEP-34"]
