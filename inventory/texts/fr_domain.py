"""French: what the domain says (command line, import report, catalogues, formulas, charts, follow-through).

One constant per sentence; its name is its key in every language (see ``inventory/texts/__init__.py``)."""
# flake8: noqa: E501

# --- store and command line -------------------------------------------------------------------------
STORE_BUSY = (
    "La base {path} est occupée par un autre programme (le tableau de bord ou un autre import) : "
    "réessayez dans quelques secondes, ou importez le fichier depuis la page « Importer » du tableau de bord."
)
CANNOT_DELETE_ACTIVE = "On ne peut pas supprimer l'inventaire actif : activez-en un autre d'abord."
DEMO_LABEL_APRIL = "Démo fictive – inventaire au 30/04"
DEMO_LABEL_JUNE = "Démo fictive – inventaire au 30/06"
DEMO_LABEL_SYNTHETIC = "Synthétique {needs} besoins / {programmes} programmes (fictif)"
CLI_SNAPSHOT_MADE = "Inventaire n° {id} créé et activé : {besoins} besoins, {programmes} programmes, {investisseurs} investisseurs."
CLI_CARRIED_OVER = "Repris de l'inventaire actif : {sheets}."
CLI_REJECTED = "Import refusé : {n} {{n|problème|problèmes}}, rien n'a été modifié."
CLI_ACTIVATED = "Inventaire n° {id} activé."
CLI_UNKNOWN_SNAPSHOT = "Aucun inventaire n° {id}."
CLI_EXPORTED = "Inventaire n° {id} exporté vers {path}."
CLI_TEMPLATE = "Modèle écrit dans {path}."
CLI_FILE_NOT_FOUND = "Fichier introuvable : {path}."
CLI_UNEXPECTED = "Erreur inattendue, rien n'a été modifié ({error}). Signalez-la à l'équipe technique."
CLI_NO_SNAPSHOT = "La base ne contient encore aucun inventaire : importez un fichier."
CLI_NO_COMMITMENTS = "Cet inventaire ne contient aucun engagement."
CLI_INIT_CREATED = "Base créée : {path} (inventaire de démonstration fictif chargé)."
CLI_INIT_EXISTS = "Base existante : {path}."
CLI_PASSWORD_CREATED = (
    "Mot de passe animateur créé (à garder pour importer depuis le tableau de bord) : {password}\n"
    "Il est enregistré dans {path} ; changez-le en modifiant ce fichier."
)

# command-line help (python -m inventory --help)
CLI_DESCRIPTION = "Inventaire partagé des investisseurs sociétaux"
CLI_HELP_DB = "fichier DuckDB"
CLI_HELP_INIT = "crée la base (avec l'inventaire de démonstration si elle est vide)"
CLI_HELP_EMPTY = "ne pas charger la démonstration"
CLI_HELP_ENSURE_PASSWORD = "crée un mot de passe animateur s'il n'y en a pas"
CLI_HELP_IMPORT = "importe un classeur (.xlsx, .ods) ou des CSV"
CLI_HELP_FORMAT = "catalogue public (reconnu sinon d'après le contenu)"
CLI_HELP_SNAPSHOTS = "liste les inventaires"
CLI_HELP_ACTIVATE = "active un inventaire"
CLI_HELP_EXPORT = "exporte un inventaire (.xlsx ou dossier de CSV)"
CLI_HELP_TEMPLATE = "écrit le modèle vide"
CLI_HELP_CONTRACT = "affiche le contrat du classeur (Markdown, généré depuis les modèles)"
CLI_HELP_MATRIX = "les chiffres par territoire × thématique"
CLI_HELP_COMMITMENTS = "les engagements, en retard d'abord, et les zones blanches qu'ils atteignent"
CLI_HELP_PATHWAYS = "les parcours de soutien par territoire × thématique et leurs maillons manquants"
CLI_HELP_DEMO = "charge la démonstration, ou un inventaire synthétique (--needs N --programmes M)"
CLI_HELP_COMMITMENTS_N = "engagements synthétiques"
CLI_HELP_LANG = "langue des messages et des fichiers produits (fr ou en)"
CLI_BAD_DATE = "date invalide : {value} (attendu AAAA-MM-JJ ou JJ/MM/AAAA)"
CLI_HELP_RESULTS_N = "réalisations synthétiques"
CLI_HELP_REPORT = "écrit le rapport de séance d'un inventaire (fichier .html ou .pdf)"
CLI_REPORT_WRITTEN = "Rapport de séance de l'inventaire n° {id} écrit dans {path} ({size} Ko)."

