"""Organisations (issue 25): legal identity, operators, duplicates, the organisation page and the Écosystème view."""

OPERATOR_TYPE_LABELS = {
    "reseau_national": "Réseau national", "structure_territoriale": "Structure territoriale",
    "association": "Association", "entreprise": "Entreprise", "collectivite": "Collectivité", "autre": "Autre",
}

# --- checking and cross-references (inventory/parsing.py, inventory/intake/cross_references.py) --------------
ERR_SIREN = ("« {value} » invalide : 9 chiffres dont le dernier est la clé de contrôle (clé de Luhn) ; "
             "vérifiez-le sur annuaire-entreprises.data.gouv.fr")
ERR_SIRET = ("« {value} » invalide : 14 chiffres, le SIREN (9 premiers) puis le numéro d'établissement, "
             "clés de contrôle comprises")
ERR_RNA = "« {value} » invalide : W suivi de 9 chiffres, ex. W751234567"
ERR_UNKNOWN_OPERATOR = "opérateur « {value} » inconnu : il doit figurer dans la feuille operateurs"
ERR_SAME_IDENTIFIER = ("{column} « {value} » déjà porté par la ligne {first} de la feuille {first_sheet} "
                       "(« {first_name} ») : un identifiant désigne une seule organisation")
WARN_PROBABLE_DUPLICATE = ("Doublon probable : « {name} » ({sheet}, ligne {row}) et « {other_name} » "
                           "({other_sheet}, ligne {other_row}) ont le même nom une fois la casse, les accents, la "
                           "ponctuation et la forme juridique mis de côté ; si c'est la même organisation, gardez "
                           "une seule ligne.")
ORG_MATCHED_BY = {"identifiant": "par identifiant", "nom": "par nom", "nouveau": "nouvel investisseur"}
ORG_MATCHES_HEADER = "Financeurs des catalogues rapprochés des investisseurs"
ORG_MATCHES_COLUMNS = {"financeur": "Financeur (catalogue)", "investisseur": "Investisseur", "rapprochement": "Rapprochement"}

# --- the organisation page (pages/organisation.py) -------------------------------------------------------------
PAGE_ORGANISATION = "Organisation"
ORG_TITLE = "Fiche organisation"
ORG_PICK = "Organisation"
ORG_PICK_PROMPT = "Choisissez une organisation : un investisseur ou un opérateur de l'inventaire."
ORG_UNKNOWN = "Aucune organisation « {id} » dans cet inventaire."
ORG_ROLES = {"financeur": "Financeur", "operateur": "Opérateur"}
ORG_ROLES_LINE = "Rôles : {roles}"
ORG_IDENTITY = "SIREN : {siren} · SIRET : {siret} · RNA : {rna}"
ORG_NO_IDENTIFIER = "non renseigné"
ORG_AS_FUNDER = "Comme financeur"
ORG_AS_OPERATOR = "Comme opérateur"
ORG_METRIC_PROGRAMMES = "Programmes actifs financés"
ORG_METRIC_BUDGET = "Budget (part égale, €)"
ORG_METRIC_COFUNDERS = "Cofinanceurs"
ORG_METRIC_BENEFICIARIES = "Bénéficiaires (déclaré)"
ORG_METRIC_DELIVERED = "Programmes actifs mis en œuvre"
ORG_METRIC_FUNDERS = "Financeurs"
ORG_METRIC_DEPENDENCE = "Part du premier financeur"
ORG_DEPENDENCE_DETAIL = ("Premier financeur : {nom} ({share}) sur {total} € de budgets des programmes actifs mis en "
                         "œuvre.")
ORG_FUNDED_PROGRAMMES = "Programmes actifs financés"
ORG_COFUNDERS = "Cofinanceurs"
ORG_COMMITMENTS = "Engagements"
ORG_RESULTS = "Réalisations déclarées des programmes financés"
ORG_DELIVERED = "Programmes mis en œuvre"
ORG_FUNDERS = "Financeurs des programmes actifs mis en œuvre"
ORG_CELLS = "Territoires × thématiques des programmes actifs mis en œuvre"
ORG_NONE = "Rien à montrer."
ORG_PROBABLE_DUPLICATES = "Doublon probable avec : {names}"
ORG_LINK = "fiche"
ORG_HEADINGS = {
    "id": "Identifiant", "nom": "Nom", "actif": "Actif à la date de l'inventaire", "budget_eur": "Budget (€)",
    "part_budget_eur": "Part égale du budget (€)", "investisseurs": "Financeurs", "operateurs": "Opérateurs",
    "programmes": "Programmes", "programmes_communs": "Programmes en commun", "part": "Part (%)",
    "territoire": "Territoire", "nom_territoire": "Territoire", "thematique": "Thématique",
    "beneficiaires": "Bénéficiaires (déclaré)", "montant_verse_eur": "Montant versé (€, déclaré)",
    "statut": "Statut", "montant_eur": "Montant (€)", "echeance": "Échéance", "type": "Type",
    "fiche": "Fiche", "roles": "Rôles",
}

# --- Jouer collectif › Écosystème (pages/collectif.py) ----------------------------------------------------------
ECO_VIEW = "Écosystème"
ECO_HEADER = "Qui finance qui pour faire quoi"
ECO_INTRO = ("Les flux des financeurs vers les opérateurs qui mettent en œuvre leurs programmes actifs, puis vers "
             "les thématiques.")
ECO_NONE = "Aucun programme actif n'indique d'opérateur : renseignez la colonne operateurs des programmes."
ECO_DRAWN = "Le diagramme et son tableau montrent les {shown} opérateurs qui reçoivent le plus, sur {total}."
ECO_ROWS_SHOWN = "Les {shown} premières lignes sur {total}."
ECO_FLOWS = "Flux (€)"
ECO_FLOW_COLUMNS = {"source": "De", "cible": "Vers", "montant_eur": "Montant (€, part égale)", "programmes": "Programmes"}
ECO_SINGLE = "Opérateurs dépendant d'un seul financeur"
ECO_SINGLE_NONE = "Aucun opérateur ne dépend d'un seul financeur."
ECO_DEPENDENCE = "Dépendance des opérateurs à leur premier financeur"
ECO_PRESENT_UNFUNDED = "Besoins là où un opérateur est présent sans programme actif qui l'y finance"
ECO_PRESENT_UNFUNDED_HELP = ("Un financeur pourrait y agir en s'appuyant sur une structure déjà présente plutôt "
                             "que d'en créer une nouvelle.")
ECO_PRESENT_UNFUNDED_NONE = "Aucune case avec besoins où un opérateur présent n'est pas financé."
ECO_HEADINGS = {
    "nom": "Opérateur", "type": "Type", "financeurs": "Financeurs", "premier_financeur": "Premier financeur",
    "part_premier_financeur": "Part du premier financeur (%)", "budget_eur": "Budgets des programmes actifs (€)",
    "programmes": "Programmes actifs", "nom_territoire": "Territoire", "thematique": "Thématique",
    "score": "Score", "acteurs": "Acteurs", "operateurs": "Opérateurs présents non financés", "zone_blanche": "Zone blanche",
}

# --- command line (inventory/__main__.py) -------------------------------------------------------------------------
CLI_ORGANISATIONS_HELP = "les organisations (investisseurs et opérateurs), leurs rôles, financeurs et dépendance"
