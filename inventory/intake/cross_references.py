"""Cross-references between sheets: one function per rule, run in the order of ``RULES``.

A rule reads the checked sheets (``checking.ParsedSheet``) and what the upload may refer to (``Known``: the
themes and investors of the upload, or else of the active snapshot) and returns its issues. Each rule runs
once per distinct value of a column, then reports the rows holding a bad one, in row order. The theme rules
also replace each theme as typed (code or label, any case) by its code.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from inventory import texts as T
from inventory.intake.checking import ParsedColumn, ParsedSheet
from inventory.identifiers import name_key
from inventory.models import IDENTIFIERS, SHEETS, Engagement, Issue, Programme
from inventory.parsing import is_blank, show
from inventory.intake.reading import Upload
from inventory.reference import default_themes, fold
from inventory.store import Store

Frames = dict[str, ParsedSheet]


@dataclass
class Known:
    """What references may name."""

    themes: dict[str, str]  # folded code or label → code
    investors: set[str] | None  # None: the investors sheet was uploaded but unreadable (no cascade of errors)
    store: Store | None = None  # where carried-over programmes are read, only if a rule asks
    active: int | None = None
    operators: set[str] | None = None  # the operators' ids, as investors (None: the sheet is unreadable)

    @cached_property
    def carried_programmes(self) -> dict[str, set[str]]:
        """Programme id → its theme codes, in the active snapshot (for an upload without programmes)."""
        if self.store is None or self.active is None:
            return {}
        return self.store.programme_themes(self.active)

    @cached_property
    def theme_codes(self) -> str:
        """The known theme codes, for a message."""
        return ", ".join(sorted(set(self.themes.values())))


def known(store: Store | None, frames: dict[str, ParsedSheet | None], upload: Upload,
          issues: list[Issue]) -> Known:
    """The themes and investors of the upload's own sheets, else of the active snapshot, else the defaults."""
    active = store.active_snapshot_id() if store is not None else None
    if "thematiques" in frames and frames["thematiques"] is not None:
        own = frames["thematiques"]
        theme_rows = [(t.code, t.libelle) for t in default_themes()] + list(zip(own["code"], own["libelle"]))
    elif active is not None:
        theme_rows = list(store.sheet(active, "thematiques").itertuples(index=False, name=None))
    else:
        theme_rows = [(t.code, t.libelle) for t in default_themes()]
    themes = {}
    for code, libelle in theme_rows:
        if code:
            themes[fold(code)] = code
            if libelle:
                themes.setdefault(fold(libelle), code)
    if "thematiques" in upload.sheets and any(i.sheet == "thematiques" for i in issues):
        # the sheet's own problems are reported; the themes it means to define are not "unknown" on top
        for value in upload.sheets["thematiques"].rows.to_numpy(dtype=object).ravel():
            if not is_blank(value):
                themes.setdefault(fold(show(value)), show(value).strip())
    if "investisseurs" in frames and frames["investisseurs"] is not None:
        investors = {i for i in frames["investisseurs"]["id"] if i is not None}
    elif "investisseurs" in frames:  # uploaded but unreadable: its own problems are reported, no cascade
        investors = None
    elif active is not None:
        investors = set(store.sheet(active, "investisseurs")["id"])
    else:
        investors = set()
    if "operateurs" in frames and frames["operateurs"] is not None:
        operators = {i for i in frames["operateurs"]["id"] if i is not None}
    elif "operateurs" in frames:
        operators = None
    elif active is not None:
        operators = set(store.sheet(active, "operateurs")["id"])
    else:
        operators = set()
    return Known(themes=themes, investors=investors, store=store, active=active, operators=operators)


def check(frames: Frames, known: Known) -> list[Issue]:
    """Every rule's issues, rule after rule."""
    return [issue for rule in RULES for issue in rule(frames, known)]


# --- the rules ----------------------------------------------------------------------------------------
def duplicate_ids(frames: Frames, known: Known) -> list[Issue]:
    """Each row repeating the key of an earlier row of its sheet, with the first row of that key."""
    issues: list[Issue] = []
    for sheet, frame in frames.items():
        key = SHEETS[sheet].key
        if key is not None and key in frame:
            issues += _duplicates(sheet, frame, key)
    return issues


def unknown_programme_themes(frames: Frames, known: Known) -> list[Issue]:
    """Every theme of a programme that names no known theme; the known ones become codes, without repeats."""
    return _theme_lists("programmes", frames, known)


