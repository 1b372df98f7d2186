"""The numbers of the Méthode page (texts.FORMULAS) on a small inventory computed by hand.

Snapshot date d = 30/06/2020. Themes: N = numerique, J = juridique, M = modele_socio_eco, C = competences.

Programmes (investors) — territory — themes — dates — active at d?
    PN (A)    FR      N     open / open             yes  (national: reaches everything)
    PR (B, C) REG-84  N, J  01/01/2020 – 31/12/2020 yes  (co-funded; a region reaches its départements)
    PD (A)    DEP-69  J     30/06/2020 – 30/06/2020 yes  (boundary day; a département counts for its region)
    PG (C)    DEP-33  M     open – 31/12/2021       yes
    PE (D)    REG-11  N     01/01/2020 – 29/06/2020 no   (ended the day before)
    PF (D)    DEP-13  J     01/07/2020 – open       no   (not started yet)

Needs: territory, source, theme, intensity × actors = score
    n1 DEP-69  terrain     N  4 × 3 = 12
    n2 DEP-01  terrain     N  2 × 1 =  2      (Ain, in REG-84)
    n3 REG-84  ingenierie  N  5 × 2 = 10
    n4 DEP-69  terrain     J  3 × 2 =  6
    n5 FR      terrain     N  1 × 4 =  4      (national: stays national)
    n6 DEP-75  terrain     N  5 × 1 =  5      (Paris, REG-11: only PN, PE has ended)
    n7 DEP-13  terrain     J  4 × 5 = 20      (REG-93: PF not started → white zone)
    n8 DEP-33  ingenierie  M  3 × 1 =  3      (REG-75: PG)
    n9 974     terrain     C  5 × 1 =  5      (La Réunion, DEP-974 in REG-04: white zone)
"""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from inventory.analysis import base, catalogue, challenges, collective, coverage, evolution, needs
from inventory import texts as T
from tests.builders import frames

D = dt.date(2020, 6, 30)
N, J, M, C = "numerique", "juridique", "modele_socio_eco", "competences"

INVESTORS = [{"id": i, "nom": f"Investisseur {i}", "type": "fondation"} for i in "ABCD"]
PROGRAMMES = [
    {"id": "PN", "nom": "National", "investisseurs": ["A"], "phase": "urgence", "thematiques": [N],
     "territoires": ["FR"]},
    {"id": "PR", "nom": "Régional", "investisseurs": ["B", "C"], "phase": "relance", "thematiques": [N, J],
     "territoires": ["REG-84"], "date_debut": dt.date(2020, 1, 1), "date_fin": dt.date(2020, 12, 31)},
    {"id": "PD", "nom": "Départemental", "investisseurs": ["A"], "phase": "urgence", "thematiques": [J],
     "territoires": ["DEP-69"], "date_debut": D, "date_fin": D},
    {"id": "PG", "nom": "Gironde", "investisseurs": ["C"], "phase": "structurel", "thematiques": [M],
     "territoires": ["DEP-33"], "date_fin": dt.date(2021, 12, 31)},
    {"id": "PE", "nom": "Terminé", "investisseurs": ["D"], "phase": "urgence", "thematiques": [N],
     "territoires": ["REG-11"], "date_debut": dt.date(2020, 1, 1), "date_fin": dt.date(2020, 6, 29)},
    {"id": "PF", "nom": "Futur", "investisseurs": ["D"], "phase": "relance", "thematiques": [J],
     "territoires": ["DEP-13"], "date_debut": dt.date(2020, 7, 1)},
]


def need(territoire, source, thematique, intensite, nb_acteurs, i):
    return {"territoire": territoire, "source": source, "thematique": thematique, "intensite": intensite,
            "nb_acteurs": nb_acteurs, "id": f"n{i}"}


NEEDS = [
    need("DEP-69", "terrain", N, 4, 3, 1), need("DEP-01", "terrain", N, 2, 1, 2),
    need("REG-84", "ingenierie", N, 5, 2, 3), need("DEP-69", "terrain", J, 3, 2, 4),
    need("FR", "terrain", N, 1, 4, 5), need("DEP-75", "terrain", N, 5, 1, 6), need("DEP-13", "terrain", J, 4, 5, 7),
    need("DEP-33", "ingenierie", M, 3, 1, 8), need("DEP-974", "terrain", C, 5, 1, 9),
]
COLUMNS = ["acteurs", "score", "intensite_moyenne", "programmes", "tension", "zone_blanche", "investisseurs",
           "alliance"]

