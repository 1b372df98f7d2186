"""English: what the domain says (command line, import report, catalogues, formulas, charts, follow-through).

The same keys and ``{placeholders}`` as ``fr_domain`` (``tests/test_texts.py`` checks it). The spreadsheet contract
keeps its French sheet and column names in English too (``besoins``, ``thematique``), with their English aliases."""
# flake8: noqa: E501

# --- store and command line -------------------------------------------------------------------------
STORE_BUSY = (
    "The database {path} is in use by another program (the dashboard or another import): "
    "try again in a few seconds, or import the file from the dashboard's “Import” page."
)
CANNOT_DELETE_ACTIVE = "The active snapshot cannot be deleted: activate another one first."
DEMO_LABEL_APRIL = "Fictitious demo – inventory as of 30 Apr"
DEMO_LABEL_JUNE = "Fictitious demo – inventory as of 30 Jun"
DEMO_LABEL_SYNTHETIC = "Synthetic {needs} needs / {programmes} programmes (fictitious)"
CLI_SNAPSHOT_MADE = "Snapshot no. {id} created and activated: {besoins} needs, {programmes} programmes, {investisseurs} investors."
CLI_CARRIED_OVER = "Carried over from the active snapshot: {sheets}."
CLI_REJECTED = "Import refused: {n} {{n|problem|problems}}, nothing was changed."
CLI_ACTIVATED = "Snapshot no. {id} activated."
CLI_UNKNOWN_SNAPSHOT = "There is no snapshot no. {id}."
CLI_EXPORTED = "Snapshot no. {id} exported to {path}."
CLI_TEMPLATE = "Template written to {path}."
CLI_FILE_NOT_FOUND = "File not found: {path}."
CLI_UNEXPECTED = "Unexpected error, nothing was changed ({error}). Please report it to the technical team."
CLI_NO_SNAPSHOT = "The database holds no snapshot yet: import a file."
CLI_NO_COMMITMENTS = "This snapshot holds no commitment."
CLI_INIT_CREATED = "Database created: {path} (fictitious demo inventory loaded)."
CLI_INIT_EXISTS = "Existing database: {path}."
CLI_PASSWORD_CREATED = (
    "Facilitator password created (keep it to import from the dashboard): {password}\n"
    "It is stored in {path}; change it by editing that file."
)

# command-line help (python -m inventory --help)
CLI_DESCRIPTION = "Shared inventory of social investors"
CLI_HELP_DB = "DuckDB file"
CLI_HELP_INIT = "create the database (with the demo inventory if it is empty)"
CLI_HELP_EMPTY = "do not load the demo"
CLI_HELP_ENSURE_PASSWORD = "create a facilitator password if there is none"
CLI_HELP_IMPORT = "import a workbook (.xlsx, .ods) or CSV files"
CLI_HELP_FORMAT = "public catalogue (otherwise recognised from the content)"
CLI_HELP_SNAPSHOTS = "list the snapshots"
CLI_HELP_ACTIVATE = "activate a snapshot"
CLI_HELP_EXPORT = "export a snapshot (.xlsx or a folder of CSV files)"
CLI_HELP_TEMPLATE = "write the empty template"
CLI_HELP_CONTRACT = "print the workbook contract (Markdown, generated from the models)"
CLI_HELP_MATRIX = "the figures by territory × theme"
CLI_HELP_COMMITMENTS = "the commitments, late ones first, and the white zones they reach"
CLI_HELP_PATHWAYS = "the support pathways by territory × theme and their missing links"
CLI_HELP_DEMO = "load the demo, or a synthetic inventory (--needs N --programmes M)"
CLI_HELP_COMMITMENTS_N = "synthetic commitments"
CLI_HELP_LANG = "language of the messages and of the files written (fr or en)"
CLI_BAD_DATE = "invalid date: {value} (expected YYYY-MM-DD or DD/MM/YYYY)"
CLI_HELP_RESULTS_N = "synthetic results"

# --- closed lists of the contract: their labels (the codes are the contract's; inventory/reference.py) -------------
AUDIENCE_LABELS = {
    "association": "Associations",
    "fondation": "Foundations",
    "structure_ess": "Social economy organisations",
    "collectivite": "Local authorities",
    "tpe_pme": "Small businesses (SMEs)",
    "reseau_accompagnement": "Support networks",
}
PHASE_LABELS = {"urgence": "Emergency", "relance": "Recovery", "structurel": "Structural"}
SUPPORT_TYPE_LABELS = {
    "subvention": "Grant",
    "pret": "Loan",
    "garantie": "Guarantee",
    "accompagnement": "Coaching",
    "formation": "Training",
    "outil": "Tool",
    "mecenat_competences": "Skills sponsorship",
    "autre": "Other",
}
INVESTOR_TYPE_LABELS = {"institution": "Institution", "fondation": "Foundation", "entreprise": "Company"}
SOURCE_LABELS = {"terrain": "Field actors", "ingenierie": "Support ecosystem (engineering)"}
STATUS_LABELS = {"envisage": "Considered", "engage": "Committed", "realise": "Done", "abandonne": "Dropped"}

