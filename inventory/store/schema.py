"""The file's layout: the stored tables (rows kept once, in parts), the views every reader uses, the rules the
queries share (``active_at``, ``territory_reach``, the reach of an active programme), and the per-snapshot
aggregates computed inside the import transaction."""
from __future__ import annotations

import hashlib
import typing

from inventory.models import OPEN_STATUTS, SHEETS, storage

# Column order of each stored sheet, read off the models (the contract's one home); the importer hands frames with
# exactly these columns.
SHEET_COLUMNS: dict[str, list[str]] = {sheet: list(model.model_fields) for sheet, model in SHEETS.items()}


def _sheet_table(sheet: str, extra: str = "") -> str:
    """CREATE TABLE of a sheet's stored rows: ``part`` then the model's fields (a required scalar is NOT NULL)."""
    fields = SHEETS[sheet].model_fields
    cols = [f"{name} {storage(info.annotation)[0]}"
            + (" NOT NULL" if info.is_required() and typing.get_origin(info.annotation) is not list else "")
            for name, info in fields.items()]
    return f"CREATE TABLE IF NOT EXISTS {sheet}_rows (part INTEGER NOT NULL, {', '.join(cols)}{extra});\n"


# Rows are stored once, in parts: the rows a snapshot wrote carry its id as ``part``. A snapshot that carries a
# sheet over points at the previous snapshot's part instead of copying its rows (a needs-only refresh next to
# 10 000 programmes writes no programme row and none of their ~500 000 reach rows). The views of the same
# names as the sheets give every reader one row set per snapshot, ``snapshot_id`` first, as if copied.
#   kind            stored tables                       the snapshots column naming the part
PARTS: dict[str, tuple[str, ...]] = {
    "investisseurs": ("investisseurs",),
    "programmes": ("programmes", "reach"),  # reach depends on the programmes only
    "besoins": ("besoins", "need_agg"),  # need_agg on the needs only
    "thematiques": ("thematiques",),
    "couverture": ("investor_reach", "coverage"),  # on the programmes and the snapshot's date
}

# --- follow-through: commitments (engagements) and results (realisations) ----------------------------------
# Two optional sheets, each its own kind of part: noting one commitment during a session writes the engagements
# part only (a few thousand rows and their reach) and shares every other part with the active snapshot.
PARTS |= {
    # the cells each commitment reaches (by its row, ``ordre``), and the open ones counted per cell
    "engagements": ("engagements", "engagement_reach", "engagement_cells"),
    "realisations": ("realisations", "result_agg"),  # beneficiaries and disbursements per cell, like need_agg
}
FOLLOWUP_OPTIONAL = ("engagements", "realisations")  # reported as carried over only when they hold rows
ORDERED_SHEETS = ("thematiques", "engagements")  # rows keep their position in ``ordre`` (commitments may lack an id)
FOLLOWUP_TABLES = _sheet_table("engagements", ", ordre INTEGER") + _sheet_table("realisations") + """
CREATE TABLE IF NOT EXISTS engagement_reach_rows (part INTEGER NOT NULL, ordre INTEGER, territoire VARCHAR, thematique VARCHAR);
CREATE TABLE IF NOT EXISTS engagement_cells_rows (part INTEGER NOT NULL, territoire VARCHAR, thematique VARCHAR, ouverts BIGINT);
CREATE TABLE IF NOT EXISTS result_agg_rows (
    part INTEGER NOT NULL, territoire VARCHAR, region_key VARCHAR, thematique VARCHAR, beneficiaires BIGINT,
    montant_verse_eur DOUBLE, resultats BIGINT
);
"""
# Columns a file written before the follow-through lacks; added when it is opened.
FOLLOWUP_SNAPSHOT_COLUMNS = ("engagements_part INTEGER", "realisations_part INTEGER", "n_engagements BIGINT",
                             "n_realisations BIGINT")

