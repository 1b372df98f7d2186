"""French: what the dashboard's pages say, one section per page.

One constant per sentence; its name is its key in every language (see ``inventory/texts/__init__.py``)."""
# flake8: noqa: E501

# --- dashboard: shared ----------------------------------------------------------------------------------
APP_TITLE = "Inventaire partagé des investisseurs sociétaux"
PAGE_ACCUEIL = "Accueil"
PAGE_BESOINS = "Besoins par territoire"
PAGE_COUVERTURE = "Couverture et lacunes"
PAGE_COLLECTIF = "Jouer collectif"
PAGE_DEFIS = "Les trois défis"
PAGE_EVOLUTION = "Évolution"
PAGE_IMPORTER = "Importer"
SIDEBAR_LANGUAGE = "Langue"
SIDEBAR_SNAPSHOT = "Inventaire affiché"
SIDEBAR_WORKSHOP = "Mode atelier (écran partagé)"
SIDEBAR_WORKSHOP_HELP = "Agrandit textes et graphiques et masque tout ce qui modifie l'inventaire."
SNAPSHOT_OPTION = "{as_of} · {label}"  # date first: two snapshots stay apart in a narrow sidebar
SNAPSHOT_ACTIVE_SUFFIX = " – actif"
DEMO_BANNER = "Données fictives de démonstration : aucun chiffre ne décrit un acteur réel."
NO_SNAPSHOT = "L'inventaire est vide : un animateur doit d'abord importer un classeur (page « Importer »)."
DB_BUSY = "La base est momentanément occupée par un import : la page se mettra à jour dans quelques secondes."
UNEXPECTED = "Une erreur inattendue est survenue ; rien n'a été modifié. Rechargez la page ; si elle persiste, signalez-la."
CHART_AS_TABLE = "Les chiffres en tableau"  # the folded table beside every map and heatmap
DOWNLOAD_CSV = "Télécharger (CSV)"
DOWNLOAD_XLSX = "Télécharger (Excel)"
# the URL's filters as the « contexte » sheet of a download names them (keys not listed are shown as they are)
FILTER_NAMES = {
    "territoire": "Territoire", "region": "Région", "thematique": "Thématique", "thematiques": "Thématiques",
    "thematique_carte": "Thématique de la carte", "source": "Source des besoins", "public": "Public",
    "secteur": "Secteur", "niveau": "Échelle", "mesure": "Mesure", "investisseur": "Investisseur", "phase": "Phase",
    "nature": "Nature du soutien", "actif_le": "Programmes actifs le", "avant": "Inventaire de départ",
    "apres": "Inventaire d'arrivée", "vue": "Vue", "carte": "Carte", "defi": "Défi",
}
WORKSHOP_HEADER = "{label} – données au {as_of}"
SHOWN_INVENTORY = "Inventaire affiché : {label} – données au {as_of}."
OLDER_INVENTORY = "Ancien inventaire — le plus récent est celui du {as_of} ({label})."
INACTIVE_INVENTORY = "Inventaire non activé — l'inventaire actif est celui du {as_of} ({label})."
PRINT_TABLE_NOTE = ("Tableau imprimé tel qu'affiché à l'écran : le rapport de séance (page d'accueil) et les "
                    "téléchargements CSV / Excel le donnent en entier.")
MEASURE_LABELS = {
    "acteurs": "Acteurs",
    "score": "Score (acteurs × intensité)",
    "intensite_moyenne": "Intensité moyenne",
    "tension": "Tension",
    "programmes": "Programmes",
    "investisseurs": "Investisseurs",
    "part_couverte": "Part du besoin atteinte (%)",
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
    "score_couvert": "Score couvert",
    "part_couverte": "Part du besoin atteinte (%)",
    "zones_blanches": "Zones blanches",
    "thematiques_couvertes": "Thématiques couvertes",
    "score_non_couvert": "Score non atteint",
    "couverture": "Couverture",
}

# --- Méthode (pages/methode.py) ----------------------------------------------------------------------------
PAGE_METHODE = "Méthode"
METHOD_TITLE = "Méthode : comment chaque chiffre est calculé"
METHOD_INTRO = ("Ces définitions s'appliquent à l'inventaire « {label} », données au {as_of} : « actif » veut dire "
                "actif au {as_of}. Ce sont les mêmes phrases que celles affichées à côté des chiffres.")

# --- dashboard: les trois défis (pages/defis.py) --------------------------------------------------------
DEFIS_TITLE = "Les trois défis"
DEFIS_INTRO = (
    "Les investisseurs du dialogue ont retenu trois défis. Pour chacun : ce qu'il exige, les premières pistes "
    "et les indicateurs de l'inventaire qui l'éclairent."
)
DEFIS_DEMAND = "Ce que le défi exige"
DEFIS_LEADS = "Premières pistes"
DEFIS_LEVEL = "Échelle"
DEFIS_MEASURE = "Mesure"
DEFIS_LISTEN_HEADER = "Besoins exprimés par les acteurs de terrain, par territoire"
DEFIS_LISTEN_CAPTION = (
    "Source « terrain » seulement. À l'échelle des régions, les besoins d'un département comptent pour sa "
    "région ; les besoins nationaux restent nationaux et n'apparaissent pas sur la carte."
)
DEFIS_LISTEN_NATIONAL = "Besoins exprimés au niveau national : {acteurs} acteurs, score {score}."
DEFIS_LISTEN_EMPTY = "Aucun besoin d'acteur de terrain dans cet inventaire."
DEFIS_TRAIN_NEEDS_HEADER = "Besoins de l'écosystème d'accompagnement (ingénierie), par thématique"
DEFIS_TRAIN_NEEDS_EMPTY = "Aucun besoin de l'écosystème d'accompagnement dans cet inventaire."
DEFIS_TRAIN_AUDIENCE_HEADER = "Programmes proposés aux associations, aux TPE/PME et aux collectivités"
DEFIS_TRAIN_AUDIENCE_CAPTION = (
    "Nombre de programmes actifs à la date de l'inventaire qui couvrent la thématique et s'adressent à ce "
    "public ; un programme qui ne cite aucun public est ouvert à tous et compte pour les trois."
)
DEFIS_TRAIN_AUDIENCE_EMPTY = "Aucun programme actif à la date de cet inventaire."
DEFIS_EVAL_SDG_HEADER = "Couverture des Objectifs de développement durable (ODD)"
DEFIS_EVAL_SDG_CAPTION = (
    "Pour chaque ODD : les programmes actifs qui le citent, les investisseurs distincts qui financent ces programmes "
    "et les signalements de besoins qui le citent."
)
DEFIS_EVAL_UNCOVERED = "ODD cités par des besoins mais par aucun programme : {odds}."
DEFIS_EVAL_HEATMAP_HEADER = "Investisseurs × ODD"
DEFIS_EVAL_HEATMAP_CAPTION = (
    "Nombre de programmes actifs de chaque investisseur qui citent l'ODD ; un programme cofinancé compte pour chacun "
    "de ses investisseurs."
)
DEFIS_EVAL_NO_SDG = "Aucun programme actif de cet inventaire n'indique d'ODD."
DEFIS_COLUMNS = {
    "odd": "ODD",
    "objectif": "Objectif",
    "programmes": "Programmes",
    "investisseurs": "Investisseurs",
    "besoins": "Signalements de besoins",
    "public": "Public",
    "investisseur": "Code investisseur",
}
CHART_SDG_SHORT = "ODD {n}"
CHART_AUDIENCE = "Public"

