"""What an upload would change in one sheet of the active snapshot: rows added, removed and changed, in DuckDB.

Rows are matched on the sheet's key (``Row.key``: an id, a theme's code) and, where it is blank or the sheet has
none, on its natural key (``Row.natural_key``), the k-th row of a natural key matching the k-th one (two identical
needs typed twice stay two). A matched row whose cells differ is changed; the cells that differ are
named. The counts are exact; the rows themselves are returned up to a limit per kind (what a screen can show).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from inventory.models import SHEETS
from inventory.store.database import Store, _with_default_themes, with_later_columns
from inventory.store.schema import ORDERED_SHEETS, PART_OF, SHEET_COLUMNS

CHANGES = ("ajoute", "retire", "modifie")  # in the order the preview counts and lists them


@dataclass
class RowChange:
    """One row added (``after`` only), removed (``before`` only) or changed (both, and the ``columns`` that differ)."""

    change: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    columns: list[str] = field(default_factory=list)


@dataclass
class SheetChanges:
    """A sheet's changes: exact counts per kind, and the first rows of each kind."""

    sheet: str
    counts: dict[str, int]
    rows: list[RowChange]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cut(self) -> bool:
        """Whether some changed rows are not in ``rows`` (more than the limit of a kind)."""
        return len(self.rows) < self.total


def _q(column: str) -> str:
    return f'"{column}"'


def _keyed(sheet: str, rel: str) -> str:
    """SQL of the rows of ``rel`` (a sheet's columns and ``pos``, their file order) with the key naming each across
    snapshots: ``kid``, the row's id, or for a row without one ``knat``, its natural key and its rank among the rows
    sharing it (hashed: a 64-bit hash, whose collisions are left to chance). The rank is only computed for the rows
    that need it: a window over 100,000 rows costs more than the rest of the diff."""
    model = SHEETS[sheet]
    natural = f"hash({', '.join(_q(c) for c in model.natural_key)})" if model.natural_key else None
    nth = "hash(h, row_number() OVER (PARTITION BY h ORDER BY pos))"
    if model.key is not None and model.model_fields[model.key].is_required():
        return f"(SELECT *, CAST({_q(model.key)} AS VARCHAR) AS kid, NULL::UBIGINT AS knat FROM ({rel}))"
    if model.key is None:
        return f"(SELECT * EXCLUDE (h), NULL::VARCHAR AS kid, {nth} AS knat FROM (SELECT *, {natural} AS h FROM ({rel})))"
    key = _q(model.key)
    return (f"(WITH rel AS ({rel}) "
            f"SELECT *, CAST({key} AS VARCHAR) AS kid, NULL::UBIGINT AS knat FROM rel WHERE {key} IS NOT NULL "
            f"UNION ALL SELECT * EXCLUDE (h), NULL::VARCHAR AS kid, {nth} AS knat "
            f"FROM (SELECT *, {natural} AS h FROM rel WHERE {key} IS NULL))")


def _incoming(sheet: str, table: pa.Table | pd.DataFrame) -> pa.Table:
    """The upload's rows as the store would write them, with their position in the file."""
    frame = with_later_columns(sheet, table)
    if sheet == "thematiques":  # the store writes the default themes with the sheet's own
        frame = _with_default_themes(frame.to_pandas() if isinstance(frame, pa.Table) else frame)
    if isinstance(frame, pd.DataFrame):
        frame = pa.Table.from_pandas(frame[SHEET_COLUMNS[sheet]], preserve_index=False)
    frame = frame.select(SHEET_COLUMNS[sheet])
    return frame.append_column("pos", pa.array(np.arange(frame.num_rows, dtype=np.int64)))


def sheet_changes(store: Store, snapshot_id: int | None, sheet: str, table: pa.Table | pd.DataFrame, *,
                  limit: int = 100) -> SheetChanges:
    """The rows of ``table`` (a checked sheet, as the store would write it) added, removed or changed against the
    same sheet of snapshot ``snapshot_id`` (none: every row is added); at most ``limit`` rows of each kind, in
    file order (a removed row in the order of the snapshot's file)."""
    cols = SHEET_COLUMNS[sheet]
    order = "r.ordre" if sheet in ORDERED_SHEETS else "r.rowid"
    stored = (f"SELECT {', '.join(f'r.{_q(c)}' for c in cols)}, {order} AS pos FROM {sheet}_rows r "
              f"JOIN snapshots s ON r.part = s.{PART_OF[sheet]}_part WHERE s.id = ?")
    before = ", ".join(f"o.{_q(c)} AS {_q('o_' + c)}" for c in cols)
    after = ", ".join(f"n.{_q(c)} AS {_q('n_' + c)}" for c in cols)
    differ = " OR ".join(f"o.{_q(c)} IS DISTINCT FROM n.{_q(c)}" for c in cols)
    sql = f"""
    WITH d AS (SELECT CASE WHEN o.pos IS NULL THEN 'ajoute' WHEN n.pos IS NULL THEN 'retire'
                           WHEN {differ} THEN 'modifie' END AS change,
                      coalesce(n.pos, o.pos) AS pos, {before}, {after}
               FROM {_keyed(sheet, stored)} o FULL JOIN {_keyed(sheet, 'SELECT * FROM incoming')} n
               ON o.kid IS NOT DISTINCT FROM n.kid AND o.knat IS NOT DISTINCT FROM n.knat)
    SELECT count(*) OVER (PARTITION BY change) AS n, * EXCLUDE (pos) FROM d WHERE change IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY change ORDER BY pos) <= ?
    ORDER BY list_position({list(CHANGES)}, change), pos
    """
    incoming = _incoming(sheet, table)
    def compared(cur) -> list[tuple]:
        cur.register("incoming", incoming)
        try:
            return cur.execute(sql, [-1 if snapshot_id is None else snapshot_id, limit]).fetchall()
        finally:
            cur.unregister("incoming")

    got = store.reading(compared)
    counts = dict.fromkeys(CHANGES, 0)
    rows = []
    width = len(cols)
    for n, change, *values in got:
        counts[change] = int(n)
        old = dict(zip(cols, values[:width])) if change != "ajoute" else None
        new = dict(zip(cols, values[width:])) if change != "retire" else None
        differing = [c for c in cols if _differs(old[c], new[c])] if change == "modifie" else []
        rows.append(RowChange(change, old, new, differing))
    return SheetChanges(sheet=sheet, counts=counts, rows=rows)


def _differs(a: Any, b: Any) -> bool:
    return (a is None) != (b is None) or (a is not None and a != b)
