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
SNAPSHOT_OPTION = "{label} (au {as_of})"
SNAPSHOT_ACTIVE_SUFFIX = " – actif"
DEMO_BANNER = "Données fictives de démonstration : aucun chiffre ne décrit un acteur réel."
NO_SNAPSHOT = "L'inventaire est vide : un animateur doit d'abord importer un classeur (page « Importer »)."
DB_BUSY = "La base est momentanément occupée par un import : la page se mettra à jour dans quelques secondes."
UNEXPECTED = "Une erreur inattendue est survenue ; rien n'a été modifié. Rechargez la page ; si elle persiste, signalez-la."
CHART_AS_TABLE = "Les chiffres en tableau"  # the folded table beside every map and heatmap
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
EVOL_PROG_HEADER = "Programmes ajoutés, terminés, retirés et modifiés"
EVOL_PROG_CAPTION = (
    "« Terminé » : en cours à la date du premier inventaire, achevé à la date du second ; « retiré » : absent "
    "du second inventaire ; « modifié » : au moins une de ses informations a changé."
)
EVOL_NO_PROG_CHANGE = "Aucun programme n'a changé entre ces deux inventaires."
EVOL_WZ_HEADER = "Zones blanches fermées et ouvertes"
EVOL_WZ_CLOSED = "Zones blanches fermées"
EVOL_WZ_OPENED = "Zones blanches ouvertes"
EVOL_NO_WZ_CHANGE = "Aucune zone blanche fermée ni ouverte entre ces deux inventaires."
EVOL_CHANGE_LABELS = {"ajouté": "Ajoutés", "terminé": "Terminés", "retiré": "Retirés", "modifié": "Modifiés"}
# the change codes of analytics.compare_* as a table shows them
CHANGE_WORDS = {"fermée": "fermée", "ouverte": "ouverte", "ajouté": "ajouté", "terminé": "terminé", "retiré": "retiré",
                "modifié": "modifié"}
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
IMP_UPLOADER = "Classeur .xlsx ou .ods, ou un fichier .csv par feuille (besoins.csv, programmes.csv…)"
IMP_UPLOADER_HELP = (
    "Une feuille absente est reprise de l'inventaire actif : pour rafraîchir les seuls besoins, "
    "déposez seulement la feuille besoins."
)
IMP_STEP_READ = "Lecture des fichiers…"
IMP_STEP_READ_DONE = "Lecture : {sheets} feuille(s) reconnue(s) dans {files} fichier(s)"
IMP_STEP_READ_FAILED = "Lecture : fichier refusé"
IMP_STEP_CHECK = "Validation…"
IMP_STEP_CHECK_OK = "Validation : aucun problème"
IMP_STEP_CHECK_KO = "Validation : {n} problème(s)"
IMP_STEP_SAVE = "Enregistrement…"
IMP_STEP_SAVE_DONE = "Enregistrement : inventaire n° {id} créé"
IMP_STEP_SAVE_FAILED = "Enregistrement : échec, rien n'a été modifié"
IMP_ROWS_READ = "{sheet} : {rows} ligne(s) de données"
IMP_REPORT_HEADER = "2. Rapport de validation"
IMP_REJECTED = (
    "{n} problème(s) à corriger : rien n'a été enregistré. Corrigez le fichier (le classeur annoté ci-dessous "
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

# --- tables shown on the exploration pages (column labels; codes become their French labels) ---------------
TABLE_LABELS = {
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
    "odd": "ODD",
    "url": "Site",
    "type": "Type",
    "noms_investisseurs": "Investisseurs présents",
    "cases_communes": "Cases en commun",
    "cofinancements": "Programmes cofinancés ensemble",
    "nom_territoire": "Territoire",
    "actif": "Actif à la date de l'inventaire",
    "programmes_inactifs": "Programmes terminés ou à venir",
    "changement": "Changement",
    "score_avant": "Score avant",
    "score_apres": "Score après",
    "part_couverte_avant": "Part atteinte avant (%)",
    "part_couverte_apres": "Part atteinte après (%)",
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
HOME_SNAPSHOT = "Inventaire affiché : {label} – données au {as_of}."
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
HOME_PROG_ADDED = "Programmes ajoutés"
HOME_PROG_ENDED = "Programmes terminés ou retirés"
HOME_BIGGEST_RISE = "Plus forte hausse : {nom} – {theme} (score {avant} → {apres})."
HOME_EVOLUTION_LINK = "Voir toute l'évolution"

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
COVER_HEATMAP_CAPTION = ("Couleur : part du besoin atteinte ; chiffre : programmes dans le territoire ; ZB : zone "
                         "blanche. Survolez une case pour la lire en toutes lettres.")
COVER_NO_NEEDS_NO_PROGRAMMES = "Ni besoin ni programme dans cet inventaire pour ces filtres."
COVER_NO_PROGRAMMES = "Cet inventaire ne contient aucun programme : chaque besoin est pour l'instant une zone blanche."
COVER_WHITE_ZONES = "Besoins non atteints : zones blanches et cases en partie couvertes, du plus fort score non atteint au plus faible"
COVER_NO_WHITE_ZONE = "Chaque besoin exprimé est atteint par au moins un programme actif."
COVER_TENSION = "Les cases les plus tendues"
COVER_NO_TENSION = "Aucun besoin exprimé pour ces filtres : pas de tension à classer."
COVER_CATALOGUE = "Catalogue des programmes"
COVER_CATALOGUE_COUNT = "{n} programme(s) correspondent aux filtres."
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
                  "positionner": "Se positionner"}
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
TOGETHER_COFUNDING_DETAIL = "{co} programme(s) cofinancé(s) sur {total}."
TOGETHER_NETWORK = "Réseau des cofinancements"
TOGETHER_NETWORK_HELP = "Chaque trait relie deux investisseurs qui financent au moins un programme ensemble ; plus il est épais, plus ils en partagent."
TOGETHER_NO_COFUNDING = "Aucun programme n'est financé par plusieurs investisseurs."
COFUNDING_COLUMNS = {"nom_source": "Investisseur", "nom_cible": "Cofinance avec", "programmes": "Programmes en commun"}
TOGETHER_PICK_INVESTOR = "Investisseur"
TOGETHER_PICK_PROMPT = "Choisissez un investisseur pour voir son empreinte, ses alliés probables et les besoins à sa portée."
TOGETHER_FOOTPRINT = "Son empreinte"
TOGETHER_FOOTPRINT_SUMMARY = "{programmes} programme(s), présent dans {territoires} territoire(s) sur {thematiques} thématique(s)."
TOGETHER_NO_FOOTPRINT = "Cet investisseur n'a aucun programme actif à la date de l'inventaire."
TOGETHER_ALLIES = "Ses alliés probables"
TOGETHER_ALLIES_HELP = "Investisseurs présents dans les mêmes cases (région × thématique) ou qui cofinancent déjà avec lui des programmes actifs."
TOGETHER_NO_ALLIES = "Aucun autre investisseur n'agit dans ses cases."
TOGETHER_UNCOVERED = "Les besoins non couverts à sa portée"
TOGETHER_UNCOVERED_HELP = "Zones blanches de ses thématiques ou de ses territoires, les plus tendues d'abord."
TOGETHER_NO_UNCOVERED = "Aucune zone blanche dans ses thématiques ni ses territoires."