# --- closed lists of the contract: their labels (the codes are the contract's; inventory/reference.py) -------------
AUDIENCE_LABELS = {
    "association": "Associations",
    "fondation": "Fondations",
    "structure_ess": "Structures de l'ESS",
    "collectivite": "Collectivités",
    "tpe_pme": "TPE / PME",
    "reseau_accompagnement": "Réseaux d'accompagnement",
}
PHASE_LABELS = {"urgence": "Urgence", "relance": "Relance", "structurel": "Structurel"}
SUPPORT_TYPE_LABELS = {
    "subvention": "Subvention",
    "pret": "Prêt",
    "garantie": "Garantie",
    "accompagnement": "Accompagnement",
    "formation": "Formation",
    "outil": "Outil",
    "mecenat_competences": "Mécénat de compétences",
    "autre": "Autre",
}
INVESTOR_TYPE_LABELS = {"institution": "Institution", "fondation": "Fondation", "entreprise": "Entreprise"}
SOURCE_LABELS = {"terrain": "Acteurs de terrain", "ingenierie": "Écosystème d'accompagnement (ingénierie)"}
STATUS_LABELS = {"envisage": "Envisagé", "engage": "Engagé", "realise": "Réalisé", "abandonne": "Abandonné"}

# --- import report ------------------------------------------------------------------------------------
ERR_END_BEFORE_START = "la date de fin {fin} précède la date de début {debut}"
ERR_DUE_BEFORE_DATE = "l'échéance {echeance} précède la date de la décision {date}"
ERR_REQUIRED = "valeur obligatoire manquante"
ERR_UNKNOWN_INVESTOR = "investisseur « {value} » inconnu : il doit figurer dans la feuille investisseurs"
ERR_UNKNOWN_THEME = "thématique « {value} » inconnue (thématiques connues : {known})"
ERR_DUPLICATE = "identifiant « {value} » en double (déjà utilisé ligne {first})"
ERR_MISSING_COLUMN = "colonne obligatoire « {column} » absente de la feuille (colonnes attendues : {expected})"
ERR_DUPLICATE_COLUMN = "la colonne « {column} » apparaît deux fois : gardez-en une seule"
ERR_HEADER_NOT_FIRST_ROW = (
    "les en-têtes doivent être sur la ligne 1 ; ils semblent être ligne {row} : supprimez les lignes au-dessus"
)
ERR_NO_KNOWN_SHEET = (
    "aucune feuille reconnue : les feuilles (ou fichiers CSV) doivent s'appeler investisseurs, programmes, "
    "besoins ou thematiques (trouvé : {found})"
)
ERR_EMPTY_FILE = "le fichier est vide"
ERR_NOT_READABLE = "ce fichier n'est pas un classeur lisible ({detail}) : enregistrez-le en .xlsx, .ods ou .csv"
ERR_XLS = "ancien format Excel .xls : ouvrez-le et enregistrez-le au format .xlsx (Classeur Excel)"
ERR_ENCRYPTED = "le classeur est protégé par un mot de passe : enregistrez-en une copie sans mot de passe"
ERR_TOO_BIG = "fichier trop volumineux ({size} Mo, au plus {limit} Mo) : découpez-le ou retirez les feuilles inutiles"
ERR_ZIP_BOMB = "le classeur se décompresse en un volume anormal ({size} Mo) : il a été refusé sans être ouvert"
ERR_TOO_MANY_ROWS = "trop de lignes ({rows}, au plus {limit})"
ERR_TOO_MANY_COLUMNS = "trop de colonnes ({columns}, au plus {limit})"
ERR_UNKNOWN_EXTENSION = "format « {ext} » non pris en charge : déposez un .xlsx, .ods ou .csv"
ERR_CSV_UNREADABLE = "le fichier CSV est mal formé ({detail})"
DETAIL_DAMAGED = "contenu endommagé ou d'un autre type"
DETAIL_NOT_A_WORKBOOK = "ce n'est pas un classeur"
DETAIL_BAD_ARCHIVE = "archive endommagée"
DETAIL_BINARY = "contenu binaire"
DETAIL_OPEN_QUOTE = "un guillemet ouvert n'est jamais refermé"
DETAIL_MISPLACED_QUOTES = "guillemets mal placés"
ERR_CSV_CELL_TOO_LONG = (
    "une cellule dépasse 131 072 caractères : un guillemet est sans doute resté ouvert, "
    "ou un texte dépasse la longueur permise ({limit} caractères par cellule)"
)
ERR_MERGED_CELLS = (
    "la feuille {sheet} contient des cellules fusionnées ({cells}) : défusionnez-les et recopiez la valeur "
    "sur chaque ligne (une ligne par élément)"
)
ERR_SHEET_TWICE = "la feuille {sheet} est fournie deux fois (dans {files}) : n'en gardez qu'une"
ERR_NO_DATA = "la feuille ne contient aucune ligne de données"
ERR_NO_ACTIVE_FOR = "la feuille {sheet} est absente et il n'existe pas encore d'inventaire d'où la reprendre"
ERR_TOO_MANY_FILES = "au plus {limit} fichiers par import"
NO_SHEET_FOUND = "aucune"
# a cell's problem, after the column's label: « Intensité : 7 n'est pas entre 1 et 5 »
ERR_IN_COLUMN = "{column} : {message}"
ERR_AT_LEAST_ONE = "indiquez au moins une valeur"
ERR_INVALID = "valeur non conforme"
# the cell parsers (inventory/parsing.py); {value} is the cell as typed
ERR_UNCALCULATED = (
    "formule sans résultat enregistré (fichier produit par un programme) : ouvrez le fichier dans "
    "Excel ou LibreOffice et enregistrez-le, ou tapez la valeur"
)
ERR_NOT_FINITE_CELL = "valeur numérique invalide"
ERR_EXCEL_ERROR = "la cellule contient l'erreur Excel {value} : remplacez-la par une valeur"
ERR_CONTROL_CHARACTERS = "le texte contient des caractères de contrôle invisibles : retapez-le"
ERR_TEXT_TOO_LONG = "texte trop long ({length} caractères, au plus {limit})"
ERR_CODE_TOO_LONG = "identifiant trop long (au plus {limit} caractères)"
ERR_NOT_ALLOWED = "« {value} » n'est pas une valeur permise (valeurs possibles : {allowed})"
ERR_OLD_CORSICA = (
    "« {value} » désignait toute la Corse avant 1976 : indiquez 2A (Corse-du-Sud), "
    "2B (Haute-Corse) ou Corse pour la région"
)
ERR_OLD_REGION = "« {value} » est une ancienne région (avant 2016) : indiquez {region}"
ERR_UNKNOWN_TERRITORY = (
    "territoire « {value} » inconnu : indiquez FR, le nom d'une région ou d'un département, "
    "REG-84, DEP-69 ou un numéro de département"
)
ERR_NOT_A_NUMBER = "« {value} » n'est pas un nombre"
ERR_NOT_FINITE = "« {value} » n'est pas un nombre fini"
ERR_TOO_LARGE = "{value} est démesuré (au plus {limit})"
ERR_NOT_AN_INTEGER = "{value} n'est pas un nombre entier"
ERR_NOT_BETWEEN = "{value} n'est pas entre {lo} et {hi}"
ERR_AT_LEAST = "{value} doit être au moins {lo}"
ERR_NEGATIVE = "{value} est négatif : indiquez un montant positif ou nul"
ERR_NUMBER_NOT_A_DATE = "{value} n'est pas une date (attendu : JJ/MM/AAAA)"
ERR_NO_SUCH_DATE = "la date {value} n'existe pas"
ERR_NOT_A_DATE = "« {value} » n'est pas une date (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)"
WARN_UNKNOWN_COLUMNS = "Feuille {sheet} : colonnes ignorées car inconnues : {columns}."
WARN_UNKNOWN_SHEETS = "Feuilles ignorées car inconnues : {sheets}."
WARN_CARRIED = "Feuille {sheet} absente : reprise telle quelle de l'inventaire actif."
WARN_REPEATED_INVESTOR = ("Feuille {sheet} : un même investisseur est cité plusieurs fois dans une cellule ; "
                          "il est compté une fois ({rows}).")
