"""Every test, as ``make test`` runs them: the tests without a window in one process, then each window test file in
a process of its own.

Why: the window tests have crashed Python with a segmentation fault, rarely and each time in a different place
(pytest-qt processing events after a test, a list being refilled), always with the vault's worker thread idle,
and never when the file ran alone. Until that is found (see the faulthandler trace the crash prints), a window
file runs in its own process, and a file whose process is killed by a signal is run once more. A crash is never
hidden: its trace stays in the output and the summary at the end names every file that crashed. An assertion
that fails is a failure at once, never retried.

    python -m tests.run_all [pytest arguments...]

With arguments that name tests (a path or ``-k``), it is plain pytest: ``PYTEST_ARGS='tests/ui -x' make test``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOW_TESTS = ("tests/e2e", "tests/ui")
NO_TESTS = 5  # pytest's exit status when a file's tests are all deselected


def _pytest(*args: str) -> int:
    return subprocess.call([sys.executable, "-m", "pytest", *args], cwd=ROOT)


def _narrowed(args: list[str]) -> bool:
    """The arguments name tests (a path, a node id, ``-k``): then they are plain pytest's."""
    named = [a.split("::")[0] for a in args if not a.startswith("-")]
    return "-k" in args or any((ROOT / a).exists() for a in named)


def main(argv: list[str]) -> int:
    if _narrowed(argv):
        return _pytest(*argv)
    status = _pytest(*[f"--ignore={d}" for d in WINDOW_TESTS], *argv)
    crashed: list[str] = []
    failed: list[str] = []
    files = sorted(str(p.relative_to(ROOT)) for d in WINDOW_TESTS for p in (ROOT / d).glob("test_*.py"))
    for name in files:
        code = _pytest("-q", name, *argv)
        if code < 0:
            crashed.append(f"{name} (signal {-code})")
            print(f"\n*** {name}: Python was killed by signal {-code}; its trace is above. Running it once more.\n",
                  flush=True)  # fmt: skip
            code = _pytest("-q", name, *argv)
        if code not in (0, NO_TESTS):
            failed.append(name)
    if crashed:
        print("\n*** Window test files that crashed and were run once more:", ", ".join(crashed), flush=True)
    if failed:
        print("\n*** Window test files that failed:", ", ".join(failed), flush=True)
    return status or (1 if failed else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