# --- dashboard: évolution (pages/evolution.py) ----------------------------------------------------------
EVOL_TITLE = "Évolution entre deux inventaires"
EVOL_NEED_TWO = (
    "Il faut au moins deux inventaires pour comparer ; un seul a été enregistré pour l'instant. "
    "La comparaison apparaîtra après le prochain import."
)
EVOL_BEFORE = "Inventaire de départ"
EVOL_AFTER = "Inventaire d'arrivée"
EVOL_SAME = "Choisissez deux inventaires différents pour voir ce qui a changé."
EVOL_START_AFTER_END = (
    "L'inventaire de départ « {before} » (données au {before_date}) est plus récent que celui d'arrivée « {after} » "
    "(données au {after_date}) : choisissez au départ le plus ancien, pour que « ajouté », « terminé » et "
    "« fermée » disent ce qui s'est passé dans le temps."
)
EVOL_COMPARING = "Du « {before} » (données au {before_date}) au « {after} » (données au {after_date})."
EVOL_SOURCE = "Source des besoins"
EVOL_SOURCE_ALL = "Toutes les sources"
EVOL_METRIC_SIGNALS = "Signalements de besoins"
EVOL_METRIC_ACTORS = "Acteurs"
EVOL_METRIC_ACTIVE = "Programmes en cours"
EVOL_METRIC_INVESTORS = "Investisseurs"
EVOL_NEEDS_HEADER = "Besoins en hausse et en baisse"
EVOL_NEEDS_CAPTION = (
    "Écart = score à l'arrivée moins score au départ, par territoire et thématique "
    "(score = somme des acteurs × intensité)."
)
EVOL_UP = "En hausse"
EVOL_DOWN = "En baisse"
EVOL_NO_UP = "Aucun besoin n'augmente entre ces deux inventaires pour ces filtres."
EVOL_NO_DOWN = "Aucun besoin ne diminue entre ces deux inventaires pour ces filtres."
EVOL_NO_NEED_CHANGE = "Les besoins sont identiques dans les deux inventaires pour ces filtres."
EVOL_PROG_HEADER = "Programmes ajoutés, démarrés, terminés, retirés et modifiés"
EVOL_PROG_CAPTION = (
    "« Démarré » : pas encore actif à la date du premier inventaire, actif à celle du second ; « terminé » : actif "
    "à la date du premier, plus à celle du second ; « retiré » : absent du second inventaire ; « modifié » : au moins "
    "une de ses informations a changé. Programmes actifs : {avant} → {apres}."
)
EVOL_NO_PROG_CHANGE = "Aucun programme n'a changé entre ces deux inventaires."
EVOL_WZ_HEADER = "Zones blanches fermées et ouvertes"
EVOL_WZ_CLOSED = "Zones blanches fermées"
EVOL_WZ_OPENED = "Zones blanches ouvertes"
EVOL_NO_WZ_CHANGE = "Aucune zone blanche fermée ni ouverte entre ces deux inventaires."
EVOL_CHANGE_LABELS = {"ajouté": "Ajoutés", "démarré": "Démarrés", "terminé": "Terminés", "retiré": "Retirés",
                      "modifié": "Modifiés"}
# the change codes of analytics.compare_* as a table shows them
CHANGE_WORDS = {"fermée": "fermée", "ouverte": "ouverte", "ajouté": "ajouté", "démarré": "démarré", "terminé": "terminé",
                "retiré": "retiré", "modifié": "modifié"}
EVOL_COLUMNS = {
    "territoire": "Code territoire",
    "nom": "Territoire",
    "thematique": "Thématique",
    "acteurs_avant": "Acteurs (départ)",
    "acteurs_apres": "Acteurs (arrivée)",
    "ecart_acteurs": "Écart acteurs",
    "score_avant": "Score (départ)",
    "score_apres": "Score (arrivée)",
    "ecart_score": "Écart score",
}
EVOL_PROG_COLUMNS = {
    "id": "Code",
    "nom": "Programme",
    "changement": "Changement",
    "fin_avant": "Fin (départ)",
    "fin_apres": "Fin (arrivée)",
}
CHART_SCORE_CHANGE = "Écart de score"