# (territory, theme): acteurs, score, mean intensity, programmes, tension, white zone, investors, alliance
REGION_CELLS = {
    ("REG-84", N): (6, 24, 4.0, 2, 8.0, False, 3, True),  # n1+n2+n3; PN + PR; A, B, C; 24 / (1 + 2)
    ("REG-84", J): (2, 6, 3.0, 2, 2.0, False, 3, True),  # n4; PR + PD (counts for its region); 6 / 3
    ("FR", N): (4, 4, 1.0, 1, 2.0, False, 1, False),  # n5 stays national; PN only; 4 / 2
    ("REG-11", N): (1, 5, 5.0, 1, 2.5, False, 1, False),  # n6; PN (PE ended); 5 / 2
    ("REG-93", J): (5, 20, 4.0, 0, 20.0, True, 0, False),  # n7; PF not started: white zone
    ("REG-75", M): (1, 3, 3.0, 1, 1.5, False, 1, False),  # n8; PG counts for its region
    ("REG-04", C): (1, 5, 5.0, 0, 5.0, True, 0, False),  # n9: La Réunion, white zone
}
DEPARTEMENT_CELLS = {
    ("DEP-69", N): (3, 12, 4.0, 2, 4.0, False, 3, True),  # n1; PN + PR (region reaches its départements)
    ("DEP-01", N): (1, 2, 2.0, 2, 0.67, False, 3, True),  # n2; 2 / 3
    ("REG-84", N): (2, 10, 5.0, 2, 3.33, False, 3, True),  # n3: a region's own need stays at the region
    ("DEP-69", J): (2, 6, 3.0, 2, 2.0, False, 3, True),  # n4; PR + PD
    ("FR", N): (4, 4, 1.0, 1, 2.0, False, 1, False),
    ("DEP-75", N): (1, 5, 5.0, 1, 2.5, False, 1, False),
    ("DEP-13", J): (5, 20, 4.0, 0, 20.0, True, 0, False),
    ("DEP-33", M): (1, 3, 3.0, 1, 1.5, False, 1, False),
    ("DEP-974", C): (1, 5, 5.0, 0, 5.0, True, 0, False),
}

FOLLOWUP_COLUMNS = ["engagements", "beneficiaires", "taux_atteinte"]  # tests/test_followup.py checks them

@pytest.fixture
def sid(store):
    return store.write_snapshot(frames(INVESTORS, PROGRAMMES, NEEDS), label="à la main", as_of=D)[0]


def cells(matrix: pd.DataFrame) -> dict:
    out = {}
    for r in matrix.itertuples(index=False):
        values = tuple(getattr(r, c) for c in COLUMNS)
        out[(r.territoire, r.thematique)] = tuple(  # ratios are exact; the hand-made figures have 2 decimals
            None if isinstance(v, float) and math.isnan(v) else round(v, 2) if isinstance(v, float)
            else v.item() if hasattr(v, "item") else v for v in values)
    return out


def test_region_level_by_hand(store, sid):
    m = coverage.need_matrix(store, sid, level="region")
    assert list(m.columns) == ["territoire", "nom", "thematique", *COLUMNS[:-1], "score_couvert", "part_couverte",
                               "alliance", *FOLLOWUP_COLUMNS]
    got = cells(m)
    for key, expected in REGION_CELLS.items():
        assert got[key] == expected, key
    assert m.set_index(["territoire", "thematique"]).loc[("REG-84", N), "nom"] == "Auvergne-Rhône-Alpes"


def test_departement_level_by_hand(store, sid):
    got = cells(coverage.need_matrix(store, sid, level="departement"))
    for key, expected in DEPARTEMENT_CELLS.items():
        assert got[key] == expected, key
    # a département reached only by the co-funded regional programme: two investors but one programme
    assert got[("DEP-03", J)] == (0, 0, None, 1, 0.0, False, 2, False)


