"""Jouer collectif › Parcours and › Engagements, on the hand-checked follow-through inventory
(tests/followup_inventory.py, numbers in tests/test_followup.py) and on the demo; the facilitator's form."""
from __future__ import annotations

import pytest

from inventory.outputs import charts
from inventory import texts as T
from inventory.store import Store
from tests.app.followup_db import PASSWORD, build_followup
from tests.app.pagetools import assert_clean, chart_configs, figures, metrics, table, texts, values


@pytest.fixture(scope="module")
def followup_db(tmp_path_factory):
    return build_followup(tmp_path_factory.mktemp("followup") / "inventory.duckdb")


@pytest.fixture
def fresh_followup_db(tmp_path):
    """A database of its own, for the tests that write."""
    return build_followup(tmp_path / "inventory.duckdb")


# --- parcours ------------------------------------------------------------------------------------------------
def test_the_demo_pathways_open_for_both_sources(demo_db, open_page):
    for source in ("terrain", "ingenierie"):
        at = open_page(demo_db, "collectif", vue="parcours", source=source)
        assert_clean(at)
        assert figures(at) and all(c == charts.OFFLINE for c in chart_configs(at))


def test_each_missing_link_is_counted_drawn_and_ranked(followup_db, open_page):
    at = open_page(followup_db, "collectif", vue="parcours")
    assert_clean(at)
    # field needs at region level: one cell of each missing link, and 3 white zones (REG-75 cooperation,
    # REG-76 numerique, REG-11 numerique: P6 reaches none of its rows; REG-76 competences is ingénierie)
    assert metrics(at) == {T.PATHWAY_METRICS["urgence_sans_suite"]: "1",
                           T.PATHWAY_METRICS["argent_sans_accompagnement"]: "1",
                           T.PATHWAY_METRICS["accompagnement_sans_argent"]: "1",
                           T.PATHWAY_METRICS["zone_blanche"]: "3"}
    heat = figures(at)[0]
    # the legend names each colour: the three missing links, a whole pathway, a white zone
    assert [t["name"] for t in heat["data"][1:]] == [f"{T.PATHWAY_MARKS[k]} · {T.PATHWAY_KIND_LABELS[k]}"
                                                     for k in charts.PATHWAY_KINDS]
    marks = {(y, m) for y, row in zip(heat["data"][0]["y"], values(heat["data"][0]["text"])) for m in row if m}
    assert ("Occitanie", "U") in marks and ("Île-de-France", "€") in marks and ("Auvergne-Rhône-Alpes", "A") in marks
    assert ("Provence-Alpes-Côte d'Azur", "✓") in marks
    ranked = table(at, 0)
    # largest need first: Occitanie × juridique (score 20), Île-de-France × juridique (6), AURA × numerique (8)
    assert ranked[["Territoire", T.PATHWAY_COLUMNS["maillon_manquant"]]].values.tolist() == [
        ["Occitanie", T.MISSING_LINK_LABELS["urgence_sans_suite"]],
        ["Auvergne-Rhône-Alpes", T.MISSING_LINK_LABELS["accompagnement_sans_argent"]],
        ["Île-de-France", T.MISSING_LINK_LABELS["argent_sans_accompagnement"]]]
    shown = texts(at)
    assert T.FORMULAS["parcours"] in shown and T.FORMULAS["maillon_manquant"] in shown


def test_the_support_ecosystem_switch_asks_who_funds_the_engineering(followup_db, open_page):
    at = open_page(followup_db, "collectif", vue="parcours", source="ingenierie")
    assert_clean(at)
    assert T.PATHWAY_ECOSYSTEM_NOTE in texts(at)
    # only N7 (Haute-Garonne, competences): nobody funds it, a white zone and no missing link
    assert metrics(at)[T.PATHWAY_METRICS["zone_blanche"]] == "1"
    assert T.PATHWAY_NO_GAP in texts(at)