WARN_REPEATED_INVESTOR_ROW = "ligne {row} : {ids}"
WARN_REPEATED_INVESTOR_MORE = "et {n} {{n|autre ligne|autres lignes}}"
KIND_LABELS = {
    "fichier": "Fichier illisible ou refusé",
    "colonne": "Colonnes manquantes ou en double",
    "valeur": "Valeurs non conformes",
    "reference": "Références inconnues",
    "doublon": "Identifiants en double",
    "coherence": "Incohérences entre colonnes",
}

ERR_CSV_NAME_TWO = (
    "le nom du fichier désigne plusieurs feuilles ({sheets}) : renommez-le pour n'en nommer qu'une, "
    "par exemple besoins.csv"
)
ERR_CSV_HEADERS_TWO = (
    "le nom du fichier ne désigne aucune feuille et sa ligne d'en-têtes convient à plusieurs ({sheets}) : "
    "renommez-le d'après sa feuille, par exemple besoins.csv"
)
ERR_CSV_NO_SHEET = (
    "ni le nom du fichier ni sa ligne d'en-têtes ne désignent une feuille ({sheets}) : renommez-le d'après sa "
    "feuille (par exemple « inventaire-Besoins.csv ») ou vérifiez ses en-têtes"
)
# --- public catalogues (inventory/catalogues/) -------------------------------------------------------
CAT_AIDES_TERRITOIRES = "export aides-territoires"
CAT_HXL = "tableau HXL (3W)"
ERR_CATALOGUE_JSON = (
    "le fichier JSON est tronqué ou mal formé (ligne {line}, colonne {column}) : téléchargez à nouveau l'export "
    "complet d'aides-territoires"
)
ERR_CATALOGUE_NOT_AT = (
    "ce fichier JSON n'est pas un export aides-territoires : attendu un objet {\"results\": [...]} (ou une liste) "
    "dont chaque aide a au moins un nom (name) et un périmètre (perimeter)"
)
ERR_CATALOGUE_NO_AIDS = "l'export aides-territoires ne contient aucune aide"
ERR_CATALOGUE_CSV = "le fichier CSV est mal formé (guillemets mal placés ou non refermés)"
ERR_CATALOGUE_BINARY = "ce fichier n'est pas un texte lisible (contenu binaire)"
ERR_CATALOGUE_CSV_COLUMNS = (
    "ce CSV n'est ni un export aides-territoires ni un tableau HXL : colonnes manquantes {missing} "
    "(un export aides-territoires a au moins les colonnes name et perimeter — ou Nom et Périmètre ; "
    "un tableau HXL a une ligne de hashtags #org, #sector, #adm1… sous ses en-têtes)"
)
ERR_HXL_NO_TAGS = (
    "aucune ligne de hashtags HXL (#org, #sector, #adm1…) dans les 25 premières lignes : ce n'est pas un tableau HXL"
)
ERR_HXL_NO_DATA = "le tableau HXL n'a aucune ligne de données sous sa ligne de hashtags (ligne {row})"
ERR_HXL_MISSING = (
    "le tableau HXL n'a pas de colonne {tag} ; un tableau 3W (qui fait quoi, où) a au moins #org, #sector et un lieu "
    "(#adm1, #adm2 ou #country)"
)
ERR_CORRESPONDENCE_SOURCE = "source « {value} » inconnue (sources possibles : {known})"
ERR_CORRESPONDENCE_TARGET = "« {value} » n'est pas un code possible pour la source {source} (codes possibles : {known})"
ERR_CORRESPONDENCE_ONE_PHASE = "une seule phase par correspondance (trouvé « {value} »)"
SET_ASIDE_FINER = (
    "périmètre plus fin qu'un département ({scale}) : mis de côté plutôt que de compter tout un territoire "
    "comme couvert"
)
SET_ASIDE_UNKNOWN_PERIMETER = (
    "périmètre non reconnu : ni la France, ni une région, ni un département (une commune, une intercommunalité "
    "ou un périmètre sur mesure n'est pas placé)"
)
SET_ASIDE_PARTIAL_PERIMETER = (
    "périmètre qui ne couvre ni toute la France, ni une région, ni un département entier ({scale}) : mis de côté"
)
SET_ASIDE_NO_PERIMETER = "aucun périmètre indiqué : l'aide ne peut pas être placée"
SET_ASIDE_NO_CATEGORY = "aucune catégorie : sa thématique ne peut pas être déduite"
SET_ASIDE_NO_THEME = (
    "aucune correspondance avec une thématique pour {values} : ajoutez une ligne à la feuille correspondances "
    "(source {source}, valeur, thematique)"
)
SET_ASIDE_OUT_OF_SCOPE = "hors des thématiques de l'inventaire ({values}) selon la table de correspondances"
SET_ASIDE_NO_PUBLIC = "aucun de ses publics n'est un public de l'inventaire ({values})"
SET_ASIDE_NO_FINANCER = "aucun porteur d'aide (financeur) indiqué : un programme a au moins un investisseur"
SET_ASIDE_NO_ORG = "aucune organisation (#org) sur la ligne : un programme a au moins un investisseur"
SET_ASIDE_NO_NAME = "sans nom : un programme a un nom"
SET_ASIDE_BAD_DATE = "date illisible « {value} » (attendu : AAAA-MM-JJ ou JJ/MM/AAAA)"
SET_ASIDE_DUPLICATE = "aide en double : déjà lue {first}"
SET_ASIDE_NOT_FRANCE = "pays autre que la France ({value}) : hors du périmètre de l'inventaire"
SET_ASIDE_BAD_COUNT = "{tag} n'est pas un nombre entier positif ou nul (« {value} »)"
SET_ASIDE_NO_PLACE = "aucun lieu (#adm1, #adm2 ou #country) sur la ligne"
WARN_CATALOGUE_PAGE = (
    "Le fichier ne contient que {read} {{read|aide|aides}} sur {count} : c'est une seule page de l'API aides-territoires. "
    "Téléchargez toutes les pages (ou l'export complet) pour ne rien oublier."
)
WARN_HXL_DEFAULT_INTENSITY = (
    "{n} {{n|besoin|besoins}} du tableau HXL sans colonne #severity {{n|a reçu|ont reçu}} l'intensité {value} (moyenne) : "
    "ajoutez une colonne #severity (1 à 5) pour la préciser."
)
ANNOTATED_ERRORS_COLUMN = "erreurs"  # the annotated workbook's column summing up each row's problems
SET_ASIDE_SHEET = "mis de côté"
SET_ASIDE_COLUMNS = ("fichier", "ligne", "valeur", "raison")
CLI_SET_ASIDE = "Mis de côté : {sheet}, ligne {row}, « {value} » : {message}."
WARN_NEW_INVESTORS = "Investisseurs créés pour des financeurs inconnus ({n}) : {names}."