def _theme_lists(sheet: str, frames: Frames, known: Known) -> list[Issue]:
    """The themes rule for a sheet whose ``thematiques`` column is a list."""
    prog = frames.get(sheet)
    if prog is None:
        return []
    col = prog.columns["thematiques"]
    header = prog.headers.get("thematiques", "thematiques")
    resolved = np.empty(len(col.values), dtype=object)
    unknown: dict[int, list[Any]] = {}
    for slot, items in enumerate(col.values):  # each distinct list resolved once
        if not items or items[0] is None:
            resolved[slot] = items
            continue
        codes = []
        for item in items:
            code = known.themes.get(fold(item))
            if code is None:
                unknown.setdefault(slot, []).append(item)
            elif code not in codes:
                codes.append(code)
        resolved[slot] = codes
    issues = [_unknown_theme(known, sheet, int(prog.index[pos]), header, item)
              for pos in col.rows_with(list(unknown)) for item in unknown[col.codes[pos]]]
    col.values = resolved
    return issues


def unknown_investors(frames: Frames, known: Known) -> list[Issue]:
    """Every investor of a programme missing from the investors sheet (uploaded or carried over)."""
    return _investor_lists("programmes", frames, known)


def _investor_lists(sheet: str, frames: Frames, known: Known) -> list[Issue]:
    """The investors rule for a sheet whose ``investisseurs`` column is a list of ids."""
    prog = frames.get(sheet)
    if prog is None or known.investors is None:
        return []
    col = prog.columns["investisseurs"]
    header = prog.headers.get("investisseurs", "investisseurs")
    strangers: dict[int, list[str]] = {}
    for slot, ids in enumerate(col.values):  # each distinct list once
        missing = [inv for inv in ids or [] if inv not in known.investors]
        if missing:
            strangers[slot] = missing
    return [Issue(sheet=sheet, row=int(prog.index[pos]), column=header, value=inv, kind="reference",
                  message=T.ERR_UNKNOWN_INVESTOR.format(value=inv))
            for pos in col.rows_with(list(strangers)) for inv in strangers[col.codes[pos]]]


def end_before_start(frames: Frames, known: Known) -> list[Issue]:
    """Every programme ending before it starts (the model's own rule, on whole columns)."""
    return _dates_out_of_order(frames, "programmes", Programme, "date_debut", "date_fin",
                               lambda first, last: T.ERR_END_BEFORE_START.format(fin=last, debut=first))


def _dates_out_of_order(frames: Frames, sheet_name: str, model, first_name: str, last_name: str,
                        say) -> list[Issue]:
    """Rows of ``sheet_name`` whose ``last_name`` date comes before their ``first_name`` date, reported on the
    later column with ``say(first, last)`` (dates compared as day numbers, whole columns at once)."""
    sheet = frames.get(sheet_name)
    if sheet is None:
        return []
    first_col, last_col = sheet.columns[first_name], sheet.columns[last_name]
    header = sheet.headers.get(last_name, last_name)
    title = model.column_label(last_name)
    first, last = _days(first_col), _days(last_col)
    issues = []
    for pos in np.flatnonzero((first >= 0) & (last >= 0) & (last < first)):
        f, l_ = first_col.values[first_col.codes[pos]], last_col.values[last_col.codes[pos]]
        issues.append(Issue(sheet=sheet_name, row=int(sheet.index[pos]), column=header, value=show(l_),
                            kind="coherence",
                            message=T.ERR_IN_COLUMN.format(column=title, message=say(show(f), show(l_)))))
    return issues


def unknown_need_themes(frames: Frames, known: Known) -> list[Issue]:
    """Every need whose theme names no known theme; the known ones become codes."""
    return _theme_column("besoins", frames, known)


def _theme_column(sheet: str, frames: Frames, known: Known) -> list[Issue]:
    """The themes rule for a sheet whose ``thematique`` column holds one theme."""
    needs = frames.get(sheet)
    if needs is None:
        return []
    col = needs.columns["thematique"]  # needs share few distinct theme values: resolved per distinct value
    header = needs.headers.get("thematique", "thematique")
    resolved = np.empty(len(col.values), dtype=object)
    resolved[:] = [None if v is None else known.themes.get(fold(v)) for v in col.values]
    unknown_slots = [slot for slot, v in enumerate(col.values) if v is not None and resolved[slot] is None]
    issues = [_unknown_theme(known, sheet, int(needs.index[pos]), header, col.values[col.codes[pos]])
              for pos in col.rows_with(unknown_slots)]
    col.values = resolved
    return issues


