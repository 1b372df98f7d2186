"""Noting one commitment during a dialogue session: validated like an upload, saved as a new snapshot.

The form hands the commitment as typed (column → value); it becomes a one-row ``engagements`` sheet that goes
through the importer's own check (the models, then the cross-references against the active snapshot's
investors, programmes and themes), so a form and a spreadsheet accept and refuse the same things. The new
snapshot holds the active snapshot's commitments plus this one and shares every other part with it (no need,
programme or result row is copied), at the same date, labelled with the session and the time. Undo is
activating the previous snapshot.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa

from inventory import texts as T
from inventory.intake.importer import check
from inventory.models import ImportResult, Issue
from inventory.intake.reading import Upload
from inventory.intake.reading.sheet import to_raw_sheet
from inventory.store import Store

FORM_FILE = "formulaire"


def note_commitment(store: Store, fields: dict[str, Any], *, at: dt.datetime | None = None,
                    created_by: str | None = None) -> ImportResult:
    """Validate ``fields`` (contract column → value as typed; a list may be a Python list) and, when clean,
    write the active snapshot plus this commitment as a new active snapshot. Nothing is written otherwise."""
    at = at or dt.datetime.now()
    active = store.snapshot(store.active_snapshot_id())
    if active is None:
        issue = Issue(sheet="engagements", message=T.ERR_NO_ACTIVE_FOR.format(sheet="engagements"), kind="fichier")
        return ImportResult(ok=False, errors=[issue])
    headers = list(fields)
    row = [";".join(map(str, v)) if isinstance(v, (list, tuple)) else v for v in fields.values()]
    issues: list[Issue] = []
    raw = to_raw_sheet("engagements", "engagements", FORM_FILE, [headers, row], issues)
    upload = Upload(files=[FORM_FILE], issues=issues, sheets={"engagements": raw} if raw is not None else {})
    checked = check(upload, store)
    new_id = fields.get("id")
    if checked.ok and new_id not in (None, ""):
        if store.has_id(active.id, "engagements", str(new_id).strip()):
            checked.issues.append(Issue(sheet="engagements", row=2, column="id", value=str(new_id), kind="doublon",
                                        message=T.COMMITMENT_DUPLICATE_ID.format(value=str(new_id).strip())))
    if not checked.ok:
        return ImportResult(ok=False, errors=checked.issues, warnings=[])
    new = checked.tables["engagements"]
    table = pa.concat_tables([store.sheet_table(active.id, "engagements").cast(new.schema), new])
    label = T.COMMITMENT_NOTED_LABEL.format(session=str(fields.get("session") or _session_of(active.label)).strip(),
                                           time=f"{at:%H:%M}")
    sid, carried = store.write_snapshot({"engagements": table}, label=label, as_of=active.as_of, files=FORM_FILE,
                                        created_by=created_by, action="engagement")
    snap = store.snapshot(sid)
    return ImportResult(ok=True, snapshot_id=sid, counts=snap.counts if snap else {},
                        carried_over=[c for c in carried if c != "thematiques"])


def _session_of(label: str) -> str:
    """The session a snapshot's label names: the label itself, without an earlier « engagement noté à … »."""
    suffix = T.COMMITMENT_NOTED_LABEL.split("{session}")[1].split("{time}")[0]
    return label.split(suffix)[0]
