"""What the two commands, ``offramp`` and ``offramp-server``, share: the same exit statuses and the same way of
turning a refusal, an interruption or an unexpected failure into one plain sentence on stderr."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app.errors import OfframpError, storage_problem

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class CommandParser(argparse.ArgumentParser):
    """A usage mistake is one line under the usage, named for the command, and exit status 2."""

    command_name = "offramp"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.command_name}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def run_command(call: Callable[[], Any], *, command_name: str, unexpected: str) -> int:
    """Run one subcommand and give its exit status; ``unexpected`` is the sentence for a failure nobody caused."""
    try:
        return int(call())
    except UsageError as exc:
        print(f"{command_name}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OfframpError as exc:
        print(exc.message, file=sys.stderr)
        if exc.detail and os.environ.get("OFFRAMP_DEBUG"):
            print(f"(detail: {exc.detail})", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except Exception as exc:
        problem = storage_problem(exc)  # a full disk or a read-only folder: said as such
        if problem is not None:
            print(problem.message, file=sys.stderr)
            return EXIT_REFUSED
        # Not a person's mistake: say so plainly. The detail (which may quote data) only when asked for.
        if os.environ.get("OFFRAMP_DEBUG"):
            raise
        print(unexpected, file=sys.stderr)
        return EXIT_REFUSED


def run_main(parser: argparse.ArgumentParser, argv: Sequence[str] | None, *, unexpected: str) -> int:
    """Parse ``argv`` and run the chosen subcommand (its ``func``), named in messages as the parser's ``prog``."""
    args = parser.parse_args(argv)
    return run_command(lambda: args.func(args), command_name=parser.prog, unexpected=unexpected)
