"""The numbers of DESIGN section 4 on a small inventory computed by hand.

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

from inventory import analytics as an
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
        out[(r.territoire, r.thematique)] = tuple(
            None if isinstance(v, float) and math.isnan(v) else v.item() if hasattr(v, "item") else v for v in values)
    return out


def test_region_level_by_hand(store, sid):
    m = an.need_matrix(store, sid, level="region")
    assert list(m.columns) == ["territoire", "nom", "thematique", *COLUMNS, *FOLLOWUP_COLUMNS]
    got = cells(m)
    for key, expected in REGION_CELLS.items():
        assert got[key] == expected, key
    assert m.set_index(["territoire", "thematique"]).loc[("REG-84", N), "nom"] == "Auvergne-Rhône-Alpes"


def test_departement_level_by_hand(store, sid):
    got = cells(an.need_matrix(store, sid, level="departement"))
    for key, expected in DEPARTEMENT_CELLS.items():
        assert got[key] == expected, key
    # a département reached only by the co-funded regional programme: two investors but one programme
    assert got[("DEP-03", J)] == (0, 0, None, 1, 0.0, False, 2, False)


def test_cells_without_needs_show_coverage_only(store, sid):
    m = an.need_matrix(store, sid, level="region")
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
    got = cells(an.need_matrix(store, sid, level="region"))
    total = sum(v[0] for v in got.values())
    assert total == sum(n["nb_acteurs"] for n in NEEDS) == 20
    assert got[("FR", N)][0] == 4 and got[("REG-84", N)][0] == 6


def test_source_filter(store, sid):
    eco = cells(an.need_matrix(store, sid, needs=an.NeedFilter(source="ingenierie")))
    assert {k for k, v in eco.items() if v[0] > 0} == {("REG-84", N), ("REG-75", M)}
    assert eco[("REG-84", N)] == (2, 10, 5.0, 2, 3.33, False, 3, True)  # n3 alone: 10 / 3
    field = cells(an.need_matrix(store, sid, needs=an.NeedFilter(source="terrain")))
    assert field[("REG-84", N)] == (4, 14, 3.5, 2, 4.67, False, 3, True)  # n1 + n2: 14 / 3


def test_theme_filter(store, sid):
    got = cells(an.need_matrix(store, sid, needs=an.NeedFilter(thematiques=(J,))))
    assert {th for _, th in got} == {J}
    assert got[("REG-84", J)] == REGION_CELLS[("REG-84", J)]


def test_white_zones_worst_first(store, sid):
    wz = an.white_zones(store, sid)
    assert list(zip(wz["territoire"], wz["thematique"])) == [("REG-93", J), ("REG-04", C)]
    wz = an.white_zones(store, sid, level="departement", limit=1)
    assert list(zip(wz["territoire"], wz["thematique"])) == [("DEP-13", J)]


def test_tension_ranking(store, sid):
    ranked = an.tension_ranking(store, sid, limit=None)
    assert list(zip(ranked["territoire"], ranked["thematique"], ranked["tension"])) == [
        ("REG-93", J, 20.0), ("REG-84", N, 8.0), ("REG-04", C, 5.0), ("REG-11", N, 2.5),
        ("REG-84", J, 2.0), ("FR", N, 2.0),  # tie broken by score: 6 before 4
        ("REG-75", M, 1.5)]


def test_counts_at_a_glance(store, sid):
    assert an.counts(store, sid) == {"besoins": 9, "programmes": 6, "investisseurs": 4, "acteurs": 20,
                                     "territoires": 8, "programmes_actifs": 4}  # PN, PR, PD, PG


def test_cofunding_rate(store, sid):
    assert an.cofunding(store, sid) == {"programmes": 6, "cofinances": 1, "taux": pytest.approx(1 / 6)}  # PR
    edges = an.cofunding_edges(store, sid)
    assert list(zip(edges["source"], edges["cible"], edges["programmes"])) == [("B", "C", 1)]


def test_alliance_cells(store, sid):
    cells_ = an.alliance_cells(store, sid)
    assert set(zip(cells_["territoire"], cells_["thematique"])) == {("REG-84", N), ("REG-84", J)}
    row = cells_.set_index(["territoire", "thematique"]).loc[("REG-84", N)]
    assert row["noms_investisseurs"] == "Investisseur A ; Investisseur B ; Investisseur C"


def test_programmes_reaching_a_territory(store, sid):
    def ids(territoire, **kw):
        return list(an.programmes_reaching(store, sid, territoire, **kw)["id"])

    assert ids("REG-84", thematique=N) == ["PN", "PR"]  # not PE (another region, ended anyway)
    assert ids("DEP-69") == ["PD", "PN", "PR"]
    assert ids("REG-84") == ["PD", "PN", "PR"]  # a département's programme counts for its region
    assert ids("DEP-13") == ["PN"]  # PF has not started
    assert ids("DEP-13", active_only=False) == ["PF", "PN"]
    assert ids("REG-11", active_only=False) == ["PE", "PN"]


def test_need_rows_of_a_region_include_its_departements(store, sid):
    rows = an.need_rows(store, sid, "REG-84")
    assert sorted(rows["id"]) == ["n1", "n2", "n3", "n4"]
    assert list(rows["score"]) == sorted(rows["score"], reverse=True)
    assert list(an.need_rows(store, sid, "FR")["id"]) == ["n5"]


def test_needs_by_territory_and_theme(store, sid):
    by_terr = an.needs_by_territory(store, sid).set_index("territoire")
    assert by_terr.loc["REG-84", "acteurs"] == 8 and by_terr.loc["REG-84", "score"] == 30  # n1..n4
    assert by_terr.loc["FR", "score"] == 4
    by_theme = an.needs_by_theme(store, sid).set_index("thematique")
    assert by_theme.loc[N, "score"] == 12 + 2 + 10 + 4 + 5
    assert by_theme.loc[J, "acteurs"] == 7


def test_investors_and_their_footprint(store, sid):
    inv = an.investors(store, sid).set_index("id")
    assert inv.loc["A", "programmes"] == 2 and inv.loc["D", "programmes"] == 2
    fp = an.investor_footprint(store, sid, "C")
    assert {("REG-84", N), ("REG-84", J), ("REG-75", M)} <= set(zip(fp["territoire"], fp["thematique"]))
    assert an.investor_footprint(store, sid, "D").empty  # neither of its programmes is active
    allies = an.likely_allies(store, sid, "B")
    assert list(allies["id"][:1]) == ["C"]


def test_ended_programmes_are_reported_between_snapshots(store, sid):
    april = store.write_snapshot(frames(INVESTORS, PROGRAMMES, NEEDS[:3]), label="avril", as_of=dt.date(2020, 4, 30))[0]
    changes = an.compare_programmes(store, april, sid)
    assert dict(zip(changes["id"], changes["changement"])) == {"PE": "terminé"}
    moves = an.compare_needs(store, april, sid).set_index(["territoire", "thematique"])
    assert moves.loc[("REG-93", J), "ecart_score"] == 20
    assert moves.loc[("REG-84", N), "ecart_score"] == 0  # n1, n2, n3 in both


def test_levels_are_checked(store, sid):
    with pytest.raises(ValueError):
        an.need_matrix(store, sid, level="commune")


def test_every_formula_is_explained_in_one_french_sentence():
    for key in ("acteurs", "score", "intensite_moyenne", "programmes", "tension", "zone_blanche", "investisseurs",
                "alliance", "cofinancement"):
        assert an.FORMULAS[key].endswith(".")


def test_demo_matrix_is_consistent(demo_store):
    """On the demo: tension is score / (1 + programmes) and white zones are exactly the needs without programme."""
    sid = demo_store.active_snapshot_id()
    m = an.need_matrix(demo_store, sid)
    assert (m["tension"] - (m["score"] / (1 + m["programmes"])).round(2)).abs().max() < 1e-9
    assert ((m["acteurs"] > 0) & (m["programmes"] == 0)).equals(m["zone_blanche"])
    assert (m["investisseurs"] <= m["programmes"] * 3).all()
    assert m[["territoire", "thematique"]].duplicated().sum() == 0
