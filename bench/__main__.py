"""``python -m bench``: run every benchmark module in bench/, print one markdown table, save bench/RESULTS.md."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import pkgutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import bench
from bench import Options, Report, Row, machine, peak_rss_mib, seconds

RESULTS = Path(bench.__file__).with_name("RESULTS.md")
QUICK_PEOPLE = 1_000


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


def render(reports: Sequence[Report], options: Options, started: dt.datetime, took: float) -> str:
    lines = [
        f"# Offramp benchmarks — {started:%Y-%m-%d %H:%M} UTC",
        "",
        f"- Machine: {machine()}",
        f"- Run: `python -m bench` with {options.people:,} people; every timing is the best of "
        f"{options.repeats} within this run; {took:,.0f} s in all; peak memory {peak_rss_mib():,.0f} MiB.",
        "",
        "| measure | plain SQLite | vault | ratio | target | met? |",
        "|---|---|---|---|---|---|",
    ]
    for report in reports:
        for row in report.rows:
            lines.append(
                f"| {report.name}: {row.measure} | {seconds(row.plain)} | {seconds(row.vault)} | "
                f"{_cell_ratio(row)} | {_cell_target(row)} | {_cell_met(row)} |"
            )
    lines.append("")
    for report in reports:
        lines += [f"- {report.name}: {note}" for note in report.notes]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--people", type=int, default=Options.people, help="people to generate (default 10,000)")
    size.add_argument("--quick", action="store_true", help=f"a quick run with {QUICK_PEOPLE:,} people")
    parser.add_argument("--repeats", type=int, default=Options.repeats, help="timings per measure (best kept)")
    parser.add_argument("--only", action="append", choices=modules(), help="run only this benchmark module")
    parser.add_argument("--no-save", action="store_true", help="do not write bench/RESULTS.md")
    args = parser.parse_args(argv)
    if args.people < 1 or args.repeats < 1:
        parser.error("--people and --repeats must be at least 1")
    options = Options(people=QUICK_PEOPLE if args.quick else args.people, repeats=args.repeats)

    started = dt.datetime.now(dt.UTC)
    start = time.perf_counter()
    reports = []
    for name in args.only or modules():
        print(f"running bench.{name} ...", file=sys.stderr, flush=True)
        module = importlib.import_module(f"bench.{name}")
        reports.append(module.run(options))
    text = render(reports, options, started, time.perf_counter() - start)
    print(text, end="")
    if not args.no_save:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"(saved to {RESULTS})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
