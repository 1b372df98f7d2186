"""Numbers, dates and tables as people read them (in the run's language, see ``inventory.formats``), with their
downloads."""
from __future__ import annotations

import functools
import re

from typing import Any, Mapping
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from inventory.analysis import collective
from inventory.outputs import exports
from inventory import formats, reference
# numbers and dates as people read them, in the run's language: inventory.formats is their one home (re-exported
# for the pages; the charts and the report import the same two)
from inventory.formats import date as date_text, number
from inventory import texts as T
from ui.data import active_snapshot, built, current_store, q, theme_labels


def percent(share: Any, kind: str) -> str:
    """A share (0–1) as people read it, « 37,5 % », with the decimals of its kind (``inventory.formats.percent``)."""
    return formats.percent(share, kind)


def counted(template: str, **values: Any) -> str:
    """``template`` (a text with ``{{n|one|many}}`` choices, see ``texts.plural``) with each choice made by its
    number and every number written as people read it: ``counted(T.COVER_CATALOGUE_COUNT, n=0)`` → « 0 programme
    correspond aux filtres. »"""
    return formats.counted(template, **values)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def plain(text: object) -> str:
    """Text typed by a user, made inert for a Markdown element (alerts, captions): every character Markdown
    could read as syntax is backslash-escaped, so it shows exactly as typed and never becomes a link or image."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def download_table(frame: pd.DataFrame, name: str, *, where=None, filter: str | None = None) -> None:
    """CSV and XLSX downloads of a table as shown (filters applied), named after the view, the inventory's date
    and the main ``filter`` (``besoins_2020-06-30_REG-76.csv``); the XLSX opens on a « contexte » sheet (which
    inventory, which filters, the view's address, what the columns mean). The files are made on click (and the
    click does not rerun the page), not on every rerun: a 10,000-row table costs seconds to write as XLSX."""
    where = where or st
    context = download_context()
    c1, c2 = where.columns(2)
    key = name if filter is None else f"{name}_{filter}"
    c1.download_button(T.DOWNLOAD_CSV, lambda: exports.csv_bytes(frame),
                       file_name=exports.download_name(name, context.as_of, filter, "csv"), mime="text/csv",
                       key=f"dl_csv_{key}", width="stretch", on_click="ignore")
    c2.download_button(T.DOWNLOAD_XLSX, lambda: exports.table_xlsx(frame, name, context),
                       file_name=exports.download_name(name, context.as_of, filter, "xlsx"),
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"dl_xlsx_{key}", width="stretch", on_click="ignore")


def chart_table(view: pd.DataFrame, name: str, *, where=None) -> None:
    """The numbers a map or a heatmap draws, in a folded table right under it (with its downloads): the same
    figures for a screen reader, a keyboard, a printer or whoever prefers to read them."""
    with (where or st).expander(T.CHART_AS_TABLE):
        show_table(view, name)


HIDDEN_PARAMETERS = ("lang", "atelier", "inventaire")  # said otherwise in the context, or not a filter


def organisation_links(ids: pd.Series) -> list[str]:
    """The address of each organisation's page (``organisation?organisation=ID``), keeping the language, the
    workshop mode and the inventory shown."""
    keep = {k: v for k, v in st.query_params.to_dict().items() if k in HIDDEN_PARAMETERS}
    return [f"organisation?{urlencode({'organisation': i, **keep})}" for i in ids]


def download_context() -> exports.DownloadContext:
    """The inventory the page shows, the filters in its URL (named as on screen) and the view's address."""
    snap = active_snapshot()
    params = st.query_params.to_dict()
    if snap is not None:  # the address pins the inventory the file holds, whatever is imported later
        params["inventaire"] = str(snap.id)
    try:
        base = st.context.url
    except Exception:  # no browser behind this run (tests, bare mode)
        base = None
    shown = (snap.id, snap.title, snap.as_of, snap.created_by) if snap is not None else None
    return _context(str(current_store().path), shown, tuple(params.items()), T.language(), base)


@functools.lru_cache(maxsize=256)
def _context(database: str, shown: tuple | None, params: tuple, language: str,
             base: str | None) -> exports.DownloadContext:
    # every table of a page asks for the same context: made once per inventory, filters, language and address
    snapshot_id, label, as_of, created_by = shown or (None, "", None, None)
    with T.speaking(language):
        filters = [(T.FILTER_NAMES.get(k, k), filter_value(k, v, snapshot_id)) for k, v in params
                   if k not in HIDDEN_PARAMETERS and v != ""]
    query = urlencode(dict(params))
    url = (base or "") + (f"?{query}" if query else "") or None
    return exports.DownloadContext(label=label, as_of=as_of, created_by=created_by, filters=filters, url=url)


