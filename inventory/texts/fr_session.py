"""What the live session says (noting, retiring, following up commitments; the séances in the picker), in French."""

# --- the domain: intake.noting, the command line ----------------------------------------------------------------
SESSION_RETIRED_LABEL = "{session} – engagement {id} retiré à {time}"
SESSION_STATUS_LABEL = "{session} – engagement {id} mis à jour à {time}"
SESSION_AUDIT_NOTE = "{session} : engagement {id} noté"
SESSION_AUDIT_RETIRED = "{session} : engagement {id} retiré"
SESSION_AUDIT_STATUS = "{session} : engagement {id} – {changes}"
SESSION_CHANGE = "{field} {before} → {after}"
SESSION_UNKNOWN_COMMITMENT = "Aucun engagement « {id} » dans l'inventaire actif."
SESSION_NOT_THIS_SEANCE = ("L'engagement « {id} » n'a pas été noté pendant la séance en cours ; seuls ceux-là peuvent "
                           "être retirés (changez plutôt son statut en « abandonné »).")
SESSION_NO_SEANCE = "Aucune séance en cours : l'inventaire actif n'a reçu aucun engagement noté."
SESSION_STATUS_BACKWARDS = ("Le statut ne revient pas en arrière : « {before} » ne peut devenir « {after} » "
                            "(envisagé → engagé → réalisé ou abandonné).")
SESSION_NOTHING_CHANGED = "Rien à modifier : l'engagement « {id} » a déjà ces valeurs."
SESSION_NOT_SAVED = ("L'inventaire actif a changé pendant l'enregistrement et l'engagement n'y figure pas ; rien n'a "
                     "été enregistré, réessayez.")
SESSION_CLI_SAVED = "Inventaire n° {id} « {label} » actif."
# the import page's journal: actions of a séance, never « activation »
SESSION_AUDIT_ACTIONS = {"annulation": "annulation", "statut": "statut modifié"}
SESSION_FIELDS = {"statut": "statut", "echeance": "échéance", "montant_eur": "montant"}

# --- the sidebar picker and the comparisons ---------------------------------------------------------------------
SEANCE_OPTION = "{as_of} · {seance} – {noted}"
SEANCE_NOTED = "{n} {{n|engagement noté|engagements notés}}"
SEANCE_SINCE = "Comparaison avec « {label} » (données au {as_of}), l'état d'avant la séance « {seance} »."

# --- the form --------------------------------------------------------------------------------------------------
SESSION_ALREADY_SAVED = ("Cet engagement vient d'être enregistré (n° {id}) : ce second envoi du même formulaire n'a "
                         "rien ajouté.")
SESSION_FOLLOW_HEADER = "Suivre les engagements de la séance"
SESSION_FOLLOW_INTRO = ("Retirer un engagement noté pendant la séance en cours, ou changer le statut, l'échéance ou le "
                        "montant d'un engagement ; chaque changement est un nouvel inventaire, inscrit au journal.")
SESSION_PICK = "Engagement"
SESSION_RETIRE = "Retirer cet engagement"
SESSION_RETIRE_HELP = "Seuls les engagements notés pendant la séance en cours peuvent être retirés."
SESSION_RETIRED = "Engagement {id} retiré : l'inventaire n° {snapshot} « {label} » est maintenant actif."
SESSION_NEW_STATUS = "Nouveau statut"
SESSION_NEW_DUE = "Nouvelle échéance (facultative)"
SESSION_NEW_AMOUNT = "Nouveau montant (€, facultatif)"
SESSION_UPDATE = "Enregistrer le changement"
SESSION_UPDATED = "Engagement {id} mis à jour : l'inventaire n° {snapshot} « {label} » est maintenant actif."
SESSION_COMMITMENT_OPTION = "{id} · {investors} · {status}"
SESSION_REJECTED = "Rien n'a été modifié :"
SESSION_NO_COMMITMENT = "Aucun engagement à suivre dans l'inventaire actif."

# --- the command line's help -------------------------------------------------------------------------------------
CLI_HELP_NOTE = "noter un engagement comme le formulaire de séance (nouvel inventaire actif)"
CLI_HELP_STATUS = "changer le statut, l'échéance ou le montant d'un engagement (nouvel inventaire actif)"
CLI_HELP_LIST = "liste séparée par ; (ex. A;B)"
CLI_HELP_SEANCE = "la séance (défaut : « Séance du » et la date du jour)"
SESSION_TO_NEWEST = "Voir l'inventaire le plus récent (n° {id})"

# --- the session report for a room full of readers ----------------------------------------------------------------
REPORT_QUEUE = ("{n} {{n|rapport|rapports}} en préparation sur ce serveur, un à la fois : le vôtre suit, puis il est gardé et "
                "les téléchargements suivants sont immédiats.")
REPORT_READY = "Rapport de cet inventaire déjà prêt : téléchargement immédiat."
REPORT_AHEAD = ("{n} {{n|rapport|rapports}} avant le vôtre, un à la fois : restez sur cette page, le téléchargement "
                "partira tout seul.")
REPORT_MAKING = "Votre rapport est en préparation : le téléchargement partira tout seul."
REPORT_DOWNLOADED = "Rapport prêt : téléchargement lancé."
