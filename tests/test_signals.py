"""Signals between two snapshots, routed to the members best placed (issue 26), on the hand-made pair of
tests/signals_inventory.py (every expected number worked out there); the command line, the letters, and their
mailing to a real SMTP server listening on a loopback port."""
from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys
import threading
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest

from inventory.analysis import signals
from inventory.intake import importer
from inventory.intake.catalogues import aides_territoires, hxl
from inventory.models import Investisseur
from inventory.outputs import digest
from inventory.store import Store
from tests import signals_inventory as inv
from tests.builders import inventory_sheets, write_xlsx

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return inv.build(tmp_path_factory.mktemp("signaux"))


@pytest.fixture
def store(db):
    s = Store(db)
    yield s
    s.close()


def _shape(found: list[dict]) -> list[tuple]:
    return [(s["type"], s["territoire"], s["thematique"], s["avant"], s["apres"],
             [(p["investisseur"], p["raison"]) for p in s["pour"]]) for s in found]


def test_each_planted_signal_is_found_ranked_and_routed_to_the_expected_members(store):
    found = signals.signals_json(store)  # June (active) against January (the import before it)
    assert _shape(found) == inv.EXPECTED
    assert [s["rang"] for s in found] == [1, 2, 3, 4, 5, 6]
    assert {s["type"] for s in found} == set(signals.TYPES)
    cliff = found[1]
    assert (cliff["objet"], cliff["date"], cliff["jours"]) == ("P4", "2020-08-15", 46)
    assert [(s["objet"], s["jours"]) for s in found[3:5]] == [("E2", 167), ("E1", 91)]
    assert (found[5]["objet"], found[5]["jours"]) == ("realisations", 151)


def test_a_member_sees_its_own_signals_with_their_shared_rank(store):
    assert [s["rang"] for s in signals.signals_json(store, investisseur="A")] == [1, 3, 5]
    assert [s["rang"] for s in signals.signals_json(store, investisseur="C")] == [2, 6]
    assert signals.signals_json(store, investisseur="D") == []


def test_without_an_earlier_import_only_what_needs_no_comparison_is_signalled(store):
    # January alone: E2 is 16 days late (it became late: nothing before), P4 ends in more than 60 days
    found = signals.signals_json(store, after=1)
    assert _shape(found) == [("engagement_en_retard", "DEP-01", "juridique", None, 16, [("B", "engagement")])]


def test_below_the_thresholds_nothing_is_signalled(store):
    # DEP-75 cooperation grew by 10 points but by 16.7 % only (< 20 %); January → January: nothing moved
    assert "DEP-75" not in [s["territoire"] for s in signals.signals_json(store)]
    same = signals.signals_json(store, before=1, after=1)
    assert [s["type"] for s in same] == ["engagement_en_retard"]


def test_the_counts_and_the_recipients_follow_the_signals(store):
    assert signals.signal_counts(store, 1, 2) == {"zone_blanche_ouverte": 1, "fin_de_programme": 1,
                                                   "besoin_en_hausse": 1, "engagement_en_retard": 2,
                                                   "donnees_anciennes": 1, "total": 6}
    members = signals.members_with_signals(store, 1, 2)
    assert list(members["investisseur"]) == ["A", "B", "C"]
    assert list(members["signaux"]) == [3, 3, 2]