# --- import report ------------------------------------------------------------------------------------
ERR_END_BEFORE_START = "the end date {fin} is before the start date {debut}"
ERR_DUE_BEFORE_DATE = "the due date {echeance} is before the date of the decision {date}"
ERR_REQUIRED = "required value missing"
ERR_UNKNOWN_INVESTOR = "unknown investor “{value}”: it must be listed in the investisseurs sheet"
ERR_UNKNOWN_THEME = "unknown theme “{value}” (known themes: {known})"
ERR_DUPLICATE = "identifier “{value}” is used twice (already on row {first})"
ERR_MISSING_COLUMN = "required column “{column}” is missing from the sheet (expected columns: {expected})"
ERR_DUPLICATE_COLUMN = "the column “{column}” appears twice: keep only one"
ERR_HEADER_NOT_FIRST_ROW = (
    "the headers must be on row 1; they seem to be on row {row}: delete the rows above them"
)
ERR_NO_KNOWN_SHEET = (
    "no sheet recognised: the sheets (or CSV files) must be named investisseurs, programmes, "
    "besoins or thematiques (found: {found})"
)
ERR_EMPTY_FILE = "the file is empty"
ERR_NOT_READABLE = "this file is not a readable workbook ({detail}): save it as .xlsx, .ods or .csv"
ERR_XLS = "old Excel .xls format: open it and save it as .xlsx (Excel Workbook)"
ERR_ENCRYPTED = "the workbook is password-protected: save a copy without a password"
ERR_TOO_BIG = "file too large ({size} MB, at most {limit} MB): split it or remove the sheets you do not need"
ERR_ZIP_BOMB = "the workbook unpacks to an abnormal size ({size} MB): it was refused without being opened"
ERR_TOO_MANY_ROWS = "too many rows ({rows}, at most {limit})"
ERR_TOO_MANY_COLUMNS = "too many columns ({columns}, at most {limit})"
ERR_UNKNOWN_EXTENSION = "the “{ext}” format is not supported: upload an .xlsx, .ods or .csv file"
ERR_CSV_UNREADABLE = "the CSV file is malformed ({detail})"
DETAIL_DAMAGED = "damaged content, or content of another type"
DETAIL_NOT_A_WORKBOOK = "it is not a workbook"
DETAIL_BAD_ARCHIVE = "damaged archive"
DETAIL_BINARY = "binary content"
DETAIL_OPEN_QUOTE = "a quotation mark is opened and never closed"
DETAIL_MISPLACED_QUOTES = "misplaced quotation marks"
ERR_CSV_CELL_TOO_LONG = (
    "a cell is longer than 131,072 characters: a quotation mark was probably left open, "
    "or a text is longer than allowed ({limit} characters per cell)"
)
ERR_MERGED_CELLS = (
    "the sheet {sheet} has merged cells ({cells}): unmerge them and copy the value onto "
    "every row (one row per item)"
)
ERR_SHEET_TWICE = "the sheet {sheet} is given twice (in {files}): keep only one"
ERR_NO_DATA = "the sheet has no data row"
ERR_NO_ACTIVE_FOR = "the sheet {sheet} is missing and there is no snapshot yet to carry it over from"
ERR_TOO_MANY_FILES = "at most {limit} files per import"
NO_SHEET_FOUND = "none"
# a cell's problem, after the column's label: “Intensité: 7 is not between 1 and 5”
ERR_IN_COLUMN = "{column}: {message}"
ERR_AT_LEAST_ONE = "give at least one value"
ERR_INVALID = "invalid value"
# the cell parsers (inventory/parsing.py); {value} is the cell as typed
ERR_UNCALCULATED = (
    "formula without a saved result (file produced by a program): open the file in "
    "Excel or LibreOffice and save it, or type the value"
)
ERR_NOT_FINITE_CELL = "invalid numeric value"
ERR_EXCEL_ERROR = "the cell holds the Excel error {value}: replace it with a value"
ERR_CONTROL_CHARACTERS = "the text holds invisible control characters: type it again"
ERR_TEXT_TOO_LONG = "text too long ({length} characters, at most {limit})"
ERR_CODE_TOO_LONG = "identifier too long (at most {limit} characters)"
ERR_NOT_ALLOWED = "“{value}” is not an allowed value (possible values: {allowed})"
ERR_OLD_CORSICA = (
    "“{value}” meant the whole of Corsica before 1976: write 2A (Corse-du-Sud), "
    "2B (Haute-Corse) or Corse for the region"
)
ERR_OLD_REGION = "“{value}” is a former region (before 2016): write {region}"
ERR_UNKNOWN_TERRITORY = (
    "unknown territory “{value}”: write FR, the name of a region or a département, "
    "REG-84, DEP-69 or a département number"
)
ERR_NOT_A_NUMBER = "“{value}” is not a number"
ERR_NOT_FINITE = "“{value}” is not a finite number"
ERR_TOO_LARGE = "{value} is far too large (at most {limit})"
ERR_NOT_AN_INTEGER = "{value} is not a whole number"
ERR_NOT_BETWEEN = "{value} is not between {lo} and {hi}"
ERR_AT_LEAST = "{value} must be at least {lo}"
ERR_NEGATIVE = "{value} is negative: give an amount of zero or more"
ERR_NUMBER_NOT_A_DATE = "{value} is not a date (expected: DD/MM/YYYY)"
ERR_NO_SUCH_DATE = "the date {value} does not exist"
ERR_NOT_A_DATE = "“{value}” is not a date (expected: DD/MM/YYYY or YYYY-MM-DD)"
WARN_UNKNOWN_COLUMNS = "Sheet {sheet}: unknown columns ignored: {columns}."
WARN_UNKNOWN_SHEETS = "Unknown sheets ignored: {sheets}."
WARN_CARRIED = "Sheet {sheet} missing: carried over unchanged from the active snapshot."
WARN_REPEATED_INVESTOR = ("Sheet {sheet}: the same investor is named several times in one cell; "
                          "it is counted once ({rows}).")
