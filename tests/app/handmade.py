"""Tiny hand-made inventories for the page tests of the three challenges, the evolution and the import page,
with every number the pages should show worked out by hand below, and an AppTest opener.

April (as of 30/04/2020)
  investors A (fondation), B (entreprise), C (institution)
  P1  A;B  themes numerique;modele_socio_eco  FR      audiences association;tpe_pme  SDGs 8;9  budget 1000
  P2  C    theme  juridique                   REG-84  audience  collectivite         SDG  16
  P3  A    theme  numerique                   DEP-69  no audience (open to all)      SDG  9
  needs (territory, source, theme, intensity × actors = score)
    DEP-69 terrain    numerique         4 × 3  = 12  (SDG 9)
    DEP-01 terrain    juridique         2 × 2  = 4
    DEP-13 terrain    modele_socio_eco  5 × 1  = 5
    FR     terrain    numerique         3 × 10 = 30
    REG-84 ingenierie competences       3 × 2  = 6   (SDG 4)
    DEP-75 ingenierie numerique         2 × 4  = 8

  field needs by region: FR 10 actors / 30; REG-84 (DEP-69 + DEP-01) 5 / 16, mean 3.2; REG-93 1 / 5.
  support-ecosystem needs by theme: numerique 4 / 8; competences 2 / 6.
  programmes by audience: numerique association 2 (P1, P3), tpe_pme 2, collectivite 1 (P3);
    modele_socio_eco association 1, tpe_pme 1, collectivite 0; juridique collectivite 1, others 0.
  SDGs: 8 → 1 programme, 2 investors; 9 → 2 programmes (P1, P3), 2 investors (A, B), 1 need;
    16 → 1 programme, 1 investor; 4 → no programme but 1 need (uncovered).

June (as of 30/06/2020): DEP-69 numerique becomes 4 × 5 = 20 (+8 at REG-84), the DEP-01 need is gone (−4 at
  REG-84 juridique), the other needs are unchanged; P1's budget becomes 2000 (changed), P2 ends on 31/05/2020
  (ended), P3 is withdrawn, P4 (B, cooperation, FR) is added.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from inventory.intake import importer
from inventory.store import Store
from tests.builders import write_xlsx

APP = str(Path(__file__).resolve().parents[2] / "app.py")
APRIL, JUNE = dt.date(2020, 4, 30), dt.date(2020, 6, 30)

INVESTISSEURS = [["id", "nom", "type"], ["A", "Fondation Alpha", "fondation"], ["B", "Banque Beta", "entreprise"],
                 ["C", "Conseil Gamma", "institution"]]
PROG_HEAD = ["id", "nom", "investisseurs", "phase", "nature", "thematiques", "territoires", "publics", "odd",
             "budget_eur", "date_debut", "date_fin"]
NEED_HEAD = ["territoire", "source", "thematique", "intensite", "nb_acteurs", "odd"]

APRIL_SHEETS = {
    "investisseurs": INVESTISSEURS,
    "programmes": [PROG_HEAD,
                   ["P1", "Numérique pour tous", "A;B", "relance", "subvention", "numerique;modele_socio_eco", "FR",
                    "association;tpe_pme", "8;9", 1000, None, None],
                   ["P2", "Aide juridique", "C", "urgence", "accompagnement", "juridique", "REG-84", "collectivite",
                    "16", None, None, None],
                   ["P3", "Atelier numérique", "A", "structurel", "formation", "numerique", "DEP-69", None, "9",
                    None, None, None]],
    "besoins": [NEED_HEAD,
                ["DEP-69", "terrain", "numerique", 4, 3, "9"],
                ["DEP-01", "terrain", "juridique", 2, 2, None],
                ["DEP-13", "terrain", "modele_socio_eco", 5, 1, None],
                ["FR", "terrain", "numerique", 3, 10, None],
                ["REG-84", "ingenierie", "competences", 3, 2, "4"],
                ["DEP-75", "ingenierie", "numerique", 2, 4, None]],
}

JUNE_SHEETS = {
    "investisseurs": INVESTISSEURS,
    "programmes": [PROG_HEAD,
                   ["P1", "Numérique pour tous", "A;B", "relance", "subvention", "numerique;modele_socio_eco", "FR",
                    "association;tpe_pme", "8;9", 2000, None, None],
                   ["P2", "Aide juridique", "C", "urgence", "accompagnement", "juridique", "REG-84", "collectivite",
                    "16", None, None, dt.date(2020, 5, 31)],
                   ["P4", "Coopérer", "B", "relance", "subvention", "cooperation", "FR", None, None,
                    None, None, None]],
    "besoins": [NEED_HEAD,
                ["DEP-69", "terrain", "numerique", 4, 5, "9"],
                ["DEP-13", "terrain", "modele_socio_eco", 5, 1, None],
                ["FR", "terrain", "numerique", 3, 10, None],
                ["REG-84", "ingenierie", "competences", 3, 2, "4"],
                ["DEP-75", "ingenierie", "numerique", 2, 4, None]],
}


def load(store, tmp_path: Path, sheets: dict, *, label: str, as_of: dt.date) -> int:
    """Import a hand-made inventory through the real importer; the new snapshot's id."""
    path = write_xlsx(tmp_path / f"{label}.xlsx", sheets)
    result = importer.import_files(store, [path], label=label, as_of=as_of)
    assert result.ok, result.errors
    return result.snapshot_id


def april(store, tmp_path: Path) -> int:
    return load(store, tmp_path, APRIL_SHEETS, label="Avril", as_of=APRIL)


def april_and_june(store, tmp_path: Path) -> tuple[int, int]:
    return april(store, tmp_path), load(store, tmp_path, JUNE_SHEETS, label="Juin", as_of=JUNE)


def build(directory: Path, *, june: bool = False) -> Path:
    """A database file holding April (id 1), and June (id 2, active) when asked; closed again."""
    store = Store(directory / "inventory.duckdb")
    april_and_june(store, directory) if june else april(store, directory)
    store.close()
    return directory / "inventory.duckdb"


def open_page(page: str, db: Path, monkeypatch, query: dict | None = None, *, password: str | None = None) -> AppTest:
    """The app on ``db``, switched to ``page`` (optionally with URL parameters), after one run.

    ``password`` configures the facilitator password (the environment variable); None means no password,
    also ignoring any local ``.streamlit/secrets.toml``.
    """
    monkeypatch.setenv("INVENTORY_DB", str(db))
    if password is None:
        monkeypatch.delenv("INVENTORY_FACILITATOR_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("INVENTORY_FACILITATOR_PASSWORD", password)
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["facilitator_password"] = ""  # a developer's local secrets file must not leak into tests
    at.run()
    at.switch_page(page)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def texts(elements) -> list[str]:
    """The values of a list of elements, Markdown escapes removed (as the reader sees them)."""
    return [str(e.value).replace("\\", "") for e in elements]


def table(at: AppTest, first_column: str):
    """The first dataframe whose first column is headed ``first_column`` (the copies of the charts' numbers folded
    under them aside)."""
    from tests.app.pagetools import _in_chart_tables

    folded = {id(d.proto) for d in _in_chart_tables(at)}
    for frame in [d for d in at.dataframe if id(d.proto) not in folded]:
        value = frame.value
        if hasattr(value, "columns") and len(value.columns) and value.columns[0] == first_column:
            return value
    raise AssertionError(f"no table starting with column {first_column!r}")
