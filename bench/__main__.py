"""``python -m bench``: run every benchmark module in bench/, print their markdown tables, save bench/RESULTS.md.

A module may set ``PEOPLE`` and ``QUICK_PEOPLE`` (its own sizes when ``--people`` is not given), ``COLUMNS`` (its
table's two value headings) and rows with a ``format_value(value)`` method (values that are not seconds).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import pkgutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import bench
from bench import Options, Report, Row, machine, peak_rss_mib, seconds

RESULTS = Path(bench.__file__).with_name("RESULTS.md")
QUICK_PEOPLE = 1_000
COLUMNS = ("plain SQLite", "vault")


def modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_"))


def _cell_ratio(row: Row) -> str:
    return "—" if row.ratio is None else f"{row.ratio:.2f}x"


def _cell_target(row: Row) -> str:
    if row.target_text:
        return row.target_text
    return "—" if row.target is None else f"≤ {row.target:g}x"


def _cell_met(row: Row) -> str:
    met = row.is_met
    return "—" if met is None else ("yes" if met else "**no**")


def _cell_value(row: Row, value: float | None) -> str:
    fmt = getattr(row, "format_value", None)
    return fmt(value) if callable(fmt) else seconds(value)


def options_for(module: ModuleType, args: argparse.Namespace) -> Options:
    """``--people`` for every module; otherwise the module's own size (``PEOPLE``, ``QUICK_PEOPLE``)."""
    if args.people is not None:
        people = args.people
    elif args.quick:
        people = getattr(module, "QUICK_PEOPLE", QUICK_PEOPLE)
    else:
        people = getattr(module, "PEOPLE", Options.people)
    return Options(people=people, repeats=args.repeats)


def render(runs: Sequence[tuple[ModuleType, Options, Report]], repeats: int, started: dt.datetime, took: float) -> str:
    sizes = ", ".join(f"{report.name} {options.people:,}" for _module, options, report in runs)
    lines = [
        f"# Offramp benchmarks — {started:%Y-%m-%d %H:%M} UTC",
        "",
        f"- Machine: {machine()}",
        f"- Run: `python -m bench` with people: {sizes}; every timing is the best of {repeats} within this run "
        f"unless its notes say otherwise; {took:,.0f} s in all; peak memory {peak_rss_mib():,.0f} MiB.",
    ]
    for module, _options, report in runs:
        baseline, measured = getattr(module, "COLUMNS", COLUMNS)
        lines += ["", f"| measure | {baseline} | {measured} | ratio | target | met? |", "|---|---|---|---|---|---|"]
        for row in report.rows:
            lines.append(
                f"| {report.name}: {row.measure} | {_cell_value(row, row.plain)} | {_cell_value(row, row.vault)} | "
                f"{_cell_ratio(row)} | {_cell_target(row)} | {_cell_met(row)} |"
            )
    lines.append("")
    for _module, _options, report in runs:
        lines += [f"- {report.name}: {note}" for note in report.notes]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--people", type=int, default=None, help="people to generate (default 10,000; bench.ui 100,000)")
    size.add_argument("--quick", action="store_true", help=f"a quick run with {QUICK_PEOPLE:,} people (bench.ui 5,000)")
    parser.add_argument("--repeats", type=int, default=Options.repeats, help="timings per measure (best kept)")
    parser.add_argument("--only", action="append", choices=modules(), help="run only this benchmark module")
    parser.add_argument("--no-save", action="store_true", help="do not write bench/RESULTS.md")
    args = parser.parse_args(argv)
    if (args.people is not None and args.people < 1) or args.repeats < 1:
        parser.error("--people and --repeats must be at least 1")

    started = dt.datetime.now(dt.UTC)
    start = time.perf_counter()
    runs = []
    for name in args.only or modules():
        module = importlib.import_module(f"bench.{name}")
        options = options_for(module, args)
        print(f"running bench.{name} with {options.people:,} people ...", file=sys.stderr, flush=True)
        runs.append((module, options, module.run(options)))
    text = render(runs, args.repeats, started, time.perf_counter() - start)
    print(text, end="")
    if not args.no_save:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"(saved to {RESULTS})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