# What a snapshot is and which séance it belongs to (import, note, undo, status: inventory.models.SNAPSHOT_KINDS);
# added to the snapshots table of every file, new or old, when it is opened (migrations.add_session_columns).
SESSION_SNAPSHOT_COLUMNS = ("kind VARCHAR DEFAULT 'import'", "seance VARCHAR")
# --- organisations: the operators that deliver programmes (an optional sheet, its own kind of part) ----------
PARTS |= {"operateurs": ("operateurs",)}
FOLLOWUP_OPTIONAL += ("operateurs",)
ORGANISATION_TABLES = _sheet_table("operateurs")
# A file written before the operators lacks their part; its snapshots have none (the view gives no row).
FOLLOWUP_SNAPSHOT_COLUMNS += ("operateurs_part INTEGER",)

PART_OF = {table: kind for kind, tables in PARTS.items() for table in tables}
SNAPSHOT_TABLES = tuple(PART_OF)  # the views, one row set per snapshot
STORED_TABLES = tuple(f"{t}_rows" for t in PART_OF)  # where the rows live, once per part
SCHEMA_VERSION = "4"

SCHEMA = """
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY, label VARCHAR NOT NULL, as_of DATE NOT NULL, created_at TIMESTAMP NOT NULL,
    created_by VARCHAR, files VARCHAR, sha256 VARCHAR, demo BOOLEAN DEFAULT FALSE,
    n_besoins BIGINT, n_programmes BIGINT, n_investisseurs BIGINT, n_thematiques BIGINT,
    n_engagements BIGINT, n_realisations BIGINT,
    """ + ", ".join(f"{kind}_part INTEGER" for kind in PARTS) + """
);
CREATE TABLE IF NOT EXISTS settings (key VARCHAR PRIMARY KEY, value VARCHAR);
-- Who did what when to the snapshots (import, activate, rename, delete), written in the action's own transaction.
CREATE TABLE IF NOT EXISTS audit_log (
    happened_at TIMESTAMP NOT NULL, who VARCHAR NOT NULL, action VARCHAR NOT NULL, snapshot_id INTEGER, detail VARCHAR
);
CREATE TABLE IF NOT EXISTS territoires (
    key VARCHAR PRIMARY KEY, level VARCHAR, code VARCHAR, nom VARCHAR, region_key VARCHAR, ordre INTEGER
);
""" + "".join(_sheet_table(sheet) for sheet in ("investisseurs", "programmes", "besoins")) + _sheet_table(
    "thematiques", ", ordre INTEGER") + """
CREATE TABLE IF NOT EXISTS need_agg_rows (
    part INTEGER NOT NULL, territoire VARCHAR, region_key VARCHAR, thematique VARCHAR, source VARCHAR,
    public VARCHAR, secteur VARCHAR, acteurs BIGINT, score BIGINT, signaux BIGINT
);
-- every (programme, cell) a programme's territories × themes reach, whether active or not; ``reaches_need``: the
-- need rows placed in that very territory are reached (see territory_reach)
CREATE TABLE IF NOT EXISTS reach_rows (
    part INTEGER NOT NULL, programme_id VARCHAR, territoire VARCHAR, thematique VARCHAR, reaches_need BOOLEAN
);
CREATE TABLE IF NOT EXISTS coverage_rows (
    part INTEGER NOT NULL, territoire VARCHAR, thematique VARCHAR, programmes BIGINT, investisseurs BIGINT,
    atteint BOOLEAN
);
-- The rules every query shares, written once (texts.FORMULAS says them in words).
-- "Active" at date d: a missing start or end is open.
CREATE OR REPLACE MACRO active_at(debut, fin, d) AS (debut IS NULL OR debut <= d) AND (fin IS NULL OR fin >= d);
-- An open commitment (still to honour: it reaches cells and can be late), from models.OPEN_STATUTS.
CREATE OR REPLACE MACRO is_open(statut) AS statut IN (""" + ", ".join(f"'{s}'" for s in OPEN_STATUTS) + """);
-- Which territories a programme listing ``src`` reaches: FR reaches everything; a region reaches itself and its
-- départements; a département reaches itself and counts for its region. ``reaches_need``: whether a need row
-- placed in ``territoire`` is reached (a département programme does not reach its region's own needs).
CREATE OR REPLACE VIEW territory_reach AS
SELECT src.key AS src, c.key AS territoire,
       NOT (src.level = 'departement' AND c.key = src.region_key) AS reaches_need
FROM territoires src JOIN territoires c ON (
    src.key = 'FR'
    OR c.key = src.key
    OR (src.level = 'region' AND c.region_key = src.key AND c.level = 'departement')
    OR (src.level = 'departement' AND c.key = src.region_key)
);
CREATE TABLE IF NOT EXISTS investor_reach_rows (
    part INTEGER NOT NULL, investisseur VARCHAR, territoire VARCHAR, thematique VARCHAR, programmes BIGINT
);
""" + FOLLOWUP_TABLES + ORGANISATION_TABLES + "".join(
    f"CREATE VIEW IF NOT EXISTS {table} AS SELECT s.id AS snapshot_id, r.* EXCLUDE (part) "
    f"FROM snapshots s JOIN {table}_rows r ON r.part = s.{kind}_part;\n"
    for table, kind in PART_OF.items()
) + """
-- Every programme of a snapshot, with whether it is active at that snapshot's date (the catalogue lists both).
CREATE OR REPLACE VIEW programme_activity AS
SELECT p.*, active_at(p.date_debut, p.date_fin, s.as_of) AS actif
FROM programmes p JOIN snapshots s ON s.id = p.snapshot_id;
-- The programmes active at their snapshot's date: every figure presented as the current state reads these.
CREATE OR REPLACE VIEW active_programmes AS SELECT * EXCLUDE (actif) FROM programme_activity WHERE actif;
-- (snapshot, programme, territory, theme) an ACTIVE programme reaches: the cross product of its territories and
-- its themes through territory_reach, computed once per programmes part (``reach``). Coverage, pathways, allies,
-- footprints and the report read it; ``reaches_need``: it reaches the need rows placed in that territory.
CREATE OR REPLACE VIEW programme_reach AS
SELECT r.snapshot_id, r.programme_id, r.territoire, r.thematique, r.reaches_need
FROM reach r JOIN active_programmes a ON a.snapshot_id = r.snapshot_id AND a.id = r.programme_id;
"""
# Which layout a file was written with: stored in its settings, compared on open (see _schema_is_current).
SCHEMA_FINGERPRINT = hashlib.sha256("\n".join((SCHEMA_VERSION, SCHEMA, *FOLLOWUP_SNAPSHOT_COLUMNS,
                                                        *SESSION_SNAPSHOT_COLUMNS)).encode())\
    .hexdigest()[:16]