def test_cells_without_needs_show_coverage_only(store, sid):
    m = coverage.need_matrix(store, sid, level="region")
    got = cells(m)
    with_needs = {k for k, v in got.items() if v[0] > 0}
    assert with_needs == set(REGION_CELLS)
    # the national programme reaches every region: 18 regions + FR in numerique
    assert {t for t, th in got if th == N} == {"FR"} | {k for k in m["territoire"] if k.startswith("REG-")}
    assert len({t for t, th in got if th == N}) == 19
    assert got[("REG-53", N)] == (0, 0, None, 1, 0.0, False, 1, False)
    # ended and not-yet-started programmes reach nothing
    assert ("REG-11", N) in got and got[("REG-11", N)][3] == 1
    assert ("REG-93", J) in got and got[("REG-93", J)][3] == 0
    # départements never show at region level
    assert not any(t.startswith("DEP-") for t, _ in got)


def test_national_needs_stay_national_and_departements_roll_up(store, sid):
    got = cells(coverage.need_matrix(store, sid, level="region"))
    total = sum(v[0] for v in got.values())
    assert total == sum(n["nb_acteurs"] for n in NEEDS) == 20
    assert got[("FR", N)][0] == 4 and got[("REG-84", N)][0] == 6


def test_source_filter(store, sid):
    eco = cells(coverage.need_matrix(store, sid, needs=base.NeedFilter(source="ingenierie")))
    assert {k for k, v in eco.items() if v[0] > 0} == {("REG-84", N), ("REG-75", M)}
    assert eco[("REG-84", N)] == (2, 10, 5.0, 2, 3.33, False, 3, True)  # n3 alone: 10 / 3 = 3.333…
    field = cells(coverage.need_matrix(store, sid, needs=base.NeedFilter(source="terrain")))
    assert field[("REG-84", N)] == (4, 14, 3.5, 2, 4.67, False, 3, True)  # n1 + n2: 14 / 3 = 4.666…


def test_theme_filter(store, sid):
    got = cells(coverage.need_matrix(store, sid, needs=base.NeedFilter(thematiques=(J,))))
    assert {th for _, th in got} == {J}
    assert got[("REG-84", J)] == REGION_CELLS[("REG-84", J)]


def test_white_zones_worst_first(store, sid):
    wz = coverage.white_zones(store, sid)
    assert list(zip(wz["territoire"], wz["thematique"])) == [("REG-93", J), ("REG-04", C)]
    wz = coverage.white_zones(store, sid, level="departement", limit=1)
    assert list(zip(wz["territoire"], wz["thematique"])) == [("DEP-13", J)]


def test_tension_ranking(store, sid):
    ranked = coverage.tension_ranking(store, sid, limit=None)
    assert list(zip(ranked["territoire"], ranked["thematique"], ranked["tension"])) == [
        ("REG-93", J, 20.0), ("REG-84", N, 8.0), ("REG-04", C, 5.0), ("REG-11", N, 2.5),
        ("REG-84", J, 2.0), ("FR", N, 2.0),  # tie broken by score: 6 before 4
        ("REG-75", M, 1.5)]


def test_counts_at_a_glance(store, sid):
    assert needs.counts(store, sid) == {"besoins": 9, "programmes": 6, "investisseurs": 4, "acteurs": 20,
                                     "territoires": 8, "programmes_actifs": 4}  # PN, PR, PD, PG


def test_cofunding_rate_counts_active_programmes(store, sid):
    # active: PN, PR, PD, PG (PE ended, PF not started); co-funded: PR (B, C) → 1 / 4
    assert collective.cofunding(store, sid) == {"programmes": 4, "cofinances": 1, "taux": pytest.approx(1 / 4)}
    edges = collective.cofunding_edges(store, sid)
    assert list(zip(edges["source"], edges["cible"], edges["programmes"])) == [("B", "C", 1)]


