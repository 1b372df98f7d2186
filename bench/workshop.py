"""A workshop's first minutes: many people on one ``streamlit run app.py`` server, through its websocket.

``python -m bench.workshop --db PATH --sessions 1 12 50 --out FILE`` starts a fresh server for each level and
simulates people with clients that speak Streamlit's own protocol (``/_stcore/stream``, protobuf messages from
``streamlit.proto``), no browser:

- each person opens a shared link (a mix of pages, views and ``?atelier=1``; ``LINKS``) within the first
  ``--spread`` seconds, exactly as the browser does on a first visit: a ``BackMsg.rerun_script`` carrying the
  page's URL path as ``page_name`` and the link's query string, no page hash, no widget state;
- then, ``--clicks`` times, waits 1–3 s (seeded) after the page settled and changes one filter it was shown
  (a selectbox, radio or multiselect found in the deltas of the last run, any but disabled ones): a rerun
  carrying the page hash and query string the server last sent (``navigation``, ``page_info_changed``) and
  the value of every widget on the page, the changed one included, as the browser's ``WidgetStateManager``
  sends them; like the browser it reports the hashes of the cacheable messages it keeps (forgetting those no
  run used for ``max_cached_message_age`` runs), so the server sends references instead of unchanged elements;
- a click's wait is the time from sending the ``BackMsg`` to the ``script_finished`` that ends the run
  (a run ended early by ``st.rerun`` does not count as the end).

Level 1 is "the same runs alone": the persons of the first level above 1 (same links, same clicks), one at a
time on the server. Errors: an exception element in a delta (the red box people see), ``page_not_found``, a
compile error, a click without answer within ``--click-timeout``, a closed socket, and every traceback in the
server's log. The server's CPU (``/proc/PID/stat`` utime + stime, from healthy to the end) is divided by the
runs the people asked for (opens + clicks); its peak memory is ``VmHWM``. The load average is recorded at the
start and the end of each level: the machine may be shared.

Only 127.0.0.1 is contacted; the server is killed at the end of each level, whatever happens.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-facilitator-password"

# The links a facilitator shares (path, query string); values in braces come from the inventory.
LINKS: list[tuple[str, str]] = [
    ("", ""), ("", "atelier=1"),
    ("besoins", ""), ("besoins", "niveau=departement"), ("besoins", "atelier=1"),
    ("couverture", "vue=carte"), ("couverture", "vue=lacunes"), ("couverture", "vue=catalogue"),
    ("couverture", "vue=territoire&territoire={region}"), ("couverture", "atelier=1&vue=carte"),
    ("collectif", "vue=paysage"), ("collectif", "vue=alliances"),
    ("collectif", "vue=positionner&investisseur={investor}"), ("collectif", "atelier=1&vue=alliances"),
    ("defis", ""), ("defis", "atelier=1"),
    ("evolution", ""), ("evolution", "atelier=1&niveau=departement"),
]
FILTERS = ("selectbox", "radio", "multiselect")
WIDGETS = FILTERS + ("checkbox",)
# Streamlit's "config" options that the repository's .streamlit/config.toml sets for speed; the "defaults"
# variant puts Streamlit's own defaults back on the command line (which wins over config.toml).
STREAMLIT_DEFAULTS = {"server.fileWatcherType": "auto", "runner.postScriptGC": "true"}


# --- one simulated person ---------------------------------------------------------------------------------
@dataclass
class Plan:
    """What one person does: which link, when, and the seed of their clicks."""
    person: int
    path: str
    query: str
    start: float
    seed: int


@dataclass
class Person:
    plan: Plan
    opens: list[float] = field(default_factory=list)
    clicks: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    early_reruns: int = 0
    no_filter: int = 0
    trail: list[str] = field(default_factory=list)  # what was clicked, and the query string after it


class Client:
    """The browser's side of one session: what it keeps from the ForwardMsgs, and the rerun it sends."""

    def __init__(self, ws, person: Person) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.ws = ws
        self.person = person
        self.FM = ForwardMsg
        self.query = ""
        self.page_hash = ""
        self.widgets: dict[str, tuple[str, Any]] = {}  # widgets of the last finished run
        self.values: dict[str, Any] = {}  # their values, as the browser's WidgetStateManager holds them
        self._pending: dict[str, tuple[str, Any]] = {}  # widgets of the run in progress
        self._cache: dict[str, Any] = {}  # cacheable messages by hash, as the browser's ForwardMsgCache
        self._used: dict[str, int] = {}  # hash → the run that last used it
        self._runs = 0
        self._max_age = 2  # new_session.config.max_cached_message_age: runs an unused message is kept
        self._done: asyncio.Future | None = None
        self.stage = "open"

    @property
    def _label(self) -> str:
        return f"{plan_link(self.person.plan)} ({self.stage})"

    async def read(self) -> None:
        try:
            async for raw in self.ws:
                msg = self.FM()
                msg.ParseFromString(raw)
                self.on_message(msg)
        except Exception as exc:  # the socket closed under us
            self._fail(f"socket: {type(exc).__name__}: {exc}")
            return
        self._fail("socket closed by the server")

    def _fail(self, text: str) -> None:
        if self._done is not None and not self._done.done():
            self._done.set_result(text)

    def on_message(self, msg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                self.person.errors.append(f"{self._label}: reference to a message never received")
                return
            self._used[msg.ref_hash] = self._runs
            msg, kind = cached, cached.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = msg
            self._used[msg.hash] = self._runs
        if kind == "new_session":
            self.page_hash = msg.new_session.page_script_hash or self.page_hash
            if msg.new_session.config.max_cached_message_age:
                self._max_age = msg.new_session.config.max_cached_message_age
            self._pending = {}
        elif kind == "navigation":
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            self.person.errors.append(f"{self._label}: page not found ({msg.page_not_found.page_name!r})")
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            el = msg.delta.new_element
            etype = el.WhichOneof("type")
            if etype in WIDGETS:
                w = getattr(el, etype)
                self._pending[w.id] = (etype, w)
                self.values[w.id] = sent_value(etype, w, self.values.get(w.id))
            elif etype == "exception":
                exc = el.exception
                text = f"{self._label}: {exc.type}: {exc.message[:200]}"
                (self.person.warnings if exc.is_warning else self.person.errors).append(text)
        elif kind == "script_finished":
            status = msg.script_finished
            if status == self.FM.FINISHED_EARLY_FOR_RERUN:
                self.person.early_reruns += 1
                return
            if status == self.FM.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                return
            if status == self.FM.FINISHED_WITH_COMPILE_ERROR:
                self.person.errors.append(f"{self._label}: compile error")
            self.widgets = self._pending
            self.values = {k: v for k, v in self.values.items() if k in self.widgets}  # unmounted: forgotten
            self._runs += 1  # the browser forgets messages no run used for max_cached_message_age runs
            for h in [h for h, used in self._used.items() if self._runs - used > self._max_age]:
                self._cache.pop(h, None)
                del self._used[h]
            if self._done is not None and not self._done.done():
                self._done.set_result(None)

    def _widget_states(self, changed: str | None = None, value: Any = None):
        from streamlit.proto.WidgetStates_pb2 import WidgetStates

        states = WidgetStates()
        for wid, (etype, w) in self.widgets.items():
            v = value if wid == changed else self.values.get(wid)
            if v is None:
                continue
            ws = states.widgets.add()
            ws.id = wid
            if etype == "multiselect":
                ws.string_array_value.data.extend(v)
            elif etype == "checkbox":
                ws.bool_value = v
            else:
                ws.string_value = v
        return states

    async def rerun(self, *, page_name: str = "", changed: str | None = None, value: Any = None,
                    timeout: float) -> float | None:
        """Send one rerun; the seconds until its run finished, or None (the error is recorded)."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        back = BackMsg()
        cs = back.rerun_script
        cs.query_string = self.query
        cs.page_script_hash = self.page_hash
        cs.page_name = page_name
        if self.widgets:
            cs.widget_states.CopyFrom(self._widget_states(changed, value))
        if changed is not None:
            self.values[changed] = value
        cs.cached_message_hashes.extend(self._cache)
        cs.context_info.timezone = "Europe/Paris"
        cs.context_info.timezone_offset = -60
        cs.context_info.locale = "fr-FR"
        cs.context_info.url = "http://127.0.0.1/"
        self._done = asyncio.get_running_loop().create_future()
        t0 = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        try:
            failure = await asyncio.wait_for(asyncio.shield(self._done), timeout)
        except asyncio.TimeoutError:
            self.person.errors.append(f"{self._label}: no answer within {timeout:.0f} s")
            return None
        if failure:
            self.person.errors.append(f"{self._label}: {failure}")
            return None
        return time.perf_counter() - t0

    def pick_change(self, rng: random.Random) -> tuple[str, Any] | None:
        """A filter the page shows and a new value for it, as a person would pick."""
        choices = [(wid, etype, w) for wid, (etype, w) in sorted(self.widgets.items())
                   if etype in FILTERS and not w.disabled and len(w.options) >= 2]
        if not choices:
            return None
        wid, etype, w = rng.choice(choices)
        options = list(w.options)
        now = self.values.get(wid)
        if etype == "multiselect":
            for _ in range(10):
                new = sorted(rng.sample(options, rng.randint(0, min(3, len(options)))), key=options.index)
                if new != now:
                    return wid, new
            return wid, [] if now else options[:1]
        return wid, rng.choice([o for o in options if o != now] or options)


def sent_value(etype: str, w, held: Any) -> Any:
    """The value the browser holds for a widget element it receives (as it sends it back: formatted option
    labels): the server's value when it sets one (``set_value``), else the one the browser already holds for
    that widget, else the element's default."""
    if w.set_value:
        if etype == "multiselect":
            return list(w.raw_values)
        if etype == "checkbox":
            return w.value
        return w.raw_value if w.HasField("raw_value") else None
    if held is not None:
        return held
    if etype == "multiselect":
        return [w.options[i] for i in w.default if 0 <= i < len(w.options)]
    if etype == "checkbox":
        return w.default
    if w.HasField("default") and 0 <= w.default < len(w.options):
        return w.options[w.default]
    return None


def plan_link(plan: Plan) -> str:
    return "/" + plan.path + (f"?{plan.query}" if plan.query else "")


async def run_person(base: str, person: Person, clicks: int, timeout: float, t_zero: float,
                     pace: tuple[float, float]) -> None:
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    plan = person.plan
    rng = random.Random(plan.seed)
    await asyncio.sleep(max(0.0, t_zero + plan.start - time.perf_counter()))
    try:
        async with connect(base.replace("http://", "ws://") + "/_stcore/stream",
                           subprotocols=[Subprotocol("streamlit")], max_size=None, compression=None,
                           open_timeout=timeout, ping_interval=None, close_timeout=2) as ws:
            client = Client(ws, person)
            client.query = plan.query
            reader = asyncio.create_task(client.read())
            try:
                took = await client.rerun(page_name=plan.path, timeout=timeout)
                if took is None:
                    return
                person.opens.append(took)
                for c in range(clicks):
                    await asyncio.sleep(rng.uniform(*pace))
                    client.stage = f"click {c + 1}"
                    change = client.pick_change(rng)
                    if change is None:
                        person.no_filter += 1
                        took = await client.rerun(timeout=timeout)  # a plain rerun: nothing to change
                    else:
                        label = client.widgets[change[0]][1].label
                        took = await client.rerun(changed=change[0], value=change[1], timeout=timeout)
                        person.trail.append(f"{label} = {change[1]!r} → ?{client.query} ({took or 0:.2f} s)")
                    if took is None:
                        return
                    person.clicks.append(took)
            finally:
                reader.cancel()
    except Exception as exc:
        person.errors.append(f"{plan_link(plan)}: {type(exc).__name__}: {exc}")


def plans(n: int, seed: int, spread: float, values: dict[str, str]) -> list[Plan]:
    """n persons: links dealt round the mix from a seeded start, arrival times spread over ``spread`` s."""
    rng = random.Random(seed)
    offset = rng.randrange(len(LINKS))
    out = []
    for k in range(n):
        path, query = LINKS[(offset + k * 7) % len(LINKS)]  # 7 is prime to len(LINKS): all links come round
        out.append(Plan(k, path, query.format(**values), rng.uniform(0, spread), rng.randrange(2**31)))
    return out


# --- the server -------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (its threads included), in seconds."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_mib(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


class Server:
    """``python -m ui.launch app.py`` (as ``make run``; ``plain``: ``streamlit run app.py``, which imports nothing
    of the app before the first sessions) on a free 127.0.0.1 port, its own process group, killed on exit."""

    def __init__(self, db: Path, log: Path, options: dict[str, str], timeout: float = 90.0,
                 script: str = "app.py", plain: bool = False) -> None:
        self.db, self.log, self.options, self.timeout, self.script = db, log, options, timeout, script
        self.plain = plain
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def __enter__(self) -> "Server":
        port = free_port()
        secrets = self.log.parent / "no-secrets.toml"  # never the checkout's .streamlit/secrets.toml
        launch = ["-m", "streamlit", "run"] if self.plain else ["-m", "ui.launch"]
        cmd = [sys.executable, *launch, self.script, "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--secrets.files", str(secrets)]
        for key, value in self.options.items():
            cmd += [f"--{key}", value]
        env = dict(os.environ, INVENTORY_DB=str(self.db), INVENTORY_FACILITATOR_PASSWORD=PASSWORD,
                   PYTHONUNBUFFERED="1")
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + self.timeout
        while True:
            if self.proc.poll() is not None:
                self.__exit__()
                raise RuntimeError(f"streamlit exited early ({self.proc.returncode}): {self.log_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError(f"streamlit not healthy after {self.timeout:.0f} s: {self.log_text()[-2000:]}")
            time.sleep(0.2)

    def __exit__(self, *exc: Any) -> None:
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)  # the group this server leads: nothing else
            except ProcessLookupError:
                return
            try:
                proc.wait(timeout=10)
                return
            except subprocess.TimeoutExpired:
                continue

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""


def tracebacks(log: str) -> list[str]:
    """The last line of every traceback in the server's log (the exception)."""
    out = []
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last)"):
            j = i + 1
            while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                j += 1
            out.append(lines[j].strip() if j < len(lines) else "?")
    return out


