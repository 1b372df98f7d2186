"""Noting and following up commitments during a dialogue session: validated like an upload, saved as snapshots.

The form (and the command line) hands a commitment as typed (column → value); it becomes a one-row
``engagements`` sheet that goes through the importer's own check (the models, then the cross-references against
the active snapshot's investors, programmes and themes), so a form and a spreadsheet accept and refuse the same
things. The new snapshot holds the active snapshot's commitments plus this one and shares every other part with
it (no need, programme or result row is copied), at the same date, labelled with the séance and the time, and
knows its kind and séance (``inventory.seances`` groups them). A commitment noted without an id gets the next
free « E<n> », so that it can be withdrawn or followed up by its id.

Two facilitators write at the same moment: the active state is read and the new one written under the Store's
write lock, and the write only lands if the active snapshot is still the one read (``expect_active``), else it
is rebuilt on the new state; a change is reported saved only once it is seen in the active inventory.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

import pyarrow as pa

from inventory import limits, parsing, seances, snapshot_labels
from inventory import texts as T
from inventory.intake.importer import check
from inventory.models import STATUTS, Engagement, ImportResult, Issue, Snapshot
from inventory.intake.reading import Upload
from inventory.intake.reading.sheet import to_raw_sheet
from inventory.parsing import is_blank
from inventory.store import ActiveChanged, Store

FORM_FILE = "formulaire"
ATTEMPTS = 20  # rebuilds on a newer active state before giving up (each is one other writer landing first)
# where a status may go: forward only (envisagé → engagé → réalisé / abandonné), or stay
STATUS_STEP = {"envisage": 0, "engage": 1, "realise": 2, "abandonne": 2}
FOLLOWED = ("statut", "echeance", "montant_eur")  # what a follow-up changes


def note_commitment(store: Store, fields: dict[str, Any], *, at: dt.datetime | None = None,
                    created_by: str | None = None) -> ImportResult:
    """Validate ``fields`` (contract column → value as typed; a list may be a Python list) and, when clean,
    write the active snapshot plus this commitment as a new active snapshot. Nothing is written otherwise."""
    at = at or dt.datetime.now()

    def build(active: Snapshot, table: pa.Table) -> tuple[pa.Table, dict] | list[Issue]:
        given = dict(fields)
        seance, refused = _seance_named(given.get("session"), store, active)
        given["session"] = seance
        new_id = str(given.get("id") or "").strip()
        if not new_id:
            given["id"] = new_id = _next_id(table)
        checked = _checked_row(store, given)
        if refused or not checked.ok:
            return refused + checked.issues
        if new_id in _ids(table):
            return [Issue(sheet="engagements", row=2, column="id", value=new_id, kind="doublon",
                          message=T.COMMITMENT_DUPLICATE_ID.format(value=new_id))]
        new = checked.tables["engagements"]
        return pa.concat_tables([table.cast(new.schema), new]), {
            "id": new_id, "seance": seance, "kind": "note", "action": "engagement",
            "label": _label("COMMITMENT_NOTED_LABEL", seance, time=f"{at:%H:%M}"),
            "detail": T.SESSION_AUDIT_NOTE.format(session=seance, id=new_id)}

    return _rewrite(store, build, created_by, lambda sid, done: store.has_id(sid, "engagements", done["id"]))


def retire_commitment(store: Store, commitment_id: str, *, at: dt.datetime | None = None,
                      created_by: str | None = None) -> ImportResult:
    """Withdraw a commitment noted during the current séance (any of them, not only the last): a new snapshot
    without it, of kind ``undo``, logged as « annulation ». One noted earlier is refused (its status changes)."""
    at, commitment_id = at or dt.datetime.now(), str(commitment_id).strip()

    def build(active: Snapshot, table: pa.Table) -> tuple[pa.Table, dict] | list[Issue]:
        ids = _ids(table)
        if commitment_id not in ids:
            return [_issue(T.SESSION_UNKNOWN_COMMITMENT.format(id=commitment_id))]
        snaps = store.snapshots()
        entry = seances.entry_of(snaps, active.id)
        if entry is None or entry.seance is None:
            return [_issue(T.SESSION_NO_SEANCE)]
        start = seances.baseline(snaps, active.id)
        if start is not None and store.has_id(start.id, "engagements", commitment_id):
            return [_issue(T.SESSION_NOT_THIS_SEANCE.format(id=commitment_id))]
        seance = active.seance or ""
        keep = [i for i, v in enumerate(ids) if v != commitment_id]
        return table.take(keep), {
            "id": commitment_id, "seance": seance, "kind": "undo", "action": "annulation",
            "label": _label("SESSION_RETIRED_LABEL", seance, id=commitment_id, time=f"{at:%H:%M}"),
            "detail": T.SESSION_AUDIT_RETIRED.format(session=seance, id=commitment_id)}

    return _rewrite(store, build, created_by,
                    lambda sid, done: not store.has_id(sid, "engagements", done["id"]))


def update_commitment(store: Store, commitment_id: str, changes: dict[str, Any], *, seance: str | None = None,
                      at: dt.datetime | None = None, created_by: str | None = None) -> ImportResult:
    """Change a commitment's status (forward only), due date and amount (``changes``: statut, echeance,
    montant_eur, as typed; None clears a date or an amount): checked as the same row in a sheet would be, written
    as a new snapshot of kind ``status`` in ``seance`` (default: the active séance, else the active label's),
    logged as « statut modifié » with what changed."""
    at, commitment_id = at or dt.datetime.now(), str(commitment_id).strip()

    def build(active: Snapshot, table: pa.Table) -> tuple[pa.Table, dict] | list[Issue]:
        ids = _ids(table)
        if commitment_id not in ids:
            return [_issue(T.SESSION_UNKNOWN_COMMITMENT.format(id=commitment_id))]
        at_row = ids.index(commitment_id)
        before = table.slice(at_row, 1).to_pylist()[0]
        given = {**before, **{k: v for k, v in changes.items() if k in FOLLOWED}}
        checked = _checked_row(store, given)
        if not checked.ok:
            return checked.issues
        new = checked.tables["engagements"]
        after = new.to_pylist()[0]
        if STATUS_STEP[after["statut"]] < STATUS_STEP[before["statut"]] or (
                STATUS_STEP[before["statut"]] == 2 and after["statut"] != before["statut"]):
            return [Issue(sheet="engagements", row=2, column="statut", value=str(changes.get("statut")),
                          kind="valeur", message=T.SESSION_STATUS_BACKWARDS.format(
                              before=STATUTS.get(before["statut"]), after=STATUTS.get(after["statut"])))]
        moved = [T.SESSION_CHANGE.format(field=T.SESSION_FIELDS[k], before=_shown(k, before[k]),
                                         after=_shown(k, after[k]))
                 for k in FOLLOWED if before[k] != after[k]]
        if not moved:
            return [_issue(T.SESSION_NOTHING_CHANGED.format(id=commitment_id))]
        where, refused = _seance_named(seance, store, active)
        if refused:
            return refused
        rows = pa.concat_tables([table.slice(0, at_row).cast(new.schema), new,
                                 table.slice(at_row + 1).cast(new.schema)])
        return rows, {
            "id": commitment_id, "seance": where, "kind": "status", "action": "statut",
            "label": _label("SESSION_STATUS_LABEL", where, id=commitment_id, time=f"{at:%H:%M}"),
            "detail": T.SESSION_AUDIT_STATUS.format(session=where, id=commitment_id, changes=", ".join(moved)),
            "after": after}

    def landed(sid: int, done: dict) -> bool:
        rows = [r for r in store.sheet_table(sid, "engagements").to_pylist() if r["id"] == done["id"]]
        return len(rows) == 1 and all(rows[0][k] == done["after"][k] for k in FOLLOWED)

    return _rewrite(store, build, created_by, landed)


# --- one write on the state it was built from ---------------------------------------------------------------
Build = Callable[[Snapshot, pa.Table], "tuple[pa.Table, dict] | list[Issue]"]


def _rewrite(store: Store, build: Build, created_by: str | None,
             landed: Callable[[int, dict], bool]) -> ImportResult:
    """Read the active state, build the new commitments on it, write them unless someone else wrote first (then
    build again on theirs), and report success only when the change is in the active inventory."""
    with store.writing():
        for _ in range(ATTEMPTS):
            active = store.snapshot(store.active_snapshot_id())
            if active is None:
                return ImportResult(ok=False, errors=[Issue(sheet="engagements", kind="fichier",
                                                            message=T.ERR_NO_ACTIVE_FOR.format(sheet="engagements"))])
            built = build(active, store.sheet_table(active.id, "engagements"))
            if isinstance(built, list):
                return ImportResult(ok=False, errors=built, warnings=[])
            table, done = built
            try:
                sid, carried = store.write_snapshot(
                    {"engagements": table}, label=done["label"], as_of=active.as_of, files=FORM_FILE,
                    created_by=created_by, action=done["action"], kind=done["kind"], seance=done["seance"],
                    detail=done["detail"], expect_active=active.id)
            except ActiveChanged:
                continue
            now = store.active_snapshot_id()
            if now is None or not landed(now, done):
                break
            snap = store.snapshot(sid)
            return ImportResult(ok=True, snapshot_id=sid, counts=snap.counts if snap else {},
                                carried_over=[c for c in carried if c != "thematiques"])
    return ImportResult(ok=False, errors=[_issue(T.SESSION_NOT_SAVED)])


def _seance_named(typed: Any, store: Store, active: Snapshot) -> tuple[str | None, list[Issue]]:
    """The séance a change belongs to: as typed (the form's « Séance », ``--seance``), checked by the rule of every
    one-line entry (``parsing.entry``: the cell rule, one line, at most a label's length) since it names snapshots;
    when left blank, the active one. A name that breaks the rule comes back as the issue naming the field."""
    if is_blank(typed):
        return snapshot_labels.stored(_seance_of(store, active)), []
    try:
        return snapshot_labels.stored(parsing.entry(typed, limit=limits.MAX_LABEL_CHARS)), []
    except ValueError as exc:
        return None, [Issue(sheet="engagements", row=2, column="session", value=parsing.visible(typed),
                            kind="valeur", message=T.ERR_IN_COLUMN.format(
                                column=Engagement.column_label("session"), message=exc))]


def _label(key: str, seance: str, **words: str) -> str:
    """The generated label ``key`` (stored in French, ``snapshot_labels.written``) naming its séance, the séance's
    name shortened (« … ») to fit a label's length."""
    label = snapshot_labels.written(key, session=seance, **words)
    over = len(label) - limits.MAX_LABEL_CHARS
    if over > 0:
        label = snapshot_labels.written(key, session=seance[:max(len(seance) - over - 1, 1)].rstrip() + "…", **words)
    return label


def _checked_row(store: Store, given: dict[str, Any]):
    """One commitment as a one-row « engagements » sheet, through the importer's check."""
    headers = list(given)
    row = [";".join(map(str, v)) if isinstance(v, (list, tuple)) else v for v in given.values()]
    issues: list[Issue] = []
    raw = to_raw_sheet("engagements", "engagements", FORM_FILE, [headers, row], issues)
    upload = Upload(files=[FORM_FILE], issues=issues, sheets={"engagements": raw} if raw is not None else {})
    return check(upload, store)


def _issue(message: str) -> Issue:
    return Issue(sheet="engagements", kind="valeur", message=message)


def _ids(table: pa.Table) -> list[str | None]:
    return table.column("id").to_pylist()


def _next_id(table: pa.Table) -> str:
    """« E<n> », n one more than the largest such id already there, as wide as theirs (E02 → E13, E5 → E6)."""
    taken = [m.group(1) for v in _ids(table) if v and (m := re.fullmatch(r"E(\d+)", v))]
    width = max((len(t) for t in taken), default=1)
    return f"E{max((int(t) for t in taken), default=0) + 1:0{width}d}"


def _shown(column: str, value: Any) -> str:
    if value is None:
        return "–"
    if column == "statut":
        return str(STATUTS.get(value))
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _seance_of(store: Store, active: Snapshot) -> str:
    """The séance a change belongs to when none is named: the active séance, else the active label's session."""
    if active.kind != "import" and active.seance:
        return active.seance
    return snapshot_labels.session_of(active.label)