def test_the_active_on_picker_spans_every_date_at_which_the_active_programmes_change(store, sid):
    # earliest: PR and PE start 01/01/2020; latest: PG ends 31/12/2021 (open dates do not count)
    assert catalogue.programme_dates(store, sid) == (dt.date(2020, 1, 1), dt.date(2021, 12, 31))
    # without a programme, the snapshot's own date; an unknown snapshot, nothing
    bare = store.write_snapshot(frames(INVESTORS, [], NEEDS), label="sans programme", as_of=D)[0]
    assert catalogue.programme_dates(store, bare) == (D, D)
    assert catalogue.programme_dates(store, 999) is None


def test_alliance_cells(store, sid):
    cells_ = collective.alliance_cells(store, sid)
    assert set(zip(cells_["territoire"], cells_["thematique"])) == {("REG-84", N), ("REG-84", J)}
    row = cells_.set_index(["territoire", "thematique"]).loc[("REG-84", N)]
    assert row["noms_investisseurs"] == "Investisseur A ; Investisseur B ; Investisseur C"


def test_programmes_reaching_a_territory(store, sid):
    def ids(territoire, **kw):
        return list(catalogue.programmes_reaching(store, sid, territoire, **kw)["id"])

    assert ids("REG-84", thematique=N) == ["PN", "PR"]  # not PE (another region, ended anyway)
    assert ids("DEP-69") == ["PD", "PN", "PR"]
    assert ids("REG-84") == ["PD", "PN", "PR"]  # a département's programme counts for its region
    assert ids("DEP-13") == ["PN"]  # PF has not started
    assert ids("DEP-13", active_only=False) == ["PF", "PN"]
    assert ids("REG-11", active_only=False) == ["PE", "PN"]


def test_need_rows_of_a_region_include_its_departements(store, sid):
    rows = needs.need_rows(store, sid, "REG-84")
    assert sorted(rows["id"]) == ["n1", "n2", "n3", "n4"]
    # at département level a region row holds only the needs entered for the whole region
    assert list(needs.need_rows(store, sid, "REG-84", level="departement")["id"]) == ["n3"]
    assert list(rows["score"]) == sorted(rows["score"], reverse=True)
    assert list(needs.need_rows(store, sid, "FR")["id"]) == ["n5"]


def test_needs_by_territory_and_theme(store, sid):
    by_terr = needs.needs_by_territory(store, sid).set_index("territoire")
    assert by_terr.loc["REG-84", "acteurs"] == 8 and by_terr.loc["REG-84", "score"] == 30  # n1..n4
    assert by_terr.loc["FR", "score"] == 4
    by_theme = needs.needs_by_theme(store, sid).set_index("thematique")
    assert by_theme.loc[N, "score"] == 12 + 2 + 10 + 4 + 5
    assert by_theme.loc[J, "acteurs"] == 7


def test_investors_and_their_footprint(store, sid):
    inv = collective.investors(store, sid).set_index("id")
    # active programmes only: A has PN and PD; D's PE has ended and PF not started
    assert inv.loc["A", "programmes"] == 2 and inv.loc["D", "programmes"] == 0
    assert inv.loc["D", "programmes_inactifs"] == 2 and inv.loc["A", "programmes_inactifs"] == 0
    fp = collective.investor_footprint(store, sid, "C")
    assert {("REG-84", N), ("REG-84", J), ("REG-75", M)} <= set(zip(fp["territoire"], fp["thematique"]))
    assert collective.investor_footprint(store, sid, "D").empty  # neither of its programmes is active
    allies = collective.likely_allies(store, sid, "B")
    assert list(allies["id"][:1]) == ["C"]


def test_ended_programmes_are_reported_between_snapshots(store, sid):
    april = store.write_snapshot(frames(INVESTORS, PROGRAMMES, NEEDS[:3]), label="avril", as_of=dt.date(2020, 4, 30))[0]
    changes = evolution.compare_programmes(store, april, sid)
    # PE ran on 30/04, ended 29/06; PD runs on 30/06 only (not yet on 30/04): the categories add up
    assert dict(zip(changes["id"], changes["changement"])) == {"PE": "terminé", "PD": "démarré"}
    counted = evolution.programme_change_counts(store, april, sid)
    assert (counted["actifs_avant"], counted["actifs_apres"]) == (4, 4)  # PN PR PG PE → PN PR PD PG
    assert counted["actifs_apres"] - counted["actifs_avant"] == counted["démarré"] - counted["terminé"]
    moves = evolution.compare_needs(store, april, sid).set_index(["territoire", "thematique"])
    assert moves.loc[("REG-93", J), "ecart_score"] == 20
    assert moves.loc[("REG-84", N), "ecart_score"] == 0  # n1, n2, n3 in both


