"""English: what the dashboard's pages say, one section per page.

The same keys and ``{placeholders}`` as ``fr_pages`` (``tests/test_texts.py`` checks it)."""
# flake8: noqa: E501

# --- dashboard: shared ----------------------------------------------------------------------------------
APP_TITLE = "Shared inventory of social investors"
PAGE_ACCUEIL = "Home"
PAGE_BESOINS = "Needs by territory"
PAGE_COUVERTURE = "Coverage and gaps"
PAGE_COLLECTIF = "Acting together"
PAGE_DEFIS = "The three challenges"
PAGE_EVOLUTION = "Changes"
PAGE_IMPORTER = "Import"
SIDEBAR_LANGUAGE = "Language"
SIDEBAR_SNAPSHOT = "Snapshot shown"
SIDEBAR_WORKSHOP = "Workshop mode (shared screen)"
SIDEBAR_WORKSHOP_HELP = "Enlarges text and charts and hides everything that changes the inventory."
SNAPSHOT_OPTION = "{as_of} · {label}"  # date first: two snapshots stay apart in a narrow sidebar
SNAPSHOT_ACTIVE_SUFFIX = " – active"
DEMO_BANNER = "Fictitious demo data: no figure describes a real organisation."
NO_SNAPSHOT = "The inventory is empty: a facilitator must first import a workbook (“Import” page)."
DB_BUSY = "The database is briefly busy with an import: the page will update in a few seconds."
UNEXPECTED = "An unexpected error occurred; nothing was changed. Reload the page; if it happens again, please report it."
CHART_AS_TABLE = "The figures as a table"  # the folded table beside every map and heatmap
DOWNLOAD_CSV = "Download (CSV)"
DOWNLOAD_XLSX = "Download (Excel)"
WORKSHOP_HEADER = "{label} – data as of {as_of}"
MEASURE_LABELS = {
    "acteurs": "Actors",
    "score": "Score (actors × intensity)",
    "intensite_moyenne": "Mean intensity",
    "tension": "Tension",
    "programmes": "Programmes",
    "investisseurs": "Investors",
    "part_couverte": "Share of need reached (%)",
}
LEVEL_LABELS = {"region": "Regions", "departement": "Départements"}
COLUMN_LABELS = {
    "territoire": "Territory code",
    "nom": "Territory",
    "thematique": "Theme",
    "acteurs": "Actors",
    "score": "Score",
    "intensite_moyenne": "Mean intensity",
    "programmes": "Programmes",
    "tension": "Tension",
    "zone_blanche": "White zone",
    "investisseurs": "Investors",
    "alliance": "Alliance opportunity",
    "score_couvert": "Score covered",
    "part_couverte": "Share of need reached (%)",
    "zones_blanches": "White zones",
    "thematiques_couvertes": "Themes covered",
    "score_non_couvert": "Score not reached",
    "couverture": "Coverage",
}

# --- Method (pages/methode.py) ----------------------------------------------------------------------------
PAGE_METHODE = "Method"
METHOD_TITLE = "Method: how each figure is computed"
METHOD_INTRO = ("These definitions apply to the snapshot “{label}”, data as of {as_of}: “active” means "
                "active on {as_of}. They are the same sentences as those shown next to the figures.")

# --- dashboard: the three challenges (pages/defis.py) -----------------------------------------------------
DEFIS_TITLE = "The three challenges"
DEFIS_INTRO = (
    "The investors of the dialogue chose three challenges. For each: what it demands, the first leads "
    "and the inventory's indicators that shed light on it."
)
DEFIS_DEMAND = "What the challenge demands"
DEFIS_LEADS = "First leads"
DEFIS_LEVEL = "Scale"
DEFIS_MEASURE = "Measure"
DEFIS_LISTEN_HEADER = "Needs expressed by field actors, by territory"
DEFIS_LISTEN_CAPTION = (
    "“Field” source only. At region scale, a département's needs count for its region; "
    "national needs stay national and are not on the map."
)
DEFIS_LISTEN_NATIONAL = "Needs expressed at national level: {acteurs} actors, score {score}."
DEFIS_LISTEN_EMPTY = "No need from field actors in this snapshot."
DEFIS_TRAIN_NEEDS_HEADER = "Needs of the support ecosystem (engineering), by theme"
DEFIS_TRAIN_NEEDS_EMPTY = "No need from the support ecosystem in this snapshot."
DEFIS_TRAIN_AUDIENCE_HEADER = "Programmes offered to associations, small businesses and local authorities"
DEFIS_TRAIN_AUDIENCE_CAPTION = (
    "Number of programmes active on the snapshot's date that cover the theme and are meant for this "
    "audience; a programme that names no audience is open to all and counts for all three."
)
DEFIS_TRAIN_AUDIENCE_EMPTY = "No programme active on the date of this snapshot."
DEFIS_EVAL_SDG_HEADER = "Coverage of the Sustainable Development Goals (SDGs)"
DEFIS_EVAL_SDG_CAPTION = (
    "For each SDG: the active programmes that name it, the distinct investors funding those programmes "
    "and the need signals that name it."
)
DEFIS_EVAL_UNCOVERED = "SDGs named by needs but by no programme: {odds}."
DEFIS_EVAL_HEATMAP_HEADER = "Investors × SDGs"
DEFIS_EVAL_HEATMAP_CAPTION = (
    "Number of each investor's active programmes that name the SDG; a co-funded programme counts for each "
    "of its investors."
)
DEFIS_EVAL_NO_SDG = "No active programme of this snapshot gives an SDG."
DEFIS_COLUMNS = {
    "odd": "SDG",
    "objectif": "Goal",
    "programmes": "Programmes",
    "investisseurs": "Investors",
    "besoins": "Need signals",
    "public": "Audience",
    "investisseur": "Investor code",
}
CHART_SDG_SHORT = "SDG {n}"
CHART_AUDIENCE = "Audience"

