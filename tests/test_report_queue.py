"""The session report for a room full of readers (issue 22, item 6): renders one at a time in the order asked, and
a waiting reader told their place: how many renders are ahead of theirs, then that theirs is being made.

The domain (``session_report``) tells a ``waiting`` callback; the home page's side (``ui.report_downloads``) keeps
it in the reader's ticket while Streamlit makes the file in a thread of its own, and shows it under the button.
Renders are the real ones on the hand-checked inventory of tests/followup_inventory.py, held until the test lets
each finish, so the order of events is the test's."""
from __future__ import annotations

import threading
import time
from collections import Counter

import pytest

from inventory import texts
from inventory import texts as T
from inventory.intake.noting import note_commitment
from inventory.outputs import session_report
from tests import followup_inventory as inv
from ui.display import counted
from ui.report_downloads import Ticket, follow


def until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.01)


@pytest.fixture
def three_reports(store, monkeypatch):
    """The store and three reports' (snapshot, language): the first snapshot's in French and in English, the
    second snapshot's (a commitment noted) in French; with ``started``/``go`` events per report and the renders
    counted, each real render held until ``go`` is set."""
    first = inv.load(store)
    assert note_commitment(store, {"investisseurs": "A", "thematiques": "numerique", "territoires": "FR",
                                   "statut": "engage", "session": "Séance du 06/12"}).ok
    keys = [(first, "fr"), (first, "en"), (store.active_snapshot_id(), "fr")]
    started, go, renders = {k: threading.Event() for k in keys}, {k: threading.Event() for k in keys}, Counter()
    real = session_report.render

    def held(snap, parts, **kw):
        key = (snap.id, texts.language())
        renders[key] += 1
        started[key].set()
        assert go[key].wait(30)
        return real(snap, parts, **kw)

    monkeypatch.setattr(session_report, "render", held)
    yield store, keys, started, go, renders
    for event in go.values():  # a failed test leaves no reader held
        event.set()


def in_thread(fn, *args, **kwargs) -> threading.Thread:
    t = threading.Thread(target=fn, args=args, kwargs=kwargs, daemon=True)
    t.start()
    return t


def test_readers_waiting_for_reports_are_told_their_place_until_theirs_is_made(three_reports):
    store, keys, started, go, renders = three_reports
    told: dict[str, list[int]] = {name: [] for name in ("ana", "ben", "bea", "cyr")}
    got: dict[str, str] = {}

    def ask(name: str, key: tuple) -> threading.Thread:
        def read() -> None:
            got[name] = session_report.build_html(store, key[0], lang=key[1], waiting=told[name].append)
        return in_thread(read)

    readers = [ask("ana", keys[0])]
    assert started[keys[0]].wait(20)  # ana's report is being made
    readers.append(ask("ben", keys[1]))
    until(lambda: told["ben"] == [1])
    readers.append(ask("bea", keys[1]))  # the same report as ben's: the same place
    until(lambda: told["bea"] == [1])
    readers.append(ask("cyr", keys[2]))
    until(lambda: told["cyr"] == [2])
    assert session_report.queued() == 3
    go[keys[0]].set()
    assert started[keys[1]].wait(20)
    until(lambda: told["cyr"] == [2, 1])
    go[keys[1]].set()
    assert started[keys[2]].wait(20)
    go[keys[2]].set()
    for t in readers:
        t.join(30)
    assert told == {"ana": [0], "ben": [1, 0], "bea": [1, 0], "cyr": [2, 1, 0]}
    assert renders == {k: 1 for k in keys}  # one render per report, ben's and bea's shared
    assert got["ben"] == got["bea"] and got["ana"] != got["ben"] and got["cyr"] != got["ana"]
    assert session_report.queued() == 0
    later: list[int] = []
    assert session_report.build_html(store, keys[2][0], lang="fr", waiting=later.append) == got["cyr"]
    assert later == [] and renders[keys[2]] == 1  # a report already made: nothing to wait for


