"""Français : l'API de lecture, ses jetons, la publication pour les répliques (mêmes clés que ``en_api``)."""
# flake8: noqa: E501

CLI_HELP_RESULTS = "les réalisations déclarées par territoire × thématique : acteurs en besoin → acteurs atteints"
CLI_HELP_API = "sert l'API JSON en lecture seule sous /api/v1/ (documentation : /api/v1/docs)"
CLI_HELP_HOST = "adresse d'écoute (127.0.0.1 par défaut : seulement cette machine)"
CLI_HELP_PORT = "port d'écoute"
CLI_HELP_TOKEN = "jetons de lecture de l'API : create, list, revoke"
CLI_HELP_TOKEN_NAME = "le nom du jeton (qui l'utilise : un membre, un outil)"
CLI_HELP_PUBLISH = "publie une copie de l'inventaire pour les répliques en lecture seule (copie puis renommage)"
CLI_HELP_PUBLISH_TO = "le fichier publié (par défaut $INVENTORY_PUBLISHED, sinon data/published/inventory.duckdb)"
CLI_HELP_SERVE = "sert le tableau de bord en N répliques en lecture seule derrière HAProxy"
CLI_HELP_REPLICAS = "nombre de répliques"
CLI_TOKEN_CREATED = (
    "Jeton « {name} » créé. Le voici, il ne sera plus jamais affiché :\n{token}\n"
    "À envoyer dans chaque requête : Authorization: Bearer {token}"
)
CLI_TOKEN_EXISTS = "Un jeton « {name} » est déjà en service : révoquez-le d'abord (token revoke {name})."
CLI_TOKEN_BAD_NAME = "Nom de jeton invalide « {name} » : de 1 à 64 lettres, chiffres, points, tirets ou soulignés."
CLI_TOKEN_REVOKED = "Jeton « {name} » révoqué : il ne donne plus accès à l'API."
CLI_TOKEN_UNKNOWN = "Aucun jeton en service nommé « {name} »."
CLI_TOKEN_NONE = "Aucun jeton pour l'instant : python -m inventory token create --name NOM"
CLI_TOKEN_LINE = "{name}  créé le {created}  {state}"
CLI_TOKEN_IN_USE = "en service"
CLI_TOKEN_REVOKED_ON = "révoqué le {date}"
CLI_PUBLISHED = "Inventaire publié vers {path} ({size} Mo) : les répliques le liront à leur prochain affichage."
PUBLISH_SAME_FILE = "Le fichier publié {path} est la base elle-même : choisissez un autre chemin (--to)."
STORE_NOT_CURRENT = (
    "Le fichier {path} n'a pas été préparé par cette version : lancez une fois « python -m inventory init » "
    "sur la base de l'importateur, puis publiez-la."
)
CLI_API_LISTENING = "API en lecture seule sur http://{host}:{port}/api/v1/ (documentation : http://{host}:{port}/api/v1/docs)"
CLI_SERVING = "Tableau de bord sur http://{host}:{port}/ : {n} {{n|réplique|répliques}} derrière HAProxy, lisant {path}. Ctrl+C pour arrêter."
CLI_HAPROXY_MISSING = "HAProxy est introuvable : installez-le (apt-get install haproxy) ou nommez-le avec INVENTORY_HAPROXY."

# --- problem details of the API (RFC 9457) -----------------------------------------------------------------
API_UNAUTHORIZED = "Jeton manquant ou invalide"
API_UNAUTHORIZED_DETAIL = "Envoyez un jeton de lecture en service : « Authorization: Bearer JETON » (python -m inventory token create --name NOM)."
API_NOT_FOUND = "Introuvable"
API_NO_ROUTE = "Aucune ressource à l'adresse {path} : la liste est dans /api/v1/openapi.json."
API_UNKNOWN_SNAPSHOT = "Aucun inventaire n° {id} : la liste est dans /api/v1/snapshots."
API_UNKNOWN_SHEET = "Aucune feuille « {sheet} » dans le contrat : {sheets}."
API_BAD_REQUEST = "Paramètre invalide"
API_BAD_PARAMETER = "« {value} » n'est pas une valeur de {name} : {allowed}."
API_METHOD_NOT_ALLOWED = "Méthode non permise"
API_READ_ONLY = "L'API est en lecture seule : seule la méthode GET est acceptée."
API_BUSY = "Inventaire occupé"
API_BUSY_DETAIL = "La base est en cours d'écriture par un import : réessayez dans quelques secondes."
API_SERVER_ERROR = "Erreur interne"
API_SERVER_ERROR_DETAIL = "La requête n'a pas pu aboutir ; l'erreur est notée dans le journal du serveur."

# --- the offline documentation page -------------------------------------------------------------------------
API_DOCS_TITLE = "API de l'inventaire partagé — documentation"
API_DOCS_INTRO = (
    "Lecture seule, en JSON (ou CSV avec ?format=csv : UTF-8 avec BOM, séparateur « ; »). Chaque requête sauf "
    "/health porte un jeton : Authorization: Bearer JETON. Un inventaire ne change jamais : ses adresses portent un ETag."
)
API_DOCS_TOKEN = "Jeton"
API_DOCS_TRY = "Essayer"
API_DOCS_PARAMETERS = "Paramètres"
API_DOCS_RESPONSE = "Réponse"
API_DOCS_SPEC = "Le document OpenAPI"
API_TITLE = "Inventaire partagé des investisseurs sociétaux — API de lecture"
