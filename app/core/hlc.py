"""A hybrid logical clock: orders edits for display and audit across devices. It never decides a merge winner."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        # Fixed-width fields so text order is time order.
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.node}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        wall, counter, node = text.split(".", 2)
        return cls(int(wall), int(counter), node)


class HybridClock:
    def __init__(self, node: str, *, last: str | None = None, now_ms: Callable[[], int] | None = None) -> None:
        self.node = node.replace("-", "")[:12]
        self._now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()
        if last:
            ts = Timestamp.decode(last)
            self._wall, self._counter = ts.wall_ms, ts.counter
        else:
            self._wall, self._counter = 0, 0

    def tick(self) -> str:
        """A timestamp for a local event, later than every one this clock has issued or seen."""
        with self._lock:
            now = self._now_ms()
            if now > self._wall:
                self._wall, self._counter = now, 0
            else:
                self._counter += 1
            return Timestamp(self._wall, self._counter, self.node).encode()

    def observe(self, remote: str) -> str:
        """Merge a timestamp received from elsewhere (sync) and return the next local one."""
        ts = Timestamp.decode(remote)
        with self._lock:
            now = self._now_ms()
            wall = max(now, self._wall, ts.wall_ms)
            if wall == self._wall == ts.wall_ms:
                counter = max(self._counter, ts.counter) + 1
            elif wall == self._wall:
                counter = self._counter + 1
            elif wall == ts.wall_ms:
                counter = ts.counter + 1
            else:
                counter = 0
            self._wall, self._counter = wall, counter
            return Timestamp(wall, counter, self.node).encode()