# --- dashboard: changes (pages/evolution.py) --------------------------------------------------------------
EVOL_TITLE = "Changes between two snapshots"
EVOL_NEED_TWO = (
    "Comparing takes at least two snapshots; only one has been saved so far. "
    "The comparison will appear after the next import."
)
EVOL_BEFORE = "From snapshot"
EVOL_AFTER = "To snapshot"
EVOL_SAME = "Choose two different snapshots to see what changed."
EVOL_COMPARING = "From “{before}” (data as of {before_date}) to “{after}” (data as of {after_date})."
EVOL_SOURCE = "Source of the needs"
EVOL_SOURCE_ALL = "All sources"
EVOL_METRIC_SIGNALS = "Need signals"
EVOL_METRIC_ACTORS = "Actors"
EVOL_METRIC_ACTIVE = "Running programmes"
EVOL_METRIC_INVESTORS = "Investors"
EVOL_NEEDS_HEADER = "Needs going up and down"
EVOL_NEEDS_CAPTION = (
    "Change = score in the later snapshot minus score in the earlier one, by territory and theme "
    "(score = sum of actors × intensity)."
)
EVOL_UP = "Up"
EVOL_DOWN = "Down"
EVOL_NO_UP = "No need goes up between these two snapshots for these filters."
EVOL_NO_DOWN = "No need goes down between these two snapshots for these filters."
EVOL_NO_NEED_CHANGE = "The needs are the same in both snapshots for these filters."
EVOL_PROG_HEADER = "Programmes added, started, ended, removed and changed"
EVOL_PROG_CAPTION = (
    "“Started”: not yet active on the date of the first snapshot, active on the date of the second; “ended”: "
    "active on the date of the first, no longer on the date of the second; “removed”: missing from the second "
    "snapshot; “changed”: at least one of its details changed. Active programmes: {avant} → {apres}."
)
EVOL_NO_PROG_CHANGE = "No programme changed between these two snapshots."
EVOL_WZ_HEADER = "White zones closed and opened"
EVOL_WZ_CLOSED = "White zones closed"
EVOL_WZ_OPENED = "White zones opened"
EVOL_NO_WZ_CHANGE = "No white zone closed or opened between these two snapshots."
EVOL_CHANGE_LABELS = {"ajouté": "Added", "démarré": "Started", "terminé": "Ended", "retiré": "Removed",
                      "modifié": "Changed"}
# the change codes of analytics.compare_* as a table shows them
CHANGE_WORDS = {"fermée": "closed", "ouverte": "opened", "ajouté": "added", "démarré": "started", "terminé": "ended",
                "retiré": "removed", "modifié": "changed"}
EVOL_COLUMNS = {
    "territoire": "Territory code",
    "nom": "Territory",
    "thematique": "Theme",
    "acteurs_avant": "Actors (from)",
    "acteurs_apres": "Actors (to)",
    "ecart_acteurs": "Change in actors",
    "score_avant": "Score (from)",
    "score_apres": "Score (to)",
    "ecart_score": "Change in score",
}
EVOL_PROG_COLUMNS = {
    "id": "Code",
    "nom": "Programme",
    "changement": "Change",
    "fin_avant": "End (from)",
    "fin_apres": "End (to)",
}
CHART_SCORE_CHANGE = "Change in score"