def test_levels_are_checked(store, sid):
    with pytest.raises(ValueError):
        coverage.need_matrix(store, sid, level="commune")


def test_every_formula_is_explained_in_one_french_sentence():
    for key in ("actif", "acteurs", "score", "intensite_moyenne", "programmes", "atteinte", "score_couvert",
                "part_couverte", "tension", "zone_blanche", "investisseurs", "alliance", "cofinancement", "budget",
                "cases_communes", "ligne_region"):
        assert T.FORMULAS[key].endswith(".")


def test_demo_matrix_is_consistent(demo_store):
    """On the demo: tension is score / (1 + programmes); white zones are exactly the cells with needs and no need
    row reached; part_couverte is score_couvert / score."""
    sid = demo_store.active_snapshot_id()
    m = coverage.need_matrix(demo_store, sid)
    assert (m["tension"] - m["score"] / (1 + m["programmes"])).abs().max() < 1e-9
    assert ((m["acteurs"] > 0) & (m["score_couvert"] == 0)).equals(m["zone_blanche"])
    with_needs = m[m["score"] > 0]
    assert (with_needs["part_couverte"] - with_needs["score_couvert"] / with_needs["score"]).abs().max() < 1e-12
    assert m.loc[m["score"] == 0, "part_couverte"].isna().all()
    assert (m["score_couvert"] <= m["score"]).all()
    assert (m["investisseurs"] <= m["programmes"] * 3).all()
    assert m[["territoire", "thematique"]].duplicated().sum() == 0


# --- coverage measured where the need is ------------------------------------------------------------------------
# Snapshot at D. K = cooperation. Programmes, both active (no dates):
#     Q1 (A) DEP-13 Bouches-du-Rhône  K     (counts for REG-93, but reaches no need in Vaucluse)
#     Q2 (B) DEP-69 Rhône             N     (counts for REG-84; reaches DEP-69's needs only)
# Needs: territory, theme, intensity × actors = score
#     m1 DEP-84 Vaucluse (REG-93)  K  4 × 3 = 12   not reached (Q1 is in another département)
#     m2 DEP-69                    N  3 × 2 =  6   reached by Q2
#     m3 REG-84 (whole region)     N  5 × 2 = 10   not reached (a département programme reaches no region need)
#     m4 DEP-38 Isère (REG-84)     N  2 × 2 =  4   not reached
# Region level:
#     REG-93 K: score 12, programmes 1 (Q1), score_couvert 0, part 0 → white zone ("1 programme dans la région,
#               0 % du besoin atteint"); tension 12 / 2 = 6
#     REG-84 N: score 6 + 10 + 4 = 20, programmes 1 (Q2), score_couvert 6, part 6 / 20 = 0.3 → partly covered
# Département level (a region row holds only its own needs):
#     REG-84 N: m3 alone: acteurs 2, score 10, programmes 1, score_couvert 0 → white zone
#     DEP-69 N: score 6, score_couvert 6, part 1;  DEP-38 N: score 4, programmes 0, white zone;
#     DEP-84 K: score 12, programmes 0, white zone
K = "cooperation"
WHERE_PROGRAMMES = [
    {"id": "Q1", "nom": "Bouches-du-Rhône", "investisseurs": ["A"], "phase": "relance", "thematiques": [K],
     "territoires": ["DEP-13"]},
    {"id": "Q2", "nom": "Rhône", "investisseurs": ["B"], "phase": "relance", "thematiques": [N],
     "territoires": ["DEP-69"]},
]
WHERE_NEEDS = [need("DEP-84", "terrain", K, 4, 3, 1), need("DEP-69", "terrain", N, 3, 2, 2),
               need("REG-84", "terrain", N, 5, 2, 3), need("DEP-38", "terrain", N, 2, 2, 4)]