# --- formulas: the one sentence explaining each number, shown beside it and listed on the Méthode page ----------
FORMULA_ACTIF = ("Programme actif : programme dont la date de début, si elle est indiquée, précède ou égale la date "
                 "de l'inventaire et dont la date de fin, si elle est indiquée, la suit ou l'égale ; tout chiffre "
                 "présenté comme l'état actuel ne compte que les programmes actifs.")
FORMULA_ACTEURS = "Acteurs : nombre total d'acteurs ayant exprimé un besoin (somme de « nombre d'acteurs »)."
FORMULA_SCORE = "Score : somme, pour chaque signalement, du nombre d'acteurs multiplié par l'intensité (1 à 5)."
FORMULA_INTENSITE = "Intensité moyenne : score divisé par le nombre d'acteurs (de 1 à 5)."
FORMULA_PROGRAMMES = ("Programmes : programmes actifs à la date de l'inventaire qui couvrent la thématique et dont "
                      "les territoires atteignent la case (un programme national atteint tout, un programme régional "
                      "ses départements, un programme départemental compte pour sa région).")
FORMULA_ATTEINTE = ("Besoin atteint : un signalement est atteint quand un programme actif de sa thématique vise la "
                    "France entière, son territoire ou, pour un département, sa région ; un besoin saisi pour toute "
                    "une région n'est atteint que par un programme national ou de cette région.")
