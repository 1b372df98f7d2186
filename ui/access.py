"""Who may do what: workshop mode (read-only, from the URL) and the facilitator's password, login and logout."""
from __future__ import annotations

import hmac
import logging
import os
import time

import streamlit as st

from inventory.parsing import visible
from ui.login_guard import GUARD

NAME_LIMIT = 80
log = logging.getLogger("inventory.access")


def workshop_mode() -> bool:
    return st.query_params.get("atelier") == "1"


def facilitator_password() -> str | None:
    try:
        secret = st.secrets.get("facilitator_password")
    except Exception:  # no secrets file at all
        secret = None
    return secret or os.environ.get("INVENTORY_FACILITATOR_PASSWORD") or None


def is_facilitator() -> bool:
    """True once this session gave the right password (checked in constant time), never in workshop mode."""
    expected = facilitator_password()
    given = st.session_state.get("_facilitator_token")
    if not expected or not isinstance(given, str) or workshop_mode():
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def client_address() -> str:
    """Who is trying, as well as the server can tell: the connection's address, else the address the reverse
    proxy forwards (``make serve``'s HAProxy), else « local » (Streamlit gives no address for localhost)."""
    try:
        ip = st.context.ip_address
        forwarded = st.context.headers.get("X-Forwarded-For")
    except Exception:  # no script run context (a bare call in a test)
        ip, forwarded = None, None
    if isinstance(ip, str) and ip:
        return ip
    if isinstance(forwarded, str) and forwarded:
        return forwarded.split(",")[0].strip()[:64] or "local"
    return "local"


def login_wait() -> int:
    """Seconds this client must wait before trying a password again, server-wide (0: it may try now)."""
    return GUARD.wait(client_address())


def login(password: str, name: str | None = None) -> bool:
    """Check a password; wrong attempts slow down (1 s, 2 s, 4 s… at most 8 s) within a session, and lock the
    client address out for a growing time across sessions (``ui.login_guard``); while locked out, even the right
    password is refused. Each failure goes to the server log and the audit log. ``name`` is who logs in, kept for
    the session and written with each of its actions on the snapshots."""
    expected = facilitator_password()
    client = client_address()
    failures = st.session_state.get("_login_failures", 0)
    if failures:
        time.sleep(min(8.0, 2 ** (failures - 1)))
    if GUARD.wait(client):  # checked after the session's own wait, which may have served it
        return False
    if expected and hmac.compare_digest(password.encode(), expected.encode()):
        GUARD.succeeded(client)
        st.session_state["_facilitator_token"] = password
        st.session_state["_facilitator_name"] = " ".join((name or "").split())[:NAME_LIMIT]
        st.session_state["_login_failures"] = 0
        return True
    GUARD.failed(client)
    st.session_state["_login_failures"] = failures + 1
    log.warning("failed facilitator login from %s (declared name %r)", client, visible(name or "", 80))
    try:
        from ui.data import current_store

        current_store().record_failed_login(client, name)
    except Exception:  # a busy or read-only file must not turn a wrong password into an error page
        log.exception("could not write the failed login to the audit log")
    return False


def facilitator_name() -> str:
    """The name the facilitator gave at login ("" when none)."""
    return st.session_state.get("_facilitator_name") or ""


def logout() -> None:
    st.session_state.pop("_facilitator_token", None)
    st.session_state.pop("_facilitator_name", None)