# --- dashboard: import (pages/importer.py) ----------------------------------------------------------------
IMP_TITLE = "Import an inventory"
IMP_INTRO = (
    "Upload the filled-in workbook (or one CSV file per sheet). Every problem is listed at once, with "
    "its sheet, row and column; an upload without errors becomes a new dated snapshot, and the "
    "earlier ones stay available."
)
IMP_NO_PASSWORD = (
    "Importing is for facilitators only, and no facilitator password is set on this server: "
    "nobody can import for now.\n\n"
    "To open access, the person who runs the server chooses a password, stores it in one of "
    "these two ways, then restarts the dashboard:\n"
    "- in the file `.streamlit/secrets.toml`, a line `facilitator_password = \"…\"`;\n"
    "- or in the environment variable `INVENTORY_FACILITATOR_PASSWORD`.\n\n"
    "The command `make run` creates one on first start and prints it in the terminal."
)
IMP_WORKSHOP = "Workshop mode hides the import: turn it off in the sidebar to import."
IMP_LOGIN_HEADER = "Facilitator access"
IMP_LOGIN_INTRO = "Only facilitators import, activate or delete a snapshot."
IMP_PASSWORD = "Facilitator password"
IMP_LOGIN = "Log in"
IMP_WRONG_PASSWORD = "Wrong password. After several attempts, each new attempt is slowed down."
IMP_LOGGED_IN = "Logged in as a facilitator."
IMP_LOGOUT = "Log out"
IMP_NOT_ALLOWED = "Only facilitators may do this: log in again. Nothing was changed."
IMP_UPLOAD_HEADER = "1. Upload the files"
# the file uploader's own words, drawn over Streamlit's (ui/uploader.css); {limit}: inventory.limits, in MB
UPLOADER_BUTTON = "Choose files"
UPLOADER_INSTRUCTIONS = "or drag them here · {limit} MB at most per file · {extensions}"
IMP_UPLOADER_HELP = (
    "A missing sheet is carried over from the active snapshot: to refresh the needs only, "
    "upload only the besoins sheet."
)
IMP_STEP_READ = "Reading the files…"
IMP_STEP_READ_DONE = "Reading: {sheets} {{sheets|sheet|sheets}} recognised in {files} {{files|file|files}}"
IMP_STEP_READ_FAILED = "Reading: file refused"
IMP_STEP_CHECK = "Checking…"
IMP_STEP_CHECK_OK = "Checking: no problem"
IMP_STEP_CHECK_KO = "Checking: {n} {{n|problem|problems}}"
IMP_STEP_SAVE = "Saving…"
IMP_STEP_SAVE_DONE = "Saving: snapshot no. {id} created"
IMP_STEP_SAVE_FAILED = "Saving: failed, nothing was changed"
IMP_ROWS_READ = "{sheet}: {rows} data {{rows|row|rows}}"
IMP_REPORT_HEADER = "2. Validation report"
IMP_REJECTED = (
    "{n} {{n|problem|problems}} to fix: nothing was saved. Fix the file (the annotated workbook below "
    "marks every cell at fault) and upload it again."
)
IMP_KIND_SUMMARY = "Problems by type"
IMP_KIND_EXPANDER = "{label}: {n}"
IMP_EXAMPLES = "The first cases in context (the cell at fault is marked ▶ and highlighted):"
IMP_EXAMPLE_CAPTION = "Sheet {sheet}, row {row}, column “{column}”: {message}"
IMP_EMPTY_CELL = "(empty)"
IMP_DOWNLOAD_ANNOTATED = "Download the workbook annotated with the errors (.xlsx)"
IMP_ANNOTATED_HELP = (
    "Your file as it was read: every cell at fault is highlighted in red with the message as a "
    "comment, and an “errors” column sums up the problems of each row."
)
IMP_ANNOTATED_NAME = "errors_{stem}.xlsx"
IMP_REPORT_COLUMNS = {"sheet": "Sheet", "row": "Row", "column": "Column", "value": "Value", "message": "Problem"}
IMP_KIND_COLUMNS = {"type": "Type of problem", "n": "Number"}
IMP_CLEAN = "No problem: this upload can become a new snapshot."
IMP_PREVIEW_HEADER = "3. What will change"
IMP_PREVIEW_COLUMNS = {
    "feuille": "Sheet",
    "actuel": "Active snapshot",
    "nouveau": "New snapshot",
    "ecart": "Change",
    "origine": "Origin",
}
IMP_ORIGIN_UPLOADED = "uploaded"
IMP_ORIGIN_CARRIED = "carried over from the active snapshot"
IMP_CARRIED = "Sheets missing from the upload, carried over unchanged from the active snapshot: {sheets}."
IMP_COMMIT_HEADER = "4. Save"
IMP_LABEL = "Snapshot label"
IMP_LABEL_DEFAULT = "Inventory as of {date}"
IMP_AS_OF = "Date of the data (“inventory as of”)"
IMP_COMMIT = "Save and activate this new snapshot"
IMP_LABEL_REQUIRED = "Give the snapshot a label."
IMP_COMMITTED = (
    "Snapshot no. {id} “{label}” saved and activated: {besoins} needs, {programmes} programmes, "
    "{investisseurs} investors."
)
IMP_SNAPSHOTS_HEADER = "Saved snapshots"
IMP_NO_SNAPSHOTS = "No snapshot saved yet: the first import will create one."
IMP_SNAPSHOT_COLUMNS = {
    "id": "No.",
    "label": "Label",
    "as_of": "Data as of",
    "created_at": "Saved on",
    "created_by": "By",
    "files": "Files",
    "besoins": "Needs",
    "programmes": "Programmes",
    "investisseurs": "Investors",
    "active": "Active",
}
IMP_SNAPSHOT_PICK = "Snapshot to manage"
IMP_RENAME = "New label"
IMP_RENAME_BUTTON = "Rename"
IMP_RENAMED = "Snapshot no. {id} renamed “{label}”."
IMP_ACTIVATE = "Activate this snapshot"
IMP_ACTIVATE_HELP = "The active snapshot is the one every page shows by default."
IMP_ACTIVATED = "Snapshot no. {id} activated: the pages now show it by default."
IMP_IS_ACTIVE = "This is the active snapshot; to delete it, first activate another one."
IMP_DELETE_CONFIRM = "I confirm the deletion"
IMP_DELETE_CONFIRM_HELP = "Deletion is final: the snapshot and its figures disappear."
IMP_CREATED_BY = "facilitator (dashboard)"
IMP_DELETE = "Delete this snapshot"
IMP_DELETED = "Snapshot no. {id} deleted."
IMP_COMPARE_LINK = "Compare two snapshots"
IMP_DOWNLOADS_HEADER = "Template and export"
IMP_TEMPLATE = "Download the empty template (.xlsx)"
IMP_TEMPLATE_HELP = "The headers of every sheet, a “read-me” sheet and drop-down lists for every closed value."
IMP_EXPORT = "Download the snapshot shown (.xlsx)"
IMP_EXPORT_HELP = "A workbook in the template's format, which can be imported again as it is."
IMP_TEMPLATE_NAME = "inventory_template.xlsx"
IMP_EXPORT_NAME = "inventory_{id}_{as_of}.xlsx"