STAMP = {"schema_version": SCHEMA_VERSION, "schema_fingerprint": SCHEMA_FINGERPRINT}  # in settings, once laid out

# Aggregates of one snapshot (parameter $sid), computed inside the import transaction from the views, into the
# snapshot's own part. reach: which cells a programme's territories reach. FR reaches everything; a region
# reaches itself and its départements; a département reaches itself and counts for its region.
AGGREGATES: dict[str, str] = {
    "need_agg": """
INSERT INTO need_agg_rows
SELECT $sid, b.territoire, t.region_key, b.thematique, b.source, b.public, b.secteur,
       sum(b.nb_acteurs), sum(b.nb_acteurs * b.intensite), count(*)
FROM besoins b JOIN territoires t ON t.key = b.territoire
WHERE b.snapshot_id = $sid
GROUP BY ALL;
""",
    "reach": """
INSERT INTO reach_rows
WITH pt AS (  -- one unnest per SELECT: two in one SELECT would zip the lists instead of crossing them
    SELECT p.id AS programme_id, unnest(p.territoires) AS pter, list_distinct(p.thematiques) AS thematiques
    FROM programmes p WHERE p.snapshot_id = $sid
), cells AS (  -- territory_reach is a few hundred pairs: one equi-join; each (programme, territory) once
    SELECT pt.programme_id, r.territoire, bool_or(r.reaches_need) AS reaches_need, any_value(pt.thematiques) AS thematiques
    FROM pt JOIN territory_reach r ON r.src = pt.pter GROUP BY pt.programme_id, r.territoire
)
SELECT $sid, programme_id, territoire, unnest(thematiques), reaches_need FROM cells;
""",
    "investor_reach": """
-- programmes active at the snapshot's date first; reach rows are distinct (programme, cell) and programme
-- ids unique, so count(*) counts distinct programmes; coverage counts a cell's investors in investor_reach
INSERT INTO investor_reach_rows
SELECT $sid, i.inv, r.territoire, r.thematique, count(*)
FROM programme_reach r
JOIN (SELECT id, unnest(list_distinct(investisseurs)) AS inv FROM active_programmes WHERE snapshot_id = $sid) i
  ON i.id = r.programme_id
WHERE r.snapshot_id = $sid
GROUP BY ALL;
""",
    "coverage": """
INSERT INTO coverage_rows
SELECT $sid, r.territoire, r.thematique, count(*), any_value(n.investisseurs), bool_or(r.reaches_need)
FROM programme_reach r
JOIN (SELECT territoire, thematique, count(*) AS investisseurs FROM investor_reach WHERE snapshot_id = $sid
      GROUP BY ALL) n ON n.territoire = r.territoire AND n.thematique = r.thematique
WHERE r.snapshot_id = $sid
GROUP BY r.territoire, r.thematique;
""",
}

