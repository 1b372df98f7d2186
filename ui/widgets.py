"""Widgets whose value lives in the URL (``?key=value``), so a shared link reopens the same view. One function
keeps a widget and the URL in step (``url_bound``); the selectbox, the multiselect, the radio, the toggle, the date
and the tabs are that function, and no page binds a widget to the URL any other way (Streamlit's own
``bind="query-params"`` writes a choice's label, in the reader's language, where a link needs its code).

Filters that mean the same thing on several pages (``SHARED``: level, source, audience, sector, themes,
territory, inventory) follow the reader: the session remembers the last value written, and a page opened
without that filter in its URL (the navigation drops the query string) starts from it and writes it back to
its URL. A remembered value that a page cannot show (a territory missing at that level) is kept for the next
page, not forgotten."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Sequence

import streamlit as st


def _as_text(value: Any) -> str | None:
    """A widget's value as the URL writes it (a multiselect's values joined by commas, a switch true or false, a
    date as 2020-06-30)."""
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if value is None else str(value)


SHARED = frozenset({"niveau", "source", "public", "secteur", "thematiques", "territoire", "inventaire"})
# single-theme choices read and write the themes filter (one theme chosen on Besoins is Couverture's map theme)
CONCEPT = {"thematique": "thematiques", "thematique_carte": "thematiques"}
_MEMORY = "_shared_filters"


def _url_moved(key: str, raw: str | None) -> bool:
    """True when the URL's value differs from the one this session last wrote: a link was opened or the user
    went back. Otherwise the URL is merely one run behind a widget the user just changed, and the widget wins."""
    return raw is not None and st.session_state.get(f"_url_seen_{key}", object()) != raw


def url_bound(widget: Callable, label: str, options: Sequence[Any], key: str, *, default: Any,
              many: bool = False, format_func: Callable[[Any], str] = str, draw: Callable[[str], Any] | None = None,
              **kw: Any) -> Any:
    """Draw ``widget`` (``where.selectbox``, ``where.multiselect``, ``where.radio``) showing the URL's value of
    ``key``, and write the value it returns back to the URL (the default leaves the URL). ``draw(widget_key)``
    draws another kind of widget whose value is one of ``options`` (a switch, a date, tabs)."""
    options = list(options)
    raw = st.query_params.get(key)
    concept = CONCEPT.get(key, key)
    memory: dict[str, str] = st.session_state.setdefault(_MEMORY, {})
    carried = raw is None and concept in SHARED and concept in memory
    if carried:
        raw = memory[concept]
    if many:
        wanted = raw.split(",") if raw else []
        from_url: Any = [o for o in options if str(o) in wanted]
        valid = lambda v: all(o in options for o in v)  # noqa: E731
    else:
        fallback = default if default in options else options[0] if options else None
        from_url = next((o for o in options if _as_text(o) == raw), fallback)
        valid = lambda v: v in options  # noqa: E731
    widget_key = f"url_{key}"
    if widget_key in st.session_state and not valid(st.session_state[widget_key]):
        del st.session_state[widget_key]  # left over from another page or snapshot with other options
    # a carried value is set even over a value the key holds: that value belongs to the last page's widget
    if (carried or widget_key not in st.session_state
            or (_url_moved(key, raw) and _as_text(st.session_state[widget_key]) != raw)):
        st.session_state[widget_key] = from_url
    value = draw(widget_key) if draw else widget(label, options, key=widget_key, format_func=format_func, **kw)
    text = _as_text(value)
    if text in (None, "", _as_text(default)):
        if key in st.query_params:
            del st.query_params[key]
        if not (carried and _as_text(from_url) != raw):  # a carried value this page cannot show stays remembered
            memory.pop(concept, None)
    else:
        st.query_params[key] = text
        if concept in SHARED:
            memory[concept] = text
    st.session_state[f"_url_seen_{key}"] = st.query_params.get(key)
    return value


def url_select(where, label: str, options: Sequence[Any], key: str, *, default: Any = None,
               format_func: Callable[[Any], str] = str, **kw: Any) -> Any:
    """A selectbox bound to ``?key=``."""
    return url_bound(where.selectbox, label, options, key, default=default, format_func=format_func, **kw)


def url_multiselect(where, label: str, options: Sequence[Any], key: str, *,
                    format_func: Callable[[Any], str] = str, **kw: Any) -> list[Any]:
    """A multiselect bound to ``?key=a,b`` (without Streamlit's English « Select all » entry)."""
    return url_bound(where.multiselect, label, options, key, default=[], many=True, format_func=format_func,
                     select_all=False, **kw)


def url_radio(where, label: str, options: Sequence[Any], key: str, *, default: Any = None,
              format_func: Callable[[Any], str] = str, **kw: Any) -> Any:
    """A radio group bound to ``?key=``."""
    return url_bound(where.radio, label, options, key, default=default, format_func=format_func, **kw)


def url_toggle(where, label: str, key: str, **kw: Any) -> bool:
    """A switch bound to ``?key=true`` (off leaves the URL)."""
    return url_bound(None, label, [False, True], key, default=False,
                     draw=lambda widget_key: where.toggle(label, key=widget_key, **kw))


def url_date(where, label: str, key: str, **kw: Any) -> dt.date | None:
    """A date picker bound to ``?key=2020-06-30`` (none leaves the URL); a day outside the picker's
    ``min_value``–``max_value`` in a link is ignored, as an unknown option is."""
    low, high = kw.get("min_value"), kw.get("max_value")
    days: list[Any] = [None]
    for text in (st.query_params.get(key), _as_text(st.session_state.get(f"url_{key}"))):
        try:
            day = dt.date.fromisoformat(text) if text else None
        except ValueError:
            day = None
        if day and (low is None or day >= low) and (high is None or day <= high):
            days.append(day)
    return url_bound(None, label, days, key, default=None,
                     draw=lambda widget_key: where.date_input(label, key=widget_key, **kw))


def url_tabs(labels: dict[str, str], key: str) -> tuple[str, dict[str, Any]]:
    """Tabs bound to ``?key=CODE`` (the first tab leaves the URL): the chosen code and each code's tab; only the
    chosen one needs drawing (a click on another reruns the page). The URL holds the code, the widget its label."""
    codes, widget_key = list(labels), f"url_{key}"
    raw = st.query_params.get(key)
    if widget_key not in st.session_state or st.session_state[widget_key] not in labels.values() or (
            _url_moved(key, raw) and raw in labels):
        st.session_state[widget_key] = labels[raw if raw in labels else codes[0]]
    tabs = st.tabs(list(labels.values()), key=widget_key, on_change="rerun")
    code = next(c for c, text in labels.items() if text == st.session_state[widget_key])
    if code == codes[0]:
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = code
    st.session_state[f"_url_seen_{key}"] = st.query_params.get(key)
    return code, dict(zip(codes, tabs))