FORMULA_SCORE_COUVERT = "Score couvert : somme des scores des signalements de la case atteints par au moins un programme actif."
FORMULA_PART_COUVERTE = "Part du besoin atteinte : score couvert divisé par le score de la case (de 0 à 100 %)."
FORMULA_TENSION = ("Tension : score divisé par (1 + nombre de programmes qui couvrent la case) ; plus elle est "
                   "haute, moins le besoin est couvert.")
FORMULA_ZONE_BLANCHE = ("Zone blanche : case où des besoins sont exprimés et dont aucun n'est atteint par un programme "
                        "actif (0 % du besoin atteint), même si un programme agit ailleurs dans le territoire.")
FORMULA_INVESTISSEURS = "Investisseurs : nombre d'investisseurs distincts présents dans la case à travers leurs programmes actifs."
FORMULA_ALLIANCE = ("Opportunité d'alliance : case où au moins deux investisseurs interviennent à travers au moins "
                    "deux programmes actifs distincts.")
FORMULA_COFINANCEMENT = "Taux de cofinancement : part des programmes actifs financés par au moins deux investisseurs distincts."
FORMULA_BUDGET = ("Budget d'un investisseur : somme de sa part du budget de chacun de ses programmes actifs, le "
                  "budget d'un programme étant partagé à parts égales entre ses cofinanceurs (les budgets des "
                  "investisseurs s'additionnent ainsi au total des programmes actifs).")
FORMULA_CASES_COMMUNES = ("Cases en commun : croisements région × thématique (ou France entière × thématique) où les "
                          "deux investisseurs ont chacun au moins un programme actif.")
FORMULA_LIGNE_REGION = ("Échelle départementale : la ligne d'une région ne compte que les besoins saisis pour toute "
                        "la région ; ceux de ses départements sont sur leurs propres lignes.")
# key → sentence: the captions and the Méthode page read this one table
FORMULAS = {
    "actif": FORMULA_ACTIF, "acteurs": FORMULA_ACTEURS, "score": FORMULA_SCORE, "intensite_moyenne": FORMULA_INTENSITE,
    "programmes": FORMULA_PROGRAMMES, "atteinte": FORMULA_ATTEINTE, "score_couvert": FORMULA_SCORE_COUVERT,
    "part_couverte": FORMULA_PART_COUVERTE, "tension": FORMULA_TENSION, "zone_blanche": FORMULA_ZONE_BLANCHE,
    "investisseurs": FORMULA_INVESTISSEURS, "alliance": FORMULA_ALLIANCE, "cofinancement": FORMULA_COFINANCEMENT,
    "budget": FORMULA_BUDGET, "cases_communes": FORMULA_CASES_COMMUNES, "ligne_region": FORMULA_LIGNE_REGION,
}
# how a cell's coverage is said in words: « 1 programme dans la région, 0 % du besoin atteint »
COVERAGE_WORDS = "{programmes} {{programmes|programme|programmes}} {where}, {part} du besoin atteint"
COVERAGE_WHERE = {"pays": "au niveau national", "region": "dans la région", "departement": "dans le département"}

# --- charts (inventory/charts.py) ------------------------------------------------------------------------
COLON = " : "  # between a label and its value in a chart's hover box
CHART_TERRITORY = "Territoire"
CHART_THEME = "Thématique"
CHART_INVESTOR = "Investisseur"
CHART_WHITE_ZONE_MARK = "ZB"
COVERAGE_NO_NEED = "Aucun besoin recensé ici : {programmes} {{programmes|programme|programmes}} {where}, rien à couvrir"
CHART_WHITE_ZONES = "Zones blanches"
CHART_WHITE_ZONE_LEGEND = "Zone blanche : 0 % du besoin atteint"
CHART_NO_VALUE = "aucune donnée"
CHART_THEMES_COVERED = "Thématiques couvertes"
CHART_COFUNDED = "Programmes cofinancés ensemble"
CHART_PROGRAMMES = "Programmes"
CHART_EMPTY = "Rien à afficher pour ces filtres."
MAP_ATTRIBUTION = (
    "Fonds de carte : IGN – ADMIN EXPRESS COG, édition 2018 ; INSEE – Code officiel géographique 2018 ; "
    "via github.com/gregoiredavid/france-geojson. Licence Ouverte / Etalab. "
    "Données modifiées (simplification, DROM déplacés)."
)