# --- dashboard: importer (pages/importer.py) ------------------------------------------------------------
IMP_TITLE = "Importer un inventaire"
IMP_INTRO = (
    "Déposez le classeur rempli (ou un fichier CSV par feuille). Tous les problèmes sont listés d'un coup, avec "
    "leur feuille, leur ligne et leur colonne ; un dépôt sans erreur devient un nouvel inventaire daté, les "
    "précédents restent consultables."
)
IMP_NO_PASSWORD = (
    "L'import est réservé aux animateurs, et aucun mot de passe animateur n'est configuré sur ce serveur : "
    "personne ne peut importer pour l'instant.\n\n"
    "Pour ouvrir l'accès, la personne qui administre le serveur choisit un mot de passe, l'enregistre de l'une "
    "de ces deux façons, puis redémarre le tableau de bord :\n"
    "- dans le fichier `.streamlit/secrets.toml`, une ligne `facilitator_password = \"…\"` ;\n"
    "- ou dans la variable d'environnement `INVENTORY_FACILITATOR_PASSWORD`.\n\n"
    "La commande `make run` en crée un au premier démarrage et l'affiche dans le terminal."
)
IMP_WORKSHOP = "Le mode atelier masque l'import : désactivez-le dans la barre latérale pour importer."
IMP_LOGIN_HEADER = "Accès animateur"
IMP_LOGIN_INTRO = "Seuls les animateurs importent, activent ou suppriment un inventaire."
IMP_PASSWORD = "Mot de passe animateur"
IMP_LOGIN = "Se connecter"
IMP_WRONG_PASSWORD = "Mot de passe incorrect. Après plusieurs essais, chaque nouvel essai est ralenti."
IMP_LOGGED_IN = "Connecté en tant qu'animateur."
IMP_LOGOUT = "Se déconnecter"
IMP_NOT_ALLOWED = "Action réservée aux animateurs : reconnectez-vous. Rien n'a été modifié."
IMP_UPLOAD_HEADER = "1. Déposer les fichiers"
# the file uploader's own words, drawn over Streamlit's (ui/uploader.css); {limit}: inventory.limits, in MB
UPLOADER_BUTTON = "Choisir des fichiers"
# {extensions}: every extension the readers take (inventory.intake.reading.extensions)
UPLOADER_INSTRUCTIONS = "ou glissez-les ici · {limit} Mo au plus par fichier · {extensions}"
IMP_UPLOADER_HELP = (
    "Une feuille absente est reprise de l'inventaire actif : pour rafraîchir les seuls besoins, "
    "déposez seulement la feuille besoins."
)
IMP_STEP_READ = "Lecture des fichiers…"
IMP_STEP_READ_DONE = "Lecture : {sheets} {{sheets|feuille reconnue|feuilles reconnues}} dans {files} {{files|fichier|fichiers}}"
IMP_STEP_READ_FAILED = "Lecture : fichier refusé"
IMP_STEP_CHECK = "Validation…"
IMP_STEP_CHECK_OK = "Validation : aucun problème"
IMP_STEP_CHECK_KO = "Validation : {n} {{n|problème|problèmes}}"
IMP_STEP_SAVE = "Enregistrement…"
IMP_STEP_SAVE_DONE = "Enregistrement : inventaire n° {id} créé"
IMP_STEP_SAVE_FAILED = "Enregistrement : échec, rien n'a été modifié"
IMP_ROWS_READ = "{sheet} : {rows} {{rows|ligne|lignes}} de données"
IMP_REPORT_HEADER = "2. Rapport de validation"
IMP_REJECTED = (
    "{n} {{n|problème|problèmes}} à corriger : rien n'a été enregistré. Corrigez le fichier (le classeur annoté ci-dessous "
    "marque chaque cellule en cause) puis déposez-le à nouveau."
)
IMP_KIND_SUMMARY = "Problèmes par type"
IMP_KIND_EXPANDER = "{label} : {n}"
IMP_EXAMPLES = "Les premiers cas dans leur contexte (la cellule en cause est marquée ▶ et surlignée) :"
IMP_EXAMPLE_CAPTION = "Feuille {sheet}, ligne {row}, colonne « {column} » : {message}"
IMP_EMPTY_CELL = "(vide)"
IMP_DOWNLOAD_ANNOTATED = "Télécharger le classeur annoté des erreurs (.xlsx)"
IMP_ANNOTATED_HELP = (
    "Votre fichier tel qu'il a été lu : chaque cellule en cause est surlignée en rouge avec le message en "
    "commentaire, et une colonne « erreurs » résume les problèmes de chaque ligne."
)
IMP_ANNOTATED_NAME = "erreurs_{stem}.xlsx"
IMP_REPORT_COLUMNS = {"sheet": "Feuille", "row": "Ligne", "column": "Colonne", "value": "Valeur", "message": "Problème"}
IMP_KIND_COLUMNS = {"type": "Type de problème", "n": "Nombre"}
IMP_CLEAN = "Aucun problème : ce dépôt peut devenir un nouvel inventaire."
IMP_PREVIEW_HEADER = "3. Ce qui va changer"
IMP_PREVIEW_COLUMNS = {
    "feuille": "Feuille",
    "actuel": "Inventaire actif",
    "nouveau": "Nouvel inventaire",
    "ecart": "Écart",
    "origine": "Origine",
}
IMP_ORIGIN_UPLOADED = "déposée"
IMP_ORIGIN_CARRIED = "reprise de l'inventaire actif"
IMP_CARRIED = "Feuilles absentes du dépôt, reprises telles quelles de l'inventaire actif : {sheets}."
IMP_COMMIT_HEADER = "4. Enregistrer"
IMP_LABEL = "Libellé de l'inventaire"
IMP_LABEL_DEFAULT = "Inventaire au {date}"
IMP_AS_OF = "Date des données (« inventaire au »)"
IMP_COMMIT = "Enregistrer et activer ce nouvel inventaire"
IMP_LABEL_REQUIRED = "Donnez un libellé à l'inventaire."
IMP_COMMITTED = (
    "Inventaire n° {id} « {label} » enregistré et activé : {besoins} besoins, {programmes} programmes, "
    "{investisseurs} investisseurs."
)
IMP_SNAPSHOTS_HEADER = "Inventaires enregistrés"
IMP_NO_SNAPSHOTS = "Aucun inventaire enregistré pour l'instant : le premier import en créera un."
IMP_SNAPSHOT_COLUMNS = {
    "id": "N°",
    "label": "Libellé",
    "as_of": "Données au",
    "created_at": "Enregistré le",
    "created_by": "Par",
    "files": "Fichiers",
    "besoins": "Besoins",
    "programmes": "Programmes",
    "investisseurs": "Investisseurs",
    "active": "Actif",
}
IMP_SNAPSHOT_PICK = "Inventaire à gérer"
IMP_RENAME = "Nouveau libellé"
IMP_RENAME_BUTTON = "Renommer"
IMP_RENAMED = "Inventaire n° {id} renommé « {label} »."
IMP_ACTIVATE = "Activer cet inventaire"
IMP_ACTIVATE_HELP = "L'inventaire actif est celui que toutes les pages montrent par défaut."
IMP_ACTIVATED = "Inventaire n° {id} activé : c'est lui que les pages montrent désormais par défaut."
IMP_IS_ACTIVE = "C'est l'inventaire actif ; pour le supprimer, activez-en d'abord un autre."
IMP_DELETE_CONFIRM = "Je confirme la suppression"
IMP_DELETE_CONFIRM_HELP = "La suppression est définitive : l'inventaire et ses chiffres disparaissent."
IMP_CREATED_BY = "animateur (tableau de bord)"
IMP_DELETE = "Supprimer cet inventaire"
IMP_DELETED = "Inventaire n° {id} supprimé."
IMP_COMPARE_LINK = "Comparer deux inventaires"
IMP_DOWNLOADS_HEADER = "Modèle et export"
IMP_TEMPLATE = "Télécharger le modèle vide (.xlsx)"
IMP_TEMPLATE_HELP = "Les en-têtes de chaque feuille, une feuille « lisez-moi » et des listes déroulantes pour chaque valeur fermée."
IMP_EXPORT = "Télécharger l'inventaire affiché (.xlsx)"
IMP_EXPORT_HELP = "Un classeur au format du modèle, réimportable tel quel."
IMP_TEMPLATE_NAME = "modele_inventaire.xlsx"
IMP_EXPORT_NAME = "inventaire_{id}_{as_of}.xlsx"
# who is logged in: a name given at login, kept with each snapshot and in the audit log
IMP_NAME = "Votre nom"
IMP_NAME_HELP = "Il est enregistré avec chaque inventaire que vous importez, activez, renommez ou supprimez."
IMP_NAME_REQUIRED = "Indiquez votre nom : il est enregistré avec chaque action sur les inventaires."
IMP_LOGGED_IN_AS = "Connecté en tant qu'animateur : {name}."
IMP_CREATED_BY_NAME = "{name} (tableau de bord)"
# what the upload is: the format recognised, the correspondences applied, the catalogue rows set aside
IMP_FORMATS_HEADER = "Formats reconnus"
IMP_FORMAT_LINE = "{file} : {format}"
IMP_FORMAT_CONTRACT = "classeur ou CSV du modèle d'inventaire"
IMP_MAPPING_HEADER = "Correspondances appliquées"
IMP_MAPPING_CAPTION = ("Chaque valeur du catalogue et ce qu'elle devient dans l'inventaire, avec le nombre de lignes "
                       "concernées ; une feuille « correspondances » déposée avec le catalogue remplace ces choix.")
