"""Each language as its readers expect (issue 23, part 8): the labels the tool writes (an import, the demo, a
séance, a note, a withdrawal, a status change) read in the reader's language wherever a snapshot is named; plurals
from the text tables, never « (s) »; English with English quotes, percentages and dates.

On the hand-checked inventory of tests/followup_inventory.py: one snapshot « Suivi au 30/06 » (as of 30/06/2020;
9 needs, 6 programmes, 3 investors, commitments E1–E5)."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from inventory import formats, seances, snapshot_labels
from inventory import texts as T
from inventory.__main__ import main
from inventory.intake.noting import note_commitment, retire_commitment
from inventory.outputs import listings
from inventory.outputs.session_report import build_html
from tests import followup_inventory as inv


# --- a. labels the tool writes, in the reader's language ------------------------------------------------------
@pytest.mark.parametrize("stored, english, french", [
    ("Séance du 06/12/2026 – engagement noté à 10:42", "Session of 6 Dec 2026 – commitment noted at 10:42",
     "Séance du 06/12/2026 – engagement noté à 10:42"),
    ("Séance du 06/12 – engagement E7 retiré à 10:04", "Session of 6 Dec – commitment E7 withdrawn at 10:04",
     "Séance du 06/12 – engagement E7 retiré à 10:04"),
    ("Séance du 06/12 – engagement E6 mis à jour à 11:00", "Session of 6 Dec – commitment E6 updated at 11:00",
     "Séance du 06/12 – engagement E6 mis à jour à 11:00"),
    ("Inventaire au 30/06/2020", "Inventory as of 30 Jun 2020", "Inventaire au 30/06/2020"),
    ("Démo fictive – inventaire au 30/04", "Fictitious demo – inventory as of 30 Apr",
     "Démo fictive – inventaire au 30/04"),
    ("Synthétique 1000 besoins / 50 programmes (fictif)", "Synthetic 1000 needs / 50 programmes (fictitious)",
     "Synthétique 1000 besoins / 50 programmes (fictif)"),
    # a séance people named keeps its name; the tool's words around it change
    ("Suivi au 30/06 – engagement noté à 10:00", "Suivi au 30/06 – commitment noted at 10:00",
     "Suivi au 30/06 – engagement noté à 10:00"),
    # written by an English run (the importer's default with its date, a séance's English default name)
    ("Inventory as of 30/06/2020", "Inventory as of 30 Jun 2020", "Inventaire au 30/06/2020"),
    ("Session of 6 Dec 2026 – commitment noted at 09:05", "Session of 6 Dec 2026 – commitment noted at 09:05",
     "Séance du 06/12/2026 – engagement noté à 09:05"),
    # typed by people: as typed, in both languages
    ("Inventaire au 30/06 (revu)", "Inventaire au 30/06 (revu)", "Inventaire au 30/06 (revu)"),
    ("Séance du 31/02", "Séance du 31/02", "Séance du 31/02"),  # no such day: not a date the tool wrote
    ("Petit", "Petit", "Petit"),
])
def test_a_generated_label_reads_in_each_language_and_a_typed_one_as_typed(stored, english, french):
    assert snapshot_labels.shown(stored, "en") == english
    assert snapshot_labels.shown(stored, "fr") == french
    with T.speaking("en"):
        assert snapshot_labels.shown(stored) == english


def test_every_generated_key_is_recognised_in_every_language():
    """The recognition reads the text tables' own templates: a template reworded tomorrow is still recognised."""
    sample = {"fr": {"session": "Séance du 06/12/2026", "date": "30/06/2020"},
              "en": {"session": "Session of 6 Dec 2026", "date": "30 Jun 2020"}}
    for key in snapshot_labels.GENERATED:
        for writer in T.LANGUAGES:
            written = T.TABLES[writer][key].format(time="10:42", id="E7", needs=10, programmes=2, **sample[writer])
            for reader in T.LANGUAGES:
                assert snapshot_labels.shown(written, reader) == T.TABLES[reader][key].format(
                    time="10:42", id="E7", needs=10, programmes=2, **sample[reader]), (key, writer, reader)