# --- follow-through: commitments, pathways, results (domain words; pages add their own below) ---------------
MISSING_LINK_LABELS = {
    "urgence_sans_suite": "Urgence sans suite (ni relance ni structurel)",
    "argent_sans_accompagnement": "De l'argent sans accompagnement",
    "accompagnement_sans_argent": "De l'accompagnement sans argent",
}
NO_MISSING_LINK = "Parcours complet"
DECLARED = "déclaré"
# the pathway heatmap: each cell's kind, its one-letter mark (kept in greyscale) and its hover line
PATHWAY_KIND_LABELS = {**MISSING_LINK_LABELS, "complet": NO_MISSING_LINK,
                       "zone_blanche": "Aucun programme (zone blanche)"}
PATHWAY_MARKS = {"urgence_sans_suite": "U", "argent_sans_accompagnement": "€", "accompagnement_sans_argent": "A",
                 "complet": "✓", "zone_blanche": "ZB"}
PATHWAY_HOVER = "{kind}<br>{programmes} {{programmes|programme|programmes}} ; phases : {phases}"
CHART_COMMITMENTS = "Engagements"
CHART_LATE = "dont en retard"
CHART_IN_NEED = "Acteurs ayant exprimé un besoin"
CHART_REACHED = "Acteurs atteints (déclaré)"
DECLARED_NOTE = (
    "Chiffres déclarés par ceux qui mènent les programmes : un cadre de confiance, ni contrôle ni notation."
)
ERR_UNKNOWN_PROGRAMME = "programme « {value} » inconnu : il doit figurer dans la feuille programmes"
ERR_THEME_NOT_OF_PROGRAMME = (
    "le programme {programme} ne couvre pas la thématique « {value} » (ses thématiques : {themes})"
)
WARN_FOLLOWUP_NOT_CARRIED = (
    "Feuille {sheet} non reprise : {n} {{n|ligne|lignes}} de l'inventaire actif {{n|cite|citent}} des investisseurs ou des programmes "
    "absents du nouveau fichier (par exemple ligne {row} : {message}). Elle reste dans l'inventaire actif ; "
    "envoyez-la corrigée avec ce fichier pour la garder."
)
COMMITMENT_NOTED_LABEL = "{session} – engagement noté à {time}"
COMMITMENT_DUPLICATE_ID = "identifiant « {value} » déjà utilisé par un autre engagement"
FORMULA_ENGAGEMENTS = (
    "Engagements : engagements ouverts (envisagés ou engagés) dont les thématiques et les territoires atteignent "
    "la case, selon la même règle que les programmes."
)
FORMULA_EN_VOIE = "En voie de couverture : zone blanche qu'au moins un engagement ouvert atteint."
FORMULA_EN_RETARD = (
    "En retard : engagement dont l'échéance précède la date de l'inventaire et qui n'est ni réalisé ni abandonné."
)
FORMULA_PRIME_ALLIANCE = (
    "Prime d'alliance : part des engagements (et de leurs montants) pris par au moins deux investisseurs distincts."
)
FORMULA_BENEFICIAIRES = (
    "Bénéficiaires (déclaré) : acteurs atteints selon les réalisations déclarées ; ceux des départements comptent "
    "pour leur région."
)
FORMULA_TAUX_ATTEINTE = (
    "Taux d'atteinte (déclaré) : bénéficiaires divisés par les acteurs ayant exprimé un besoin dans la case ; "
    "sans besoin exprimé, pas de taux."
)
FORMULA_MONTANT_VERSE = "Montant versé (déclaré) : sommes versées selon les réalisations, en face du budget annoncé."
FORMULA_PARCOURS = (
    "Parcours : les phases (urgence, relance, structurel) et les natures de soutien (argent : subvention, prêt, "
    "garantie, mécénat de compétences ; accompagnement : accompagnement, formation, outil) des programmes actifs "
    "qui atteignent au moins un besoin de la case."
)
FORMULA_MAILLON_MANQUANT = (
    "Maillon manquant : urgence sans relance ni structurel, argent sans accompagnement, ou accompagnement "
    "sans argent."
)
FORMULA_RESULTATS_ODD = (
    "Résultats par ODD (déclaré) : les ODD de la réalisation, ou à défaut ceux de son programme ; une réalisation "
    "comptée sous plusieurs ODD figure sous chacun."
)
FORMULA_PART_VERSEE = (
    "Part versée (déclaré) : montant versé selon les réalisations divisé par le budget annoncé du programme ; le "
    "budget et le versement d'un programme cofinancé sont partagés à parts égales entre ses investisseurs."
)
FORMULA_ZONES_RESTANTES = (
    "Zones blanches restantes : zones blanches qu'aucun engagement ouvert (envisagé ou engagé) n'atteint ; ce "
    "qui resterait si les engagements ouverts sont tenus."
)
FORMULA_SUIVI_ENGAGEMENTS = (
    "D'un inventaire à l'autre, un engagement (reconnu par son identifiant, sinon par ses investisseurs, "
    "thématiques et territoires) est tenu s'il est réalisé à l'arrivée, abandonné s'il y est abandonné, en retard "
    "s'il est en retard à l'arrivée."
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
    "Part du premier financeur (dépendance d'un opérateur) : le budget de chaque programme actif qu'il met en œuvre "
    "est partagé à parts égales entre ses financeurs ; le premier financeur est celui dont les parts font la plus "
    "grosse somme, et sa part est cette somme divisée par le total des budgets de ces programmes (100 % : un seul "
    "financeur le fait vivre)."
)
FORMULA_FLUX = (
    "Flux de l'écosystème : le budget de chaque programme actif qui indique ses opérateurs est partagé à parts "
    "égales entre ses financeurs et ses opérateurs (financeur → opérateur), puis entre ses opérateurs et ses "
    "thématiques (opérateur → thématique) ; ce qui entre dans un opérateur en ressort vers les thématiques."
)
FORMULA_OPERATEURS_PRESENTS = (
    "Opérateur présent non financé : case avec besoins dont les signalements sont dans les territoires de "
    "l'opérateur (même règle d'atteinte que pour un programme) mais qu'aucun programme actif qu'il met en œuvre "
    "n'atteint."
)
FORMULAS |= {"part_premier_financeur": FORMULA_DEPENDANCE, "flux": FORMULA_FLUX,
             "operateurs_presents": FORMULA_OPERATEURS_PRESENTS}

