"""Failed facilitator logins counted for the whole server, not per browser session: a fresh session (or two
hundred) starts with the failures of its client address and of everyone.

Each client address waits longer after each wrong password of the last ``window`` seconds (1 s after the first,
then 2, 4, 8… up to ``max_wait``); past ``overall`` failures in the window from all addresses together (a guesser
that changes address, or forges the proxy's header), every login waits until the window lets some go. A right
password clears its address's count. Nothing is kept on disk: a restart starts afresh (and is in the server log).
"""
from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable


class LoginGuard:
    def __init__(self, *, window: float = 900.0, max_wait: float = 300.0, overall: int = 30,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.window, self.max_wait, self.overall, self.clock = window, max_wait, overall, clock
        self._lock = threading.Lock()
        self._by_client: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()

    def _forget(self, now: float) -> None:
        while self._all and self._all[0] <= now - self.window:
            self._all.popleft()
        for client in list(self._by_client):
            times = self._by_client[client]
            while times and times[0] <= now - self.window:
                times.popleft()
            if not times:
                del self._by_client[client]

    def wait(self, client: str) -> int:
        """Whole seconds before ``client`` may try a password again (0: now)."""
        with self._lock:
            now = self.clock()
            self._forget(now)
            waits = [0.0]
            times = self._by_client.get(client)
            if times:
                waits.append(times[-1] + min(self.max_wait, 2.0 ** (len(times) - 1)) - now)
            if len(self._all) >= self.overall:  # the oldest failure of the window must age out first
                waits.append(self._all[len(self._all) - self.overall] + self.window - now)
            return max(0, int(-(-max(waits) // 1)))  # rounded up

    def failed(self, client: str) -> None:
        with self._lock:
            now = self.clock()
            self._by_client.setdefault(client, deque()).append(now)
            self._all.append(now)

    def reset(self) -> None:
        """Forget every failure (tests start from a fresh server)."""
        with self._lock:
            self._by_client.clear()
            self._all.clear()

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._by_client.pop(client, None)


GUARD = LoginGuard()  # one per server process: every session of this dashboard shares it