def test_a_reader_who_leaves_the_queue_frees_their_place(three_reports):
    store, keys, started, go, renders = three_reports
    first = in_thread(session_report.build_html, store, keys[0][0], lang="fr")
    assert started[keys[0]].wait(20)

    class Left(Exception):
        pass

    def leave(ahead: int) -> None:  # the reader's page went elsewhere while they waited
        raise Left

    with pytest.raises(Left):
        session_report.build_html(store, keys[1][0], lang="en", waiting=leave)
    assert session_report.queued() == 1  # only the report being made
    go[keys[0]].set()
    first.join(30)
    assert session_report.queued() == 0 and renders[keys[1]] == 0


class Slot:
    """What an ``st.empty`` shows, one entry per change: ("caption", text), ("error", text), or None (empty)."""

    def __init__(self) -> None:
        self.shown: list = []

    def _show(self, what) -> None:
        if not self.shown or self.shown[-1] != what:
            self.shown.append(what)

    def caption(self, text: str) -> None:
        self._show(("caption", text))

    def error(self, text: str) -> None:
        self._show(("error", text))

    def empty(self) -> None:
        self._show(None)


def test_the_page_shows_a_readers_place_then_in_preparation_then_the_download(three_reports):
    store, keys, started, go, renders = three_reports

    def download(ticket: Ticket, key: tuple) -> threading.Thread:  # what Streamlit runs in its thread on a click
        return in_thread(ticket.fetch, lambda tell: session_report.build_html(store, key[0], lang=key[1],
                                                                               waiting=tell).encode())

    ana, ben, cyr = Ticket(), Ticket(), Ticket()
    threads = [download(ana, keys[0])]
    assert started[keys[0]].wait(20)
    threads.append(download(ben, keys[1]))
    until(lambda: ben.now().ahead == 1)
    cyr.ask()  # cyr's click: the page's run starts following before (or after) the download's thread starts
    slot = Slot()
    page = in_thread(follow, {"html": slot}, {"html": cyr}, tick=0.01, grace=0)
    threads.append(download(cyr, keys[2]))
    ahead = {n: ("caption", counted(T.REPORT_AHEAD, n=n)) for n in (1, 2)}
    until(lambda: ahead[2] in slot.shown)
    go[keys[0]].set()
    until(lambda: ahead[1] in slot.shown)
    go[keys[1]].set()
    until(lambda: ("caption", T.REPORT_MAKING) in slot.shown)
    go[keys[2]].set()
    page.join(30)
    for t in threads:
        t.join(30)
    assert [s for s in slot.shown if s] == [ahead[2], ahead[1], ("caption", T.REPORT_MAKING),
                                            ("caption", T.REPORT_DOWNLOADED)]
    assert ahead[2][1] == "2 rapports avant le vôtre, un à la fois : restez sur cette page, le téléchargement partira " \
                          "tout seul."
    assert not page.is_alive() and renders == {k: 1 for k in keys}


def test_a_failed_render_is_said_under_its_button_and_a_lost_click_is_not_followed_for_ever():
    failing, lost = Ticket(), Ticket()
    failing.ask()
    refused = T.REPORT_CHROMIUM_TIMEOUT.format(seconds=60)

    def fail(tell) -> bytes:
        tell(0)
        time.sleep(0.2)
        raise RuntimeError(refused)

    worker = in_thread(lambda: pytest.raises(RuntimeError, failing.fetch, fail))
    lost.ask()  # a click whose download never reaches the server
    slots = {"pdf": Slot(), "html": Slot()}
    t0 = time.monotonic()
    follow(slots, {"pdf": failing, "html": lost}, tick=0.01, patience=0.5, grace=0)
    worker.join(5)
    assert 0.5 <= time.monotonic() - t0 < 5
    assert [s for s in slots["pdf"].shown if s] == [("caption", T.REPORT_MAKING), ("error", refused)]
    assert [s for s in slots["html"].shown if s] == []