def test_catalogue_prefixes_are_the_catalogues_own():
    assert signals.CATALOGUE_PREFIXES == {"aides-territoires": aides_territoires.PREFIX, "hxl": hxl.PREFIX}


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "inventory", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_signals_json_on_the_command_line_prints_the_documented_objects(db):
    done = _cli("signals", "--db", str(db), "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert _shape(found) == inv.EXPECTED
    assert all({"type", "territoire", "thematique", "avant", "apres", "pour", "rang"} <= set(s) for s in found)
    assert all(set(p) == {"investisseur", "raison"} for s in found for p in s["pour"])
    mine = json.loads(_cli("signals", "--db", str(db), "--from", "1", "--to", "2", "--investisseur", "B",
                           "--json").stdout)
    assert [s["rang"] for s in mine] == [2, 4, 6]
    unknown = _cli("signals", "--db", str(db), "--to", "9", "--json")
    assert unknown.returncode == 1 and "9" in unknown.stderr


def test_digest_writes_one_html_and_one_text_letter_per_member_with_signals(db, tmp_path):
    done = _cli("digest", str(tmp_path / "lettres"), "--db", str(db), "--base-url", "https://inventaire.example.org")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "lettres").iterdir()) == ["A.html", "A.txt", "B.html", "B.txt",
                                                                        "C.html", "C.txt"]
    assert "Rien n'a été envoyé" in done.stdout
    text = (tmp_path / "lettres" / "A.txt").read_text(encoding="utf-8")
    # A's three signals, in the shared rank order, each with why A and a link pinned to June (id 2)
    assert [line.split(". ", 1)[0] for line in text.splitlines() if line[:2] in ("1.", "3.", "5.")] == ["1", "3", "5"]
    assert "Isère, Modèle socio-économique et financement : plus aucun besoin n'est atteint (100\u202f% auparavant" in text
    assert "Loire, Outils numériques : le score du besoin passe de 2 à 12" in text
    assert "échéance du 31/03/2020 dépassée de 91 jours (devenu en retard" in text
    assert "https://inventaire.example.org/couverture?inventaire=2&vue=territoire&territoire=DEP-38" in text
    page = (tmp_path / "lettres" / "C.html").read_text(encoding="utf-8")
    assert "« Compétences Provence » (P4) s&#x27;achève le 15/08/2020, dans 46 jours" in page
    assert "Pourquoi vous : le programme est le sien." in page


class _Inbox:
    """A real SMTP server (aiosmtpd) on a free loopback port; refuses the addresses in ``refuse``."""

    def __init__(self, refuse: set[str] = frozenset()):
        from aiosmtpd.controller import Controller

        self.messages: list = []
        inbox = self

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address in refuse:
                    return "550 5.1.1 no such mailbox"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                inbox.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content,
                                                                                    policy=default_policy)))
                return "250 Message accepted for delivery"

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)


@pytest.fixture
def inbox():
    box = _Inbox()
    box.controller.start()
    yield box
    box.controller.stop()


def _smtp_env(port: int) -> dict[str, str]:
    return {"INVENTORY_SMTP_HOST": "127.0.0.1", "INVENTORY_SMTP_PORT": str(port), "INVENTORY_SMTP_STARTTLS": "false",
            "INVENTORY_SMTP_SENDER": "inventaire@example.org"}


def test_digest_send_mails_one_letter_to_each_member_with_signals_and_a_contact(db, tmp_path, inbox):
    done = _cli("digest", str(tmp_path / "lettres"), "--db", str(db), "--send", env=_smtp_env(inbox.port))
    assert done.returncode == 0, done.stderr
    # A and B have signals and a contact; C has signals but no contact; D has a contact but no signal
    assert sorted(to for tos, _ in inbox.messages for to in tos) == ["a@example.org", "b@example.org"]
    subjects = sorted(m["Subject"] for _, m in inbox.messages)
    assert subjects == ["Affaire à suivre : 3 signaux pour Banque Beta (inventaire au 30/06/2020)",
                        "Affaire à suivre : 3 signaux pour Fondation Alpha (inventaire au 30/06/2020)"]
    alpha = next(m for tos, m in inbox.messages if tos == ["a@example.org"])
    assert alpha["From"] == "inventaire@example.org"
    assert "le score du besoin passe de 2 à 12" in alpha.get_body(("plain",)).get_content()
    assert "<ol>" in alpha.get_body(("html",)).get_content()
    assert "A : lettre envoyée à a@example.org" in done.stdout
    assert "B : lettre envoyée à b@example.org" in done.stdout
    assert "C : pas d'adresse de contact, lettre non envoyée" in done.stdout


def test_a_refused_recipient_does_not_stop_the_others(store, tmp_path):
    box = _Inbox(refuse={"a@example.org"})
    box.controller.start()
    try:
        letters = digest.letters(store, 1, 2)
        settings = digest.smtp_settings(_smtp_env(box.port), secrets_file=tmp_path / "none.toml")
        sent = digest.send(letters, settings)
    finally:
        box.controller.stop()
    assert [(m, c, e is None) for m, c, e in sent] == [("A", "a@example.org", False), ("B", "b@example.org", True),
                                                       ("C", None, True)]
    assert [tos for tos, _ in box.messages] == [["b@example.org"]]


