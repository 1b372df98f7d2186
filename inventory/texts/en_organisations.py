"""Organisations (issue 25), in English: the same keys as fr_organisations."""

OPERATOR_TYPE_LABELS = {
    "reseau_national": "National network", "structure_territoriale": "Territorial structure",
    "association": "Association", "entreprise": "Company", "collectivite": "Local authority", "autre": "Other",
}

ERR_SIREN = ("“{value}” is invalid: 9 digits, the last one being the check digit (Luhn key); "
             "check it on annuaire-entreprises.data.gouv.fr")
ERR_SIRET = ("“{value}” is invalid: 14 digits, the SIREN (first 9) then the establishment number, "
             "check digits included")
ERR_RNA = "“{value}” is invalid: W followed by 9 digits, e.g. W751234567"
ERR_UNKNOWN_OPERATOR = "unknown operator “{value}”: it must be listed in the operateurs sheet"
ERR_SAME_IDENTIFIER = ("{column} “{value}” already held by row {first} of the {first_sheet} sheet "
                       "(“{first_name}”): one identifier names one organisation")
WARN_PROBABLE_DUPLICATE = ("Probable duplicate: “{name}” ({sheet}, row {row}) and “{other_name}” "
                           "({other_sheet}, row {other_row}) have the same name once case, accents, punctuation "
                           "and legal form are set aside; if they are one organisation, keep one row.")
ORG_MATCHED_BY = {"identifiant": "by identifier", "nom": "by name", "nouveau": "new investor"}
ORG_MATCHES_HEADER = "Catalogue financers matched to investors"
ORG_MATCHES_COLUMNS = {"financeur": "Financer (catalogue)", "investisseur": "Investor", "rapprochement": "Matched"}

PAGE_ORGANISATION = "Organisation"
ORG_TITLE = "Organisation profile"
ORG_PICK = "Organisation"
ORG_PICK_PROMPT = "Choose an organisation: an investor or an operator of the inventory."
ORG_UNKNOWN = "No organisation “{id}” in this inventory."
ORG_ROLES = {"financeur": "Funder", "operateur": "Operator"}
ORG_ROLES_LINE = "Roles: {roles}"
ORG_IDENTITY = "SIREN: {siren} · SIRET: {siret} · RNA: {rna}"
ORG_NO_IDENTIFIER = "not given"
ORG_AS_FUNDER = "As a funder"
ORG_AS_OPERATOR = "As an operator"
ORG_METRIC_PROGRAMMES = "Active programmes funded"
ORG_METRIC_BUDGET = "Budget (equal share, €)"
ORG_METRIC_COFUNDERS = "Co-funders"
ORG_METRIC_BENEFICIARIES = "Beneficiaries (declared)"
ORG_METRIC_DELIVERED = "Active programmes delivered"
ORG_METRIC_FUNDERS = "Funders"
ORG_METRIC_DEPENDENCE = "Share of the first funder"
ORG_DEPENDENCE_DETAIL = "First funder: {nom} ({share}) of €{total} of budgets of the active programmes delivered."
ORG_FUNDED_PROGRAMMES = "Active programmes funded"
ORG_COFUNDERS = "Co-funders"
ORG_COMMITMENTS = "Commitments"
ORG_RESULTS = "Declared results of the programmes funded"
ORG_DELIVERED = "Programmes delivered"
ORG_FUNDERS = "Funders of the active programmes delivered"
ORG_CELLS = "Territories × themes of the active programmes delivered"
ORG_NONE = "Nothing to show."
ORG_PROBABLE_DUPLICATES = "Probable duplicate of: {names}"
ORG_LINK = "profile"
ORG_HEADINGS = {
    "id": "Identifier", "nom": "Name", "actif": "Active at the snapshot's date", "budget_eur": "Budget (€)",
    "part_budget_eur": "Equal share of the budget (€)", "investisseurs": "Funders", "operateurs": "Operators",
    "programmes": "Programmes", "programmes_communs": "Programmes in common", "part": "Share (%)",
    "territoire": "Territory", "nom_territoire": "Territory", "thematique": "Theme",
    "beneficiaires": "Beneficiaries (declared)", "montant_verse_eur": "Disbursed (€, declared)",
    "statut": "Status", "montant_eur": "Amount (€)", "echeance": "Due", "type": "Type",
    "fiche": "Profile", "roles": "Roles",
}

ECO_VIEW = "Ecosystem"
ECO_HEADER = "Who funds whom to deliver what"
ECO_INTRO = "Flows from funders to the operators that deliver their active programmes, then to the themes."
ECO_NONE = "No active programme names an operator: fill in the programmes' operateurs column."
ECO_DRAWN = "The diagram and its table show the {shown} operators that receive the most, of {total}."
ECO_ROWS_SHOWN = "The first {shown} rows of {total}."
ECO_FLOWS = "Flows (€)"
ECO_FLOW_COLUMNS = {"source": "From", "cible": "To", "montant_eur": "Amount (€, equal share)", "programmes": "Programmes"}
ECO_SINGLE = "Operators depending on a single funder"
ECO_SINGLE_NONE = "No operator depends on a single funder."
ECO_DEPENDENCE = "Operators' dependence on their first funder"
ECO_PRESENT_UNFUNDED = "Needs where an operator is present but no active programme funds it there"
ECO_PRESENT_UNFUNDED_HELP = ("A funder could act there through a structure already present instead of building "
                             "a new one.")
ECO_PRESENT_UNFUNDED_NONE = "No cell with needs where a present operator goes unfunded."
ECO_HEADINGS = {
    "nom": "Operator", "type": "Type", "financeurs": "Funders", "premier_financeur": "First funder",
    "part_premier_financeur": "Share of the first funder (%)", "budget_eur": "Budgets of the active programmes (€)",
    "programmes": "Active programmes", "nom_territoire": "Territory", "thematique": "Theme",
    "score": "Score", "acteurs": "Actors", "operateurs": "Operators present, unfunded", "zone_blanche": "White zone",
}

CLI_ORGANISATIONS_HELP = "the organisations (investors and operators), their roles, funders and dependence"
