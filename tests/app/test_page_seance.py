"""The séance form on Jouer collectif › Engagements (issue 22): one click, one commitment; any commitment of the
séance withdrawn; a status followed up; the picker shows the séance once. On tests/app/followup_db.py:
« Suivi au 30/04 » (id 1), « Suivi au 30/06 » (id 2, active, commitments E1–E5)."""
from __future__ import annotations

from inventory import texts as T
from ui.display import plain
from tests.app.pagetools import assert_clean, table, texts
from tests.app.test_page_collectif_followup import facilitator, fresh_followup_db, snapshots_of, submit  # noqa: F401


def fill(at, investors, session="Séance du 06/12"):
    at.multiselect(key="note_investisseurs").set_value(investors)
    at.multiselect(key="note_thematiques").set_value(["numerique"])
    at.multiselect(key="note_territoires").set_value(["DEP-34"])
    at.text_input(key="note_session").set_value(session)
    return at


def test_the_form_empties_after_a_save_and_the_same_form_sent_again_records_nothing(
        fresh_followup_db, open_page, monkeypatch):
    at = facilitator(open_page, monkeypatch, fresh_followup_db)
    submit(fill(at, ["A", "C"]))
    assert_clean(at)
    assert [s[3] for s in snapshots_of(fresh_followup_db)] == [4, 5, 6]
    # an empty form for the next commitment (the séance stays)
    assert at.multiselect(key="note_investisseurs").value == [] and at.text_input(key="note_montant").value == ""
    assert at.text_input(key="note_session").value == "Séance du 06/12"
    # the same commitment sent again by the same form (a double click) records nothing, and says so
    submit(fill(at, ["A", "C"]))
    assert_clean(at)
    assert [s[3] for s in snapshots_of(fresh_followup_db)] == [4, 5, 6]
    assert [i.value for i in at.info] == [T.SESSION_ALREADY_SAVED.format(id=3)]
    # another commitment is noted as usual
    submit(fill(at, ["B"]))
    assert [s[3] for s in snapshots_of(fresh_followup_db)] == [4, 5, 6, 7]


def test_any_commitment_of_the_seance_is_withdrawn_and_a_status_followed_up(fresh_followup_db, open_page,
                                                                            monkeypatch):
    at = facilitator(open_page, monkeypatch, fresh_followup_db)
    for who in (["A"], ["B"], ["C"]):
        submit(fill(at, who))
    assert [s[3] for s in snapshots_of(fresh_followup_db)] == [4, 5, 6, 7, 8]
    # the sidebar lists the séance once, and the two imports
    picker = at.sidebar.selectbox[0]
    assert list(picker.options) == [
        "30/06/2020 · Séance du 06/12 – 3 engagements notés – actif", "30/06/2020 · Suivi au 30/06",
        "30/04/2020 · Suivi au 30/04"]
    # the second of the three (E7), not the last; an import's commitment cannot be withdrawn
    at.selectbox(key="follow_id").set_value("E1").run()
    assert at.button(key="follow_retire").disabled
    at.selectbox(key="follow_id").set_value("E7").run()
    at.button(key="follow_retire").click().run()
    assert_clean(at)
    assert any(s.value.startswith("Engagement E7 retiré : l'inventaire n° 6") for s in at.success)
    assert [s[3] for s in snapshots_of(fresh_followup_db)] == [4, 5, 6, 7, 8, 7]
    # the first one (E6) is done
    at.selectbox(key="follow_id").set_value("E6").run()
    at.selectbox(key="follow_statut_E6").set_value("realise")
    next(b for b in at.button if b.label == T.SESSION_UPDATE).click().run()
    assert_clean(at)
    assert any(s.value.startswith("Engagement E6 mis à jour : l'inventaire n° 7") for s in at.success)
    board = table(at, 0)
    assert len(board) == 7
    picker = at.sidebar.selectbox[0]
    assert picker.options[0] == "30/06/2020 · Séance du 06/12 – 2 engagements notés – actif"


def test_an_older_pinned_inventory_keeps_its_band_and_a_button_to_the_newest(fresh_followup_db, open_page):
    at = open_page(fresh_followup_db, "accueil", inventaire="1")
    assert_clean(at)
    assert any(T.SHOWN_INVENTORY.format(label="Suivi au 30/04", as_of="30/04/2020") in w.value for w in at.warning)
    assert at.query_params["inventaire"] == "1"  # pinned: the link keeps showing « Suivi au 30/04 »
    at.button(key="to_newest").click().run()
    assert_clean(at)
    assert at.query_params["inventaire"] == "2" and not at.warning
    assert not [b for b in at.button if b.key == "to_newest"]


def test_a_seance_name_on_two_lines_is_refused_under_its_field_and_nothing_is_written(fresh_followup_db, open_page,
                                                                                      monkeypatch):
    """Issue 24: the séance's name becomes the snapshot's label, so it follows the rule of every typed label (one
    line, no control character), said under the field's name; it used to end in « Erreur inattendue »."""
    at = facilitator(open_page, monkeypatch, fresh_followup_db)
    before = snapshots_of(fresh_followup_db)
    submit(fill(at, ["A"], session="Séance du 06/12\nle soir"))
    assert_clean(at)
    assert [e.value for e in at.error] == [T.plural(T.NOTE_REJECTED, n=1).format(n=1)]
    said = plain(T.ERR_IN_COLUMN.format(column="Séance", message=T.ERR_ONE_LINE))  # as the page writes any message
    assert T.NOTE_ISSUE.format(field=T.NOTE_SESSION, message=said) in texts(at)
    assert snapshots_of(fresh_followup_db) == before