# --- one level --------------------------------------------------------------------------------------------
def quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


async def _crowd(url: str, persons: list[Person], clicks: int, timeout: float, alone: bool,
                 pace: tuple[float, float]) -> None:
    if alone:  # the same people one after the other, each alone on the server
        for p in persons:
            await run_person(url, p, clicks, timeout, time.perf_counter() - p.plan.start, pace)
    else:
        t_zero = time.perf_counter()
        await asyncio.gather(*(run_person(url, p, clicks, timeout, t_zero, pace) for p in persons))


def run_level(db: Path, *, sessions: int, persons_plan: list[Plan], clicks: int, options: dict[str, str],
              workdir: Path, timeout: float, deadline: float, pace: tuple[float, float],
              warm: bool = False) -> dict[str, Any]:
    """A fresh server, the people of ``persons_plan`` (together, or alone one at a time for level 1); ``warm``:
    the same people go through once before the measured pass (the caches then hold what they ask)."""
    alone = sessions == 1
    persons = [Person(p) for p in persons_plan]
    log = workdir / f"server-{sessions}.log"
    load_start = os.getloadavg()
    t0 = time.perf_counter()
    with Server(db, log, options) as server:
        pid = server.proc.pid
        if warm:  # the same people once before, unmeasured: every state they visit is then in the caches
            again = [Person(p.plan) for p in persons]
            asyncio.run(asyncio.wait_for(_crowd(server.url, again, clicks, timeout, alone, pace), deadline))
        cpu0, own0 = cpu_seconds(pid), time.process_time()
        started = time.perf_counter()
        try:
            asyncio.run(asyncio.wait_for(_crowd(server.url, persons, clicks, timeout, alone, pace), deadline))
        except (asyncio.TimeoutError, TimeoutError):
            for p in persons:
                p.errors.append(f"{plan_link(p.plan)}: the level did not end within {deadline:.0f} s")
        cpu = cpu_seconds(pid) - cpu0
        seconds = time.perf_counter() - started
        peak = peak_mib(pid)
        own = time.process_time() - own0
        time.sleep(0.5)  # the last lines of the log
        log_text = server.log_text()
    opens = [t for p in persons for t in p.opens]
    click_times = [t for p in persons for t in p.clicks]
    runs = len(opens) + len(click_times)
    errors = [e for p in persons for e in p.errors]
    traces = tracebacks(log_text)
    return {
        "sessions": sessions, "persons": len(persons), "alone": alone, "clicks_per_person": clicks,
        "opens": len(opens), "open_median": statistics.median(opens) if opens else None,
        "open_p95": quantile(opens, 0.95), "open_max": max(opens) if opens else None,
        "clicks": len(click_times), "click_median": statistics.median(click_times) if click_times else None,
        "click_p95": quantile(click_times, 0.95), "click_max": max(click_times) if click_times else None,
        "errors": errors[:30], "n_errors": len(errors),
        "warnings": sorted({w for p in persons for w in p.warnings})[:10],
        "tracebacks": traces[:20], "n_tracebacks": len(traces),
        "trails": {plan_link(p.plan): p.trail for p in persons[:3]},
        "early_reruns": sum(p.early_reruns for p in persons), "no_filter": sum(p.no_filter for p in persons),
        "server_cpu": cpu, "runs": runs, "cpu_per_run": cpu / runs if runs else None,
        "peak_mib": peak, "seconds": seconds, "wall": time.perf_counter() - t0, "client_cpu": own,
        "load_start": load_start, "load_end": os.getloadavg(), "options": options, "warm": warm,
    }