WARN_REPEATED_INVESTOR_ROW = "row {row}: {ids}"
WARN_REPEATED_INVESTOR_MORE = "and {n} other {{n|row|rows}}"
KIND_LABELS = {
    "fichier": "Unreadable or refused file",
    "colonne": "Missing or repeated columns",
    "valeur": "Invalid values",
    "reference": "Unknown references",
    "doublon": "Repeated identifiers",
    "coherence": "Inconsistencies between columns",
}

ERR_CSV_NAME_TWO = (
    "the file name points to several sheets ({sheets}): rename it so that it names only one, "
    "for example besoins.csv"
)
ERR_CSV_HEADERS_TWO = (
    "the file name points to no sheet and its header row fits several ({sheets}): "
    "rename it after its sheet, for example besoins.csv"
)
ERR_CSV_NO_SHEET = (
    "neither the file name nor its header row points to a sheet ({sheets}): rename it after its "
    "sheet (for example “inventaire-Besoins.csv”) or check its headers"
)
# --- public catalogues (inventory/catalogues/) -------------------------------------------------------
CAT_AIDES_TERRITOIRES = "aides-territoires export"
CAT_HXL = "HXL table (3W)"
ERR_CATALOGUE_JSON = (
    "the JSON file is truncated or malformed (line {line}, column {column}): download the complete "
    "aides-territoires export again"
)
ERR_CATALOGUE_NOT_AT = (
    "this JSON file is not an aides-territoires export: expected an object {\"results\": [...]} (or a list) "
    "whose every aid has at least a name (name) and a perimeter (perimeter)"
)
ERR_CATALOGUE_NO_AIDS = "the aides-territoires export holds no aid"
ERR_CATALOGUE_CSV = "the CSV file is malformed (quotation marks misplaced or not closed)"
ERR_CATALOGUE_BINARY = "this file is not readable text (binary content)"
ERR_CATALOGUE_CSV_COLUMNS = (
    "this CSV is neither an aides-territoires export nor an HXL table: missing columns {missing} "
    "(an aides-territoires export has at least the columns name and perimeter — or Nom and Périmètre; "
    "an HXL table has a row of hashtags #org, #sector, #adm1… under its headers)"
)
ERR_HXL_NO_TAGS = (
    "no row of HXL hashtags (#org, #sector, #adm1…) in the first 25 rows: this is not an HXL table"
)
ERR_HXL_NO_DATA = "the HXL table has no data row under its row of hashtags (row {row})"
ERR_HXL_MISSING = (
    "the HXL table has no {tag} column; a 3W table (who does what, where) has at least #org, #sector and a place "
    "(#adm1, #adm2 or #country)"
)
ERR_CORRESPONDENCE_SOURCE = "unknown source “{value}” (possible sources: {known})"
ERR_CORRESPONDENCE_TARGET = "“{value}” is not a possible code for the source {source} (possible codes: {known})"
ERR_CORRESPONDENCE_ONE_PHASE = "one phase per correspondence (found “{value}”)"
SET_ASIDE_FINER = (
    "perimeter finer than a département ({scale}): set aside rather than count a whole territory "
    "as covered"
)
SET_ASIDE_UNKNOWN_PERIMETER = (
    "perimeter not recognised: neither France, nor a region, nor a département (a municipality, a group of "
    "municipalities or a custom perimeter is not placed)"
)
SET_ASIDE_PARTIAL_PERIMETER = (
    "perimeter covering neither the whole of France, nor a whole region, nor a whole département ({scale}): set aside"
)
SET_ASIDE_NO_PERIMETER = "no perimeter given: the aid cannot be placed"
SET_ASIDE_NO_CATEGORY = "no category: its theme cannot be inferred"
SET_ASIDE_NO_THEME = (
    "no correspondence with a theme for {values}: add a row to the correspondances sheet "
    "(source {source}, valeur, thematique)"
)
SET_ASIDE_OUT_OF_SCOPE = "outside the inventory's themes ({values}) according to the correspondence table"
SET_ASIDE_NO_PUBLIC = "none of its audiences is an audience of the inventory ({values})"
SET_ASIDE_NO_FINANCER = "no aid provider (funder) given: a programme has at least one investor"
SET_ASIDE_NO_ORG = "no organisation (#org) on the row: a programme has at least one investor"
SET_ASIDE_NO_NAME = "no name: a programme has a name"
SET_ASIDE_BAD_DATE = "unreadable date “{value}” (expected: YYYY-MM-DD or DD/MM/YYYY)"
SET_ASIDE_DUPLICATE = "repeated aid: already read {first}"
SET_ASIDE_NOT_FRANCE = "country other than France ({value}): outside the inventory's scope"
SET_ASIDE_BAD_COUNT = "{tag} is not a whole number of zero or more (“{value}”)"
SET_ASIDE_NO_PLACE = "no place (#adm1, #adm2 or #country) on the row"
WARN_CATALOGUE_PAGE = (
    "The file holds only {read} {{read|aid|aids}} out of {count}: it is a single page of the aides-territoires API. "
    "Download every page (or the complete export) so that nothing is left out."
)
WARN_HXL_DEFAULT_INTENSITY = (
    "{n} {{n|need|needs}} of the HXL table without a #severity column {{n|was|were}} given the intensity {value} (medium): "
    "add a #severity column (1 to 5) to be more precise."
)
ANNOTATED_ERRORS_COLUMN = "errors"  # the annotated workbook's column summing up each row's problems
SET_ASIDE_SHEET = "set aside"
SET_ASIDE_COLUMNS = ("file", "row", "value", "reason")
CLI_SET_ASIDE = "Set aside: {sheet}, row {row}, “{value}”: {message}."
WARN_NEW_INVESTORS = "Investors created for unknown funders ({n}): {names}."