# --- tables shown on the exploration pages (column labels; codes become their labels) -----------------------
TABLE_LABELS = {
    "alerte_taux": "Rate warning",
    **COLUMN_LABELS,
    "source": "Source",
    "intensite": "Intensity",
    "nb_acteurs": "Number of actors",
    "public": "Audience",
    "secteur": "Sector",
    "date": "Date",
    "description": "Description",
    "id": "Identifier",
    "phase": "Phase",
    "nb_investisseurs": "Number of investors",
    "thematiques": "Themes",
    "territoires": "Territories",
    "publics": "Audiences",
    "nature": "Type of support",
    "budget_eur": "Budget (€)",
    "date_debut": "Start",
    "date_fin": "End",
    "date_limite_candidature": "Application deadline",
    "odd": "SDGs",
    "url": "Website",
    "type": "Type",
    "noms_investisseurs": "Investors present",
    "cases_communes": "Cells in common",
    "cofinancements": "Programmes co-funded together",
    "nom_territoire": "Territory",
    "actif": "Active on the snapshot's date",
    "programmes_inactifs": "Programmes ended or not yet started",
    "changement": "Change",
    "score_avant": "Score before",
    "score_apres": "Score after",
    "part_couverte_avant": "Share reached before (%)",
    "part_couverte_apres": "Share reached after (%)",
    "beneficiaires": "Actors reached (declared)",
    "taux_atteinte": "Reach rate (declared, %)",
    "montant_verse_eur": "Amount disbursed (declared, €)",
    "part_versee": "Share disbursed (declared, %)",
    "resultats": "Results declared",
    "engagements": "Open commitments",
    "en_voie_de_couverture": "Being covered",
}
PROGRAMME_HEADINGS = {"nom": "Programme", "territoires": "Territories reached"}
INVESTOR_HEADINGS = {"nom": "Investor", "programmes": "Programmes", "thematiques": "Themes in common"}
ALL_OPTION = "All"
ALL_THEMES_OPTION = "All themes"
NONE_CHOSEN = "— choose —"
FILTERS_HEADER = "Filters"
FILTER_SOURCE = "Source of the needs"
FILTER_AUDIENCE = "Audience"
FILTER_SECTOR = "Sector"
FILTER_THEMES = "Themes"
FILTER_THEMES_PLACEHOLDER = "All"
FILTER_LEVEL = "Scale"
FILTER_MEASURE = "Measure"
FILTER_TERRITORY = "Territory"
FILTER_VIEW = "View"
NATIONAL_NOTE = "National needs (whole of France, not on the map): {acteurs} actors, score {score}."
CLICK_MAP_HINT = "Click a territory on the map, or choose it below, to see its needs."

# --- Home -------------------------------------------------------------------------------------------------------
HOME_TITLE = "The inventory at a glance"
HOME_METRIC_NEEDS = "Needs signalled"
HOME_METRIC_ACTORS = "Actors concerned"
HOME_METRIC_PROGRAMMES = "Active programmes"
HOME_METRIC_PROGRAMMES_HELP = ("Programmes active on the snapshot's date; the catalogue holds {total}, of which "
                               "{inactive} have ended or not yet started.")
HOME_METRIC_INVESTORS = "Investors"
HOME_METRIC_TERRITORIES = "Territories"
HOME_METRIC_TERRITORIES_HELP = "Territories (national, regions, départements) where at least one need is signalled."
HOME_TOP_NEEDS = "The three needs that stand out"
HOME_TOP_NEEDS_HELP = "Themes with the highest score over the whole inventory; the percentage is their share of the total score."
HOME_TOP_NEED_DETAIL = "{acteurs} actors, mean intensity {intensite}; strongest in {territoire}."
HOME_WHITE_ZONES = "The starkest white zones"
HOME_WHITE_ZONE_LINE = "**{nom}** – {theme}: {acteurs} actors, score {score}; {couverture}."
HOME_WHITE_ZONE_LINK = "See this territory"
HOME_NO_WHITE_ZONE = "No white zone: in every cell, at least one expressed need is reached by a programme."
HOME_NO_NEEDS = "This snapshot holds no need yet."
HOME_CHANGES = "What changed since the previous snapshot"
HOME_CHANGES_SINCE = "Compared with “{label}” (data as of {as_of})."
HOME_NO_PREVIOUS = "This is the first snapshot: there is no earlier one to compare with yet."
HOME_CELLS_UP = "Cells going up"
HOME_CELLS_DOWN = "Cells going down"
HOME_CELLS_HELP = "A cell is a region × theme crossing; it goes up or down with its score."
HOME_PROG_ADDED = "Programmes added or started"
HOME_PROG_ENDED = "Programmes ended or removed"
HOME_BIGGEST_RISE = "Biggest rise: {nom} – {theme} (score {avant} → {apres})."
HOME_EVOLUTION_LINK = "See all the changes"

