"""Page-test databases for the follow-through views, built from the hand-checked inventory of
tests/followup_inventory.py (every number worked out there and in tests/test_followup.py):

« Suivi au 30/04 » (id 1, as of 30/04/2020): the same investors, programmes and needs, commitments E1–E4 all
« engagé », no result. « Suivi au 30/06 » (id 2, active, as of 30/06/2020): the full inventory — E2 late, E3
dropped, E4 done, E1 and E4 joint, E5 new; results of P1, P2, P3.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from inventory.store import Store
from tests import followup_inventory as inv

APRIL = dt.date(2020, 4, 30)
PASSWORD = "mot-de-passe-de-seance"


def build_followup(path: Path) -> Path:
    store = Store(path)
    april = [dict(e, statut="engage") for e in inv.ENGAGEMENTS[:4]]
    store.write_snapshot(inv.tables(investisseurs=inv.INVESTISSEURS, programmes=inv.PROGRAMMES, besoins=inv.BESOINS,
                                    engagements=april), label="Suivi au 30/04", as_of=APRIL)
    inv.load(store)
    store.close()
    return path
