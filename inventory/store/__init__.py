"""The one object in charge of the DuckDB file (``database``), its layout and shared views (``schema``) and how an
older file is brought up to date (``migrations``)."""
from inventory.store.database import (DEFAULT_DB, Store, StoreBusy, StoreNotCurrent, add_token, publish, revoke_token,
                                      token_owner, tokens)
from inventory.store.schema import SCHEMA_FINGERPRINT, SHEET_COLUMNS

__all__ = ["DEFAULT_DB", "SCHEMA_FINGERPRINT", "SHEET_COLUMNS", "Store", "StoreBusy", "StoreNotCurrent", "add_token",
           "publish", "revoke_token", "token_owner", "tokens"]
