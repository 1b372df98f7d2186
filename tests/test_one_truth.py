"""One truth on every page: coverage (the matrix), pathways, the cell picker, white-zone counts, the command line
and the session report read the same reach (``programme_reach``), worked by hand on a small inventory and checked
cell by cell on the demo and on a synthetic inventory.

Snapshot date d = 30/06/2020. Themes: N = numerique, J = juridique, K = cooperation, C = competences.

Programmes (investor) — territories × themes — the shape it tests
    P12  (A) REG-76 (Occitanie)            × N, K   1 territory × 2 themes (two unnest() zipped: lost K)
    P21  (B) DEP-69, DEP-13                × J      2 territories × 1 theme
    P22  (C) REG-53 (Bretagne), REG-11     × N, J   2 × 2 (zipped: (REG-53, N), (REG-11, J) only)
    PNAT (D) FR                            × K      national
    PDEP (A) DEP-34 (Hérault, Occitanie)   × J      a département whose region's J need lies in DEP-31

Needs: territory, source, theme, intensity × actors = score
    n1 DEP-31  terrain     K  2 × 3 = 6   reached by P12 (its region) and PNAT
    n2 REG-76  terrain     N  3 × 1 = 3   a region's own need: P12
    n3 DEP-31  terrain     J  4 × 2 = 8   PDEP sits in DEP-34: 1 programme in the region, 0 % reached
    n4 DEP-13  terrain     J  1 × 5 = 5   P21
    n5 REG-11  terrain     N  2 × 2 = 4   P22 (its second territory × its first theme)
    n6 DEP-35  terrain     N  5 × 1 = 5   P22 (a region reaches its départements)
    n7 DEP-29  ingenierie  K  3 × 1 = 3   PNAT
    n8 DEP-67  terrain     C  2 × 2 = 4   nobody: white zone
No need at all in (REG-84, J) (P21 via DEP-69 counts for its region) nor in (REG-53, J): covered cells without
need, never white zones.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest

from inventory.__main__ import main
from inventory.analysis import base, coverage, pathways
from inventory.outputs import session_report
from tests.builders import frames

D = dt.date(2020, 6, 30)
N, J, K, C = "numerique", "juridique", "cooperation", "competences"
INVESTORS = [{"id": i, "nom": f"Investisseur {i}", "type": "fondation"} for i in "ABCD"]


def programme(pid, inv, territoires, thematiques, phase="relance", nature=("subvention",)):
    return {"id": pid, "nom": f"Programme {pid}", "investisseurs": [inv], "phase": phase, "nature": list(nature),
            "thematiques": thematiques, "territoires": territoires}


PROGRAMMES = [
    programme("P12", "A", ["REG-76"], [N, K], nature=("accompagnement",)),
    programme("P21", "B", ["DEP-69", "DEP-13"], [J]),
    programme("P22", "C", ["REG-53", "REG-11"], [N, J], nature=("subvention", "formation")),
    programme("PNAT", "D", ["FR"], [K], phase="urgence", nature=("outil",)),
    programme("PDEP", "A", ["DEP-34"], [J]),
]


def need(i, territoire, source, thematique, intensite, nb_acteurs):
    return {"territoire": territoire, "source": source, "thematique": thematique, "intensite": intensite,
            "nb_acteurs": nb_acteurs, "id": f"n{i}"}


NEEDS = [need(1, "DEP-31", "terrain", K, 2, 3), need(2, "REG-76", "terrain", N, 3, 1),
         need(3, "DEP-31", "terrain", J, 4, 2), need(4, "DEP-13", "terrain", J, 1, 5),
         need(5, "REG-11", "terrain", N, 2, 2), need(6, "DEP-35", "terrain", N, 5, 1),
         need(7, "DEP-29", "ingenierie", K, 3, 1), need(8, "DEP-67", "terrain", C, 2, 2)]

# (territory, theme): the programmes whose pathway steps reach the cell's need rows, by hand
REGION_STEPS = {
    ("REG-76", K): {"P12", "PNAT"}, ("REG-76", N): {"P12"}, ("REG-76", J): set(), ("REG-93", J): {"P21"},
    ("REG-11", N): {"P22"}, ("REG-53", N): {"P22"}, ("REG-53", K): {"PNAT"}, ("REG-44", C): set(),
}
DEPARTEMENT_STEPS = {
    ("DEP-31", K): {"P12", "PNAT"}, ("REG-76", N): {"P12"}, ("DEP-31", J): set(), ("DEP-13", J): {"P21"},
    ("REG-11", N): {"P22"}, ("DEP-35", N): {"P22"}, ("DEP-29", K): {"PNAT"}, ("DEP-67", C): set(),
}
# the matrix's ``programmes`` (programmes whose territories reach the cell) where it differs from the steps
REGION_PROGRAMMES = {("REG-76", J): 1}  # PDEP counts for Occitanie, reaching none of its need rows


@pytest.fixture
def sid(store):
    return store.write_snapshot(frames(INVESTORS, PROGRAMMES, NEEDS), label="à la main", as_of=D)[0]


def steps_by_cell(store, sid, level, source=None) -> dict:
    cells = pathways.pathways(store, sid, level=level, source=source)
    return {(r.territoire, r.thematique): set(pathways.pathway_programmes(store, sid, r.territoire, r.thematique,
                                                                          level=level, source=source)["id"])
            for r in cells.itertuples()}


@pytest.mark.parametrize("level, expected", [("region", REGION_STEPS), ("departement", DEPARTEMENT_STEPS)])
def test_each_pathway_cell_lists_the_programmes_reaching_its_needs(store, sid, level, expected):
    assert steps_by_cell(store, sid, level) == expected
    counted = pathways.pathways(store, sid, level=level).set_index(["territoire", "thematique"])["programmes"]
    assert counted.to_dict() == {cell: len(ids) for cell, ids in expected.items()}


def test_a_programme_of_one_territory_and_two_themes_reaches_both(store, sid):
    cells = pathways.pathways(store, sid, level="region").set_index(["territoire", "thematique"])
    assert cells.loc[("REG-76", K), "programmes"] == 2 and cells.loc[("REG-76", N), "programmes"] == 1
    assert cells.loc[("REG-11", N), "maillon_manquant"] is None  # P22: money and training, relance


def test_matrix_and_pathways_agree_on_every_white_zone_by_hand(store, sid):
    for level, expected in (("region", REGION_STEPS), ("departement", DEPARTEMENT_STEPS)):
        m = coverage.need_matrix(store, sid, level=level).set_index(["territoire", "thematique"])
        white = {cell for cell, ids in expected.items() if not ids}
        assert set(m.index[m["zone_blanche"]]) == white == {("REG-76", J), ("REG-44", C)} if level == "region" \
            else set(m.index[m["zone_blanche"]]) == white == {("DEP-31", J), ("DEP-67", C)}
    m = coverage.need_matrix(store, sid, level="region").set_index(["territoire", "thematique"])
    assert m.loc[("REG-76", J), "programmes"] == REGION_PROGRAMMES[("REG-76", J)]
    assert m.loc[("REG-76", J), "score_couvert"] == 0 and m.loc[("REG-76", J), "score"] == 8


def test_a_cell_without_need_is_never_a_white_zone(store, sid):
    m = coverage.need_matrix(store, sid, level="region").set_index(["territoire", "thematique"])
    for cell in (("REG-84", J), ("REG-53", J)):
        assert m.loc[cell, "acteurs"] == 0 and m.loc[cell, "programmes"] == 1
        assert not m.loc[cell, "zone_blanche"]
    assert ("REG-84", J) not in steps_by_cell(store, sid, "region")


def _agree(store, sid) -> None:
    """Every cell at both levels and for each source: the pathway's programmes are among the matrix's, a cell is a
    white zone on the matrix exactly when no step reaches it, and the white-zone counts are equal."""
    for level in base.LEVELS:
        for source in (None, "terrain", "ingenierie"):
            m = coverage.need_matrix(store, sid, level=level, needs=base.NeedFilter(source=source))
            p = pathways.pathways(store, sid, level=level, source=source)
            m = m[m["acteurs"] > 0].set_index(["territoire", "thematique"])
            p = p.set_index(["territoire", "thematique"])
            assert set(m.index) == set(p.index), (level, source)
            joined = m[["zone_blanche", "programmes"]].join(p[["programmes"]].rename(columns={"programmes": "programmes_parcours"}))
            assert (joined["zone_blanche"] == (joined["programmes_parcours"] == 0)).all(), (level, source)
            assert (joined["programmes_parcours"] <= joined["programmes"]).all(), (level, source)
            white = coverage.white_zones(store, sid, level=level, needs=base.NeedFilter(source=source))
            assert len(white) == int(m["zone_blanche"].sum()) == int((p["programmes"] == 0).sum())


def test_pages_figures_agree_cell_by_cell_by_hand(store, sid):
    _agree(store, sid)


def test_pages_figures_agree_cell_by_cell_on_the_demo(demo_store):
    for snap in demo_store.snapshots():
        _agree(demo_store, snap.id)


def test_the_command_line_lists_p24_where_matrix_counts_it(demo_store, capsys):
    """The demo's P24 (national, numérique and coopération) reaches Île-de-France × coopération in pathways too."""
    store, sid = demo_store, demo_store.active_snapshot_id()
    assert main(["pathways", "--db", str(store.path), "--snapshot", str(sid), "--json"]) == 0
    rows = {(r["territoire"], r["thematique"]): r for r in json.loads(capsys.readouterr().out)}
    assert rows[("REG-11", "cooperation")]["programmes"] >= 1
    assert "P24" in set(pathways.pathway_programmes(store, sid, "REG-11", "cooperation")["id"])
    assert main(["matrix", "--db", str(store.path), "--snapshot", str(sid), "--json"]) == 0
    matrix = json.loads(capsys.readouterr().out)
    white = {(r["territoire"], r["thematique"]) for r in matrix if r["zone_blanche"]}
    assert white == {cell for cell, r in rows.items() if r["programmes"] == 0}


def test_the_report_counts_the_white_zones_the_pages_count(demo_store):
    store, sid = demo_store, demo_store.active_snapshot_id()
    report = session_report.sections(store, store.snapshot(sid))
    key = next(s for s in report if s.key == "chiffres").tables[0].frame
    figures = dict(zip(key.iloc[:, 0], key.iloc[:, 1]))
    white = int(coverage.need_matrix(store, sid, level="region")["zone_blanche"].sum())
    assert figures[session_report.T.CHART_WHITE_ZONES] == white
    links = pathways.missing_links(store, sid, level="region")
    assert not links.empty and (links["programmes"] > 0).all()  # a missing link is never a cell without programme