@pytest.fixture
def noted(store):
    """« Suivi au 30/06 », then a séance noted from an English page and a French one (its default name in each
    language), then the English one's commitment withdrawn."""
    inv.load(store)
    with T.speaking("en"):
        first = note_commitment(store, {"investisseurs": "A", "thematiques": "numerique", "territoires": "FR",
                                        "statut": "engage", "session": "Session of 6 Dec 2026"},
                                at=dt.datetime(2026, 12, 6, 10, 42))
    second = note_commitment(store, {"investisseurs": "B", "thematiques": "numerique", "territoires": "FR",
                                     "statut": "engage", "session": "Séance du 06/12/2026"},
                             at=dt.datetime(2026, 12, 6, 10, 50))
    assert first.ok and second.ok
    return store


def test_a_seance_named_by_default_in_either_language_is_one_seance_stored_in_french(noted):
    snaps = noted.snapshots()
    assert [(s.kind, s.seance, s.label) for s in snaps] == [
        ("import", None, "Suivi au 30/06"),
        ("note", "Séance du 06/12/2026", "Séance du 06/12/2026 – engagement noté à 10:42"),
        ("note", "Séance du 06/12/2026", "Séance du 06/12/2026 – engagement noté à 10:50")]
    entries = seances.entries(snaps)
    assert [(e.seance, e.noted) for e in entries] == [(None, 0), ("Séance du 06/12/2026", 2)]


def test_the_home_and_evolution_sentence_names_the_seance_in_the_readers_language(noted):
    snaps = noted.snapshots()
    with T.speaking("en"):
        _, sentence = seances.since(snaps, snaps[-1].id)
    assert sentence == ("Compared with “Suivi au 30/06” (data as of 30 Jun 2020), the state before session "
                        "“Session of 6 Dec 2026”.")
    _, sentence = seances.since(snaps, snaps[-1].id)
    assert sentence == ("Comparaison avec « Suivi au 30/06 » (données au 30/06/2020), l'état d'avant la séance "
                        "« Séance du 06/12/2026 ».")


