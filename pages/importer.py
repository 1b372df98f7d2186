"""Importer (facilitators only): upload, step-by-step validation, error report with the bad cells in context and
an annotated workbook, preview and commit; snapshot management; the template and the current inventory.

Every write re-checks the facilitator's rights on the server right before writing."""
import datetime as dt
import hashlib
import logging

import pandas as pd
import streamlit as st

from inventory.outputs import exports
from inventory.intake import importer, reading, report
from inventory import formats, limits, memory
from inventory import texts as T
from inventory.parsing import entry
from ui.display import VISIBLE_WIDTH, column_width, fitted_widths, plain
import ui
from ui import StoreBusy, counted, enter_through_app, date_text, number, is_facilitator

enter_through_app()  # first: a deep link on a fresh server runs this file alone

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Streamlit's grid wraps a cell's text only in rows taller than 4rem (64 px): three lines of a long reason
WRAPPED_ROW_HEIGHT = 72
# the room of a grid inside an expander at 1280 px: its border and padding take 16 px (measured), a vertical
# scrollbar some more (tests/e2e/test_import.py checks the deciding columns whole there)
IN_EXPANDER = VISIBLE_WIDTH - 40
log = logging.getLogger("inventory.import_page")
store = ui.current_store()


# --- small helpers ---------------------------------------------------------------------------------------
def text_problem(value: str, limit: int = limits.MAX_LABEL_CHARS) -> str | None:
    """Why a typed label or name is refused (the one text rule, ``parsing.entry``), or None."""
    try:
        entry(value, limit=limit)
    except ValueError as exc:
        return str(exc)
    return None


def flash(message: str | None = None) -> None:
    """Remember a message across the rerun that follows a write, or show (once) the remembered one."""
    if message is not None:
        st.session_state["_import_flash"] = message
    elif "_import_flash" in st.session_state:
        st.success(st.session_state.pop("_import_flash"))


def after_write(message: str, show_snapshot: int | str | None, focus: int | None = None) -> None:
    """Rerun so the sidebar lists the new state, pointing the URL at the snapshot to show; the snapshot picker
    is drawn anew (its options changed) on ``focus``."""
    flash(message)
    st.session_state["_writes"] = st.session_state.get("_writes", 0) + 1
    st.session_state["_manage_focus"] = focus
    if show_snapshot is not None:
        st.query_params["inventaire"] = str(show_snapshot)
    elif "inventaire" in st.query_params:
        del st.query_params["inventaire"]
    st.rerun()


def allowed() -> bool:
    """The server-side check every write makes right before writing."""
    if is_facilitator():
        return True
    st.error(T.IMP_NOT_ALLOWED)
    return False


def written(action) -> bool:
    """Run one write; a busy or failing database becomes a sentence (the store's writes are transactional)."""
    try:
        action()
        return True
    except StoreBusy:
        st.warning(T.DB_BUSY)
    except Exception:
        log.exception("snapshot management failed")
        st.error(T.UNEXPECTED)
    return False


def step(label: str, state: str, lines: list[str]) -> None:
    """A finished step, redrawn as it ended (reruns do not validate again)."""
    with st.status(label, state=state):
        for line in lines:
            st.text(line)


# --- access ----------------------------------------------------------------------------------------------
def login_form() -> None:
    st.header(T.IMP_LOGIN_HEADER)
    st.caption(T.IMP_LOGIN_INTRO)
    with st.form("login"):
        name = st.text_input(T.IMP_NAME, max_chars=ui.access.NAME_LIMIT, help=T.IMP_NAME_HELP, key="login_name")
        password = st.text_input(T.IMP_PASSWORD, type="password", key="login_password")
        submitted = st.form_submit_button(T.IMP_LOGIN)
    if submitted:
        if not name.strip():
            st.error(T.IMP_NAME_REQUIRED)
        elif problem := text_problem(name, ui.access.NAME_LIMIT):
            st.error(problem)
        elif wait := ui.access.login_wait():
            st.error(T.LOGIN_LOCKED.format(seconds=wait))
        elif ui.login(password, name):
            st.rerun()
        else:
            st.error(T.IMP_WRONG_PASSWORD)