# --- Needs by territory -------------------------------------------------------------------------------------
NEEDS_TITLE = "Needs by territory"
NEEDS_INTRO = "Where do actors express needs, and on which themes?"
NEEDS_NONE = "This snapshot holds no need."
NEEDS_NONE_FOR_FILTERS = "No need matches these filters: widen them."
NEEDS_MAP = "Map: {measure}"
NEEDS_HEATMAP = "Territories × themes: {measure}"
NEEDS_TERRITORY = "One territory"
NEEDS_METRIC_INTENSITY = "Intensity"
NEEDS_ROWS = "The needs signalled – {nom}"
NEEDS_ROWS_NONE = "No need signalled in this territory for these filters."
NEEDS_ROWS_TRUNCATED = "Only the first {n} signals (the strongest) are shown and downloadable."

# --- Coverage and gaps --------------------------------------------------------------------------------------
COVER_TITLE = "Coverage and gaps"
COVER_INTRO = "Who already covers the needs, and where does nobody act?"
COVER_VIEWS = {"carte": "Map and matrix", "lacunes": "White zones and tension",
               "catalogue": "Programme catalogue", "territoire": "One territory"}
COVER_MAP_THEME = "Theme of the map"
COVER_MAP_WHITE = "Number of themes in a white zone, by territory."
COVER_MAP_CLICK = "Click a territory to see its needs next to the programmes that reach it."
COVER_MAP_THEME_CAPTION = "Share of need reached for the theme “{theme}” in each territory."
COVER_HEATMAP = "Share of need reached by territory and theme"
COVER_HEATMAP_CAPTION = ("Colour: share of need reached; figure: programmes in the territory; WZ: white "
                         "zone. Hover over a cell to read it in words.")
COVER_NO_NEEDS_NO_PROGRAMMES = "Neither needs nor programmes in this snapshot for these filters."
COVER_NO_PROGRAMMES = "This snapshot holds no programme: for now every need is a white zone."
COVER_WHITE_ZONES = "Needs not reached: white zones and partly covered cells, from the highest score not reached to the lowest"
COVER_NO_WHITE_ZONE = "Every expressed need is reached by at least one active programme."
COVER_TENSION = "The cells under most tension"
COVER_NO_TENSION = "No need expressed for these filters: no tension to rank."
COVER_CATALOGUE = "Programme catalogue"
COVER_CATALOGUE_COUNT = "{n} {{n|programme matches|programmes match}} the filters."
COVER_CATALOGUE_NONE = "No programme matches these filters."
FILTER_PHASE = "Phase"
FILTER_INVESTOR = "Investor"
FILTER_THEME = "Theme"
FILTER_NATURE = "Type of support"
FILTER_ACTIVE_ON = "Active on"
FILTER_ACTIVE_ON_HELP = "Leave empty to see every programme, whatever its dates."
COVER_TERRITORY_PICK = "Choose a territory to set its needs next to the programmes that reach it."
COVER_FIRST_MILE = "First mile: its needs"
COVER_LAST_MILE = "Last mile: the programmes that reach it"
COVER_LAST_MILE_HELP = "Programmes active on the snapshot's date whose territories reach this one."
COVER_TERRITORY_NO_NEEDS = "No need signalled in this territory."
COVER_TERRITORY_NO_PROGRAMMES = "No active programme reaches this territory."
COVER_NEED_ROWS = "The need signals – {nom}"

# --- Acting together ---------------------------------------------------------------------------------------

TOGETHER_TITLE = "Acting together"
TOGETHER_INTRO = "Who acts where, who already acts together, and whom to team up with?"
TOGETHER_VIEWS = {"paysage": "Who acts where", "alliances": "Alliances and co-funding",
                  "positionner": "Find your place", "parcours": "Pathways", "engagements": "Commitments"}