def test_the_command_line_and_the_api_list_snapshots_in_the_callers_language(noted, capsys):
    db = str(noted.path)
    noted.close()
    assert main(["--lang", "en", "snapshots", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "     1  30 Jun 2020  Suivi au 30/06  (9 needs, 6 programmes, 3 investors)",
        "     2  30 Jun 2020  Session of 6 Dec 2026 – commitment noted at 10:42  (9 needs, 6 programmes, 3 investors)",
        "*    3  30 Jun 2020  Session of 6 Dec 2026 – commitment noted at 10:50  (9 needs, 6 programmes, 3 investors)"]
    assert main(["snapshots", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "*    3  30/06/2020  Séance du 06/12/2026 – engagement noté à 10:50  (9 besoins, 6 programmes, 3 investisseurs)")
    assert main(["--lang", "en", "snapshots", "--json", "--db", db]) == 0
    assert [s["label"] for s in json.loads(capsys.readouterr().out)] == [
        "Suivi au 30/06", "Session of 6 Dec 2026 – commitment noted at 10:42",
        "Session of 6 Dec 2026 – commitment noted at 10:50"]


def test_the_api_lists_labels_in_the_requests_language(noted):
    """The API's /snapshots is listings.snapshots read in the language of Accept-Language."""
    with T.speaking("en"):
        assert listings.snapshots(noted)[-1]["label"] == "Session of 6 Dec 2026 – commitment noted at 10:50"
    assert listings.snapshots(noted)[-1]["label"] == "Séance du 06/12/2026 – engagement noté à 10:50"


def test_a_withdrawal_reads_in_english_in_the_session_report(noted):
    with T.speaking("en"):
        done = retire_commitment(noted, "E6", at=dt.datetime(2026, 12, 6, 11, 5))
    assert done.ok and noted.snapshot(done.snapshot_id).label == "Séance du 06/12/2026 – engagement E6 retiré à 11:05"
    english = build_html(noted, lang="en")
    assert "Session of 6 Dec 2026 – commitment E6 withdrawn at 11:05" in english
    assert "Séance du" not in english and "retiré" not in english
    assert "Séance du 06/12/2026 – engagement E6 retiré à 11:05" in build_html(noted, lang="fr")


def test_an_exports_context_sheet_names_the_inventory_and_its_download_in_the_readers_language():
    from io import BytesIO

    import openpyxl
    import pandas as pd

    from inventory.outputs import exports

    context = exports.DownloadContext(label=snapshot_labels.shown("Inventaire au 30/06/2020", "en"),
                                      as_of=dt.date(2020, 6, 30), filters=[("Territory", "Occitanie")],
                                      downloaded=dt.datetime(2020, 7, 1, 9, 30))
    with T.speaking("en"):
        data = exports.table_xlsx(pd.DataFrame({"a": [1]}), "t", context)
        rows = [tuple(r) for r in openpyxl.load_workbook(BytesIO(data)).worksheets[0].iter_rows(values_only=True)]
    assert (T.TABLES["en"]["CONTEXT_INVENTORY"], "Inventory as of 30 Jun 2020") in rows
    assert (T.TABLES["en"]["CONTEXT_FILTERS"], "Territory: Occitanie") in rows
    assert (T.TABLES["en"]["CONTEXT_DOWNLOADED"], "1 Jul 2020 09:30") in rows


# --- b. plurals from the text tables, never « (s) » -------------------------------------------------------------
CHOICE = re.compile(r"\w\((?:s|e|es|x|aux|ux|e\)s)\)")


def _values(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _values(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _values(v)
    elif isinstance(value, str):
        yield value


def test_no_text_of_any_language_hedges_a_plural_with_brackets():
    found = [(language, key) for language, table in T.TABLES.items() for key, value in table.items()
             for text in _values(value) if CHOICE.search(text)]
    assert found == []
    assert CHOICE.search("3 programme(s)") and CHOICE.search("signal(aux)") and CHOICE.search("ouvert(e)s")
    assert not CHOICE.search("(SMTP)") and not CHOICE.search("déclaré (s'il y a lieu)")


@pytest.mark.parametrize("key, fields, expected", [
    ("CLI_REJECTED", {}, {
        "fr": ["Import refusé : 0 problème, rien n'a été modifié.", "Import refusé : 1 problème, rien n'a été modifié.",
               "Import refusé : 2 problèmes, rien n'a été modifié."],
        "en": ["Import refused: 0 problems, nothing was changed.", "Import refused: 1 problem, nothing was changed.",
               "Import refused: 2 problems, nothing was changed."]}),
    ("NOTE_REJECTED", {}, {
        "fr": ["L'engagement n'a pas été enregistré (0 problème) ; rien n'a été modifié :",
               "L'engagement n'a pas été enregistré (1 problème) ; rien n'a été modifié :",
               "L'engagement n'a pas été enregistré (2 problèmes) ; rien n'a été modifié :"],
        "en": ["The commitment was not saved (0 problems); nothing was changed:",
               "The commitment was not saved (1 problem); nothing was changed:",
               "The commitment was not saved (2 problems); nothing was changed:"]}),
    ("WARN_REPEATED_INVESTOR_MORE", {}, {
        "fr": ["et 0 autre ligne", "et 1 autre ligne", "et 2 autres lignes"],
        "en": ["and 0 other rows", "and 1 other row", "and 2 other rows"]}),
    ("SEANCE_NOTED", {}, {
        "fr": ["0 engagement noté", "1 engagement noté", "2 engagements notés"],
        "en": ["0 commitments noted", "1 commitment noted", "2 commitments noted"]}),
    ("REPORT_SIGNALS_MORE", {}, {
        "fr": ["… et 0 autre signal sur la page Signaux.", "… et 1 autre signal sur la page Signaux.",
               "… et 2 autres signaux sur la page Signaux."],
        "en": ["… and 0 more signals on the Signals page.", "… and 1 more signal on the Signals page.",
               "… and 2 more signals on the Signals page."]}),
    ("DIGEST_SUBJECT", {"nom": "Fondation A", "as_of": "30/06/2020"}, {
        "fr": ["Affaire à suivre : 0 signal pour Fondation A (inventaire au 30/06/2020)",
               "Affaire à suivre : 1 signal pour Fondation A (inventaire au 30/06/2020)",
               "Affaire à suivre : 2 signaux pour Fondation A (inventaire au 30/06/2020)"],
        "en": ["To follow up: 0 signals for Fondation A (inventory as of 30/06/2020)",
               "To follow up: 1 signal for Fondation A (inventory as of 30/06/2020)",
               "To follow up: 2 signals for Fondation A (inventory as of 30/06/2020)"]}),
    ("CLI_SERVING", {"host": "h", "port": 1, "path": "p"}, {
        "fr": [f"Tableau de bord sur http://h:1/ : {n} derrière HAProxy, lisant p. Ctrl+C pour arrêter."
               for n in ("0 réplique", "1 réplique", "2 répliques")],
        "en": [f"Dashboard on http://h:1/: {n} behind HAProxy, reading p. Ctrl+C to stop."
               for n in ("0 replicas", "1 replica", "2 replicas")]}),
    ("REPORT_QUEUE", {}, {
        "fr": [f"{n} en préparation sur ce serveur, un à la fois : le vôtre suit, puis il est gardé et les "
               "téléchargements suivants sont immédiats." for n in ("0 rapport", "1 rapport", "2 rapports")],
        "en": [f"{n} being made on this server, one at a time: yours follows, then it is kept and the next downloads "
               "are immediate." for n in ("0 reports", "1 report", "2 reports")]}),
    ("REPORT_AHEAD", {}, {
        "fr": [f"{n} avant le vôtre, un à la fois : restez sur cette page, le téléchargement partira tout seul."
               for n in ("0 rapport", "1 rapport", "2 rapports")],
        "en": [f"{n} before yours, one at a time: stay on this page, the download will start by itself."
               for n in ("0 reports", "1 report", "2 reports")]}),
])
def test_a_count_takes_its_form_at_0_1_and_2(key, fields, expected):
    for language in T.LANGUAGES:
        with T.speaking(language):
            got = [formats.counted(getattr(T, key), n=n, **fields) for n in (0, 1, 2)]
        assert got == expected[language], language


@pytest.mark.parametrize("n, french, english", [
    (0, "**0 signal** depuis l'import précédent : 0 zone blanche ouverte, 0 fin de programme en vue, 0 besoin en "
        "hausse, 0 engagement en retard, 0 donnée ancienne.",
     "**0 signals** since the previous import: 0 white zones opened, 0 programmes ending soon, 0 needs rising, "
     "0 commitments late, 0 stale sources."),
    (1, "**1 signal** depuis l'import précédent : 1 zone blanche ouverte, 1 fin de programme en vue, 1 besoin en "
        "hausse, 1 engagement en retard, 1 donnée ancienne.",
     "**1 signal** since the previous import: 1 white zone opened, 1 programme ending soon, 1 need rising, "
     "1 commitment late, 1 stale source."),
    (2, "**2 signaux** depuis l'import précédent : 2 zones blanches ouvertes, 2 fins de programme en vue, 2 besoins "
        "en hausse, 2 engagements en retard, 2 données anciennes.",
     "**2 signals** since the previous import: 2 white zones opened, 2 programmes ending soon, 2 needs rising, "
     "2 commitments late, 2 stale sources."),
])
def test_the_home_signal_line_says_each_count_in_its_form(n, french, english):
    counts = dict(total=n, zones=n, fins=n, hausses=n, retards=n, anciennes=n)
    assert formats.counted(T.TABLES["fr"]["HOME_SIGNALS_LINE"], **counts) == french
    with T.speaking("en"):
        assert formats.counted(T.HOME_SIGNALS_LINE, **counts) == english


@pytest.mark.parametrize("key, fields, french, english", [
    ("CLI_DIGEST_SUMMARY", dict(sent=1, failed=2, missing=0),
     "1 lettre envoyée, 2 échecs, 0 sans adresse.", "1 letter sent, 2 failures, 0 without an address."),
    ("CLI_DIGEST_SUMMARY", dict(sent=0, failed=1, missing=2),
     "0 lettre envoyée, 1 échec, 2 sans adresse.", "0 letters sent, 1 failure, 2 without an address."),
    ("REPORT_PREMIUM_LINE", dict(joint=1, total=2, part="…"),
     "Prime d'alliance : 1 engagement sur 2 pris à plusieurs investisseurs (…).",
     "Alliance premium: 1 commitment out of 2 made by several investors (…)."),
    ("REPORT_PREMIUM_LINE", dict(joint=2, total=5, part="…"),
     "Prime d'alliance : 2 engagements sur 5 pris à plusieurs investisseurs (…).",
     "Alliance premium: 2 commitments out of 5 made by several investors (…)."),
    ("CLI_DIGEST_WRITTEN", dict(investisseur="A", nom="Fondation A", signaux=1, html="a.html", text="a.txt"),
     "A (Fondation A) : 1 signal → a.html, a.txt", "A (Fondation A): 1 signal → a.html, a.txt"),
])
def test_sentences_with_several_counts_choose_each_form(key, fields, french, english):
    assert formats.counted(T.TABLES["fr"][key], **fields) == french
    with T.speaking("en"):
        assert formats.counted(T.TABLES["en"][key], **fields) == english


def test_import_warnings_count_in_their_form_and_write_big_numbers_as_people_read_them():
    with T.speaking("fr"):
        assert formats.counted(T.WARN_CATALOGUE_PAGE, read=1, count=5000).startswith(
            "Le fichier ne contient que 1 aide sur 5\u202f000 :")
        assert formats.counted(T.WARN_HXL_DEFAULT_INTENSITY, n=1, value=3).startswith(
            "1 besoin du tableau HXL sans colonne #severity a reçu l'intensité 3 (moyenne)")
        assert formats.counted(T.WARN_HXL_DEFAULT_INTENSITY, n=2, value=3).startswith("2 besoins du tableau HXL "
                                                                                       "sans colonne #severity ont reçu")
        assert formats.counted(T.WARN_FOLLOWUP_NOT_CARRIED, sheet="engagements", n=1, row="4", message="m").startswith(
            "Feuille engagements non reprise : 1 ligne de l'inventaire actif cite des investisseurs")
    with T.speaking("en"):
        assert formats.counted(T.WARN_CATALOGUE_PAGE, read=2, count=5000).startswith(
            "The file holds only 2 aids out of 5,000:")
        assert formats.counted(T.WARN_HXL_DEFAULT_INTENSITY, n=1, value=3).startswith(
            "1 need of the HXL table without a #severity column was given the intensity 3")
        assert formats.counted(T.WARN_FOLLOWUP_NOT_CARRIED, sheet="engagements", n=2, row="4", message="m").startswith(
            "Sheet engagements not carried over: 2 rows of the active snapshot name investors")


# --- c. English as English readers write it ----------------------------------------------------------------------
def test_english_texts_use_english_quotes_and_percent_signs():
    english = [(key, text) for key, value in T.TABLES["en"].items() for text in _values(value)]
    assert [key for key, text in english if "«" in text or "»" in text] == []
    # « 42 % », « {value} % »: French spacing; English writes 42% (and the PERCENT format is the one home)
    assert [key for key, text in english if re.search(r"[\d}][ \u00a0\u202f]%", text)] == []
    assert T.TABLES["en"]["PERCENT"] == "{value}%" and T.TABLES["fr"]["PERCENT"] == "{value}\u202f%"


def test_numbers_percentages_and_dates_in_each_languages_form():
    assert formats.number(1234.5, 1, "fr") == "1\u202f234,5" and formats.number(1234.5, 1, "en") == "1,234.5"
    assert formats.percent(0.42, "part_couverte", "en") == "42%"
    assert formats.percent(0.42, "part_couverte", "fr") == "42\u202f%"
    assert formats.date(dt.date(2020, 6, 30), "en") == "30 Jun 2020"
    assert formats.date(dt.date(2020, 6, 30), "fr") == "30/06/2020"
