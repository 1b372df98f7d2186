"""English: the read API, its tokens, publishing for replicas (the same keys as ``fr_api``)."""
# flake8: noqa: E501

CLI_HELP_RESULTS = "declared results by territory × theme: actors in need → actors reached"
CLI_HELP_API = "serve the read-only JSON API under /api/v1/ (documentation: /api/v1/docs)"
CLI_HELP_HOST = "address to listen on (127.0.0.1 by default: this machine only)"
CLI_HELP_PORT = "port to listen on"
CLI_HELP_TOKEN = "the API's read tokens: create, list, revoke"
CLI_HELP_TOKEN_NAME = "the token's name (who uses it: a member, a tool)"
CLI_HELP_PUBLISH = "publish a copy of the inventory for read-only replicas (copy, then rename)"
CLI_HELP_PUBLISH_TO = "the published file (default $INVENTORY_PUBLISHED, else data/published/inventory.duckdb)"
CLI_HELP_SERVE = "serve the dashboard as N read-only replicas behind HAProxy"
CLI_HELP_REPLICAS = "number of replicas"
CLI_TOKEN_CREATED = (
    "Token “{name}” created. Here it is; it will never be shown again:\n{token}\n"
    "Send it with every request: Authorization: Bearer {token}"
)
CLI_TOKEN_EXISTS = "A token “{name}” is already in use: revoke it first (token revoke {name})."
CLI_TOKEN_BAD_NAME = "Invalid token name “{name}”: 1 to 64 letters, digits, dots, dashes or underscores."
CLI_TOKEN_REVOKED = "Token “{name}” revoked: it no longer opens the API."
CLI_TOKEN_UNKNOWN = "No token in use named “{name}”."
CLI_TOKEN_NONE = "No token yet: python -m inventory token create --name NAME"
CLI_TOKEN_LINE = "{name}  created {created}  {state}"
CLI_TOKEN_IN_USE = "in use"
CLI_TOKEN_REVOKED_ON = "revoked {date}"
CLI_PUBLISHED = "Inventory published to {path} ({size} MB): replicas read it on their next rerun."
PUBLISH_SAME_FILE = "The published file {path} is the database itself: choose another path (--to)."
STORE_NOT_CURRENT = (
    "The file {path} was not laid out by this version: run “python -m inventory init” once on the importer's "
    "database, then publish it."
)
CLI_API_LISTENING = "Read-only API on http://{host}:{port}/api/v1/ (documentation: http://{host}:{port}/api/v1/docs)"
CLI_SERVING = "Dashboard on http://{host}:{port}/: {n} {{n|replica|replicas}} behind HAProxy, reading {path}. Ctrl+C to stop."
CLI_HAPROXY_MISSING = "HAProxy was not found: install it (apt-get install haproxy) or name it with INVENTORY_HAPROXY."

# --- problem details of the API (RFC 9457) -----------------------------------------------------------------
API_UNAUTHORIZED = "Missing or invalid token"
API_UNAUTHORIZED_DETAIL = "Send a read token in use: “Authorization: Bearer TOKEN” (python -m inventory token create --name NAME)."
API_NOT_FOUND = "Not found"
API_NO_ROUTE = "Nothing at {path}: the list is in /api/v1/openapi.json."
API_UNKNOWN_SNAPSHOT = "There is no snapshot no. {id}: the list is in /api/v1/snapshots."
API_UNKNOWN_SHEET = "There is no sheet “{sheet}” in the contract: {sheets}."
API_BAD_REQUEST = "Invalid parameter"
API_BAD_PARAMETER = "“{value}” is not a value of {name}: {allowed}."
API_METHOD_NOT_ALLOWED = "Method not allowed"
API_READ_ONLY = "The API is read-only: only GET is accepted."
API_BUSY = "Inventory busy"
API_BUSY_DETAIL = "An import is writing the database: try again in a few seconds."
API_SERVER_ERROR = "Internal error"
API_SERVER_ERROR_DETAIL = "The request could not be answered; the error is in the server's log."

# --- the offline documentation page -------------------------------------------------------------------------
API_DOCS_TITLE = "Shared inventory API — documentation"
API_DOCS_INTRO = (
    "Read-only, in JSON (or CSV with ?format=csv: UTF-8 with BOM, “;” separated). Every request but /health "
    "carries a token: Authorization: Bearer TOKEN. A snapshot never changes: its URLs carry an ETag."
)
API_DOCS_TOKEN = "Token"
API_DOCS_TRY = "Try it"
API_DOCS_PARAMETERS = "Parameters"
API_DOCS_RESPONSE = "Response"
API_DOCS_SPEC = "The OpenAPI document"
API_TITLE = "Shared inventory of societal investors — read API"