# --- formulas: the one sentence explaining each number, shown beside it and listed on the Method page ----------
FORMULA_ACTIF = ("Active programme: a programme whose start date, if given, is on or before the snapshot's date "
                 "and whose end date, if given, is on or after it; every figure presented as the current state "
                 "counts active programmes only.")
FORMULA_ACTEURS = "Actors: total number of actors who expressed a need (sum of “number of actors”)."
FORMULA_SCORE = "Score: sum, over every need signal, of the number of actors times the intensity (1 to 5)."
FORMULA_INTENSITE = "Mean intensity: score divided by the number of actors (from 1 to 5)."
FORMULA_PROGRAMMES = ("Programmes: programmes active on the snapshot's date that cover the theme and whose "
                      "territories reach the cell (a national programme reaches everything, a regional programme "
                      "its départements, a départemental programme counts for its region).")
FORMULA_ATTEINTE = ("Need reached: a need signal is reached when an active programme of its theme targets the "
                    "whole of France, its territory or, for a département, its region; a need entered for a whole "
                    "region is reached only by a national programme or one of that region.")
FORMULA_SCORE_COUVERT = "Score covered: sum of the scores of the cell's need signals reached by at least one active programme."
FORMULA_PART_COUVERTE = "Share of need reached: score covered divided by the cell's score (from 0 to 100%)."
FORMULA_TENSION = ("Tension: score divided by (1 + number of programmes covering the cell); the higher it is, "
                   "the less the need is covered.")
FORMULA_ZONE_BLANCHE = ("White zone: a cell where needs are expressed and none is reached by an active programme "
                        "(0% of the need reached), even if a programme acts elsewhere in the territory.")
FORMULA_INVESTISSEURS = "Investors: number of distinct investors present in the cell through their active programmes."
FORMULA_ALLIANCE = ("Alliance opportunity: a cell where at least two investors act through at least two distinct "
                    "active programmes.")
FORMULA_COFINANCEMENT = "Co-funding rate: share of active programmes funded by at least two distinct investors."
FORMULA_BUDGET = ("An investor's budget: the sum of its share of the budget of each of its active programmes, a "
                  "programme's budget being split equally between its co-funders (so the investors' budgets "
                  "add up to the total of the active programmes).")
FORMULA_CASES_COMMUNES = ("Cells in common: region × theme crossings (or whole of France × theme) where the two "
                          "investors each have at least one active programme.")
FORMULA_LIGNE_REGION = ("Département scale: a region's row counts only the needs entered for the whole region; "
                        "those of its départements are on their own rows.")
# key → sentence: the captions and the Method page read this one table
FORMULAS = {
    "actif": FORMULA_ACTIF, "acteurs": FORMULA_ACTEURS, "score": FORMULA_SCORE, "intensite_moyenne": FORMULA_INTENSITE,
    "programmes": FORMULA_PROGRAMMES, "atteinte": FORMULA_ATTEINTE, "score_couvert": FORMULA_SCORE_COUVERT,
    "part_couverte": FORMULA_PART_COUVERTE, "tension": FORMULA_TENSION, "zone_blanche": FORMULA_ZONE_BLANCHE,
    "investisseurs": FORMULA_INVESTISSEURS, "alliance": FORMULA_ALLIANCE, "cofinancement": FORMULA_COFINANCEMENT,
    "budget": FORMULA_BUDGET, "cases_communes": FORMULA_CASES_COMMUNES, "ligne_region": FORMULA_LIGNE_REGION,
}
# how a cell's coverage is said in words: “1 programme(s) in the region, 0% of the need reached”
COVERAGE_WORDS = "{programmes} {{programmes|programme|programmes}} {where}, {part} of the need reached"
COVERAGE_WHERE = {"pays": "at national level", "region": "in the region", "departement": "in the département"}

