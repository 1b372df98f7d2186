"""Labels the tool writes itself (an import's default, the demo's, a séance's default name, a note, a withdrawal, a
status change), shown in the reader's language wherever a snapshot's label or a séance's name is read.

A generated label is stored as the words of the language it was written in (« Séance du 06/12/2026 – engagement
noté à 10:42 », French in every file written so far) and is recognised at display time against the templates of
the text tables in every language, then written again with the reader's template: « Session of 6 Dec 2026 –
commitment noted at 10:42 ». A label people typed matches no template as a whole and is shown as typed. The
templates are the text tables' own (``GENERATED``), so a reworded template is recognised with no second list.
"""
from __future__ import annotations

import datetime as dt
import re
import string
from functools import lru_cache
from typing import Any

from inventory import formats
from inventory import texts as T

# The text keys whose values are labels or séance names the tool writes.
GENERATED = ("COMMITMENT_NOTED_LABEL", "SESSION_RETIRED_LABEL", "SESSION_STATUS_LABEL", "IMP_LABEL_DEFAULT",
             "NOTE_SESSION_DEFAULT", "DEMO_LABEL_APRIL", "DEMO_LABEL_JUNE", "DEMO_LABEL_SYNTHETIC")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# A date as either language writes it in a label: 30/06/2020, 30/06, 30 Jun 2020, 30 Jun.
_DATE = (r"\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2} (?:" + "|".join(MONTHS_EN) + r")(?: \d{4})?")
_FIELDS = {"session": r".+?", "time": r"\d{1,2}:\d{2}", "id": r".+?", "date": _DATE, "needs": r"\d+",
           "programmes": r"\d+"}


@lru_cache(maxsize=None)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(key, the regular expression one language's template of it fully matches), for every generated key and
    language; the longest literal text first, so that the most specific template wins."""
    out = []
    for table in T.TABLES.values():
        for key in GENERATED:
            parts = []
            for literal, name, _spec, _conv in string.Formatter().parse(table[key]):
                parts.append(re.escape(literal))
                if name is not None:
                    parts.append(f"(?P<{name}>{_FIELDS[name]})")
            literal_size = sum(len(lit) for lit, *_ in string.Formatter().parse(table[key]))
            out.append((literal_size, key, re.compile("".join(parts))))
    return tuple((key, pattern) for _size, key, pattern in sorted(out, key=lambda o: -o[0]))


def _read(text: str) -> tuple[str, dict[str, str]] | None:
    """The generated key ``text`` was written from and its fields, or None (a label people typed)."""
    for key, pattern in _patterns():
        if found := pattern.fullmatch(text):
            return key, found.groupdict()
    return None


def _date(text: str, language: str) -> str:
    """A label's date in ``language``: « 06/12/2026 » ↔ « 6 Dec 2026 », « 24/04 » ↔ « 24 Apr »."""
    if "/" in text:
        day, month, *year = (int(p) for p in text.split("/"))
    else:
        d, mon, *y = text.split(" ")
        day, month, year = int(d), MONTHS_EN.index(mon) + 1, [int(v) for v in y]
    if year:
        return formats.date(dt.date(year[0], month, day), language)
    dt.date(2000, month, day)  # raises ValueError on a day no calendar has (31/02): then not our label
    return f"{day:02d}/{month:02d}" if language == "fr" else f"{day} {MONTHS_EN[month - 1]}"


def shown(label: str | None, language: str | None = None) -> str:
    """``label`` as the reader of ``language`` (default: the run's) reads it: a generated label in their words,
    any other as typed."""
    if not label:
        return label or ""
    language = language if language in T.TABLES else T.language()
    got = _read(label)
    if got is None:
        return label
    key, fields = got
    values: dict[str, Any] = dict(fields)
    try:
        if "date" in values:
            values["date"] = _date(values["date"], language)
    except ValueError:
        return label
    if "session" in values:
        values["session"] = shown(values["session"], language)
    return T.TABLES[language][key].format(**values)


def stored(label: str) -> str:
    """``label`` as the tool stores it: a generated one in French (the house's language, as every file written so
    far), so that « Session of 6 Dec 2026 » and « Séance du 06/12/2026 » name one séance; any other as typed."""
    return shown(label, T.DEFAULT)


def written(key: str, **fields: Any) -> str:
    """The label of the generated ``key`` as the tool stores it (in French, see ``stored``)."""
    return T.TABLES[T.DEFAULT][key].format(**fields)


def session_of(label: str) -> str:
    """The séance a snapshot's label names: the session of a note's label (in any language), else the label."""
    got = _read(label)
    if got is not None and "session" in got[1]:
        return stored(got[1]["session"])
    return label