IMP_MAPPING_COLUMNS = {"source": "Source", "valeur": "Valeur du catalogue", "thematique": "Devient",
                       "lignes": "Lignes"}
IMP_MAPPING_NONE = "aucune correspondance"
IMP_MAPPING_OUTSIDE = "hors de l'inventaire"
IMP_SET_ASIDE_HEADER = "Lignes mises de côté : {n}"
IMP_SET_ASIDE_CAPTION = ("Ces lignes du catalogue ne peuvent pas être placées sans deviner : elles ne seront pas "
                         "importées, le reste le sera. Le classeur annoté les liste aussi.")
IMP_SET_ASIDE_COLUMNS = {"item": "Aide ou ligne", "message": "Raison", "value": "Valeur", "sheet": "Fichier",
                         "row": "Emplacement"}
IMP_DOWNLOAD_SET_ASIDE = "Télécharger les lignes mises de côté (.xlsx)"
IMP_SET_ASIDE_NAME = "mis_de_cote_{stem}.xlsx"
# a large removal, called out before the commit
IMP_LARGE_REMOVAL = (
    "Attention : le nouvel inventaire remplace l'actif, et la feuille {sheet} passe de {before} à {after} lignes "
    "({removed} de moins, {share} %). Si ce fichier n'en contient qu'une partie, déposez la feuille complète."
)
IMP_CONFIRM_REMOVAL = "Je confirme : ces lignes disparaissent du nouvel inventaire"
IMP_REMOVAL_NOT_CONFIRMED = "Cochez la confirmation de la suppression des lignes pour enregistrer. Rien n'a été enregistré."
# the inventory's date: proposed from the file, today's only when confirmed
IMP_DATES_FOUND = "Dates trouvées dans le fichier : {dates}. La date des données proposée est la plus récente."
IMP_DATE_FOUND = "{sheet} jusqu'au {date}"
IMP_NO_DATES = ("Le fichier ne contient aucune date (colonne « date » des besoins ou des engagements) : "
                "indiquez à quelle date ces données se rapportent.")
IMP_LABEL_PLACEHOLDER = "Inventaire au JJ/MM/AAAA"
IMP_AS_OF_REQUIRED = "Indiquez la date des données. Rien n'a été enregistré."
IMP_TODAY_ASK = ("Vous enregistrez cet inventaire à la date d'aujourd'hui ({today}), que le fichier ne contient "
                 "pas. Les données datent-elles vraiment d'aujourd'hui ?")