# --- charts (inventory/charts.py) ------------------------------------------------------------------------
COLON = ": "  # between a label and its value in a chart's hover box
CHART_TERRITORY = "Territory"
CHART_THEME = "Theme"
CHART_INVESTOR = "Investor"
CHART_WHITE_ZONE_MARK = "WZ"
COVERAGE_NO_NEED = "No need recorded here: {programmes} {{programmes|programme|programmes}} {where}, nothing to cover"
CHART_WHITE_ZONES = "White zones"
CHART_NO_VALUE = "no data"
CHART_THEMES_COVERED = "Themes covered"
CHART_COFUNDED = "Programmes co-funded together"
CHART_PROGRAMMES = "Programmes"
CHART_EMPTY = "Nothing to show for these filters."
MAP_ATTRIBUTION = (
    "Base map: IGN – ADMIN EXPRESS COG, 2018 edition; INSEE – Code officiel géographique 2018; "
    "via github.com/gregoiredavid/france-geojson. Licence Ouverte / Etalab. "
    "Modified data (simplified, overseas départements moved)."
)

# --- follow-through: commitments, pathways, results (domain words; pages add their own below) ---------------
MISSING_LINK_LABELS = {
    "urgence_sans_suite": "Emergency with no follow-up (neither recovery nor structural)",
    "argent_sans_accompagnement": "Money without support",
    "accompagnement_sans_argent": "Support without money",
}
NO_MISSING_LINK = "Complete pathway"
DECLARED = "declared"
DECLARED_NOTE = (
    "Figures declared by those who run the programmes: a framework of trust, neither audit nor rating."
)
ERR_UNKNOWN_PROGRAMME = "unknown programme “{value}”: it must be listed in the programmes sheet"
ERR_THEME_NOT_OF_PROGRAMME = (
    "the programme {programme} does not cover the theme “{value}” (its themes: {themes})"
)
COMMITMENT_NOTED_LABEL = "{session} – commitment noted at {time}"
COMMITMENT_DUPLICATE_ID = "identifier “{value}” is already used by another commitment"
FORMULA_ENGAGEMENTS = (
    "Commitments: open commitments (considered or committed) whose themes and territories reach "
    "the cell, by the same rule as programmes."
)
FORMULA_EN_VOIE = "Being covered: a white zone that at least one open commitment reaches."
FORMULA_EN_RETARD = (
    "Late: a commitment whose due date is before the snapshot's date and which is neither done nor dropped."
)
FORMULA_PRIME_ALLIANCE = (
    "Alliance premium: share of the commitments (and of their amounts) made by at least two distinct investors."
)
FORMULA_BENEFICIAIRES = (
    "Beneficiaries (declared): actors reached according to the declared results; those of départements count "
    "for their region."
)
FORMULA_TAUX_ATTEINTE = (
    "Reach rate (declared): beneficiaries divided by the actors who expressed a need in the cell; "
    "with no need expressed, no rate."
)
FORMULA_MONTANT_VERSE = "Amount disbursed (declared): sums disbursed according to the results, next to the announced budget."
FORMULA_PARCOURS = (
    "Pathway: the phases (emergency, recovery, structural) and the types of support (money: grant, loan, "
    "guarantee, skills sponsorship; support: coaching, training, tool) of the active programmes "
    "that reach at least one need of the cell."
)
FORMULA_MAILLON_MANQUANT = (
    "Missing link: emergency without recovery or structural support, money without support, or support "
    "without money."
)
FORMULA_RESULTATS_ODD = (
    "Results by SDG (declared): the SDGs of the result, or failing that those of its programme; a result "
    "counted under several SDGs appears under each."
)
FORMULA_PART_VERSEE = (
    "Share disbursed (declared): amount disbursed according to the results divided by the programme's announced "
    "budget; the budget and the disbursement of a co-funded programme are split equally between its investors."
)
FORMULA_ZONES_RESTANTES = (
    "White zones remaining: white zones that no open commitment (considered or committed) reaches; what would "
    "remain if the open commitments are kept."
)
FORMULA_SUIVI_ENGAGEMENTS = (
    "From one snapshot to the next, a commitment (recognised by its identifier, otherwise by its investors, themes "
    "and territories) is kept if it is done in the later one, dropped if it is dropped there, late if it is late "
    "there."
)
FORMULAS |= {
    "part_versee": FORMULA_PART_VERSEE, "zones_restantes": FORMULA_ZONES_RESTANTES,
    "suivi_engagements": FORMULA_SUIVI_ENGAGEMENTS,
    "engagements": FORMULA_ENGAGEMENTS, "en_voie_de_couverture": FORMULA_EN_VOIE, "en_retard": FORMULA_EN_RETARD,
    "prime_alliance": FORMULA_PRIME_ALLIANCE, "beneficiaires": FORMULA_BENEFICIAIRES,
    "taux_atteinte": FORMULA_TAUX_ATTEINTE, "montant_verse": FORMULA_MONTANT_VERSE, "parcours": FORMULA_PARCOURS,
    "maillon_manquant": FORMULA_MAILLON_MANQUANT, "resultats_odd": FORMULA_RESULTATS_ODD,
}
# the support ecosystem (inventory/analysis/organisations.py): the organisation page and Jouer collectif › Écosystème
FORMULA_DEPENDANCE = (
    "Share of the first funder (an operator's dependence): each active programme it delivers has its budget shared "
    "equally between its funders; the first funder is the one whose shares add up to the most, and its share is "
    "that sum divided by the total budget of those programmes (100%: a single funder keeps it alive)."
)
FORMULA_FLUX = (
    "Ecosystem flows: the budget of each active programme that names its operators is shared equally between its "
    "funders and its operators (funder → operator), then between its operators and its themes (operator → theme); "
    "what enters an operator leaves it towards the themes."
)
FORMULA_OPERATEURS_PRESENTS = (
    "Operator present, unfunded: a cell with needs whose need signals lie in the operator's territories (by the "
    "same reach rule as a programme's) but that no active programme it delivers reaches."
)
FORMULAS |= {"part_premier_financeur": FORMULA_DEPENDANCE, "flux": FORMULA_FLUX,
             "operateurs_presents": FORMULA_OPERATEURS_PRESENTS}

