"""What the signals say (issue 26: « affaire à suivre »): the contract's contact column, the signals themselves,
their routing, the Signaux page, the home line, the report's opening section, the digests and the mailing."""

# --- the contract: investisseurs.contact ----------------------------------------------------------------------
ERR_EMAIL = "adresse e-mail « {value} » non conforme : attendu une adresse comme prenom.nom@exemple.org"
