"""Signals between two snapshots (« affaire à suivre »), each routed to the members best placed to act.

Five kinds (``TYPES``): a need that grew while its coverage did not, a white zone that opened, a commitment late
(newly or still), a programme ending soon that alone reaches a cell's needs (the cliff ahead), and a sheet or a
public catalogue not refreshed for long. The thresholds live once in ``THRESHOLDS`` (the Méthode page prints
them). Cells are read where needs sit (``need_matrix`` at département level: a département, a region's own row,
FR), so the reach rule is the store's (``programme_reach``, ``investor_reach``).

Each is routed to the members best placed to act, best first (``routing``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from inventory.parsing import LIST_SEPARATOR
from inventory.store import Store
from inventory.analysis.coverage import need_matrix
from inventory.analysis import routing
from inventory.analysis.followup import commitment_key, commitment_rows


@dataclass(frozen=True)
class Thresholds:
    """When a change is a signal (texts.SIGNAL_THRESHOLDS says them in words)."""

    hausse_part: float = 0.20  # a need's score up by at least this share…
    hausse_points: int = 10  # …and by at least this many points, while its score_couvert did not grow
    fin_jours: int = 60  # a programme ending within this many days after the snapshot's date
    anciennete_jours: int = 90  # a sheet or catalogue not refreshed for more than this many days


THRESHOLDS = Thresholds()
# most pressing first: the order of ``rang``
TYPES = ("zone_blanche_ouverte", "fin_de_programme", "besoin_en_hausse", "engagement_en_retard", "donnees_anciennes")
REASONS = routing.REASONS
# Programmes converted from a public catalogue carry its id prefix (intake.catalogues.*.PREFIX; analysis never
# imports intake, and tests/test_signals.py checks that these are theirs).
CATALOGUE_PREFIXES = {"aides-territoires": "AT-", "hxl": "HXL-"}
# the sheets whose refresh is watched; who should refresh them (None: the facilitators, nobody in particular)
WATCHED_SHEETS = ("besoins", "programmes", "investisseurs", "engagements", "realisations")
COLUMNS = ["rang", "type", "territoire", "nom", "thematique", "objet", "libelle", "avant", "apres", "date", "jours",
           "score", "pour"]  # score: the cell's need score now (cell signals)


def previous_import(store: Store, snapshot_id: int) -> int | None:
    """The last snapshot before ``snapshot_id`` (by date, then id) that is not a commitment noted in a session:
    what a signal compares with by default."""
    got = store.rows(
        """
        SELECT s.id FROM snapshots s JOIN snapshots a ON a.id = ?
        WHERE (s.as_of, s.id) < (a.as_of, a.id)
          AND s.id NOT IN (SELECT snapshot_id FROM audit_log WHERE action = 'engagement' AND snapshot_id IS NOT NULL)
        ORDER BY s.as_of DESC, s.id DESC LIMIT 1
        """,
        [snapshot_id],
    )
    return got[0][0] if got else None


def snapshot_pair(store: Store, before: int | None = None, after: int | None = None) -> tuple[int | None, int | None]:
    """(before, after): ``after`` defaults to the active snapshot, ``before`` to the import preceding it."""
    after = after if after is not None else store.active_snapshot_id()
    if after is None:
        return None, None
    return (before if before is not None else previous_import(store, after)), after


def signals(store: Store, before: int | None, after: int, *, investisseur: str | None = None,
            thresholds: Thresholds = THRESHOLDS) -> pd.DataFrame:
    """Every signal of ``after`` against ``before`` (None: only those that need no comparison), most pressing
    first: COLUMNS, ``rang`` from 1, ``pour`` a list of {investisseur, nom, raison, programmes} best placed first.
    With ``investisseur``, only the signals naming that member (their ``rang`` stays the shared one)."""
    found: list[dict[str, Any]] = []
    if before is not None:
        found += _cell_signals(store, before, after, thresholds)
    found += _cliffs(store, after, thresholds)
    found += _late_commitments(store, before, after)
    found += _stale_data(store, after, thresholds)
    routing.route(store, after, found, catalogues=CATALOGUE_PREFIXES)
    order = {t: i for i, t in enumerate(TYPES)}
    found.sort(key=lambda s: (order[s["type"]], -float(s.pop("poids")), str(s["territoire"]), str(s["thematique"]),
                              str(s["objet"])))
    for rank, s in enumerate(found, start=1):
        s["rang"] = rank
    out = pd.DataFrame(found, columns=COLUMNS, dtype=object)  # None stays None, whole numbers whole
    if investisseur is not None:
        out = out[[any(p["investisseur"] == investisseur for p in pour) for pour in out["pour"]]]
    return out.reset_index(drop=True)


def signals_json(store: Store, before: int | None = None, after: int | None = None, *,
                 investisseur: str | None = None) -> list[dict[str, Any]]:
    """The signals as ``signals --json`` prints them (and the API serves them): one object per signal
    {type, territoire, thematique, avant, apres, pour: [{investisseur, raison}], rang}, plus objet (the commitment,
    programme, sheet or catalogue concerned), date and jours where they apply. Exact numbers, ISO dates."""
    before, after = snapshot_pair(store, before, after)
    if after is None:
        return []
    frame = signals(store, before, after, investisseur=investisseur)
    return [{"type": s["type"], "territoire": s["territoire"], "thematique": s["thematique"],
             "avant": _plain(s["avant"]), "apres": _plain(s["apres"]),
             "pour": [{"investisseur": p["investisseur"], "raison": p["raison"]} for p in s["pour"]],
             "rang": int(s["rang"]), "objet": s["objet"], "date": _plain(s["date"]), "jours": _plain(s["jours"])}
            for s in frame.to_dict(orient="records")]


def signal_counts(store: Store, before: int | None, after: int) -> dict[str, int]:
    """How many signals of each type (every type present, 0 when none) and ``total``: the home page's line."""
    frame = signals(store, before, after)
    counts = {t: int((frame["type"] == t).sum()) for t in TYPES}
    return {**counts, "total": len(frame)}