# --- follow-through: commitments and results ------------------------------------------------------------
def unknown_commitment_themes(frames: Frames, known: Known) -> list[Issue]:
    """Every theme of a commitment that names no known theme; the known ones become codes."""
    return _theme_lists("engagements", frames, known)


def unknown_commitment_investors(frames: Frames, known: Known) -> list[Issue]:
    """Every investor of a commitment missing from the investors sheet (uploaded or carried over)."""
    return _investor_lists("engagements", frames, known)


def unknown_commitment_programmes(frames: Frames, known: Known) -> list[Issue]:
    """A commitment naming a programme that is not in the catalogue (uploaded or carried over)."""
    return _unknown_programmes("engagements", frames, known)


def due_before_decision(frames: Frames, known: Known) -> list[Issue]:
    """Every commitment due before it was decided (the model's own rule, on whole columns)."""
    return _dates_out_of_order(frames, "engagements", Engagement, "date", "echeance",
                               lambda first, last: T.ERR_DUE_BEFORE_DATE.format(echeance=last, date=first))


def unknown_result_programmes(frames: Frames, known: Known) -> list[Issue]:
    """A result of a programme that is not in the catalogue (uploaded or carried over)."""
    return _unknown_programmes("realisations", frames, known)


def unknown_result_themes(frames: Frames, known: Known) -> list[Issue]:
    """Every result whose theme names no known theme; the known ones become codes."""
    return _theme_column("realisations", frames, known)


def result_theme_not_of_programme(frames: Frames, known: Known) -> list[Issue]:
    """A result on a theme its programme does not cover (checked once per distinct programme × theme)."""
    res = frames.get("realisations")
    if res is None:
        return []
    themes_of = _programme_themes(frames, known)
    prog, theme = res.columns["programme"], res.columns["thematique"]
    pairs = pd.MultiIndex.from_arrays([prog.codes, theme.codes])
    codes, uniques = pd.factorize(pairs)
    bad = set()
    for k, (p_slot, t_slot) in enumerate(uniques):
        pid, code = prog.values[p_slot], theme.values[t_slot]
        if pid in themes_of and code is not None and code not in themes_of[pid]:
            bad.add(k)
    header = res.headers.get("thematique", "thematique")
    issues = []
    for pos in np.flatnonzero(np.isin(codes, list(bad))):
        pid, code = prog.values[prog.codes[pos]], theme.values[theme.codes[pos]]
        issues.append(Issue(sheet="realisations", row=int(res.index[pos]), column=header, value=str(code),
                            kind="coherence", message=T.ERR_THEME_NOT_OF_PROGRAMME.format(
                                value=code, programme=pid, themes=", ".join(sorted(themes_of[pid])))))
    return issues


def unfit_carried_follow_through(frames: Frames, known: Known) -> list[Issue]:
    """Commitments and results the upload would carry over from the active snapshot but that name investors or
    programmes its new catalogue no longer has (rows numbered as in the active snapshot's export). Not a rule:
    the importer leaves such a sheet out of the new snapshot (it stays in the active one) and says so, so that a
    new catalogue is never blocked by old commitments and every snapshot re-imports as it exports."""
    if known.store is None or known.active is None or not {"investisseurs", "programmes"} & set(frames):
        return []
    programmes = _programme_themes(frames, known)
    issues = []
    if "engagements" not in frames:
        for pos, row in enumerate(known.store.sheet(known.active, "engagements").itertuples(index=False), start=2):
            for inv in row.investisseurs if known.investors is not None else []:
                if inv not in known.investors:
                    issues.append(Issue(sheet="engagements", row=pos, column="investisseurs", value=inv,
                                        kind="reference", message=T.ERR_UNKNOWN_INVESTOR.format(value=inv)))
            if isinstance(row.programme, str) and row.programme not in programmes:
                issues.append(Issue(sheet="engagements", row=pos, column="programme", value=row.programme,
                                    kind="reference", message=T.ERR_UNKNOWN_PROGRAMME.format(value=row.programme)))
    if "realisations" not in frames and "programmes" in frames:
        for pos, row in enumerate(known.store.sheet(known.active, "realisations").itertuples(index=False), start=2):
            if row.programme not in programmes:
                issues.append(Issue(sheet="realisations", row=pos, column="programme", value=row.programme,
                                    kind="reference", message=T.ERR_UNKNOWN_PROGRAMME.format(value=row.programme)))
    return issues