# --- the template workbook's read-me sheet (inventory/exports.py) -----------------------------------------
TEMPLATE_TITLE = "Template of the shared inventory of social investors"
TEMPLATE_HOW = "How to fill it in"
TEMPLATE_HOW_TEXT = "One row per item; row 1 holds the headers, do not change it (the column names stay French)."
TEMPLATE_LISTS = "Lists"
TEMPLATE_LISTS_TEXT = "Several values in one cell: separate them with ; (semicolon) or , (comma)."
TEMPLATE_DATES = "Dates"
TEMPLATE_DATES_TEXT = "DD/MM/YYYY (e.g. 30/06/2020) or a real Excel date."
TEMPLATE_TERRITORIES = "Territories"
TEMPLATE_TERRITORIES_TEXT = "FR (national), name of a region or a département, REG-84, DEP-69 or number (69, 2A, 974)."
TEMPLATE_ABSENT = "Missing sheets"
TEMPLATE_ABSENT_TEXT = "A missing sheet is carried over from the active snapshot: you may send only “besoins”."
TEMPLATE_FOLLOWUP = "Follow-through"
TEMPLATE_DEFAULT_THEME = "default theme"
TEMPLATE_THEMES_COMMENT = "Optional: add your own themes here (the 8 default ones are listed in the read-me)."
TEMPLATE_FOLLOWUP_TEXT = "Optional: “engagements” (what the investors decided to do) and “realisations” (what the programmes reached, declared by those who run them)."
TEMPLATE_README_SHEET = "read-me"
TEMPLATE_README_HEADINGS = ("Sheet", "Column", "Required", "What is expected", "Possible values")
TEMPLATE_REQUIRED_NOTE = " (required)"
# a contract column in the template's comments and the import report: its French label, and its English alias after
# it when True (“Intensité [intensity]”)
CONTRACT_ALIAS_SHOWN = True
# sheet.column → what the column expects (the French help is the models' own, inventory/models.py)
CONTRACT_HELP = {
    "investisseurs.id": "Short unique code, e.g. FDN1",
    "investisseurs.nom": "Name of the investor",
    "investisseurs.type": "institution, fondation or entreprise",
    "investisseurs.site_web": "Website address (optional)",
    "investisseurs.contact": "E-mail address the signals digest is sent to, e.g. follow-up@example.org (optional)",
    "programmes.id": "Short unique code, e.g. P001",
    "programmes.nom": "Name of the programme",
    "programmes.investisseurs": "Identifiers of the investors, separated by ; (at least one); an investor named twice in the same cell is counted once, and the import report says so (warning)",
    "programmes.phase": "urgence (emergency), relance (recovery) or structurel (structural)",
    "programmes.nature": "Types of support, separated by ;",
    "programmes.thematiques": "Codes of the themes covered, separated by ;",
    "programmes.territoires": "FR, regions or départements, separated by ;",
    "programmes.publics": "Target audiences, separated by ; (empty: all)",
    "programmes.budget_eur": "Amount in euros (optional)",
    "programmes.date_debut": "DD/MM/YYYY (optional: open)",
    "programmes.date_fin": "DD/MM/YYYY (optional: open)",
    "programmes.odd": "Numbers of the SDGs (1 to 17), separated by ;",
    "programmes.url": "Web page of the programme (optional)",
    "programmes.description": "Free text (optional)",
    "besoins.territoire": "FR, region or département (name or code)",
    "besoins.source": "terrain (field actors) or ingenierie (support ecosystem)",
    "besoins.thematique": "Code of the theme",
    "besoins.intensite": "From 1 (low) to 5 (critical)",
    "besoins.nb_acteurs": "How many actors expressed this need (default: 1)",
    "besoins.public": "Type of actor (optional)",
    "besoins.secteur": "Sector of activity, free text (optional)",
    "besoins.date": "Date of the signal (optional)",
    "besoins.description": "Free text (optional)",
    "besoins.odd": "Numbers of the SDGs (1 to 17), separated by ;",
    "besoins.id": "Unique identifier (optional)",
    "thematiques.code": "Short code, e.g. mobilite",
    "thematiques.libelle": "Label shown",
    "engagements.id": "Unique identifier (optional), e.g. E01",
    "engagements.investisseurs": "Identifiers of the committed investors, separated by ; (at least one; an investor named twice is counted once)",
    "engagements.thematiques": "Codes of the themes aimed at, separated by ;",
    "engagements.territoires": "FR, regions or départements aimed at, separated by ;",
    "engagements.statut": "envisage (considered), engage (committed), realise (done) or abandonne (dropped), with or without accents",
    "engagements.montant_eur": "Amount committed in euros (optional)",
    "engagements.date": "Date of the decision, DD/MM/YYYY (default: the snapshot's date)",
    "engagements.echeance": "Date by which it must be done (optional)",
    "engagements.programme": "Identifier of the programme carrying it out, once in the catalogue (optional)",
    "engagements.session": "Session where it was decided, e.g. Session of 30 Jun (optional)",
    "engagements.description": "Free text (optional)",
    "realisations.programme": "Identifier of the programme",
    "realisations.territoire": "FR, region or département (name or code)",
    "realisations.thematique": "Code of one of the programme's themes",
    "realisations.beneficiaires": "Number of actors reached (declared)",
    "realisations.montant_verse_eur": "Amount disbursed in euros (optional, declared)",
    "realisations.date": "End of the period reported, DD/MM/YYYY (optional)",
    "realisations.odd": "Numbers of the SDGs (1 to 17), separated by ;",
    "realisations.indicateur": "The programme's own indicator (optional)",
    "realisations.valeur": "Value of the indicator (optional)",
    "realisations.commentaire": "Free text (optional)",
}
# organisations (issue 25): legal identity and operators
CONTRACT_HELP |= {
    "investisseurs.siren": "SIREN number, 9 digits (optional)",
    "investisseurs.rna": "RNA number of an association, W followed by 9 digits (optional)",
    "programmes.operateurs": "Identifiers of the operators that deliver it, separated by ; (optional)",
    "programmes.date_limite_candidature": "Last day to apply, DD/MM/YYYY (optional); not the end of the programme",
    "operateurs.id": "Short unique code, e.g. OP1",
    "operateurs.nom": "Name of the operator",
    "operateurs.type": "reseau_national, structure_territoriale, association, entreprise, collectivite or autre",
    "operateurs.siren": "SIREN number, 9 digits (optional)",
    "operateurs.siret": "SIRET number of the establishment, 14 digits (optional)",
    "operateurs.rna": "RNA number of an association, W followed by 9 digits (optional)",
    "operateurs.territoires": "Where it is present: FR, regions or départements, separated by ;",
    "operateurs.site_web": "Website address (optional)",
}

