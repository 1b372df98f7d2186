"""What the signals say (issue 26: « affaire à suivre »): the contract's contact column, the signals themselves,
their routing, the Signaux page, the home line, the report's opening section, the digests and the mailing."""

# --- the contract: investisseurs.contact ----------------------------------------------------------------------
ERR_EMAIL = "adresse e-mail « {value} » non conforme : attendu une adresse comme prenom.nom@exemple.org"

# --- the signals (inventory/analysis/signals.py) ---------------------------------------------------------------
SIGNAL_TYPES = {
    "zone_blanche_ouverte": "Zone blanche ouverte",
    "fin_de_programme": "Fin de programme en vue",
    "besoin_en_hausse": "Besoin en hausse",
    "engagement_en_retard": "Engagement en retard",
    "donnees_anciennes": "Données anciennes",
}
# one sentence per signal; {nom} territory name, {theme} theme label, numbers and dates already formatted
SIGNAL_SENTENCES = {
    "zone_blanche_ouverte": "{nom}, {theme} : plus aucun besoin n'est atteint ({avant} auparavant, score {score}).",
    "fin_de_programme": "{nom}, {theme} : « {libelle} » ({objet}) s'achève le {date}, dans {jours} jours ; c'est le "
                        "seul programme qui atteint ces besoins (score {avant}).",
    "besoin_en_hausse": "{nom}, {theme} : le score du besoin passe de {avant} à {apres}, sans que la part atteinte "
                        "ne progresse.",
    "engagement_en_retard": "Engagement {objet} ({theme}, {nom}) : échéance du {date} dépassée de {jours} jours{suite}.",
    "donnees_anciennes": "Feuille ou catalogue « {objet} » : apporté le {avant}, il y a {jours} jours.",
}
SIGNAL_LATE_NEW = " (devenu en retard depuis l'inventaire précédent)"
SIGNAL_LATE_STILL = " (déjà en retard auparavant)"
SIGNAL_NO_PART = "aucun besoin"
# why a member is named, strongest first
SIGNAL_REASONS = {
    "engagement": "l'engagement est le sien",
    "programme": "le programme est le sien",
    "ici": "finance déjà la thématique sur ce territoire",
    "voisin": "finance la thématique dans un territoire voisin, de la même région",
    "allie": "cofinance un programme avec qui finance la thématique ici",
    "donnees": "ses lignes figurent dans ces données",
}
SIGNAL_NOBODY = "les animateurs (aucun membre en particulier)"
SIGNAL_THRESHOLDS = (
    "Signaux, entre un inventaire et l'import qui le précède : un besoin est « en hausse » quand son score "
    "augmente d'au moins {hausse_part} % et d'au moins {hausse_points} points sans que son score couvert "
    "n'augmente ; une zone blanche « ouverte » l'est maintenant et ne l'était pas ; un engagement ouvert dont "
    "l'échéance est passée est « en retard » ; une « fin de programme en vue » est un programme actif qui "
    "s'achève dans les {fin_jours} jours suivant la date de l'inventaire et qui est le seul à atteindre les "
    "besoins d'une case ; des « données anciennes » sont une feuille ou un catalogue apporté il y a plus de "
    "{anciennete_jours} jours. Chaque signal nomme les membres les mieux placés : l'engagement ou le programme "
    "est le leur, puis ils financent la thématique sur ce territoire, dans un département voisin (faute de "
    "données d'adjacence, les autres départements de la même région), ou cofinancent avec qui la finance ici."
)
SIGNALS_NONE = "Aucun signal : rien n'a bougé qui demande qu'on s'en occupe."