IMP_TODAY_CONFIRM = "Oui, enregistrer au {today}"
IMP_TODAY_CANCEL = "Non, je corrige la date"
# the audit log
IMP_AUDIT_HEADER = "Journal : qui a fait quoi, quand"
IMP_AUDIT_EMPTY = "Aucune action enregistrée pour l'instant."
IMP_AUDIT_COLUMNS = {"happened_at": "Quand", "who": "Qui", "action": "Action", "snapshot_id": "Inventaire n°",
                     "detail": "Libellé"}
IMP_AUDIT_ACTIONS = {"import": "import", "activate": "activation", "rename": "renommage", "delete": "suppression",
                     "engagement": "engagement noté",
                     "login_failed": "mot de passe manqué"}

# --- tables shown on the exploration pages (column labels; codes become their French labels) ---------------
TABLE_LABELS = {
    "alerte_taux": "Alerte sur le taux",
    **COLUMN_LABELS,
    "source": "Source",
    "intensite": "Intensité",
    "nb_acteurs": "Nombre d'acteurs",
    "public": "Public",
    "secteur": "Secteur",
    "date": "Date",
    "description": "Description",
    "id": "Identifiant",
    "phase": "Phase",
    "nb_investisseurs": "Nombre d'investisseurs",
    "thematiques": "Thématiques",
    "territoires": "Territoires",
    "publics": "Publics",
    "nature": "Nature du soutien",
    "budget_eur": "Budget (€)",
    "date_debut": "Début",
    "date_fin": "Fin",
    "date_limite_candidature": "Date limite de candidature",
    "odd": "ODD",
    "url": "Site",
    "type": "Type",
    "noms_investisseurs": "Investisseurs présents",
    "cases_communes": "Cases en commun",
    "cofinancements": "Cofinancés ensemble",
    "nom_territoire": "Territoire",
    "actif": "Actif à la date de l'inventaire",
    "programmes_inactifs": "Programmes terminés ou à venir",
    "changement": "Changement",
    "score_avant": "Score avant",
    "score_apres": "Score après",
    "part_couverte_avant": "Part atteinte avant (%)",
    "part_couverte_apres": "Part atteinte après (%)",
    "beneficiaires": "Acteurs atteints (déclaré)",
    "taux_atteinte": "Taux d'atteinte (déclaré, %)",
    "montant_verse_eur": "Montant versé (déclaré, €)",
    "part_versee": "Part versée (déclaré, %)",
    "resultats": "Réalisations déclarées",
    "engagements": "Engagements ouverts",
    "en_voie_de_couverture": "En voie de couverture",
}
PROGRAMME_HEADINGS = {"nom": "Programme", "territoires": "Territoires atteints"}
INVESTOR_HEADINGS = {"nom": "Investisseur", "programmes": "Programmes", "thematiques": "Thématiques en commun"}
ALL_OPTION = "Tous"
ALL_THEMES_OPTION = "Toutes les thématiques"
NONE_CHOSEN = "— choisir —"
FILTERS_HEADER = "Filtres"
FILTER_SOURCE = "Source des besoins"
FILTER_AUDIENCE = "Public"
FILTER_SECTOR = "Secteur"
FILTER_THEMES = "Thématiques"
FILTER_THEMES_PLACEHOLDER = "Toutes"
FILTER_LEVEL = "Échelle"
FILTER_MEASURE = "Mesure"
FILTER_TERRITORY = "Territoire"
FILTER_VIEW = "Vue"
NATIONAL_NOTE = "Besoins nationaux (France entière, absents de la carte) : {acteurs} acteurs, score {score}."
CLICK_MAP_HINT = "Cliquez sur un territoire de la carte, ou choisissez-le ci-dessous, pour voir ses besoins."

# --- Accueil --------------------------------------------------------------------------------------------------
HOME_TITLE = "L'inventaire en un coup d'œil"
HOME_METRIC_NEEDS = "Besoins signalés"
HOME_METRIC_ACTORS = "Acteurs concernés"
HOME_METRIC_PROGRAMMES = "Programmes actifs"
HOME_METRIC_PROGRAMMES_HELP = ("Programmes actifs à la date de l'inventaire ; le catalogue en compte {total}, dont "
                               "{inactive} terminés ou pas encore commencés.")
HOME_METRIC_INVESTORS = "Investisseurs"
HOME_METRIC_TERRITORIES = "Territoires"
HOME_METRIC_TERRITORIES_HELP = "Territoires (national, régions, départements) où au moins un besoin est signalé."
HOME_TOP_NEEDS = "Les trois besoins qui ressortent"
HOME_TOP_NEEDS_HELP = "Thématiques au score le plus élevé sur tout l'inventaire ; le pourcentage est leur part du score total."
HOME_TOP_NEED_DETAIL = "{acteurs} acteurs, intensité moyenne {intensite} ; le plus fort en {territoire}."
HOME_WHITE_ZONES = "Les zones blanches les plus criantes"
HOME_WHITE_ZONE_LINE = "**{nom}** – {theme} : {acteurs} acteurs, score {score} ; {couverture}."
HOME_WHITE_ZONE_LINK = "Voir ce territoire"
HOME_NO_WHITE_ZONE = "Aucune zone blanche : dans chaque case, au moins un besoin exprimé est atteint par un programme."
HOME_NO_NEEDS = "Cet inventaire ne contient encore aucun besoin."
HOME_CHANGES = "Ce qui a changé depuis l'inventaire précédent"
HOME_CHANGES_SINCE = "Comparaison avec « {label} » (données au {as_of})."
HOME_NO_PREVIOUS = "C'est le premier inventaire : il n'y a pas encore d'inventaire précédent avec lequel comparer."
HOME_CELLS_UP = "Cases en hausse"
HOME_CELLS_DOWN = "Cases en baisse"
HOME_CELLS_HELP = "Une case est un croisement région × thématique ; elle monte ou baisse selon son score."
HOME_PROG_ADDED = "Programmes ajoutés ou démarrés"
HOME_PROG_ENDED = "Programmes terminés ou retirés"
HOME_BIGGEST_RISE = "Plus forte hausse : {nom} – {theme} (score {avant} → {apres})."
HOME_EVOLUTION_LINK = "Voir toute l'évolution"
HOME_REPORT = "Rapport de séance"
HOME_REPORT_HELP = ("Un seul fichier qui s'ouvre sans réseau et s'imprime en A4 paysage : chiffres clés, besoins, "
                    "carte, zones blanches, parcours, engagements, alliances, résultats, évolution et définitions.")