# --- command line: the session report -----------------------------------------------------------------------
CLI_HELP_REPORT = "write the session report of a snapshot (an .html or .pdf file)"
CLI_REPORT_WRITTEN = "Session report of snapshot no. {id} written to {path} ({size} KB)."

# --- charts: white zones, pathways, commitments, results ----------------------------------------------------
CHART_WHITE_ZONE_LEGEND = "White zone: 0% of the need reached"
PATHWAY_KIND_LABELS = {
    "urgence_sans_suite": "Emergency with no follow-up (neither recovery nor structural)",
    "argent_sans_accompagnement": "Money without support",
    "accompagnement_sans_argent": "Support without money",
    "complet": "Complete pathway",
    "zone_blanche": "No programme (white zone)",
}
PATHWAY_MARKS = {"urgence_sans_suite": "E", "argent_sans_accompagnement": "€", "accompagnement_sans_argent": "S",
                 "complet": "✓", "zone_blanche": "WZ"}
PATHWAY_HOVER = "{kind}<br>{programmes} {{programmes|programme|programmes}}; phases: {phases}"
CHART_COMMITMENTS = "Commitments"
CHART_LATE = "of which late"
CHART_IN_NEED = "Actors who expressed a need"
CHART_REACHED = "Actors reached (declared)"
WARN_FOLLOWUP_NOT_CARRIED = (
    "Sheet {sheet} not carried over: {n} {{n|row|rows}} of the active snapshot {{n|names|name}} investors or programmes missing from "
    "the new file (for example row {row}: {message}). It stays in the active snapshot; send it, corrected, with "
    "this file to keep it."
)
# --- the session report (inventory/report.py and the dashboard's download) ------------------------------------
REPORT_TITLE = "Session report"
REPORT_SNAPSHOT = "Snapshot “{label}”, data as of {as_of}."
REPORT_MADE = "Report made on {date} at {time}, with the same computations as the dashboard."
REPORT_FILE_NAME = "session_report_{as_of}.{kind}"
REPORT_KEY_FIGURES = "Key figures"
REPORT_FIGURE_COLUMNS = {"chiffre": "Figure", "valeur": "Value"}
REPORT_COMMITMENTS = "Commitments"
REPORT_LATE = "Late commitments"
REPORT_REACHED = "Actors reached (declared)"
REPORT_COFUNDING_LINE = "Co-funding rate: {rate} ({co} active programmes co-funded out of {total})."
REPORT_MAP = "Where the needs are: actors by region"
REPORT_WHITE_ZONES = "White zones and partly covered cells"
REPORT_WORST_WHITE_ZONES = "The starkest white zones"
REPORT_PARTLY_COVERED = "Partly covered cells (need only partly reached)"
REPORT_PATHWAYS = "Support pathways and commitments"
REPORT_MISSING_LINKS = "Missing links of the pathways"
REPORT_NO_MISSING_LINK = "No missing link: every cell reached is reached by a complete pathway."
REPORT_PREMIUM_LINE = "Alliance premium: {joint} {{joint|commitment|commitments}} out of {total} made by several investors ({part})."
REPORT_BY_STATUS = "Commitments by status"
REPORT_COMMITMENT_LIST = "The commitments, late ones first"
REPORT_RESULTS = "Results (declared)"
REPORT_NO_RESULTS = "This snapshot holds no declared result."
REPORT_REACH_LINE = "{reached} actors reached (declared) for {actors} actors who expressed a need: {rate}."
REPORT_RESULT_CELLS = "Actors in need → actors reached, by region and theme"
REPORT_DISBURSED = "Disbursed and budgeted, by investor"
REPORT_DEFINITIONS = "Definitions used"
REPORT_CHANGE_COLUMNS = {"chiffre": "Figure", "avant": "Before", "apres": "After", "ecart": "Change"}
REPORT_NEED_MOVES = "The largest changes in need (score)"
REPORT_WZ_LINE = "White zones closed: {closed}; opened: {opened}."
REPORT_PROGRAMME_LINE = ("Active programmes: {active_before} → {active_after}; added: {added}; started: {started}; "
                         "ended: {ended}; removed: {withdrawn}; changed: {changed}.")
