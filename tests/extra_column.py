"""A fixture module that declares one new optional column, ``commune`` on the ``besoins`` sheet, in the model
alone. Imported first in a fresh interpreter (before anything else of ``inventory`` is), it stands for the one line a
developer adds to ``inventory/models.py``: the store's tables and types, checking's Arrow types, the migration of
an existing file, the defaults of hand-built frames and the table headings all follow from it."""
from __future__ import annotations

from pydantic import create_model

from inventory import models

TITLE = "Commune"
Besoin = create_model(
    "Besoin", __base__=models.Besoin,
    commune=(models.Text, models.column(TITLE, "town", help="La commune où le besoin est exprimé", default=None)),
)
models.SHEETS["besoins"] = Besoin
