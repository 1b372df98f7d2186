"""The language of a session: ``?lang=en`` in the URL (kept in shared links), remembered for the session so that
the navigation (which drops the query string) keeps it, and the switch in the sidebar."""
from __future__ import annotations

import streamlit as st

from inventory import texts as T

PARAM = "lang"
_CHOSEN = "_language"
_SWITCH = "_language_switch"


def chosen_language() -> str:
    """The language this run speaks: the URL's ``?lang=`` when it names one, else the one this session chose
    (put back in the URL: a page opened from the navigation keeps the language of the link people will share),
    else French."""
    raw = st.query_params.get(PARAM)
    if raw in T.TABLES:
        st.session_state[_CHOSEN] = raw
    language = st.session_state.get(_CHOSEN, T.DEFAULT)
    if language == T.DEFAULT:
        if PARAM in st.query_params:
            del st.query_params[PARAM]  # French needs no parameter; an unknown one is dropped
    elif raw != language:
        st.query_params[PARAM] = language
    return language


def _switched() -> None:
    """The switch's callback: runs before the next run, so that run (page titles, navigation) speaks the
    new language from its first line."""
    language = st.session_state[_SWITCH]
    st.session_state[_CHOSEN] = language
    if language == T.DEFAULT:
        if PARAM in st.query_params:
            del st.query_params[PARAM]
    else:
        st.query_params[PARAM] = language


def language_switch(where=None) -> str:
    """Français / English, each written in its own language, in the sidebar."""
    where = where or st.sidebar
    st.session_state[_SWITCH] = T.language()
    return where.segmented_control(T.SIDEBAR_LANGUAGE, list(T.TABLES), key=_SWITCH, format_func=T.NAMES.get,
                                   on_change=_switched, selection_mode="single")
