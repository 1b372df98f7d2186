"""The short form where a facilitator notes a commitment during a session, its undo, and the follow-up.

The form hands the commitment as typed to ``inventory.intake.noting.note_commitment`` (the same models and
cross-references as an uploaded « engagements » sheet); a clean one becomes a new active snapshot, a bad one is
explained field by field and nothing is written. The form empties after a save, and the same commitment sent
again by the same form (a double click) records nothing and says so. Undo withdraws the commitment just noted
(a new snapshot, « annulation » in the journal); below the form, any commitment noted in the current séance can be
withdrawn and any commitment's status, due date and amount changed. Readers and workshop mode get no form; every
write re-checks the facilitator's rights right before writing."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Mapping

import pandas as pd
import streamlit as st

from inventory import limits, seances
from inventory import texts as T
from inventory.analysis import followup
from inventory.models import STATUTS, ImportResult, Snapshot
from inventory.intake.noting import STATUS_STEP, note_commitment, retire_commitment, update_commitment
from ui.display import plain
from ui.access import facilitator_name, is_facilitator, workshop_mode
from ui.data import StoreBusy, current_store, q, snapshots
from ui.display import counted, date_text, number

log = logging.getLogger("inventory.noting_form")
_NOTED = "_noted_commitment"  # {"new", "commitment", "label"} right after a save
_FLASH = "_noted_flash"
_EMPTY = "_noted_empty_form"
# what the form shows empty: a widget's value is set before it is drawn (popping its key leaves the browser's value)
EMPTY_FORM = {"note_investisseurs": [], "note_thematiques": [], "note_territoires": [], "note_montant": "",
              "note_echeance": None, "note_description": ""}
_SENT = "_noted_fields"  # (what the form sent, the snapshot it made): the last commitment this session saved


def _signed() -> str:
    """How this session's writes are signed in the snapshot list and the audit log (as on the import page)."""
    name = facilitator_name()
    return T.IMP_CREATED_BY_NAME.format(name=name) if name else T.IMP_CREATED_BY


def _after_write(message: str, show: int) -> None:
    """Rerun so the sidebar and the board show the snapshot now active (the URL points at it)."""
    st.session_state[_FLASH] = message
    st.query_params["inventaire"] = str(show)
    st.rerun()


def _write(change, done: str, **words) -> bool:
    """Run one of noting's writes for a facilitator; say what went wrong, or rerun on the new active snapshot."""
    if not is_facilitator():
        st.error(T.IMP_NOT_ALLOWED)
        return False
    try:
        result: ImportResult = change(current_store(), created_by=_signed())
    except StoreBusy:
        st.warning(T.DB_BUSY)
        return False
    except Exception:  # each write is one transaction: nothing was written
        log.exception("a séance change failed")
        st.error(T.UNEXPECTED)
        return False
    if not result.ok:
        st.error(T.SESSION_REJECTED)
        st.markdown("\n".join("- " + plain(i.message) for i in result.errors))
        return False
    st.session_state.pop(_NOTED, None)
    new = current_store().snapshot(result.snapshot_id)
    _after_write(done.format(snapshot=result.snapshot_id, label=plain(new.title if new else ""), **words),
                 result.snapshot_id)
    return True


def _saved_and_undo() -> None:
    """The message of the last write, and « Annuler » while the commitment just noted is still the active one."""
    if _FLASH in st.session_state:
        st.success(st.session_state.pop(_FLASH))
    noted = st.session_state.get(_NOTED)
    if not noted:
        return
    try:
        still_active = current_store().active_snapshot_id() == noted["new"]
    except StoreBusy:
        still_active = False
    if not still_active:  # someone wrote meanwhile: the follow-up below still withdraws it
        st.session_state.pop(_NOTED, None)
        return
    if st.button(T.NOTE_UNDO, help=T.SESSION_RETIRE_HELP, key="note_undo", icon=":material/undo:"):
        cid = noted["commitment"]
        _write(lambda store, **kw: retire_commitment(store, cid, **kw), T.SESSION_RETIRED, id=cid)


