"""Offramp's benchmarks: ``python -m bench`` runs every module here and prints one markdown table.

A benchmark module (any ``bench/<name>.py`` not starting with ``_``) defines ``run(options) -> Report``. Each
measure is timed several times within the same run and the best time kept, so a ratio compares like with like on
one machine at one moment; absolute times are only context.
"""

from __future__ import annotations

import os
import platform
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")

__all__ = ["Options", "Report", "Row", "best_of", "machine", "ms", "peak_rss_mib", "seconds"]


@dataclass(frozen=True)
class Options:
    people: int = 10_000
    repeats: int = 3


@dataclass(frozen=True)
class Row:
    """One line of the table. ``plain``/``vault`` are seconds (None: not measured for that side)."""

    measure: str
    plain: float | None
    vault: float | None
    target: float | None = None  # the highest acceptable vault/plain ratio
    target_text: str | None = None  # a target that is not a ratio, with ``met`` given
    met: bool | None = None
    baseline: str | None = None  # the baseline's name, where it is not the module's (``COLUMNS``)

    @property
    def ratio(self) -> float | None:
        if self.plain is None or self.vault is None or self.plain <= 0:
            return None
        return self.vault / self.plain

    @property
    def is_met(self) -> bool | None:
        if self.met is not None:
            return self.met
        if self.target is None or self.ratio is None:
            return None
        return self.ratio <= self.target


@dataclass
class Report:
    name: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def best_of(repeats: int, fn: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``repeats`` timed calls (wall clock), and the last call's result."""
    best = float("inf")
    result: T
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 1:
        return ms(value)
    return f"{value:,.2f} s"


def ms(value: float) -> str:
    return f"{value * 1000:,.1f} ms" if value < 0.1 else f"{value * 1000:,.0f} ms"


def peak_rss_mib() -> float:
    """This process's peak resident memory (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if platform.system() == "Darwin" else peak / 1024


def _total_memory_gib() -> float | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    except (ValueError, OSError, AttributeError):
        return None


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    cpus = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    memory = _total_memory_gib()
    parts = [f"{usable} CPU{'s' if usable != 1 else ''} usable of {cpus} ({_cpu_model()})"]
    if memory is not None:
        parts.append(f"{memory:.1f} GiB RAM")
    parts.append(f"{platform.system()} {platform.release()}, Python {platform.python_version()}")
    return "; ".join(parts)