TOGETHER_NO_INVESTORS = "This snapshot holds no investor."
TOGETHER_NO_PROGRAMMES = "No programme active on the snapshot's date: nothing to cross for now."
TOGETHER_BY_THEME = "Investors × themes (active programmes)"
TOGETHER_BY_REGION = "Investors × regions (number of themes covered)"
TOGETHER_VALUE_PROGRAMMES = "Programmes"
TOGETHER_VALUE_THEMES = "Themes"
TOGETHER_ALLIANCES = "Alliance opportunities"
TOGETHER_NO_ALLIANCE = "No cell where several investors act separately."
TOGETHER_COFUNDING = "Co-funding"
TOGETHER_COFUNDING_RATE = "Co-funding rate"
TOGETHER_COFUNDING_DETAIL = "{co} {{co|programme|programmes}} co-funded out of {total}."
TOGETHER_NETWORK = "Co-funding network"
TOGETHER_NETWORK_HELP = "Each line links two investors who fund at least one programme together; the thicker it is, the more they share."
TOGETHER_NO_COFUNDING = "No programme is funded by several investors."
COFUNDING_COLUMNS = {"nom_source": "Investor", "nom_cible": "Co-funds with", "programmes": "Programmes in common"}
TOGETHER_PICK_INVESTOR = "Investor"
TOGETHER_PICK_PROMPT = "Choose an investor to see its footprint, its likely allies and the needs within its reach."
TOGETHER_FOOTPRINT = "Its footprint"
TOGETHER_FOOTPRINT_SUMMARY = "{programmes} {{programmes|programme|programmes}}, present in {territoires} {{territoires|territory|territories}} on {thematiques} {{thematiques|theme|themes}}."
TOGETHER_NO_FOOTPRINT = "This investor has no programme active on the snapshot's date."
TOGETHER_ALLIES = "Its likely allies"
TOGETHER_ALLIES_HELP = "Investors present in the same cells (region × theme) or already co-funding active programmes with it."
TOGETHER_NO_ALLIES = "No other investor acts in its cells."
TOGETHER_UNCOVERED = "Uncovered needs within its reach"
TOGETHER_UNCOVERED_HELP = "White zones in its themes or its territories, those under most tension first."
TOGETHER_NO_UNCOVERED = "No white zone in its themes or its territories."

# --- shared: filters named in downloads, which snapshot is shown, printing -------------------------------------
FILTER_NAMES = {
    "territoire": "Territory", "region": "Region", "thematique": "Theme", "thematiques": "Themes",
    "thematique_carte": "Theme of the map", "source": "Source of the needs", "public": "Audience",
    "secteur": "Sector", "niveau": "Scale", "mesure": "Measure", "investisseur": "Investor", "phase": "Phase",
    "nature": "Type of support", "actif_le": "Programmes active on", "avant": "From snapshot", "apres": "To snapshot",
    "vue": "View", "carte": "Map", "defi": "Challenge",
}
SHOWN_INVENTORY = "Snapshot shown: {label} – data as of {as_of}."
OLDER_INVENTORY = "Older snapshot — the latest is the one of {as_of} ({label})."
INACTIVE_INVENTORY = "Snapshot not activated — the active snapshot is the one of {as_of} ({label})."
PRINT_TABLE_NOTE = ("Table printed as shown on screen: the session report (home page) and the CSV / Excel downloads "
                    "give it in full.")
EVOL_START_AFTER_END = (
    "The “from” snapshot “{before}” (data as of {before_date}) is more recent than the “to” snapshot "
    "“{after}” (data as of {after_date}): choose the older one first, so that “added”, “ended” and "
    "“closed” tell what happened over time."
)

# --- import: who, formats, catalogue mappings, rows set aside, dates, journal -----------------------------------
IMP_NAME = "Your name"
IMP_NAME_HELP = "It is recorded with every snapshot you import, activate, rename or delete."
IMP_NAME_REQUIRED = "Give your name: it is recorded with every action on the snapshots."
IMP_LOGGED_IN_AS = "Logged in as a facilitator: {name}."
IMP_CREATED_BY_NAME = "{name} (dashboard)"
IMP_FORMATS_HEADER = "Formats recognised"
IMP_FORMAT_LINE = "{file}: {format}"
IMP_FORMAT_CONTRACT = "workbook or CSV of the inventory template"
IMP_MAPPING_HEADER = "Correspondences applied"
IMP_MAPPING_CAPTION = (
    "Each value of the catalogue and what it becomes in the inventory, with the number of rows concerned; a "
    "“correspondances” sheet uploaded with the catalogue replaces these choices."
)
IMP_MAPPING_COLUMNS = {"source": "Source", "valeur": "Value in the catalogue", "thematique": "Becomes", "lignes": "Rows"}
IMP_MAPPING_NONE = "no correspondence"
IMP_MAPPING_OUTSIDE = "outside the inventory"
IMP_SET_ASIDE_HEADER = "Rows set aside: {n}"
IMP_SET_ASIDE_CAPTION = (
    "These rows of the catalogue cannot be placed without guessing: they will not be imported, the rest will be. "
    "The annotated workbook lists them too."
)
IMP_SET_ASIDE_COLUMNS = {"item": "Aid or row", "message": "Reason", "value": "Value", "sheet": "File", "row": "Where"}
IMP_DOWNLOAD_SET_ASIDE = "Download the rows set aside (.xlsx)"
IMP_SET_ASIDE_NAME = "set_aside_{stem}.xlsx"
IMP_LARGE_REMOVAL = (
    "Beware: the new snapshot replaces the active one, and the sheet {sheet} goes from {before} to {after} rows "
    "({removed} fewer, {share}%). If this file holds only part of it, upload the complete sheet."
)
IMP_CONFIRM_REMOVAL = "I confirm: these rows disappear from the new snapshot"
IMP_REMOVAL_NOT_CONFIRMED = "Tick the confirmation that the rows are removed to save. Nothing was saved."
IMP_DATES_FOUND = "Dates found in the file: {dates}. The date of the data proposed is the most recent one."
IMP_DATE_FOUND = "{sheet} up to {date}"
IMP_NO_DATES = (
    "The file holds no date (“date” column of the needs, results or commitments): say which date these data "
    "refer to."
)
IMP_LABEL_PLACEHOLDER = "Inventory as of DD/MM/YYYY"
IMP_AS_OF_REQUIRED = "Give the date of the data. Nothing was saved."
IMP_TODAY_ASK = (
    "You are saving this snapshot with today's date ({today}), which the file does not hold. Do the data really "
    "date from today?"
)
IMP_TODAY_CONFIRM = "Yes, save as of {today}"
IMP_TODAY_CANCEL = "No, I will correct the date"
IMP_AUDIT_HEADER = "Journal: who did what, when"
IMP_AUDIT_EMPTY = "No action recorded yet."
IMP_AUDIT_COLUMNS = {"happened_at": "When", "who": "Who", "action": "Action", "snapshot_id": "Snapshot no.",
                     "detail": "Label"}