def filter_value(key: str, value: str, snapshot_id: int | None = None) -> str:
    """A filter's value as the page shows it, never its code: « REG-76 » → « Occitanie », « terrain » → « Acteurs
    de terrain », « numerique,juridique » → « Outils numériques, Juridique » (an unknown code stays as it is)."""
    names: dict[str, Any] = {
        "territoire": {k: t.nom for k, t in reference.territories().items()}, "source": reference.SOURCES,
        "public": reference.AUDIENCES, "phase": reference.PHASES, "nature": reference.SUPPORT_TYPES,
        "niveau": T.LEVEL_LABELS, "mesure": T.MEASURE_LABELS,
    }
    if snapshot_id is not None and key in ("thematique", "thematiques", "thematique_carte"):
        names[key] = theme_labels(snapshot_id)
    if snapshot_id is not None and key == "investisseur":
        names[key] = dict(q(collective.investors, snapshot_id)[["id", "nom"]].itertuples(index=False))
    mapping = names.get(key)
    if not mapping:
        return value
    return ", ".join(str(mapping.get(part, part)) for part in value.split(","))


# The grid's width at 1280 px with the sidebar open (the main column less its margins): the deciding columns of a
# table fit in it whole, whatever their texts.
VISIBLE_WIDTH = 800
NARROWEST = 90  # a squeezed text column keeps room for a dozen characters (a click shows the whole text)


def column_width(values: pd.Series) -> int:
    """A column's width in pixels: its heading and its values in full, but a long text (a name, a list) at most
    220 px, so that the columns after it, which decide, stay on screen at 1280 px (a click shows the whole text)."""
    chars = max([len(str(values.name)), *values.head(200).map(lambda v: len(str(v))).tolist()])
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
        chars = max(len(str(values.name)), min(chars, 12))
    return int(min(8 * chars + 28, 220))


def fitted_widths(widths: list[int], deciding: int, room: int = VISIBLE_WIDTH) -> list[int]:
    """The widths with the first ``deciding`` columns inside ``room`` pixels: the widest of them are narrowed to
    one common cap (never under ``NARROWEST``), the others keep theirs. [220, 220, 220, 220, 100] with 5 deciding
    columns in 800 px → [175, 175, 175, 175, 100]."""
    head = widths[:deciding]
    if sum(head) <= room:
        return list(widths)
    cap = max(head)
    while cap > NARROWEST and sum(min(w, cap) for w in head) > room:
        cap -= 1
    return [min(w, cap) for w in head] + list(widths[deciding:])


def column_settings(view: pd.DataFrame, deciding: int | None = None,
                    links: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Each column's settings in the grid (its kind, its width, see ``show_table``): made once per table and
    shared, like a chart (``ui.data.built``)."""
    widths = [column_width(view[col]) for col in view.columns]
    if deciding:
        widths = fitted_widths(widths, deciding)
    config: dict[str, Any] = {}
    for col, width in zip(view.columns, widths):
        if links and col in links:
            config[col] = st.column_config.LinkColumn(display_text=links[col], width=90)
        elif pd.api.types.is_bool_dtype(view[col]):
            config[col] = st.column_config.CheckboxColumn(width=width)
        elif pd.api.types.is_datetime64_any_dtype(view[col]):
            config[col] = st.column_config.DateColumn(format=formats.date_column(), width=width)
        elif pd.api.types.is_numeric_dtype(view[col]):
            config[col] = st.column_config.NumberColumn(format="localized", width=width)
        else:
            config[col] = st.column_config.TextColumn(width=width)
    return config


def show_table(view: pd.DataFrame, name: str, *, empty: str | None = None, where=None,
               filter: str | None = None, links: Mapping[str, str] | None = None,
               deciding: int | None = None) -> None:
    """A table as shown to people (headings, numbers and dates in the run's language) and its downloads
    (``filter``: the main filter the table was cut by, in the files' names); ``empty`` is the sentence shown
    instead when there is no row; ``links``: columns holding addresses, shown as links with that text.
    ``deciding``: how many leading columns answer the table's question; they are narrowed until they fit whole at
    1280 px (the page orders its columns so, names before codes)."""
    where = where or st
    if empty is not None and view.empty:
        where.info(empty)
        return
    key = name if filter is None else f"{name}_{filter}"
    config = built(column_settings, view, deciding, dict(links) if links else None)
    # the container's key names the table in the page (class ``st-key-table_<name>``): tests find each table by it
    box = where.container(key=f"table_{key}")
    box.dataframe(view, hide_index=True, column_config=config, width="stretch", placeholder="–")
    download_table(view, name, where=box, filter=filter)