def who() -> str:
    """How this session's actions are signed in the snapshot list and the audit log."""
    name = ui.facilitator_name()
    return T.IMP_CREATED_BY_NAME.format(name=name) if name else T.IMP_CREATED_BY


# --- 1. upload, read and validate -----------------------------------------------------------------------
def upload_key(files: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def validate(files: list[tuple[str, bytes]], key: str) -> dict | None:
    """Read then check the upload, one status per step; the outcome is kept in the session by file hash."""
    steps = []
    try:
        with st.status(T.IMP_STEP_READ) as read_status:
            upload = importer.read_upload(files)
            lines = [counted(T.IMP_ROWS_READ, sheet=raw.sheet, rows=len(raw.rows))
                     for raw in upload.sheets.values()]
            sheets = (counted(T.IMP_STEP_READ_DONE, sheets=len(upload.sheets), files=len(files)) if upload.sheets
                      else None)
            read_state = "error" if upload.issues else "complete"
            for line in lines:
                st.text(line)
            read_status.update(label=sheets or T.IMP_STEP_READ, state=read_state)
        with st.status(T.IMP_STEP_CHECK) as status:
            checked = importer.check(upload, store)  # converts the catalogues: what they were read as is known now
            label = (T.IMP_STEP_CHECK_OK if checked.ok
                     else counted(T.IMP_STEP_CHECK_KO, n=len(checked.issues)))
            state = "complete" if checked.ok else "error"
            status.update(label=label, state=state)
        found = report.catalogues_recognised(checked)
        read_label = (T.PREVIEW_READ_BOTH.format(sheets=sheets, catalogues=found) if sheets and found
                      else T.PREVIEW_READ_CATALOGUES.format(catalogues=found) if found
                      else sheets or T.IMP_STEP_READ_FAILED)
        read_status.update(label=read_label, state=read_state)
        steps += [(read_label, read_state, lines), (label, state, [])]
        changes = report.row_changes(checked, store) if checked.ok else []
    except StoreBusy:
        st.warning(T.DB_BUSY)
        return None
    except Exception:  # a parser bug must not show a traceback; nothing has been written
        log.exception("validation failed")
        st.error(T.UNEXPECTED)
        return None
    return {"key": key, "checked": checked, "steps": steps, "changes": changes,
            "groups": [(kind, issues, report.issues_frame(issues)) for kind, issues in report.by_kind(checked.issues)],
            "stem": (files[0][0].rsplit(".", 1)[0] if len(files) == 1 else "import")}


def upload_section() -> None:
    if st.session_state.pop("_release_memory", False):
        memory.release()  # the committed upload's objects are gone: give their memory back to the system
    st.header(T.IMP_UPLOAD_HEADER)
    st.html(ui.css.uploader_css(T.language()))  # the uploader's own words in the page's language (static CSS)
    uploaded = st.file_uploader(report.accepted_files(), type=reading.extensions(), accept_multiple_files=True,
                                help=T.IMP_UPLOADER_HELP, max_upload_size=limits.MAX_FILE_BYTES // 2**20,
                                key=f"upload_{st.session_state.get('_upload_round', 0)}")
    if not uploaded:
        return
    files = [(f.name, f.getvalue()) for f in uploaded]
    key = upload_key(files)
    state = st.session_state.get("_import")
    if state is None or state["key"] != key:
        st.session_state.pop("_commit_pending", None)  # a question asked about other files
        state = validate(files, key)
        if state is None:
            return
        st.session_state["_import"] = state
    else:
        for label, status, lines in state["steps"]:
            step(label, status, lines)
    report_section(state)
    formats_section(state)
    if state["checked"].ok:
        commit_section(state["checked"], state["changes"])


# --- 2. the validation report ---------------------------------------------------------------------------
def report_section(state: dict) -> None:
    checked = state["checked"]
    st.header(T.IMP_REPORT_HEADER)
    carried = {T.WARN_CARRIED.format(sheet=s) for s in checked.carried_over}
    for warning in checked.warnings:
        if warning not in carried:
            st.warning(plain(warning))
    if checked.ok:
        st.success(T.IMP_CLEAN)
        return
    st.error(counted(T.IMP_REJECTED, n=len(checked.issues)))
    if checked.upload.sheets:
        sheets = list(checked.upload.sheets.values())
        st.download_button(T.IMP_DOWNLOAD_ANNOTATED,
                           data=T.in_this_language(lambda s=sheets, i=checked.issues, a=set_aside_rows(checked):
                                                   exports.annotated_workbook(s, i, set_aside=a)),
                           file_name=T.IMP_ANNOTATED_NAME.format(stem=state["stem"]), mime=XLSX, type="primary",
                           help=T.IMP_ANNOTATED_HELP, on_click="ignore", key="dl_annotated")
    st.markdown(f"**{T.IMP_KIND_SUMMARY}**")
    st.dataframe(report.kind_counts(checked.issues), hide_index=True, width="content")
    for kind, issues, table in state["groups"]:
        with st.expander(T.IMP_KIND_EXPANDER.format(label=report.kind_label(kind), n=number(len(issues))),
                         expanded=True):
            examples = report.examples(checked, issues)
            if examples:
                st.caption(T.IMP_EXAMPLES)
            for issue, grid in examples:
                st.caption(plain(T.IMP_EXAMPLE_CAPTION.format(sheet=issue.sheet, row=issue.row, column=issue.column,
                                                              message=issue.message)))
                st.dataframe(grid.styled(), width="content")
            st.dataframe(table, hide_index=True, width="stretch")


def set_aside_rows(checked: importer.Checked) -> list[dict]:
    return [row.as_dict() for row in checked.catalogue.set_aside] if checked.catalogue else []


def formats_section(state: dict) -> None:
    """Which format each file was read as; for a catalogue, the correspondences applied and the rows set aside,
    before anything is committed."""
    checked = state["checked"]
    formats, mapping, set_aside = report.catalogue_frames(checked)
    st.markdown(f"**{T.IMP_FORMATS_HEADER}**")
    st.markdown("\n".join(f"- {plain(line)}" for line in formats))
    if not mapping.empty:
        with st.expander(T.IMP_MAPPING_HEADER, expanded=False):
            st.caption(T.IMP_MAPPING_CAPTION)
            st.dataframe(mapping, hide_index=True, width="stretch")
    matches = checked.catalogue.matches if checked.catalogue else []
    if matches:  # which investor each financer became, by identifier or by name (issue 25)
        with st.expander(T.ORG_MATCHES_HEADER, expanded=False):
            st.dataframe(pd.DataFrame(matches).assign(rapprochement=lambda f: f["rapprochement"].map(T.ORG_MATCHED_BY))
                         .rename(columns=T.ORG_MATCHES_COLUMNS), hide_index=True, width="stretch")
    if not set_aside.empty:
        with st.expander(T.IMP_SET_ASIDE_HEADER.format(n=number(len(set_aside))), expanded=True):
            st.caption(T.IMP_SET_ASIDE_CAPTION)
            # which aid and why first, inside 1280 px: the reason takes the rest of the room and wraps there
            a = T.IMP_SET_ASIDE_COLUMNS
            item = column_width(set_aside[a["item"]])
            st.dataframe(set_aside, hide_index=True, width="stretch", row_height=WRAPPED_ROW_HEIGHT, column_config={
                a["item"]: st.column_config.TextColumn(width=item),
                a["message"]: st.column_config.TextColumn(width=IN_EXPANDER - item)})
            if checked.ok:  # a rejected upload has them in its annotated workbook already
                st.download_button(T.IMP_DOWNLOAD_SET_ASIDE,
                                   data=lambda a=set_aside_rows(checked): exports.annotated_workbook([], [], a),
                                   file_name=T.IMP_SET_ASIDE_NAME.format(stem=state["stem"]), mime=XLSX,
                                   on_click="ignore", key="dl_set_aside")


# --- 3. preview and 4. commit ---------------------------------------------------------------------------
def commit_section(checked: importer.Checked, changes: list) -> None:
    st.header(T.IMP_PREVIEW_HEADER)
    active = next((s for s in ui.snapshots() if s.active), None)
    preview = report.change_preview(checked, active.counts if active else None)
    st.dataframe(preview, hide_index=True, width="content")
    shown_carried = [s for s in checked.carried_over if s in report.MAIN_SHEETS]
    if shown_carried:
        st.info(T.IMP_CARRIED.format(sheets=", ".join(shown_carried)))
    rows_section(changes)
    removals = report.large_removals(preview)
    for sheet, before, after in removals:
        st.warning(T.IMP_LARGE_REMOVAL.format(sheet=sheet, before=number(before), after=number(after),
                                              removed=number(before - after),
                                              share=number(100 * (before - after) / before)), icon="⚠️")

    st.header(T.IMP_COMMIT_HEADER)
    found = report.data_dates(checked)
    proposed = max(found.values()) if found else None
    if found:
        st.caption(T.IMP_DATES_FOUND.format(dates=" ; ".join(
            T.IMP_DATE_FOUND.format(sheet=sheet, date=date_text(d)) for sheet, d in found.items())))
        st.caption(T.PROPOSED_DATE_RULE)
    else:
        st.caption(T.IMP_NO_DATES)
    default_label = T.IMP_LABEL_DEFAULT.format(date=date_text(proposed)) if proposed else ""
    with st.form("commit"):
        label = st.text_input(T.IMP_LABEL, value=default_label, max_chars=limits.MAX_LABEL_CHARS, key="commit_label",
                              placeholder=T.IMP_LABEL_PLACEHOLDER)
        # the picker opens on the data's own month (the latest date in the file), never on today's
        as_of = st.date_input(T.IMP_AS_OF, value=proposed, format="DD/MM/YYYY", key="commit_as_of")
        removal_ok = st.checkbox(T.IMP_CONFIRM_REMOVAL, key="confirm_removal") if removals else True
        submitted = st.form_submit_button(T.IMP_COMMIT, type="primary")
    pending = st.session_state.get("_commit_pending")
    if submitted:
        pending = None
        st.session_state.pop("_commit_pending", None)
        if as_of is None:
            st.error(T.IMP_AS_OF_REQUIRED)
            return
        if not removal_ok:
            st.error(T.IMP_REMOVAL_NOT_CONFIRMED)
            return
        label = label.strip()
        if not label or label == default_label:  # the default label follows the chosen date
            label = T.IMP_LABEL_DEFAULT.format(date=date_text(as_of))
        if problem := text_problem(label):
            st.error(problem)
            return
        if as_of != dt.date.today() or as_of in found.values():
            if allowed():
                save(checked, label, as_of)
            return
        # today's date, which the file does not hold: most often the date left unchanged, so ask first
        st.session_state["_commit_pending"] = pending = {"label": label, "as_of": as_of}
    if pending is not None:
        today = date_text(pending["as_of"])
        st.warning(T.IMP_TODAY_ASK.format(today=today))
        yes, no = st.columns(2)
        if yes.button(T.IMP_TODAY_CONFIRM.format(today=today), key="confirm_today", type="primary") and allowed():
            st.session_state.pop("_commit_pending", None)
            save(checked, pending["label"], pending["as_of"])
        if no.button(T.IMP_TODAY_CANCEL, key="cancel_today"):
            st.session_state.pop("_commit_pending", None)
            st.rerun()


def rows_section(changes: list) -> None:
    """Per uploaded sheet, its counts first, then the rows that change: which row, what happens, old → new."""
    st.subheader(T.PREVIEW_ROWS_HEADER)
    st.caption(T.PREVIEW_ROWS_INTRO)
    st.markdown("\n".join(f"- {plain(report.changes_line(sheet))}" for sheet in changes))
    for sheet in changes:
        if not sheet.rows:
            continue
        with st.expander(report.changes_line(sheet), expanded=True):
            frame = report.changes_frame(sheet)  # every column decides: all of them inside 1280 px
            widths = fitted_widths([column_width(frame[c]) for c in frame.columns], len(frame.columns), IN_EXPANDER)
            st.dataframe(frame, hide_index=True, width="stretch", column_config={
                c: st.column_config.TextColumn(width=w) for c, w in zip(frame.columns, widths)})
            if sheet.cut:
                st.caption(T.PREVIEW_CUT.format(limit=number(report.ROWS_SHOWN)))


def save(checked: importer.Checked, label: str, as_of: dt.date) -> None:
    with st.status(T.IMP_STEP_SAVE) as status:
        try:
            result = importer.commit(store, checked, label=label, as_of=as_of, created_by=who())
        except StoreBusy:
            status.update(label=T.IMP_STEP_SAVE_FAILED, state="error")
            st.warning(T.DB_BUSY)
            return
        except Exception:  # the transaction rolled back: nothing was written
            log.exception("commit failed")
            status.update(label=T.IMP_STEP_SAVE_FAILED, state="error")
            st.error(T.UNEXPECTED)
            return
        if not result.ok:
            status.update(label=T.IMP_STEP_SAVE_FAILED, state="error")
            return
        status.update(label=T.IMP_STEP_SAVE_DONE.format(id=result.snapshot_id), state="complete")
    st.session_state.pop("_import", None)
    st.session_state["_upload_round"] = st.session_state.get("_upload_round", 0) + 1
    st.session_state["_release_memory"] = True  # once this run's frames let go of the upload (next run)
    after_write(T.IMP_COMMITTED.format(id=result.snapshot_id, label=plain(label),
                                       **{k: number(result.counts.get(k, 0))
                                          for k in ("besoins", "programmes", "investisseurs")}),
                result.snapshot_id)


# --- snapshots ------------------------------------------------------------------------------------------
def snapshot_section() -> None:
    st.header(T.IMP_SNAPSHOTS_HEADER)
    snaps = ui.snapshots()
    if not snaps:
        st.info(T.IMP_NO_SNAPSHOTS)
        return
    st.dataframe(report.snapshots_frame(snaps), hide_index=True, width="stretch", column_config={
        T.IMP_SNAPSHOT_COLUMNS["as_of"]: st.column_config.DateColumn(format=formats.date_column()),
        T.IMP_SNAPSHOT_COLUMNS["created_at"]: st.column_config.DatetimeColumn(format=f"{formats.date_column()} HH:mm"),
    })
    if len(snaps) >= 2:
        st.page_link("pages/evolution.py", label=T.IMP_COMPARE_LINK, icon=":material/compare_arrows:")
    by_id = {s.id: s for s in snaps}
    labels = {s.id: T.SNAPSHOT_OPTION.format(label=s.title, as_of=date_text(s.as_of))
              + (T.SNAPSHOT_ACTIVE_SUFFIX if s.active else "") for s in snaps}
    ids = list(reversed(list(by_id)))
    focus = st.session_state.get("_manage_focus")
    snap = by_id[st.selectbox(T.IMP_SNAPSHOT_PICK, ids, format_func=labels.get,
                              index=ids.index(focus) if focus in ids else 0,
                              key=f"manage_pick_{st.session_state.get('_writes', 0)}")]
    rename, activate, delete = st.columns(3)
    with rename.form(f"rename_{snap.id}"):
        new_label = st.text_input(T.IMP_RENAME, value=snap.label, max_chars=limits.MAX_LABEL_CHARS, key=f"rename_label_{snap.id}")
        if st.form_submit_button(T.IMP_RENAME_BUTTON) and allowed():
            if not new_label.strip():
                st.error(T.IMP_LABEL_REQUIRED)
            elif problem := text_problem(new_label):
                st.error(problem)
            elif written(lambda: store.rename(snap.id, new_label.strip(), by=who())):
                after_write(T.IMP_RENAMED.format(id=snap.id, label=plain(new_label.strip())),
                            st.query_params.get("inventaire"), snap.id)
    if snap.active:
        activate.info(T.IMP_IS_ACTIVE)
        return
    if (activate.button(T.IMP_ACTIVATE, help=T.IMP_ACTIVATE_HELP, key=f"activate_{snap.id}") and allowed()
            and written(lambda: store.activate(snap.id, by=who()))):
        after_write(T.IMP_ACTIVATED.format(id=snap.id), snap.id, snap.id)
    sure = delete.checkbox(T.IMP_DELETE_CONFIRM, help=T.IMP_DELETE_CONFIRM_HELP, key=f"confirm_delete_{snap.id}")
    if delete.button(T.IMP_DELETE, disabled=not sure, key=f"delete_{snap.id}") and sure and allowed():
        if snap.id == store.active_snapshot_id():  # it became the active one meanwhile
            st.error(T.CANNOT_DELETE_ACTIVE)
            return
        if not written(lambda: store.delete(snap.id, by=who())):
            return
        shown = st.query_params.get("inventaire")
        after_write(T.IMP_DELETED.format(id=snap.id), None if shown in (None, str(snap.id)) else shown)


def audit_section() -> None:
    st.header(T.IMP_AUDIT_HEADER)
    log = store.audit_log(limit=200)
    if log.empty:
        st.info(T.IMP_AUDIT_EMPTY)
        return
    st.dataframe(report.audit_frame(log), hide_index=True, width="stretch", column_config={
        T.IMP_AUDIT_COLUMNS["happened_at"]: st.column_config.DatetimeColumn(format=f"{formats.date_column()} HH:mm"),
    })


# --- downloads (reading only: open to everyone) ---------------------------------------------------------
def downloads_section() -> None:
    st.header(T.IMP_DOWNLOADS_HEADER)
    template, current = st.columns(2)
    template.download_button(T.IMP_TEMPLATE, data=T.in_this_language(exports.template_bytes),
                             file_name=T.IMP_TEMPLATE_NAME, mime=XLSX, help=T.IMP_TEMPLATE_HELP, on_click="ignore", key="dl_template")
    shown = ui.active_snapshot()
    if shown is not None:
        current.download_button(T.IMP_EXPORT, data=lambda sid=shown.id: exports.workbook_bytes(
                                    exports.snapshot_frames(store, sid)),
                                file_name=T.IMP_EXPORT_NAME.format(id=shown.id, as_of=shown.as_of.isoformat()),
                                mime=XLSX, help=T.IMP_EXPORT_HELP, on_click="ignore", key="dl_export")


# --- the page -------------------------------------------------------------------------------------------
st.title(T.IMP_TITLE)
st.caption(T.IMP_INTRO)
flash()
if ui.workshop_mode():
    st.info(T.IMP_WORKSHOP)
elif not ui.facilitator_password():
    st.warning(T.IMP_NO_PASSWORD)
elif not is_facilitator():
    login_form()
else:
    logged, logout = st.columns([4, 1], vertical_alignment="center")
    logged.caption(T.IMP_LOGGED_IN_AS.format(name=plain(ui.facilitator_name())) if ui.facilitator_name()
                   else T.IMP_LOGGED_IN)
    logout.button(T.IMP_LOGOUT, on_click=ui.logout, key="logout")
    upload_section()
    snapshot_section()
    audit_section()
downloads_section()