HOME_REPORT_HTML = "Rapport de séance (HTML)"
HOME_REPORT_PDF = "Rapport de séance (PDF)"

# --- Besoins par territoire -------------------------------------------------------------------------------
NEEDS_TITLE = "Besoins par territoire"
NEEDS_INTRO = "Où les acteurs expriment-ils des besoins, et sur quelles thématiques ?"
NEEDS_NONE = "Cet inventaire ne contient aucun besoin."
NEEDS_NONE_FOR_FILTERS = "Aucun besoin ne correspond à ces filtres : élargissez-les."
NEEDS_MAP = "Carte : {measure}"
NEEDS_HEATMAP = "Territoires × thématiques : {measure}"
NEEDS_TERRITORY = "Un territoire"
NEEDS_METRIC_INTENSITY = "Intensité"
NEEDS_ROWS = "Les besoins signalés – {nom}"
NEEDS_ROWS_NONE = "Aucun besoin signalé dans ce territoire pour ces filtres."
NEEDS_ROWS_TRUNCATED = "Seuls les {n} premiers signalements (les plus forts) sont affichés et téléchargeables."

# --- Couverture et lacunes ------------------------------------------------------------------------------
COVER_TITLE = "Couverture et lacunes"
COVER_INTRO = "Qui couvre déjà les besoins, et où personne n'intervient ?"
COVER_VIEWS = {"carte": "Carte et matrice", "lacunes": "Zones blanches et tension",
               "catalogue": "Catalogue des programmes", "territoire": "Un territoire"}
COVER_MAP_THEME = "Thématique de la carte"
COVER_MAP_WHITE = "Nombre de thématiques en zone blanche par territoire."
COVER_MAP_CLICK = "Cliquez sur un territoire pour voir ses besoins en face des programmes qui l'atteignent."
COVER_MAP_THEME_CAPTION = "Part du besoin atteinte pour la thématique « {theme} » dans chaque territoire."
COVER_HEATMAP = "Part du besoin atteinte par territoire et thématique"
COVER_MAP_FIGURES_THEME = "Chiffres pour la thématique « {theme} » seulement."
COVER_MAP_FIGURES_ALL = "Chiffres pour toutes les thématiques."
COVER_HEATMAP_ALL_THEMES = ("La matrice montre toutes les thématiques, quelle que soit la thématique choisie pour la "
                            "carte (« {theme} » y est une colonne).")
COVER_HEATMAP_CAPTION = ("Couleur : part du besoin atteinte ; chiffre : programmes dans le territoire ; ZB : zone "
                         "blanche. Survolez une case pour la lire en toutes lettres.")
COVER_NO_NEEDS_NO_PROGRAMMES = "Ni besoin ni programme dans cet inventaire pour ces filtres."
COVER_NO_PROGRAMMES = "Cet inventaire ne contient aucun programme : chaque besoin est pour l'instant une zone blanche."
COVER_WHITE_ZONES = "Besoins non atteints : zones blanches et cases en partie couvertes, du plus fort score non atteint au plus faible"
COVER_NO_WHITE_ZONE = "Chaque besoin exprimé est atteint par au moins un programme actif."
COVER_TENSION = "Les cases les plus tendues"
COVER_NO_TENSION = "Aucun besoin exprimé pour ces filtres : pas de tension à classer."
COVER_CATALOGUE = "Catalogue des programmes"
COVER_CATALOGUE_COUNT = "{n} {{n|programme correspond|programmes correspondent}} aux filtres."
COVER_CATALOGUE_NONE = "Aucun programme ne correspond à ces filtres."
FILTER_PHASE = "Phase"
FILTER_INVESTOR = "Investisseur"
FILTER_THEME = "Thématique"
FILTER_NATURE = "Nature du soutien"
FILTER_ACTIVE_ON = "Actifs à la date du"
FILTER_ACTIVE_ON_HELP = "Laissez vide pour voir tous les programmes, quelles que soient leurs dates."
COVER_TERRITORY_PICK = "Choisissez un territoire pour mettre ses besoins en face des programmes qui l'atteignent."
COVER_FIRST_MILE = "Premier kilomètre : ses besoins"
COVER_LAST_MILE = "Dernier kilomètre : les programmes qui l'atteignent"
COVER_LAST_MILE_HELP = "Programmes actifs à la date de l'inventaire dont les territoires atteignent celui-ci."
COVER_TERRITORY_NO_NEEDS = "Aucun besoin signalé dans ce territoire."
COVER_TERRITORY_NO_PROGRAMMES = "Aucun programme actif n'atteint ce territoire."
COVER_NEED_ROWS = "Les signalements de besoins – {nom}"

# --- Jouer collectif -----------------------------------------------------------------------------------------

TOGETHER_TITLE = "Jouer collectif"
TOGETHER_INTRO = "Qui agit où, qui agit déjà ensemble, et avec qui s'allier ?"
TOGETHER_VIEWS = {"paysage": "Qui agit où", "alliances": "Alliances et cofinancements",
                  "positionner": "Se positionner", "parcours": "Parcours", "engagements": "Engagements"}