COUNTS = """
UPDATE snapshots SET
    n_besoins = (SELECT count(*) FROM besoins WHERE snapshot_id = $sid),
    n_programmes = (SELECT count(*) FROM programmes WHERE snapshot_id = $sid),
    n_investisseurs = (SELECT count(*) FROM investisseurs WHERE snapshot_id = $sid),
    n_thematiques = (SELECT count(*) FROM thematiques WHERE snapshot_id = $sid)
WHERE id = $sid;
"""


# The follow-through's aggregates. engagement_reach: a commitment reaches cells by the programmes' rule, whatever
# its status (the views filter open ones); result_agg: results summed per cell, rolled up like needs.
AGGREGATES |= {
    "engagement_reach": """
INSERT INTO engagement_reach_rows
WITH et AS (
    SELECT e.ordre, unnest(e.territoires) AS eter, e.thematiques FROM engagements e WHERE e.snapshot_id = $sid
), cells AS (
    SELECT DISTINCT et.ordre, r.territoire, et.thematiques FROM et JOIN territory_reach r ON r.src = et.eter
)
SELECT DISTINCT $sid, ordre, territoire, unnest(thematiques) FROM cells;
""",
    "engagement_cells": """
INSERT INTO engagement_cells_rows
SELECT $sid, r.territoire, r.thematique, count(*)
FROM engagement_reach r JOIN engagements e ON e.snapshot_id = r.snapshot_id AND e.ordre = r.ordre
WHERE r.snapshot_id = $sid AND is_open(e.statut)
GROUP BY ALL;
""",
    "result_agg": """
INSERT INTO result_agg_rows
SELECT $sid, r.territoire, t.region_key, r.thematique, sum(r.beneficiaires), sum(r.montant_verse_eur), count(*)
FROM realisations r JOIN territoires t ON t.key = r.territoire
WHERE r.snapshot_id = $sid
GROUP BY ALL;
""",
}

FOLLOWUP_COUNTS = """
UPDATE snapshots SET
    n_engagements = (SELECT count(*) FROM engagements WHERE snapshot_id = $sid),
    n_realisations = (SELECT count(*) FROM realisations WHERE snapshot_id = $sid)
WHERE id = $sid;
"""


def aggregates_sql(sid: int, written: set[str]) -> str:
    """The SQL that fills the aggregate tables of the parts snapshot ``sid`` writes itself (``written``:
    the kinds of part it owns), then its counts, inside the import transaction."""
    parts = [sql for table, sql in AGGREGATES.items() if PART_OF[table] in written] + [COUNTS, FOLLOWUP_COUNTS]
    return "\n".join(parts).replace("$sid", str(int(sid)))


# Files written before parts (schema 1) kept one copy of every row per snapshot, in tables named as the views.
def migrate_from_1(tables: list[str]) -> str:
    return "".join(
        f"INSERT INTO {table}_rows BY NAME SELECT snapshot_id AS part, * EXCLUDE (snapshot_id) FROM {table}_v1 "
        f"ORDER BY snapshot_id, rowid;\nDROP TABLE {table}_v1;\n"
        for table in tables
    ) + "UPDATE snapshots SET " + ", ".join(f"{kind}_part = id" for kind in PARTS) + ";\n"