def members_with_signals(store: Store, before: int | None, after: int) -> pd.DataFrame:
    """investisseur, nom, contact, signaux: each member some signal names (the digests' recipients)."""
    frame = signals(store, before, after)
    counted: dict[str, int] = {}
    for pour in frame["pour"]:
        for member in {p["investisseur"] for p in pour}:
            counted[member] = counted.get(member, 0) + 1
    people = contacts(store, after).rename(columns={"id": "investisseur"})
    people = people[people["investisseur"].isin(list(counted))].reset_index(drop=True)
    return people.assign(signaux=[counted[m] for m in people["investisseur"]])


def contacts(store: Store, snapshot_id: int) -> pd.DataFrame:
    """id, nom, contact (None when not given) of every investor of a snapshot, by id."""
    return store.read("SELECT id, nom, contact FROM investisseurs WHERE snapshot_id = ? ORDER BY id", [snapshot_id])


# --- the five kinds --------------------------------------------------------------------------------------------
def _signal(type_: str, territoire: Any, thematique: Any, avant: Any, apres: Any, poids: float, *, nom: Any = None,
            objet: Any = None, libelle: Any = None, date: Any = None, jours: Any = None, score: Any = None,
            owners: list[str] | None = None, owner_reason: str | None = None) -> dict[str, Any]:
    return {"type": type_, "territoire": territoire, "nom": nom, "thematique": thematique, "objet": objet,
            "libelle": libelle, "avant": avant, "apres": apres, "date": date, "jours": jours, "score": score,
            "poids": poids,
            "owners": owners or [], "owner_reason": owner_reason}