def test_picking_a_cell_shows_the_programmes_of_its_pathway(followup_db, open_page):
    at = open_page(followup_db, "collectif", vue="parcours")
    assert T.PATHWAY_CELL_PROMPT in texts(at)
    at.selectbox(key="url_case").set_value("REG-76|juridique").run()
    assert_clean(at)
    assert at.query_params["case"] == "REG-76|juridique"
    steps = table(at, 1)
    assert steps[["Identifiant", "Programme", "Phase"]].values.tolist() == [["P1", "Urgence juridique Hérault", "Urgence"]]
    # a shared link reopens it; a white zone says so
    at = open_page(followup_db, "collectif", vue="parcours", case="REG-75|cooperation")
    assert T.PATHWAY_CELL_NONE in texts(at)


# --- engagements: the board -----------------------------------------------------------------------------------
def test_the_board_counts_by_status_late_first_with_formulas(followup_db, open_page):
    at = open_page(followup_db, "collectif", vue="engagements")
    assert_clean(at)
    got = metrics(at)
    # E2 late; 1 envisagé (E2), 2 engagés (E1, E5), 1 réalisé (E4), 1 abandonné (E3)
    assert {k: got[k] for k in (T.COMMIT_METRIC_LATE, "Envisagé", "Engagé", "Réalisé", "Abandonné")} == {
        T.COMMIT_METRIC_LATE: "1", "Envisagé": "1", "Engagé": "2", "Réalisé": "1", "Abandonné": "1"}
    assert "1 engagement en retard : échéance passée au 30/06/2020, ni réalisé ni abandonné." in [
        w.value for w in at.warning]
    board = table(at, 0)
    assert board["Identifiant"].tolist() == ["E2", "E3", "E4", "E1", "E5"]  # late first, then by due date
    first = board.iloc[0]
    assert (first["Statut"], bool(first["En retard"]), first["Zones blanches atteintes"]) == (
        "Envisagé", True, "Occitanie · Compétences et formation")
    # en voie de couverture: REG-75 × cooperation (E1) and REG-76 × competences (E2)
    on_track = table(at, 1)
    assert sorted(on_track["Territoire"]) == ["Nouvelle-Aquitaine", "Occitanie"]
    # prime d'alliance: 2 joint of 5 (40 %), 130 000 € of 200 000 € (65 %)
    assert (got[T.COMMIT_PREMIUM_COUNT], got[T.COMMIT_PREMIUM_AMOUNT]) == ("40,0\u202f%", "65,0\u202f%")
    shown = texts(at)
    for key in ("en_retard", "en_voie_de_couverture", "prime_alliance"):
        assert T.FORMULAS[key] in shown
    assert figures(at)  # commitments by status


def test_the_demo_board_opens(demo_db, open_page):
    at = open_page(demo_db, "collectif", vue="engagements")
    assert_clean(at)
    assert metrics(at)[T.COMMIT_METRIC_LATE] == "1"


def test_readers_and_workshop_mode_see_no_form(followup_db, open_page, monkeypatch):
    monkeypatch.setenv("INVENTORY_FACILITATOR_PASSWORD", PASSWORD)
    at = open_page(followup_db, "collectif", vue="engagements")
    assert not at.get("form") and T.NOTE_LOGIN_HINT in texts(at)
    at = open_page(followup_db, "collectif", vue="engagements", atelier="1")
    at.session_state["_facilitator_token"] = PASSWORD
    at.run()
    assert_clean(at)
    assert not at.get("form") and T.NOTE_HEADER not in texts(at) and T.NOTE_LOGIN_HINT not in texts(at)


# --- engagements: the facilitator's form ----------------------------------------------------------------------
def facilitator(open_page, monkeypatch, db):
    monkeypatch.setenv("INVENTORY_FACILITATOR_PASSWORD", PASSWORD)
    at = open_page(db, "collectif", vue="engagements")
    at.secrets["facilitator_password"] = PASSWORD  # whatever a developer's local secrets file says
    at.session_state["_facilitator_token"] = PASSWORD
    at.session_state["_facilitator_name"] = "Camille"
    return at.run()