def commitment_form(snap: Snapshot, investors: Mapping[str, str], themes: Mapping[str, str],
                    places: Mapping[str, str]) -> None:
    """Draw the form for a facilitator (nothing in workshop mode, a hint for readers) and handle its submission."""
    if workshop_mode():
        return
    st.subheader(T.NOTE_HEADER)
    if not is_facilitator():
        st.caption(T.NOTE_LOGIN_HINT)
        st.page_link("pages/importer.py", label=T.NOTE_LOGIN_LINK, icon=":material/login:")
        return
    st.caption(T.NOTE_INTRO)
    _saved_and_undo()
    if not snap.active:
        st.info(T.NOTE_ACTIVE_ONLY)
        return
    if st.session_state.pop(_EMPTY, False):
        st.session_state.update(EMPTY_FORM)
    with st.form("note_commitment"):
        chosen_investors = st.multiselect(T.NOTE_INVESTORS, list(investors), format_func=lambda k: investors[k],
                                          key="note_investisseurs")
        chosen_themes = st.multiselect(T.NOTE_THEMES, list(themes), format_func=lambda k: themes[k],
                                       key="note_thematiques")
        chosen_places = st.multiselect(T.NOTE_TERRITORIES, list(places), format_func=lambda k: places[k],
                                       key="note_territoires")
        status, amount, due = st.columns(3)
        statut = status.selectbox(T.NOTE_STATUS, list(STATUTS), index=list(STATUTS).index("engage"),
                                  format_func=STATUTS.get, key="note_statut")
        montant = amount.text_input(T.NOTE_AMOUNT, placeholder=T.NOTE_AMOUNT_PLACEHOLDER, max_chars=40,
                                    key="note_montant")
        echeance = due.date_input(T.NOTE_DUE, value=None, format="DD/MM/YYYY", key="note_echeance")
        session = st.text_input(T.NOTE_SESSION, value=T.NOTE_SESSION_DEFAULT.format(date=date_text(dt.date.today())),
                                max_chars=limits.MAX_LABEL_CHARS, key="note_session")
        description = st.text_input(T.NOTE_DESCRIPTION, max_chars=500, key="note_description")
        submitted = st.form_submit_button(T.NOTE_SUBMIT, type="primary")
    if not submitted:
        return
    if not is_facilitator():
        st.error(T.IMP_NOT_ALLOWED)
        return
    fields = {"investisseurs": chosen_investors, "thematiques": chosen_themes, "territoires": chosen_places,
              "statut": statut, "montant_eur": montant.strip() or None, "echeance": echeance,
              "session": session.strip() or None, "description": description.strip() or None}
    sent = repr(sorted(fields.items(), key=lambda kv: kv[0]))
    last = st.session_state.get(_SENT)
    if last is not None and last[0] == sent:  # the same form sent twice (a double click): once is enough
        st.info(T.SESSION_ALREADY_SAVED.format(id=last[1]))
        return
    store = current_store()
    try:
        result = note_commitment(store, fields, created_by=_signed())
    except StoreBusy:
        st.warning(T.DB_BUSY)
        return
    except Exception:  # the write is one transaction: nothing was written
        log.exception("noting a commitment failed")
        st.error(T.UNEXPECTED)
        return
    if not result.ok:
        st.error(counted(T.NOTE_REJECTED, n=len(result.errors)))
        st.markdown("\n".join(
            "- " + T.NOTE_ISSUE.format(field=T.NOTE_FIELDS.get(i.column or "", i.column or ""),
                                       message=plain(i.message))
            for i in result.errors))
        return
    st.session_state[_SENT] = (sent, result.snapshot_id)
    new = store.snapshot(result.snapshot_id)
    label = new.title if new else ""
    noted = q(followup.commitments, result.snapshot_id).sort_values("ordre")["id"].iloc[-1]
    st.session_state[_NOTED] = {"new": result.snapshot_id, "commitment": noted, "label": label}
    st.session_state[_EMPTY] = True  # an empty form for the next commitment, on the next run
    _after_write(T.NOTE_SAVED.format(id=result.snapshot_id, label=plain(label)), result.snapshot_id)


def follow_up(snap: Snapshot) -> None:
    """Withdraw a commitment noted in the current séance, or change any commitment's status, due date, amount."""
    if workshop_mode() or not is_facilitator() or not snap.active:
        return
    st.subheader(T.SESSION_FOLLOW_HEADER)
    st.caption(T.SESSION_FOLLOW_INTRO)
    rows = q(followup.commitments, snap.id)
    rows = rows[rows["id"].notna()].sort_values("ordre")
    if rows.empty:
        st.info(T.SESSION_NO_COMMITMENT)
        return
    snaps = snapshots()
    entry = seances.entry_of(snaps, snap.id)
    start = seances.baseline(snaps, snap.id) if entry is not None and entry.seance else None
    earlier = set(q(followup.commitments, start.id)["id"].dropna()) if start is not None else set()
    retirable = set(rows["id"]) - earlier if entry is not None and entry.seance else set()
    # each option's words from plain lists (itertuples over 10,000 commitments took a quarter of a second a run)
    options = dict(zip(rows["id"].tolist(), (
        T.SESSION_COMMITMENT_OPTION.format(id=k, investors=names, status=STATUTS.get(statut))
        for k, names, statut in zip(rows["id"].tolist(), rows["noms_investisseurs"].tolist(), rows["statut"].tolist()))))
    cid = st.selectbox(T.SESSION_PICK, list(reversed(list(options))), key="follow_id", format_func=options.get)
    chosen = next(rows[rows["id"] == cid].itertuples())
    if st.button(T.SESSION_RETIRE, key="follow_retire", help=T.SESSION_RETIRE_HELP, disabled=cid not in retirable,
                 icon=":material/remove_circle:"):
        _write(lambda store, **kw: retire_commitment(store, cid, **kw), T.SESSION_RETIRED, id=cid)
    steps = [k for k in STATUTS if STATUS_STEP[k] >= STATUS_STEP[chosen.statut]]
    with st.form(f"follow_{cid}"):
        status, due, amount = st.columns(3)
        statut = status.selectbox(T.SESSION_NEW_STATUS, steps, index=steps.index(chosen.statut),
                                  format_func=STATUTS.get, key=f"follow_statut_{cid}")
        echeance = due.date_input(T.SESSION_NEW_DUE, value=None if pd.isna(chosen.echeance)
                                  else pd.Timestamp(chosen.echeance).date(), format="DD/MM/YYYY",
                                  key=f"follow_echeance_{cid}")
        montant = amount.text_input(T.SESSION_NEW_AMOUNT, max_chars=40, key=f"follow_montant_{cid}",
                                    value="" if pd.isna(chosen.montant_eur) else number(chosen.montant_eur))
        sent = st.form_submit_button(T.SESSION_UPDATE, type="primary")
    if sent:
        changes = {"statut": statut, "echeance": echeance, "montant_eur": montant.strip() or None}
        seance = (entry.seance if entry is not None else None) or T.NOTE_SESSION_DEFAULT.format(
            date=date_text(dt.date.today()))
        _write(lambda store, **kw: update_commitment(store, cid, changes, seance=seance, **kw), T.SESSION_UPDATED,
               id=cid)
