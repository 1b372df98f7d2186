"""Every French sentence the product shows, in one place so an English version can follow.

Domain messages (import report, command line) come first; the dashboard's strings follow, one section
per page. Code refers to them by name; nothing user-facing is written inline elsewhere.
"""

# --- store and command line -------------------------------------------------------------------------
STORE_BUSY = (
    "La base {path} est occupée par un autre programme (le tableau de bord ou un autre import) : "
    "réessayez dans quelques secondes, ou importez le fichier depuis la page « Importer » du tableau de bord."
)
CANNOT_DELETE_ACTIVE = "On ne peut pas supprimer l'inventaire actif : activez-en un autre d'abord."
DEMO_LABEL_APRIL = "Démo fictive – inventaire au 30/04"
DEMO_LABEL_JUNE = "Démo fictive – inventaire au 30/06"
CLI_SNAPSHOT_MADE = "Inventaire n° {id} créé et activé : {besoins} besoins, {programmes} programmes, {investisseurs} investisseurs."
CLI_CARRIED_OVER = "Repris de l'inventaire actif : {sheets}."
CLI_REJECTED = "Import refusé : {n} problème(s), rien n'a été modifié."
CLI_ACTIVATED = "Inventaire n° {id} activé."
CLI_UNKNOWN_SNAPSHOT = "Aucun inventaire n° {id}."
CLI_EXPORTED = "Inventaire n° {id} exporté vers {path}."
CLI_TEMPLATE = "Modèle écrit dans {path}."
CLI_FILE_NOT_FOUND = "Fichier introuvable : {path}."
CLI_UNEXPECTED = "Erreur inattendue, rien n'a été modifié ({error}). Signalez-la à l'équipe technique."
CLI_NO_SNAPSHOT = "La base ne contient encore aucun inventaire : importez un fichier."
CLI_INIT_CREATED = "Base créée : {path} (inventaire de démonstration fictif chargé)."
CLI_INIT_EXISTS = "Base existante : {path}."
CLI_PASSWORD_CREATED = (
    "Mot de passe animateur créé (à garder pour importer depuis le tableau de bord) : {password}\n"
    "Il est enregistré dans {path} ; changez-le en modifiant ce fichier."
)

# --- import report ------------------------------------------------------------------------------------
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
ERR_CSV_NAME = "le nom du fichier CSV doit être celui d'une feuille : besoins.csv, programmes.csv, investisseurs.csv ou thematiques.csv"
ERR_CSV_UNREADABLE = "le fichier CSV est mal formé ({detail})"
ERR_UTF16 = "fichier texte Unicode (UTF-16) : enregistrez-le en « CSV UTF-8 (délimité par des points-virgules) »"
ERR_SHEET_TWICE = "la feuille {sheet} est fournie deux fois (dans {files}) : n'en gardez qu'une"
ERR_NO_DATA = "la feuille ne contient aucune ligne de données"
ERR_NO_ACTIVE_FOR = "la feuille {sheet} est absente et il n'existe pas encore d'inventaire d'où la reprendre"
WARN_UNKNOWN_COLUMNS = "Feuille {sheet} : colonnes ignorées car inconnues : {columns}."
WARN_UNKNOWN_SHEETS = "Feuilles ignorées car inconnues : {sheets}."
WARN_CARRIED = "Feuille {sheet} absente : reprise telle quelle de l'inventaire actif."
KIND_LABELS = {
    "fichier": "Fichier illisible ou refusé",
    "colonne": "Colonnes manquantes ou en double",
    "valeur": "Valeurs non conformes",
    "reference": "Références inconnues",
    "doublon": "Identifiants en double",
    "coherence": "Incohérences entre colonnes",
}

# --- dashboard: shared ----------------------------------------------------------------------------------
APP_TITLE = "Inventaire partagé des investisseurs sociétaux"
PAGE_ACCUEIL = "Accueil"
PAGE_BESOINS = "Besoins par territoire"
PAGE_COUVERTURE = "Couverture et lacunes"
PAGE_COLLECTIF = "Jouer collectif"
PAGE_DEFIS = "Les trois défis"
PAGE_EVOLUTION = "Évolution"
PAGE_IMPORTER = "Importer"
SIDEBAR_SNAPSHOT = "Inventaire affiché"
SIDEBAR_WORKSHOP = "Mode atelier (écran partagé)"
SIDEBAR_WORKSHOP_HELP = "Agrandit textes et graphiques et masque tout ce qui modifie l'inventaire."
SNAPSHOT_OPTION = "{label} (au {as_of})"
SNAPSHOT_ACTIVE_SUFFIX = " – actif"
DEMO_BANNER = "Données fictives de démonstration : aucun chiffre ne décrit un acteur réel."
NO_SNAPSHOT = "L'inventaire est vide : un animateur doit d'abord importer un classeur (page « Importer »)."
DB_BUSY = "La base est momentanément occupée par un import : la page se mettra à jour dans quelques secondes."
UNEXPECTED = "Une erreur inattendue est survenue ; rien n'a été modifié. Rechargez la page ; si elle persiste, signalez-la."
DOWNLOAD_CSV = "Télécharger (CSV)"
DOWNLOAD_XLSX = "Télécharger (Excel)"
WORKSHOP_HEADER = "{label} – données au {as_of}"
MEASURE_LABELS = {
    "acteurs": "Acteurs",
    "score": "Score (acteurs × intensité)",
    "intensite_moyenne": "Intensité moyenne",
    "tension": "Tension",
    "programmes": "Programmes",
    "investisseurs": "Investisseurs",
}
LEVEL_LABELS = {"region": "Régions", "departement": "Départements"}
COLUMN_LABELS = {
    "territoire": "Code territoire",
    "nom": "Territoire",
    "thematique": "Thématique",
    "acteurs": "Acteurs",
    "score": "Score",
    "intensite_moyenne": "Intensité moyenne",
    "programmes": "Programmes",
    "tension": "Tension",
    "zone_blanche": "Zone blanche",
    "investisseurs": "Investisseurs",
    "alliance": "Opportunité d'alliance",
}

# --- charts (inventory/charts.py) ------------------------------------------------------------------------
CHART_TERRITORY = "Territoire"
CHART_THEME = "Thématique"
CHART_INVESTOR = "Investisseur"
CHART_WHITE_ZONE_MARK = "ZB"
CHART_WHITE_ZONES = "Zones blanches"
CHART_NO_VALUE = "aucune donnée"
CHART_THEMES_COVERED = "Thématiques couvertes"
CHART_COFUNDED = "Programmes cofinancés ensemble"
CHART_PROGRAMMES = "Programmes"
CHART_EMPTY = "Rien à afficher pour ces filtres."