def _cell_signals(store: Store, before: int, after: int, th: Thresholds) -> list[dict[str, Any]]:
    """Needs up while coverage is not, and white zones opened, at the level needs are placed."""
    keep = ["territoire", "nom", "thematique", "score", "score_couvert", "part_couverte", "zone_blanche"]
    was = need_matrix(store, before, level="departement")[keep]
    now = need_matrix(store, after, level="departement")[keep]
    both = now.merge(was, on=["territoire", "nom", "thematique"], how="left", suffixes=("", "_avant"))
    out = []
    for c in both.itertuples(index=False):
        score_b = 0 if pd.isna(c.score_avant) else int(c.score_avant)
        covered_b = 0 if pd.isna(c.score_couvert_avant) else int(c.score_couvert_avant)
        if (c.score - score_b >= th.hausse_points and c.score >= (1 + th.hausse_part) * score_b
                and c.score_couvert <= covered_b):
            out.append(_signal("besoin_en_hausse", c.territoire, c.thematique, score_b, int(c.score),
                               c.score - score_b, nom=c.nom, score=int(c.score)))
        was_white = not pd.isna(c.zone_blanche_avant) and bool(c.zone_blanche_avant)  # NaN: no needs before
        if bool(c.zone_blanche) and not was_white:
            part_b = None if pd.isna(c.part_couverte_avant) else float(c.part_couverte_avant)
            out.append(_signal("zone_blanche_ouverte", c.territoire, c.thematique, part_b, 0.0, c.score, nom=c.nom, score=int(c.score)))
    return out


def _cliffs(store: Store, after: int, th: Thresholds) -> list[dict[str, Any]]:
    """A programme ending within ``fin_jours`` days after the snapshot's date that is the only one reaching the
    need rows of a cell: avant = the score it reaches, apres = 0 once it ends."""
    rows = store.rows(
        """
        WITH ending AS (  -- the few active programmes ending soon, first
            SELECT p.id, p.nom, p.date_fin, p.date_fin - s.as_of AS jours, list_distinct(p.investisseurs) AS invs
            FROM active_programmes p JOIN snapshots s ON s.id = p.snapshot_id
            WHERE p.snapshot_id = $a AND p.date_fin IS NOT NULL AND p.date_fin - s.as_of <= $days
        ), candidates AS (  -- the cells with needs whose need rows they reach
            SELECT DISTINCT r.territoire, r.thematique FROM programme_reach r
            WHERE r.snapshot_id = $a AND r.reaches_need AND r.programme_id IN (SELECT id FROM ending)
        ), reached AS (  -- how many programmes reach those cells' need rows, and which one when only one
            SELECT r.territoire, r.thematique, count(DISTINCT r.programme_id) AS n, any_value(r.programme_id) AS pid
            FROM programme_reach r SEMI JOIN candidates c ON c.territoire = r.territoire AND c.thematique = r.thematique
            WHERE r.snapshot_id = $a AND r.reaches_need GROUP BY ALL
        ), cells AS (
            SELECT a.territoire, a.thematique, sum(a.score)::BIGINT AS score FROM need_agg a
            SEMI JOIN candidates c ON c.territoire = a.territoire AND c.thematique = a.thematique
            WHERE a.snapshot_id = $a GROUP BY ALL
        )
        SELECT c.territoire, t.nom, c.thematique, c.score, e.id, e.nom, e.date_fin, e.jours, e.invs
        FROM cells c JOIN reached x USING (territoire, thematique) JOIN ending e ON e.id = x.pid
        JOIN territoires t ON t.key = c.territoire
        WHERE x.n = 1
        ORDER BY c.territoire, c.thematique
        """,
        {"a": after, "days": th.fin_jours},
    )
    return [_signal("fin_de_programme", terr, theme, int(score), 0, score, nom=nom, score=int(score), objet=pid,
                    libelle=pnom, date=end, jours=int(days), owners=list(invs), owner_reason="programme")
            for terr, nom, theme, score, pid, pnom, end, days, invs in rows]