REPORT_COMMITMENT_CHANGES = "Commitments kept: {tenu}; late: {en_retard}; dropped: {abandonne}; new: {nouveau}."
REPORT_ROWS_CUT = "The first {shown} rows out of {total}: the dashboard and its downloads give them all."
REPORT_NO_CHROMIUM = (
    "The PDF needs Chromium, which this machine lacks: download the report as HTML and print it from the browser "
    "(Print → Save as PDF, A4 landscape)."
)
REPORT_PDF_FAILED = "Chromium could not make the PDF ({error}): use the HTML report."
REPORT_BAD_PATH = "The report is written to an .html or .pdf file, not “{path}”."
REPORT_HEADINGS = {
    "part": "Share of the total score (%)",
    "territoire_max_nom": "Strongest in",
    "en_voie_de_couverture": "Being covered",
    "maillon_manquant": "Missing link",
    "statut": "Status",
    "engagements": "Commitments",
    "montant_eur": "Amount (€)",
    "en_retard": "Late",
    "echeance": "Due",
    "zones_blanches": "White zones reached",
    "beneficiaires": "Beneficiaries (declared)",
    "taux_atteinte": "Reach rate (%, declared)",
    "montant_verse_eur": "Amount disbursed (€, declared)",
    "part_versee": "Share disbursed (%)",
    "ecart_score": "Change in score",
    "noms_investisseurs": "Investors",
}
YES = "yes"
NO = "no"

# --- the “context” sheet of every downloaded table ----------------------------------------------------------
CONTEXT_SHEET = "context"
CONTEXT_TITLE = "What this file holds"
CONTEXT_TABLE = "Table"
CONTEXT_INVENTORY = "Snapshot"
CONTEXT_AS_OF = "Data as of"
CONTEXT_BY = "Imported by"
CONTEXT_FILTERS = "Filters"
CONTEXT_NO_FILTER = "none: the whole inventory"
CONTEXT_URL = "Address of the view"
CONTEXT_DOWNLOADED = "Downloaded on"
CONTEXT_COLUMN = "Column"
CONTEXT_DEFINITION = "Definition"

# --- shares ------------------------------------------------------------------------------------------
PERCENT = "{value}%"  # a share as people write it
RATE_ABOVE_FULL = "⚠ More actors declared reached than actors who expressed a need: the declarations exceed the needs recorded (to check with those who made them)."