TOGETHER_NO_INVESTORS = "Cet inventaire ne contient aucun investisseur."
TOGETHER_NO_PROGRAMMES = "Aucun programme actif à la date de l'inventaire : rien à croiser pour l'instant."
TOGETHER_BY_THEME = "Investisseurs × thématiques (programmes actifs)"
TOGETHER_BY_REGION = "Investisseurs × régions (nombre de thématiques couvertes)"
TOGETHER_VALUE_PROGRAMMES = "Programmes"
TOGETHER_VALUE_THEMES = "Thématiques"
TOGETHER_ALLIANCES = "Opportunités d'alliance"
TOGETHER_NO_ALLIANCE = "Aucune case où plusieurs investisseurs agissent séparément."
TOGETHER_COFUNDING = "Cofinancements"
TOGETHER_COFUNDING_RATE = "Taux de cofinancement"
TOGETHER_COFUNDING_DETAIL = "{co} {{co|programme cofinancé|programmes cofinancés}} sur {total}."
TOGETHER_NETWORK = "Réseau des cofinancements"
TOGETHER_NETWORK_HELP = "Chaque trait relie deux investisseurs qui financent au moins un programme ensemble ; plus il est épais, plus ils en partagent."
TOGETHER_NO_COFUNDING = "Aucun programme n'est financé par plusieurs investisseurs."
COFUNDING_COLUMNS = {"nom_source": "Investisseur", "nom_cible": "Cofinance avec", "programmes": "Programmes en commun"}
TOGETHER_PICK_INVESTOR = "Investisseur"
TOGETHER_PICK_PROMPT = "Choisissez un investisseur pour voir son empreinte, ses alliés probables et les besoins à sa portée."
TOGETHER_FOOTPRINT = "Son empreinte"
TOGETHER_FOOTPRINT_SUMMARY = "{programmes} {{programmes|programme|programmes}}, présent dans {territoires} {{territoires|territoire|territoires}} sur {thematiques} {{thematiques|thématique|thématiques}}."
TOGETHER_NO_FOOTPRINT = "Cet investisseur n'a aucun programme actif à la date de l'inventaire."
TOGETHER_ALLIES = "Ses alliés probables"
TOGETHER_ALLIES_HELP = "Investisseurs présents dans les mêmes cases (région × thématique) ou qui cofinancent déjà avec lui des programmes actifs."
TOGETHER_NO_ALLIES = "Aucun autre investisseur n'agit dans ses cases."
TOGETHER_UNCOVERED = "Les besoins non couverts à sa portée"
TOGETHER_UNCOVERED_HELP = "Zones blanches de ses thématiques ou de ses territoires, les plus tendues d'abord."
TOGETHER_NO_UNCOVERED = "Aucune zone blanche dans ses thématiques ni ses territoires."

# --- Jouer collectif › Parcours ------------------------------------------------------------------------------
PATHWAY_HEADER = "Parcours d'accompagnement : les maillons manquants"
PATHWAY_INTRO = ("Pour chaque case où des besoins sont exprimés : les programmes actifs qui atteignent ces besoins "
                 "forment-ils un parcours, de l'urgence au structurel, avec de l'argent et de l'accompagnement ?")
PATHWAY_SOURCE = "Besoins de"
PATHWAY_ECOSYSTEM_NOTE = ("Les besoins de l'écosystème d'accompagnement lui-même (réseaux, conseils) : quelqu'un "
                          "finance-t-il l'ingénierie sur laquelle reposent les programmes de terrain ?")
PATHWAY_NO_NEEDS = "Aucun besoin de cette source dans cet inventaire : pas de parcours à lire."
PATHWAY_HEATMAP = "Territoires × thématiques : le maillon manquant de chaque case"
PATHWAY_HEATMAP_CAPTION = ("Chaque case porte une couleur et une marque (légende sous le graphique) ; survolez-la pour "
                           "lire ses programmes et ses phases. Une case grise (ZB) n'est atteinte par aucun programme : "
                           "c'est une zone blanche, pas un maillon manquant.")
PATHWAY_METRICS = {"urgence_sans_suite": "Urgence sans suite", "argent_sans_accompagnement": "Argent seul",
                   "accompagnement_sans_argent": "Accompagnement seul", "zone_blanche": "Zones blanches"}
PATHWAY_RANKED = "Les maillons manquants, du plus fort besoin au plus faible"
PATHWAY_NO_GAP = "Aucun maillon manquant : chaque case atteinte l'est par un parcours complet."
PATHWAY_CELL = "Une case"
PATHWAY_CELL_HEADER = "Les programmes d'une case"
PATHWAY_CELL_PROMPT = "Choisissez une case pour voir les programmes qui forment son parcours."
PATHWAY_CELL_OPTION = "{nom} – {theme} : {kind}"
PATHWAY_CELL_NONE = "Aucun programme actif n'atteint les besoins de cette case : c'est une zone blanche."
PATHWAY_COLUMNS = {"maillon_manquant": "Maillon manquant", "phase": "Phases présentes",
                   "nature": "Natures de soutien présentes"}

# --- Jouer collectif › Engagements ---------------------------------------------------------------------------
COMMIT_HEADER = "Engagements : ce que le groupe a décidé de faire"
COMMIT_INTRO = ("Les engagements pris en séance, leur statut à la date de l'inventaire, les zones blanches qu'ils "
                "couvriront et la part prise à plusieurs.")
COMMIT_NONE = "Aucun engagement dans cet inventaire pour l'instant."
COMMIT_METRIC_LATE = "En retard"
COMMIT_LATE_WARNING = "{n} {{n|engagement en retard|engagements en retard}} : échéance passée au {as_of}, {{n|ni réalisé ni abandonné|ni réalisés ni abandonnés}}."
COMMIT_LIST = "Les engagements, en retard d'abord"
COMMIT_ON_TRACK = "Zones blanches en voie de couverture"
COMMIT_NO_ON_TRACK = "Aucun engagement ouvert n'atteint une zone blanche."
COMMIT_ON_TRACK_COUNT = "{on_track} {{on_track|zone blanche|zones blanches}} sur {total} en voie de couverture ; {remaining} {{remaining|resterait|resteraient}} si les engagements ouverts sont tenus."
COMMIT_PREMIUM = "Prime d'alliance"
COMMIT_PREMIUM_COUNT = "Part des engagements"
COMMIT_PREMIUM_AMOUNT = "Part des montants"
COMMIT_PREMIUM_DETAIL = "{joint} {{joint|engagement conjoint|engagements conjoints}} sur {total} ; {joint_amount} € sur {amount} €."
COMMIT_COLUMNS = {"id": "Identifiant", "noms_investisseurs": "Investisseurs", "statut": "Statut",
                  "montant_eur": "Montant (€)", "date": "Décidé le", "echeance": "Échéance", "en_retard": "En retard",
                  "session": "Séance", "zones_blanches": "Zones blanches atteintes", "programme": "Programme"}

