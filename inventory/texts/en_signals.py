"""What the signals say in English (same keys as fr_signals)."""

# --- the contract: investisseurs.contact ----------------------------------------------------------------------
ERR_EMAIL = "e-mail address “{value}” is not valid: expected an address such as first.last@example.org"

# --- the signals (inventory/analysis/signals.py) ---------------------------------------------------------------
SIGNAL_TYPES = {
    "zone_blanche_ouverte": "White zone opened",
    "fin_de_programme": "Programme ending soon",
    "besoin_en_hausse": "Need rising",
    "engagement_en_retard": "Commitment late",
    "donnees_anciennes": "Stale data",
}
SIGNAL_SENTENCES = {
    "zone_blanche_ouverte": "{nom}, {theme}: no need is reached any more ({avant} before, score {score}).",
    "fin_de_programme": "{nom}, {theme}: “{libelle}” ({objet}) ends on {date}, in {jours} days; it is the only "
                        "programme reaching these needs (score {avant}).",
    "besoin_en_hausse": "{nom}, {theme}: the need's score goes from {avant} to {apres}, while the share reached "
                        "does not grow.",
    "engagement_en_retard": "Commitment {objet} ({theme}, {nom}): due on {date}, {jours} days late{suite}.",
    "donnees_anciennes": "Sheet or catalogue “{objet}”: brought on {avant}, {jours} days ago.",
}
SIGNAL_LATE_NEW = " (became late since the previous inventory)"
SIGNAL_LATE_STILL = " (already late before)"
SIGNAL_NO_PART = "no need"
SIGNAL_REASONS = {
    "engagement": "the commitment is theirs",
    "programme": "the programme is theirs",
    "ici": "already funds the theme in this territory",
    "voisin": "funds the theme in a neighbouring territory, in the same region",
    "allie": "co-funds a programme with someone who funds the theme here",
    "donnees": "its rows are in this data",
}
SIGNAL_NOBODY = "the facilitators (no member in particular)"
SIGNAL_THRESHOLDS = (
    "Signals, between an inventory and the import before it: a need is “rising” when its score grows by at "
    "least {hausse_part}% and by at least {hausse_points} points while its covered score does not grow; a white "
    "zone “opened” is one now and was not before; an open commitment past its due date is “late”; a "
    "“programme ending soon” is an active programme ending within {fin_jours} days after the inventory's date "
    "that alone reaches a cell's needs; “stale data” is a sheet or catalogue brought more than "
    "{anciennete_jours} days ago. Each signal names the members best placed: the commitment or programme is "
    "theirs, then they fund the theme in this territory, in a neighbouring département (with no adjacency data, "
    "the other départements of the same region), or co-fund with someone who funds it here."
)
SIGNALS_NONE = "No signal: nothing moved that needs attention."

# --- command line ----------------------------------------------------------------------------------------------
CLI_HELP_SIGNALS = "the signals between two inventories, each sent to the members best placed to act"
CLI_HELP_DIGEST = "one follow-up letter (HTML and text) per member a signal names; --send mails them"
CLI_HELP_SEND = "mail each letter to its recipient's “contact” address (SMTP)"
CLI_SIGNALS_NO_SNAPSHOT = "No inventory to compare."
CLI_DIGEST_WRITTEN = "{investisseur} ({nom}): {signaux} {{signaux|signal|signals}} → {html}, {text}"
CLI_DIGEST_NONE = "No member is named by a signal: no letter written."
CLI_DIGEST_SENT = "{investisseur}: letter sent to {contact}"
CLI_DIGEST_NO_CONTACT = "{investisseur}: no contact address, letter not sent"
CLI_DIGEST_FAILED = "{investisseur}: sending to {contact} failed ({error})"
CLI_DIGEST_NOT_SENT = "Nothing was sent (add --send to mail the letters)."
CLI_DIGEST_NO_SMTP = ("Cannot send: no SMTP server configured (INVENTORY_SMTP_HOST, or [smtp] host in "
                      ".streamlit/secrets.toml).")
CLI_DIGEST_SUMMARY = "{sent} {{sent|letter|letters}} sent, {failed} {{failed|failure|failures}}, {missing} without an address."

# --- the digest (inventory/outputs/digest.py) ------------------------------------------------------------------
DIGEST_SUBJECT = "To follow up: {n} {{n|signal|signals}} for {nom} (inventory as of {as_of})"
DIGEST_TITLE = "To follow up — {nom}"
DIGEST_INTRO = ("Between the inventory as of {before} and the one as of {after}, here are the signals for which "
                "{nom} is among the members best placed to act.")
DIGEST_INTRO_NO_BEFORE = "In the inventory as of {after}, here are the signals for which {nom} is among the best placed."
DIGEST_WHY = "Why you: {raison}."
DIGEST_LINK = "Open in the inventory"
DIGEST_FOOTER = ("Letter made from the shared inventory; results are declared, not audited. Thresholds and "
                 "definitions: Method page.")

# --- the dashboard: the Signaux page, the home line, the report's opening section --------------------------------
PAGE_SIGNAUX = "Signals"
SIGNALS_TITLE = "Signals: to follow up"
SIGNALS_INTRO = "Inventory as of {after} compared with the import of {before}."
SIGNALS_INTRO_NO_BEFORE = "Inventory as of {after}: no earlier import to compare with (only late commitments, programmes ending and stale data)."
SIGNALS_FOR = "For the investor"
SIGNALS_FOR_ALL = "All members"
SIGNALS_COUNT = "{n} {{n|signal|signals}}"
SIGNALS_FOR_LINE = "For: {members}"
SIGNALS_TABLE = {"rang": "Rank", "type": "Signal", "territoire": "Territory", "thematique": "Theme",
                 "avant": "Before", "apres": "After", "pour": "For"}
HOME_SIGNALS_LINE = ("**{total} {{total|signal|signals}}** since the previous import: "
                     "{zones} {{zones|white zone|white zones}} opened, {fins} {{fins|programme|programmes}} ending soon, "
                     "{hausses} {{hausses|need|needs}} rising, "
                     "{retards} {{retards|commitment|commitments}} late, "
                     "{anciennes} {{anciennes|stale source|stale sources}}.")
HOME_SIGNALS_LINK = "See the signals"
REPORT_SIGNALS = "To follow up: the signals"
REPORT_SIGNALS_MORE = "… and {n} more {{n|signal|signals}} on the Signals page."
# the page draws the most pressing signals as cards, every one of them in the table under them
SIGNALS_MORE = "The {shown} most pressing above; all {n} {{n|signal|signals}} in the table below."
