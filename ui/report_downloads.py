"""The session report's two download buttons on the home page, and the reader's place in the queue while their
report is made.

Streamlit makes a download's file in a thread of its own, beside the page's run, when the reader clicks (the
button's data is a function); the click also reruns this fragment. A ``Ticket`` kept in the reader's session
joins the two: the download's thread tells it the reader's place (``session_report`` calls back each time it
changes), and the fragment's run shows it under the button, « 2 rapports avant le vôtre… », then « en préparation »,
until the report is made and the browser downloads it. Renders are one at a time (``session_report``)."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

import streamlit as st

from inventory import texts as T
from inventory.models import Snapshot
from inventory.outputs import session_report
from inventory.store import Store
from ui.display import counted

TICK = 0.5  # seconds between two looks at the tickets while a reader waits (and Streamlit may stop the run)
PATIENCE = 20.0  # seconds a click waits for its download to start before the page stops watching for it
# Seconds the run lasts once a report is made: the end of a run sweeps the server's unreferenced downloads (a
# made file is kept for one sweep, dropped at the next), and the browser fetches the file only after it is made.
GRACE = 3.0


@dataclass(frozen=True)
class Wait:
    """What a reader's ticket says now: still waiting, with ``ahead`` renders before theirs (0: theirs is being
    made, None: not yet in the queue); or finished, made or with the ``error`` to show."""
    waiting: bool
    ahead: int | None = None
    made: bool = False
    error: str | None = None


class Ticket:
    """One reader's download of one kind of report: written by the download's thread, read by the page's runs.
    Clicks, starts and ends are counted, since a click's rerun may come before or after its download starts."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._asked = self._started = self._ended = 0
        self._asked_at = 0.0
        self._ahead: int | None = None
        self._made = False
        self._error: str | None = None

    def ask(self) -> None:
        """The reader clicked (the button's ``on_click``, in the page's run)."""
        with self._lock:
            self._asked += 1
            self._asked_at = time.monotonic()

    def fetch(self, build: Callable[[Callable[[int], None]], bytes]) -> bytes:
        """``build(tell)``'s bytes, in the download's thread; ``tell`` is the reader's place as it changes."""
        with self._lock:
            self._started += 1
            self._ahead, self._made, self._error = None, False, None
        try:
            data = build(self._tell)
        except Exception as exc:  # the page says why; Streamlit logs it and downloads nothing
            with self._lock:
                self._error = str(exc) if isinstance(exc, (RuntimeError, LookupError)) else T.UNEXPECTED
            raise
        else:
            with self._lock:
                self._made = True
            return data
        finally:
            with self._lock:
                self._ended += 1

    def _tell(self, ahead: int) -> None:
        with self._lock:
            self._ahead = ahead

    def now(self, *, patience: float = PATIENCE) -> Wait:
        with self._lock:
            if self._asked > self._started and time.monotonic() - self._asked_at > patience:
                self._asked = self._started  # a click whose download never came: stop watching for it
            if self._ended < max(self._asked, self._started):
                return Wait(True, self._ahead if self._started > self._ended else None)
            return Wait(False, made=self._made, error=self._error)


def wait_line(wait: Wait) -> str | None:
    """The sentence under the button while its reader waits (None: nothing to say yet)."""
    if not wait.waiting or wait.ahead is None:
        return None
    return counted(T.REPORT_AHEAD, n=wait.ahead) if wait.ahead else T.REPORT_MAKING


def follow(slots: dict[str, Any], tickets: dict[str, Ticket], *, tick: float = TICK,
           patience: float = PATIENCE, grace: float | None = None) -> None:
    """Show each ticket's wait in its slot (an ``st.empty``) and keep it current until no ticket waits, then say
    of each wait seen which report was made or why it was not. Each look draws again, so that Streamlit may stop
    this run when the reader does something else (its next draw raises, and the download goes on)."""
    seen: set[str] = set()
    while True:
        now = {kind: ticket.now(patience=patience) for kind, ticket in tickets.items()}
        for kind, wait in now.items():
            line = wait_line(wait)
            seen |= {kind} if wait.waiting else set()
            if line:
                slots[kind].caption(line)
            else:
                slots[kind].empty()
        if not any(w.waiting for w in now.values()):
            break
        time.sleep(tick)
    for kind in seen:
        if now[kind].error:
            slots[kind].error(now[kind].error)
        elif now[kind].made:
            slots[kind].caption(T.REPORT_DOWNLOADED)
    if seen:
        time.sleep(GRACE if grace is None else grace)


def _ticket(kind: str) -> Ticket:
    key = f"_report_ticket_{kind}"
    if key not in st.session_state:
        st.session_state[key] = Ticket()
    return st.session_state[key]


@st.fragment
def report_downloads(store: Store, snap: Snapshot, lang: str) -> None:
    """The HTML and PDF buttons of the shown snapshot's report, in the reader's language; a click reruns only
    this fragment, which follows the reader's wait until the browser downloads the file."""
    tickets = {"html": _ticket("html")}
    if session_report.chromium():
        tickets["pdf"] = _ticket("pdf")
    headline = st.empty()
    if not any(t.now().waiting for t in tickets.values()):
        if waiting := session_report.queued():  # renders run one at a time: say how many are ahead
            headline.caption(counted(T.REPORT_QUEUE, n=waiting))
        elif session_report.ready(store, snap, lang, "html"):
            headline.caption(T.REPORT_READY)
    html_col, pdf_col = st.columns(2)
    html = tickets["html"]
    html_col.download_button(
        T.HOME_REPORT_HTML,
        lambda: html.fetch(lambda tell: session_report.build_html(store, snap.id, lang=lang, waiting=tell).encode()),
        file_name=session_report.file_name(snap, "html"), mime="text/html", on_click=html.ask,
        icon=":material/description:", key="rapport_html", width="stretch")
    slots = {"html": html_col.empty()}
    if "pdf" in tickets:
        pdf = tickets["pdf"]
        pdf_col.download_button(
            T.HOME_REPORT_PDF,
            lambda: pdf.fetch(lambda tell: session_report.build_pdf(store, snap.id, lang=lang, waiting=tell)),
            file_name=session_report.file_name(snap, "pdf"), mime="application/pdf", on_click=pdf.ask,
            icon=":material/picture_as_pdf:", key="rapport_pdf", width="stretch")
        slots["pdf"] = pdf_col.empty()
    else:
        pdf_col.caption(T.REPORT_NO_CHROMIUM)
    follow(slots, tickets)