def placeholders(db: Path) -> dict[str, str]:
    from bench.pages import _placeholders

    return _placeholders(str(db))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.workshop", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="the inventory the server opens (read only: nobody imports)")
    ap.add_argument("--sessions", type=int, nargs="+", default=[1, 12, 50], help="levels (1 = the same people alone)")
    ap.add_argument("--clicks", type=int, default=5, help="filter changes per person")
    ap.add_argument("--alone", type=int, default=6,
                    help="level 1: how many of the next level's people run, one at a time (default 6)")
    ap.add_argument("--spread", type=float, default=3.0, help="people open their link within this many seconds")
    ap.add_argument("--pace", type=float, nargs=2, default=[1.0, 3.0], help="seconds between clicks (uniform)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--click-timeout", type=float, default=120.0)
    ap.add_argument("--level-timeout", type=float, default=900.0, help="a level stops after this many seconds")
    ap.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                    help="a Streamlit option for the server (e.g. server.fileWatcherType=auto)")
    ap.add_argument("--defaults", action="store_true",
                    help="run with Streamlit's defaults for the options the repository's config.toml tunes")
    ap.add_argument("--warm", action="store_true",
                    help="each level's people go through once, unmeasured, before the measured pass (warm caches)")
    ap.add_argument("--workdir", default=None, help="server logs (default: a temporary directory)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    options = dict(STREAMLIT_DEFAULTS) if args.defaults else {}
    for item in args.option:
        key, _, value = item.partition("=")
        options[key] = value
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench-workshop-"))
    workdir.mkdir(parents=True, exist_ok=True)
    values = placeholders(Path(args.db))
    crowd = max([s for s in args.sessions if s > 1], default=12)
    next_up = {s: min([t for t in args.sessions if t > 1], default=crowd) for s in args.sessions}
    levels = []
    for s in args.sessions:
        if s == 1:
            people = plans(next_up[s], args.seed, args.spread, values)[:args.alone]
        else:
            people = plans(s, args.seed, args.spread, values)
        print(f"[workshop] {len(people)} people, {'one at a time' if s == 1 else 'together'}, "
              f"options {options or 'from config.toml'}", file=sys.stderr, flush=True)
        levels.append(run_level(Path(args.db), sessions=s, persons_plan=people, clicks=args.clicks, options=options,
                                workdir=workdir, timeout=args.click_timeout, deadline=args.level_timeout,
                                pace=tuple(args.pace), warm=args.warm))
    Path(args.out).write_text(json.dumps({"levels": levels, "options": options, "links": len(LINKS),
                                          "pace": args.pace, "spread": args.spread, "seed": args.seed,
                                          "workdir": str(workdir)}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
