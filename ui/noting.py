"""The short form where a facilitator notes a commitment during a session, and its undo.

The form hands the commitment as typed to ``inventory.intake.noting.note_commitment`` (the same models and
cross-references as an uploaded « engagements » sheet); a clean one becomes a new active snapshot, a bad one is
explained field by field and nothing is written. Undo activates the snapshot that was active before. Readers and
workshop mode get no form; every write re-checks the facilitator's rights right before writing."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Mapping

import streamlit as st

from inventory import texts as T
from inventory.models import STATUTS, Snapshot
from inventory.intake.noting import note_commitment
from ui.display import plain
from ui.access import facilitator_name, is_facilitator, workshop_mode
from ui.data import StoreBusy, current_store
from ui.display import fr_date

log = logging.getLogger("inventory.noting_form")
_NOTED = "_noted_commitment"  # {"new", "previous", "label", "previous_label"} right after a save
_FLASH = "_noted_flash"


def _signed() -> str:
    """How this session's writes are signed in the snapshot list and the audit log (as on the import page)."""
    name = facilitator_name()
    return T.IMP_CREATED_BY_NAME.format(name=name) if name else T.IMP_CREATED_BY


def _after_write(message: str, show: int) -> None:
    """Rerun so the sidebar and the board show the snapshot now active (the URL points at it)."""
    st.session_state[_FLASH] = message
    st.query_params["inventaire"] = str(show)
    st.rerun()


def _undo(noted: dict) -> None:
    if not is_facilitator():
        st.error(T.IMP_NOT_ALLOWED)
        return
    try:
        current_store().activate(noted["previous"], by=_signed())
    except StoreBusy:
        st.warning(T.DB_BUSY)
        return
    except Exception:
        log.exception("undo of a noted commitment failed")
        st.error(T.UNEXPECTED)
        return
    st.session_state.pop(_NOTED, None)
    _after_write(T.NOTE_UNDONE.format(id=noted["previous"], label=plain(noted["previous_label"])), noted["previous"])


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
    if not still_active:  # someone imported or activated meanwhile: undoing would undo their work
        st.session_state.pop(_NOTED, None)
        return
    if st.button(T.NOTE_UNDO, help=T.NOTE_UNDO_HELP, key="note_undo", icon=":material/undo:"):
        _undo(noted)


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
        session = st.text_input(T.NOTE_SESSION, value=T.NOTE_SESSION_DEFAULT.format(date=fr_date(dt.date.today())),
                                max_chars=200, key="note_session")
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
        st.error(T.NOTE_REJECTED.format(n=len(result.errors)))
        st.markdown("\n".join(
            "- " + T.NOTE_ISSUE.format(field=T.NOTE_FIELDS.get(i.column or "", i.column or ""),
                                       message=plain(i.message))
            for i in result.errors))
        return
    new = store.snapshot(result.snapshot_id)
    label = new.label if new else ""
    st.session_state[_NOTED] = {"new": result.snapshot_id, "previous": snap.id, "label": label,
                                "previous_label": snap.label}
    for key in ("note_investisseurs", "note_thematiques", "note_territoires", "note_montant", "note_echeance",
                "note_description"):
        st.session_state.pop(key, None)  # an empty form for the next commitment
    _after_write(T.NOTE_SAVED.format(id=result.snapshot_id, label=plain(label)), result.snapshot_id)
