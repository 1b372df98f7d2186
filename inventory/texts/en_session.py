"""What the live session says (noting, retiring, following up commitments; the séances in the picker), in English."""

# --- the domain: intake.noting, the command line ----------------------------------------------------------------
SESSION_RETIRED_LABEL = "{session} – commitment {id} withdrawn at {time}"
SESSION_STATUS_LABEL = "{session} – commitment {id} updated at {time}"
SESSION_AUDIT_NOTE = "{session}: commitment {id} noted"
SESSION_AUDIT_RETIRED = "{session}: commitment {id} withdrawn"
SESSION_AUDIT_STATUS = "{session}: commitment {id} – {changes}"
SESSION_CHANGE = "{field} {before} → {after}"
SESSION_UNKNOWN_COMMITMENT = "No commitment “{id}” in the active snapshot."
SESSION_NOT_THIS_SEANCE = ("Commitment “{id}” was not noted during the current session; only those can be withdrawn "
                           "(set its status to “abandoned” instead).")
SESSION_NO_SEANCE = "No session under way: the active snapshot received no noted commitment."
SESSION_STATUS_BACKWARDS = ("A status does not go back: “{before}” cannot become “{after}” "
                            "(considered → committed → done or abandoned).")
SESSION_NOTHING_CHANGED = "Nothing to change: commitment “{id}” already has these values."
SESSION_NOT_SAVED = ("The active snapshot changed while saving and the commitment is not in it; nothing was saved, "
                     "try again.")
SESSION_CLI_SAVED = "Snapshot no. {id} “{label}” active."
SESSION_AUDIT_ACTIONS = {"annulation": "withdrawal", "statut": "status changed"}
SESSION_FIELDS = {"statut": "status", "echeance": "due date", "montant_eur": "amount"}

# --- the sidebar picker and the comparisons ---------------------------------------------------------------------
SEANCE_OPTION = "{as_of} · {seance} – {noted}"
SEANCE_NOTED = "{n} {{n|commitment noted|commitments noted}}"
SEANCE_SINCE = "Compared with “{label}” (data as of {as_of}), the state before session “{seance}”."

# --- the form --------------------------------------------------------------------------------------------------
SESSION_ALREADY_SAVED = ("This commitment was just saved (no. {id}): this second submission of the same form added "
                         "nothing.")
SESSION_FOLLOW_HEADER = "Follow up the session's commitments"
SESSION_FOLLOW_INTRO = ("Withdraw a commitment noted during the current session, or change a commitment's status, due "
                        "date or amount; each change is a new snapshot, written in the journal.")
SESSION_PICK = "Commitment"
SESSION_RETIRE = "Withdraw this commitment"
SESSION_RETIRE_HELP = "Only commitments noted during the current session can be withdrawn."
SESSION_RETIRED = "Commitment {id} withdrawn: snapshot no. {snapshot} “{label}” is now active."
SESSION_NEW_STATUS = "New status"
SESSION_NEW_DUE = "New due date (optional)"
SESSION_NEW_AMOUNT = "New amount (€, optional)"
SESSION_UPDATE = "Save the change"
SESSION_UPDATED = "Commitment {id} updated: snapshot no. {snapshot} “{label}” is now active."
SESSION_COMMITMENT_OPTION = "{id} · {investors} · {status}"
SESSION_REJECTED = "Nothing was changed:"
SESSION_NO_COMMITMENT = "No commitment to follow up in the active snapshot."

# --- the command line's help -------------------------------------------------------------------------------------
CLI_HELP_NOTE = "note a commitment as the session form does (a new active snapshot)"
CLI_HELP_STATUS = "change a commitment's status, due date or amount (a new active snapshot)"
CLI_HELP_LIST = "a list separated by ; (e.g. A;B)"
CLI_HELP_SEANCE = "the session (default: “Session of” and today's date)"
SESSION_TO_NEWEST = "Show the newest snapshot (no. {id})"

# --- the session report for a room full of readers ----------------------------------------------------------------
REPORT_QUEUE = ("{n} {{n|report|reports}} being made on this server, one at a time: yours follows, then it is kept and the "
                "next downloads are immediate.")
REPORT_READY = "This snapshot's report is already made: immediate download."
REPORT_AHEAD = ("{n} {{n|report|reports}} before yours, one at a time: stay on this page, the download will start "
                "by itself.")
REPORT_MAKING = "Your report is being made: the download will start by itself."
REPORT_DOWNLOADED = "Report ready: download started."