IMP_AUDIT_ACTIONS = {"import": "import", "activate": "activation", "rename": "renaming", "delete": "deletion",
                     "engagement": "commitment noted",
                     "login_failed": "wrong password"}

# --- home: the session report, commitments and results -------------------------------------------------------
HOME_REPORT = "Session report"
HOME_REPORT_HELP = (
    "One file that opens without a network and prints on A4 landscape: key figures, needs, map, white zones, "
    "pathways, commitments, alliances, results, changes and definitions."
)
HOME_REPORT_HTML = "Session report (HTML)"
HOME_REPORT_PDF = "Session report (PDF)"
HOME_LATE_LINE = "**Late commitments**: {late} out of {total}."
HOME_NO_COMMITMENT_LINE = "**Commitments**: none noted in this snapshot yet."
HOME_REACHED_LINE = ("**Needs reached (declared)**: {taux} of the actors who expressed a need ({beneficiaires} out "
                     "of {acteurs}).")
HOME_NO_RESULT_LINE = "**Needs reached (declared)**: no result declared yet."
HOME_COMMITMENTS_LINK = "See the commitments"

# --- coverage: map figures, commitments ----------------------------------------------------------------------
COVER_MAP_FIGURES_THEME = "Figures for the theme “{theme}” only."
COVER_MAP_FIGURES_ALL = "Figures for every theme."
COVER_HEATMAP_ALL_THEMES = ("The matrix shows every theme, whichever theme is chosen for the map (“{theme}” is one "
                            "of its columns).")
COVER_WITH_COMMITMENTS = "With the commitments"
COVER_WITH_COMMITMENTS_HELP = "Shows the white zones that would remain if the open commitments (considered or committed) are kept."
COVER_REMAINING = "White zones that would remain if the open commitments are kept"
COVER_NO_REMAINING = "No white zone would remain: each is reached by at least one open commitment."
COVER_ON_TRACK = "White zones being covered"
COVER_METRIC_REMAINING = "White zones remaining"

# --- acting together: pathways ------------------------------------------------------------------------------
PATHWAY_HEADER = "Support pathways: the missing links"
PATHWAY_INTRO = (
    "For each cell where needs are expressed: do the active programmes reaching these needs form a pathway, from "
    "emergency to structural, with money and with support?"
)
PATHWAY_SOURCE = "Needs of"
PATHWAY_ECOSYSTEM_NOTE = (
    "The needs of the support ecosystem itself (networks, advisers): does anyone fund the engineering the field "
    "programmes rest on?"
)
PATHWAY_NO_NEEDS = "No need from this source in this snapshot: no pathway to read."
PATHWAY_HEATMAP = "Territories × themes: the missing link of each cell"
PATHWAY_HEATMAP_CAPTION = (
    "Each cell has a colour and a mark (legend below the chart); hover over it to read its programmes and phases. "
    "A grey cell (WZ) is reached by no programme: it is a white zone, not a missing link."
)
PATHWAY_METRICS = {"urgence_sans_suite": "Emergency, no follow-up", "argent_sans_accompagnement": "Money only",
                   "accompagnement_sans_argent": "Support only", "zone_blanche": "White zones"}
PATHWAY_RANKED = "The missing links, from the strongest need to the weakest"
PATHWAY_NO_GAP = "No missing link: every cell reached is reached by a complete pathway."
PATHWAY_CELL = "One cell"
PATHWAY_CELL_HEADER = "The programmes of one cell"
PATHWAY_CELL_PROMPT = "Choose a cell to see the programmes that form its pathway."
PATHWAY_CELL_OPTION = "{nom} – {theme}: {kind}"
PATHWAY_CELL_NONE = "No active programme reaches the needs of this cell: it is a white zone."
PATHWAY_COLUMNS = {"maillon_manquant": "Missing link", "phase": "Phases present", "nature": "Types of support present"}