# --- command line ----------------------------------------------------------------------------------------------
CLI_HELP_SIGNALS = "les signaux entre deux inventaires, chacun adressé aux membres les mieux placés"
CLI_HELP_DIGEST = "une lettre de suivi (HTML et texte) par membre concerné par un signal ; --send les envoie"
CLI_HELP_SEND = "envoyer chaque lettre à l'adresse « contact » de son destinataire (SMTP)"
CLI_SIGNALS_NO_SNAPSHOT = "Aucun inventaire à comparer."
CLI_DIGEST_WRITTEN = "{investisseur} ({nom}) : {signaux} {{signaux|signal|signaux}} → {html}, {text}"
CLI_DIGEST_NONE = "Aucun membre n'est concerné par un signal : aucune lettre écrite."
CLI_DIGEST_SENT = "{investisseur} : lettre envoyée à {contact}"
CLI_DIGEST_NO_CONTACT = "{investisseur} : pas d'adresse de contact, lettre non envoyée"
CLI_DIGEST_FAILED = "{investisseur} : l'envoi à {contact} a échoué ({error})"
CLI_DIGEST_NOT_SENT = "Rien n'a été envoyé (ajoutez --send pour envoyer les lettres)."
CLI_DIGEST_NO_SMTP = ("Envoi impossible : aucun serveur SMTP configuré (INVENTORY_SMTP_HOST, ou [smtp] host dans "
                      ".streamlit/secrets.toml).")
CLI_DIGEST_SUMMARY = ("{sent} {{sent|lettre envoyée|lettres envoyées}}, {failed} {{failed|échec|échecs}}, "
                      "{missing} sans adresse.")

# --- the digest (inventory/outputs/digest.py) ------------------------------------------------------------------
DIGEST_SUBJECT = "Affaire à suivre : {n} {{n|signal|signaux}} pour {nom} (inventaire au {as_of})"
DIGEST_TITLE = "Affaire à suivre — {nom}"
DIGEST_INTRO = ("Entre l'inventaire au {before} et celui au {after}, voici les signaux pour lesquels {nom} est "
                "parmi les membres les mieux placés pour agir.")
DIGEST_INTRO_NO_BEFORE = "Dans l'inventaire au {after}, voici les signaux pour lesquels {nom} est parmi les mieux placés."
DIGEST_WHY = "Pourquoi vous : {raison}."
DIGEST_LINK = "Ouvrir dans l'inventaire"
DIGEST_FOOTER = ("Lettre établie à partir de l'inventaire partagé ; les réalisations sont déclarées, non auditées. "
                 "Seuils et définitions : page Méthode.")

# --- the dashboard: the Signaux page, the home line, the report's opening section --------------------------------
PAGE_SIGNAUX = "Signaux"
SIGNALS_TITLE = "Signaux : affaire à suivre"
SIGNALS_INTRO = "Inventaire au {after} comparé à l'import du {before}."
SIGNALS_INTRO_NO_BEFORE = "Inventaire au {after} : aucun import antérieur à comparer (seuls les retards, les fins de programme et les données anciennes)."
SIGNALS_FOR = "Pour l'investisseur"
SIGNALS_FOR_ALL = "Tous les membres"
SIGNALS_COUNT = "{n} {{n|signal|signaux}}"
SIGNALS_FOR_LINE = "Pour : {members}"
SIGNALS_TABLE = {"rang": "Rang", "type": "Signal", "territoire": "Territoire", "thematique": "Thématique",
                 "avant": "Avant", "apres": "Après", "pour": "Pour"}
HOME_SIGNALS_LINE = ("**{total} {{total|signal|signaux}}** depuis l'import précédent : "
                     "{zones} {{zones|zone blanche ouverte|zones blanches ouvertes}}, "
                     "{fins} {{fins|fin|fins}} de programme en vue, {hausses} {{hausses|besoin|besoins}} en hausse, "
                     "{retards} {{retards|engagement|engagements}} en retard, "
                     "{anciennes} {{anciennes|donnée ancienne|données anciennes}}.")
HOME_SIGNALS_LINK = "Voir les signaux"
REPORT_SIGNALS = "Affaire à suivre : les signaux"
REPORT_SIGNALS_MORE = "… et {n} {{n|autre signal|autres signaux}} sur la page Signaux."
# the page draws the most pressing signals as cards, every one of them in the table under them
SIGNALS_MORE = "Les {shown} plus pressants ci-dessus ; les {n} {{n|signal|signaux}} dans le tableau ci-dessous."
