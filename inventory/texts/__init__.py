"""Every sentence the product shows, one table per language; code asks for a sentence by its key, ``T.NAME``.

``fr_domain`` holds what the domain says (command line, import report, catalogues, formulas, charts) and
``fr_pages`` what the dashboard's pages say; a constant's name is its key. A second language is a second pair of
tables with the same keys and the same ``{placeholders}`` (``tests/test_texts.py`` checks it), never a search
through the code. The language is chosen per script run (``use``): a session's choice never leaks into another's,
because each Streamlit script run and each command-line call has its own context.

    from inventory import texts as T
    T.ERR_REQUIRED            # in the language of the current run
"""
from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from contextvars import ContextVar
from types import ModuleType
from typing import Any, Callable, Iterator

from inventory.texts import (en_api, en_domain, en_hardening, en_organisations, en_pages, en_preview, en_screen, en_session,
                             en_signals, fr_api, fr_domain, fr_hardening, fr_organisations, fr_pages, fr_preview,
                             fr_screen, fr_session, fr_signals)
from inventory.texts import en_wording, fr_wording

DEFAULT = "fr"


def _table(*modules: ModuleType) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for module in modules:
        for key, value in vars(module).items():
            if key.isupper():
                if key in table:
                    raise ValueError(f"text key {key} defined twice ({module.__name__})")
                table[key] = value
    return table


TABLES: dict[str, dict[str, Any]] = {
    "fr": _table(fr_domain, fr_pages, fr_api, fr_signals, fr_session, fr_hardening, fr_organisations, fr_screen,
                 fr_preview, fr_wording),
    "en": _table(en_domain, en_pages, en_api, en_signals, en_session, en_hardening, en_organisations, en_screen,
                 en_preview, en_wording),
}
LANGUAGES = tuple(TABLES)
NAMES = {"fr": "Français", "en": "English"}  # each language by its own name (the switch between them)
_language: ContextVar[str] = ContextVar("language", default=DEFAULT)


def use(language: str | None) -> str:
    """Speak ``language`` for the rest of this run (an unknown one falls back to French); returns the one used."""
    chosen = language if language in TABLES else DEFAULT
    _language.set(chosen)
    return chosen


@contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Speak ``language`` inside the block only (a command-line call, a report built for another language)."""
    token = _language.set(language if language in TABLES else DEFAULT)
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def in_this_language(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` bound to the language of this run: for work done later, out of the run (a download button's
    deferred file is made when clicked, in a context where the run's language is not set)."""
    chosen = _language.get()

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        with speaking(chosen):
            return fn(*args, **kwargs)
    return call


def language() -> str:
    return _language.get()


# When a count takes the plural form: French from 2 (« 0 programme », « 1,5 million »), English but for 1 (« 0 programmes »).
PLURAL_FROM: dict[str, Callable[[float], bool]] = {"fr": lambda n: abs(n) >= 2, "en": lambda n: n != 1}
_CHOICE = re.compile(r"\{\{(\w+)\|([^{}|]*)\|([^{}|]*)\}\}")


def plural(template: str, **counts: float) -> str:
    """``template`` with each ``{{n|one|many}}`` written in the form the count ``n`` takes in the run's language;
    the ``{n}`` placeholders stay for ``.format``: ``plural("{n} {{n|programme|programmes}}", n=0)`` →
    « {n} programme » in French, « {n} programmes » in English. (Doubled braces: a sentence formatted without
    this step shows its choices, never a wrong form.)"""
    many = PLURAL_FROM.get(_language.get(), PLURAL_FROM[DEFAULT])
    return _CHOICE.sub(lambda m: m.group(3) if many(counts[m.group(1)]) else m.group(2), template)


def __getattr__(key: str) -> Any:  # PEP 562: T.NAME looks the key up in the current language's table
    table = TABLES.get(_language.get(), TABLES[DEFAULT])
    if key in table:
        return table[key]
    if key in TABLES[DEFAULT]:  # a sentence not yet translated is shown in French rather than breaking the page
        return TABLES[DEFAULT][key]  # (tests/test_texts.py fails until every language has every key)
    raise AttributeError(f"no text with the key {key!r}")