# --- acting together: commitments and noting one ----------------------------------------------------------
COMMIT_HEADER = "Commitments: what the group decided to do"
COMMIT_INTRO = (
    "The commitments made in session, their status on the snapshot's date, the white zones they will cover and the "
    "share made jointly."
)
COMMIT_NONE = "No commitment in this snapshot yet."
COMMIT_METRIC_LATE = "Late"
COMMIT_LATE_WARNING = "{n} {{n|commitment|commitments}} late: due date passed on {as_of}, neither done nor dropped."
COMMIT_LIST = "The commitments, late ones first"
COMMIT_ON_TRACK = "White zones being covered"
COMMIT_NO_ON_TRACK = "No open commitment reaches a white zone."
COMMIT_ON_TRACK_COUNT = ("{on_track} {{on_track|white zone|white zones}} out of {total} being covered; {remaining} would remain if the open "
                         "commitments are kept.")
COMMIT_PREMIUM = "Alliance premium"
COMMIT_PREMIUM_COUNT = "Share of the commitments"
COMMIT_PREMIUM_AMOUNT = "Share of the amounts"
COMMIT_PREMIUM_DETAIL = "{joint} joint {{joint|commitment|commitments}} out of {total}; €{joint_amount} out of €{amount}."
COMMIT_COLUMNS = {"id": "Identifier", "noms_investisseurs": "Investors", "statut": "Status", "montant_eur": "Amount (€)",
                  "date": "Decided on", "echeance": "Due", "en_retard": "Late", "session": "Session",
                  "zones_blanches": "White zones reached", "programme": "Programme"}
NOTE_HEADER = "Note a commitment"
NOTE_INTRO = (
    "The commitment is checked as an uploaded “engagements” sheet would be, then saved as a new snapshot that "
    "carries everything else over; “Undo” activates the previous snapshot again."
)
NOTE_LOGIN_HINT = "Facilitators who are logged in (Import page) can note a commitment made in session here."
NOTE_LOGIN_LINK = "Log in as a facilitator"
NOTE_ACTIVE_ONLY = "A commitment is added to the active snapshot: show it (sidebar) to note one."
NOTE_INVESTORS = "Investors"
NOTE_THEMES = "Themes"
NOTE_TERRITORIES = "Territories"
NOTE_STATUS = "Status"
NOTE_AMOUNT = "Amount (€, optional)"
NOTE_AMOUNT_PLACEHOLDER = "e.g. 12,000"
NOTE_DUE = "Due (optional)"
NOTE_SESSION = "Session"
NOTE_SESSION_DEFAULT = "Session of {date}"
NOTE_DESCRIPTION = "Description (optional)"
NOTE_SUBMIT = "Save the commitment"
NOTE_FIELDS = {"investisseurs": "Investors", "thematiques": "Themes", "territoires": "Territories", "statut": "Status",
               "montant_eur": "Amount (€, optional)", "echeance": "Due (optional)", "session": "Session",
               "description": "Description (optional)", "date": "Date", "id": "Identifier", "programme": "Programme"}
NOTE_REJECTED = "The commitment was not saved ({n} {{n|problem|problems}}); nothing was changed:"
NOTE_ISSUE = "**{field}**: {message}"
NOTE_SAVED = "Commitment saved: snapshot no. {id} “{label}” is now active."
NOTE_UNDO = "Undo this commitment"
NOTE_UNDO_HELP = "Activates the previous snapshot again; the one holding the commitment stays in the list of snapshots."
NOTE_UNDONE = "Commitment undone: snapshot no. {id} “{label}” is active again."

# --- the three challenges: results ---------------------------------------------------------------------------
DEFIS_RESULTS_HEADER = "From actors in need to actors reached (declared)"
DEFIS_RESULTS_NONE = "No result declared in this snapshot."
DEFIS_RESULTS_TOTAL = "{beneficiaires} actors reached (declared) for {acteurs} actors who expressed a need: {taux}."
DEFIS_DISBURSED_HEADER = "Disbursed (declared) next to the announced budget"
DEFIS_DISBURSED_BY_PROGRAMME = "By programme"
DEFIS_DISBURSED_BY_INVESTOR = "By investor"
DEFIS_RESULTS_SDG_HEADER = "Results by SDG (declared)"
DEFIS_RESULTS_SDG_VALUE = "Actors reached (declared)"

# --- changes: commitments ------------------------------------------------------------------------------------
EVOL_COMMIT_HEADER = "Commitments kept, late and dropped"
EVOL_NO_COMMIT = "No commitment in these two snapshots."
EVOL_COMMIT_LABELS = {"tenu": "Kept", "en_retard": "Late", "abandonne": "Dropped", "nouveau": "New",
                      "en_cours": "Ongoing", "retire": "Removed"}
EVOL_COMMIT_WORDS = {"tenu": "Kept", "en_retard": "Late", "abandonne": "Dropped", "nouveau": "New",
                     "en_cours": "Ongoing", "retire": "Removed"}
EVOL_COMMIT_COLUMNS = {"id": "Identifier", "investisseurs": "Investors", "thematiques": "Themes",
                       "territoires": "Territories", "statut_avant": "Status (from)", "statut_apres": "Status (to)",
                       "en_retard": "Late", "changement": "Change"}
