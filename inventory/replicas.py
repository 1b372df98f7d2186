"""A plenary: N read-only dashboard processes behind HAProxy (``make serve REPLICAS=N``).

Each replica is ``streamlit run app.py`` opening the published copy of the inventory read-only
(``INVENTORY_READONLY=1``); HAProxy spreads new visitors over them, keeps each one on its replica with a cookie
(a Streamlit session lives in one process), lets websockets stay open for a whole session and stops sending
people to a replica whose ``/_stcore/health`` fails. Imports stay with one writer (the command line or a
facilitator's own instance) and reach the replicas by ``python -m inventory publish``.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from inventory import texts

ROOT = Path(__file__).resolve().parent.parent
HEALTH = "/_stcore/health"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def haproxy_config(host: str, port: int, backends: list[int]) -> str:
    """HAProxy's configuration: sticky by cookie, websocket-friendly timeouts, health-checked replicas."""
    servers = "\n".join(
        f"    server r{k} 127.0.0.1:{p} cookie r{k} check inter 2s fall 2 rise 1" for k, p in enumerate(backends, 1))
    return f"""global
    maxconn 4096

defaults
    mode http
    option http-server-close
    option redispatch          # a replica that is down: its visitors go to another (they start a new session)
    retries 2
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    timeout tunnel 4h          # an open websocket: a whole session, idle while people talk
    timeout client-fin 5s

frontend dashboard
    bind {host}:{port}
    default_backend replicas

backend replicas
    balance leastconn          # websockets are long: the replica with fewest open sessions gets the newcomer
    cookie INVENTAIRE_REPLIQUE insert indirect nocache httponly
    option httpchk GET {HEALTH}
    http-check expect status 200
{servers}
"""


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url + HEALTH, timeout=timeout) as r:
            return r.read().strip() == b"ok"
    except OSError:
        return False


class Replicas:
    """N ``streamlit run app.py`` on free loopback ports reading ``db`` read-only, and HAProxy in front on
    ``host:port``; each process leads its own group and is ended on exit, whatever happens."""

    def __init__(self, db: str | os.PathLike, n: int, *, host: str = "127.0.0.1", port: int | None = None,
                 workdir: str | os.PathLike | None = None, env: dict[str, str] | None = None,
                 options: dict[str, str] | None = None, timeout: float = 90.0) -> None:
        self.db, self.n, self.host, self.port = Path(db).resolve(), n, host, port or free_port()
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="inventory-replicas-"))
        self.env, self.options, self.timeout = env or {}, options or {}, timeout
        self.procs: list[subprocess.Popen] = []
        self.ports: list[int] = []
        self.url = f"http://{host}:{self.port}"

    def _start(self, cmd: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
        with log.open("w") as out:
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
        self.procs.append(proc)
        return proc

    def __enter__(self) -> "Replicas":
        haproxy = os.environ.get("INVENTORY_HAPROXY") or shutil.which("haproxy") or "/usr/sbin/haproxy"
        if not Path(haproxy).exists():
            raise RuntimeError(texts.CLI_HAPROXY_MISSING)
        self.workdir.mkdir(parents=True, exist_ok=True)
        # no facilitator behind the balancer (no password, no secrets file): imports, activations and notes go to
        # the one writer, never to a read-only replica
        env = {**os.environ, "INVENTORY_DB": str(self.db), "INVENTORY_READONLY": "1", "PYTHONUNBUFFERED": "1",
               "INVENTORY_FACILITATOR_PASSWORD": "", **self.env}
        options = {"secrets.files": str(self.workdir / "no-secrets.toml"), **self.options}
        try:
            for k in range(self.n):
                port = free_port()
                cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                       "--server.address", "127.0.0.1", "--server.headless", "true",
                       "--browser.gatherUsageStats", "false"]
                for key, value in options.items():
                    cmd += [f"--{key}", value]
                self._start(cmd, self.workdir / f"replica-{k + 1}.log", env)
                self.ports.append(port)
            self._wait([f"http://127.0.0.1:{p}" for p in self.ports])
            cfg = self.workdir / "haproxy.cfg"
            cfg.write_text(haproxy_config(self.host, self.port, self.ports))
            self._start([haproxy, "-f", str(cfg), "-db"], self.workdir / "haproxy.log", dict(os.environ))
            self._wait([self.url])
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait(self, urls: list[str]) -> None:
        deadline = time.monotonic() + self.timeout
        waiting = list(urls)
        while waiting:
            dead = [p for p in self.procs if p.poll() is not None]
            if dead:
                raise RuntimeError(f"a process exited early ({dead[0].args[:3]}): {self.logs()[-2000:]}")
            waiting = [u for u in waiting if not healthy(u)]
            if waiting and time.monotonic() > deadline:
                raise RuntimeError(f"not healthy after {self.timeout:.0f} s: {waiting}: {self.logs()[-2000:]}")
            if waiting:
                time.sleep(0.2)

    def pids(self) -> list[int]:
        """The replicas' process ids (HAProxy's last)."""
        return [p.pid for p in self.procs]

    def logs(self) -> str:
        return "".join(f"--- {p.name}\n" + p.read_text(errors="replace") for p in sorted(self.workdir.glob("*.log")))

    def __exit__(self, *exc: Any) -> None:
        for proc in reversed(self.procs):
            for sig in (signal.SIGTERM, signal.SIGKILL):
                if proc.poll() is not None:
                    break
                try:
                    os.killpg(proc.pid, sig)  # the group this process leads: nothing else
                except ProcessLookupError:
                    break
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    continue
        self.procs.clear()


def main(args) -> int:
    """``serve``: publish the inventory if nothing was published yet, then run until Ctrl+C."""
    from inventory.store import Store, publish

    def stop(signum, frame):  # `kill` or a terminal closing: the replicas and HAProxy go too
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    published = Path(args.published)
    if not published.exists():
        store = Store(args.db)
        try:
            publish(store, published)
        finally:
            store.close()
    with Replicas(published, args.replicas, host=args.host, port=args.port,
                  workdir=Path(args.published).parent / "replicas") as running:
        print(texts.plural(texts.CLI_SERVING, n=args.replicas).format(host=args.host, port=args.port, n=args.replicas,
                                                                     path=published), flush=True)
        try:
            while all(p.poll() is None for p in running.procs):
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0