def _late_commitments(store: Store, before: int | None, after: int) -> list[dict[str, Any]]:
    """Open commitments past their due date: avant = days late at the earlier snapshot (None: not late then, or
    not there: it became late), apres = days late now."""
    a_rows, a_params = commitment_rows(after)
    b_rows, b_params = commitment_rows(before if before is not None else -1)
    rows = store.rows(
        f"""
        WITH a AS ({a_rows}), b AS ({b_rows}),  -- without an earlier snapshot, b is empty (no snapshot -1)
        ak AS (SELECT *, {commitment_key('a')} AS k FROM a), bk AS (SELECT *, {commitment_key('b')} AS k FROM b)
        SELECT ak.id, ak.ordre, ak.territoires, ak.thematiques, ak.echeance, ak.investisseurs, ak.montant_eur,
               (SELECT as_of FROM snapshots WHERE id = ?) - ak.echeance AS late_now,
               CASE WHEN bk.en_retard THEN (SELECT as_of FROM snapshots WHERE id = ?) - bk.echeance END AS late_before,
               (SELECT string_agg(t.nom, ? ORDER BY t.ordre) FROM territoires t
                WHERE list_contains(ak.territoires, t.key)) AS noms
        FROM ak LEFT JOIN bk ON bk.k = ak.k
        WHERE ak.en_retard ORDER BY ak.ordre
        """,
        [*a_params, *b_params, after, before if before is not None else -1, LIST_SEPARATOR],
    )
    return [_signal("engagement_en_retard", LIST_SEPARATOR.join(terr), LIST_SEPARATOR.join(themes),
                    None if late_b is None else int(late_b), int(late_now), late_now, objet=eid or f"#{ordre + 1}",
                    nom=noms, date=due, jours=int(late_now), owners=list(dict.fromkeys(invs)), owner_reason="engagement")
            for eid, ordre, terr, themes, due, invs, amount, late_now, late_b, noms in rows]


def _stale_data(store: Store, after: int, th: Thresholds) -> list[dict[str, Any]]:
    """Sheets (and catalogues) whose rows date from a snapshot more than ``anciennete_jours`` days older than this
    one: avant = the date they were last brought, apres = this snapshot's date. A sheet's date is that of the
    first snapshot that holds its part (the one that brought it); a catalogue's, that of the first snapshot whose
    rows of that catalogue are the same as now."""
    sheets = " UNION ALL ".join(
        f"SELECT '{sheet}' AS objet, (SELECT min(t.as_of) FROM snapshots t WHERE t.{sheet}_part = s.{sheet}_part) AS depuis,"
        f" (SELECT count(*) FROM {sheet} x WHERE x.snapshot_id = s.id) AS lignes FROM snapshots s WHERE s.id = $a"
        for sheet in WATCHED_SHEETS)
    catalogues = " UNION ALL ".join(
        f"SELECT '{name}' AS objet, '{prefix}' AS prefix" for name, prefix in CATALOGUE_PREFIXES.items())
    rows = store.rows(
        f"""
        WITH sheets AS ({sheets}),
        cat AS ({catalogues}),
        fp AS (  -- each snapshot's rows of each catalogue, as one fingerprint
            SELECT c.objet, p.snapshot_id, sum(hash(p.id, p.nom, p.investisseurs, p.thematiques, p.territoires,
                   p.date_debut, p.date_fin, p.budget_eur, p.url)) AS f
            FROM programmes p JOIN cat c ON starts_with(p.id, c.prefix) GROUP BY ALL
        ), cats AS (
            SELECT n.objet, min(s.as_of) AS depuis, any_value(n.lignes) AS lignes FROM
                (SELECT fp.objet, fp.f, (SELECT count(*) FROM programmes p, cat c WHERE p.snapshot_id = $a
                   AND c.objet = fp.objet AND starts_with(p.id, c.prefix)) AS lignes FROM fp WHERE snapshot_id = $a) n
            JOIN fp o ON o.objet = n.objet AND o.f = n.f JOIN snapshots s ON s.id = o.snapshot_id
            WHERE s.as_of <= (SELECT as_of FROM snapshots WHERE id = $a) GROUP BY n.objet
        )
        SELECT x.objet, x.depuis, a.as_of, a.as_of - x.depuis
        FROM (SELECT * FROM sheets UNION ALL SELECT * FROM cats) x, snapshots a
        WHERE a.id = $a AND x.lignes > 0 AND a.as_of - x.depuis > $days
        """,
        {"a": after, "days": th.anciennete_jours},
    )
    return [_signal("donnees_anciennes", None, None, since, now, days, objet=objet, date=since, jours=int(days))
            for objet, since, now, days in rows]


def _plain(value: Any) -> Any:
    """A value as JSON has it: dates as ISO strings, numpy numbers as Python ones, NaN as None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.isoformat()[:10]
    if hasattr(value, "item"):
        return value.item()
    return value