# --- organisations: operators named by programmes, one identifier per organisation -------------------------------
ORGANISATION_SHEETS = ("investisseurs", "operateurs")  # the sheets whose rows are organisations


def unknown_operators(frames: Frames, known: Known) -> list[Issue]:
    """Every operator of a programme missing from the operators sheet (uploaded or carried over)."""
    prog = frames.get("programmes")
    if prog is None or known.operators is None or "operateurs" not in prog:
        return []
    col = prog.columns["operateurs"]
    header = prog.headers.get("operateurs", "operateurs")
    strangers = {slot: missing for slot, ids in enumerate(col.values)
                 if (missing := [o for o in ids or [] if o not in known.operators])}
    return [Issue(sheet="programmes", row=int(prog.index[pos]), column=header, value=o, kind="reference",
                  message=T.ERR_UNKNOWN_OPERATOR.format(value=o))
            for pos in col.rows_with(list(strangers)) for o in strangers[col.codes[pos]]]


def organisation_rows(frames: Frames) -> list[dict[str, Any]]:
    """The organisations of an upload, one per row of its investors and operators sheets: sheet, row, id, nom and
    their identifiers."""
    rows = []
    for sheet in ORGANISATION_SHEETS:
        frame = frames.get(sheet)
        if frame is None:
            continue
        cols = {name: frame[name] for name in ("id", "nom", *IDENTIFIERS) if name in frame}
        for pos, row in enumerate(frame.index):
            rows.append({"sheet": sheet, "row": int(row), **{name: values[pos] for name, values in cols.items()}})
    return rows


def organisation_duplicates(frames: Frames) -> list[dict[str, Any]]:
    """Organisations sharing an identifier (``kind`` « identifiant »: an error, unless an investor and an operator
    share it: one organisation with two roles) or a folded name (« nom »: a « doublon probable », unless they
    share an identifier). Each: kind, column, value, rows [{sheet, row, id, nom}] in upload order."""
    orgs = organisation_rows(frames)
    groups: list[dict[str, Any]] = []
    for column in IDENTIFIERS:
        by_value: dict[str, list[dict]] = {}
        for org in orgs:
            if org.get(column):
                by_value.setdefault(org[column], []).append(org)
        for value, same in by_value.items():
            per_sheet = [o for sheet in ORGANISATION_SHEETS for o in same if o["sheet"] == sheet]
            if any(sum(o["sheet"] == sheet for o in same) > 1 for sheet in ORGANISATION_SHEETS):
                groups.append({"kind": "identifiant", "column": column, "value": value, "rows": per_sheet})
    by_name: dict[str, list[dict]] = {}
    for org in orgs:
        if org.get("nom"):
            by_name.setdefault(name_key(org["nom"]), []).append(org)
    for value, same in by_name.items():
        if len(same) > 1 and not _one_identity(same):
            groups.append({"kind": "nom", "column": "nom", "value": value, "rows": same})
    return [{**g, "rows": [{k: o.get(k) for k in ("sheet", "row", "id", "nom")} for o in g["rows"]]} for g in groups]


def _one_identity(orgs: list[dict]) -> bool:
    """Two rows are one organisation in two roles: an investor and an operator sharing a SIREN or an RNA."""
    return len(orgs) == 2 and {o["sheet"] for o in orgs} == set(ORGANISATION_SHEETS) and any(
        orgs[0].get(c) and orgs[0].get(c) == orgs[1].get(c) for c in ("siren", "rna"))


def same_identifier(frames: Frames, known: Known) -> list[Issue]:
    """Each organisation row holding an identifier an earlier row of its sheet holds, naming that row."""
    issues = []
    for group in organisation_duplicates(frames):
        if group["kind"] != "identifiant":
            continue
        column = group["column"]
        for sheet in ORGANISATION_SHEETS:
            same = [o for o in group["rows"] if o["sheet"] == sheet]
            for org in same[1:]:
                first = same[0]
                issues.append(Issue(
                    sheet=sheet, row=org["row"], column=frames[sheet].headers.get(column, column),
                    value=group["value"], kind="doublon", message=T.ERR_SAME_IDENTIFIER.format(
                        column=column.upper(), value=group["value"], first=first["row"], first_sheet=sheet,
                        first_name=first["nom"])))
    return issues