def submit(at):
    next(b for b in at.button if b.label == T.NOTE_SUBMIT).click()
    return at.run()


def snapshots_of(db):
    store = Store(db)
    try:
        return [(s.id, s.label, s.active, s.counts.get("engagements"), s.created_by) for s in store.snapshots()]
    finally:
        store.close()


def test_bad_input_is_explained_field_by_field_and_nothing_is_written(fresh_followup_db, open_page, monkeypatch):
    at = facilitator(open_page, monkeypatch, fresh_followup_db)
    assert_clean(at)
    before = snapshots_of(fresh_followup_db)
    at.multiselect(key="note_thematiques").set_value(["numerique"])
    at.multiselect(key="note_territoires").set_value(["DEP-34"])
    at.text_input(key="note_montant").set_value("-5")
    submit(at)
    assert_clean(at)
    assert [e.value for e in at.error] == [T.plural(T.NOTE_REJECTED, n=2).format(n=2)]
    shown = texts(at)
    # no investor (required) and a negative amount, each under its field's name
    assert f"**{T.NOTE_INVESTORS}**" in shown and f"**{T.NOTE_AMOUNT}**" in shown
    assert snapshots_of(fresh_followup_db) == before
    # what was typed stays in the form, to be fixed
    assert at.text_input(key="note_montant").value == "-5"


def test_a_noted_commitment_shows_on_the_board_and_undo_withdraws_it(
        fresh_followup_db, open_page, monkeypatch):
    at = facilitator(open_page, monkeypatch, fresh_followup_db)
    at.multiselect(key="note_investisseurs").set_value(["A", "C"])
    at.multiselect(key="note_thematiques").set_value(["numerique"])
    at.multiselect(key="note_territoires").set_value(["DEP-34"])
    at.text_input(key="note_montant").set_value("12 000")
    at.text_input(key="note_session").set_value("Séance du 30/06")
    submit(at)
    assert_clean(at)
    snaps = snapshots_of(fresh_followup_db)
    assert len(snaps) == 3 and snaps[-1][2] and snaps[-1][3] == 6
    assert snaps[-1][1].startswith("Séance du 30/06 – engagement noté à ")
    assert snaps[-1][4] == T.IMP_CREATED_BY_NAME.format(name="Camille")  # signed as on the import page
    assert any(s.value.startswith("Engagement enregistré : l'inventaire n° 3") for s in at.success)
    assert at.query_params.get("inventaire") in (None, "3")  # the sidebar drops the active one from the URL
    board = table(at, 0)
    assert len(board) == 6
    # joint (A and C), 12 000 €: 3 joint of 6 (50 %), 142 000 € of 212 000 € (≈ 67,0 %)
    assert metrics(at)[T.COMMIT_PREMIUM_COUNT] == "50,0\u202f%"
    assert metrics(at)[T.COMMIT_PREMIUM_AMOUNT] == "67,0\u202f%"
    # Occitanie × numerique, a white zone only E3 (dropped) reached, is now en voie de couverture
    assert "Occitanie" in table(at, 1)["Territoire"].tolist() and len(table(at, 1)) == 3
    at.button(key="note_undo").click().run()
    assert_clean(at)
    # a new snapshot without it (the journal says « annulation », never « activation »)
    assert [(s[2], s[3]) for s in snapshots_of(fresh_followup_db)] == [(False, 4), (False, 5), (False, 6), (True, 5)]
    assert any(s.value.startswith("Engagement E6 retiré : l'inventaire n° 4") for s in at.success)
    assert len(table(at, 0)) == 5
    assert [b for b in at.button if b.key == "note_undo"] == []  # undone: nothing left to undo