# --- the session report (inventory/session_report.py) --------------------------------------------------------
REPORT_TITLE = "Rapport de séance"
REPORT_SNAPSHOT = "Inventaire « {label} », données au {as_of}."
REPORT_MADE = "Rapport établi le {date} à {time}, avec les mêmes calculs que le tableau de bord."
REPORT_FILE_NAME = "rapport_de_seance_{as_of}.{kind}"
REPORT_KEY_FIGURES = "Chiffres clés"
REPORT_FIGURE_COLUMNS = {"chiffre": "Chiffre", "valeur": "Valeur"}
REPORT_COMMITMENTS = "Engagements"
REPORT_LATE = "Engagements en retard"
REPORT_REACHED = "Acteurs atteints (déclaré)"
REPORT_COFUNDING_LINE = "Taux de cofinancement : {rate} ({co} programmes actifs cofinancés sur {total})."
REPORT_MAP = "Où sont les besoins : acteurs par région"
REPORT_WHITE_ZONES = "Zones blanches et cases partiellement couvertes"
REPORT_WORST_WHITE_ZONES = "Les zones blanches les plus criantes"
REPORT_PARTLY_COVERED = "Cases partiellement couvertes (besoin en partie seulement atteint)"
REPORT_PATHWAYS = "Parcours de soutien et engagements"
REPORT_MISSING_LINKS = "Maillons manquants des parcours"
REPORT_NO_MISSING_LINK = "Aucun maillon manquant : chaque case atteinte l'est par un parcours complet."
REPORT_PREMIUM_LINE = "Prime d'alliance : {joint} {{joint|engagement|engagements}} sur {total} pris à plusieurs investisseurs ({part})."
REPORT_BY_STATUS = "Engagements par statut"
REPORT_COMMITMENT_LIST = "Les engagements, en retard d'abord"
REPORT_RESULTS = "Résultats (déclarés)"
REPORT_NO_RESULTS = "Cet inventaire ne contient aucune réalisation déclarée."
REPORT_REACH_LINE = "{reached} acteurs atteints (déclaré) pour {actors} acteurs ayant exprimé un besoin : {rate}."
REPORT_RESULT_CELLS = "Acteurs en besoin → acteurs atteints, par région et thématique"
REPORT_DISBURSED = "Versé et budgété, par investisseur"
REPORT_DEFINITIONS = "Définitions utilisées"
REPORT_CHANGE_COLUMNS = {"chiffre": "Chiffre", "avant": "Avant", "apres": "Après", "ecart": "Écart"}
REPORT_NEED_MOVES = "Les plus fortes variations de besoin (score)"
REPORT_WZ_LINE = "Zones blanches fermées : {closed} ; ouvertes : {opened}."
REPORT_PROGRAMME_LINE = ("Programmes actifs : {active_before} → {active_after} ; ajoutés : {added} ; démarrés : {started} ; "
                         "terminés : {ended} ; retirés : {withdrawn} ; modifiés : {changed}.")