COVERAGE = ["acteurs", "score", "programmes", "score_couvert", "part_couverte", "zone_blanche"]


@pytest.fixture
def where_sid(store):
    return store.write_snapshot(frames(INVESTORS[:2], WHERE_PROGRAMMES, WHERE_NEEDS), label="où", as_of=D)[0]


def coverage_of(matrix: pd.DataFrame) -> dict:
    return {(r["territoire"], r["thematique"]): tuple(
        None if isinstance(r[c], float) and math.isnan(r[c]) else r[c].item() if hasattr(r[c], "item") else r[c]
        for c in COVERAGE) for _, r in matrix.iterrows()}


def test_a_departement_programme_does_not_cover_a_need_elsewhere_in_its_region(store, where_sid):
    got = coverage_of(coverage.need_matrix(store, where_sid, level="region"))
    assert got[("REG-93", K)] == (3, 12, 1, 0, 0.0, True)
    assert coverage.need_matrix(store, where_sid).set_index(["territoire", "thematique"]).loc[("REG-93", K), "tension"] == 6
    assert list(zip(*[coverage.white_zones(store, where_sid)[c] for c in ("territoire", "thematique")])) == [("REG-93", K)]


def test_partial_coverage_is_the_share_of_the_score_reached(store, where_sid):
    got = coverage_of(coverage.need_matrix(store, where_sid, level="region"))
    assert got[("REG-84", N)] == (6, 20, 1, 6, 0.3, False)
    gaps = coverage.coverage_gaps(store, where_sid)  # largest unreached score first: 20 − 6 = 14, then 12
    assert list(zip(gaps["territoire"], gaps["thematique"], gaps["score_non_couvert"])) == [
        ("REG-84", N, 14), ("REG-93", K, 12)]


def test_region_rows_at_departement_level_hold_only_region_level_needs(store, where_sid):
    got = coverage_of(coverage.need_matrix(store, where_sid, level="departement"))
    assert got[("REG-84", N)] == (2, 10, 1, 0, 0.0, True)
    assert got[("DEP-69", N)] == (2, 6, 1, 6, 1.0, False)
    assert got[("DEP-38", N)] == (2, 4, 0, 0, 0.0, True)
    assert got[("DEP-84", K)] == (3, 12, 0, 0, 0.0, True)
    by_terr = needs.needs_by_territory(store, where_sid, level="departement").set_index("territoire")
    assert (by_terr.loc["REG-84", "acteurs"], by_terr.loc["REG-84", "score"]) == (2, 10)
    assert list(needs.need_rows(store, where_sid, "REG-84", level="departement")["id"]) == ["n3"]


def test_white_zones_closed_and_opened_between_snapshots(store, where_sid):
    # later, Q1 also lists Vaucluse (closes REG-93 K) and Q2 ends the day before (opens REG-84 N: 0 of 20 reached)
    later = [dict(WHERE_PROGRAMMES[0], territoires=["DEP-13", "DEP-84"]),
             dict(WHERE_PROGRAMMES[1], date_fin=dt.date(2020, 9, 29))]
    after = store.write_snapshot(frames(INVESTORS[:2], later, WHERE_NEEDS), label="après",
                                 as_of=dt.date(2020, 9, 30))[0]
    moves = evolution.compare_white_zones(store, where_sid, after).set_index(["territoire", "thematique"])
    assert moves.loc[("REG-84", N), ["changement", "part_couverte_avant", "part_couverte_apres"]].tolist() == [
        "ouverte", 0.3, 0.0]
    assert moves.loc[("REG-93", K), ["changement", "part_couverte_avant", "part_couverte_apres"]].tolist() == [
        "fermée", 0.0, 1.0]
    assert len(moves) == 2