def test_nothing_is_sent_without_send_even_with_a_server_configured(db, tmp_path, inbox):
    done = _cli("digest", str(tmp_path / "lettres"), "--db", str(db), env=_smtp_env(inbox.port))
    assert done.returncode == 0
    assert inbox.messages == []


def test_smtp_settings_come_from_the_environment_or_the_secrets_file(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[smtp]\nhost = "smtp.example.org"\nport = 2525\nstarttls = false\nuser = "u"\n'
                       'password = "p"\nsender = "suivi@example.org"\n', encoding="utf-8")
    assert digest.smtp_settings({}, secrets) == digest.SmtpSettings("smtp.example.org", 2525, False, "u", "p",
                                                                    "suivi@example.org")
    assert digest.smtp_settings({"INVENTORY_SMTP_HOST": "mx.example.org"}, secrets).host == "mx.example.org"
    assert digest.smtp_settings({}, tmp_path / "absent.toml") is None


def test_send_without_a_server_says_so_and_sends_nothing(db, tmp_path, monkeypatch):
    done = _cli("digest", str(tmp_path / "lettres"), "--db", str(db), "--send",
                env={"INVENTORY_SMTP_HOST": "", "HOME": str(tmp_path)})
    assert done.returncode == 2
    assert "aucun serveur SMTP" in done.stderr


# --- the contract's contact column --------------------------------------------------------------------------
def test_a_contact_must_be_an_e_mail_address():
    assert Investisseur(id="A", nom="Alpha", type="fondation", contact=" mailto:Suivi@Example.org ").contact == \
        "Suivi@Example.org"
    with pytest.raises(Exception, match="adresse e-mail « suivi@exemple » non conforme"):
        Investisseur(id="A", nom="Alpha", type="fondation", contact="suivi@exemple")


def test_an_upload_with_a_bad_contact_changes_nothing_and_says_where(tmp_path):
    store = Store(tmp_path / "inventory.duckdb")
    sheets = inventory_sheets()
    sheets["investisseurs"][0].append("contact")
    sheets["investisseurs"][1].append("pas une adresse")
    result = importer.import_files(store, [write_xlsx(tmp_path / "inv.xlsx", sheets)], as_of=dt.date(2020, 6, 30))
    assert not result.ok
    assert [(e.sheet, e.row, e.value) for e in result.errors] == [("investisseurs", 2, "pas une adresse")]
    assert store.snapshots() == []
    store.close()


def test_a_file_written_before_the_contact_column_gets_it_on_open(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    store = Store(path)
    inv.load(store, tmp_path, inv.JANUARY_SHEETS, label="Janvier", as_of=inv.JANUARY)
    store.close()
    con = duckdb.connect(str(path))  # as an earlier version left it: no contact column, an older stamp
    con.execute("ALTER TABLE investisseurs_rows DROP COLUMN contact")
    con.execute("UPDATE settings SET value = 'old' WHERE key = 'schema_fingerprint'")
    con.close()
    store = Store(path)
    assert store.rows("SELECT id, contact FROM investisseurs ORDER BY id")[:2] == [("A", None), ("B", None)]
    store.close()


def test_the_session_report_opens_on_the_same_signals(store):
    import html as html_lib
    import re

    from inventory.outputs import session_report

    page = session_report.build_html(store, 2)
    assert re.findall(r'<section id="(\w+)"', page)[0] == "signaux"
    opening = html_lib.unescape(page[page.index('<section id="signaux"'):page.index('<section id="chiffres"')])
    assert [int(n) for n in re.findall(r">(\d)\. ", opening)] == [1, 2, 3, 4, 5, 6]
    assert "3. Besoin en hausse — Loire, Outils numériques : le score du besoin passe de 2 à 12" in opening
    assert "Pour : Conseil Gamma (le programme est le sien) ; Banque Beta" in opening