REPORT_COMMITMENT_CHANGES = "Engagements tenus : {tenu} ; en retard : {en_retard} ; abandonnés : {abandonne} ; nouveaux : {nouveau}."
REPORT_ROWS_CUT = "Les {shown} premières lignes sur {total} : le tableau de bord et ses téléchargements les donnent toutes."
REPORT_NO_CHROMIUM = (
    "Le PDF demande Chromium, absent de cette machine : téléchargez le rapport en HTML et imprimez-le depuis le "
    "navigateur (Imprimer → Enregistrer en PDF, A4 paysage)."
)
REPORT_PDF_FAILED = "Chromium n'a pas pu produire le PDF ({error}) : utilisez le rapport en HTML."
REPORT_BAD_PATH = "Le rapport s'écrit dans un fichier .html ou .pdf, pas « {path} »."
REPORT_HEADINGS = {
    "part": "Part du score total (%)",
    "territoire_max_nom": "Le plus fort en",
    "en_voie_de_couverture": "En voie de couverture",
    "maillon_manquant": "Maillon manquant",
    "statut": "Statut",
    "engagements": "Engagements",
    "montant_eur": "Montant (€)",
    "en_retard": "En retard",
    "echeance": "Échéance",
    "zones_blanches": "Zones blanches atteintes",
    "beneficiaires": "Bénéficiaires (déclaré)",
    "taux_atteinte": "Taux d'atteinte (%, déclaré)",
    "montant_verse_eur": "Montant versé (€, déclaré)",
    "part_versee": "Part versée (%)",
    "ecart_score": "Écart de score",
    "noms_investisseurs": "Investisseurs",
}

# --- the template workbook's read-me sheet (inventory/exports.py) -----------------------------------------
TEMPLATE_TITLE = "Modèle d'inventaire partagé des investisseurs sociétaux"
TEMPLATE_HOW = "Comment remplir"
TEMPLATE_HOW_TEXT = "Une ligne par élément ; la ligne 1 porte les en-têtes, ne la modifiez pas."
TEMPLATE_LISTS = "Listes"
TEMPLATE_LISTS_TEXT = "Plusieurs valeurs dans une cellule : séparez-les par ; (point-virgule) ou , (virgule)."
TEMPLATE_DATES = "Dates"
TEMPLATE_DATES_TEXT = "JJ/MM/AAAA (ex. 30/06/2020) ou une vraie date Excel."
TEMPLATE_TERRITORIES = "Territoires"
TEMPLATE_TERRITORIES_TEXT = "FR (national), nom de région ou de département, REG-84, DEP-69 ou numéro (69, 2A, 974)."
TEMPLATE_ABSENT = "Feuilles absentes"
TEMPLATE_ABSENT_TEXT = "Une feuille absente est reprise de l'inventaire actif : vous pouvez n'envoyer que « besoins »."
TEMPLATE_FOLLOWUP = "Suivi"
TEMPLATE_DEFAULT_THEME = "thème par défaut"
TEMPLATE_THEMES_COMMENT = "Facultatif : ajoutez ici vos propres thématiques (les 8 par défaut sont listées dans lisez-moi)."
TEMPLATE_FOLLOWUP_TEXT = "Facultatif : « engagements » (ce que les investisseurs ont décidé de faire) et « realisations » (ce que les programmes ont atteint, déclaré par ceux qui les mènent)."

# --- table downloads: the « contexte » sheet of an XLSX download, French booleans (inventory/exports.py) -------
YES = "oui"
NO = "non"
CONTEXT_SHEET = "contexte"
CONTEXT_TITLE = "Ce que contient ce fichier"
CONTEXT_TABLE = "Tableau"
CONTEXT_INVENTORY = "Inventaire"
CONTEXT_AS_OF = "Données au"
CONTEXT_BY = "Importé par"
CONTEXT_FILTERS = "Filtres"
CONTEXT_NO_FILTER = "aucun : tout l'inventaire"
CONTEXT_URL = "Adresse de la vue"
CONTEXT_DOWNLOADED = "Téléchargé le"
CONTEXT_COLUMN = "Colonne"
CONTEXT_DEFINITION = "Définition"
TEMPLATE_README_SHEET = "lisez-moi"
TEMPLATE_README_HEADINGS = ("Feuille", "Colonne", "Obligatoire", "Ce qu'on attend", "Valeurs possibles")
TEMPLATE_REQUIRED_NOTE = " (obligatoire)"
# a contract column in the template's comments and the import report: its French label (models.py), and its English
# alias after it when True
CONTRACT_ALIAS_SHOWN = False
# sheet.column → what the column expects; French: empty, the models' own help (inventory/models.py) is French
CONTRACT_HELP: dict[str, str] = {}

# --- shares ------------------------------------------------------------------------------------------
PERCENT = "{value}\u202f%"  # a share as people write it
RATE_ABOVE_FULL = "⚠ Plus d'acteurs déclarés atteints que d'acteurs ayant exprimé un besoin : les déclarations dépassent les besoins recensés (à vérifier avec ceux qui les ont faites)."