# --- co-funding and budgets ----------------------------------------------------------------------------------------
# A real workbook. Snapshot at 30/06/2020. Programmes: investors as typed, budget, dates → active?
#     P1  "I1 ; I2"   100  open          yes   co-funded by two distinct investors
#     P2  "I3 ; I3"    30  open          yes   the same investor twice: ONE investor, not co-funded
#     P3  "I1 ; I3"    50  ended 31/05   no    co-funded but ended: not in the rate
#     P4  "I2"         10  open          yes
# Co-funding rate: active P1, P2, P4; co-funded P1 → 1 / 3 (it was 3 / 4 counting ended and repeated ones).
# Budgets, equal shares of active programmes: I1 100 / 2 = 50; I2 100 / 2 + 10 = 60; I3 30 → 140 = 100 + 30 + 10.
# Active programmes per investor: I1 1, I2 2, I3 1; not active: I1 1 (P3), I2 0, I3 1 (P3).
def test_cofunding_counts_distinct_investors_of_active_programmes_and_budgets_are_shared(store, tmp_path):
    from inventory.intake import importer
    from tests.builders import write_xlsx

    sheets = {
        "investisseurs": [["id", "nom", "type"], ["I1", "Un", "fondation"], ["I2", "Deux", "institution"],
                          ["I3", "Trois", "entreprise"]],
        "programmes": [
            ["id", "nom", "investisseurs", "phase", "thematiques", "territoires", "budget_eur", "date_fin"],
            ["P1", "Un", "I1 ; I2", "urgence", "numerique", "FR", 100, None],
            ["P2", "Deux", "I3 ; I3", "urgence", "numerique", "FR", 30, None],
            ["P3", "Trois", "I1 ; I3", "urgence", "numerique", "FR", 50, dt.date(2020, 5, 31)],
            ["P4", "Quatre", "I2", "urgence", "numerique", "FR", 10, None],
        ],
        "besoins": [["territoire", "source", "thematique", "intensite"], ["FR", "terrain", "numerique", 3]],
    }
    result = importer.import_files(store, [write_xlsx(tmp_path / "co.xlsx", sheets)], label="co", as_of=D)
    assert result.ok
    assert any("ligne 3 : I3" in w and "compté une fois" in w for w in result.warnings)  # P2 is on row 3
    sid = result.snapshot_id
    assert collective.cofunding(store, sid) == {"programmes": 3, "cofinances": 1, "taux": pytest.approx(1 / 3)}
    edges = collective.cofunding_edges(store, sid)
    assert list(zip(edges["source"], edges["cible"], edges["programmes"])) == [("I1", "I2", 1)]
    inv = collective.investors(store, sid).set_index("id")
    assert inv["budget_eur"].to_dict() == {"I1": 50.0, "I2": 60.0, "I3": 30.0}
    assert inv["budget_eur"].sum() == 100 + 30 + 10
    assert inv["programmes"].to_dict() == {"I1": 1, "I2": 2, "I3": 1}
    assert inv["programmes_inactifs"].to_dict() == {"I1": 1, "I2": 0, "I3": 1}
    assert list(catalogue.programmes(store, sid)["actif"]) == [True, True, False, True]
    assert catalogue.programmes(store, sid).set_index("id").loc["P2", "nb_investisseurs"] == 1


def test_likely_allies_count_cells_at_the_level_named(store, sid):
    # B and C fund PR (REG-84: N, J). At region level they share REG-84 × N and REG-84 × J: 2 cells (the
    # départements of REG-84 that PR also reaches are not counted on top); C also shares PG's nothing with B.
    allies = collective.likely_allies(store, sid, "B").set_index("id")
    assert allies.loc["C", "cases_communes"] == 2 and allies.loc["C", "cofinancements"] == 1
    # at département level: the 12 départements of REG-84 × {N, J} = 24 cells
    assert collective.likely_allies(store, sid, "B", level="departement").set_index("id").loc["C", "cases_communes"] == 24


def test_programmes_offered_to_each_audience_are_the_active_ones(store, sid):
    # no programme names an audience, so each is open to all three; active: N PN + PR, J PR + PD, M PG
    # (PE, numerique, ended; PF, juridique, not started)
    offer = challenges.programmes_by_audience(store, sid)
    per_theme = offer.groupby("thematique")["programmes"].agg(["min", "max"])
    assert per_theme.to_dict("index") == {J: {"min": 2, "max": 2}, M: {"min": 1, "max": 1}, N: {"min": 2, "max": 2}}
