"""The demo inventory: deterministic, fictitious, and telling the story the views are built to show."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from inventory.analysis import challenges, collective, coverage, evolution, followup, needs, pathways
from inventory.intake import demo
from inventory.reference import canonical, default_themes, territories
from tests.builders import plain


def test_two_runs_give_identical_frames():
    for as_of in (demo.APRIL, demo.JUNE):
        first, second = demo.demo_frames(as_of), demo.demo_frames(as_of)
        assert first.keys() == second.keys()
        for sheet in first:
            assert plain(first[sheet]) == plain(second[sheet]), sheet
    assert plain(demo.synthetic_frames(500, 40)["programmes"]) == plain(demo.synthetic_frames(500, 40)["programmes"])
    assert plain(demo.needs(50, seed=1)) != plain(demo.needs(50, seed=2))


def test_two_loads_store_identical_snapshots(tmp_path):
    from inventory.store import Store
    from tests.builders import content

    contents = []
    for name in ("a", "b"):
        s = Store(tmp_path / f"{name}.duckdb")
        try:
            contents.append([content(s, sid) for sid in demo.load_demo(s)])
        finally:
            s.close()
    assert contents[0] == contents[1]


def test_two_labelled_fictitious_snapshots_end_of_april_and_june(demo_store):
    snaps = demo_store.snapshots()
    assert [s.as_of for s in snaps] == [demo.APRIL, demo.JUNE]
    assert [s.as_of.strftime("%d/%m") for s in snaps] == ["30/04", "30/06"]
    assert all(s.demo and "fictive" in s.label.lower() for s in snaps)
    assert snaps[1].active
    april, june = (s.counts for s in snaps)
    assert june["besoins"] > april["besoins"] >= 200
    assert 20 <= april["programmes"] < june["programmes"] <= 40
    assert april["investisseurs"] == june["investisseurs"] == 12


def test_names_say_they_are_fictitious():
    frames = demo.demo_frames(demo.JUNE)
    assert frames["investisseurs"]["nom"].str.contains(r"\(fictif|\(fictive").all()
    assert frames["programmes"]["nom"].str.contains("(fictif)", regex=False).all()
    assert set(frames["investisseurs"]["type"]) == {"institution", "fondation", "entreprise"}


def test_frames_respect_the_contract():
    """Canonical territory keys, known themes, known investors, closed values: what the importer would store."""
    for as_of in (demo.APRIL, demo.JUNE):
        frames = demo.demo_frames(as_of)
        needs, progs = frames["besoins"], frames["programmes"]
        assert needs["territoire"].map(lambda k: k in territories() and canonical(k) == k).all()
        themes = {t.code for t in default_themes()}
        assert set(needs["thematique"]) <= themes
        assert all(set(t) <= themes for t in progs["thematiques"])
        assert all(all(k in territories() and canonical(k) == k for k in ts) for ts in progs["territoires"])
        investors = set(frames["investisseurs"]["id"])
        assert all(set(i) <= investors for i in progs["investisseurs"])
        assert needs["intensite"].between(1, 5).all() and (needs["nb_acteurs"] >= 1).all()
        assert needs["id"].is_unique and progs["id"].is_unique


def test_synthetic_inventories_have_the_size_asked_and_respect_the_contract():
    frames = demo.synthetic_frames(2000, 120, seed=3)
    assert len(frames["besoins"]) == 2000 and len(frames["programmes"]) == 120
    assert frames["besoins"]["territoire"].map(lambda k: canonical(k) == k).all()
    assert all(all(canonical(k) == k for k in ts) for ts in frames["programmes"]["territoires"])
    investors = set(frames["investisseurs"]["id"])
    assert all(set(i) <= investors for i in frames["programmes"]["investisseurs"])


def test_the_story(demo_store):
    april, june = (s.id for s in demo_store.snapshots())
    # needs of both sources across most regions
    regions = demo_store.read(
        "SELECT source, count(DISTINCT t.region_key) AS n FROM besoins b JOIN territoires t ON t.key = b.territoire "
        "WHERE snapshot_id = ? AND t.level <> 'pays' GROUP BY source", [june]).set_index("source")["n"]
    assert regions["terrain"] >= 15 and regions["ingenierie"] >= 12  # of 18 regions
    # white zones, overlaps where allies could act together, co-funded programmes
    assert len(coverage.white_zones(demo_store, june)) >= 5
    assert len(collective.alliance_cells(demo_store, june)) >= 5
    assert collective.cofunding(demo_store, june)["cofinances"] >= 5
    # the three priorities of the seed stand out
    assert set(needs.top_needs(demo_store, june, n=3)["thematique"]) == {"modele_socio_eco", "numerique", "juridique"}
    # between April and June: emergency programmes end, recovery ones start, needs grow
    changes = evolution.compare_programmes(demo_store, april, june)
    assert set(changes.loc[changes["changement"] == "ajouté", "id"]) == demo.JUNE_ONLY
    assert (changes["changement"] == "terminé").sum() >= 3
    assert needs.counts(demo_store, june)["acteurs"] > needs.counts(demo_store, april)["acteurs"]
    # every level of programme: national, regional, départemental
    levels = {k.split("-")[0] for ts in demo.demo_frames(demo.JUNE)["programmes"]["territoires"] for k in ts}
    assert levels == {"FR", "REG", "DEP"}
    assert set(demo.demo_frames(demo.JUNE)["programmes"]["phase"]) == {"urgence", "relance", "structurel"}


@pytest.mark.parametrize("level", ["region", "departement"])
def test_the_demo_matrix_has_no_surprise(demo_store, level):
    m = coverage.need_matrix(demo_store, demo_store.active_snapshot_id(), level=level)
    assert not m.empty and m["nom"].notna().all()
    assert isinstance(m, pd.DataFrame) and m["acteurs"].sum() == needs.counts(demo_store, demo_store.active_snapshot_id())["acteurs"]


def test_the_follow_through_story(demo_store):
    """Commitments decided on 24/04, their fate by 30/06 (one late, one dropped, one done, joint ones), results
    declared for a few programmes."""
    april, june = (s.id for s in demo_store.snapshots())
    before = followup.commitments(demo_store, april)
    assert set(before["statut"]) <= {"envisage", "engage"} and set(before["session"]) == {demo.FIRST_SESSION}
    assert before["date"].dt.date.eq(dt.date(2020, 4, 24)).all()
    now = followup.commitments(demo_store, june).set_index("id")
    assert now.loc["E02", "en_retard"] and now["en_retard"].sum() == 1  # due 31/05, still only envisaged
    assert now.loc["E03", "statut"] == "abandonne" and now.loc["E04", "statut"] == "realise"
    assert now["conjoint"].sum() >= 2
    changes = evolution.compare_commitments(demo_store, april, june).set_index("id")["changement"]
    assert (changes["E02"], changes["E03"], changes["E04"], changes["E06"]) == ("en_retard", "abandonne", "tenu",
                                                                               "nouveau")
    assert coverage.white_zones_with_commitments(demo_store, june)["en_voie_de_couverture"].sum() >= 2  # legal aid committed where there is none
    assert followup.followup_summary(demo_store, june)["beneficiaires"] > 0
    assert challenges.results_by_sdg(demo_store, june)["resultats"].sum() >= len(demo.RESULTS)
    assert set(pathways.missing_links(demo_store, june)["maillon_manquant"]) == set(pathways.MISSING_LINKS)
