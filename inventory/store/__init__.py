"""The one object in charge of the DuckDB file (``database``), its layout and shared views (``schema``) and how an
older file is brought up to date (``migrations``)."""
from inventory.store.database import DEFAULT_DB, ActiveChanged, Store, StoreBusy
from inventory.store.schema import SHEET_COLUMNS

__all__ = ["ActiveChanged", "DEFAULT_DB", "SHEET_COLUMNS", "Store", "StoreBusy"]
