"""The one markdown table ``python -m bench`` writes to bench/RESULTS.md, with the date and the machine above it.

Every benchmark module's rows go into a single table: the measure (prefixed by its module), the baseline timed in
the same run (with its name when the module gives one in ``COLUMNS``), Offramp's value, their ratio, the target and
whether it is met. A module that failed is a row of its own that says so, and counts as a target not met.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType

from bench import Options, Report, Row, machine, peak_rss_mib, seconds

#: Baseline headings that say nothing beyond "baseline" are not repeated in every cell.
_PLAIN_LABELS = {"", "baseline"}
#: A module without ``COLUMNS`` compares Offramp's vault with plain SQLite (bench.vault).
DEFAULT_COLUMNS = ("plain SQLite", "vault")


@dataclass
class Run:
    """One benchmark module's part of the run: its report, or the failure that stopped it."""

    module: ModuleType
    options: Options
    report: Report
    took: float = 0.0
    failure: str | None = None
    skipped: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.report.name


def _value(row: Row, value: float | None) -> str:
    fmt = getattr(row, "format_value", None)
    return str(fmt(value)) if callable(fmt) else seconds(value)


def _baseline(run: Run, row: Row) -> str:
    text = _value(row, row.plain)
    label = row.baseline or str(getattr(run.module, "COLUMNS", DEFAULT_COLUMNS)[0])
    if row.plain is None or label.strip().lower() in _PLAIN_LABELS:
        return text
    return f"{text} ({label})"


def _ratio(row: Row) -> str:
    return "—" if row.ratio is None else f"{row.ratio:.2f}x"


def _target(row: Row) -> str:
    if row.target_text:
        return row.target_text
    return "—" if row.target is None else f"≤ {row.target:g}x"


def _met(row: Row) -> str:
    met = row.is_met
    return "—" if met is None else ("yes" if met else "**no**")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def tally(runs: Sequence[Run]) -> tuple[int, int, list[str]]:
    """(targets met, targets in all, what was not met or failed)."""
    met = total = 0
    missed: list[str] = []
    for run in runs:
        if run.failure is not None:
            total += 1
            missed.append(f"{run.name} (failed)")
            continue
        for row in run.report.rows:
            if row.is_met is None:
                continue
            total += 1
            if row.is_met:
                met += 1
            else:
                missed.append(f"{run.name}: {row.measure}")
    return met, total, missed


def render(runs: Sequence[Run], *, repeats: int, started: dt.datetime, took: float, command: str) -> str:
    sizes = ", ".join(f"{run.name} {run.options.people:,}" for run in runs)
    met, total, missed = tally(runs)
    verdict = f"{met} of {total} targets met" + (f"; not met: {'; '.join(missed)}" if missed else "")
    lines = [
        f"# Offramp benchmarks — {started:%Y-%m-%d}",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine()}",
        f"- Run: `{command}` with people: {sizes}; every timing is the best of {repeats} within this run unless its "
        f"notes say otherwise; {took:,.0f} s in all ("
        + ", ".join(f"{run.name} {run.took:,.0f} s" for run in runs)
        + f"); peak memory of the runner {peak_rss_mib():,.0f} MiB.",
        f"- Each ratio is Offramp against a baseline timed in the same run on this machine. {verdict}.",
        "",
        "| measure | baseline | Offramp | ratio | target | met? |",
        "|---|---|---|---|---|---|",
    ]
    for run in runs:
        if run.failure is not None:
            lines.append(f"| {run.name}: the benchmark failed ({_cell(run.failure)}) | — | — | — | — | **no** |")
            continue
        for row in run.report.rows:
            cells = (
                f"{run.name}: {row.measure}",
                _baseline(run, row),
                _value(row, row.vault),
                _ratio(row),
                _target(row),
                _met(row),
            )
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines.append("")
    for run in runs:
        lines += [f"- {run.name}: {note}" for note in run.report.notes]
    return "\n".join(lines) + "\n"
