"""A real ``python -m inventory api`` on a free loopback port, for the API's tests and its browser test."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def api_server(db: Path, log: Path, timeout: float = 60.0) -> Iterator[str]:
    """The API's base URL (``http://127.0.0.1:PORT/api/v1``) while it serves ``db``; stopped after."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    env.pop("INVENTORY_DB", None)
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "inventory", "api", "--db", str(db), "--port", str(port)],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the API exited ({proc.returncode}): {log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the API did not answer in {timeout:.0f} s: {log.read_text()[-2000:]}")
            time.sleep(0.1)
        yield base
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # the group this server leads: nothing else
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)


def get(url: str, token: str | None = None, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """GET ``url``: status, headers (lower-case names), body; an HTTP error is an answer too."""
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def get_json(url: str, token: str | None = None, **headers: str):
    status, _, body = get(url, token, **headers)
    assert status == 200, (status, body[:500])
    return json.loads(body)
