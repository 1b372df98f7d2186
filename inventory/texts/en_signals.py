"""What the signals say in English (same keys as fr_signals)."""

# --- the contract: investisseurs.contact ----------------------------------------------------------------------
ERR_EMAIL = "e-mail address « {value} » is not valid: expected an address such as first.last@example.org"
