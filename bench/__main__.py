"""``python -m bench``: run every benchmark module in bench/, print ONE markdown table, save it as bench/RESULTS.md.

A benchmark module is any ``bench/<name>.py`` (not starting with ``_``, and not a helper such as ``report``) that
defines ``run(options) -> Report``; a new one is picked up without changing this file. A module may set ``PEOPLE``
and ``QUICK_PEOPLE`` (its own sizes when ``--people`` is not given), ``COLUMNS`` (its baseline's name first) and
rows with a ``format_value(value)`` method (values that are not seconds). The table itself is made by
:mod:`bench.report`. A module that fails is reported in the table and the run goes on; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import pkgutil
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import bench
from bench import Options, Report
from bench.report import Run, render

RESULTS = Path(bench.__file__).with_name("RESULTS.md")
QUICK_PEOPLE = 1_000


#: Modules of bench/ that are not benchmarks.
HELPERS = frozenset({"report", "measures_sql"})


def modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_") and m.name not in HELPERS
    )


def options_for(module: ModuleType, args: argparse.Namespace) -> Options:
    """``--people`` for every module; otherwise the module's own size (``PEOPLE``, ``QUICK_PEOPLE``)."""
    if args.people is not None:
        people = args.people
    elif args.quick:
        people = getattr(module, "QUICK_PEOPLE", QUICK_PEOPLE)
    else:
        people = getattr(module, "PEOPLE", Options.people)
    return Options(people=people, repeats=args.repeats)


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
    runs: list[Run] = []
    for name in args.only or modules():
        module = importlib.import_module(f"bench.{name}")
        options = options_for(module, args)
        print(f"running bench.{name} with {options.people:,} people ...", file=sys.stderr, flush=True)
        began = time.perf_counter()
        try:
            report = module.run(options)
            runs.append(Run(module, options, report, took=time.perf_counter() - began))
        except Exception as exc:
            traceback.print_exc()
            failure = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")
            runs.append(Run(module, options, Report(name), took=time.perf_counter() - began, failure=failure))
    command = "python -m bench" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    text = render(runs, repeats=args.repeats, started=started, took=time.perf_counter() - start, command=command)
    print(text, end="")
    if not args.no_save:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"(saved to {RESULTS})", file=sys.stderr)
    return 1 if any(run.failure for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