# --- noting a commitment during a session (ui/noting.py) ---------------------------------------------------
NOTE_HEADER = "Noter un engagement"
NOTE_INTRO = ("L'engagement est vérifié comme une feuille « engagements » déposée, puis enregistré comme un nouvel "
              "inventaire qui reprend tout le reste ; « Annuler » réactive l'inventaire précédent.")
NOTE_LOGIN_HINT = "Les animateurs connectés (page Importer) peuvent noter ici un engagement pris en séance."
NOTE_LOGIN_LINK = "Se connecter comme animateur"
NOTE_ACTIVE_ONLY = "Un engagement s'ajoute à l'inventaire actif : affichez-le (barre latérale) pour en noter un."
NOTE_INVESTORS = "Investisseurs"
NOTE_THEMES = "Thématiques"
NOTE_TERRITORIES = "Territoires"
NOTE_STATUS = "Statut"
NOTE_AMOUNT = "Montant (€, facultatif)"
NOTE_AMOUNT_PLACEHOLDER = "ex. 12 000"
NOTE_DUE = "Échéance (facultative)"
NOTE_SESSION = "Séance"
NOTE_SESSION_DEFAULT = "Séance du {date}"
NOTE_DESCRIPTION = "Description (facultative)"
NOTE_SUBMIT = "Enregistrer l'engagement"
NOTE_FIELDS = {"investisseurs": NOTE_INVESTORS, "thematiques": NOTE_THEMES, "territoires": NOTE_TERRITORIES,
               "statut": NOTE_STATUS, "montant_eur": NOTE_AMOUNT, "echeance": NOTE_DUE, "session": NOTE_SESSION,
               "description": NOTE_DESCRIPTION, "date": "Date", "id": "Identifiant", "programme": "Programme"}
NOTE_REJECTED = "L'engagement n'a pas été enregistré ({n} {{n|problème|problèmes}}) ; rien n'a été modifié :"
NOTE_ISSUE = "**{field}** : {message}"
NOTE_SAVED = "Engagement enregistré : l'inventaire n° {id} « {label} » est maintenant actif."
NOTE_UNDO = "Annuler cet engagement"
NOTE_UNDO_HELP = "Réactive l'inventaire précédent ; celui qui porte l'engagement reste dans la liste des inventaires."
NOTE_UNDONE = "Engagement annulé : l'inventaire n° {id} « {label} » est de nouveau actif."

# --- Couverture › avec les engagements ---------------------------------------------------------------------
COVER_WITH_COMMITMENTS = "Avec les engagements"
COVER_WITH_COMMITMENTS_HELP = "Montre les zones blanches qui resteraient si les engagements ouverts (envisagés ou engagés) sont tenus."
COVER_REMAINING = "Zones blanches qui resteraient si les engagements ouverts sont tenus"
COVER_NO_REMAINING = "Aucune zone blanche ne resterait : chacune est atteinte par au moins un engagement ouvert."
COVER_ON_TRACK = "Zones blanches en voie de couverture"
COVER_METRIC_REMAINING = "Zones blanches restantes"

# --- Les trois défis › Évaluer: declared results -----------------------------------------------------------
DEFIS_RESULTS_HEADER = "Des acteurs dans le besoin aux acteurs atteints (déclaré)"
DEFIS_RESULTS_NONE = "Aucune réalisation déclarée dans cet inventaire."
DEFIS_RESULTS_TOTAL = "{beneficiaires} acteurs atteints (déclaré) pour {acteurs} acteurs ayant exprimé un besoin : {taux}."
DEFIS_DISBURSED_HEADER = "Versé (déclaré) en face du budget annoncé"
DEFIS_DISBURSED_BY_PROGRAMME = "Par programme"
DEFIS_DISBURSED_BY_INVESTOR = "Par investisseur"
DEFIS_RESULTS_SDG_HEADER = "Réalisations par ODD (déclaré)"
DEFIS_RESULTS_SDG_VALUE = "Acteurs atteints (déclaré)"

# --- Évolution › commitments --------------------------------------------------------------------------------
EVOL_COMMIT_HEADER = "Engagements tenus, en retard et abandonnés"
EVOL_NO_COMMIT = "Aucun engagement dans ces deux inventaires."
EVOL_COMMIT_LABELS = {"tenu": "Tenus", "en_retard": "En retard", "abandonne": "Abandonnés", "nouveau": "Nouveaux",
                      "en_cours": "En cours", "retire": "Retirés"}
EVOL_COMMIT_WORDS = {"tenu": "Tenu", "en_retard": "En retard", "abandonne": "Abandonné", "nouveau": "Nouveau",
                     "en_cours": "En cours", "retire": "Retiré"}
EVOL_COMMIT_COLUMNS = {"id": "Identifiant", "investisseurs": "Investisseurs", "thematiques": "Thématiques",
                       "territoires": "Territoires", "statut_avant": "Statut (départ)", "statut_apres": "Statut (arrivée)",
                       "en_retard": "En retard", "changement": "Changement"}

# --- Accueil › follow-through ----------------------------------------------------------------------------------
HOME_LATE_LINE = "**Engagements en retard** : {late} sur {total}."
HOME_NO_COMMITMENT_LINE = "**Engagements** : aucun n'est encore noté dans cet inventaire."
HOME_REACHED_LINE = "**Besoins atteints (déclaré)** : {taux} des acteurs ayant exprimé un besoin ({beneficiaires} sur {acteurs})."
HOME_NO_RESULT_LINE = "**Besoins atteints (déclaré)** : aucune réalisation déclarée pour l'instant."
HOME_COMMITMENTS_LINK = "Voir les engagements"