def probable_duplicate_warnings(duplicates: list[dict[str, Any]]) -> list[str]:
    """The « doublon probable » sentence of each pair of names that fold to the same text."""
    out = []
    for group in duplicates:
        if group["kind"] == "nom":
            first = group["rows"][0]
            for other in group["rows"][1:]:
                out.append(T.WARN_PROBABLE_DUPLICATE.format(
                    name=first["nom"], sheet=first["sheet"], row=first["row"], other_name=other["nom"],
                    other_sheet=other["sheet"], other_row=other["row"]))
    return out


RULES: tuple[Callable[[Frames, Known], list[Issue]], ...] = (
    duplicate_ids, unknown_programme_themes, unknown_investors, end_before_start, unknown_need_themes,
    unknown_commitment_themes, unknown_commitment_investors, unknown_commitment_programmes, due_before_decision,
    unknown_result_programmes, unknown_result_themes, result_theme_not_of_programme, unknown_operators,
    same_identifier)


# --- helpers ------------------------------------------------------------------------------------------
def _days(col: ParsedColumn) -> np.ndarray:
    """A date column as day numbers per row, -1 where blank."""
    return np.array([-1 if d is None else d.toordinal() for d in col.values], dtype=np.int64)[col.codes]


def _programme_themes(frames: Frames, known: Known) -> dict[str, set[str]]:
    """Programme id → theme codes: the upload's programmes (themes already resolved), else the active snapshot's."""
    prog = frames.get("programmes")
    if prog is None:
        return known.carried_programmes
    return {pid: set(themes or []) for pid, themes in zip(prog["id"], prog["thematiques"]) if pid is not None}


def _unknown_programmes(sheet: str, frames: Frames, known: Known) -> list[Issue]:
    """Rows of ``sheet`` whose ``programme`` names no programme of the catalogue."""
    frame = frames.get(sheet)
    if frame is None:
        return []
    ids = _programme_themes(frames, known)
    col = frame.columns["programme"]
    header = frame.headers.get("programme", "programme")
    slots = [slot for slot, pid in enumerate(col.values) if pid is not None and pid not in ids]
    return [Issue(sheet=sheet, row=int(frame.index[pos]), column=header, value=str(col.values[col.codes[pos]]),
                  kind="reference", message=T.ERR_UNKNOWN_PROGRAMME.format(value=col.values[col.codes[pos]]))
            for pos in col.rows_with(slots)]


def _unknown_theme(known: Known, sheet: str, row: int, header: str, item: Any) -> Issue:
    return Issue(sheet=sheet, row=row, column=header, value=str(item), kind="reference",
                 message=T.ERR_UNKNOWN_THEME.format(value=item, known=known.theme_codes))


def _duplicates(sheet: str, frame: ParsedSheet, key: str) -> list[Issue]:
    """Each row repeating the key of an earlier row, with the first row of that key."""
    col = frame.columns[key]

    def present_and_repeated(per_row: np.ndarray) -> tuple[np.ndarray, bool]:
        present = np.flatnonzero(per_row >= 0)
        return present, bool(len(present)) and np.bincount(per_row[present]).max() >= 2

    if col.words is not None and col.default is None:  # distinct words, read once each: a key per slot
        if not present_and_repeated(np.where(col.codes < len(col.words), col.codes, -1))[1]:
            return []
    try:  # keys are strings: hashed by Arrow
        encoded = pa.array(col.values, type=pa.string(), from_pandas=True).dictionary_encode()
        ids = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.intp)
        keys = encoded.dictionary.to_numpy(zero_copy_only=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        ids, keys = pd.factorize(col.values, use_na_sentinel=True)
    per_row = ids[col.codes]  # distinct parsed key of each row, -1 without one
    present, repeated = present_and_repeated(per_row)
    if not repeated:
        return []
    seen, first_pos = np.unique(per_row[present], return_index=True)
    first_row = np.zeros(len(keys), dtype=np.int64)
    first_row[seen] = frame.index[present[first_pos]]
    repeat = np.ones(len(present), dtype=bool)
    repeat[first_pos] = False
    header = frame.headers.get(key, key)
    return [Issue(sheet=sheet, row=int(frame.index[pos]), column=header, value=str(keys[per_row[pos]]),
                  kind="doublon", message=T.ERR_DUPLICATE.format(value=keys[per_row[pos]],
                                                                first=int(first_row[per_row[pos]])))
            for pos in present[repeat]]
