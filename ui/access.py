"""Who may do what: workshop mode (read-only, from the URL) and the facilitator's password, login and logout."""
from __future__ import annotations

import hmac
import os
import time

import streamlit as st

NAME_LIMIT = 80


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


def login(password: str, name: str | None = None) -> bool:
    """Check a password; wrong attempts slow down (1 s, 2 s, 4 s… at most 8 s). ``name`` is who logs in, kept
    for the session and written with each of its actions on the snapshots."""
    expected = facilitator_password()
    failures = st.session_state.get("_login_failures", 0)
    if failures:
        time.sleep(min(8.0, 2 ** (failures - 1)))
    if expected and hmac.compare_digest(password.encode(), expected.encode()):
        st.session_state["_facilitator_token"] = password
        st.session_state["_facilitator_name"] = " ".join((name or "").split())[:NAME_LIMIT]
        st.session_state["_login_failures"] = 0
        return True
    st.session_state["_login_failures"] = failures + 1
    return False


def facilitator_name() -> str:
    """The name the facilitator gave at login ("" when none)."""
    return st.session_state.get("_facilitator_name") or ""


def logout() -> None:
    st.session_state.pop("_facilitator_token", None)
    st.session_state.pop("_facilitator_name", None)
